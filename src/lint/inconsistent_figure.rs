//! `inconsistent-figure`: one article gives two different tolls for one event and
//! group (20 in one sentence, 10 in another; a headline that disagrees with the body).
//! Updates («ارتفعت … إلى»), totals over a period and tolls for other groups or
//! places are not compared.

use super::{Parts, Rule};
use crate::model::{Bound, Figure, Finding, RuleId};

fn comparable(a: &Figure, b: &Figure) -> bool {
    a.category == b.category
        && a.category.is_casualty()
        && a.group == b.group
        && a.place == b.place
        && a.event == b.event
        && (a.event_kind == b.event_kind || a.event_kind.is_none() || b.event_kind.is_none())
        && a.as_of == b.as_of
        && a.since.is_none()
        && b.since.is_none()
        && !a.update
        && !b.update
        && !a.superseded
        && !b.superseded
        && !a.vague
        && !b.vague
        && !a.subset
        && !b.subset
        && (a.source == b.source || rivals(a, b))
}

/// Two sources giving one incident's toll: the same known place and kind of
/// event (a second attack in the same town is another event).
fn rivals(a: &Figure, b: &Figure) -> bool {
    // and the same order of magnitude: four dead in a raid and a thousand in a city
    // are two counts, not two readings of one
    a.source.is_some()
        && b.source.is_some()
        && a.place.is_some()
        && !a.place_inferred
        && !b.place_inferred
        && a.event_kind.is_some()
        && a.event_kind == b.event_kind
        && a.same_order(b)
}

/// The name of a figure's source, for the message.
fn source_name<'a>(p: &'a Parts, f: &Figure) -> Option<&'a str> {
    let id = f.source.as_deref()?;
    p.sources.iter().find(|s| s.id == id).map(|s| s.name.as_str())
}

/// A figure's interval as a reader takes it: "more than 20" includes 20, and
/// "about 20" allows a tenth either way (as `check` does by default).
fn band(f: &Figure) -> (u64, u64) {
    let (mut lo, mut hi) = (f.low.unwrap_or(0), f.high.unwrap_or(u64::MAX));
    match f.bound {
        Some(Bound::MoreThan) => lo = lo.saturating_sub(1),
        Some(Bound::About) => {
            let d = |n: u64| (n / 10).max(1);
            (lo, hi) = (lo.saturating_sub(d(lo)), hi.saturating_add(d(hi)));
        }
        _ => {}
    }
    (lo, hi)
}

fn overlap(a: &Figure, b: &Figure) -> bool {
    let (a, b) = (band(a), band(b));
    a.0.max(b.0) <= a.1.min(b.1)
}

pub struct InconsistentFigure;

impl Rule for InconsistentFigure {
    fn id(&self) -> RuleId {
        RuleId::InconsistentFigure
    }

    fn describe(&self) -> &'static str {
        "the article gives two different tolls for one event, group and day"
    }

    fn check(&self, p: &Parts, out: &mut Vec<Finding>) {
        out.extend(findings(p));
    }
}

/// Among the figures before `b` in its article (`figure` reads each), one that a
/// different source gives for the same incident and that disagrees with `b`.
pub(crate) fn rival<'f, T>(before: &'f [T], figure: impl Fn(&T) -> &Figure, b: &Figure) -> Option<&'f T> {
    before.iter().rev().take(24).find(|x| {
        let a = figure(x);
        a.source != b.source && comparable(a, b) && !overlap(a, b)
    })
}

fn findings(p: &Parts) -> Vec<Finding> {
    let mut out = Vec::new();
    let figs = p.figures;
    for (i, b) in figs.iter().enumerate() {
        // a handful of earlier figures is enough: articles repeat a toll nearby
        if let Some(a) = figs[..i].iter().rev().take(24).find(|a| comparable(a, b) && !overlap(a, b)) {
            let message = match (source_name(p, b), source_name(p, a)) {
                (Some(x), Some(y)) if a.source != b.source => {
                    format!("\"{}\" ({x}) disagrees with \"{}\" ({y}, line {}) for the same event", b.text, a.text, a.line)
                }
                _ => format!("\"{}\" disagrees with \"{}\" (line {}) for the same event", b.text, a.text, a.line),
            };
            out.push(p.at(RuleId::InconsistentFigure, b.start, b.end, message, None));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_two_tolls_for_one_event() {
        let a = audit_str("en", "The strike in Aleppo killed 20 people.\n\nThe strike in Aleppo killed 10 people.");
        assert!(a.findings.iter().any(|f| f.rule == crate::model::RuleId::InconsistentFigure), "{:#?}", a.figures);
        let a = audit_str("en", "The toll rose from 31 to 32 dead in Aleppo.");
        assert!(!a.findings.iter().any(|f| f.rule == crate::model::RuleId::InconsistentFigure), "{:#?}", a.figures);
    }

    #[test]
    fn flags_rival_tolls_of_two_sources_naming_both() {
        let t = "The health ministry said 12 people were killed in the air strike on the market in Idlib.\n\nThe Syrian Observatory for Human Rights said 31 people were killed in the air strike on Idlib.";
        let a = audit_str("en", t);
        let f = a.findings.iter().find(|f| f.rule == crate::model::RuleId::InconsistentFigure).unwrap_or_else(|| panic!("{:#?}", a.figures));
        assert!(f.message.contains("health ministry") && f.message.contains("Observatory"), "{}", f.message);
        // two sources, two different events in one town: no finding
        let t = "The health ministry said 12 people were killed in the air strike on the market in Idlib.\n\nThe Syrian Observatory for Human Rights said 31 people were killed in clashes in Idlib.";
        assert!(!audit_str("en", t).findings.iter().any(|f| f.rule == crate::model::RuleId::InconsistentFigure));
    }
}
