//! Stage 3: quotations. Pairing happens in [`crate::segment`]; deciding whether a
//! quotation is someone's words or a name/term («تنظيم "داعش"», "Operation X")
//! happens in [`crate::claims`], which sees the cues around it. Here: small
//! facts about a quotation.

use crate::segment::Quote;

/// Words inside a quotation.
pub fn word_count(text: &str, q: &Quote) -> usize {
    text[q.inner_start..q.inner_end].split_whitespace().count()
}
