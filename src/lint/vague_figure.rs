//! `vague-figure`: a toll given only as «عشرات», "dozens", "hundreds".

use super::{Parts, Rule};
use crate::model::{Finding, RuleId};

pub struct VagueFigure;

impl Rule for VagueFigure {
    fn id(&self) -> RuleId {
        RuleId::VagueFigure
    }

    fn describe(&self) -> &'static str {
        "a toll given only as a vague quantity (\"dozens\", \"hundreds\")"
    }

    fn check(&self, p: &Parts, out: &mut Vec<Finding>) {
        out.extend(findings(p));
    }
}

fn findings(p: &Parts) -> Vec<Finding> {
    p.figures
        .iter()
        .filter(|f| f.vague && f.category.is_casualty())
        .map(|f| {
            let range = match (f.low, f.high) {
                (Some(l), Some(h)) => format!("{l}–{h}"),
                (Some(l), None) => format!("{l} or more"),
                _ => "unknown".to_string(),
            };
            p.at(RuleId::VagueFigure, f.start, f.end, format!("vague {} figure \"{}\" (read as {range})", f.category, f.text), None)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_vague_tolls() {
        let a = audit_str("ar", "أسفرت الاشتباكات عن سقوط عشرات القتلى والجرحى.");
        assert!(a.findings.iter().any(|f| f.rule == crate::model::RuleId::VagueFigure), "{:#?}", a.figures);
    }
}
