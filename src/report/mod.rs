//! Reports behind `--format`: one `Report` per format, writing to any writer.

mod human;

use std::io::{self, Write};

use crate::audit::Audit;

pub use human::{isolate, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Line,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "text" => Format::Text,
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "line" => Format::Line,
            _ => return None,
        })
    }
}

pub trait Report {
    /// One article's audit. `text` is the file as read.
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, text: &str) -> io::Result<()>;
    /// After the last article.
    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

pub fn reporter(f: Format) -> Box<dyn Report> {
    match f {
        Format::Text => Box::new(Text::default()),
        Format::Json => Box::new(Json::default()),
        Format::Jsonl => Box::new(Jsonl),
        Format::Line => Box::new(Line),
    }
}

/// One JSON object per line, per article.
pub struct Jsonl;

impl Report for Jsonl {
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        serde_json::to_writer(&mut *out, audit)?;
        out.write_all(b"\n")
    }
}

/// One JSON document: `{"articles": [...]}`.
#[derive(Default)]
pub struct Json {
    articles: Vec<serde_json::Value>,
}

impl Report for Json {
    fn article(&mut self, _out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        self.articles.push(serde_json::to_value(audit)?);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let v = serde_json::json!({ "articles": std::mem::take(&mut self.articles) });
        serde_json::to_writer_pretty(&mut *out, &v)?;
        out.write_all(b"\n")
    }
}

/// `path:line:col:rule:message`, one finding per line (Vale style).
pub struct Line;

impl Report for Line {
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        for f in &audit.findings {
            writeln!(out, "{}:{}:{}:{}:{}", audit.doc.path, f.line, f.col, f.rule, f.message.replace('\n', " "))?;
        }
        Ok(())
    }
}
