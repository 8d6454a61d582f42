//! `inconsistent-figure`: one article gives two different tolls for one event and
//! group (20 in one sentence, 10 in another; a headline that disagrees with the body).
//! Updates («ارتفعت … إلى»), totals over a period and tolls for other groups or
//! places are not compared.

use super::{Parts, Rule};
use crate::model::{Figure, Finding, RuleId};

fn comparable(a: &Figure, b: &Figure) -> bool {
    a.category == b.category
        && a.category.is_casualty()
        && a.group == b.group
        && a.place == b.place
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
        && a.source == b.source
}

fn overlap(a: &Figure, b: &Figure) -> bool {
    let lo = a.low.unwrap_or(0).max(b.low.unwrap_or(0));
    let hi = a.high.unwrap_or(u64::MAX).min(b.high.unwrap_or(u64::MAX));
    lo <= hi
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

fn findings(p: &Parts) -> Vec<Finding> {
    let mut out = Vec::new();
    let figs = p.figures;
    for (i, b) in figs.iter().enumerate() {
        // a handful of earlier figures is enough: articles repeat a toll nearby
        if let Some(a) = figs[..i].iter().rev().take(24).find(|a| comparable(a, b) && !overlap(a, b)) {
            out.push(p.at(
                RuleId::InconsistentFigure,
                b.start,
                b.end,
                format!("\"{}\" disagrees with \"{}\" (line {}) for the same event", b.text, a.text, a.line),
                None,
            ));
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
}
