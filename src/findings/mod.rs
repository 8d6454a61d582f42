//! Findings, one rule per file, each with a stable id (as in Vale).

mod anonymous_source;
mod distancing_cue;
mod inconsistent_figure;
mod orphan_quote;
mod truncated_text;
mod unattributed_figure;
mod unbalanced_quote;
mod vague_figure;

use crate::audit::{Claim, Figure, Finding, Lines, Source};
use crate::claims::RawClaim;
use crate::context::Ctx;
use crate::normalise::Normalised;
use crate::segment::Segments;

/// What a finding rule may look at.
pub struct Parts<'a> {
    pub text: &'a str,
    pub norm: &'a Normalised,
    /// Where the body starts in `text`.
    pub base: usize,
    pub seg: &'a Segments,
    pub ctx: &'a Ctx<'a>,
    pub claims: &'a [RawClaim],
    pub claims_out: &'a [Claim],
    pub sources: &'a [Source],
    pub lines: &'a Lines,
    pub figures: &'a [Figure],
}

impl Parts<'_> {
    /// A finding over a folded span.
    pub fn at_folded(&self, rule: &'static str, s: usize, e: usize, message: String, claim: Option<String>) -> Finding {
        let (a, b) = self.norm.orig_span(s, e);
        self.at(rule, a + self.base, b + self.base, message, claim)
    }

    pub fn at(&self, rule: &'static str, start: usize, end: usize, message: String, claim: Option<String>) -> Finding {
        let (line, col) = self.lines.line_col(self.text, start);
        Finding { rule, start, end, line, col, message, claim }
    }
}

/// Every rule id, for documentation and `--format line`.
pub const RULES: &[&str] = &[
    "anonymous-source",
    "distancing-cue",
    "inconsistent-figure",
    "orphan-quote",
    "truncated-text",
    "unattributed-figure",
    "unbalanced-quote",
    "vague-figure",
];

pub fn run(p: &Parts) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(anonymous_source::check(p));
    out.extend(distancing_cue::check(p));
    out.extend(inconsistent_figure::check(p));
    out.extend(unattributed_figure::check(p));
    out.extend(vague_figure::check(p));
    out.extend(orphan_quote::check(p));
    out.extend(truncated_text::check(p));
    out.extend(unbalanced_quote::check(p));
    out
}
