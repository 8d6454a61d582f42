//! `distancing-cue`: the writer keeps a distance from the claim («زعم», "alleged").

use super::{Parts, Rule};
use crate::model::{Finding, RuleId};

pub struct DistancingCue;

impl Rule for DistancingCue {
    fn id(&self) -> RuleId {
        RuleId::DistancingCue
    }

    fn describe(&self) -> &'static str {
        "the writer distances the claim (\"alleged\", \"claimed\")"
    }

    fn check(&self, p: &Parts, out: &mut Vec<Finding>) {
        out.extend(findings(p));
    }
}

fn findings(p: &Parts) -> Vec<Finding> {
    p.claims
        .iter()
        .filter(|c| c.stance == crate::model::Stance::Distancing)
        .map(|c| {
            let [a, b] = c.cue_span.unwrap_or([c.start, c.end]);
            let cue = c.cue.clone().unwrap_or_default();
            p.at(RuleId::DistancingCue, a, b, format!("distancing cue \"{cue}\": the claim is reported with doubt"), Some(c.id.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_claimed() {
        let a = audit_str("en", "The group claimed that its fighters had taken the airport.");
        assert!(a.findings.iter().any(|f| f.rule == crate::model::RuleId::DistancingCue), "{:#?}", a);
    }
}
