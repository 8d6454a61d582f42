//! A reporting verb: its subject (where a claim gets its source, by each
//! language's grammar in [`crate::lang`]), then its content: a frame after it, a
//! quotation before it («"…"، قال X», `"…," said X`), an object, or the clause
//! before a post-posed cue ("The toll rose, officials said.").

use super::*;
use crate::lang::{Subject, VerbAt};

/// What a verb's claim is made of, once its subject is known.
struct Frame {
    cue: Option<(usize, usize)>,
    stance: Stance,
    /// The verb may take a noun-phrase object as its content.
    object: bool,
    agr: Agr,
    continuation: bool,
    vt: usize,
    after: usize,
    subject: Option<Np>,
    via: Vec<usize>,
}

impl Frame {
    /// The token a claim's source is read at.
    fn source_tok(&self) -> usize {
        self.subject.as_ref().map_or(self.vt, |s| s.first_tok)
    }

    /// Where the subject (or the verb) starts.
    fn start(&self) -> usize {
        self.subject.as_ref().map_or(self.vt, |s| s.first_tok.min(self.vt))
    }

    /// Where the subject (or the verb) ends.
    fn end(&self) -> usize {
        self.subject.as_ref().map_or(self.after, |s| s.end_tok.max(self.after))
    }
}

impl<'c, 'a> Extractor<'c, 'a> {
    pub(crate) fn verb(&mut self, ev: &Hit, idx: usize, agr: Agr) {
        let ctx = self.ctx;
        let verb = &ctx.lr.cues.verbs[idx];
        let vt = ctx.seg.tok_at(ev.start);
        let after = ctx.tok_end(ev.end).max(vt + 1);
        // "Trump is questioning …": a participle after an auxiliary is a finite verb
        let agr = if agr == Agr::Hal && vt > 0 && ctx.is(vt - 1, W::Auxiliaries) && !ctx.is_comma(vt - 1) { Agr::Any } else { agr };
        // "a group called the Free Army said": a naming word with a verb still to
        // come in its clause introduces a name, not a claim
        if verb.naming || ctx.has_hit(vt, |e| matches!(e, Entry::TypeNoun)) {
            let verb_later = (after..ctx.seg.tokens.len().min(after + 10))
                .take_while(|&j| ctx.punct(j).is_none())
                .any(|j| ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. })));
            // "what the military called 'Operation Iron Harbour'", "land it calls the
            // 'safe zone'": before a lone quote or a name it names, it claims nothing
            let a = if ctx.is(after, W::Determiners) || ctx.is(after, W::DefiniteArticles) { after + 1 } else { after };
            let names = self.quote_opening_at(a).is_some() || self.g.name_shaped(ctx, a, (a + 1).min(ctx.seg.tokens.len()));
            if verb_later || names {
                return;
            }
        }
        self.object_stance_ok = !matches!(verb.stance, Stance::Directive | Stance::Commissive | Stance::Opinion);
        let g = self.g;
        let Subject { np: mut subject, next, mut via } = g.verb_subject(self, &VerbAt { vt, after, agr, verb });
        self.pending_relay = None;
        self.inherited = None;
        // "AFP, quoting SANA, said": the cited source speaks, the subject relays
        if let Some(np) = subject.as_ref().filter(|np| np.end_tok < vt) {
            let relay = |e: &Entry| matches!(e, Entry::According(i) if ctx.lr.according.phrases[*i as usize].relay);
            if let Some(h) = (np.end_tok..vt).find_map(|j| ctx.best_hit(j, relay)) {
                let cited = self.g.np_after(ctx, ctx.tok_end(h.end), 8).filter(|c| c.end_tok < vt);
                if let Some(c) = cited {
                    self.frames.push((h.start, ctx.seg.tokens[c.end_tok - 1].end));
                    self.pending_relay = Some(c);
                }
            }
        }
        let k2 = self.skip_fillers(next, &mut via);
        // a relay inside the frame: the subject passed on what the cited source said
        if let Some(relayed) = self.pending_relay.take() {
            via.extend(subject.take().and_then(|np| self.add_entity(&np)));
            subject = Some(relayed);
        }
        // "… denied X and said Y": the subject of the first verb
        if subject.is_none() && vt > 0 && ctx.is(vt - 1, W::Coordinators) {
            let s_start = ctx.sentence_bounds(ev.start).0;
            let src = self.recent_claims().find(|c| c.cue.is_some_and(|cu| cu.0 >= s_start)).and_then(|c| c.source);
            // "Trump bemoaned the deal and said …": the sentence's subject, though
            // its first verb reports nothing
            self.inherited = src.or_else(|| self.g.participle_fallback(self, vt));
        }
        let f = Frame {
            cue: Some((ev.core_start, ev.core_end)),
            stance: verb.stance,
            object: verb.object,
            agr,
            continuation: verb.continuation,
            vt,
            after,
            subject,
            via,
        };
        if self.parenthetical_cue(&f) {
            return;
        }
        if verb.impersonal {
            self.impression(&f);
            return;
        }
        let forward = self.content_at(k2, verb.strict);
        // a quotation right before the cue (and its subject): «"…"، قال X», "…," the minister said
        let mut b = f.start();
        while b > 0 && ctx.punct(b - 1).is_some_and(|c| is_comma(c) || matches!(c, '-' | '—')) {
            b -= 1;
        }
        let para = ctx.seg.para_of(ev.start);
        // a quoted name in an aside ("the service, known as the \"White Helmets\", said") is no content
        let pre_quote = b
            .checked_sub(1)
            .and_then(|t| self.quote_closing_at(t))
            .filter(|q| !self.claimed[*q] && ctx.seg.quotes[*q].para == para && !ctx.named_quote(&ctx.seg.quotes[*q]));
        let strong = forward.as_ref().is_some_and(|f| f.1);
        // "The bridge fell, said Joseph Kaba, the district administrator.": after a
        // subject set off by commas behind its verb, a bare clause is an aside on
        // the speaker (who he is, "adding that …"); what was said is the clause
        // before the comma
        let aside = !strong
            && forward.is_some()
            && b < f.start()
            && f.subject.as_ref().is_some_and(|s| s.first_tok > f.vt && ctx.is_comma(s.end_tok))
            && (ctx.is(k2, W::Determiners)
                || ctx.is(k2, W::RelativePronouns)
                || ctx.tok(k2).is_some_and(|t| t.kind == TokKind::Number)
                || ctx.has_hit(k2, |e| matches!(e, Entry::Title(_) | Entry::Head(_) | Entry::Verb { .. })));
        let forward = if aside { None } else { forward };
        if let (Some(q), false) = (pre_quote, strong) {
            let c = self.claim(&f, &Content::Quote(q));
            self.push(c.clone(), f.source_tok());
            self.continue_split(self.skip_adverbials(f.end()), &c);
            return;
        }
        if let Some((content, _)) = forward {
            let c = self.claim(&f, &content);
            let end_tok = match content {
                Content::Quote(q) => ctx.tok_end(ctx.seg.quotes[q].outer_end),
                Content::Clause(_, b) => b,
            };
            self.push(c.clone(), f.source_tok());
            if let Some(q) = c.quote {
                self.follow_continuations(q);
                self.continue_split(end_tok, &c);
            }
            return;
        }
        if pre_quote.is_none() && !aside && self.object_claim(&f, k2) {
            return;
        }
        // no claim here, but a named subject is still a mention later text can refer to
        if let Some(np) = f.subject.as_ref().filter(|n| n.registry.is_some() || n.head.is_some() || n.human && !n.pronoun) {
            if let Some(e) = self.add_entity(np) {
                self.ents.list[e].last = self.ents.list[e].last.max(np.first_tok);
            }
        }
        if b == f.start() || (verb.strict && f.subject.is_none()) {
            return;
        }
        self.clause_before(&f, b, aside);
    }

    /// "The museum, Mr. Obama said, would make visitors …": a cue and its subject
    /// set off by commas inside the clause they report; the claim is the whole
    /// clause around them.
    fn parenthetical_cue(&mut self, f: &Frame) -> bool {
        let ctx = self.ctx;
        let Some(subj) = f.subject.as_ref().filter(|s| s.first_tok < f.vt) else { return false };
        let (s0, after) = (subj.first_tok, self.skip_adverbials(f.after));
        if s0 == 0 || !ctx.is_comma(s0 - 1) || !ctx.is_comma(after) {
            return false;
        }
        let floor = self.clause_floor(f.vt);
        let before_ok = s0 - 1 > floor
            && s0 - 1 - floor <= 30
            && (floor..s0 - 1)
                .all(|j| ctx.punct(j).is_none() && !ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser | Entry::According(_))));
        let end = self.clause_end(after + 1);
        if !before_ok || end <= after + 2 {
            return false;
        }
        let c = self.claim(f, &Content::Clause(floor, end));
        self.push(c, f.source_tok());
        true
    }

    /// "Clinton seems to have the edge": the clause from its subject on, no source.
    fn impression(&mut self, f: &Frame) {
        let start = f.subject.as_ref().map_or(f.vt, |s| s.first_tok.min(f.vt));
        let end = self.clause_end(f.after);
        if end <= f.after {
            return;
        }
        let (s, e) = self.span_of(start, end);
        let c = RawClaim {
            mode: Mode::Indirect,
            start: s,
            end: e,
            cue: f.cue,
            stance: f.stance,
            source: None,
            mention: None,
            via: Vec::new(),
            floating: false,
            orphan: false,
            quote: None,
        };
        self.push(c, f.vt);
    }

    /// The claim of a frame over a content.
    fn claim(&mut self, f: &Frame, content: &Content) -> RawClaim {
        let (start, end, mode, quote) = self.content_span(content);
        let (source, mention) = self.resolve(f.subject.as_ref(), f.agr, f.continuation, f.vt);
        RawClaim { mode, start, end, cue: f.cue, stance: f.stance, source, mention, via: f.via.clone(), floating: false, orphan: false, quote }
    }

    /// «ورصد المرصد ثلاثة تفجيرات», "SNHR documented 12 deaths", «نفى الجيش هذه
    /// الأرقام», «أدانت البعثة القصف», "denied targeting civilians": an object as
    /// content.
    fn object_claim(&mut self, f: &Frame, k2: usize) -> bool {
        let ctx = self.ctx;
        let object_verb = f.object || matches!(f.stance, Stance::Documentary | Stance::Denial | Stance::Evaluative);
        let object_ok = ctx.tok(k2).is_some_and(|t| t.kind != TokKind::Punct('.')) && !ctx.is(k2, W::ObjectStops);
        // "condemned X and called Y Z": the first verb's subject carries on
        let subject = f.subject.is_some() || self.inherited.is_some();
        if !(object_verb && subject && object_ok) {
            return false;
        }
        let end = self.clause_end(k2);
        // «نفت الإدارة ذلك»: a denial of what was just reported
        let denied_that = f.stance == Stance::Denial && ctx.is(k2, W::Determiners);
        if end <= k2 + 1 && !denied_that {
            return false;
        }
        let c = self.claim(f, &Content::Clause(k2, end));
        self.push(RawClaim { mode: Mode::Indirect, quote: None, ..c }, f.source_tok());
        true
    }

    /// A clause before the comma, when the cue ends the sentence: "The toll rose,
    /// officials said on Tuesday." (strict verbs too: ", the daily Al-Watan
    /// reported."). `b` is where the comma before the subject stands.
    /// `aside`: what follows the subject is an aside on the speaker ("…, said
    /// Joseph Kaba, the district administrator"), a few words with commas.
    fn clause_before(&mut self, f: &Frame, b: usize, aside: bool) {
        let ctx = self.ctx;
        let send = self.sentence_end_tok(f.vt);
        let tail = f.end();
        // a participle may trail: ", UN officials said, pointing to shortages"
        let stop = (tail..send)
            .find(|&j| ctx.is_comma(j) && ctx.hits_at_tok(j + 1).iter().any(|h| matches!(h.entry, Entry::Verb { agr: Agr::Hal, .. })))
            .unwrap_or(send);
        let rest = (tail..stop).filter(|&j| ctx.punct(j).is_none()).count();
        let commas = (tail..stop).any(|j| ctx.is_comma(j) || ctx.is_punct(j, ':'));
        let too_much = if aside { rest > 12 } else { rest > 5 || commas };
        if too_much {
            return;
        }
        let s_tok = self.sentence_start_tok(f.vt);
        let start = (s_tok..b).rev().find(|&j| ctx.punct(j).is_some_and(|c| is_semicolon(c) || c == ':')).map_or(s_tok, |j| j + 1);
        let start = (start..b).find(|&j| !ctx.is_punct(j, '#')).unwrap_or(b);
        let end = self.trim_back(b);
        if end <= start + 1 {
            return;
        }
        let (s, e) = self.span_of(start, end);
        let (s, e) = strip_outer_quotes(ctx.text, s, e);
        // cues inside this content were part of what was reported
        let keep_from = self.claims.len().saturating_sub(RECENT);
        let mut i = keep_from;
        while i < self.claims.len() {
            let c = &self.claims[i];
            if c.quote.is_none() && c.cue.is_some_and(|cu| cu.0 >= s && cu.1 <= e) {
                self.claims.remove(i);
            } else {
                i += 1;
            }
        }
        let (source, mention) = self.resolve(f.subject.as_ref(), f.agr, f.continuation, f.vt);
        let c = RawClaim {
            mode: Mode::Indirect,
            start: s,
            end: e,
            cue: f.cue,
            stance: f.stance,
            source,
            mention,
            via: f.via.clone(),
            floating: false,
            orphan: false,
            quote: None,
        };
        self.push(c, f.source_tok());
    }

    /// The earliest token a subject before a cue may start at.
    pub(crate) fn clause_floor(&self, vt: usize) -> usize {
        let ctx = self.ctx;
        let s = self.sentence_start_tok(vt);
        let real = ctx.sentence_bounds(ctx.tok(vt).map_or(ctx.text.len(), |t| t.start)).0;
        // go on from where the last call in this sentence stopped
        let (cs, upto, last) = self.floor_cache.get();
        let (mut j, mut f) = if cs == real && upto <= vt && upto >= s { (upto, last) } else { (s, s) };
        while j < vt {
            // «مكتب … (أوتشا) قد حذر»: a short parenthesis closed before the verb is part of the subject
            if ctx.is_punct(j, '(') {
                if let Some(k) = (j + 1..vt.min(j + 8)).find(|&k| ctx.is_punct(k, ')')) {
                    j = k + 1;
                    continue;
                }
            }
            if let Some(c) = ctx.punct(j) {
                if is_quote_mark(c) && ctx.quote_mark(j) && !ctx.named_quote_mark(j) || is_semicolon(c) || matches!(c, ':' | '(' | ')') {
                    f = j + 1;
                }
            }
            if ctx.has_hit(j, |e| matches!(e, Entry::Complementiser)) {
                f = j + 1;
            }
            j += 1;
        }
        self.floor_cache.set((real, j.max(vt), f));
        f.max(s)
    }
}
