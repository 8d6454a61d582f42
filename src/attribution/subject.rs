//! Speaker finding shared by both languages: a claim's source from its subject
//! mention, or, with no subject, from the verb's agreement (the last speaker, or
//! the latest mention that agrees), or for a participle from its clause. Where a
//! subject stands is each language's grammar ([`crate::lang`]).

use super::*;

/// A plain media mention over quoted words, or an English phrase there.
fn fake_np(ctx: &Ctx, a: usize, b: usize) -> Np {
    let t = &ctx.seg.tokens;
    let mut np = np_after_en(ctx, a).unwrap_or_else(|| {
        let mut n = super::np::np_plain(t[a].start, t[b - 1].end, a, b);
        n.kind = Kind::Media;
        n
    });
    np.end_tok = b;
    np
}

impl<'c, 'a> Extractor<'c, 'a> {
    /// The source and the mention of a claim whose verb has `subject` (or none).
    pub(crate) fn resolve(&mut self, subject: Option<&Np>, agr: Agr, continuation: bool, vt: usize) -> (Option<usize>, Option<(usize, usize)>) {
        if let Some(e) = self.inherited.take() {
            return (Some(e), None);
        }
        if let Some(np) = subject {
            return (self.source_of(np), Some((np.start, np.end)));
        }
        let g = match agr {
            Agr::Passive => return (None, None),
            Agr::M => Gender::M,
            Agr::F => Gender::F,
            Agr::Mp => Gender::Mp,
            Agr::Fp => Gender::Fp,
            Agr::Du => Gender::Du,
            Agr::Hal => return self.participle_subject(vt),
            // a verb form with no agreement has no implicit subject
            Agr::Any => return (None, None),
        };
        (self.implicit(g, vt, continuation), None)
    }

    /// The subject of an implicit verb: the last speaker when it agrees, else the
    /// most recent mention that agrees.
    pub(crate) fn implicit(&self, g: Gender, at_tok: usize, continuation: bool) -> Option<usize> {
        // a subject named earlier in the same sentence («وندد المكتب … بما وصفه»)
        let s_start = self.sentence_start_tok(at_tok);
        if let Some(e) = self.ents.by_agreement(g, false, at_tok) {
            if self.ents.list[e].last >= s_start && self.last.is_none_or(|(l, t)| l == e || t < s_start) {
                return Some(e);
            }
        }
        if let Some((e, _)) = self.last {
            if super::agrees(&self.ents.list[e], g, false) {
                return Some(e);
            }
            // «وكانت الوزارة قد أكدت … وأضاف»: the last speaker that agrees carries on
            if continuation {
                let agreeing = self.recent_claims().filter_map(|c| c.source).find(|&s| super::agrees(&self.ents.list[s], g, false));
                return Some(agreeing.unwrap_or(e));
            }
        }
        self.ents.by_agreement(g, false, at_tok)
    }

    /// «…، مضيفا أن», ", adding that": the subject of the clause it hangs on.
    pub(crate) fn participle_subject(&mut self, vt: usize) -> (Option<usize>, Option<(usize, usize)>) {
        let ctx = self.ctx;
        let s_start = ctx.sentence_bounds(ctx.seg.tokens[vt].start).0;
        // the claim it hangs on, and the mention of its speaker there
        if let Some(c) = self.recent_claims().find(|c| c.cue.is_some_and(|cu| cu.0 >= s_start)) {
            return (c.source, c.mention);
        }
        if self.g.participle_takes_opening_subject() {
            let g = self.g;
            if let Some(e) = g.participle_fallback(self, vt) {
                return (Some(e), None);
            }
        }
        // «كما دعا برزاني إلى …، مؤكداً أن»: the subject of a verb that made no claim
        let s_tok = self.sentence_start_tok(vt);
        if let Some((i, _)) = self.ents.list.iter().enumerate().filter(|(_, e)| e.last >= s_tok && e.last < vt).max_by_key(|(_, e)| e.last) {
            return (Some(i), None);
        }
        let g = self.g;
        (g.participle_fallback(self, vt), None)
    }

    /// The entity of the last speaker.
    pub(crate) fn last_speaker(&self) -> Option<usize> {
        self.last.map(|l| l.0)
    }

    pub(crate) fn source_of(&mut self, np: &Np) -> Option<usize> {
        self.add_entity(np)
    }

    /// The entity of a mention; a body named inside it («وزارة الصحة» in «المتحدث
    /// باسم وزارة الصحة») becomes an entity too, so that «الوزارة» later finds it.
    pub(crate) fn add_entity(&mut self, np: &Np) -> Option<usize> {
        if let Some(body) = np.body {
            let b = body.np(self.ctx);
            self.ents.add_body(&b);
        }
        // "Guler said" after "Turkish Defence Minister Yasar Guler" in narration
        if np.human && np.named && np.title.is_none() && !np.key.contains(' ') && np.key.chars().count() >= 3 && self.ents.antecedent(np).is_none() {
            let key = np.key.clone();
            self.full_name_before(np.first_tok, &|w: &str| w == key);
        }
        if np.pronoun && np.human {
            self.narrated_person(np);
        }
        if np.anaphor && np.generic && !np.human && np.registry.is_none() && np.kind != Kind::Unknown && self.ents.antecedent(np).is_none() {
            self.narrated_antecedent(np);
        }
        self.ents.add(np)
    }

    /// A person named in full with a title a few sentences before token `tok`,
    /// whose name ends in a word `same` accepts, becomes an entity.
    pub(crate) fn full_name_before(&mut self, tok: usize, same: &dyn Fn(&str) -> bool) {
        let ctx = self.ctx;
        // titles are rare: find them first, and compare only the words after one
        let from = tok.saturating_sub(306);
        let titles: Vec<usize> = (from..tok).filter(|&m| ctx.has_hit(m, |e| matches!(e, Entry::Title(_)))).collect();
        let full = (tok.saturating_sub(300)..tok).rev().find_map(|i| {
            // the first title of the six words before
            let k = titles.partition_point(|&m| m < i.saturating_sub(6));
            let m = *titles.get(k).filter(|&&m| m < i)?;
            if !same(&super::np::key_word(ctx, i)) {
                return None;
            }
            // the phrase may run on past the name («حظر رئيس الوزراء X العبادي سفر …»)
            self.g.np_after(ctx, m, 10).filter(|np| np.human && np.named && np.end_tok > i).map(|mut np| {
                np.end = ctx.seg.tokens[i].end;
                np.end_tok = i + 1;
                let last = super::np::key_word(ctx, i);
                if let Some(p) = np.key.rfind(last.as_str()) {
                    np.key.truncate(p + last.len());
                }
                np
            })
        });
        if let Some(full) = full {
            self.ents.add(&full);
        }
    }

    /// "Priya Nair, who …, has led the revolt. '…' she asked.": a person named at
    /// the start of this or the previous sentence of the paragraph, after the
    /// pronoun's current antecedent, is whom it refers to.
    fn narrated_person(&mut self, np: &Np) {
        let ctx = self.ctx;
        let pos = ctx.seg.tokens[np.first_tok].start;
        let para = ctx.seg.para_of(pos);
        let si = ctx.seg.sentence_of(pos);
        let current = self.ents.by_agreement(np.gender, true, np.first_tok).map(|e| self.ents.list[e].last);
        for s in (si.saturating_sub(1)..=si).rev() {
            let sent = &ctx.seg.sentences[s];
            if ctx.seg.para_of(sent.start) != para || sent.start >= pos {
                continue;
            }
            let t = ctx.seg.tok_at(sent.start);
            let Some(m) = self.g.np_after(ctx, t, 6) else { continue };
            let agrees = matches!((m.gender, np.gender), (Gender::Any, _) | (Gender::M, Gender::M) | (Gender::F, Gender::F));
            if m.named && m.human && !m.anonymous && !m.pronoun && agrees && m.end_tok <= np.first_tok && current.is_none_or(|l| l < t) {
                self.ents.add(&m);
                return;
            }
        }
    }

    /// «قالت البعثة» after «قوة الأمم المتحدة المؤقتة في لبنان (يونيفيل)» in the
    /// reporter's narration: the nearest organisation of the anaphor's kind named
    /// before it becomes an entity, so that the anaphor finds it.
    fn narrated_antecedent(&mut self, np: &Np) {
        let ctx = self.ctx;
        let pos = ctx.seg.tokens[np.first_tok].start;
        let upto = ctx.hits.partition_point(|h| h.start < pos);
        let window = || ctx.hits[..upto].iter().rev().take(400);
        // «الجماعة» after «جماعة نصرة الإسلام والمسلمين»: the same head with a name
        let same_head = window().find_map(|h| {
            let t = ctx.seg.tok_at(h.start);
            let head = matches!(h.entry, Entry::Head(_)) && Some(h.entry) == np.head.map(Entry::Head) && !h.definite;
            head.then(|| self.g.np_after(ctx, t, 8).filter(|m| m.end_tok > t + 1 && !m.anaphor && !m.anonymous)).flatten()
        });
        // else the nearest registry name of its kind; a country is no antecedent of "the group"
        let found = same_head.or_else(|| {
            window().find_map(|h| {
                let t = ctx.seg.tok_at(h.start);
                match h.entry {
                    Entry::Registry(r) if ctx.registry[r as usize].kind == np.kind && !ctx.has_hit(t, |e| matches!(e, Entry::Place(_))) => {
                        Some(self.g.np_after(ctx, t, 8).filter(|m| m.registry == Some(r)).unwrap_or_else(|| {
                            let mut m = super::np::np_plain(h.start, h.end, t, ctx.tok_end(h.end).max(t + 1));
                            super::np::absorb(ctx, &mut m, h.entry, true);
                            m
                        }))
                    }
                    _ => None,
                }
            })
        });
        let Some(mut m) = found else { return };
        m.anaphor = false;
        self.ents.add(&m);
    }

    /// An entity for a quoted outlet or term used as a name («وتابعته "المطلع"»).
    pub(crate) fn quoted_name_entity(&mut self, q: usize) -> Option<usize> {
        let ctx = self.ctx;
        let qd = &ctx.seg.quotes[q];
        let a = ctx.seg.tok_at(qd.inner_start);
        let b = ctx.tok_end(qd.inner_end);
        if b <= a || b - a > 6 {
            return None;
        }
        // a Latin name quoted in any article («"CNN"») reads as English
        let mut np = self.g.np_after(ctx, a, 6).unwrap_or_else(|| {
            let mut np = np_after_en(ctx, a).unwrap_or_else(|| fake_np(ctx, a, b));
            np.kind = Kind::Media;
            np
        });
        if np.registry.is_none() {
            np.kind = Kind::Media;
            np.anonymous = false;
            np.human = false;
            np.gender = Gender::Any;
        }
        np.start = qd.inner_start;
        np.end = qd.inner_end;
        np.key = fold(&ctx.text[qd.inner_start..qd.inner_end]).to_lowercase();
        self.add_entity(&np)
    }
}
