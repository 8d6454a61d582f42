//! Cues that name a source without a verb of their own, and chains: «وفق»,
//! «بحسب», "according to" (with relays: «نقلا عن», "citing"), document frames
//! («جاء في تقرير لصحيفة X وتابعته Y»), document authors, and headlines
//! «مصدر عسكري: …».

use super::*;

impl<'c, 'a> Extractor<'c, 'a> {
    pub(crate) fn according(&mut self, ev: &Hit, idx: usize) {
        let ctx = self.ctx;
        let ph = &ctx.lr.according.phrases[idx];
        let at = ctx.seg.tok_at(ev.start);
        let mut k = ctx.tok_end(ev.end).max(at + 1);
        let mut via = Vec::new();
        let mut source: Option<usize> = None;
        let mut mention = None;
        // «بحسب ما أفاد المرصد», «وفق ما نقلت عنه وكالة الأناضول», "according to what X said"
        if ctx.is(k, W::What) {
            k += 1;
        }
        if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::Verb { .. })) {
            k = ctx.tok_end(h.end).max(k + 1);
            // «بحسب ما أفادت به مصادر طبية»: a preposition with a pronoun on it
            // points back at «ما»
            let m = &ctx.lr.morph;
            let w = ctx.word(k);
            let mut cs = w.chars();
            if cs.next().is_some_and(|c| m.prepositions().contains(&c)) && m.enclitics.iter().any(|e| e == cs.as_str()) {
                k += 1;
            }
            if ctx.is(k, W::RelayPronouns) {
                if self.relay_hop(ev, k + 1, &mut via) {
                    return;
                }
                source = self.last_speaker();
            }
        }
        let after_verb = k > at + 1 && ctx.has_hit(k.saturating_sub(1), |e| matches!(e, Entry::Verb { .. }));
        let k = self.document_by(k);
        let mut np_end = k;
        if source.is_none() {
            let g = self.g;
            let Some(np) = g.according_source(self, k, after_verb) else { return };
            if !np.has_anchor() && !after_verb {
                return;
            }
            np_end = np.end_tok;
            mention = Some((np.start, np.end));
            source = self.source_of(&np);
            // "according to Anadolu, which quoted a local official": the official
            // speaks, Anadolu relays
            let j = if ctx.is_punct(np_end, ',') { np_end + 1 } else { np_end };
            if ctx.is(j, W::RelativePronouns) && ctx.is(j + 1, W::RelativeRelays) {
                if let Some(inner) = self.g.np_after(ctx, j + 2, 8) {
                    via.extend(source.take());
                    np_end = inner.end_tok;
                    mention = Some((inner.start, inner.end));
                    source = self.source_of(&inner);
                }
            }
        }
        // "AFP, quoting SANA, said …": an aside between a subject and its verb,
        // which reads it (`Extractor::verb`)
        let aside = at > 0 && ctx.is_comma(at - 1) && ctx.is_comma(np_end) && ctx.has_hit(np_end + 1, |e| matches!(e, Entry::Verb { .. }));
        if ph.relay && aside {
            return;
        }
        // relay: "X reported, citing Y" / «أفادت وكالة X نقلا عن مصادر محلية»
        if ph.relay && self.relay_to_previous(ev, at, source, mention) {
            return;
        }
        let s_start = self.sentence_start_tok(at);
        let leading = (s_start..at).all(|j| ctx.punct(j).is_some() || ctx.is(j, W::LeadingConjunctions))
            || (s_start..at).all(|j| ctx.punct(j).is_some() || ctx.tok(j).is_some_and(|t| t.start >= ev.start));
        let span = if leading { self.backed_after(np_end, &mut via) } else { self.backed_before(at, s_start) };
        let Some((start, end, mode, quote)) = span else { return };
        if ph.relay && !leading {
            // "X, citing Y": X is the relay
            if let Some(np) = self.g.np_before(ctx, at, s_start) {
                via.extend(self.add_entity(&np));
            }
        }
        let c = RawClaim {
            mode,
            start,
            end,
            cue: Some((ev.core_start, ev.core_end)),
            stance: ph.stance,
            source,
            mention,
            via,
            floating: false,
            orphan: false,
            quote,
        };
        self.push(c, at);
    }

    /// «بحسب ما نقلت عنه وكالة الأناضول»: the outlet at `k` relayed what the
    /// speaker of this sentence said; it adds a hop to the sentence's claims.
    /// True when it did; otherwise the relay goes into `via`.
    fn relay_hop(&mut self, ev: &Hit, k: usize, via: &mut Vec<usize>) -> bool {
        let ctx = self.ctx;
        let relay = self.g.np_after(ctx, k, 8).and_then(|np| self.add_entity(&np));
        let sent_start = ctx.sentence_bounds(ev.start).0;
        let mut attached = false;
        if let Some(r) = relay {
            for c in self.claims.iter_mut().rev().take(RECENT).filter(|c| c.cue.is_some_and(|cu| cu.0 >= sent_start) || c.start >= sent_start) {
                if c.source != Some(r) && !c.via.contains(&r) {
                    c.via.push(r);
                }
                attached = true;
            }
        }
        if !attached {
            via.extend(relay);
        }
        attached
    }

    /// "according to a report by the Guardian": the author after a document noun.
    fn document_by(&self, k: usize) -> usize {
        let ctx = self.ctx;
        let d = if ctx.is(k, W::Determiners) { k + 1 } else { k };
        let mut j = d;
        while j < d + 3 && !ctx.has_hit(j, |e| matches!(e, Entry::CueNoun(_))) && ctx.punct(j).is_none() {
            j += 1;
        }
        if ctx.has_hit(j, |e| matches!(e, Entry::CueNoun(_))) && ctx.is(j + 1, W::AuthorLinks) {
            j + 2
        } else {
            k
        }
    }

    /// "X reported, citing Y": the sentence's claim gets Y as its source and X
    /// as a relay. False when the sentence has no claim yet.
    fn relay_to_previous(&mut self, ev: &Hit, at: usize, source: Option<usize>, mention: Option<(usize, usize)>) -> bool {
        let sent_start = self.ctx.sentence_bounds(ev.start).0;
        let Some(prev) = self.claims.iter_mut().rev().take(RECENT).find(|c| c.start >= sent_start || c.cue.is_some_and(|cu| cu.0 >= sent_start)) else {
            return false;
        };
        if let Some(old) = prev.source {
            if Some(old) != source {
                prev.via.push(old);
            }
        }
        prev.source = source;
        prev.mention = mention;
        if let Some(e) = source {
            self.last = Some((e, at));
        }
        true
    }

    /// A leading according-to: the content after the source.
    fn backed_after(&mut self, np_end: usize, via: &mut Vec<usize>) -> Option<(usize, usize, Mode, Option<usize>)> {
        let k2 = self.skip_fillers(np_end, via);
        if let Some(q) = self.quote_opening_at(k2) {
            return Some(self.content_span(&Content::Quote(q)));
        }
        let end = self.clause_end(k2);
        if end <= k2 {
            return None;
        }
        let (s, e) = self.span_of(k2, end);
        Some((s, e, Mode::AccordingTo, None))
    }

    /// A trailing according-to: the quotation or the proposition before it, from
    /// the clause start, even over a claim it relays ("Officials said X,
    /// according to the ministry").
    fn backed_before(&self, at: usize, s_start: usize) -> Option<(usize, usize, Mode, Option<usize>)> {
        let ctx = self.ctx;
        let mut b = at;
        while b > s_start && ctx.punct(b - 1).is_some_and(|c| is_comma(c) || matches!(c, '-' | '—')) {
            b -= 1;
        }
        if let Some(q) = b.checked_sub(1).and_then(|t| self.quote_closing_at(t)).filter(|q| !self.claimed[*q]) {
            return Some(self.content_span(&Content::Quote(q)));
        }
        let start = (s_start..b).rev().find(|&j| ctx.punct(j).is_some_and(|c| is_semicolon(c) || c == ':')).map_or(s_start, |j| j + 1);
        if b <= start {
            return None;
        }
        let (s, e) = self.span_of(start, b);
        Some((s, e, Mode::AccordingTo, None))
    }

    /// «وجاء في تقرير لصحيفة العرب وتابعته "المطلع"، أنه: "…"».
    pub(crate) fn document_frame(&mut self, ev: &Hit) {
        let ctx = self.ctx;
        let at = ctx.seg.tok_at(ev.start);
        let mut k = ctx.tok_end(ev.end).max(at + 1);
        let Some(noun) = ctx.best_hit(k, |e| matches!(e, Entry::CueNoun(_))) else { return };
        let cue = Some((ev.core_start, noun.core_end));
        k = ctx.tok_end(noun.end).max(k + 1);
        if ctx.is(k, W::AddresseeMarkers) && ctx.word(k).chars().count() == 1 {
            k += 1;
        }
        let mut via = Vec::new();
        let mut subject = None;
        if let Some(q) = self.quote_opening_at(k) {
            subject = self.quoted_name_entity(q).map(|e| (e, None));
            self.claimed[q] = true;
            k = ctx.tok_end(ctx.seg.quotes[q].outer_end);
        } else if let Some(np) = self.g.np_after(ctx, k, 8) {
            k = np.end_tok;
            subject = self.source_of(&np).map(|e| (e, Some((np.start, np.end))));
        }
        // relay: «وتابعته "المطلع"», «نشرته X», «اطلعت عليه X»
        if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::Relay)) {
            k = ctx.tok_end(h.end).max(k + 1);
            if let Some(q) = self.quote_opening_at(k) {
                via.extend(self.quoted_name_entity(q));
                self.claimed[q] = true;
                k = ctx.tok_end(ctx.seg.quotes[q].outer_end);
            } else if let Some(np) = self.g.np_after(ctx, k, 6) {
                via.extend(self.add_entity(&np));
                k = np.end_tok;
            }
        }
        let k2 = self.skip_fillers(k, &mut via);
        let Some((content, _)) = self.content_at(k2, false) else { return };
        let (s, e, mode, quote) = self.content_span(&content);
        let (source, mention) = subject.map_or((None, None), |(e, m)| (Some(e), m));
        let c = RawClaim { mode, start: s, end: e, cue, stance: Stance::Neutral, source, mention, via, floating: false, orphan: false, quote };
        self.push(c, at);
        if let Some(q) = quote {
            self.follow_continuations(q);
        }
    }

    /// After a document noun: «تقرير لصحيفة X», «حصيلة أولية أعلنها X», «بيان نشرته X».
    pub(crate) fn document_author(&mut self, mut j: usize) -> Option<Np> {
        let ctx = self.ctx;
        // up to two adjectives: «حصيلة أولية», «تقرير جديد»
        for _ in 0..2 {
            let adjective = ctx.hits_at_tok(j).iter().all(|h| matches!(h.entry, Entry::Qualifier(_)));
            let plain = ctx.tok(j).is_some_and(|t| t.kind == TokKind::Word) && adjective && !ctx.glued_addressee(j) && !ctx.is(j, W::AddresseeMarkers);
            if plain && !ctx.has_hit(j + 1, |e| matches!(e, Entry::Complementiser)) {
                j += 1;
            } else {
                break;
            }
        }
        let doc_start = (j.saturating_sub(3)..j).find(|&k| ctx.has_hit(k, |e| matches!(e, Entry::CueNoun(_))));
        let mut genitive = false;
        if ctx.is(j, W::AddresseeMarkers) && ctx.word(j).chars().count() == 1 {
            j += 1;
        } else if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::Relay)) {
            j = ctx.tok_end(h.end).max(j + 1);
        } else {
            genitive = ctx.definite(j);
        }
        if let Some(mut np) = self.g.np_after(ctx, j, 8) {
            np.end_tok = np.end_tok.max(j);
            return Some(np);
        }
        let t = &ctx.seg.tokens;
        if genitive {
            // «إحصاءات الوحدة»: a definite genitive names the author, often by an
            // earlier mention
            let mut np = super::np::np_plain(t[j].start, t[j].end, j, j + 1);
            np.key = super::np::key_of(ctx, j);
            np.anaphor = true;
            return Some(np);
        }
        // a document with no author: «وفق إحصاءات أمنية رسمية»
        let first = doc_start?;
        let last = j.max(first + 1);
        let mut np = super::np::np_plain(t[first].start, t[last - 1].end, first, last);
        np.anonymous = true;
        // «ووثق التقرير»: the report already introduced, by whoever last spoke
        np.document = ctx.definite(first) || ctx.hits_at_tok(first).iter().any(|h| h.definite);
        for k in first..last {
            if let Some(Entry::Qualifier(q)) = ctx.best_hit(k, |e| matches!(e, Entry::Qualifier(_))).map(|h| h.entry) {
                np.kind = ctx.lr.sources.qualifiers[q as usize].kind;
            }
        }
        np.key = fold(&ctx.text[np.start..np.end]).to_lowercase();
        Some(np)
    }

    /// «مصدر عسكري لسانا: …», "Defence Minister: talks will resume".
    pub(crate) fn headline(&mut self, p: usize) {
        let ctx = self.ctx;
        let para = ctx.seg.paragraphs[p];
        let a = ctx.seg.tok_at(para.start);
        let b = ctx.tok_end(para.end);
        let a = if ctx.is_punct(a, '#') { (a..b).find(|&j| !ctx.is_punct(j, '#')).unwrap_or(b) } else { a };
        let Some(colon) = (a..b.min(a + 10)).find(|&j| ctx.is_punct(j, ':')) else { return };
        if colon == a
            || (a..colon).any(|j| {
                ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser | Entry::DocumentFrame))
                    || ctx.punct(j).is_some_and(|c| c != '(' && c != ')')
            })
        {
            return;
        }
        let mut via = Vec::new();
        let Some(np) = self.g.np_after(ctx, a, 8) else { return };
        // a label names its speaker from its first word: «رابط الخبر بصحيفة X:» is boilerplate
        if !(ctx.has_hit(np.first_tok, super::np::is_source_entry) || np.named && np.human) {
            return;
        }
        let mut rest = np.end_tok;
        // «مصدر عسكري لسانا: …»: the outlet it spoke to relays
        let separate = rest < colon && ctx.is(rest, W::AddresseeMarkers) && ctx.word(rest).chars().count() == 1;
        if rest < colon && (separate || ctx.glued_addressee(rest)) {
            if let Some(o) = self.g.np_after(ctx, if separate { rest + 1 } else { rest }, 5) {
                via.extend(self.add_entity(&o));
                rest = o.end_tok;
            }
        }
        // «اليمن: …» is a topic label; «مصدر عسكري: …» and «وزير الخارجية: …» are speakers
        let multiword = np.end_tok > np.first_tok + 1;
        if rest != colon || !(np.head.is_some() || np.human || (np.registry.is_some() && multiword)) {
            return;
        }
        let content = match self.quote_opening_at(colon + 1) {
            Some(q) => Content::Quote(q),
            None if colon + 1 >= b => return,
            None => Content::Clause(colon + 1, self.trim_back(b)),
        };
        let (s, e, mode, quote) = self.content_span(&content);
        let source = self.source_of(&np);
        let cue = Some(self.span_of(colon, colon + 1));
        let c = RawClaim {
            mode,
            start: s,
            end: e,
            cue,
            stance: Stance::Neutral,
            source,
            mention: Some((np.start, np.end)),
            via,
            floating: false,
            orphan: false,
            quote,
        };
        self.push(c, a);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::said;

    #[test]
    fn a_document_frame_with_its_author_and_relay() {
        let c = said("ar", "وجاء في تقرير لصحيفة العرب وتابعته \"المطلع\"، أن الاتفاق قريب.");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!((c[0].source.as_str(), c[0].via.as_slice()), ("صحيفة العرب", ["المطلع".to_string()].as_slice()));
    }

    #[test]
    fn citing_makes_the_subject_a_relay() {
        let c = said("en", "Reuters reported, citing two security sources, that the convoy was hit.");
        assert_eq!((c[0].source.as_str(), c[0].via.as_slice()), ("two security sources", ["Reuters".to_string()].as_slice()));
        let c = said("ar", "وأفادت الوكالة نقلا عن مصادر محلية بأن الاشتباكات توقفت.");
        assert_eq!((c[0].source.as_str(), c[0].via.as_slice()), ("مصادر محلية", ["الوكالة".to_string()].as_slice()));
    }

    #[test]
    fn a_trailing_according_to_backs_the_clause_before_it() {
        let c = said("ar", "قتل 5 أشخاص في الغارة، وفق ما أفادت مصادر طبية.");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!((c[0].mode.as_str(), c[0].source.as_str(), c[0].text.as_str()), ("according_to", "مصادر طبية", "قتل 5 أشخاص في الغارة"));
    }

    #[test]
    fn a_headline_speaker_before_a_colon() {
        let c = said("ar", "مصدر عسكري لسانا: انسحاب الوحدات من المدينة\n\nوتابع السكان الأخبار.");
        assert_eq!((c[0].source.as_str(), c[0].via.as_slice()), ("مصدر عسكري", ["سانا".to_string()].as_slice()));
    }
}
