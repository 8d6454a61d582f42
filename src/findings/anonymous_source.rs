//! `anonymous-source`: a claim from an unnamed source.

use super::Parts;
use crate::audit::Finding;

pub fn check(p: &Parts) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in p.claims_out {
        let Some(src) = c.source.as_ref().and_then(|s| p.sources.iter().find(|x| &x.id == s)) else { continue };
        if !src.anonymous {
            continue;
        }
        let [a, b] = c.source_mention.or(c.cue_span).unwrap_or([c.start, c.end]);
        out.push(p.at("anonymous-source", a, b, format!("claim attributed to an unnamed source: {}", src.name), Some(c.id.clone())));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_unnamed_sources_only() {
        let a = audit_str("en", "Officials said the road was closed. Defence Minister Jane Roe said the army would stay.");
        let rules: Vec<_> = a.findings.iter().filter(|f| f.rule == "anonymous-source").collect();
        assert_eq!(rules.len(), 1, "{:#?}", a.findings);
    }
}
