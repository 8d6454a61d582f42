//! `anonymous-source`: a claim from an unnamed source.

use super::{Parts, Rule};
use crate::model::{Finding, RuleId};

pub struct AnonymousSource;

impl Rule for AnonymousSource {
    fn id(&self) -> RuleId {
        RuleId::AnonymousSource
    }

    fn describe(&self) -> &'static str {
        "a claim from an unnamed source"
    }

    fn check(&self, p: &Parts, out: &mut Vec<Finding>) {
        out.extend(findings(p));
    }
}

fn findings(p: &Parts) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in p.claims {
        let Some(src) = c.source.as_ref().and_then(|s| p.sources.iter().find(|x| &x.id == s)) else { continue };
        if !src.anonymous {
            continue;
        }
        let [a, b] = c.source_mention.or(c.cue_span).unwrap_or([c.start, c.end]);
        out.push(p.at(RuleId::AnonymousSource, a, b, format!("claim attributed to an unnamed source: {}", src.name), Some(c.id.clone())));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_unnamed_sources_only() {
        let a = audit_str("en", "Officials said the road was closed. Defence Minister Jane Roe said the army would stay.");
        let rules: Vec<_> = a.findings.iter().filter(|f| f.rule == crate::model::RuleId::AnonymousSource).collect();
        assert_eq!(rules.len(), 1, "{:#?}", a.findings);
    }
}
