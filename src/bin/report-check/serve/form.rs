//! `application/x-www-form-urlencoded` bodies (and query strings), decoded
//! strictly: a field whose bytes are not UTF-8 is an error naming the field,
//! never silently turned into U+FFFD (the offsets we return would then index
//! a text the client never sent).

/// The fields of a form, in order; a repeated field keeps its last value.
pub struct Form(Vec<(String, String)>);

impl Form {
    pub fn parse(body: &[u8]) -> Result<Form, String> {
        let mut fields = Vec::new();
        for pair in body.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
            let (name, value) = match pair.iter().position(|&b| b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &[][..]),
            };
            let name = String::from_utf8(decode(name))
                .map_err(|_| "表单中有一个字段名不是合法的 UTF-8 编码".to_string())?;
            let value = String::from_utf8(decode(value)).map_err(|e| {
                format!(
                    "表单字段“{name}”不是合法的 UTF-8 编码（第 {} 个字节起）",
                    e.utf8_error().valid_up_to() + 1
                )
            })?;
            fields.push((name, value));
        }
        Ok(Form(fields))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn take(&mut self, name: &str) -> Option<String> {
        let i = self.0.iter().rposition(|(n, _)| n == name)?;
        Some(self.0.swap_remove(i).1)
    }
}

/// Percent-decoding with `+` as space. A `%` not followed by two hex digits
/// stays as it is (as browsers and LanguageTool's own server do).
fn decode(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < raw.len() => match (hex(raw[i + 1]), hex(raw[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_fields_and_names_a_field_that_is_not_utf8() {
        let f = Form::parse(b"language=zh-CN&text=%E4%B8%80+%E4%BA%8C&enabledOnly").unwrap();
        assert_eq!(f.get("text"), Some("一 二"));
        assert_eq!(f.get("language"), Some("zh-CN"));
        assert_eq!(f.get("enabledOnly"), Some(""));
        assert_eq!(f.get("data"), None);
        let err = Form::parse(b"language=zh-CN&text=%E4%B8").err().unwrap();
        assert!(err.contains("“text”"), "{err}");
        // A stray % is kept, not an error; the last of a repeated field wins.
        let f = Form::parse(b"text=50%&text=100%25").unwrap();
        assert_eq!(f.get("text"), Some("100%"));
        assert_eq!(Form::parse(b"text=50%").unwrap().get("text"), Some("50%"));
        assert_eq!(Form::parse(b"text=5%2").unwrap().get("text"), Some("5%2"));
    }
}
