use report_checker::document::Document;
#[test]
fn dbg() {
    let t = std::fs::read_to_string(std::env::var("DBG").unwrap()).unwrap();
    let d = Document::parse(&t);
    for (i, q) in d.quantities.iter().enumerate() {
        println!("{i} {} unit={} mult={} roles={:?} level={} s={} subj={}", &t[q.span.clone()], q.unit, q.multiplier, q.roles, q.is_level(), q.sentence, &t[q.subject.clone()]);
    }
    println!("{:?}", d.frames);
}
