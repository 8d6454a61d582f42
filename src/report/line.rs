//! `path:line:col:rule:message`, one finding per line (Vale's format).

use std::io::{self, Write};

use super::Report;
use crate::model::Audit;

pub struct Line;

impl Report for Line {
    fn article(&mut self, out: &mut dyn Write, audit: &Audit, _text: &str) -> io::Result<()> {
        for f in &audit.findings {
            writeln!(out, "{}:{}:{}:{}:{}", audit.doc.path, f.line, f.col, f.rule, f.message.replace('\n', " "))?;
        }
        Ok(())
    }
}
