//! The text stage: a folded shadow of the article ([`normalise`]), its tokens,
//! paragraphs and sentences ([`segment`]), quotation spans ([`quotes`]), the
//! script tests ([`script`]) and `line:col` for human output ([`lines`]).

pub mod lines;
pub mod normalise;
pub mod quotes;
pub mod script;
pub mod segment;

pub use lines::Lines;
pub use normalise::{fold, Normalised};
pub use quotes::{quote_family, Family, Quote};
pub use script::{detect_lang, has_arabic, is_arabic, is_comma, is_letter, is_question, is_semicolon, is_terminal, is_word_char, lower, lower_owned};
pub use segment::{segment, Segments, Span, TokKind, Token};

/// The largest char boundary at or before `i` (the end for an `i` past it).
pub fn floor_char(t: &str, i: usize) -> usize {
    let mut i = i.min(t.len());
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}
