//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Arabic),
//! CRLF line ends, one serde row type per table. `audit --format csv` writes one
//! [`Row`] per claim or figure.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::model::{Audit, Category, Claim, Figure, Kind, Mode, Stance};

/// A CSV writer for Excel: a byte-order mark, then CRLF-terminated records; the
/// header comes from the first row's field names.
pub fn writer<W: Write>(mut out: W) -> io::Result<csv::Writer<W>> {
    out.write_all("\u{FEFF}".as_bytes())?;
    Ok(records(out, true))
}

fn records<W: Write>(out: W, header: bool) -> csv::Writer<W> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).has_headers(header).from_writer(out)
}

/// One claim or one figure of an audit. Claim rows leave the figure columns
/// empty and the reverse; offsets as in JSON.
#[derive(Debug, Serialize, Default)]
pub struct Row<'a> {
    pub path: &'a str,
    /// `claim` or `figure`.
    pub kind: &'static str,
    pub id: &'a str,
    pub line: usize,
    pub col: usize,
    pub start: usize,
    pub end: usize,
    pub mode: Option<Mode>,
    /// The cue of a claim, the qualifier of a figure.
    pub cue: Option<&'a str>,
    pub stance: Option<Stance>,
    pub source: Option<&'a str>,
    pub source_kind: Option<Kind>,
    pub anonymous: Option<bool>,
    /// The relays, `; `-separated.
    pub via: String,
    pub category: Option<Category>,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub vague: Option<bool>,
    pub group: Option<&'a str>,
    pub place: Option<&'a str>,
    pub as_of: Option<&'a str>,
    pub text: &'a str,
}

impl<'a> Row<'a> {
    fn claim(a: &'a Audit, c: &'a Claim) -> Row<'a> {
        let s = a.source(c.source.as_deref());
        let via: Vec<&str> = c.via.iter().filter_map(|v| a.source(Some(v))).map(|s| s.name.as_str()).collect();
        Row {
            path: &a.doc.path,
            kind: "claim",
            id: &c.id,
            line: c.line,
            col: c.col,
            start: c.start,
            end: c.end,
            mode: Some(c.mode),
            cue: c.cue.as_deref(),
            stance: Some(c.stance),
            source: s.map(|s| s.name.as_str()),
            source_kind: s.map(|s| s.kind),
            anonymous: s.map(|s| s.anonymous),
            via: via.join("; "),
            text: &c.text,
            ..Default::default()
        }
    }

    fn figure(a: &'a Audit, f: &'a Figure) -> Row<'a> {
        let s = a.source(f.source.as_deref());
        Row {
            path: &a.doc.path,
            kind: "figure",
            id: &f.id,
            line: f.line,
            col: f.col,
            start: f.start,
            end: f.end,
            cue: f.qualifier.as_deref(),
            source: s.map(|s| s.name.as_str()),
            source_kind: s.map(|s| s.kind),
            anonymous: s.map(|s| s.anonymous),
            category: Some(f.category),
            low: f.low,
            high: f.high,
            vague: Some(f.vague),
            group: f.group.as_deref(),
            place: f.place.as_deref(),
            as_of: f.as_of.as_deref(),
            text: &f.text,
            ..Default::default()
        }
    }
}

/// The audit report as CSV: the header once, then every claim and figure.
#[derive(Default)]
pub struct Csv {
    header: bool,
}

impl Report for Csv {
    fn article(&mut self, out: &mut dyn Write, a: &Audit, _text: &str) -> io::Result<()> {
        if a.claims.is_empty() && a.figures.is_empty() {
            return Ok(());
        }
        let mut w = if self.header { records(out, false) } else { writer(out)? };
        self.header = true;
        for c in &a.claims {
            w.serialize(Row::claim(a, c))?;
        }
        for f in &a.figures {
            w.serialize(Row::figure(a, f))?;
        }
        w.flush()
    }
}
