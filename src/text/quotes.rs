//! Quotation marks paired by alternation inside a paragraph, one stack slot per
//! family of marks, so nesting across families works and a stray mark never
//! swallows more than its own paragraph. A quote left open at a paragraph end is
//! continued when the next paragraph opens with the same mark.

use super::script::{is_letter, is_word_char};
use super::segment::{Segments, TokKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Straight,
    Curly,
    Guillemet,
    SingleGuillemet,
    Single,
    Ornate,
}

#[derive(Debug, Clone)]
pub struct Quote {
    /// Folded offset of the opening mark.
    pub open: usize,
    /// Folded offset of the closing mark; `None` when closed by the paragraph end.
    pub close: Option<usize>,
    pub inner_start: usize,
    pub inner_end: usize,
    pub para: usize,
    pub family: Family,
    /// Nesting depth: 0 for a top-level quote.
    pub depth: usize,
    /// Index of the quote this one continues from the previous paragraph.
    pub continues: Option<usize>,
    /// True when an unclosed quote was closed at the paragraph end.
    pub recovered: bool,
    /// Folded end of the whole quote, closing mark included.
    pub outer_end: usize,
}

pub fn quote_family(c: char) -> Option<Family> {
    Some(match c {
        '"' | '＂' | '〝' | '〞' | '″' => Family::Straight,
        '“' | '”' | '„' => Family::Curly,
        '«' | '»' => Family::Guillemet,
        '‹' | '›' => Family::SingleGuillemet,
        '\'' | '‘' | '’' => Family::Single,
        '\u{FD3E}' | '\u{FD3F}' => Family::Ornate,
        _ => return None,
    })
}

struct Open {
    family: Family,
    pos: usize,
    /// Bytes of the opening mark (2 for a doubled apostrophe '').
    len: usize,
    continues: Option<usize>,
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

pub(super) fn pair_quotes(text: &str, seg: &mut Segments) {
    // (family, open position) of quotes left open at the end of the previous paragraph
    let mut carry: Vec<(Family, usize)> = Vec::new();
    for (pi, para) in seg.paragraphs.iter().enumerate() {
        let mut stack: Vec<Open> = Vec::new();
        let body = &text[para.start..para.end];
        let _ = body;
        // continuation: the paragraph reopens a quote left open by the previous one
        let first_mark = body.chars().next().and_then(quote_family);
        let mut carried_for: Option<usize> = None;
        if let Some(f) = first_mark {
            if let Some(&(cf, qi)) = carry.iter().find(|(cf, _)| *cf == f) {
                let _ = cf;
                carried_for = Some(qi);
            }
        }
        carry.clear();
        let mut skip_until = 0;
        let t0 = seg.tokens.partition_point(|t| t.start < para.start);
        let t1 = seg.tokens.partition_point(|t| t.start < para.end);
        let marks: Vec<(usize, char)> = seg.tokens[t0..t1]
            .iter()
            .filter_map(|t| match t.kind {
                TokKind::Punct(c) if quote_family(c).is_some() => Some((t.start, c)),
                _ => None,
            })
            .collect();
        for (i, c) in marks {
            let Some(mut fam) = quote_family(c) else { continue };
            if i < skip_until {
                continue;
            }
            // ''doubled apostrophes'' stand for a double quote (NYT style)
            let mut len = c.len_utf8();
            if c == '\'' && text[i + 1..para.end].starts_with('\'') {
                fam = Family::Straight;
                len = 2;
                skip_until = i + 2;
            }
            let prev = prev_char(text, i).filter(|_| i > para.start);
            let next = text[i + len..para.end].chars().next();
            if fam == Family::Single {
                let between_letters = prev.is_some_and(|p| is_word_char(p)) && next.is_some_and(|n| is_word_char(n));
                if between_letters {
                    continue; // apostrophe
                }
                let open_single = stack.iter().any(|o| o.family == Family::Single);
                if !open_single {
                    let opener = c != '’'
                        && prev.is_none_or(|p| !is_word_char(p))
                        && next.is_some_and(|n| is_letter(n));
                    if !opener {
                        continue; // possessive s', '80s, stray apostrophe
                    }
                } else if prev.is_none_or(|p| p.is_whitespace()) && next.is_some_and(|n| is_letter(n)) {
                    // looks like another opener while one is open: nested same family is
                    // not used in news, so treat the earlier one as an apostrophe
                    if let Some(k) = stack.iter().rposition(|o| o.family == Family::Single) {
                        stack.remove(k);
                    }
                    stack.push(Open { family: fam, pos: i, len, continues: None });
                    continue;
                }
            }
            if let Some(k) = stack.iter().rposition(|o| o.family == fam) {
                // a straight mark that flanks like an opener while one is open and the
                // open one flanks badly: the earlier one was stray
                let looks_opener = prev.is_none_or(|p| p.is_whitespace() || p == '(')
                    && next.is_some_and(|n| !n.is_whitespace());
                let looks_closer = prev.is_some_and(|p| !p.is_whitespace());
                if fam == Family::Straight && looks_opener && !looks_closer {
                    let stray = stack.remove(k);
                    seg.stray_marks.push(stray.pos);
                    stack.truncate(k);
                    stack.push(Open { family: fam, pos: i, len, continues: None });
                    continue;
                }
                // close it; anything opened inside and still open was stray
                for o in stack.drain(k + 1..) {
                    seg.stray_marks.push(o.pos);
                }
                let o = stack.pop().expect("k is in range");
                let depth = stack.len();
                seg.quotes.push(Quote {
                    open: o.pos,
                    close: Some(i),
                    inner_start: o.pos + o.len,
                    inner_end: i,
                    para: pi,
                    family: fam,
                    depth,
                    continues: o.continues,
                    recovered: false,
                    outer_end: i + len,
                });
            } else {
                let continues = if i == para.start { carried_for } else { None };
                stack.push(Open { family: fam, pos: i, len, continues });
            }
        }
        // quotes still open at the paragraph end
        let next_para_opens: Option<Family> = seg
            .paragraphs
            .get(pi + 1)
            .and_then(|p| text[p.start..p.end].chars().next())
            .and_then(quote_family);
        for (depth, o) in stack.into_iter().enumerate() {
            let prev = text[..o.pos].trim_end().chars().next_back();
            let framed = o.pos == para.start || matches!(prev, Some(':'));
            let continued = depth == 0 && next_para_opens == Some(o.family);
            if continued || framed {
                seg.quotes.push(Quote {
                    open: o.pos,
                    close: None,
                    inner_start: o.pos + o.len,
                    inner_end: para.end,
                    para: pi,
                    family: o.family,
                    depth,
                    continues: o.continues,
                    recovered: !continued,
                    outer_end: para.end,
                });
                if continued {
                    carry.push((o.family, o.pos));
                } else {
                    seg.stray_marks.push(o.pos);
                }
            } else {
                seg.stray_marks.push(o.pos);
            }
        }
    }
    seg.quotes.sort_by_key(|q| q.open);
    // `continues` held the open position of the earlier quote; make it an index
    let opens: Vec<usize> = seg.quotes.iter().map(|q| q.open).collect();
    for q in &mut seg.quotes {
        q.continues = q.continues.and_then(|pos| opens.binary_search(&pos).ok());
    }
    seg.stray_marks.sort_unstable();
}
