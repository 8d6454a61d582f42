//! Reports behind `--format`: one [`Report`] per format for audits, writing to
//! any writer, and the renderings of the store commands' results.
//!
//! - [`text`]: claims grouped by source for a terminal; [`line`]: Vale's
//!   `path:line:col:rule:message`;
//! - [`json`]: JSON Lines (one audit per line, the scorer's contract) and JSON;
//! - [`csv`]: one row type per table, UTF-8 with a BOM for Excel;
//! - [`html`]: the self-contained page; [`chart`]: the SVG toll timeline;
//! - [`store`]: check, timeline, conflicts and sources as text.

pub mod chart;
pub mod csv;
pub mod html;
pub mod json;
pub mod line;
pub mod store;
pub mod text;

use std::io::{self, Write};

use crate::model::Audit;

pub use chart::{timeline_page, timeline_svg};
pub use html::Html;
pub use text::{isolate, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Line,
    Html,
    Csv,
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

/// `n` and a noun, plural when `n` is not 1: "1 open conflict", "3 findings".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn reporter(f: Format) -> Box<dyn Report> {
    match f {
        Format::Text => Box::new(Text::default()),
        Format::Json => Box::new(json::Json::default()),
        Format::Jsonl => Box::new(json::Jsonl::default()),
        Format::Line => Box::new(line::Line),
        Format::Html => Box::new(Html::default()),
        Format::Csv => Box::new(csv::Csv::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_and_counts_read_well() {
        assert_eq!(interval(Some(426), Some(426)), "426");
        assert_eq!(interval(Some(20), Some(99)), "20–99");
        assert_eq!(interval(Some(40), None), "40+");
        assert_eq!(interval(None, None), "?");
        assert_eq!(count(1, "open conflict", "open conflicts"), "1 open conflict");
        assert_eq!(count(0, "finding", "findings"), "0 findings");
    }
}
