//! Reading drafts: the files and folders named on the command line (folders
//! recursively, their .txt and .docx files in name order), and each file's text.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The files to check: each argument that is a file, and the .txt / .docx
/// files under each argument that is a folder. `-` is standard input.
pub fn collect(args: &[String]) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if arg != "-" && path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found).map_err(|e| format!("{arg}: {e}"))?;
            found.sort();
            files.extend(found.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else {
            files.push(arg.clone());
        }
    }
    Ok(files)
}

fn is_draft(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("docx"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // Symbolic links to folders are not followed: no loops.
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if is_draft(&path) && !is_office_lock_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Word's `~$name.docx` owner files, left beside an open document.
fn is_office_lock_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$"))
}

/// The text of a draft: a .docx's paragraphs, or a text file's decoded bytes.
pub fn read_text(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?;
    } else {
        bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    }
    if bytes.starts_with(b"PK\x03\x04") && is_draft(Path::new(file)) {
        return crate::docx::text(&bytes);
    }
    Ok(decode(bytes))
}

/// UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK, which office
/// machines still save. Anything else is decoded lossily rather than refused:
/// a checker should say what it can.
fn decode(bytes: Vec<u8>) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let (s, _, had_errors) = encoding_rs::GB18030.decode(&bytes);
            if had_errors {
                String::from_utf8_lossy(&bytes).into_owned()
            } else {
                s.into_owned()
            }
        }
    }
}
