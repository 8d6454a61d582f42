//! Reports behind `--format`: one `Report` per format, writing to any writer.

mod human;
mod chart;
mod html;

use std::io::{self, Write};

use crate::audit::Audit;

pub use chart::{timeline_page, timeline_svg, Point as ChartPoint};
pub use html::Html;
pub use human::{isolate, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Line,
    Html,
    Csv,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "text" => Format::Text,
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "line" => Format::Line,
            "html" => Format::Html,
            "csv" => Format::Csv,
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

/// A figure's interval for people: `426`, `20–99`, `40+`, or `?`.
pub fn interval(low: Option<u64>, high: Option<u64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => l.to_string(),
        (Some(l), Some(h)) => format!("{l}–{h}"),
        (Some(l), None) => format!("{l}+"),
        _ => "?".into(),
    }
}

pub fn reporter(f: Format) -> Box<dyn Report> {
    match f {
        Format::Text => Box::new(Text::default()),
        Format::Json => Box::new(Json::default()),
        Format::Jsonl => Box::new(Jsonl),
        Format::Line => Box::new(Line),
        Format::Html => Box::new(Html::default()),
        Format::Csv => Box::new(Csv::default()),
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

/// One row per claim or figure, for spreadsheets: UTF-8 with a byte-order mark so
/// Excel reads Arabic. Columns: path, kind (claim or figure), id, line, col,
/// start, end, mode, cue, stance, source, source_kind, anonymous, via, category,
/// low, high, vague, group, place, as_of, text.
#[derive(Default)]
pub struct Csv {
    header: bool,
}

pub const CSV_COLUMNS: &[&str] = &[
    "path", "kind", "id", "line", "col", "start", "end", "mode", "cue", "stance", "source", "source_kind", "anonymous", "via", "category", "low",
    "high", "vague", "group", "place", "as_of", "text",
];

/// CSV for Excel: a byte-order mark, so it reads the text as UTF-8, then
/// CRLF-terminated records.
pub fn csv_writer<W: Write>(mut out: W) -> io::Result<csv::Writer<W>> {
    out.write_all("\u{FEFF}".as_bytes())?;
    Ok(csv_records(out))
}

fn csv_records<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out)
}

impl Report for Csv {
    fn article(&mut self, out: &mut dyn Write, a: &Audit, _text: &str) -> io::Result<()> {
        let mut w = if self.header {
            csv_records(out)
        } else {
            self.header = true;
            let mut w = csv_writer(out)?;
            w.write_record(CSV_COLUMNS)?;
            w
        };
        let src = |id: &Option<String>| id.as_ref().and_then(|i| a.sources.iter().find(|s| &s.id == i));
        let n = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_default();
        for c in &a.claims {
            let s = src(&c.source);
            let via: Vec<String> = c.via.iter().filter_map(|v| a.sources.iter().find(|s| &s.id == v)).map(|s| s.name.clone()).collect();
            w.write_record([
                a.doc.path.clone(),
                "claim".into(),
                c.id.clone(),
                c.line.to_string(),
                c.col.to_string(),
                c.start.to_string(),
                c.end.to_string(),
                c.mode.to_string(),
                c.cue.clone().unwrap_or_default(),
                c.stance.to_string(),
                s.map(|s| s.name.clone()).unwrap_or_default(),
                s.map(|s| s.kind.to_string()).unwrap_or_default(),
                s.map(|s| s.anonymous.to_string()).unwrap_or_default(),
                via.join("; "),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                c.text.clone(),
            ])?;
        }
        for f in &a.figures {
            let s = src(&f.source);
            w.write_record([
                a.doc.path.clone(),
                "figure".into(),
                f.id.clone(),
                f.line.to_string(),
                f.col.to_string(),
                f.start.to_string(),
                f.end.to_string(),
                String::new(),
                f.qualifier.clone().unwrap_or_default(),
                String::new(),
                s.map(|s| s.name.clone()).unwrap_or_default(),
                s.map(|s| s.kind.to_string()).unwrap_or_default(),
                s.map(|s| s.anonymous.to_string()).unwrap_or_default(),
                String::new(),
                f.category.to_string(),
                n(f.low),
                n(f.high),
                f.vague.to_string(),
                f.group.clone().unwrap_or_default(),
                f.place.clone().unwrap_or_default(),
                f.as_of.clone().unwrap_or_default(),
                f.text.clone(),
            ])?;
        }
        w.flush()
    }
}
