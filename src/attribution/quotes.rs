//! Quotations: split and continued quotes, and those no cue claimed: floating
//! turns of the previous speaker, signatures, names and terms, orphans.

use super::*;

impl<'c, 'a> Extractor<'c, 'a> {
    /// After a claim from a quote, a split quote may continue: `"…," said X, "…"`.
    pub(crate) fn continue_split(&mut self, k: usize, base: &RawClaim) {
        let mut via = Vec::new();
        let k = self.skip_fillers(k, &mut via);
        let para = base.quote.map(|b| self.ctx.seg.quotes[b].para);
        if let Some(q) = self.quote_opening_at(k) {
            // a quote that opens the next paragraph is a turn of its own
            if !self.claimed[q] && para.is_none_or(|p| self.ctx.seg.quotes[q].para == p) {
                // an addressee named between the halves belongs to both
                if !via.is_empty() {
                    if let Some(last) = self.claims.last_mut() {
                        if last.quote.is_some() && last.source == base.source {
                            for v in &via {
                                if !last.via.contains(v) {
                                    last.via.push(*v);
                                }
                            }
                        }
                    }
                }
                let mut all_via = base.via.clone();
                all_via.extend(via);
                let (s, e, _, _) = self.content_span(&Content::Quote(q));
                let c = RawClaim { start: s, end: e, quote: Some(q), mode: Mode::Direct, via: all_via, ..base.clone() };
                self.push(c, k);
                self.follow_continuations(q);
            }
        }
    }

    /// A quote continued in the next paragraphs keeps its speaker.
    pub(crate) fn follow_continuations(&mut self, q: usize) {
        let Some(base) = self.claims.last().cloned() else { return };
        let mut prev = q;
        while let Some(&next) = self.continued_by.get(&prev) {
            if self.claimed[next] {
                break;
            }
            let (s, e, _, _) = self.content_span(&Content::Quote(next));
            let c = RawClaim { start: s, end: e, quote: Some(next), mode: Mode::Direct, cue: base.cue, mention: None, ..base.clone() };
            let t = self.ctx.seg.tok_at(s);
            self.push(c, t);
            prev = next;
        }
    }

    pub(crate) fn leftover_quotes(&mut self) -> Vec<usize> {
        let ctx = self.ctx;
        let mut terms = Vec::new();
        // claim spans sorted by start, with the running maximum end: "is this quote
        // inside a claim" is then a binary search
        let mut spans: Vec<(usize, usize)> = self.claims.iter().map(|c| (c.start, c.end)).collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut m = 0;
        for &(_, e) in &spans {
            m = m.max(e);
            reach.push(m);
        }
        let inside_claim = |pos: usize| {
            let i = spans.partition_point(|&(s, _)| s <= pos);
            i > 0 && reach[i - 1] > pos
        };
        let mut by_quote: rustc_hash::FxHashMap<usize, usize> = self.claims.iter().enumerate().filter_map(|(i, c)| c.quote.map(|q| (q, i))).collect();
        for qi in 0..ctx.seg.quotes.len() {
            let q = &ctx.seg.quotes[qi];
            if self.claimed[qi] || q.depth > 0 {
                continue;
            }
            if inside_claim(q.open) {
                continue; // a quoted fragment inside reported speech: a mixed quote
            }
            if self.is_term(qi) {
                terms.push(qi);
                continue;
            }
            let para = ctx.seg.paragraphs[q.para];
            let para_initial = q.open == para.start;
            let (s, e, _, _) = self.content_span(&Content::Quote(qi));
            if s >= e {
                continue;
            }
            // «"…" ― Name»: a signature after a dash
            let after = ctx.tok_end(q.outer_end);
            let dash = (after..after + 2).find(|&j| matches!(ctx.punct(j), Some('―' | '—' | '–' | '-')));
            if let Some(d) = dash {
                let np = self.g.np_after(ctx, d + 1, 6);
                if let Some(np) = np.filter(|n| n.has_anchor_public()) {
                    let cue = Some(self.span_of(d, d + 1));
                    self.push_quote_of(qi, (s, e), cue, &np);
                    by_quote.insert(qi, self.claims.len() - 1);
                    continue;
                }
            }
            // «ربطه المحلل العسكري فلان بـ«…»», 'Smith called it "a disgrace"'
            if q.continues.is_none() && self.quote_of_named_person(qi, s, e) {
                by_quote.insert(qi, self.claims.len() - 1);
                continue;
            }
            // a continued quote keeps the speaker of the quote it continues
            let prev_claim = q.continues.and_then(|c| by_quote.get(&c)).map(|&i| self.claims[i].clone());
            // the speaker's turn goes on: the last claim in this paragraph, or for a
            // quoted paragraph, in the two before it
            let reach = if para_initial { 2 } else { 0 };
            let floating_src = prev_claim.clone().or_else(|| {
                let last = self.claims.iter().rev().take(4 * RECENT).filter(|c| c.end <= q.open).max_by_key(|c| c.end)?;
                let lp = ctx.seg.para_of(last.start);
                (q.para.saturating_sub(lp) <= reach && last.source.is_some()).then(|| last.clone())
            });
            let c = match floating_src {
                Some(base) => RawClaim {
                    mode: Mode::Direct,
                    start: s,
                    end: e,
                    quote: Some(qi),
                    floating: true,
                    orphan: false,
                    mention: None,
                    cue: None,
                    via: base.via.clone(),
                    ..base
                },
                None => RawClaim {
                    mode: Mode::Direct,
                    start: s,
                    end: e,
                    cue: None,
                    stance: Stance::Neutral,
                    source: None,
                    mention: None,
                    via: Vec::new(),
                    floating: false,
                    orphan: true,
                    quote: Some(qi),
                },
            };
            self.claimed[qi] = true;
            self.claims.push(c);
            by_quote.insert(qi, self.claims.len() - 1);
        }
        terms
    }

    /// A quote with no cue whose sentence names a person before it: that
    /// person's claim. True when it made one.
    fn quote_of_named_person(&mut self, qi: usize, s: usize, e: usize) -> bool {
        let q = &self.ctx.seg.quotes[qi];
        let Some(np) = self.named_person_before(q.open) else { return false };
        self.push_quote_of(qi, (s, e), None, &np);
        true
    }

    /// The direct claim of quote `qi` (content span `se`) by the speaker `np`.
    fn push_quote_of(&mut self, qi: usize, se: (usize, usize), cue: Option<(usize, usize)>, np: &super::np::Np) {
        let source = self.source_of(np);
        self.claimed[qi] = true;
        self.claims.push(RawClaim {
            mode: Mode::Direct,
            start: se.0,
            end: se.1,
            cue,
            stance: Stance::Neutral,
            source,
            mention: Some((np.start, np.end)),
            via: Vec::new(),
            floating: false,
            orphan: false,
            quote: Some(qi),
        });
    }

    /// The last person named with a title (or a full name) in the sentence
    /// before folded offset `pos`, within a bounded window, when no claim
    /// already covers that stretch.
    fn named_person_before(&self, pos: usize) -> Option<super::np::Np> {
        let ctx = self.ctx;
        let (sent_start, _) = ctx.sentence_bounds(pos);
        let end = ctx.seg.tok_at(pos);
        let start = ctx.seg.tok_at(sent_start).max(end.saturating_sub(30));
        if self.claims.iter().rev().take(RECENT).any(|c| c.end > sent_start && c.start < pos) {
            return None;
        }
        let mut best = None;
        let mut j = start;
        while j < end {
            if ctx.has_hit(j, super::np::is_source_entry) {
                if let Some(np) = self.g.np_after(ctx, j, 8).filter(|n| n.named && n.human && !n.anonymous && n.end <= pos) {
                    j = np.end_tok.max(j + 1);
                    best = Some(np);
                    continue;
                }
            }
            j += 1;
        }
        best
    }

    /// `"A," said X, "B"` and `"A," X said. "B"`: one claim from A to B that
    /// keeps the aside's cue and source (claims are in text order).
    pub(crate) fn join_split_quotes(&mut self) {
        let mut out: Vec<RawClaim> = Vec::with_capacity(self.claims.len());
        for c in std::mem::take(&mut self.claims) {
            if let Some(prev) = out.last_mut() {
                if self.joins(prev, &c) {
                    prev.end = c.end;
                    continue;
                }
            }
            out.push(c);
        }
        self.claims = out;
    }

    /// A claim whose cue lies inside another claim's content is part of what
    /// that claim reports ("X agreed to …, according to Anadolu"): one claim.
    /// Speech keeps its own claim ("Officials said X, according to Y").
    pub(crate) fn drop_nested(&mut self) {
        // claims are in start order; `reach` is the furthest content end so far
        let mut reach: Option<(usize, usize)> = None;
        let mut keep = Vec::with_capacity(self.claims.len());
        for c in std::mem::take(&mut self.claims) {
            let cue_in = |r: (usize, usize)| c.cue.is_some_and(|cu| r.0 <= cu.0 && cu.1 <= r.1) && c.end <= r.1;
            let speech = matches!(c.stance, Stance::Neutral | Stance::Assertive);
            if c.quote.is_none() && !speech && reach.is_some_and(cue_in) {
                continue;
            }
            if reach.is_none_or(|r| c.end > r.1) {
                reach = Some((c.start, c.end));
            }
            keep.push(c);
        }
        self.claims = keep;
    }

    /// Is `b` the second half of the quote `a`, with only `a`'s cue and source
    /// between them?
    fn joins(&self, a: &RawClaim, b: &RawClaim) -> bool {
        let ctx = self.ctx;
        let (Some(qa), Some(qb), Some(cue)) = (a.quote, b.quote, a.cue) else { return false };
        if a.mode != Mode::Direct || b.mode != Mode::Direct || a.source.is_none() || a.source != b.source || b.cue.is_some_and(|c| c != cue) {
            return false;
        }
        let (qa, qb) = (&ctx.seg.quotes[qa], &ctx.seg.quotes[qb]);
        if qa.para != qb.para || qb.open < qa.outer_end || !(qa.outer_end <= cue.0 && cue.1 <= qb.open) {
            return false;
        }
        let (ga, gb) = (ctx.seg.tok_at(qa.outer_end), ctx.seg.tok_at(qb.open));
        if gb - ga > 40 || (ga..gb).any(|j| ctx.punct(j).is_some_and(is_quote_mark) && ctx.quote_mark(j)) {
            return false;
        }
        // nothing else in the gap reports or opens a clause: ", adding", "that"
        !(ga..gb).any(|j| {
            let t = ctx.seg.tokens[j];
            (t.end <= cue.0 || t.start >= cue.1) && ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser | Entry::According(_)))
        })
    }

    /// A quotation that is a name, title or term rather than someone's words.
    pub(crate) fn is_term(&self, qi: usize) -> bool {
        let ctx = self.ctx;
        let q = &ctx.seg.quotes[qi];
        let a = ctx.seg.tok_at(q.inner_start);
        let b = ctx.tok_end(q.inner_end);
        let words = (a..b).filter(|&j| ctx.punct(j).is_none()).count();
        let open_tok = ctx.seg.tok_at(q.open);
        let prev = open_tok.checked_sub(1);
        let before_text = ctx.text[..q.open].trim_end();
        let glued = ctx.text[..q.open].ends_with(|c: char| ctx.lr.morph.is_proclitic_letter(c))
            && before_text.chars().rev().nth(1).is_none_or(|c| !crate::text::is_word_char(c));
        let typed =
            prev.is_some_and(|p| ctx.has_hit(p, |e| matches!(e, Entry::TypeNoun | Entry::Relay))) || prev.is_some_and(|p| ctx.hit_ends_at(p, Entry::TypeNoun));
        if q.family == crate::text::Family::Ornate {
            return true; // ﴿…﴾: a Quranic citation, not a statement
        }
        let has_terminal = (a..b).any(|j| ctx.punct(j).is_some_and(|c| is_terminal(c) && c != '…'));
        if typed && words <= 6 {
            return true;
        }
        // «"مركز الملك سلمان للإغاثة والأعمال الإنسانية"»: a name that starts with an
        // institution noun, or a quotation repeated word for word, is a name
        let inner = &ctx.text[q.inner_start..q.inner_end];
        let institution = ctx.has_hit(a, |e| matches!(e, Entry::Head(_) | Entry::TypeNoun | Entry::Registry(_)));
        if institution && words <= 8 && !has_terminal {
            return true;
        }
        if words <= 8 && self.quote_counts.get(inner).copied().unwrap_or(0) > 1 {
            return true;
        }
        if glued && words <= 3 {
            return true;
        }
        if words <= 3 && !has_terminal {
            return true;
        }
        // Title Case only: "Operation Northern Shield"
        if words <= 6 && self.g.name_shaped(ctx, a, b) {
            return true;
        }
        false
    }
}
