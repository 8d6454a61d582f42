//! `unattributed-figure`: a casualty figure the reporter gives with no source.

use super::{Parts, Rule};
use crate::model::{Finding, RuleId};

pub struct UnattributedFigure;

impl Rule for UnattributedFigure {
    fn id(&self) -> RuleId {
        RuleId::UnattributedFigure
    }

    fn describe(&self) -> &'static str {
        "a casualty figure the reporter gives with no source"
    }

    fn check(&self, p: &Parts, out: &mut Vec<Finding>) {
        out.extend(findings(p));
    }
}

fn findings(p: &Parts) -> Vec<Finding> {
    p.figures
        .iter()
        .filter(|f| f.category.is_casualty() && f.source.is_none() && !f.superseded)
        .map(|f| p.at(RuleId::UnattributedFigure, f.start, f.end, format!("{} figure \"{}\" has no source", f.category, f.text), None))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_only_unsourced_tolls() {
        let a = audit_str("en", "The blast killed 12 people. The ministry said 30 people were wounded.");
        let un: Vec<_> = a.findings.iter().filter(|f| f.rule == crate::model::RuleId::UnattributedFigure).collect();
        assert_eq!(un.len(), 1, "{:#?}", a.figures);
        assert!(un[0].message.contains("12"));
    }
}
