//! `orphan-quote`: a quotation whose speaker cannot be resolved.

use super::{Parts, Rule};
use crate::model::{Finding, RuleId};

pub struct OrphanQuote;

impl Rule for OrphanQuote {
    fn id(&self) -> RuleId {
        RuleId::OrphanQuote
    }

    fn describe(&self) -> &'static str {
        "a quotation whose speaker cannot be resolved"
    }

    fn check(&self, p: &Parts, out: &mut Vec<Finding>) {
        out.extend(findings(p));
    }
}

fn findings(p: &Parts) -> Vec<Finding> {
    p.raw
        .iter()
        .zip(p.claims)
        .filter(|(raw, _)| raw.orphan)
        .map(|(_, c)| p.at(RuleId::OrphanQuote, c.start, c.end, "quotation with no speaker".to_string(), Some(c.id.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_quote_without_speaker() {
        let a = audit_str("en", "The hall was silent.\n\n\"We have nothing left to give and nobody is listening to us.\"");
        assert!(a.findings.iter().any(|f| f.rule == crate::model::RuleId::OrphanQuote), "{:#?}", a);
    }
}
