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
    /// Set aside as an apostrophe after the fact; skipped from then on.
    dead: bool,
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The open marks of one paragraph: a stack, and for each family the stack
/// positions of its live marks, so finding the mark a closer closes is constant
/// time and pairing stays linear however many marks a paragraph holds.
#[derive(Default)]
struct Stack {
    opens: Vec<Open>,
    by_family: [Vec<usize>; 6],
    live: usize,
}

impl Stack {
    fn last_of(&self, f: Family) -> Option<usize> {
        self.by_family[f as usize].last().copied()
    }

    fn push(&mut self, o: Open) {
        self.by_family[o.family as usize].push(self.opens.len());
        self.opens.push(o);
        self.live += 1;
    }

    /// Drop the marks from `k` on, returning the live ones (outermost first).
    fn cut(&mut self, k: usize) -> Vec<Open> {
        let gone: Vec<Open> = self.opens.drain(k..).filter(|o| !o.dead).collect();
        self.live -= gone.len();
        for v in &mut self.by_family {
            while v.last().is_some_and(|&x| x >= k) {
                v.pop();
            }
        }
        gone
    }

    /// Set the mark at `k` aside (it was an apostrophe).
    fn kill(&mut self, k: usize) {
        let o = &mut self.opens[k];
        o.dead = true;
        self.live -= 1;
        let v = &mut self.by_family[o.family as usize];
        if let Some(p) = v.iter().rposition(|&x| x == k) {
            v.remove(p);
        }
    }
}

/// Pairs the marks of one paragraph.
struct Pairer<'t> {
    text: &'t str,
    pi: usize,
    start: usize,
    end: usize,
    /// The quote of the previous paragraph this one continues, by open offset.
    carried_for: Option<usize>,
    stack: Stack,
    quotes: Vec<Quote>,
    stray: Vec<usize>,
}

impl Pairer<'_> {
    /// One mark at byte `i`; returns the bytes it took (2 for a doubled '').
    fn mark(&mut self, i: usize, c: char) -> usize {
        let Some(mut fam) = quote_family(c) else { return 1 };
        let text = self.text;
        // ''doubled apostrophes'' stand for a double quote (NYT style)
        let mut len = c.len_utf8();
        if c == '\'' && text[i + 1..self.end].starts_with('\'') {
            fam = Family::Straight;
            len = 2;
        }
        let prev = prev_char(text, i).filter(|_| i > self.start);
        let next = text[i + len..self.end].chars().next();
        if fam == Family::Single && !self.single(i, c, prev, next, len) {
            return len;
        }
        // “we “will win: the same opening mark again, flanked like an opener, opens
        // inside; it does not close («…» and “…” have a distinct closer)
        let same_opener = |k: usize| {
            let closer_like = prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
            matches!(c, '“' | '«' | '‹') && text[self.stack.opens[k].pos..].starts_with(c) && !closer_like
        };
        match self.stack.last_of(fam) {
            Some(k) if same_opener(k) => {
                self.stack.push(Open { family: fam, pos: i, len, continues: None, dead: false });
            }
            Some(k) => self.close(k, i, fam, prev, next, len),
            None => {
                let continues = if i == self.start { self.carried_for } else { None };
                self.stack.push(Open { family: fam, pos: i, len, continues, dead: false });
            }
        }
        len
    }

    /// A single mark: an apostrophe (false), or a quotation mark to pair (true).
    fn single(&mut self, i: usize, c: char, prev: Option<char>, next: Option<char>, len: usize) -> bool {
        if prev.is_some_and(is_word_char) && next.is_some_and(is_word_char) {
            return false; // apostrophe
        }
        match self.stack.last_of(Family::Single) {
            // possessive s', '80s, a stray apostrophe
            None => c != '’' && prev.is_none_or(|p| !is_word_char(p)) && next.is_some_and(is_letter),
            Some(k) if prev.is_none_or(char::is_whitespace) && next.is_some_and(is_letter) => {
                // another opener while one is open: nested same family is not used
                // in news, so the earlier one was an apostrophe
                self.stack.kill(k);
                self.stack.push(Open { family: Family::Single, pos: i, len, continues: None, dead: false });
                false
            }
            Some(_) => true,
        }
    }

    /// A mark of the family of the open mark at stack position `k`.
    fn close(&mut self, k: usize, i: usize, fam: Family, prev: Option<char>, next: Option<char>, len: usize) {
        // a straight mark that flanks like an opener while one is open and the
        // open one flanks badly: the earlier one was stray
        let looks_opener = prev.is_none_or(|p| p.is_whitespace() || p == '(') && next.is_some_and(|n| !n.is_whitespace());
        let looks_closer = prev.is_some_and(|p| !p.is_whitespace());
        let mut cut = self.stack.cut(k);
        if fam == Family::Straight && looks_opener && !looks_closer {
            self.stray.extend(cut.iter().map(|o| o.pos));
            self.stack.push(Open { family: fam, pos: i, len, continues: None, dead: false });
            return;
        }
        // close it; anything opened inside and still open was stray
        let o = cut.remove(0);
        self.stray.extend(cut.iter().map(|o| o.pos));
        self.quotes.push(Quote {
            open: o.pos,
            close: Some(i),
            inner_start: o.pos + o.len,
            inner_end: i,
            para: self.pi,
            family: fam,
            depth: self.stack.live,
            continues: o.continues,
            recovered: false,
            outer_end: i + len,
        });
    }

    /// Quotes still open at the paragraph end: continued by the next paragraph,
    /// closed by it when framed («قال: "…» to the end), or stray. Returns what the
    /// next paragraph continues.
    fn end(mut self, next_para_opens: Option<Family>, seg: &mut Segments) -> Vec<(Family, usize)> {
        let mut carry = Vec::new();
        let opens = self.stack.cut(0);
        for (depth, o) in opens.into_iter().enumerate() {
            let prev = self.text[..o.pos].trim_end().chars().next_back();
            let framed = o.pos == self.start || matches!(prev, Some(':'));
            let continued = depth == 0 && next_para_opens == Some(o.family);
            if continued || framed {
                self.quotes.push(Quote {
                    open: o.pos,
                    close: None,
                    inner_start: o.pos + o.len,
                    inner_end: self.end,
                    para: self.pi,
                    family: o.family,
                    depth,
                    continues: o.continues,
                    recovered: !continued,
                    outer_end: self.end,
                });
            }
            if continued {
                carry.push((o.family, o.pos));
            } else {
                self.stray.push(o.pos);
            }
        }
        seg.quotes.append(&mut self.quotes);
        seg.stray_marks.append(&mut self.stray);
        carry
    }
}

pub(super) fn pair_quotes(text: &str, seg: &mut Segments) {
    // (family, open position) of quotes left open at the end of the previous paragraph
    let mut carry: Vec<(Family, usize)> = Vec::new();
    for pi in 0..seg.paragraphs.len() {
        let para = seg.paragraphs[pi];
        // continuation: the paragraph reopens a quote left open by the previous one
        let first_mark = text[para.start..para.end].chars().next().and_then(quote_family);
        let carried_for = first_mark.and_then(|f| carry.iter().find(|(cf, _)| *cf == f)).map(|&(_, qi)| qi);
        let mut p = Pairer { text, pi, start: para.start, end: para.end, carried_for, stack: Stack::default(), quotes: Vec::new(), stray: Vec::new() };
        let t0 = seg.tokens.partition_point(|t| t.start < para.start);
        let t1 = seg.tokens.partition_point(|t| t.start < para.end);
        let mut skip_until = 0;
        for t in &seg.tokens[t0..t1] {
            if let TokKind::Punct(c) = t.kind {
                if quote_family(c).is_some() && t.start >= skip_until {
                    skip_until = t.start + p.mark(t.start, c);
                }
            }
        }
        let next_para_opens = seg.paragraphs.get(pi + 1).and_then(|n| text[n.start..n.end].chars().next()).and_then(quote_family);
        carry = p.end(next_para_opens, seg);
    }
    seg.quotes.sort_by_key(|q| q.open);
    // `continues` held the open position of the earlier quote; make it an index
    let opens: Vec<usize> = seg.quotes.iter().map(|q| q.open).collect();
    for q in &mut seg.quotes {
        q.continues = q.continues.and_then(|pos| opens.binary_search(&pos).ok());
    }
    seg.stray_marks.sort_unstable();
}
