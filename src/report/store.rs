//! The store commands' results as text for a terminal.

use std::io::{self, Write};

use super::{count, interval, isolate};
use crate::model::Audit;
use crate::store::assess::FigureCheck;
use crate::store::query::Sources;
use crate::store::timeline::Timeline;
use crate::store::StoredFigure;

/// After an article's audit: each figure against the store.
pub fn checked(out: &mut dyn Write, au: &Audit, checks: &[FigureCheck]) -> io::Result<()> {
    writeln!(out, "  checked against the store:")?;
    for (f, c) in au.figures.iter().zip(checks) {
        writeln!(out, "    {}:{} {} {} {} — {}: {}", f.line, f.col, f.category, interval(f.low, f.high), isolate(&f.text, 60), c.status, c.status.explain())?;
        for x in &c.against {
            writeln!(
                out,
                "        against {} {} ({}, {})",
                interval(x.low, x.high),
                x.source.as_deref().unwrap_or("no source"),
                x.outlet.as_deref().unwrap_or("-"),
                x.date.as_deref().unwrap_or("-")
            )?;
        }
    }
    Ok(())
}

pub fn timeline(out: &mut dyn Write, t: &Timeline) -> io::Result<()> {
    writeln!(out, "{} ({}) — {}, current range {}", t.event.place_name, t.event.place, t.event.category, interval(t.current.low, t.current.high))?;
    for e in &t.entries {
        writeln!(
            out,
            "  {}  {:>12}  {:<14} {} ({})",
            e.date.as_deref().unwrap_or("----------"),
            interval(e.low, e.high),
            e.status.as_str(),
            e.source.as_deref().unwrap_or("no source"),
            e.outlet.as_deref().unwrap_or("-")
        )?;
    }
    Ok(())
}

pub fn conflicts(out: &mut dyn Write, list: &[StoredFigure]) -> io::Result<()> {
    for f in list {
        let g = &f.figure;
        writeln!(
            out,
            "{} {} {} {} ({}, {})",
            f.as_of().as_deref().unwrap_or("-"),
            g.place_name.as_deref().unwrap_or("-"),
            g.category,
            interval(g.low, g.high),
            f.source_name.as_deref().unwrap_or("no source"),
            f.outlet.as_deref().unwrap_or("-")
        )?;
        for x in &f.against {
            writeln!(
                out,
                "    against {} {} ({}, {})",
                interval(x.low, x.high),
                x.source.as_deref().unwrap_or("no source"),
                x.outlet.as_deref().unwrap_or("-"),
                x.date.as_deref().unwrap_or("-")
            )?;
        }
    }
    writeln!(out, "{}", count(list.len(), "open conflict", "open conflicts"))
}

pub fn events(out: &mut dyn Write, list: &[crate::store::events::EventSummary]) -> io::Result<()> {
    for e in list {
        let dates = match (&e.first, &e.last) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
            (Some(a), _) => a.clone(),
            _ => "-".into(),
        };
        writeln!(
            out,
            "{}  {} ({}), {}, {}",
            e.id,
            e.place_name.as_deref().unwrap_or("-"),
            e.place.as_deref().unwrap_or("-"),
            e.kind.as_deref().unwrap_or("no kind"),
            dates
        )?;
        writeln!(
            out,
            "    killed {}, wounded {}; {}, {}; {}",
            interval(e.killed.low, e.killed.high),
            interval(e.wounded.low, e.wounded.high),
            count(e.articles, "article", "articles"),
            count(e.open_conflicts, "open conflict", "open conflicts"),
            if e.sources.is_empty() { "no source".to_string() } else { e.sources.join(", ") }
        )?;
    }
    writeln!(out, "{}", count(list.len(), "event", "events"))
}

pub fn sources(out: &mut dyn Write, s: &Sources) -> io::Result<()> {
    // counts under a header, so that "1 figures" never reads wrong
    writeln!(out, "{:<50} {:<15} {:>6} {:>7}", "source", "kind", "claims", "figures")?;
    for r in &s.sources {
        writeln!(
            out,
            "{:<50} {:<15} {:>6} {:>7}{}",
            isolate(&r.name, 50),
            r.kind.map_or("-", |k| k.as_str()),
            r.claims,
            r.figures,
            if r.anonymous { "  anonymous" } else { "" }
        )?;
    }
    writeln!(out, "\nanonymous claims by outlet:")?;
    for o in &s.outlets {
        writeln!(out, "  {:<40} {}/{} ({:.0}%)", isolate(&o.outlet, 40), o.anonymous, o.claims, o.anonymous_share * 100.0)?;
    }
    Ok(())
}
