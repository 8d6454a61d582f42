//! Tokens, paragraphs and sentences over the folded text; quotations are paired
//! in [`super::quotes`] between paragraphs and sentences, because a terminator
//! inside a quotation does not end a sentence.

use rustc_hash::FxHashSet as HashSet;

use super::quotes::{pair_quotes, Quote};
use super::script::{is_letter, is_terminal, is_word_char};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Default)]
pub struct Segments {
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub quotes: Vec<Quote>,
    /// Folded offsets of quote marks that found no partner.
    pub stray_marks: Vec<usize>,
}

/// Build all segments of a folded text. `abbreviations` end no sentence;
/// `proclitics` glued to digits are split off («و133»).
pub fn segment(text: &str, abbreviations: &HashSet<String>, proclitics: &HashSet<String>) -> Segments {
    let mut seg = Segments { tokens: tokenize(text, proclitics), ..Default::default() };
    seg.paragraphs = paragraphs(text);
    pair_quotes(text, &mut seg);
    seg.sentences = sentences(text, &seg, abbreviations);
    seg
}

fn tokenize(text: &str, proclitics: &HashSet<String>) -> Vec<Token> {
    use super::script::{arabic_run_end, ascii_run_end, char_at, flags, ARABIC, DIGIT, WORD};
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < text.len() {
        let (c, len) = char_at(text, i);
        let f = flags(c);
        if f & WORD == 0 {
            if !c.is_whitespace() {
                toks.push(Token { start: i, end: i + len, kind: TokKind::Punct(c) });
            }
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut all_digits = f & DIGIT != 0;
        while end < text.len() {
            // letters after a letter only make the word longer
            if !all_digits {
                end = arabic_run_end(text.as_bytes(), end, text.len());
                end = ascii_run_end(text.as_bytes(), end, text.len(), false);
                if end >= text.len() {
                    break;
                }
            }
            let j = end;
            let (d, dlen) = char_at(text, j);
            let df = flags(d);
            if df & WORD != 0 {
                // «11مواطنا»: digits glued to an Arabic word are a number of their own
                if all_digits && df & ARABIC != 0 {
                    break;
                }
                // «و133», «لـ206», «بـ300»: an Arabic clitic glued to digits is its
                // own word, so the number stays a number
                if df & DIGIT != 0 && !all_digits && proclitics.contains(&text[start..j]) {
                    break;
                }
                all_digits &= df & DIGIT != 0;
                end = j + dlen;
                continue;
            }
            // joiners inside a word: 1,500 / 1.5 / don't / al-Assad
            if matches!(d, '\'' | '’' | '-' | '.' | ',' | ':') {
                let next = text[j + dlen..].chars().next();
                let ok = match (d, next) {
                    // 1,500 / 1.5 / 7:15
                    ('.' | ',' | ':', Some(n)) => all_digits && n.is_ascii_digit(),
                    ('\'' | '’', Some(n)) => is_letter(n) && is_letter(c),
                    ('-', Some(n)) => is_word_char(n),
                    _ => false,
                };
                if ok {
                    end = j + dlen;
                    continue;
                }
            }
            break;
        }
        let kind = if all_digits { TokKind::Number } else { TokKind::Word };
        toks.push(Token { start, end, kind });
        i = end;
    }
    toks
}

/// `text.split_inclusive('\n')`, searched with SIMD.
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1).chain(std::iter::once(text.len())).filter_map(move |end| {
        let line = text.get(from..end).filter(|l| !l.is_empty());
        from = end;
        line
    })
}

fn ends_line_boundary(line: &str) -> bool {
    let t = line.trim_end();
    match t.chars().last() {
        None => true,
        Some(c) => is_terminal(c) || matches!(c, ':' | ')') || super::quote_family(c).is_some() || t.len() < 60 || t.trim_start().starts_with('#'),
    }
}

/// Paragraphs: blank lines always separate; a single line break separates unless
/// the line looks hard-wrapped (long, and no sentence end at its end).
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut last_line_start = 0;
    let mut pos = 0;
    for line in lines_inclusive(text) {
        let content = line.trim_end_matches(['\n', '\r']);
        let line_start = pos;
        pos += line.len();
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(Span { start: s, end: last_end });
            }
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let cstart = line_start + lead;
        let cend = line_start + content.trim_end().len();
        match start {
            None => start = Some(cstart),
            Some(s) => {
                let prev_line = &text[last_line_start.max(s)..last_end];
                let heading = content.trim_start().starts_with('#');
                if ends_line_boundary(prev_line) || heading {
                    out.push(Span { start: s, end: last_end });
                    start = Some(cstart);
                }
            }
        }
        last_end = cend;
        last_line_start = cstart;
    }
    if let Some(s) = start {
        out.push(Span { start: s, end: last_end });
    }
    out
}

/// Sentences inside each paragraph. Terminators inside a quotation do not end
/// a sentence; a closing mark right after a terminator belongs to the sentence.
fn sentences(text: &str, seg: &Segments, abbreviations: &HashSet<String>) -> Vec<Span> {
    let mut out = Vec::new();
    let top: Vec<(usize, usize)> = seg.quotes.iter().filter(|q| q.depth == 0).map(|q| (q.inner_start, q.inner_end)).collect();
    // closing marks of quotations that end a sentence inside: «…."» then a new sentence
    let closers: HashSet<usize> = seg
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && q.close.is_some())
        .filter(|q| text[q.inner_start..q.inner_end].trim_end().chars().next_back().is_some_and(is_terminal))
        .filter_map(|q| q.close)
        .collect();
    let mut k = 0;
    for para in &seg.paragraphs {
        let mut start = para.start;
        let t0 = seg.tokens.partition_point(|t| t.start < para.start);
        let t1 = seg.tokens.partition_point(|t| t.start < para.end);
        let mut ti = t0;
        while ti < t1 {
            let tok = seg.tokens[ti];
            ti += 1;
            let TokKind::Punct(c) = tok.kind else { continue };
            let i = tok.start;
            if closers.contains(&i) {
                let end = i + c.len_utf8();
                let next = text[end..para.end].chars().find(|ch| !ch.is_whitespace());
                let gap = text[end..para.end].starts_with(char::is_whitespace);
                if gap && next.is_some_and(|n| !n.is_lowercase() && is_letter(n)) {
                    out.push(Span { start, end });
                    start = end + text[end..para.end].len() - text[end..para.end].trim_start().len();
                }
                continue;
            }
            if !is_terminal(c) {
                continue;
            }
            while k < top.len() && top[k].1 <= i {
                k += 1;
            }
            if k < top.len() && top[k].0 <= i {
                continue;
            }
            // decimals and abbreviations
            if c == '.' {
                let nextc = text[i + 1..].chars().next();
                if nextc.is_some_and(is_word_char) {
                    continue;
                }
                // the word before the stop, looked for a short way back only
                let lo = (i.saturating_sub(16)..=i).find(|&b| text.is_char_boundary(b)).unwrap_or(i).max(para.start);
                let word_start = text[lo..i].rfind(|ch: char| ch.is_whitespace() || ch == '(').map_or(lo, |p| lo + p + 1);
                let word = &text[word_start..=i];
                if abbreviations.contains(&word.to_ascii_lowercase()) {
                    // "3 a.m. No one…": a lower-case abbreviation before a capital ends the
                    // sentence; a title ("Gen. Smith") never does
                    let next = text[i + 1..para.end].trim_start().chars().next();
                    let lower = word.chars().next().is_some_and(|c| c.is_lowercase());
                    if !(lower && next.is_some_and(|n| n.is_uppercase())) {
                        continue;
                    }
                }
                // single capital initial: "J. Smith"
                let w = &text[word_start..i];
                if w.chars().count() == 1 && w.chars().all(|ch| ch.is_uppercase()) {
                    continue;
                }
            }
            // swallow following terminators and closing marks
            let mut end = i + c.len_utf8();
            while ti < t1 {
                let nt = seg.tokens[ti];
                match nt.kind {
                    TokKind::Punct(d) if nt.start == end && (is_terminal(d) || matches!(d, '"' | '”' | '»' | '’' | '\'' | ')' | '“' | '«')) => {
                        end = nt.end;
                        ti += 1;
                    }
                    _ => break,
                }
            }
            let next_non_space = text[end..para.end].chars().find(|ch| !ch.is_whitespace());
            if next_non_space.is_some_and(|n| n.is_lowercase()) {
                continue; // "e.g. this" or "3 p.m. on"
            }
            if end > start {
                out.push(Span { start, end });
            }
            start = end + text[end..para.end].len() - text[end..para.end].trim_start().len();
        }
        if start < para.end {
            out.push(Span { start, end: para.end });
        }
    }
    out
}

impl Segments {
    /// The top-level quote that opens at folded offset `pos`.
    pub fn quote_opening(&self, pos: usize) -> Option<usize> {
        let i = self.quotes.partition_point(|q| q.open < pos);
        // nested quotes never open at the same offset as their parent
        (i < self.quotes.len() && self.quotes[i].open == pos && self.quotes[i].depth == 0).then_some(i)
    }

    /// Index of the first token starting at or after `pos`.
    pub fn tok_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Index of the paragraph holding `pos`.
    pub fn para_of(&self, pos: usize) -> usize {
        self.paragraphs.partition_point(|p| p.end <= pos).min(self.paragraphs.len().saturating_sub(1))
    }

    /// Index of the sentence holding `pos`.
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= pos).min(self.sentences.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(t: &str) -> Segments {
        segment(t, &HashSet::default(), &HashSet::default())
    }

    fn inner<'a>(t: &'a str, q: &Quote) -> &'a str {
        &t[q.inner_start..q.inner_end]
    }

    #[test]
    fn lines_are_split_as_std_splits_them() {
        for t in ["", "a", "a\n", "a\nb", "\n\n", "a\n\nb\n", "قال\r\nنعم", "\n"] {
            assert_eq!(lines_inclusive(t).collect::<Vec<_>>(), t.split_inclusive('\n').collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn digits_glued_to_an_arabic_word_are_a_number() {
        let t = "سقوط 14قتيلا و3rd";
        let s = seg(t);
        let words: Vec<&str> = s.tokens.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(words, ["سقوط", "14", "قتيلا", "و3rd"]);
        assert_eq!(s.tokens[1].kind, TokKind::Number);
    }

    #[test]
    fn pairs_by_alternation_not_direction() {
        let t = "قال: ”نحن هنا“ ثم «غادر» الوفد";
        let s = seg(t);
        assert_eq!(s.quotes.len(), 2);
        assert_eq!(inner(t, &s.quotes[0]), "نحن هنا");
        assert_eq!(inner(t, &s.quotes[1]), "غادر");
    }

    #[test]
    fn nested_quotes_across_families() {
        let t = "He said: \"They told us 'run' and we ran.\"";
        let s = seg(t);
        assert_eq!(s.quotes.len(), 2);
        assert_eq!(inner(t, &s.quotes[0]), "They told us 'run' and we ran.");
        assert_eq!(s.quotes[1].depth, 1);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "The passengers' families met in the '90s at the ministry's door.";
        let s = seg(t);
        assert!(s.quotes.is_empty());
        assert!(s.stray_marks.is_empty());
    }

    #[test]
    fn stray_mark_stays_in_its_paragraph() {
        let t = "One \"stray mark here.\n\nNext \"real quote\" here.";
        let s = seg(t);
        assert_eq!(s.quotes.len(), 1);
        assert_eq!(inner(t, &s.quotes[0]), "real quote");
        assert_eq!(s.stray_marks.len(), 1);
    }

    #[test]
    fn continued_quote_across_paragraphs() {
        let t = "He said: \"We will stay.\n\n\"We will rebuild,\" he added.";
        let s = seg(t);
        assert_eq!(s.quotes.len(), 2);
        assert!(s.quotes[0].close.is_none());
        assert!(!s.quotes[0].recovered);
        assert_eq!(s.quotes[1].continues, Some(0));
        assert!(s.stray_marks.is_empty());
    }

    #[test]
    fn sentences_skip_quotes_and_abbreviations() {
        let mut ab = HashSet::default();
        ab.insert("dr.".to_string());
        let t = "Dr. Reyes said: \"We are tired. We need help.\" Then he left. The toll is 1.5 million.";
        let s = segment(t, &ab, &HashSet::default());
        let texts: Vec<&str> = s.sentences.iter().map(|x| &t[x.start..x.end]).collect();
        assert_eq!(texts, vec!["Dr. Reyes said: \"We are tired. We need help.\"", "Then he left.", "The toll is 1.5 million."]);
    }

    #[test]
    fn arabic_sentences() {
        let t = "قال المصدر إن الوضع هادئ. وأضاف أن الطرق مفتوحة؟ نعم";
        let s = seg(t);
        assert_eq!(s.sentences.len(), 3);
    }
}
