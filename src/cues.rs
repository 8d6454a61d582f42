//! Stage 4: cues. The reporting verbs, cue nouns and according-to phrases are
//! data (`rules/*/cues.yaml`, `rules/*/according.yaml`); they are found in one
//! Aho-Corasick pass by [`crate::rules::Matcher`]. This module names the cue
//! kinds the claim stage acts on.

use crate::rules::{Entry, Hit};

/// A hit that can open a claim.
pub fn is_cue(h: &Hit) -> bool {
    matches!(h.entry, Entry::Verb { .. } | Entry::According(_) | Entry::DocumentFrame)
}
