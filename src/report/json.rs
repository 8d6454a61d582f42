//! JSON Lines (one audit object per line: the contract the scorer reads) and one
//! JSON document.

use std::io::{self, Write};

use super::Report;
use crate::model::Audit;

/// One JSON object per line, per article.
pub struct Jsonl;

impl Report for Jsonl {
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        serde_json::to_writer(&mut *out, audit)?;
        out.write_all(b"\n")
    }
}

/// One JSON document, `{"articles": [...]}`, written as the articles come: the
/// report is never held in memory.
#[derive(Default)]
pub struct Json {
    started: bool,
}

impl Report for Json {
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        out.write_all(if self.started { b",\n" } else { b"{\"articles\": [\n" })?;
        self.started = true;
        serde_json::to_writer(&mut *out, audit).map_err(io::Error::from)
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.started { b"\n]}\n" } else { b"{\"articles\": []}\n" })
    }
}
