//! Text output for a terminal: claims grouped by source, each with line:col,
//! mode, cue and stance. Right-to-left runs are wrapped in Unicode isolates so a
//! bidi-aware terminal keeps the columns in place.

use std::io::{self, Write};

use super::Report;
use crate::model::Audit;

#[derive(Default)]
pub struct Text {
    count: usize,
}

/// Wrap text that holds Arabic in FSI … PDI and shorten it.
pub fn isolate(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = flat.chars().take(max).collect();
    if flat.chars().count() > max {
        short.push('…');
    }
    if short.chars().any(|c| ('\u{0590}'..='\u{08FF}').contains(&c)) {
        format!("\u{2068}{short}\u{2069}")
    } else {
        short
    }
}

impl Report for Text {
    fn article(&mut self, out: &mut dyn Write, a: &Audit, _text: &str) -> io::Result<()> {
        if self.count > 0 {
            writeln!(out)?;
        }
        self.count += 1;
        let share = (a.stats.anonymous_share * 100.0).round();
        writeln!(
            out,
            "{} [{}] {}, {}, {}% anonymous, {}",
            a.doc.path,
            a.doc.lang.as_str(),
            super::count(a.claims.len(), "claim", "claims"),
            super::count(a.sources.len(), "source", "sources"),
            share,
            super::count(a.findings.len(), "finding", "findings")
        )?;
        let mut groups: Vec<(Option<&str>, Vec<&crate::model::Claim>)> = Vec::new();
        for s in &a.sources {
            let cs: Vec<_> = a.claims.iter().filter(|c| c.source.as_deref() == Some(s.id.as_str())).collect();
            if !cs.is_empty() {
                groups.push((Some(s.id.as_str()), cs));
            }
        }
        let none: Vec<_> = a.claims.iter().filter(|c| c.source.is_none()).collect();
        if !none.is_empty() {
            groups.push((None, none));
        }
        for (sid, cs) in groups {
            match sid.and_then(|id| a.sources.iter().find(|s| s.id == id)) {
                Some(s) => {
                    let anon = if s.anonymous { ", anonymous" } else { "" };
                    writeln!(out, "  {} ({}{})", isolate(&s.name, 60), s.kind, anon)?;
                }
                None => writeln!(out, "  (no source)")?,
            }
            for c in cs {
                let cue = c.cue.as_deref().map_or(String::from("-"), |q| isolate(q, 30));
                let via: Vec<String> = c.via.iter().filter_map(|v| a.sources.iter().find(|s| &s.id == v)).map(|s| isolate(&s.name, 30)).collect();
                let via = if via.is_empty() { String::new() } else { format!(" via {}", via.join(", ")) };
                writeln!(out, "    {}:{}  {:<12} {} ({}){}", c.line, c.col, c.mode, cue, c.stance, via)?;
                writeln!(out, "        {}", isolate(&c.text, 100))?;
            }
        }
        if !a.figures.is_empty() {
            writeln!(out, "  figures:")?;
            for f in &a.figures {
                let range = super::interval(f.low, f.high);
                let src = f.source.as_deref().and_then(|id| a.sources.iter().find(|s| s.id == id)).map_or("no source".to_string(), |s| isolate(&s.name, 40));
                let group = f.group.as_deref().map(|g| format!(" {g}")).unwrap_or_default();
                let place = f.place_name.as_deref().map(|p| format!(", {}", isolate(p, 30))).unwrap_or_default();
                let as_of = f.as_of.as_deref().map(|d| format!(", as of {d}")).unwrap_or_default();
                writeln!(out, "    {}:{}  {}{} {}  {} ({}{}{})", f.line, f.col, f.category, group, range, isolate(&f.text, 40), src, place, as_of)?;
            }
        }
        if !a.findings.is_empty() {
            writeln!(out, "  findings:")?;
            for f in &a.findings {
                writeln!(out, "    {}:{} {} {}", f.line, f.col, f.rule, isolate(&f.message, 90))?;
            }
        }
        Ok(())
    }
}
