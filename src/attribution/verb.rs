use super::*;

impl<'c, 'a> Extractor<'c, 'a> {
    pub(super) fn verb(&mut self, ev: &Hit, idx: usize, agr: Agr) {
        let ctx = self.ctx;
        let verb = &ctx.lr.cues.verbs[idx];
        let vt = ctx.seg.tok_at(ev.start);
        let after = ctx.tok_end(ev.end).max(vt + 1);
        let cue = Some((ev.core_start, ev.core_end));
        let stance = verb.stance;
        self.object_stance_ok = !matches!(stance, Stance::Directive | Stance::Commissive | Stance::Opinion);
        let mut via = Vec::new();
        let mut subject: Option<Np> = None;
        let mut k = after;
        if self.ar() {
            if !matches!(agr, Agr::Hal | Agr::Passive) {
                if let Some(np) = self.subject_after_ar(after).or_else(|| self.bare_subject_ar(after, agr)).or_else(|| self.quoted_subject(after)) {
                    k = np.end_tok;
                    subject = Some(np);
                } else {
                    subject = self.subject_before_ar(vt).or_else(|| self.speech_noun_speaker(vt));
                }
            }
        } else {
            let floor = self.clause_floor(vt);
            subject = np_before_en(ctx, vt, floor);
            let tell = verb.lemma == "tell";
            if subject.is_none() || matches!(ctx.punct(vt.saturating_sub(1)), Some(',' | '"' | '”' | '’')) {
                // "…," said Colonel X / "…," said the ministry
                if let Some(np) = np_after_en(ctx, after).filter(|np| !tell && (np.registry.is_some() || np.head.is_some() || np.human)) {
                    if subject.is_none() {
                        k = np.end_tok;
                        subject = Some(np);
                    }
                }
            } else if tell {
                // "X told Reuters": the addressee
                if let Some(np) = np_after_en(ctx, after) {
                    if np.registry.is_some() || np.kind == crate::model::Kind::Media {
                        if let Some(e) = self.ents.add(&np) {
                            via.push(e);
                        }
                    }
                    k = np.end_tok;
                }
            }
        }
        self.pending_relay = None;
        self.inherited = None;
        // «ونقلت وكالة الأناضول عن صالح شيخ يوسف … أن»: the subject relays, the
        // person after عن speaks
        if self.ar() && matches!(ctx.word(k), "عن") && verb.lemma.starts_with("نقل") {
            if let Some(np) = np_after_ar(ctx, k + 1, 10) {
                let mut j = np.end_tok;
                if matches!(ctx.word(j), "قوله" | "قولها" | "قولهم" | "قولهما") {
                    j += 1;
                }
                if let Some(old) = subject.take() {
                    if let Some(e) = self.ents.add(&old) {
                        via.push(e);
                    }
                }
                subject = Some(np);
                k = j;
            }
        }
        let k2 = self.skip_fillers(k, &mut via);
        // a relay inside the frame: the subject passed on what the cited source said
        if let Some(relayed) = self.pending_relay.take() {
            if let Some(np) = subject.take() {
                if let Some(e) = self.ents.add(&np) {
                    via.push(e);
                }
            }
            subject = Some(relayed);
        }
        // "… denied X and said Y": the subject of the first verb
        if subject.is_none() && !self.ar() && vt > 0 && ctx.word(vt - 1).eq_ignore_ascii_case("and") {
            let s_start = ctx.sentence_bounds(ev.start).0;
            let src = self.recent_claims().find(|c| c.cue.is_some_and(|cu| cu.0 >= s_start)).and_then(|c| c.source);
            if src.is_some() {
                self.inherited = src;
            }
        }
        let forward = self.content_at(k2, verb.strict);
        let source_tok = subject.as_ref().map_or(vt, |s| s.first_tok);
        // a quotation right before the cue (and its subject): «"…"، قال X», "…," the minister said
        let subj_start = subject.as_ref().map_or(vt, |s| s.first_tok.min(vt));
        let mut b = subj_start;
        while b > 0 && matches!(ctx.punct(b - 1), Some('،' | ',' | '-' | '—')) {
            b -= 1;
        }
        let para = ctx.seg.para_of(ev.start);
        let pre_quote = b
            .checked_sub(1)
            .and_then(|t| self.quote_closing_at(t))
            .filter(|q| !self.claimed[*q] && ctx.seg.quotes[*q].para == para);
        let strong = forward.as_ref().is_some_and(|f| f.1);
        if let (Some(q), false) = (pre_quote, strong) {
            let (s, e, mode, quote) = self.content_span(&Content::Quote(q));
            let (source, mention) = self.resolve(subject.as_ref(), agr, verb.continuation, vt);
            let c = RawClaim { mode, start: s, end: e, cue, stance, source, mention, via, floating: false, orphan: false, quote };
            let end_tok = subject.as_ref().map_or(after, |s| s.end_tok.max(after));
            self.push(c.clone(), source_tok);
            self.continue_split(self.skip_adverbials(end_tok), &c);
            return;
        }
        if let Some((content, _)) = forward {
            let (s, e, mode, quote) = self.content_span(&content);
            let (source, mention) = self.resolve(subject.as_ref(), agr, verb.continuation, vt);
            let c = RawClaim { mode, start: s, end: e, cue, stance, source, mention, via, floating: false, orphan: false, quote };
            let end_tok = match content {
                Content::Quote(q) => ctx.tok_end(ctx.seg.quotes[q].outer_end),
                Content::Clause(_, b) => b,
            };
            self.push(c.clone(), source_tok);
            if let Some(q) = quote {
                self.follow_continuations(q);
                self.continue_split(end_tok, &c);
            }
            return;
        }
        // «ورصد المرصد ثلاثة تفجيرات», "SNHR documented 12 deaths", «نفى الجيش هذه
        // الأرقام», «أدانت البعثة القصف», "denied targeting civilians": an object as content
        let object_verb = matches!(verb.stance, Stance::Documentary | Stance::Denial | Stance::Evaluative);
        let object_ok = ctx.tok(k2).is_some_and(|t| t.kind != TokKind::Punct('.')) && !matches!(ctx.word(k2), "في" | "من" | "على" | "عن" | "إلى" | "الي");
        if object_verb && subject.is_some() && pre_quote.is_none() && object_ok {
            let end = self.clause_end(k2);
            if end > k2 + 1 {
                let (s, e) = self.span_of(k2, end);
                let (source, mention) = self.resolve(subject.as_ref(), agr, verb.continuation, vt);
                let c = RawClaim { mode: Mode::Indirect, start: s, end: e, cue, stance, source, mention, via, floating: false, orphan: false, quote: None };
                self.push(c, source_tok);
                return;
            }
        }
        // no claim here, but a named subject is still a mention later text can refer to
        if let Some(np) = subject.as_ref().filter(|n| n.registry.is_some() || n.head.is_some() || n.human && !n.pronoun) {
            if let Some(e) = self.ents.add(np) {
                self.ents.list[e].last = self.ents.list[e].last.max(np.first_tok);
            }
        }
        if b == subj_start || (verb.strict && subject.is_none()) {
            return;
        }
        // a clause before the comma, when the cue ends the sentence: "The toll rose,
        // officials said on Tuesday." (strict verbs too: ", the daily Al-Watan reported.")
        let send = self.sentence_end_tok(vt);
        let tail = subject.as_ref().map_or(after, |s| s.end_tok.max(after));
        // a participle may trail: ", UN officials said, pointing to shortages"
        let stop = (tail..send)
            .find(|&j| matches!(ctx.punct(j), Some(',' | '،')) && ctx.hits_at_tok(j + 1).iter().any(|h| matches!(h.entry, Entry::Verb { agr: Agr::Hal, .. })))
            .unwrap_or(send);
        let rest = (tail..stop).filter(|&j| ctx.punct(j).is_none()).count();
        if rest > 5 || (tail..stop).any(|j| matches!(ctx.punct(j), Some(',' | '،' | ':'))) {
            return;
        }
        let s_tok = self.sentence_start_tok(vt);
        let start = (s_tok..b).rev().find(|&j| matches!(ctx.punct(j), Some(';' | '؛' | ':'))).map_or(s_tok, |j| j + 1);
        let start = (start..b).find(|&j| !ctx.is_punct(j, '#')).unwrap_or(b);
        let end = self.trim_back(b);
        if end > start + 1 {
            let (s, e) = self.span_of(start, end);
            let (s, e) = strip_outer_quotes(ctx.text, s, e);
            // cues inside this content were part of what was reported
            let n = self.claims.len();
            let keep_from = n.saturating_sub(RECENT);
            let mut i = keep_from;
            while i < self.claims.len() {
                let c = &self.claims[i];
                let nested = c.quote.is_none() && c.cue.is_some_and(|cu| cu.0 >= s && cu.1 <= e);
                if nested {
                    self.claims.remove(i);
                } else {
                    i += 1;
                }
            }
            let (source, mention) = self.resolve(subject.as_ref(), agr, verb.continuation, vt);
            let c = RawClaim { mode: Mode::Indirect, start: s, end: e, cue, stance, source, mention, via, floating: false, orphan: false, quote: None };
            self.push(c, source_tok);
        }
    }

    /// The earliest token a subject before a cue may start at.
    pub(super) fn clause_floor(&self, vt: usize) -> usize {
        let ctx = self.ctx;
        let s = self.sentence_start_tok(vt);
        let mut f = s;
        for j in s..vt {
            if let Some(c) = ctx.punct(j) {
                if is_quote_mark(c) || matches!(c, ';' | ':' | '(' | ')') {
                    f = j + 1;
                }
            }
            if ctx.has_hit(j, |e| *e == Entry::Complementiser) {
                f = j + 1;
            }
        }
        f
    }
}
