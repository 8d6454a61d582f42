//! Where reported content starts and ends: what may stand between a cue and its
//! content (fillers), what the content is (a quotation, a clause after a
//! complementiser or colon, an event noun as the object), and where a clause ends.

use super::*;

impl<'c, 'a> Extractor<'c, 'a> {
    /// Skip what may stand between a cue (and its subject) and the content:
    /// commas, time words, «في بيان», addressees («لوكالة فرانس برس», "told
    /// Reuters"), channels. Addressees that are outlets become `via`.
    pub(crate) fn skip_fillers(&mut self, mut k: usize, via: &mut Vec<usize>) -> usize {
        let ctx = self.ctx;
        let limit = self.sentence_end_tok(k).min(k + 24);
        // every step moves k forward or stops; the guard makes that a certainty
        let mut guard = 0;
        while k < limit && guard < 64 {
            guard += 1;
            if ctx.punct(k).is_some_and(|c| is_comma(c) || matches!(c, '-' | '–' | '—')) {
                k += 1;
                continue;
            }
            // «وقال مصدر طبي، فضل عدم ذكر اسمه، إن»: an anonymity clause set off by commas
            if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::Adverbial) || matches!(e, Entry::Anonymity)) {
                k = ctx.tok_end(h.end).max(k + 1);
                continue;
            }
            if ctx.has_hit(k, |e| matches!(e, Entry::Complementiser)) {
                break;
            }
            let next = self
                .relay_filler(k, via)
                .or_else(|| self.relay_phrase_filler(k))
                .or_else(|| self.adverbial_up_to_comma(k, limit))
                .or_else(|| self.channel_filler(k))
                .or_else(|| self.addressee_filler(k, via))
                .or_else(|| self.frame_opener_filler(k, limit))
                .or_else(|| self.phrase_before_complementiser(k, limit))
                .or_else(|| self.parenthetical(k, limit));
            match next {
                Some(n) => k = n,
                None => break,
            }
        }
        k
    }

    fn is_relay_phrase(&self, j: usize) -> bool {
        let ctx = self.ctx;
        ctx.has_hit(j, |e| matches!(e, Entry::According(i) if ctx.lr.according.phrases[*i as usize].relay))
    }

    /// «في تصريح نشرته وكالة الأنباء اليمنية "سبأ"»: the relaying outlet.
    fn relay_filler(&mut self, k: usize, via: &mut Vec<usize>) -> Option<usize> {
        let ctx = self.ctx;
        let h = ctx.best_hit(k, |e| matches!(e, Entry::Relay))?;
        let mut j = ctx.tok_end(h.end).max(k + 1);
        if let Some(np) = self.g.np_after(ctx, j, 8) {
            j = np.end_tok;
            via.extend(self.add_entity(&np));
        }
        if let Some(q) = self.quote_opening_at(j) {
            let qd = &ctx.seg.quotes[q];
            if ctx.text[qd.inner_start..qd.inner_end].split_whitespace().count() <= 3 {
                self.claimed[q] = true;
                j = ctx.tok_end(qd.outer_end);
            }
        }
        Some(j)
    }

    /// "reported, citing two security sources, that": the cited source speaks.
    fn relay_phrase_filler(&mut self, k: usize) -> Option<usize> {
        let ctx = self.ctx;
        let h = ctx.best_hit(k, |e| matches!(e, Entry::According(i) if ctx.lr.according.phrases[*i as usize].relay))?;
        let np = self.g.np_after(ctx, ctx.tok_end(h.end).max(k + 1), 8)?;
        let next = np.end_tok;
        // the phrase is part of the frame: no cue inside it ("citing a report by X")
        self.frames.push((h.start, ctx.seg.tokens[next.saturating_sub(1)].end));
        self.pending_relay = Some(np);
        Some(next)
    }

    /// «عقب إحاطة صحفية لمتحدث الوزارة X، أن», "after a briefing on Monday,
    /// that": an adverbial phrase up to a comma, when the content frame follows.
    fn adverbial_up_to_comma(&self, k: usize, limit: usize) -> Option<usize> {
        let ctx = self.ctx;
        if !ctx.has_hit(k, |e| matches!(e, Entry::NpStop)) {
            return None;
        }
        let c = (k + 1..limit.min(k + 16)).find(|&j| ctx.is_comma(j))?;
        let n = c + 1;
        (ctx.has_hit(n, |e| matches!(e, Entry::Complementiser)) || ctx.is_punct(n, ':') || self.quote_opening_at(n).is_some()).then_some(n)
    }

    /// «في بيان (له)», «خلال مؤتمر صحفي», "in a statement".
    fn channel_filler(&self, k: usize) -> Option<usize> {
        let ctx = self.ctx;
        if !ctx.is(k, W::ChannelPrepositions) {
            return None;
        }
        let noun_at = |j: usize| ctx.has_hit(j, |e| matches!(e, Entry::CueNoun(_)));
        let mut j = if noun_at(k + 1) {
            k + 2
        } else if noun_at(k + 2) && ctx.is(k + 1, W::Determiners) {
            k + 3
        } else {
            return None;
        };
        while ctx.is(j, W::ChannelModifiers) {
            j += 1;
        }
        Some(j)
    }

    /// An addressee: «ل» alone (from «لـ»), a word with a glued «ل», «إلى»/«مع»,
    /// "to"/"with". An outlet there relays the claim.
    fn addressee_filler(&mut self, k: usize, via: &mut Vec<usize>) -> Option<usize> {
        let ctx = self.ctx;
        let glued = ctx.hits_at_tok(k).iter().any(|h| ctx.addressee_hit(h) && matches!(h.entry, Entry::Registry(_) | Entry::Head(_)));
        let sep = ctx.is(k, W::AddresseeMarkers);
        if !glued && !sep {
            return None;
        }
        let j = if sep { k + 1 } else { k };
        if let Some(q) = self.quote_opening_at(j) {
            // «لـ"سانا"»: a quoted outlet name
            via.extend(self.quoted_name_entity(q));
            self.claimed[q] = true;
            return Some(ctx.tok_end(ctx.seg.quotes[q].outer_end));
        }
        if let Some(np) = self.g.np_after(ctx, j, 6) {
            // an outlet relays; journalists told something do not («للصحفيين»)
            if np.registry.is_some() || np.kind == Kind::Media && !np.human {
                via.extend(self.add_entity(&np));
            }
            return Some(np.end_tok);
        }
        // "told reporters", "to journalists": a plain addressee
        (sep && (ctx.has_hit(j, |e| matches!(e, Entry::Head(_))) || ctx.is(j, W::PlainAddressees))).then_some(j + 1)
    }

    /// "on Tuesday", "by phone", "on X": short phrases before "that".
    fn frame_opener_filler(&self, k: usize, limit: usize) -> Option<usize> {
        let ctx = self.ctx;
        if !ctx.is(k, W::FrameOpeners) {
            return None;
        }
        let mut j = k + 1;
        while j < limit && j < k + 5 && ctx.punct(j).is_none() && !ctx.has_hit(j, |e| matches!(e, Entry::Complementiser)) {
            j += 1;
        }
        (ctx.has_hit(j, |e| matches!(e, Entry::Complementiser)) || ctx.is_punct(j, ':')).then_some(j)
    }

    /// «على موقع «فيسبوك» إنها …»: a short phrase straight before the
    /// complementiser; «الخميس نقلا عن مسؤولين أتراك أن»: read the relay first.
    fn phrase_before_complementiser(&self, k: usize, limit: usize) -> Option<usize> {
        let ctx = self.ctx;
        let c = (k + 1..limit.min(k + 9)).find(|&j| ctx.has_hit(j, |e| matches!(e, Entry::Complementiser)))?;
        if let Some(r) = (k..c).find(|&j| self.is_relay_phrase(j)) {
            return Some(r);
        }
        let short_quote = |j: usize| {
            self.quote_opening_at(j).is_none_or(|q| ctx.text[ctx.seg.quotes[q].inner_start..ctx.seg.quotes[q].inner_end].split_whitespace().count() <= 3)
        };
        let clean = !ctx.inside_quote(ctx.seg.tokens[c].start)
            && (k..c).all(|j| {
                !ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::According(_) | Entry::Complementiser))
                    && !ctx.punct(j).is_some_and(|p| is_terminal(p) || is_semicolon(p) || p == ':')
                    && short_quote(j)
            });
        (clean && !(k..c).any(|j| ctx.is_comma(j))).then_some(c)
    }

    /// «في بيان نشره عبر قناته على "تلغرام"، إن …», ", in a post on its
    /// website, that", «موسى ديالو (34 عاماً)، وهو تاجر ماشية نجا من الهجوم: "…"»:
    /// asides up to a comma or colon that the content frame follows. Each comma
    /// and colon of a bounded window is tried in turn; a cue in between ends the
    /// search.
    fn parenthetical(&self, k: usize, limit: usize) -> Option<usize> {
        let ctx = self.ctx;
        for c in k..limit.min(k + 24) {
            let outside = !ctx.inside_quote(ctx.seg.tokens[c].start);
            if outside && ctx.has_hit(c, |e| matches!(e, Entry::Verb { .. } | Entry::According(_))) {
                return None;
            }
            if c == k || !(ctx.is_comma(c) || ctx.is_punct(c, ':')) {
                continue;
            }
            if ctx.is_punct(c, ':') {
                // «…، وهو تاجر: "…"», «…: الوضع هادئ»: a colon opens the content
                return Some(c);
            }
            let n = c + 1;
            // «، لـ"سانا"», «، لوكالة الأناضول»: the addressee before the frame
            let addressee = (ctx.is(n, W::AddresseeMarkers) && ctx.word(n).chars().count() == 1)
                || (ctx.glued_addressee(n)
                    && ctx.hits_at_tok(n).iter().any(|h| ctx.addressee_hit(h) && matches!(h.entry, Entry::Registry(_) | Entry::Head(_))));
            let frame = ctx.has_hit(n, |e| matches!(e, Entry::Complementiser)) || self.quote_opening_at(n).is_some() || addressee;
            if frame {
                return Some(n);
            }
        }
        None
    }

    /// The content that a frame at `k` opens, if any, and whether the frame is
    /// strong (a colon or a complementiser) rather than a bare quote or clause.
    pub(crate) fn content_at(&self, k: usize, strict: bool) -> Option<(Content, bool)> {
        let ctx = self.ctx;
        let mut k = k;
        let mut after_comp = false;
        // where the clause starts: "that" belongs to English content, «أن» does not
        let mut clause_start = k;
        if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::Complementiser)) {
            k = ctx.tok_end(h.end).max(k + 1);
            // «بالقول إن»: a second complementiser after the first
            if let Some(h2) = ctx.best_hit(k, |e| matches!(e, Entry::Complementiser)) {
                k = ctx.tok_end(h2.end).max(k + 1);
            }
            after_comp = true;
            if !self.g.content_keeps_complementiser() {
                clause_start = k;
            }
        } else {
            clause_start = k;
        }
        // «بما وصفه بـ"…"»: the term is the speaker's own words
        if ctx.is(k, W::ObjectPrepositions) && ctx.word(k).chars().count() == 1 && self.quote_opening_at(k + 1).is_some() {
            k += 1;
        }
        if ctx.is_punct(k, ':') {
            k += 1;
            if let Some(q) = self.quote_opening_at(k) {
                return Some((Content::Quote(q), true));
            }
            let end = self.clause_end(k);
            return (end > k).then_some((Content::Clause(k, end), true));
        }
        if let Some(q) = self.quote_opening_at(k) {
            // a quote that runs to the end of the clause is the content; a quoted
            // fragment inside a clause after «أن» makes a mixed quote
            let qd = &ctx.seg.quotes[q];
            let after = ctx.tok_end(qd.outer_end);
            let ends = after >= self.sentence_end_tok(k) || ctx.punct(after).is_some_and(|c| is_terminal(c) || is_comma(c));
            let words = ctx.text[qd.inner_start..qd.inner_end].split_whitespace().count();
            // «أعلن السبت "هدنة إنسانية"»: a short quoted noun phrase is a term
            if !after_comp && words <= 3 {
                return None;
            }
            if !after_comp || ends {
                return Some((Content::Quote(q), after_comp));
            }
        }
        // «أعلنت مقتل 42», «أشار إلى سقوط», «أفادت بوقوع»: an event noun as the object
        let obj = if ctx.is(k, W::ObjectPrepositions) { k + 1 } else { k };
        if !after_comp && (!strict || obj > k) && ctx.has_hit(obj, |e| matches!(e, Entry::ObjectNoun)) && self.object_stance_ok {
            let end = self.clause_end(obj);
            return (end > obj).then_some((Content::Clause(obj, end), false));
        }
        if after_comp {
            let end = self.clause_end(k);
            return (end > k).then_some((Content::Clause(clause_start.min(k), end), true));
        }
        if !strict && self.g.bare_content() {
            return self.bare_clause(k);
        }
        None
    }

    /// Reported speech without a complementiser: "officials said 37 people died".
    fn bare_clause(&self, k: usize) -> Option<(Content, bool)> {
        let ctx = self.ctx;
        let t = ctx.tok(k)?;
        // a clause has a subject: not "to oppose it", not "said the…" after another cue
        let clause_like = !ctx.is(k, W::NonClauseStarts) && !ctx.has_hit(k, |e| matches!(e, Entry::Verb { .. } | Entry::According(_)));
        if clause_like && matches!(t.kind, TokKind::Word | TokKind::Number) && k < self.sentence_end_tok(k) {
            let end = self.clause_end(k);
            if end > k + 2 {
                return Some((Content::Clause(k, end), false));
            }
        }
        None
    }

    /// Where reported content that starts at token `k` ends: the sentence end,
    /// a clause break, a trailing according-to, or a new reporting clause.
    pub(crate) fn clause_end(&self, k: usize) -> usize {
        let ctx = self.ctx;
        let send = self.sentence_end_tok(k);
        let mut j = k;
        while j < send {
            if ctx.inside_quote(ctx.seg.tokens[j].start) {
                j += 1;
                continue;
            }
            if ctx.punct(j).is_some_and(is_semicolon) {
                return j;
            }
            // «…، قبل أن تتوقف»: after a comma a time clause is the reporter's again
            if j > k && (ctx.has_hit(j, |e| matches!(e, Entry::ClauseBreak)) || ctx.has_hit(j, |e| matches!(e, Entry::Subordinator)) && ctx.is_comma(j - 1)) {
                return self.trim_back(j);
            }
            // "confirmed that X and said Y": a second speech verb of the same subject
            // ("X met the rebels and offered to …" is what X did)
            let speech = |e: &Entry| matches!(e, Entry::Verb { idx, .. } if matches!(ctx.lr.cues.verbs[*idx as usize].stance, Stance::Neutral | Stance::Assertive | Stance::Denial | Stance::Evaluative));
            if j > k && ctx.is(j, W::Coordinators) && ctx.has_hit(j + 1, speech) {
                return self.trim_back(j);
            }
            // «… وبيّن أن …»: a speech verb with its conjunction glued on, then its own frame
            let hal_ends = self.g.participle_ends_content();
            let glued = ctx.hits_at_tok(j).iter().any(|h| (h.conj || hal_ends && matches!(h.entry, Entry::Verb { agr: Agr::Hal, .. })) && speech(&h.entry));
            // «قائلة في بيان على موقعها إن»: a channel phrase may stand between
            let reach = if ctx.is(j + 1, W::ChannelPrepositions) { j + 10 } else { j + 3 };
            let framed = (j + 1..reach).take_while(|&m| ctx.punct(m).is_none()).any(|m| ctx.has_hit(m, |e| matches!(e, Entry::Complementiser)));
            if j > k && glued && framed {
                return self.trim_back(j);
            }
            if ctx.is_comma(j) && self.new_clause_after_comma(j + 1, send) {
                return j;
            }
            j += 1;
        }
        self.trim_back(send)
    }

    /// After a comma inside reported content: does a new clause start at `n`?
    fn new_clause_after_comma(&self, n: usize, send: usize) -> bool {
        let ctx = self.ctx;
        let w = ctx.word(n);
        let verb_at = |j: usize| ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. }));
        // «، كما زعمت», «، فيما نفت»: a new reporting clause
        (ctx.is(n, W::ClauseOpeners) && verb_at(n + 1))
            // a trailing «، وفق X» / ", according to X" belongs to another claim
            || ctx.has_hit(n, |e| matches!(e, Entry::According(_)))
            // «، وأضاف», «، ويأتي»: a new clause with its own verb
            || (w.chars().count() >= 5 && ctx.lr.grammar.clause_opener_prefixes.iter().any(|p| w.starts_with(fold(p).as_str())))
            // «، مضيفاً أن», ", adding that": the same speaker's next claim
            || ctx.hits_at_tok(n).iter().any(|h| match h.entry {
                Entry::Verb { agr: Agr::Hal, .. } => true,
                Entry::Verb { .. } => h.conj,
                _ => false,
            })
            // ", and said …": the same subject's next claim
            || (ctx.is(n, W::Coordinators) && verb_at(n + 1))
            // ", and Clinton is promising to …": another subject's claim
            || (ctx.is(n, W::Coordinators) && self.subject_and_cue(n + 1, send))
            // ", the minister said." / ", he added": a post-posed cue
            || self.g.postposed_cue(self, n, send)
    }

    /// A short subject and its cue verb from `a`: "Clinton is promising".
    fn subject_and_cue(&self, a: usize, send: usize) -> bool {
        let ctx = self.ctx;
        let Some(v) = (a + 1..send.min(a + 8)).take_while(|&j| ctx.punct(j).is_none()).find(|&j| ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. }))) else {
            return false;
        };
        self.g.np_before(ctx, v, a).is_some_and(|np| np.first_tok <= a + 1 && !np.pronoun || np.pronoun && np.first_tok == a)
    }

    pub(crate) fn rest_is_adverbial(&self, mut k: usize, end: usize) -> bool {
        let ctx = self.ctx;
        let mut n = 0;
        while k < end {
            if ctx.punct(k).is_some() {
                return n <= 6;
            }
            k += 1;
            n += 1;
        }
        n <= 6
    }

    /// Step back over trailing punctuation so content ends on a word.
    pub(crate) fn trim_back(&self, mut j: usize) -> usize {
        while j > 0 {
            match self.ctx.punct(j - 1) {
                Some(c) if !is_quote_mark(c) && c != ')' => j -= 1,
                _ => break,
            }
        }
        j
    }

    pub(crate) fn skip_adverbials(&self, mut k: usize) -> usize {
        while let Some(h) = self.ctx.best_hit(k, |e| matches!(e, Entry::Adverbial)) {
            k = self.ctx.tok_end(h.end).max(k + 1);
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::said;

    fn texts(lang: &str, t: &str) -> Vec<String> {
        said(lang, t).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn content_ends_before_a_new_reporting_clause() {
        assert_eq!(texts("ar", "وأوضح المرصد أن القصف استهدف السوق، كما زعمت الفصائل أنها صدت الهجوم."), ["القصف استهدف السوق", "صدت الهجوم"]);
    }

    #[test]
    fn content_after_a_colon_runs_to_the_sentence_end() {
        assert_eq!(texts("ar", "وقال الجيش: الوضع تحت السيطرة."), ["الوضع تحت السيطرة"]);
    }

    #[test]
    fn a_quote_is_the_text_inside_its_marks() {
        assert_eq!(texts("en", "Maria Lopez said: \"We ran out of insulin.\""), ["We ran out of insulin."]);
    }

    #[test]
    fn a_trailing_according_to_belongs_to_its_own_claim() {
        let c = said("en", "Officials said the road was closed, according to the ministry.");
        let said_claim = c.iter().find(|x| x.mode == "indirect").expect("the said claim");
        assert_eq!(said_claim.text, "the road was closed");
    }

    #[test]
    fn fillers_between_cue_and_content_are_skipped() {
        // English content keeps its "that" (annotation practice); Arabic drops «إن»
        assert_eq!(texts("en", "The ministry said on Tuesday that 40 people had been wounded."), ["that 40 people had been wounded"]);
        assert_eq!(texts("ar", "وقال المتحدث في بيان له إن الوفد وصل."), ["الوفد وصل"]);
    }
}
