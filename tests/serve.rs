//! `report-check serve` over real sockets, as curl would drive it: the
//! LanguageTool protocol (/v2/check with text or annotated data, rule lists,
//! /v2/languages), our report (/v1/check), /health, and every error path —
//! 400 naming the problem, 413, 408, 503 when saturated or over time, 404,
//! CORS off by default and on for configured origins, graceful SIGTERM.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

mod common;

const DRAFT: &str = common::CONFLICT_DRAFT;

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_report-check"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        let addr = loop {
            line.clear();
            assert!(err.read_line(&mut line).unwrap() > 0, "server exited");
            if let Some(a) = line.trim().split("http://").nth(1) {
                break a.to_string();
            }
        };
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        Server { child, addr }
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        s
    }

    /// Sends raw request bytes and reads the whole response.
    fn raw(&self, request: &[u8]) -> Response {
        let mut s = self.connect();
        s.write_all(request).unwrap();
        read_response(&mut s)
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(body);
        self.raw(&bytes)
    }

    /// POST /v1/check with a body of the given content type.
    fn v1(&self, content_type: &str, body: &[u8]) -> Response {
        self.request("POST", "/v1/check", &[("Content-Type", content_type)], body)
    }

    fn form(&self, path: &str, body: &[u8]) -> Response {
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body,
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Response {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

fn read_response(s: &mut TcpStream) -> Response {
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no response head");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut body = raw[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Response {
        status,
        head,
        body: String::from_utf8(body).unwrap(),
    }
}

/// Reads one response with a Content-Length from a kept-alive connection; its status.
fn read_one_response(s: &mut TcpStream) -> u16 {
    let mut reader = BufReader::new(s);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status = line.split(' ').nth(1).unwrap().parse().unwrap();
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    status
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let n = usize::from_str_radix(std::str::from_utf8(&b[..eol]).unwrap().trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + n]);
        b = &b[eol + 2 + n + 2..];
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn utf16_index(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].encode_utf16().count()
}

#[test]
fn languagetool_check_finds_the_conflict_at_its_utf16_offset() {
    let server = Server::start(&[]);
    // A character outside the BMP before the figures: offsets are UTF-16 units, not chars.
    let text = DRAFT.replace("开展服务活动", "开展𠀀服务活动");
    let body = format!("language=zh-CN&text={}", urlencode(&text));
    let r = server.form("/v2/check", body.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let v = r.json();
    assert_eq!(v["language"]["code"], "zh-CN");
    let m = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["rule"]["id"] == "numbers.conflict")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(m["offset"], utf16_index(&text, "2546人"));
    assert_eq!(m["length"], 5);
    // The other figure is stated in the message, where a plain client shows it.
    let message = m["message"].as_str().unwrap();
    assert!(
        message.contains("“2544人”") && message.contains("第3行"),
        "{message}"
    );
    assert_eq!(m["rule"]["issueType"], "inconsistency");
    assert_eq!(m["rule"]["category"]["id"], "NUMBERS");
    let ctx = m["context"]["text"].as_str().unwrap();
    let at = m["context"]["offset"].as_u64().unwrap() as usize;
    let ctx16: Vec<u16> = ctx.encode_utf16().collect();
    assert_eq!(String::from_utf16(&ctx16[at..at + 5]).unwrap(), "2546人");
    assert!(m["sentence"]
        .as_str()
        .unwrap()
        .ends_with("报到人数2546人。"));
    // A GET with the same query answers the same.
    let r = server.request("GET", &format!("/v2/check?{body}"), &[], b"");
    assert_eq!(r.json()["matches"], v["matches"]);
    // language=auto is accepted.
    let r = server.form(
        "/v2/check",
        format!("language=auto&text={}", urlencode(&text)).as_bytes(),
    );
    assert_eq!(r.status, 200);
}

#[test]
fn rule_lists_and_annotated_text_follow_languagetool() {
    let server = Server::start(&[]);
    let ids = |r: &Response| -> Vec<String> {
        r.json()["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["rule"]["id"].as_str().unwrap().to_string())
            .collect()
    };
    let text = urlencode(DRAFT);
    let all = ids(&server.form(
        "/v2/check",
        format!("language=zh-CN&text={text}").as_bytes(),
    ));
    assert!(all.contains(&"numbers.conflict".to_string()));
    let off = ids(&server.form(
        "/v2/check",
        format!("language=zh-CN&text={text}&disabledRules=numbers.conflict,EN_QUOTES").as_bytes(),
    ));
    assert!(!off.contains(&"numbers.conflict".to_string()), "{off:?}");
    let only = ids(&server.form(
        "/v2/check",
        format!("language=zh-CN&text={text}&enabledRules=numbers.conflict&enabledOnly=true")
            .as_bytes(),
    ));
    assert_eq!(only, ["numbers.conflict"]);

    // Annotated text: offsets count the markup, as the client sent it.
    let data = serde_json::json!({"annotation": [
        {"markup": "<h1>"}, {"text": "青山镇2023年一季度工作总结"}, {"markup": "</h1>", "interpretAs": "\n"},
        {"markup": "<h2>"}, {"text": "一、工作成效"}, {"markup": "</h2>", "interpretAs": "\n"},
        {"markup": "<p>"}, {"text": "机关党员到社区报到2544人，开展服务活动。"}, {"markup": "<i>"},
        {"text": "推进党建进小区，机关党员到社区的报到人数"}, {"markup": "<b>"},
        {"text": "2546人"}, {"markup": "</b>"}, {"text": "。"}, {"markup": "</p>"}
    ]});
    let original = "<h1>青山镇2023年一季度工作总结</h1><h2>一、工作成效</h2><p>机关党员到社区报到2544人，开展服务活动。<i>推进党建进小区，机关党员到社区的报到人数<b>2546人</b>。</p>";
    let r = server.form(
        "/v2/check",
        format!("language=zh-CN&data={}", urlencode(&data.to_string())).as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let m = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["rule"]["id"] == "numbers.conflict")
        .unwrap();
    assert_eq!(m["offset"], utf16_index(original, "2546人"));
    assert_eq!(m["length"], 5);

    let r = server.request("GET", "/v2/languages", &[], b"");
    let langs = r.json();
    assert!(
        langs
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["longCode"] == "zh-CN"),
        "{langs}"
    );
}

#[test]
fn v1_check_answers_the_json_report_and_health_answers() {
    let server = Server::start(&[]);
    let r = server.v1(
        "application/json",
        serde_json::json!({"text": DRAFT}).to_string().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert!(v["summary"]["error"].as_u64().unwrap() >= 1);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "numbers.conflict")
        .unwrap();
    assert_eq!(d["span"]["start"], utf16_index(DRAFT, "2546人"));
    assert_eq!(
        d["related"][0]["span"]["start"],
        utf16_index(DRAFT, "2544人")
    );
    assert!(v["outline"].is_object());
    // text/plain works too; a request may switch a rule off.
    let r = server.v1("text/plain; charset=utf-8", DRAFT.as_bytes());
    assert_eq!(r.json()["diagnostics"], v["diagnostics"]);
    let r = server.v1(
        "application/json",
        serde_json::json!({"text": DRAFT, "disabledRules": ["numbers.conflict"]})
            .to_string()
            .as_bytes(),
    );
    assert!(r.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["rule"] != "numbers.conflict"));
    let r = server.request("GET", "/health", &[], b"");
    assert_eq!((r.status, r.json()["status"].clone()), (200, "ok".into()));
}

#[test]
fn malformed_requests_get_a_400_naming_the_problem() {
    let server = Server::start(&[]);
    let cases: Vec<(Response, &str)> = vec![
        (server.form("/v2/check", b"language=zh-CN"), "text 或 data"),
        (
            server.form("/v2/check", b"language=en-US&text=abc"),
            "en-US",
        ),
        (
            server.form("/v2/check", b"language=zh-CN&text=%E4%B8%80%E4"),
            "“text”",
        ),
        (
            server.form("/v2/check", b"language=zh-CN&data=%7Bnot-json"),
            "data",
        ),
        (
            server.request(
                "POST",
                "/v2/check",
                &[("Content-Type", "application/json")],
                b"{}",
            ),
            "application/json",
        ),
        (
            server.v1("application/json", b"{\"text\": 3}"),
            "请求 JSON 有误",
        ),
        (server.v1("application/json", b"{\"txt\": \"a\"}"), "txt"),
        (
            server.v1("application/json", br#"{"text": "a\ud800b"}"#),
            "代理项",
        ),
        (server.v1("text/plain", b"ok \xff\xfe junk"), "UTF-8"),
        (
            server.v1(
                "application/json",
                br#"{"text": "a", "disabledRules": ["numbers.conflit"]}"#,
            ),
            "numbers.conflit",
        ),
        (
            server.request("POST", "/v1/check", &[], b"text"),
            "application/json",
        ),
    ];
    for (r, expect) in &cases {
        assert_eq!(r.status, 400, "{}", r.body);
        assert!(r.body.contains(expect), "expected “{expect}” in {}", r.body);
    }
    let r = server.request("GET", "/v3/whatever", &[], b"");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("/v2/check"), "{}", r.body);
    let r = server.request("DELETE", "/v2/check", &[], b"");
    assert_eq!(r.status, 405);
    // Not even HTTP: the connection is refused politely, the server lives on.
    let r = server.raw(b"\x00\x01\x02garbage\r\n\r\n");
    assert_eq!(r.status, 400);
    assert_eq!(server.request("GET", "/health", &[], b"").status, 200);
}

#[test]
fn size_time_and_load_limits_answer_clearly() {
    let server = Server::start(&[
        "--max-body",
        "100000",
        "--max-in-flight",
        "1",
        "--max-queue",
        "0",
        "--timeout-ms",
        "1500",
    ]);
    // 413 by declared length, before the body is read.
    let big = vec![b'a'; 200_000];
    let r = server.v1("text/plain", &big);
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("100000"), "{}", r.body);
    // 413 for a chunked body that grows past the limit.
    let mut req = b"POST /v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..3 {
        req.extend_from_slice(format!("{:x}\r\n", 50_000).as_bytes());
        req.extend_from_slice(&vec![b'a'; 50_000]);
        req.extend_from_slice(b"\r\n");
    }
    req.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(server.raw(&req).status, 413);

    // One slow upload holds the only place: the next request is 503 at once.
    let mut slow = server.connect();
    slow.write_all(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nabc").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let t = std::time::Instant::now();
    let r = server.form("/v2/check", b"language=zh-CN&text=abc");
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("繁忙"), "{}", r.body);
    assert_eq!(r.header("retry-after").as_deref(), Some("1"));
    assert!(
        t.elapsed() < Duration::from_millis(1000),
        "{:?}",
        t.elapsed()
    );
    // A refused request's body is still read: the 503 arrives on a connection
    // that stays open, and the next request on it is answered too.
    let mut kept = server.connect();
    let body = format!("language=zh-CN&text={}", "报到人数2546人。".repeat(2_000));
    let req = format!(
        "POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    for _ in 0..2 {
        kept.write_all(req.as_bytes()).unwrap();
        assert_eq!(read_one_response(&mut kept), 503);
    }
    // The slow upload itself runs out of time: 408.
    let r = read_response(&mut slow);
    assert_eq!(r.status, 408, "{}", r.body);
    // The place is free again.
    assert_eq!(
        server.form("/v2/check", b"language=zh-CN&text=abc").status,
        200
    );
}

#[test]
fn idle_connections_are_closed_and_open_connections_are_capped() {
    let server = Server::start(&["--max-connections", "2", "--idle-timeout-ms", "300"]);
    // Two connections that send nothing fill the cap: a third is closed at once.
    let mut idle = [server.connect(), server.connect()];
    std::thread::sleep(Duration::from_millis(50));
    let mut third = server.connect();
    let _ = third.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    let mut buf = Vec::new();
    let got = third.read_to_end(&mut buf);
    assert!(
        got.is_err() || buf.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&buf)
    );
    // A connection that sends no request head within the idle timeout is closed.
    let t = std::time::Instant::now();
    for conn in &mut idle {
        let mut buf = Vec::new();
        let _ = conn.read_to_end(&mut buf);
    }
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    // Their places are free again.
    assert_eq!(server.request("GET", "/health", &[], b"").status, 200);
}

#[test]
fn a_check_over_the_time_limit_is_abandoned_with_503() {
    let server = Server::start(&["--timeout-ms", "300", "--max-body", "40000000"]);
    // Numbers and headings make every rule work: far over 300 ms in any build.
    let para =
        "一、工作成效\n全年完成投资1200万元，其中基础设施800万元、产业300万元，占比66.7%。\n";
    let text = para.repeat(60_000);
    let r = server.v1("text/plain", text.as_bytes());
    assert_eq!(r.status, 503, "{}", &r.body[..r.body.len().min(200)]);
    assert!(r.body.contains("时限"), "{}", r.body);
    assert_eq!(server.request("GET", "/health", &[], b"").status, 200);
}

#[test]
fn cors_is_off_by_default_and_on_for_configured_origins() {
    let plain = Server::start(&[]);
    let r = plain.request(
        "GET",
        "/health",
        &[("Origin", "https://oa.example.gov.cn")],
        b"",
    );
    assert_eq!(r.header("access-control-allow-origin"), None);
    let open = Server::start(&["--cors-origin", "https://oa.example.gov.cn"]);
    let r = open.request(
        "GET",
        "/health",
        &[("Origin", "https://oa.example.gov.cn")],
        b"",
    );
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("https://oa.example.gov.cn")
    );
    let r = open.request(
        "GET",
        "/health",
        &[("Origin", "https://evil.example.com")],
        b"",
    );
    assert_eq!(r.header("access-control-allow-origin"), None);
    let r = open.request(
        "OPTIONS",
        "/v2/check",
        &[
            ("Origin", "https://oa.example.gov.cn"),
            ("Access-Control-Request-Method", "POST"),
        ],
        b"",
    );
    assert_eq!(r.status, 200);
    assert!(r
        .header("access-control-allow-methods")
        .unwrap()
        .contains("POST"));
}

#[test]
fn sigterm_finishes_the_request_in_progress_then_exits() {
    let mut server = Server::start(&["--max-body", "40000000"]);
    let text =
        "一、工作成效\n全年完成投资1200万元，其中基础设施800万元、产业300万元。\n".repeat(20_000);
    let addr = server.addr.clone();
    let client = std::thread::spawn(move || {
        let s = Server {
            child: Command::new("true").spawn().unwrap(),
            addr,
        };
        let r = s.request(
            "POST",
            "/v1/check",
            &[("Content-Type", "text/plain")],
            text.as_bytes(),
        );
        (r.status, r.json()["summary"].is_object())
    });
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(client.join().unwrap(), (200, true));
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    // Nothing listens any more.
    assert!(TcpStream::connect(&server.addr).is_err());
}

#[test]
fn bad_settings_and_configuration_stop_the_server_at_start() {
    let dir = std::env::temp_dir().join(format!("report-check-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("bad.json");
    std::fs::write(
        &cfg,
        r#"{"wording": {"forbidden": [{"pattern": "(精准"}]}}"#,
    )
    .unwrap();
    for (args, expect) in [
        (vec!["--config", cfg.to_str().unwrap()], "(精准"),
        (vec!["--addr", "localhost"], "--addr"),
        (vec!["--max-in-flight", "0"], "--max-in-flight"),
        (vec!["--cors-origin", "bad\norigin"], "--cors-origin"),
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_report-check"))
            .arg("serve")
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(expect), "{args:?}: {err}");
    }
}

#[test]
fn the_configuration_applies_to_every_request() {
    let dir = std::env::temp_dir().join(format!("report-check-serve-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("org.json");
    std::fs::write(
        &cfg,
        r#"{"severity": {"numbers.conflict": "warning"},
            "wording": {"forbidden": [{"pattern": "党建进小区", "preferred": "党建引领小区治理"}]}}"#,
    )
    .unwrap();
    let server = Server::start(&["--config", cfg.to_str().unwrap()]);
    let r = server.v1("text/plain", DRAFT.as_bytes());
    let v = r.json();
    let find = |rule: &str| {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == rule)
            .cloned()
            .unwrap()
    };
    assert_eq!(find("numbers.conflict")["severity"], "warning");
    assert_eq!(
        find("text.wording")["suggestions"][0]["replacement"],
        "党建引领小区治理"
    );
    let r = server.form(
        "/v2/check",
        format!("language=zh-CN&text={}", urlencode(DRAFT)).as_bytes(),
    );
    let m = r.json()["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["rule"]["id"] == "text.wording")
        .cloned()
        .unwrap();
    assert_eq!(m["replacements"][0]["value"], "党建引领小区治理");
    assert_eq!(m["offset"], utf16_index(DRAFT, "党建进小区"));
}
