//! `orphan-quote`: a quotation whose speaker cannot be resolved.

use super::Parts;
use crate::audit::Finding;

pub fn check(p: &Parts) -> Vec<Finding> {
    p.claims
        .iter()
        .zip(p.claims_out)
        .filter(|(raw, _)| raw.orphan)
        .map(|(_, c)| p.at("orphan-quote", c.start, c.end, "quotation with no speaker".to_string(), Some(c.id.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_quote_without_speaker() {
        let a = audit_str("en", "The hall was silent.\n\n\"We have nothing left to give and nobody is listening to us.\"");
        assert!(a.findings.iter().any(|f| f.rule == "orphan-quote"), "{:#?}", a);
    }
}
