use super::*;

impl<'c, 'a> Extractor<'c, 'a> {
    /// Skip what may stand between a cue (and its subject) and the content:
    /// commas, time words, «في بيان», addressees («لوكالة فرانس برس», "told
    /// Reuters"), channels. Addressees that are outlets become `via`.
    pub(super) fn skip_fillers(&mut self, mut k: usize, via: &mut Vec<usize>) -> usize {
        let ctx = self.ctx;
        let limit = self.sentence_end_tok(k).min(k + 24);
        // every branch moves k forward; the guard makes that a certainty
        let mut guard = 0;
        while k < limit && guard < 64 {
            guard += 1;
            let w = ctx.word(k);
            if matches!(ctx.punct(k), Some('،' | ',' | '-' | '–' | '—')) {
                k += 1;
                continue;
            }
            if let Some(h) = ctx.best_hit(k, |e| *e == Entry::Adverbial) {
                k = ctx.tok_end(h.end).max(k + 1);
                continue;
            }
            if ctx.has_hit(k, |e| *e == Entry::Complementiser) {
                break;
            }
            // «في تصريح نشرته وكالة الأنباء اليمنية "سبأ"»: the relaying outlet
            if let Some(h) = ctx.best_hit(k, |e| *e == Entry::Relay) {
                let mut j = ctx.tok_end(h.end).max(k + 1);
                let np = if self.ar() { np_after_ar(ctx, j, 8) } else { np_after_en(ctx, j) };
                if let Some(np) = np {
                    j = np.end_tok;
                    if let Some(e) = self.ents.add(&np) {
                        via.push(e);
                    }
                }
                if let Some(q) = self.quote_opening_at(j) {
                    let qd = &ctx.seg.quotes[q];
                    if ctx.text[qd.inner_start..qd.inner_end].split_whitespace().count() <= 3 {
                        self.claimed[q] = true;
                        j = ctx.tok_end(qd.outer_end);
                    }
                }
                k = j;
                continue;
            }
            if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::According(i) if ctx.lr.according.phrases[*i as usize].relay)) {
                let j = ctx.tok_end(h.end).max(k + 1);
                let np = if self.ar() { np_after_ar(ctx, j, 8) } else { np_after_en(ctx, j) };
                if let Some(np) = np {
                    k = np.end_tok;
                    self.pending_relay = Some(np);
                    continue;
                }
            }
            // «عقب إحاطة صحفية لمتحدث الوزارة X، أن», "after a briefing on Monday, that":
            // an adverbial phrase up to a comma, when the content frame follows it
            if ctx.has_hit(k, |e| *e == Entry::NpStop) {
                if let Some(c) = (k + 1..limit.min(k + 16)).find(|&j| matches!(ctx.punct(j), Some('،' | ','))) {
                    let n = c + 1;
                    if ctx.has_hit(n, |e| *e == Entry::Complementiser) || ctx.is_punct(n, ':') || self.quote_opening_at(n).is_some() {
                        k = n;
                        continue;
                    }
                }
            }
            // «في بيان (له)», «خلال مؤتمر صحفي», "in a statement"
            let prep = matches!(w, "في" | "خلال" | "عبر" | "ضمن" | "in" | "at" | "during" | "via" | "through");
            let noun_at = |j: usize| ctx.has_hit(j, |e| matches!(e, Entry::CueNoun(_)));
            if prep && (noun_at(k + 1) || noun_at(k + 2) && matches!(ctx.word(k + 1).to_lowercase().as_str(), "a" | "an" | "the" | "his" | "her" | "their" | "its")) {
                k += if noun_at(k + 1) { 2 } else { 3 };
                while matches!(ctx.word(k), "له" | "لها" | "لهم" | "صحفي" | "صحافي" | "رسمي" | "متلفز" | "مصور") {
                    k += 1;
                }
                continue;
            }
            // addressee: «ل» alone (from «لـ»), a word with a glued ل, إلى/مع, "to"/"with"
            let lam_word = !w.starts_with("ال")
                && w.starts_with('ل')
                && ctx.hits_at_tok(k).iter().any(|h| h.lam && matches!(h.entry, Entry::Registry(_) | Entry::Head(_)));
            let sep = matches!(w, "ل" | "إلى" | "الي" | "مع" | "to" | "with");
            if lam_word || sep {
                let j = if sep { k + 1 } else { k };
                if let Some(q) = self.quote_opening_at(j) {
                    // «لـ"سانا"»: a quoted outlet name
                    let qd = &ctx.seg.quotes[q];
                    if let Some(e) = self.quoted_name_entity(q) {
                        via.push(e);
                    }
                    self.claimed[q] = true;
                    k = ctx.tok_end(qd.outer_end);
                    continue;
                }
                let np = if self.ar() { np_after_ar(ctx, j, 6) } else { np_after_en(ctx, j) };
                if let Some(np) = np {
                    if np.registry.is_some() || np.kind == crate::model::Kind::Media {
                        if let Some(e) = self.ents.add(&np) {
                            via.push(e);
                        }
                    }
                    k = np.end_tok;
                    continue;
                }
                if sep && !self.ar() {
                    // "told reporters", "to journalists": a plain addressee
                    if ctx.has_hit(j, |e| matches!(e, Entry::Head(_))) || matches!(ctx.word(j), "reporters" | "journalists") {
                        k = j + 1;
                        continue;
                    }
                }
            }
            // "on Tuesday", "by phone", "on X": short prepositional phrases before "that"
            if !self.ar() && matches!(w, "on" | "by" | "late" | "early" | "last" | "this" | "earlier" | "in") {
                let mut j = k + 1;
                while j < limit && j < k + 5 && ctx.punct(j).is_none() && !ctx.has_hit(j, |e| *e == Entry::Complementiser) {
                    j += 1;
                }
                if ctx.has_hit(j, |e| *e == Entry::Complementiser) || ctx.is_punct(j, ':') {
                    k = j;
                    continue;
                }
            }
            // «على موقع «فيسبوك» إنها …»: a short phrase straight before the complementiser
            if let Some(c) = (k + 1..limit.min(k + 9)).find(|&j| ctx.has_hit(j, |e| *e == Entry::Complementiser)) {
                let relay_at = (k..c).find(|&j| ctx.has_hit(j, |e| matches!(e, Entry::According(i) if ctx.lr.according.phrases[*i as usize].relay)));
                if let Some(r) = relay_at {
                    // «الخميس نقلا عن مسؤولين أتراك أن»: read the relay, then the frame
                    k = r;
                    continue;
                }
                let clean = !ctx.inside_quote(ctx.seg.tokens[c].start)
                    && (k..c).all(|j| {
                        !ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::According(_) | Entry::Complementiser))
                            && !matches!(ctx.punct(j), Some('.' | '!' | '?' | '؟' | ';' | '؛' | ':'))
                            && self.quote_opening_at(j).is_none_or(|q| {
                                ctx.text[ctx.seg.quotes[q].inner_start..ctx.seg.quotes[q].inner_end].split_whitespace().count() <= 3
                            })
                    });
                if clean && !(k..c).any(|j| matches!(ctx.punct(j), Some('،' | ','))) {
                    k = c;
                    continue;
                }
            }
            // «في بيان نشره عبر قناته على "تلغرام"، إن …», ", in a post on its website, that":
            // a parenthetical up to a comma that the content frame follows
            if let Some(c) = (k..limit.min(k + 16)).find(|&j| matches!(ctx.punct(j), Some('،' | ',' | ':'))) {
                let n = if ctx.is_punct(c, ':') { c } else { c + 1 };
                let crosses_cue = (k..c).any(|j| ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::According(_))) && !ctx.inside_quote(ctx.seg.tokens[j].start));
                let nw = ctx.word(n);
                let addressee = nw == "ل"
                    || (nw.starts_with('ل') && !nw.starts_with("ال") && ctx.hits_at_tok(n).iter().any(|h| h.lam && matches!(h.entry, Entry::Registry(_) | Entry::Head(_))));
                let frame = ctx.has_hit(n, |e| *e == Entry::Complementiser)
                    || (ctx.is_punct(n, ':') && self.quote_opening_at(n + 1).is_some())
                    || self.quote_opening_at(n).is_some()
                    || addressee;
                let frame = frame || (ctx.is_punct(c, ':') && self.quote_opening_at(c + 1).is_some());
                if frame && !crosses_cue && c > k {
                    k = n;
                    continue;
                }
            }
            break;
        }
        k
    }

    /// The content that a frame at `k` opens, if any.
    /// The content that a frame at `k` opens, if any, and whether the frame is
    /// strong (a colon or a complementiser) rather than a bare quote or clause.
    pub(super) fn content_at(&self, k: usize, strict: bool) -> Option<(Content, bool)> {
        let ctx = self.ctx;
        let mut k = k;
        let mut after_comp = false;
        if let Some(h) = ctx.best_hit(k, |e| *e == Entry::Complementiser) {
            k = ctx.tok_end(h.end).max(k + 1);
            after_comp = true;
        }
        // «بما وصفه بـ"…"»: the term is the speaker's own words
        if ctx.word(k) == "ب" && self.quote_opening_at(k + 1).is_some() {
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
            let ends = after >= self.sentence_end_tok(k) || matches!(ctx.punct(after), Some('.' | '،' | ',' | '!' | '?' | '؟'));
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
        let obj = if matches!(ctx.word(k), "إلى" | "الي" | "عن" | "ب") { k + 1 } else { k };
        if !after_comp && (!strict || obj > k) && ctx.has_hit(obj, |e| *e == Entry::ObjectNoun) && self.object_stance_ok {
            let end = self.clause_end(obj);
            return (end > obj).then_some((Content::Clause(obj, end), false));
        }
        if after_comp {
            let end = self.clause_end(k);
            return (end > k).then_some((Content::Clause(k, end), true));
        }
        if !strict && !self.ar() {
            // English reported speech without "that": "officials said 37 people died"
            let t = ctx.tok(k)?;
            let lw = ctx.word(k).to_lowercase();
            // a clause has a subject: not "to oppose it", not "said the…" after another cue
            let clause_like = !matches!(lw.as_str(), "for" | "from" | "with" | "about" | "on" | "in" | "at" | "by" | "of" | "into" | "against" | "as" | "after" | "before" | "during" | "over")
                && !ctx.has_hit(k, |e| matches!(e, Entry::Verb { .. } | Entry::According(_)));
            if clause_like && matches!(t.kind, TokKind::Word | TokKind::Number) && k < self.sentence_end_tok(k) {
                let end = self.clause_end(k);
                if end > k + 2 {
                    return Some((Content::Clause(k, end), false));
                }
            }
        }
        None
    }

    /// Where reported content that starts at token `k` ends: the sentence end,
    /// a clause break, a trailing according-to, or a new reporting clause.
    pub(super) fn clause_end(&self, k: usize) -> usize {
        let ctx = self.ctx;
        let send = self.sentence_end_tok(k);
        let mut j = k;
        while j < send {
            if ctx.inside_quote(ctx.seg.tokens[j].start) {
                j += 1;
                continue;
            }
            if matches!(ctx.punct(j), Some(';' | '؛')) {
                return j;
            }
            if j > k && ctx.has_hit(j, |e| matches!(e, Entry::ClauseBreak)) {
                return self.trim_back(j);
            }
            // "confirmed that X and said Y": a second cue of the same subject
            if j > k && !self.ar() && matches!(ctx.word(j).to_lowercase().as_str(), "and" | "but") && ctx.has_hit(j + 1, |e| matches!(e, Entry::Verb { .. })) {
                return self.trim_back(j);
            }
            if matches!(ctx.punct(j), Some('،' | ',')) {
                let n = j + 1;
                let w = ctx.word(n);
                // «، كما زعمت», «، فيما نفت»: a new reporting clause
                if self.ar() && matches!(w, "كما" | "فيما" | "بينما" | "وفيما") && ctx.has_hit(n + 1, |e| matches!(e, Entry::Verb { .. })) {
                    return j;
                }
                // a trailing «، وفق X» / ", according to X" belongs to another claim
                if ctx.has_hit(n, |e| matches!(e, Entry::According(_))) {
                    return j;
                }
                // «، وأضاف», «، ويأتي»: a new clause with its own verb
                if self.ar() && (w.starts_with("وي") || w.starts_with("وت") || w.starts_with("فيما")) && w.chars().count() >= 5 {
                    return j;
                }
                // «، مضيفاً أن», ", adding that": the same speaker's next claim
                if ctx.hits_at_tok(n).iter().any(|h| match h.entry {
                    Entry::Verb { agr: Agr::Hal, .. } => true,
                    Entry::Verb { .. } => h.conj,
                    _ => false,
                }) {
                    return j;
                }
                // ", and said …": the same subject's next claim
                if !self.ar() && matches!(w.to_lowercase().as_str(), "and" | "but") && ctx.has_hit(n + 1, |e| matches!(e, Entry::Verb { .. })) {
                    return j;
                }
                // ", the minister said." / ", he added": a post-posed cue
                if !self.ar() {
                    let mut m = n;
                    while m < send && m < n + 7 && ctx.punct(m).is_none() {
                        if ctx.has_hit(m, |e| matches!(e, Entry::Verb { .. })) {
                            let after = m + 1;
                            let tail_ok = after >= send || ctx.punct(after).is_some() || self.rest_is_adverbial(after, send);
                            if tail_ok && (m == n || np_before_en(ctx, m, n).is_some() || ctx.has_hit(m + 1, |e| matches!(e, Entry::Pronoun | Entry::Head(_) | Entry::Title(_) | Entry::Registry(_)))) {
                                return j;
                            }
                            break;
                        }
                        m += 1;
                    }
                }
            }
            j += 1;
        }
        self.trim_back(send)
    }

    pub(super) fn rest_is_adverbial(&self, mut k: usize, end: usize) -> bool {
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
    pub(super) fn trim_back(&self, mut j: usize) -> usize {
        while j > 0 {
            match self.ctx.punct(j - 1) {
                Some(c) if !is_quote_mark(c) && c != ')' => j -= 1,
                _ => break,
            }
        }
        j
    }

    pub(super) fn skip_adverbials(&self, mut k: usize) -> usize {
        while let Some(h) = self.ctx.best_hit(k, |e| *e == Entry::Adverbial) {
            k = self.ctx.tok_end(h.end).max(k + 1);
        }
        k
    }
}
