//! `distancing-cue`: the writer keeps a distance from the claim («زعم», "alleged").

use super::Parts;
use crate::audit::Finding;

pub fn check(p: &Parts) -> Vec<Finding> {
    p.claims_out
        .iter()
        .filter(|c| c.stance == "distancing")
        .map(|c| {
            let [a, b] = c.cue_span.unwrap_or([c.start, c.end]);
            let cue = c.cue.clone().unwrap_or_default();
            p.at("distancing-cue", a, b, format!("distancing cue \"{cue}\": the claim is reported with doubt"), Some(c.id.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_claimed() {
        let a = audit_str("en", "The group claimed that its fighters had taken the airport.");
        assert!(a.findings.iter().any(|f| f.rule == "distancing-cue"), "{:#?}", a);
    }
}
