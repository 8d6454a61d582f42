//! Scripts: which characters make words, and which language an article is in.

use crate::rules::Lang;

/// A letter or digit. Fast for ASCII and the Arabic block, which are nearly all
/// of the text; the general Unicode tables are slow enough to dominate a profile.
#[inline]
pub fn is_word_char(c: char) -> bool {
    flags(c) & WORD != 0
}

/// Flags of a character: [`WORD`], [`ARABIC`], [`DIGIT`], [`LOWER`], [`UPPER`].
pub const WORD: u8 = 1;
pub const ARABIC: u8 = 2;
pub const DIGIT: u8 = 4;
/// Ask the Unicode tables (Latin and other letters below the Arabic block).
const SLOW: u8 = 8;
/// An ASCII lower-case letter.
pub const LOWER: u8 = 16;
/// An ASCII capital.
pub const UPPER: u8 = 32;

const fn flags_of(c: u32) -> u8 {
    match c {
        0x30..=0x39 => WORD | DIGIT,
        0x41..=0x5A => WORD | UPPER,
        0x61..=0x7A => WORD | LOWER,
        0..=0x7F => 0,
        0x0621..=0x063A | 0x0641..=0x064A | 0x0660..=0x0669 | 0x066E..=0x06D3 | 0x06D5 | 0x06E5..=0x06E6 | 0x06EE..=0x06FF => WORD | ARABIC,
        0x0600..=0x06FF => ARABIC,
        _ => SLOW,
    }
}

/// ASCII to the end of the Arabic block, one load each.
static FLAGS: [u8; 0x700] = {
    let mut t = [0u8; 0x700];
    let mut i = 0;
    while i < t.len() {
        t[i] = flags_of(i as u32);
        i += 1;
    }
    t
};

/// The flags of `c` (see [`WORD`]).
#[inline]
pub fn flags(c: char) -> u8 {
    match FLAGS.get(c as usize) {
        Some(&f) if f & SLOW == 0 => f,
        _ => u8::from(c.is_alphanumeric()) * WORD,
    }
}

/// Where the run of two-byte Arabic word characters (flags [`WORD`] and
/// [`ARABIC`] alone) that starts at byte `i` ends, going no further than
/// `stop`: `i` when there is none. Most of an Arabic text, stepped over
/// without decoding each character; `i` is a character boundary.
#[inline]
pub fn arabic_run_end(b: &[u8], mut i: usize, stop: usize) -> usize {
    let stop = stop.min(b.len());
    while i + 1 < stop {
        let b0 = b[i];
        // a lead byte of U+0600–U+06FF; in UTF-8 a continuation byte follows
        if !(0xD8..=0xDB).contains(&b0) {
            break;
        }
        let c = (usize::from(b0 & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
        if FLAGS[c] != WORD | ARABIC {
            break;
        }
        i += 2;
    }
    i
}

/// Where the run of ASCII letters (and digits, with `digits`) that starts at
/// byte `i` ends, going no further than `stop`: `i` when there is none.
#[inline]
pub fn ascii_run_end(b: &[u8], mut i: usize, stop: usize, digits: bool) -> usize {
    let stop = stop.min(b.len());
    while i < stop && (b[i].is_ascii_alphabetic() || digits && b[i].is_ascii_digit()) {
        i += 1;
    }
    i
}

/// The character at byte `i` of `text`, which is a character boundary, and its
/// length; one- and two-byte characters (ASCII, Arabic) are decoded inline.
#[inline]
pub fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes();
    match b.get(i) {
        Some(&b0) if b0 < 0x80 => (b0 as char, 1),
        Some(&b0) if b0 < 0xE0 => {
            let c = (u32::from(b0 & 0x1F) << 6) | u32::from(b.get(i + 1).map_or(0, |x| x & 0x3F));
            (char::from_u32(c).unwrap_or(' '), 2)
        }
        _ => text.get(i..).and_then(|t| t.chars().next()).map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// `w` in lower case, borrowed when it has no capital: Arabic has no case, and
/// lower-casing it is a copy that walks the case tables.
pub fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if has_capital(w) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// [`lower`] of a string already owned: the same string when it has no capital.
pub fn lower_owned(w: String) -> String {
    if has_capital(&w) {
        w.to_lowercase()
    } else {
        w
    }
}

fn has_capital(w: &str) -> bool {
    w.chars().any(|c| match c {
        _ if c.is_ascii() => c.is_ascii_uppercase(),
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_uppercase(),
    })
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

/// Arabic when Arabic letters outnumber Latin ones, over the first 20,000
/// characters. Counted over bytes, in loops the compiler vectorises: an ASCII
/// letter is one byte, a letter of the Arabic block has a first byte D8–DB, and
/// the presentation forms U+FB50–U+FEFF run from EF AD 90 to EF BB BF.
pub fn detect_lang(text: &str) -> Lang {
    const CHARS: usize = 20_000;
    let end = if text.len() <= CHARS { text.len() } else { text.char_indices().nth(CHARS).map_or(text.len(), |(i, _)| i) };
    let b = &text.as_bytes()[..end];
    // byte counters over blocks short enough not to overflow: the compiler
    // keeps them in vector registers
    let (mut la, mut ar) = (0usize, 0usize);
    for block in b.chunks(255) {
        let (l, a) = block.iter().fold((0u8, 0u8), |(l, a), &x| (l + u8::from(x.is_ascii_alphabetic()), a + u8::from((0xD8..=0xDB).contains(&x))));
        la += usize::from(l);
        ar += usize::from(a);
    }
    if memchr::memchr(0xEF, b).is_some() {
        ar += b.windows(3).filter(|w| w[0] == 0xEF && matches!((w[1], w[2]), (0xAE..=0xBB, _) | (0xAD, 0x90..))).count();
    }
    if ar > la {
        Lang::Ar
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ascii_run_is_letters_and_digits_when_asked() {
        let b = b"Gaza2024 al-Qassam";
        assert_eq!(ascii_run_end(b, 0, b.len(), false), 4);
        assert_eq!(ascii_run_end(b, 0, b.len(), true), 8);
        assert_eq!(ascii_run_end(b, 0, 3, true), 3);
        assert_eq!(ascii_run_end(b, 8, b.len(), true), 8);
        assert_eq!(ascii_run_end(b, 9, b.len(), true), 11);
    }

    #[test]
    fn an_arabic_run_ends_where_decoding_says() {
        // the run as character-by-character decoding finds it
        fn by_chars(t: &str, i: usize, stop: usize) -> usize {
            let mut j = i;
            while j < stop {
                let (c, len) = char_at(t, j);
                if len != 2 || flags(c) != WORD | ARABIC || j + len > stop {
                    break;
                }
                j += len;
            }
            j
        }
        let t = "قال،المتحدث 12 ١٢مواطنا\u{64B}x ـ؟ abc وزارة";
        for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            for stop in [t.len(), i + 1, i + 4, i + 5] {
                assert_eq!(arabic_run_end(t.as_bytes(), i, stop), by_chars(t, i, stop.min(t.len())), "from {i} to {stop}");
            }
        }
    }

    #[test]
    fn the_language_is_told_as_by_the_characters() {
        // the count a character at a time, as it was first written
        fn by_chars(text: &str) -> Lang {
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
        let cases = [
            "قال المتحدث",
            "the spokesman said",
            "ab ﭐﭑ",
            "ab \u{FB4F}\u{FB4F}\u{FB4F}",
            "ab \u{FB50}\u{FB50}\u{FB50}",
            "ab \u{FEFF}\u{FEFF}\u{FEFF}",
            "ab \u{FF00}\u{FF00}\u{FF00}",
            "ab \u{0700}\u{0700}\u{0700}",
            "",
            "ﻻﻻ x",
        ];
        for t in cases {
            assert_eq!(detect_lang(t), by_chars(t), "{t:?}");
        }
        // only the first 20,000 characters count
        let t = format!("{}{}", "ب".repeat(19_990), "a".repeat(30_000));
        assert_eq!(detect_lang(&t), Lang::Ar);
        assert_eq!(detect_lang(&t), by_chars(&t));
        let t = format!("{}{}", "é".repeat(19_999), "بب");
        assert_eq!(detect_lang(&t), by_chars(&t));
    }
}
