use super::*;

impl<'c, 'a> Extractor<'c, 'a> {
    pub(super) fn according(&mut self, ev: &Hit, idx: usize) {
        let ctx = self.ctx;
        let ph = &ctx.lr.according.phrases[idx];
        let at = ctx.seg.tok_at(ev.start);
        let mut k = ctx.tok_end(ev.end).max(at + 1);
        let mut via = Vec::new();
        let mut source: Option<usize> = None;
        let mut mention = None;
        // «بحسب ما أفاد المرصد», «وفق ما نقلت عنه وكالة الأناضول», "according to what X said"
        if matches!(ctx.word(k), "ما" | "what") {
            k += 1;
        }
        if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::Verb { .. })) {
            k = ctx.tok_end(h.end).max(k + 1);
            if matches!(ctx.word(k), "عنه" | "عنها" | "عنهم") {
                // «بحسب ما نقلت عنه وكالة الأناضول»: the outlet relayed what the
                // speaker of this sentence said; it adds a hop, not a claim
                k += 1;
                let relay = np_after_ar(ctx, k, 8).and_then(|np| self.ents.add(&np));
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
                if attached {
                    return;
                }
                source = self.last.map(|l| l.0);
                via.extend(relay);
            }
        }
        let mut np_end = k;
        let after_verb = k > at + 1 && ctx.has_hit(k.saturating_sub(1), |e| matches!(e, Entry::Verb { .. }));
        // "according to a report by the Guardian": the document's author
        if !self.ar() {
            let d = if matches!(ctx.word(k).to_lowercase().as_str(), "a" | "an" | "the" | "its" | "their") { k + 1 } else { k };
            let mut j = d;
            while j < d + 3 && !ctx.has_hit(j, |e| matches!(e, Entry::CueNoun(_))) && ctx.punct(j).is_none() {
                j += 1;
            }
            if ctx.has_hit(j, |e| matches!(e, Entry::CueNoun(_))) && matches!(ctx.word(j + 1).to_lowercase().as_str(), "by" | "from" | "of") {
                k = j + 2;
            }
        }
        if source.is_none() {
            let np = if self.ar() { self.subject_after_ar(k) } else { np_after_en(ctx, k) };
            let np = np.or_else(|| if after_verb && self.ar() { self.bare_subject_ar(k, Agr::Any) } else { None });
            let Some(np) = np else { return };
            if !np.has_anchor_public() && !after_verb {
                return;
            }
            np_end = np.end_tok;
            mention = Some((np.start, np.end));
            source = self.source_of(&np);
            // "according to Anadolu, which quoted a local official": the official
            // speaks, Anadolu relays
            let j = if ctx.is_punct(np_end, ',') { np_end + 1 } else { np_end };
            if matches!(ctx.word(j).to_lowercase().as_str(), "which" | "who") && matches!(ctx.word(j + 1).to_lowercase().as_str(), "quoted" | "cited") {
                if let Some(inner) = np_after_en(ctx, j + 2) {
                    if let Some(relay) = source.take() {
                        via.push(relay);
                    }
                    np_end = inner.end_tok;
                    mention = Some((inner.start, inner.end));
                    source = self.source_of(&inner);
                }
            }
        }
        let cue = Some((ev.core_start, ev.core_end));
        // relay: "X reported, citing Y" / «أفادت وكالة X نقلا عن مصادر محلية»
        if ph.relay {
            let sent_start = ctx.sentence_bounds(ev.start).0;
            if let Some(prev) = self.claims.iter_mut().rev().take(RECENT).find(|c| c.start >= sent_start || c.cue.is_some_and(|cu| cu.0 >= sent_start)) {
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
                return;
            }
        }
        let s_start = self.sentence_start_tok(at);
        let leading = (s_start..at).all(|j| ctx.punct(j).is_some() || matches!(ctx.word(j), "و" | "ف" | "and" | "but" | "And" | "But"))
            || (s_start..at).all(|j| ctx.punct(j).is_some() || ctx.tok(j).is_some_and(|t| t.start >= ev.start));
        let (start, end, mode, quote) = if leading {
            let mut via2 = Vec::new();
            let k2 = self.skip_fillers(np_end, &mut via2);
            via.extend(via2);
            if let Some(q) = self.quote_opening_at(k2) {
                let (s, e, m, q) = self.content_span(&Content::Quote(q));
                (s, e, m, q)
            } else {
                let end = self.clause_end(k2);
                if end <= k2 {
                    return;
                }
                let (s, e) = self.span_of(k2, end);
                (s, e, Mode::AccordingTo, None)
            }
        } else {
            let mut b = at;
            while b > s_start && matches!(ctx.punct(b - 1), Some('،' | ',' | '-' | '—')) {
                b -= 1;
            }
            if let Some(q) = b.checked_sub(1).and_then(|t| self.quote_closing_at(t)).filter(|q| !self.claimed[*q]) {
                let (s, e, m, q) = self.content_span(&Content::Quote(q));
                (s, e, m, q)
            } else {
                // the backed proposition: from the clause start, even over a claim
                // it relays ("Officials said X, according to the ministry")
                let start = (s_start..b).rev().find(|&j| matches!(ctx.punct(j), Some(';' | '؛' | ':'))).map_or(s_start, |j| j + 1);
                if b <= start {
                    return;
                }
                let (s, e) = self.span_of(start, b);
                (s, e, Mode::AccordingTo, None)
            }
        };
        if ph.relay && !leading {
            // «X نقلا عن Y»: X is the relay
            if let Some(np) = if self.ar() { None } else { np_before_en(ctx, at, s_start) } {
                if let Some(e) = self.ents.add(&np) {
                    via.push(e);
                }
            }
        }
        let c = RawClaim { mode, start, end, cue, stance: ph.stance, source, mention, via, floating: false, orphan: false, quote };
        self.push(c, at);
    }

    /// «وجاء في تقرير لصحيفة العرب وتابعته "المطلع"، أنه: "…"».
    pub(super) fn document_frame(&mut self, ev: &Hit) {
        let ctx = self.ctx;
        let at = ctx.seg.tok_at(ev.start);
        let mut k = ctx.tok_end(ev.end).max(at + 1);
        let Some(noun) = ctx.best_hit(k, |e| matches!(e, Entry::CueNoun(_))) else { return };
        let cue = Some((ev.core_start, noun.core_end));
        k = ctx.tok_end(noun.end).max(k + 1);
        if ctx.word(k) == "ل" {
            k += 1;
        }
        let mut via = Vec::new();
        let mut subject = None;
        if let Some(q) = self.quote_opening_at(k) {
            subject = self.quoted_name_entity(q).map(|e| (e, None));
            self.claimed[q] = true;
            k = ctx.tok_end(ctx.seg.quotes[q].outer_end);
        } else if let Some(np) = np_after_ar(ctx, k, 8) {
            k = np.end_tok;
            subject = self.source_of(&np).map(|e| (e, Some((np.start, np.end))));
        }
        // relay: «وتابعته "المطلع"», «نشرته X», «اطلعت عليه X»
        if let Some(h) = ctx.best_hit(k, |e| *e == Entry::Relay) {
            k = ctx.tok_end(h.end).max(k + 1);
            if let Some(q) = self.quote_opening_at(k) {
                if let Some(e) = self.quoted_name_entity(q) {
                    via.push(e);
                }
                self.claimed[q] = true;
                k = ctx.tok_end(ctx.seg.quotes[q].outer_end);
            } else if let Some(np) = np_after_ar(ctx, k, 6) {
                if let Some(e) = self.ents.add(&np) {
                    via.push(e);
                }
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
    pub(super) fn document_author(&mut self, mut j: usize) -> Option<Np> {
        let ctx = self.ctx;
        // up to two adjectives: «حصيلة أولية», «تقرير جديد»
        for _ in 0..2 {
            let w = ctx.word(j);
            let adjective = ctx.hits_at_tok(j).iter().all(|h| matches!(h.entry, Entry::Qualifier(_)));
            let plain = ctx.tok(j).is_some_and(|t| t.kind == TokKind::Word) && adjective && !w.starts_with('ل');
            if plain && !ctx.has_hit(j + 1, |e| matches!(e, Entry::Complementiser)) {
                j += 1;
            } else {
                break;
            }
        }
        let doc_start = self.doc_noun_start(j);
        let mut genitive = false;
        if ctx.word(j) == "ل" {
            j += 1;
        } else if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::Relay)) {
            j = ctx.tok_end(h.end).max(j + 1);
        } else {
            genitive = ctx.word(j).starts_with("ال");
        }
        if let Some(mut np) = np_after_ar(ctx, j, 8) {
            np.end_tok = np.end_tok.max(j);
            return Some(np);
        }
        if genitive {
            // «إحصاءات الوحدة»: a definite genitive names the author, often by an
            // earlier mention
            let t = ctx.seg.tokens[j];
            let mut np = super::np::np_plain(t.start, t.end, j, j + 1);
            np.key = super::np::key_of(ctx, j);
            np.anaphor = true;
            return Some(np);
        }
        // a document with no author: «وفق إحصاءات أمنية رسمية»
        let first = doc_start?;
        let last = j.max(first + 1);
        let t = &ctx.seg.tokens;
        let mut np = super::np::np_plain(t[first].start, t[last - 1].end, first, last);
        np.anonymous = true;
        for k in first..last {
            if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::Qualifier(_))) {
                if let Entry::Qualifier(q) = h.entry {
                    np.kind = ctx.lr.sources.qualifiers[q as usize].kind;
                }
            }
        }
        np.key = crate::text::normalise::fold(&ctx.text[np.start..np.end]).to_lowercase();
        Some(np)
    }

    /// The document noun a document phrase starts with, searching back from `j`.
    pub(super) fn doc_noun_start(&self, j: usize) -> Option<usize> {
        (j.saturating_sub(3)..j).find(|&k| self.ctx.has_hit(k, |e| matches!(e, Entry::CueNoun(_))))
    }

    /// «مصدر عسكري لسانا: …», "Defence Minister: talks will resume".
    pub(super) fn headline(&mut self, p: usize) {
        let ctx = self.ctx;
        let para = ctx.seg.paragraphs[p];
        let a = ctx.seg.tok_at(para.start);
        let b = ctx.tok_end(para.end);
        let a = if ctx.is_punct(a, '#') { (a..b).find(|&j| !ctx.is_punct(j, '#')).unwrap_or(b) } else { a };
        let Some(colon) = (a..b.min(a + 10)).find(|&j| ctx.is_punct(j, ':')) else { return };
        if colon == a || (a..colon).any(|j| ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser | Entry::DocumentFrame)) || ctx.punct(j).is_some_and(|c| c != '(' && c != ')')) {
            return;
        }
        let mut via = Vec::new();
        let (np, rest) = if self.ar() {
            let Some(np) = np_after_ar(ctx, a, 8) else { return };
            let mut j = np.end_tok;
            if j < colon {
                let w = ctx.word(j);
                if w == "ل" || (w.starts_with('ل') && !w.starts_with("ال")) {
                    let jj = if w == "ل" { j + 1 } else { j };
                    if let Some(o) = np_after_ar(ctx, jj, 5) {
                        if let Some(e) = self.ents.add(&o) {
                            via.push(e);
                        }
                        j = o.end_tok;
                    }
                }
            }
            (np, j)
        } else {
            let Some(np) = np_after_en(ctx, a) else { return };
            let j = np.end_tok;
            (np, j)
        };
        // «اليمن: …» is a topic label; «مصدر عسكري: …» and «وزير الخارجية: …» are speakers
        let multiword = np.end_tok > np.first_tok + 1;
        if rest != colon || !(np.head.is_some() || np.human || (np.registry.is_some() && multiword)) {
            return;
        }
        let (content, _) = match self.quote_opening_at(colon + 1) {
            Some(q) => (Content::Quote(q), 0),
            None => {
                if colon + 1 >= b {
                    return;
                }
                (Content::Clause(colon + 1, self.trim_back(b)), 0)
            }
        };
        let (s, e, mode, quote) = self.content_span(&content);
        let source = self.source_of(&np);
        let cue = Some(self.span_of(colon, colon + 1));
        let c = RawClaim { mode, start: s, end: e, cue, stance: Stance::Neutral, source, mention: Some((np.start, np.end)), via, floating: false, orphan: false, quote };
        self.push(c, a);
    }
}
