use super::*;

fn fake_np(ctx: &Ctx, a: usize, b: usize) -> Np {
    let t = &ctx.seg.tokens;
    let mut np = np_after_en(ctx, a).unwrap_or_else(|| {
        // build a plain media mention over the quoted words
        let mut n = super::np::np_plain(t[a].start, t[b - 1].end, a, b);
        n.kind = crate::model::Kind::Media;
        n
    });
    np.end_tok = b;
    np
}

impl<'c, 'a> Extractor<'c, 'a> {
    pub(super) fn resolve(&mut self, subject: Option<&Np>, agr: Agr, continuation: bool, vt: usize) -> (Option<usize>, Option<(usize, usize)>) {
        if let Some(e) = self.inherited.take() {
            return (Some(e), None);
        }
        match subject {
            Some(np) => {
                let e = self.source_of(np);
                (e, Some((np.start, np.end)))
            }
            None => {
                let g = match agr {
                    Agr::Passive => return (None, None),
                    Agr::M => Gender::M,
                    Agr::F => Gender::F,
                    Agr::Mp => Gender::Mp,
                    Agr::Fp => Gender::Fp,
                    Agr::Du => Gender::Du,
                    Agr::Hal => return (self.participle_subject(vt), None),
                    // English has no implicit subjects outside participles
                    Agr::Any => return (None, None),
                };
                (self.implicit(g, vt, continuation), None)
            }
        }
    }

    /// The subject of an implicit verb: the last speaker when it agrees, else the
    /// most recent mention that agrees.
    pub(super) fn implicit(&self, g: Gender, at_tok: usize, continuation: bool) -> Option<usize> {
        // a subject named earlier in the same sentence («وندد المكتب … بما وصفه»)
        let s_start = self.sentence_start_tok(at_tok);
        if let Some(e) = self.ents.by_agreement(g, false, at_tok) {
            if self.ents.list[e].last >= s_start && self.last.is_none_or(|(l, t)| l == e || t < s_start) {
                return Some(e);
            }
        }
        if let Some((e, _)) = self.last {
            if continuation || super::agrees(&self.ents.list[e], g, false) {
                return Some(e);
            }
        }
        self.ents.by_agreement(g, false, at_tok)
    }

    /// «…، مضيفا أن», ", adding that": the subject of the clause it hangs on.
    pub(super) fn participle_subject(&mut self, vt: usize) -> Option<usize> {
        let ctx = self.ctx;
        let s_start = ctx.sentence_bounds(ctx.seg.tokens[vt].start).0;
        if let Some(c) = self.recent_claims().find(|c| c.cue.is_some_and(|cu| cu.0 >= s_start)) {
            return c.source;
        }
        // «كما دعا برزاني إلى …، مؤكداً أن»: the subject of a verb that made no claim
        let s_tok = self.sentence_start_tok(vt);
        if let Some((i, _)) = self.ents.list.iter().enumerate().filter(|(_, e)| e.last >= s_tok && e.last < vt).max_by_key(|(_, e)| e.last) {
            return Some(i);
        }
        if !self.ar() {
            let st = self.sentence_start_tok(vt);
            if let Some(np) = np_after_en(ctx, st).filter(|np| np.end_tok <= vt && (np.registry.is_some() || np.head.is_some() || np.human)) {
                return self.source_of(&np);
            }
            return None;
        }
        self.last.map(|l| l.0)
    }

    /// A subject the lexicon does not know («الوحدة التنفيذية»): up to four words
    /// right after the verb that end where a content frame begins.
    pub(super) fn bare_subject_ar(&self, j: usize, agr: Agr) -> Option<Np> {
        let ctx = self.ctx;
        let mut k = j;
        while k < j + 4 && ctx.tok(k).is_some_and(|t| t.kind == TokKind::Word) && ctx.hits_at_tok(k).iter().all(|h| matches!(h.entry, Entry::Qualifier(_) | Entry::TypeNoun)) {
            k += 1;
        }
        // one definite word is as often an object («لفت الانتباه إلى») as a subject
        if k < j + 2 || !ctx.word(j).starts_with("ال") {
            return None;
        }
        let frame = ctx.has_hit(k, |e| *e == Entry::Complementiser) || ctx.is_punct(k, ':') || ctx.is_punct(k, '،') || ctx.word(k) == "في" && ctx.has_hit(k + 1, |e| matches!(e, Entry::CueNoun(_)));
        if !frame {
            return None;
        }
        let t = &ctx.seg.tokens;
        let mut np = super::np::np_plain(t[j].start, t[k - 1].end, j, k);
        np.key = (j..k).map(|i| super::np::key_of(ctx, i)).collect::<Vec<_>>().join(" ");
        np.gender = match agr {
            Agr::F => Gender::F,
            Agr::M => Gender::M,
            Agr::Mp => Gender::Mp,
            _ => Gender::Any,
        };
        Some(np)
    }

    /// «وفي تصريح للمتحدث الرسمي لـ"المركز" X، أوضح أن»: the speaker named after a
    /// speech noun that opens the sentence.
    pub(super) fn speech_noun_speaker(&self, vt: usize) -> Option<Np> {
        let ctx = self.ctx;
        let s = self.sentence_start_tok(vt);
        let mut j = s;
        if matches!(ctx.word(j), "في" | "وفي" | "خلال" | "وخلال") {
            j += 1;
        }
        let h = ctx.best_hit(j, |e| matches!(e, Entry::CueNoun(_)))?;
        j = ctx.tok_end(h.end).max(j + 1);
        let lam_glued = ctx.word(j).starts_with('ل') && !ctx.word(j).starts_with("ال");
        if ctx.word(j) == "ل" {
            j += 1;
        } else if !lam_glued {
            return None;
        }
        let np = np_after_ar(ctx, j, 10)?;
        (np.end_tok < vt && (vt - np.end_tok) <= 2).then_some(np)
    }

    /// «وأكد "الصباغ" أن»: a quoted name right after the verb, before the frame.
    pub(super) fn quoted_subject(&mut self, j: usize) -> Option<Np> {
        let ctx = self.ctx;
        let q = self.quote_opening_at(j)?;
        let qd = &ctx.seg.quotes[q];
        let words = ctx.text[qd.inner_start..qd.inner_end].split_whitespace().count();
        let after = ctx.tok_end(qd.outer_end);
        let frame = ctx.has_hit(after, |e| *e == Entry::Complementiser)
            || matches!(ctx.word(after), "إلى" | "الي" | "في" | "عن" | "عبر" | "خلال" | "بأن" | "بان" | "ب" | "ل")
            || matches!(ctx.punct(after), Some('،' | ':'));
        if !(1..=4).contains(&words) || !frame || qd.close.is_none() {
            return None;
        }
        self.claimed[q] = true;
        let a = ctx.seg.tok_at(qd.inner_start);
        let b = ctx.tok_end(qd.inner_end).max(a + 1);
        let mut np = np_after_ar(ctx, a, 6).filter(|n| n.end_tok >= b).unwrap_or_else(|| {
            let mut n = super::np::np_plain(qd.inner_start, qd.inner_end, a, b);
            n.kind = crate::model::Kind::Person;
            n.human = true;
            n
        });
        np.start = qd.inner_start;
        np.end = qd.inner_end;
        np.first_tok = a;
        np.end_tok = after;
        np.key = crate::text::normalise::fold(&ctx.text[qd.inner_start..qd.inner_end]).to_lowercase();
        Some(np)
    }

    /// «وكان الدفاع المدني قد ذكر», «الوزارة قالت»: a subject before the verb, after
    /// a form of كان or at the start of the clause.
    pub(super) fn subject_before_ar(&self, vt: usize) -> Option<Np> {
        let ctx = self.ctx;
        let mut j = vt;
        if j > 0 && ctx.word(j - 1) == "قد" {
            j -= 1;
        }
        let floor = self.clause_floor(vt);
        let kana = (floor..j).rev().take(10).find(|&i| matches!(ctx.word(i), "كان" | "وكان" | "كانت" | "وكانت" | "فكان" | "فكانت"));
        let start = match kana {
            Some(i) => i + 1,
            None if ctx.word(vt.saturating_sub(1)) == "قد" => return None,
            None => floor,
        };
        if start >= j {
            return None;
        }
        if let Some(np) = np_after_ar(ctx, start, 10).filter(|np| np.end_tok == j && (np.registry.is_some() || np.head.is_some() || np.human)) {
            return Some(np);
        }
        // «كان دميرتاش صرح»: a bare name of up to three words
        if kana.is_some() && j - start <= 3 && (start..j).all(|i| ctx.tok(i).is_some_and(|t| t.kind == TokKind::Word) && ctx.hits_at_tok(i).is_empty()) {
            let t = &ctx.seg.tokens;
            let mut np = super::np::np_plain(t[start].start, t[j - 1].end, start, j);
            np.key = (start..j).map(|i| super::np::key_of(ctx, i)).collect::<Vec<_>>().join(" ");
            np.kind = crate::model::Kind::Person;
            np.human = true;
            np.named = true;
            return Some(np);
        }
        None
    }

    /// Arabic subject after a verb, with documents read as their authors.
    pub(super) fn subject_after_ar(&mut self, k: usize) -> Option<Np> {
        let ctx = self.ctx;
        if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::CueNoun(_))) {
            if let Entry::CueNoun(n) = h.entry {
                if ctx.lr.cues.nouns[n as usize].document {
                    return self.document_author(ctx.tok_end(h.end).max(k + 1));
                }
            }
        }
        np_after_ar(ctx, k, 10)
    }

    pub(super) fn source_of(&mut self, np: &Np) -> Option<usize> {
        self.ents.add(np)
    }

    /// An entity for a quoted outlet or term used as a name («وتابعته "المطلع"»).
    pub(super) fn quoted_name_entity(&mut self, q: usize) -> Option<usize> {
        let ctx = self.ctx;
        let qd = &ctx.seg.quotes[q];
        let a = ctx.seg.tok_at(qd.inner_start);
        let b = ctx.tok_end(qd.inner_end);
        if b <= a || b - a > 6 {
            return None;
        }
        let mut np = if self.ar() { np_after_ar(ctx, a, 6) } else { np_after_en(ctx, a) }.unwrap_or_else(|| {
            let mut np = np_after_en(ctx, a).unwrap_or_else(|| fake_np(ctx, a, b));
            np.kind = crate::model::Kind::Media;
            np
        });
        if np.registry.is_none() {
            np.kind = crate::model::Kind::Media;
            np.anonymous = false;
            np.human = false;
            np.gender = Gender::Any;
        }
        np.start = qd.inner_start;
        np.end = qd.inner_end;
        np.key = crate::text::normalise::fold(&ctx.text[qd.inner_start..qd.inner_end]).to_lowercase();
        self.ents.add(&np)
    }
}
