//! Findings, one rule per file with its tests beside it (harper's linters), each
//! with a stable id (as in Vale). A rule reads the finished audit and the stages'
//! data; it never changes them.

mod anonymous_source;
mod distancing_cue;
pub(crate) mod inconsistent_figure;
mod orphan_quote;
mod truncated_text;
mod unattributed_figure;
mod unbalanced_quote;
mod vague_figure;

use crate::attribution::{Ctx, RawClaim};
use crate::model::{Claim, Figure, Finding, RuleId, Source};
use crate::text::{Lines, Normalised, Segments};

/// What a finding rule may look at.
pub struct Parts<'a> {
    /// The file as read.
    pub text: &'a str,
    pub norm: &'a Normalised,
    /// Where the body starts in `text`.
    pub base: usize,
    pub seg: &'a Segments,
    pub ctx: &'a Ctx<'a>,
    /// The stage's claims (folded spans), in the same order as `claims`.
    pub raw: &'a [RawClaim],
    pub claims: &'a [Claim],
    pub sources: &'a [Source],
    pub lines: &'a Lines,
    pub figures: &'a [Figure],
}

impl Parts<'_> {
    /// A finding over a folded span.
    pub fn at_folded(&self, rule: RuleId, s: usize, e: usize, message: String, claim: Option<String>) -> Finding {
        let (a, b) = self.norm.orig_span(s, e);
        self.at(rule, a + self.base, b + self.base, message, claim)
    }

    /// A finding over a span of the file.
    pub fn at(&self, rule: RuleId, start: usize, end: usize, message: String, claim: Option<String>) -> Finding {
        let (line, col) = self.lines.line_col(self.text, start);
        Finding { rule, start, end, line, col, message, claim }
    }

    pub fn source(&self, id: Option<&str>) -> Option<&Source> {
        let id = id?;
        self.sources.iter().find(|s| s.id == id)
    }
}

/// A finding rule.
pub trait Rule: Sync {
    fn id(&self) -> RuleId;
    /// One line for documentation and `--help`.
    fn describe(&self) -> &'static str;
    fn check(&self, p: &Parts, out: &mut Vec<Finding>);
}

/// Every rule, in id order.
pub fn rules() -> &'static [&'static dyn Rule] {
    &[
        &anonymous_source::AnonymousSource,
        &distancing_cue::DistancingCue,
        &inconsistent_figure::InconsistentFigure,
        &orphan_quote::OrphanQuote,
        &truncated_text::TruncatedText,
        &unattributed_figure::UnattributedFigure,
        &unbalanced_quote::UnbalancedQuote,
        &vague_figure::VagueFigure,
    ]
}

/// Run every rule; findings in text order.
pub fn run(p: &Parts) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in rules() {
        r.check(p, &mut out);
    }
    out.sort_by_key(|f| (f.start, f.rule));
    out
}

#[cfg(test)]
mod tests {
    use super::rules;
    use crate::model::RuleId;

    #[test]
    fn every_rule_id_is_registered_once() {
        let ids: Vec<RuleId> = rules().iter().map(|r| r.id()).collect();
        assert_eq!(ids, RuleId::ALL);
    }
}
