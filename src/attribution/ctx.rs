//! What every stage after segmentation reads: the folded text, its segments and
//! the rule hits, with small lookups by token.

use std::cell::Cell;

use crate::model::Gender;
use crate::rules::{Entry, Hit, Lang, LangRules, RegistryEntry, W};
use crate::text::{Quote, Segments, TokKind, Token};

pub struct Ctx<'a> {
    pub text: &'a str,
    pub seg: &'a Segments,
    pub hits: &'a [Hit],
    pub lr: &'a LangRules,
    pub registry: &'a [RegistryEntry],
    /// Folded spans of quotations' insides, for "is this inside a quote".
    pub quoted: Vec<(usize, usize)>,
    /// For each token, the range of `hits` that start where it starts.
    pub by_tok: Vec<(u32, u32)>,
    /// Word classes of each token, looked up on first use (`UNKNOWN` before).
    classes: Vec<Cell<u128>>,
    /// [`Ctx::world_place`] of each token, on first use (`None` before): it is
    /// asked again and again while noun phrases are read.
    world_places: Vec<Cell<Option<Option<bool>>>>,
    /// The world gazetteer, for places the hand-written one leaves to GeoNames.
    pub world: Option<&'a crate::rules::world::World>,
}

/// A token's classes not looked up yet.
use crate::rules::UNKNOWN_CLASSES as UNKNOWN;

/// Index hits by the token they start at, in one pass over both sorted lists.
pub fn index_hits(seg: &Segments, hits: &[Hit]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(seg.tokens.len());
    let mut h = 0;
    for t in &seg.tokens {
        while h < hits.len() && hits[h].start < t.start {
            h += 1;
        }
        let lo = h;
        let mut hi = h;
        while hi < hits.len() && hits[hi].start == t.start {
            hi += 1;
        }
        out.push((lo as u32, hi as u32));
    }
    out
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, seg: &'a Segments, hits: &'a [Hit], lr: &'a LangRules, registry: &'a [RegistryEntry]) -> Ctx<'a> {
        let quoted = seg.quotes.iter().filter(|q| q.depth == 0).map(|q| (q.inner_start, q.inner_end)).collect();
        let by_tok = index_hits(seg, hits);
        let classes = vec![Cell::new(UNKNOWN); seg.tokens.len()];
        let world_places = vec![Cell::new(None); seg.tokens.len()];
        Ctx { text, seg, hits, lr, registry, quoted, by_tok, classes, world_places, world: None }
    }

    /// The same, with the word classes the matcher read ([`crate::rules::Matcher::scan`])
    /// for each token that is one of its words; the rest are looked up when asked.
    pub fn with_words(self, words: &[crate::rules::WordClasses]) -> Ctx<'a> {
        let mut k = 0;
        for (t, cell) in self.seg.tokens.iter().zip(&self.classes) {
            while k < words.len() && words[k].start < t.start {
                k += 1;
            }
            match words.get(k) {
                // a matcher word is word characters: never a punctuation token
                Some(w) if w.start == t.start && w.end == t.end => cell.set(w.classes),
                _ => {}
            }
        }
        self
    }

    /// The same, with the world gazetteer at hand for [`Ctx::is_place`].
    pub fn with_world(self, world: &'a crate::rules::world::World) -> Ctx<'a> {
        Ctx { world: Some(world), ..self }
    }

    /// A place at token `i` that may end a source's name («مكتب حاكم اسطنبول»):
    /// one the hand-written gazetteer gave the matcher, or a well-known GeoNames
    /// place by its main name.
    pub fn is_place(&self, i: usize) -> bool {
        self.has_hit(i, |e| matches!(e, Entry::Place(_))) || self.world_place(i) == Some(false)
    }

    /// A well-known GeoNames place at token `i`, and whether a proclitic
    /// preposition is glued to it («بجنيف»).
    pub fn world_place(&self, i: usize) -> Option<bool> {
        let cell = self.world_places.get(i)?;
        if let Some(r) = cell.get() {
            return r;
        }
        let r = self.find_world_place(i);
        cell.set(Some(r));
        r
    }

    fn find_world_place(&self, i: usize) -> Option<bool> {
        let w = self.world?;
        if self.tok(i).is_none_or(|t| t.kind != TokKind::Word) || !self.hits_at_tok(i).is_empty() || self.function_word(i) || self.is(i, W::NotPlaces) {
            return None;
        }
        let known = |key: &str| w.lookup(key).iter().any(|x| x.main && w.well_known(x.place));
        match self.lang() {
            Lang::En => (self.capitalised(i) && known(&self.word(i).to_lowercase())).then_some(false),
            Lang::Ar => {
                let m = &self.lr.morph;
                let word = self.word(i);
                // «بالرياض»: the article's run may hold a preposition
                let stem = m.strip(word);
                if stem.len() != word.len() && known(stem) {
                    return Some(m.clitics(&word[..word.len() - stem.len()]).prep.is_some());
                }
                if known(word) {
                    return Some(false);
                }
                // «بجنيف»; not «ل» or «ك» («لصور» is "to Tyre" or a name, «كمينا» no town)
                let c = word.chars().next()?;
                let rest = &word[c.len_utf8()..];
                (self.lr.glued_place.contains(c) && rest.chars().count() >= 3 && known(m.strip(rest))).then_some(true)
            }
        }
    }

    #[inline]
    pub fn lang(&self) -> Lang {
        self.lr.lang
    }

    #[inline]
    pub fn tok(&self, i: usize) -> Option<&Token> {
        self.seg.tokens.get(i)
    }

    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.tok(i), Some(t) if t.kind == TokKind::Punct(c))
    }

    #[inline]
    pub fn punct(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    #[inline]
    pub fn is_wordlike(&self, i: usize) -> bool {
        matches!(self.tok(i), Some(t) if t.kind != TokKind::Punct(' ') && !matches!(t.kind, TokKind::Punct(_)))
    }

    /// Hits that start where token `i` starts.
    #[inline]
    pub fn hits_at_tok(&self, i: usize) -> &'a [Hit] {
        match self.by_tok.get(i) {
            Some(&(lo, hi)) => &self.hits[lo as usize..hi as usize],
            None => &[],
        }
    }

    pub fn hits_at(&self, pos: usize) -> &'a [Hit] {
        let lo = self.hits.partition_point(|h| h.start < pos);
        let hi = lo + self.hits[lo..].partition_point(|h| h.start == pos);
        &self.hits[lo..hi]
    }

    /// The longest hit at token `i` satisfying `f`.
    pub fn best_hit(&self, i: usize, f: impl Fn(&Entry) -> bool) -> Option<&'a Hit> {
        self.hits_at_tok(i).iter().filter(|h| f(&h.entry)).max_by_key(|h| h.end)
    }

    #[inline]
    pub fn has_hit(&self, i: usize, f: impl Fn(&Entry) -> bool) -> bool {
        self.hits_at_tok(i).iter().any(|h| f(&h.entry))
    }

    /// Index one past the last token inside folded offset `end`.
    #[inline]
    pub fn tok_end(&self, end: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.start < end)
    }

    pub fn inside_quote(&self, pos: usize) -> bool {
        let k = self.quoted.partition_point(|q| q.1 <= pos);
        k < self.quoted.len() && self.quoted[k].0 <= pos
    }

    /// The token at `i` opens or closes a quotation (an apostrophe in "'90s" does not).
    pub fn quote_mark(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !self.punct(i).is_some_and(super::is_quote_mark) {
            return false;
        }
        let k = self.seg.quotes.partition_point(|q| q.outer_end < t.end);
        self.seg.quotes.get(k).is_some_and(|q| q.outer_end == t.end) || self.seg.quote_opening(t.start).is_some()
    }

    /// True when the word at `i` is capitalised (English names).
    pub fn capitalised(&self, i: usize) -> bool {
        let w = self.word(i);
        // "al-Mutawakkel", "el-Sisi": the name part carries the capital
        // (their first bytes first: this is asked of most words)
        let first = w.as_bytes().first();
        let w = self.lr.grammar.name_particles.iter().filter(|p| p.as_bytes().first() == first).find_map(|p| w.strip_prefix(p.as_str())).unwrap_or(w);
        w.chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// Does a hit of `entry` end where token `i` ends ("known as" ends on "as")?
    /// Hits are sorted by start: only the few that start before that end are looked at.
    pub fn hit_ends_at(&self, i: usize, entry: Entry) -> bool {
        let end = self.seg.tokens[i].end;
        let upto = self.hits.partition_point(|h| h.start < end);
        self.hits[..upto].iter().rev().take(32).any(|h| h.entry == entry && h.end == end)
    }

    /// A short quote right after a type noun, over an article ("known as the
    /// \"White Helmets\""): a name, not a quotation.
    pub fn named_quote(&self, q: &Quote) -> bool {
        let words = self.text[q.inner_start..q.inner_end].split_whitespace().count();
        let open = self.seg.tok_at(q.open);
        let Some(mut p) = open.checked_sub(1) else { return false };
        if p > 0 && (self.is(p, W::DefiniteArticles) || self.is(p, W::Determiners)) {
            p -= 1;
        }
        words <= 6 && self.hit_ends_at(p, Entry::TypeNoun)
    }

    /// A mark (token `i`) of a [`Self::named_quote`]: no clause boundary.
    pub fn named_quote_mark(&self, i: usize) -> bool {
        let pos = self.seg.tokens[i].start;
        let qs = &self.seg.quotes;
        let k = qs.partition_point(|q| q.open <= pos);
        qs[..k].iter().rev().take(8).find(|q| q.open == pos || q.close == Some(pos)).is_some_and(|q| self.named_quote(q))
    }

    #[inline(always)]
    pub fn is(&self, i: usize, c: W) -> bool {
        self.classes_of(i) & c.bit() != 0
    }

    /// The word classes of token `i`. Asked millions of times a run: the
    /// known case is inlined, the lookup is not.
    #[inline(always)]
    pub fn classes_of(&self, i: usize) -> u128 {
        let Some(cell) = self.classes.get(i) else { return 0 };
        let m = cell.get();
        if m != UNKNOWN {
            return m;
        }
        self.look_up_classes(i)
    }

    #[cold]
    #[inline(never)]
    fn look_up_classes(&self, i: usize) -> u128 {
        let m = match self.seg.tokens[i].kind {
            TokKind::Punct(_) => 0,
            _ => self.lr.classes(self.word(i)),
        };
        if let Some(cell) = self.classes.get(i) {
            cell.set(m);
        }
        m
    }

    /// The gender a given name at `i` gives its bearer.
    pub fn name_gender(&self, i: usize) -> Option<Gender> {
        if self.is(i, W::FemaleNames) {
            Some(Gender::F)
        } else if self.is(i, W::MaleNames) {
            Some(Gender::M)
        } else {
            None
        }
    }

    /// Is token `i` a quotation mark of any kind?
    #[inline]
    pub fn is_quote(&self, i: usize) -> bool {
        self.punct(i).is_some_and(|c| crate::text::quote_family(c).is_some())
    }

    /// A comma at token `i` («،» or ",").
    #[inline]
    pub fn is_comma(&self, i: usize) -> bool {
        self.punct(i).is_some_and(crate::text::is_comma)
    }

    /// The word at `i` carries the article.
    pub fn definite(&self, i: usize) -> bool {
        // «إلى» folds to a word that starts like the article: a particle is never definite
        self.lr.morph.definite(self.word(i)) && !self.function_word(i)
    }

    /// A particle or other function word (any word class but a name's), or a
    /// particle of the frames.
    #[inline]
    pub fn function_word(&self, i: usize) -> bool {
        self.classes_of(i) & !crate::rules::CONTENT_CLASSES != 0
            || self.has_hit(i, |e| matches!(e, Entry::NpStop | Entry::Complementiser | Entry::Addressee | Entry::Formula | Entry::ClauseBreak))
    }

    /// The word at `i` has an addressee preposition glued to it: «لوكالة».
    pub fn glued_addressee(&self, i: usize) -> bool {
        let w = self.word(i);
        self.lr.glued_addressee.iter().any(|&p| self.lr.morph.glued(w, p))
    }

    /// The hit's word carried a glued addressee preposition.
    pub fn addressee_hit(&self, h: &Hit) -> bool {
        h.prep.is_some_and(|p| self.lr.glued_addressee.contains(&p))
    }

    /// Capitalised for a reason other than starting the sentence.
    pub fn proper(&self, i: usize) -> bool {
        if !self.capitalised(i) {
            return false;
        }
        let Some(t) = self.tok(i) else { return false };
        let (s, _) = self.sentence_bounds(t.start);
        let sentence_initial = t.start == s
            || (i > 0
                && self.tok(i - 1).is_some_and(|p| {
                    p.start >= s && matches!(p.kind, crate::text::TokKind::Punct(c) if crate::text::quote_family(c).is_some()) && p.start == s
                }));
        // "PENCE:", "NATO said": a word in capitals is a name or an acronym
        let w = self.word(i);
        if w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()) {
            return true;
        }
        // "Trump said", "Trump, 70, said": a first word no rule knows, right before
        // a cue or an apposition, is a name too
        let bare = self.hits_at_tok(i).is_empty() && !self.function_word(i);
        let next_frames = self.has_hit(i + 1, |e| matches!(e, Entry::Verb { .. })) || self.is_comma(i + 1) || self.is(i + 1, W::Auxiliaries);
        !sentence_initial || self.capitalised(i + 1) || bare && next_frames
    }

    pub fn sentence_bounds(&self, pos: usize) -> (usize, usize) {
        let s = &self.seg.sentences[self.seg.sentence_of(pos)];
        (s.start, s.end)
    }
}
