//! Stage 1: a folded shadow of the article, for matching only.
//!
//! Every byte of the folded text remembers the byte offset of the original
//! character it came from, so spans found in the shadow map back exactly to the
//! text as given. See arabic-inventory §5 for why each fold exists.

use unicode_normalization::UnicodeNormalization;

/// The folded text and its map back to the original.
#[derive(Debug, Clone)]
pub struct Normalised {
    pub text: String,
    /// Where the map from folded to original offsets changes, in folded order:
    /// most of an article is copied as it is, so a run of it is one entry.
    map: Vec<Anchor>,
    /// The original length: where a folded offset at the end maps to.
    orig_len: usize,
}

/// From folded byte `at` on (to the next anchor), the original offset is
/// `orig + (i - at)` for a run copied as it is (`copied`), else `orig`: every
/// byte a character folded into comes from that character.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    at: u32,
    orig: u32,
    copied: bool,
}

enum Fold {
    Keep,
    Delete,
    One(char),
    Many(String),
}

fn fold_char(c: char) -> Fold {
    match c {
        // tashkeel, tanween, Quranic marks, superscript alef
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => Fold::Delete,
        // tatweel; bidi and zero-width controls; soft hyphen; BOM
        '\u{0640}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
            Fold::Delete
        }
        // alef with hamza above/below, madda, wasla → bare alef
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => Fold::One('\u{0627}'),
        // alef maqsura, Farsi and Urdu yeh → yeh
        '\u{0649}' | '\u{06CC}' | '\u{06D2}' => Fold::One('\u{064A}'),
        // hamza on a waw or yeh carrier → hamza: joins the two spellings of
        // "official" (with waw or yeh seat) and of "affairs"
        '\u{0624}' | '\u{0626}' => Fold::One('\u{0621}'),
        // taa marbuta and its Persian/Urdu look-alikes → heh
        '\u{0629}' | '\u{06C3}' | '\u{06C1}' | '\u{06D5}' | '\u{06C0}' => Fold::One('\u{0647}'),
        // keheh, gaf → kaf; peh → beh; tcheh → jeem; veh → feh
        '\u{06A9}' | '\u{06AF}' => Fold::One('\u{0643}'),
        '\u{067E}' => Fold::One('\u{0628}'),
        '\u{0686}' => Fold::One('\u{062C}'),
        '\u{06A4}' => Fold::One('\u{0641}'),
        // Arabic-Indic and Persian digits → ASCII
        '\u{0660}'..='\u{0669}' => Fold::One(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Fold::One(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        // Arabic decimal and thousands separators, percent sign
        '\u{066B}' => Fold::One('.'),
        '\u{066C}' => Fold::One(','),
        '\u{066A}' => Fold::One('%'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Fold::One(' '),
        // presentation forms, but not the ornate parentheses used as quote marks
        '\u{FD3E}' | '\u{FD3F}' => Fold::Keep,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => {
            let mut out = String::new();
            for d in c.to_string().nfkc() {
                // unassigned code points and noncharacters come back unchanged
                if d == c {
                    out.push(d);
                } else {
                    push_folded(&mut out, d);
                }
            }
            if out.is_empty() {
                Fold::Delete
            } else {
                Fold::Many(out)
            }
        }
        _ => Fold::Keep,
    }
}

fn push_folded(out: &mut String, c: char) {
    match fold_char(c) {
        Fold::Keep => out.push(c),
        Fold::Delete => {}
        Fold::One(d) => out.push(d),
        Fold::Many(s) => out.push_str(&s),
    }
}

/// Fold a string the way article text is folded. Rule files go through this too,
/// so authors write natural spelling.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // ''doubled apostrophes'' are a double quote mark, as in `Normalised`
        if c == '\'' && out.ends_with('\'') {
            out.pop();
            out.push('"');
            continue;
        }
        push_folded(&mut out, c);
    }
    out
}

/// Folds of the Arabic block U+0600–U+06FF, computed once: 0 deletes, `KEEP`
/// keeps, anything else is the replacement character.
const KEEP: u32 = u32::MAX;

fn arabic_table() -> &'static [u32; 256] {
    static T: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [KEEP; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).unwrap_or(' ');
            *slot = match fold_char(c) {
                Fold::Keep => KEEP,
                Fold::Delete => 0,
                Fold::One(d) => d as u32,
                Fold::Many(_) => KEEP,
            };
        }
        t
    })
}

impl Normalised {
    pub fn new(orig: &str) -> Normalised {
        let table = arabic_table();
        let mut text = String::with_capacity(orig.len());
        let mut map: Vec<Anchor> = Vec::new();
        let bytes = orig.as_bytes();
        // the output at `text.len()` is original byte `i`, copied as it is
        let copied = |map: &mut Vec<Anchor>, at: usize, i: usize| {
            if !map.last().is_some_and(|a| a.copied && a.orig as usize + (at - a.at as usize) == i) {
                map.push(Anchor { at: at as u32, orig: i as u32, copied: true });
            }
        };
        let mut i = 0;
        while i < bytes.len() {
            // a run copied as it is: ASCII, and Arabic letters kept (the block is
            // two bytes, D8–DB then a continuation byte)
            let run = i;
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    if b == b'\'' && (i > run || text.ends_with('\'')) {
                        break;
                    }
                    i += 1;
                } else if (0xD8..=0xDB).contains(&b)
                    && i + 1 < bytes.len()
                    && table[((usize::from(b & 0x1F) << 6) | usize::from(bytes[i + 1] & 0x3F)) - 0x0600] == KEEP
                {
                    i += 2;
                } else {
                    break;
                }
            }
            if i > run {
                copied(&mut map, text.len(), run);
                text.push_str(&orig[run..i]);
                continue;
            }
            if bytes[i] == b'\'' {
                if text.ends_with('\'') {
                    // ''doubled apostrophes'' (NYT style) are a double quote mark;
                    // the mark keeps the first apostrophe's offset
                    text.pop();
                    text.push('"');
                } else {
                    copied(&mut map, text.len(), i);
                    text.push('\'');
                }
                i += 1;
                continue;
            }
            let c = orig[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            let before = text.len();
            if (0x0600..0x0700).contains(&(c as u32)) {
                match table[c as usize - 0x0600] {
                    0 => {}
                    KEEP => text.push(c),
                    d => text.push(char::from_u32(d).unwrap_or(c)),
                }
            } else {
                match fold_char(c) {
                    Fold::Keep => text.push(c),
                    Fold::Delete => {}
                    Fold::One(d) => text.push(d),
                    Fold::Many(s) => text.push_str(&s),
                }
            }
            if text.len() > before {
                if text[before..] == orig[i..i + len] {
                    copied(&mut map, before, i);
                } else {
                    map.push(Anchor { at: before as u32, orig: i as u32, copied: false });
                }
            }
            i += len;
        }
        Normalised { text, map, orig_len: orig.len() }
    }

    /// Original byte offset of folded offset `i` (a start position, on a
    /// character boundary).
    pub fn orig(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.orig_len;
        }
        let k = self.map.partition_point(|a| a.at as usize <= i);
        match k.checked_sub(1).map(|k| self.map[k]) {
            Some(a) if a.copied => a.orig as usize + (i - a.at as usize),
            Some(a) => a.orig as usize,
            None => 0,
        }
    }

    /// Original span of the folded span `[start, end)`. The end is where the
    /// next kept character starts in the original, so trailing tashkeel on a
    /// word stays inside the span.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig(start);
        let e = if end == 0 { s } else { self.orig(end) };
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map as it was first written, a byte at a time: byte `i` of the
    /// folded text came from the original character at `map[i]`.
    fn byte_map(orig: &str) -> (String, Vec<usize>) {
        let (mut text, mut map) = (String::new(), Vec::new());
        for (i, c) in orig.char_indices() {
            if c == '\'' && text.ends_with('\'') {
                text.pop();
                text.push('"');
                continue;
            }
            let before = text.len();
            match fold_char(c) {
                Fold::Keep => text.push(c),
                Fold::Delete => {}
                Fold::One(d) => text.push(d),
                Fold::Many(s) => text.push_str(&s),
            }
            map.extend(std::iter::repeat_n(i, text.len() - before));
        }
        map.push(orig.len());
        (text, map)
    }

    #[test]
    fn the_runs_map_back_as_the_byte_map_does() {
        let mut texts: Vec<String> =
            ["''Hi,'' he said", "a'''b' 'c", "وقَالَ \u{200F}المصدر ﻻ «قـــال» ٤٢٦", "Café “x” – ١٢‏", "'", "''", "ﻻﻻ'"].iter().map(|s| s.to_string()).collect();
        for dir in ["ar", "en"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                texts.push(std::fs::read_to_string(e.path()).unwrap());
            }
        }
        for t in &texts {
            let n = Normalised::new(t);
            let (text, map) = byte_map(t);
            assert_eq!(n.text, text);
            for k in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                assert_eq!(n.orig(k), map[k], "offset {k} of {:?}", &text[..k.min(40)]);
            }
        }
    }

    #[test]
    fn doubled_apostrophes_are_one_quote_mark() {
        let n = Normalised::new("''Hi,'' he said");
        assert_eq!(n.text, "\"Hi,\" he said");
        // the folded closing mark maps back to the first of its two apostrophes
        assert_eq!(n.orig(4), 5);
        assert_eq!(n.orig_span(1, 4), (2, 5));
    }

    #[test]
    fn folds_arabic_variants() {
        assert_eq!(fold("وأكّدت"), "واكدت");
        assert_eq!(fold("قتيلًا"), "قتيلا");
        assert_eq!(fold("قتيلاً"), "قتيلا");
        assert_eq!(fold("قـــال"), "قال");
        assert_eq!(fold("٤٢٦ و۱۲"), "426 و12");
        assert_eq!(fold("إلى"), "الي");
        assert_eq!(fold("مسئول"), fold("مسؤول"));
        assert_eq!(fold("ﻻ"), "لا");
        assert_eq!(fold("تشرین"), "تشرين");
        assert_eq!(fold("٢٫٥"), "2.5");
    }

    #[test]
    fn presentation_forms_without_decomposition_are_kept() {
        assert_eq!(fold("\u{FDD0}\u{FD45}"), "\u{FDD0}\u{FD45}");
    }

    #[test]
    fn deletes_controls_without_spaces() {
        assert_eq!(fold("\u{200F}2024\u{200F}"), "2024");
        assert_eq!(fold("قا\u{200C}ل"), "قال");
    }

    #[test]
    fn maps_back_to_original() {
        let orig = "وقَالَ \u{200F}المصدر";
        let n = Normalised::new(orig);
        let pos = n.text.find("المصدر").unwrap();
        let (s, e) = n.orig_span(pos, pos + "المصدر".len());
        assert_eq!(&orig[s..e], "المصدر");
        let (s, e) = n.orig_span(0, "وقال".len());
        assert_eq!(&orig[s..e], "وقَالَ");
    }
}
