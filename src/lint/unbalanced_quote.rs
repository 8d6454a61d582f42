//! `unbalanced-quote`: a quotation mark with no partner in its paragraph.

use super::{Parts, Rule};
use crate::model::{Finding, RuleId};

pub struct UnbalancedQuote;

impl Rule for UnbalancedQuote {
    fn id(&self) -> RuleId {
        RuleId::UnbalancedQuote
    }

    fn describe(&self) -> &'static str {
        "a quotation mark with no partner in its paragraph"
    }

    fn check(&self, p: &Parts, out: &mut Vec<Finding>) {
        out.extend(findings(p));
    }
}

fn findings(p: &Parts) -> Vec<Finding> {
    p.seg
        .stray_marks
        .iter()
        .map(|&m| {
            let len = p.norm.text[m..].chars().next().map_or(1, char::len_utf8);
            p.at_folded(RuleId::UnbalancedQuote, m, m + len, "quotation mark with no partner in its paragraph".to_string(), None)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_stray_mark() {
        let a = audit_str("en", "He said the \"plan was dead.\n\nNext paragraph.");
        assert_eq!(a.findings.iter().filter(|f| f.rule == crate::model::RuleId::UnbalancedQuote).count(), 1, "{:#?}", a.findings);
    }
}
