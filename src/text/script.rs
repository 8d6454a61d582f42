//! Scripts: which characters make words, and which language an article is in.

use crate::rules::Lang;

/// A letter or digit. Fast for ASCII and the Arabic block, which are nearly all
/// of the text; the general Unicode tables are slow enough to dominate a profile.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c as u32 {
        0x0621..=0x063A | 0x0641..=0x064A | 0x0660..=0x0669 | 0x066E..=0x06D3 | 0x06D5 | 0x06E5..=0x06E6 | 0x06EE..=0x06FF => true,
        0x0600..=0x06FF => false,
        _ => c.is_alphanumeric(),
    }
}

/// A letter (no digits), with the same fast paths.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c as u32 {
        0x0660..=0x0669 | 0x06F0..=0x06F9 => false,
        _ => is_word_char(c) && !c.is_numeric(),
    }
}

/// A comma: «،» (U+060C) or ",".
#[inline]
pub fn is_comma(c: char) -> bool {
    matches!(c, ',' | '\u{060C}')
}

/// A semicolon: «؛» (U+061B) or ";".
#[inline]
pub fn is_semicolon(c: char) -> bool {
    matches!(c, ';' | '\u{061B}')
}

/// A question mark: «؟» (U+061F) or "?".
#[inline]
pub fn is_question(c: char) -> bool {
    matches!(c, '?' | '\u{061F}')
}

/// A mark that ends a sentence.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '…') || is_question(c)
}

/// A character of the Arabic block (letters, digits, marks, punctuation).
#[inline]
pub fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// True when any character of `s` is Arabic.
pub fn has_arabic(s: &str) -> bool {
    s.chars().any(is_arabic)
}

/// Arabic when Arabic letters outnumber Latin ones.
pub fn detect_lang(text: &str) -> Lang {
    let (mut ar, mut la) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_arabic(c) || ('\u{FB50}'..='\u{FEFF}').contains(&c) {
            ar += 1;
        } else if c.is_ascii_alphabetic() {
            la += 1;
        }
    }
    if ar > la {
        Lang::Ar
    } else {
        Lang::En
    }
}
