//! JSON Lines (one audit object per line: the contract the scorer reads) and one
//! JSON document.

use std::io::{self, Write};

use super::Report;
use crate::model::Audit;

/// One JSON object per line, per article.
#[derive(Default)]
pub struct Jsonl {
    /// The line is built here and written in one call: serde_json writes
    /// many small pieces, each a dynamic call into the writer otherwise.
    buf: Vec<u8>,
}

impl Report for Jsonl {
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        self.buf.clear();
        serde_json::to_writer(&mut self.buf, audit)?;
        self.buf.push(b'\n');
        out.write_all(&self.buf)
    }
}

/// One JSON document, `{"articles": [...]}`, written as the articles come: the
/// report is never held in memory.
#[derive(Default)]
pub struct Json {
    started: bool,
    buf: Vec<u8>,
}

impl Report for Json {
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        self.buf.clear();
        self.buf.extend_from_slice(if self.started { b",\n" } else { b"{\"articles\": [\n" });
        self.started = true;
        serde_json::to_writer(&mut self.buf, audit)?;
        out.write_all(&self.buf)
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.started { b"\n]}\n" } else { b"{\"articles\": []}\n" })
    }
}
