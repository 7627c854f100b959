//! The text of a .docx natively, as the page reads it (www/docx.js): each
//! `w:p` paragraph a line, `w:t` its text, `w:tab` a tab, `w:br` a line break.
//! A small tag scanner, not an XML library: WordprocessingML's text is flat.

use std::io::Read;

pub fn text(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("不是有效的 .docx 文件：{e}"))?;
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| ".docx 中没有正文（word/document.xml）".to_string())?;
    let mut xml = String::new();
    entry
        .read_to_string(&mut xml)
        .map_err(|e| format!(".docx 正文无法读取：{e}"))?;
    Ok(paragraphs(&xml))
}

/// The paragraphs of document.xml, one per line.
pub fn paragraphs(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    let mut in_paragraph = false;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        if in_text {
            unescape(&rest[..lt], &mut out);
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let self_closing = tag.ends_with('/');
        match (name, closing) {
            ("w:p", false) if !self_closing => {
                if in_paragraph {
                    out.push('\n');
                }
                in_paragraph = true;
            }
            ("w:p", false) => out.push('\n'),
            ("w:p", true) => {
                out.push('\n');
                in_paragraph = false;
            }
            ("w:t", false) => in_text = !self_closing,
            ("w:t", true) => in_text = false,
            ("w:tab", false) if in_paragraph => out.push('\t'),
            ("w:br" | "w:cr", false) if in_paragraph => out.push('\n'),
            _ => {}
        }
    }
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

/// XML's five named entities and numeric references.
fn unescape(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tabs_breaks_and_entities() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某镇2023年</w:t></w:r><w:r><w:t xml:space="preserve">工作总结</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>一、A&amp;B&#x4E00;&lt;</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t></w:r></w:p>
<w:p><w:r><w:t>2544人</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml),
            "某镇2023年工作总结\n\n一、A&B一<\tx\ny\n2544人"
        );
    }
}
