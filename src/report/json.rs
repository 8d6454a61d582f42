//! JSON Lines (one audit object per line: the contract the scorer reads) and one
//! JSON document.

use std::io::{self, Write};

use super::Report;
use crate::model::Audit;

/// One JSON object per line, per article.
#[derive(Default)]
pub struct Jsonl {
    buf: Vec<u8>,
}

impl Report for Jsonl {
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        let mut w = Chunks { buf: &mut self.buf, out };
        serde_json::to_writer(&mut w, audit)?;
        w.write_all(b"\n")?;
        w.flush_buf()
    }
}

/// Blocks of this size reach the output at once.
const CHUNK: usize = 64 << 10;

/// serde_json writes a record in many small pieces: gathered here, they reach
/// the output (a trait object) a block at a time, and a large article is still
/// written as it is serialised, never held whole.
struct Chunks<'a> {
    buf: &'a mut Vec<u8>,
    out: &'a mut dyn Write,
}

impl Chunks<'_> {
    fn flush_buf(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.out.write_all(self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

impl Write for Chunks<'_> {
    #[inline]
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.write_all(b)?;
        Ok(b.len())
    }

    #[inline]
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        if self.buf.len() + b.len() > CHUNK {
            self.flush_buf()?;
            if b.len() >= CHUNK {
                return self.out.write_all(b);
            }
        }
        self.buf.extend_from_slice(b);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_buf()?;
        self.out.flush()
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
        let mut w = Chunks { buf: &mut self.buf, out };
        w.write_all(if self.started { b",\n" } else { b"{\"articles\": [\n" })?;
        self.started = true;
        serde_json::to_writer(&mut w, audit)?;
        w.flush_buf()
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.started { b"\n]}\n" } else { b"{\"articles\": []}\n" })
    }
}
