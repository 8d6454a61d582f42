//! Per-language grammar: how a source mention is delimited and where a
//! reporting verb's subject stands. Word lists live in `rules/`; this is the shape.

pub mod ar;
pub mod en;
