//! Stage 6: claims. Each cue (a reporting verb, an according-to phrase, a
//! document frame, a verbless headline) is tied to its content (a quotation or a
//! reported clause) and to its source (a mention after or before the cue, or an
//! implicit subject resolved by agreement). Quotations left over are floating
//! turns of the previous speaker, names and terms, or orphans.

use std::collections::HashMap;

use crate::context::Ctx;
use crate::rules::lexicon::Agr;
use crate::rules::{Entry, Gender, Hit, Lang, Stance};
use crate::segment::TokKind;
use crate::sources::{np_after_ar, np_after_en, np_before_en, Entities, Np};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Direct,
    Indirect,
    AccordingTo,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Direct => "direct",
            Mode::Indirect => "indirect",
            Mode::AccordingTo => "according_to",
        }
    }
}

/// A claim over the folded text.
#[derive(Debug, Clone)]
pub struct RawClaim {
    pub mode: Mode,
    pub start: usize,
    pub end: usize,
    pub cue: Option<(usize, usize)>,
    pub stance: Stance,
    pub source: Option<usize>,
    pub mention: Option<(usize, usize)>,
    pub via: Vec<usize>,
    /// A quoted paragraph with no cue, given to the previous speaker.
    pub floating: bool,
    /// No source could be found for a quotation.
    pub orphan: bool,
    pub quote: Option<usize>,
}

/// Things later stages report.
#[derive(Debug, Default)]
pub struct Extraction {
    pub claims: Vec<RawClaim>,
    pub entities: Entities,
    /// Quote indices judged to be names or terms.
    pub terms: Vec<usize>,
}

enum Content {
    Quote(usize),
    Clause(usize, usize),
}

struct Extractor<'c, 'a> {
    ctx: &'c Ctx<'a>,
    ents: Entities,
    claims: Vec<RawClaim>,
    claimed: Vec<bool>,
    /// (entity, token) of the last speaker, for continuations and implicit subjects.
    last: Option<(usize, usize)>,
    /// Folded spans from a cue to its content: what lies there is part of the frame.
    frames: Vec<(usize, usize)>,
    /// "Reuters reported, citing two security sources, that": the source a relay
    /// phrase inside a frame names.
    pending_relay: Option<Np>,
    /// A subject shared with an earlier verb of the sentence ("denied … and said").
    inherited: Option<usize>,
    /// Quote index by the offset of its closing mark.
    closing: HashMap<usize, usize>,
    /// The cue being read reports events as objects («أعلن مقتل»), unlike threats
    /// and demands («هدد بإسقاط»).
    object_stance_ok: bool,
    /// Quote index by the index of the quote it continues.
    continued_by: HashMap<usize, usize>,
    /// How often each quotation's exact text occurs (a repeated one is a name).
    quote_counts: HashMap<&'a str, usize>,
}

/// How many recent claims a new cue is checked against.
const RECENT: usize = 16;

pub fn extract(ctx: &Ctx) -> Extraction {
    let mut x = Extractor {
        ctx,
        ents: Entities::default(),
        claims: Vec::new(),
        claimed: vec![false; ctx.seg.quotes.len()],
        last: None,
        frames: Vec::new(),
        pending_relay: None,
        inherited: None,
        object_stance_ok: true,
        closing: ctx.seg.quotes.iter().enumerate().filter(|(_, q)| q.depth == 0).filter_map(|(i, q)| q.close.map(|c| (c, i))).collect(),
        continued_by: ctx.seg.quotes.iter().enumerate().filter_map(|(i, q)| q.continues.map(|c| (c, i))).collect(),
        quote_counts: {
            let mut m = HashMap::new();
            for q in &ctx.seg.quotes {
                *m.entry(&ctx.text[q.inner_start..q.inner_end]).or_insert(0) += 1;
            }
            m
        },
    };
    x.run();
    let terms = x.leftover_quotes();
    x.claims.sort_by_key(|c| (c.start, c.end));
    Extraction { claims: x.claims, entities: x.ents, terms }
}

fn is_quote_mark(c: char) -> bool {
    crate::segment::quote_family(c).is_some()
}

impl<'c, 'a> Extractor<'c, 'a> {
    fn ar(&self) -> bool {
        self.ctx.lang() == Lang::Ar
    }

    fn run(&mut self) {
        let ctx = self.ctx;
        // reporter formulas («يذكر أن») and anonymity clauses («طلب عدم ذكر اسمه») hold
        // verb forms that are not cues
        let formulas: Vec<(usize, usize)> = ctx
            .hits
            .iter()
            .filter(|h| matches!(h.entry, Entry::Formula | Entry::Anonymity))
            .map(|h| (h.start, h.end))
            .collect();
        let in_formula = |h: &Hit| formulas.iter().any(|f| f.0 <= h.start && h.start < f.1);
        let mut para_done = usize::MAX;
        let mut i = 0;
        let hits = ctx.hits;
        while i < hits.len() {
            let h = hits[i];
            i += 1;
            // headline attributions are checked once per paragraph, before its cues
            let p = ctx.seg.para_of(h.start);
            if p != para_done {
                para_done = p;
                self.headline(p);
            }
            if ctx.inside_quote(h.start) || in_formula(&h) {
                continue;
            }
            // one event per position: the longest cue-like hit wins
            let same: Vec<&Hit> = hits[i - 1..].iter().take_while(|g| g.start == h.start).collect();
            i += same.len() - 1;
            let pick = same
                .iter()
                .filter(|g| matches!(g.entry, Entry::According(_) | Entry::DocumentFrame | Entry::Verb { .. }))
                .max_by_key(|g| (g.end, matches!(g.entry, Entry::According(_)) as u8));
            let Some(&&ev) = pick else { continue };
            // a longer source name starting here («البيان» the outlet) is not a cue
            if same.iter().any(|g| matches!(g.entry, Entry::Registry(_)) && g.end > ev.end) {
                continue;
            }
            if self.recent_claims().any(|c| c.cue.is_some_and(|cu| cu.0 <= ev.core_start && ev.core_start < cu.1)) {
                continue;
            }
            if self.frames.iter().rev().take(RECENT).any(|f| f.0 < ev.start && ev.start < f.1) {
                continue; // «أكدت المنظمة، على لسان باحثتها، أن»: inside a claim's frame
            }
            // «بعد أسابيع من "هدوء" حذر»: after a quoted noun, حذر is "cautious"
            if matches!(ev.entry, Entry::Verb { .. }) && self.ar() && !ev.conj {
                let t = ctx.seg.tok_at(ev.start);
                if t > 0 && self.closing.contains_key(&ctx.seg.tokens[t - 1].start) {
                    continue;
                }
            }
            // «بحسب ما أفاد المرصد»: the verb belongs to the according-to phrase
            if matches!(ev.entry, Entry::Verb { .. }) {
                let t = ctx.seg.tok_at(ev.start);
                if t >= 2 && matches!(ctx.word(t - 1), "ما" | "what") && ctx.has_hit(t - 2, |e| matches!(e, Entry::According(_))) {
                    continue;
                }
            }
            // a cue inside reported content is part of what was reported
            if matches!(ev.entry, Entry::Verb { .. }) && self.recent_claims().any(|c| c.start <= ev.start && ev.start < c.end) {
                continue;
            }
            match ev.entry {
                Entry::According(idx) => self.according(&ev, idx as usize),
                Entry::DocumentFrame => self.document_frame(&ev),
                Entry::Verb { idx, agr } => self.verb(&ev, idx as usize, agr),
                _ => {}
            }
        }
    }

    // ---- helpers over tokens -------------------------------------------------

    fn quote_opening_at(&self, ti: usize) -> Option<usize> {
        let t = self.ctx.tok(ti)?;
        if !matches!(t.kind, TokKind::Punct(c) if is_quote_mark(c)) {
            return None;
        }
        self.ctx.seg.quote_opening(t.start)
    }

    fn quote_closing_at(&self, ti: usize) -> Option<usize> {
        let t = self.ctx.tok(ti)?;
        self.closing.get(&t.start).copied()
    }

    /// The last claims made: what a new cue can overlap or continue. Claims are made
    /// in text order, so this keeps every check here constant-time.
    fn recent_claims(&self) -> impl DoubleEndedIterator<Item = &RawClaim> {
        self.claims.iter().rev().take(RECENT)
    }

    fn sentence_end_tok(&self, ti: usize) -> usize {
        let pos = self.ctx.tok(ti).map_or(self.ctx.text.len(), |t| t.start);
        let (_, e) = self.ctx.sentence_bounds(pos);
        self.ctx.tok_end(e)
    }

    fn sentence_start_tok(&self, ti: usize) -> usize {
        let pos = self.ctx.tok(ti).map_or(self.ctx.text.len(), |t| t.start);
        let (s, _) = self.ctx.sentence_bounds(pos);
        self.ctx.seg.tok_at(s)
    }

    /// Skip what may stand between a cue (and its subject) and the content:
    /// commas, time words, «في بيان», addressees («لوكالة فرانس برس», "told
    /// Reuters"), channels. Addressees that are outlets become `via`.
    fn skip_fillers(&mut self, mut k: usize, via: &mut Vec<usize>) -> usize {
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
                    if np.registry.is_some() || np.kind == crate::rules::Kind::Media {
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
    fn content_at(&self, k: usize, strict: bool) -> Option<(Content, bool)> {
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
    fn clause_end(&self, k: usize) -> usize {
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

    fn rest_is_adverbial(&self, mut k: usize, end: usize) -> bool {
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
    fn trim_back(&self, mut j: usize) -> usize {
        while j > 0 {
            match self.ctx.punct(j - 1) {
                Some(c) if !is_quote_mark(c) && c != ')' => j -= 1,
                _ => break,
            }
        }
        j
    }

    fn span_of(&self, a: usize, b: usize) -> (usize, usize) {
        let t = &self.ctx.seg.tokens;
        (t[a].start, t[b - 1].end)
    }

    /// An entity for a quoted outlet or term used as a name («وتابعته "المطلع"»).
    fn quoted_name_entity(&mut self, q: usize) -> Option<usize> {
        let ctx = self.ctx;
        let qd = &ctx.seg.quotes[q];
        let a = ctx.seg.tok_at(qd.inner_start);
        let b = ctx.tok_end(qd.inner_end);
        if b <= a || b - a > 6 {
            return None;
        }
        let mut np = if self.ar() { np_after_ar(ctx, a, 6) } else { np_after_en(ctx, a) }.unwrap_or_else(|| {
            let mut np = np_after_en(ctx, a).unwrap_or_else(|| fake_np(ctx, a, b));
            np.kind = crate::rules::Kind::Media;
            np
        });
        if np.registry.is_none() {
            np.kind = crate::rules::Kind::Media;
            np.anonymous = false;
            np.human = false;
            np.gender = Gender::Any;
        }
        np.start = qd.inner_start;
        np.end = qd.inner_end;
        np.key = crate::normalise::fold(&ctx.text[qd.inner_start..qd.inner_end]).to_lowercase();
        self.ents.add(&np)
    }

    fn source_of(&mut self, np: &Np) -> Option<usize> {
        self.ents.add(np)
    }

    /// The subject of an implicit verb: the last speaker when it agrees, else the
    /// most recent mention that agrees.
    fn implicit(&self, g: Gender, at_tok: usize, continuation: bool) -> Option<usize> {
        // a subject named earlier in the same sentence («وندد المكتب … بما وصفه»)
        let s_start = self.sentence_start_tok(at_tok);
        if let Some(e) = self.ents.by_agreement(g, false, at_tok) {
            if self.ents.list[e].last >= s_start && self.last.is_none_or(|(l, t)| l == e || t < s_start) {
                return Some(e);
            }
        }
        if let Some((e, _)) = self.last {
            if continuation || crate::sources::agrees(&self.ents.list[e], g, false) {
                return Some(e);
            }
        }
        self.ents.by_agreement(g, false, at_tok)
    }

    fn push(&mut self, mut c: RawClaim, source_tok: usize) {
        if let Some(q) = c.quote {
            self.claimed[q] = true;
        }
        if c.end <= c.start {
            return;
        }
        if let Some(s) = c.source {
            if let Some(e) = self.ents.list.get_mut(s) {
                e.last = e.last.max(source_tok);
            }
            self.last = Some((s, source_tok));
        }
        c.via.retain(|v| Some(*v) != c.source);
        c.via.dedup();
        if let Some(cu) = c.cue {
            if c.start > cu.0 {
                self.frames.push((cu.0, c.start));
            }
        }
        self.claims.push(c);
    }

    fn content_span(&self, content: &Content) -> (usize, usize, Mode, Option<usize>) {
        match *content {
            Content::Quote(q) => {
                let qd = &self.ctx.seg.quotes[q];
                let (s, e) = trim_ws(self.ctx.text, qd.inner_start, qd.inner_end);
                (s, e, Mode::Direct, Some(q))
            }
            Content::Clause(a, b) => {
                let (s, e) = self.span_of(a, b);
                (s, e, Mode::Indirect, None)
            }
        }
    }

    /// After a claim from a quote, a split quote may continue: `"…," said X, "…"`.
    fn continue_split(&mut self, k: usize, base: &RawClaim) {
        let mut via = Vec::new();
        let k = self.skip_fillers(k, &mut via);
        if let Some(q) = self.quote_opening_at(k) {
            if !self.claimed[q] {
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
    fn follow_continuations(&mut self, q: usize) {
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

    // ---- cues --------------------------------------------------------------

    fn verb(&mut self, ev: &Hit, idx: usize, agr: Agr) {
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
                    if np.registry.is_some() || np.kind == crate::rules::Kind::Media {
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

    fn skip_adverbials(&self, mut k: usize) -> usize {
        while let Some(h) = self.ctx.best_hit(k, |e| *e == Entry::Adverbial) {
            k = self.ctx.tok_end(h.end).max(k + 1);
        }
        k
    }

    /// The earliest token a subject before a cue may start at.
    fn clause_floor(&self, vt: usize) -> usize {
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

    fn resolve(&mut self, subject: Option<&Np>, agr: Agr, continuation: bool, vt: usize) -> (Option<usize>, Option<(usize, usize)>) {
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

    /// A subject the lexicon does not know («الوحدة التنفيذية»): up to four words
    /// right after the verb that end where a content frame begins.
    fn bare_subject_ar(&self, j: usize, agr: Agr) -> Option<Np> {
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
        let mut np = crate::sources::np_plain(t[j].start, t[k - 1].end, j, k);
        np.key = (j..k).map(|i| crate::sources::key_of(ctx, i)).collect::<Vec<_>>().join(" ");
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
    fn speech_noun_speaker(&self, vt: usize) -> Option<Np> {
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
    fn quoted_subject(&mut self, j: usize) -> Option<Np> {
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
            let mut n = crate::sources::np_plain(qd.inner_start, qd.inner_end, a, b);
            n.kind = crate::rules::Kind::Person;
            n.human = true;
            n
        });
        np.start = qd.inner_start;
        np.end = qd.inner_end;
        np.first_tok = a;
        np.end_tok = after;
        np.key = crate::normalise::fold(&ctx.text[qd.inner_start..qd.inner_end]).to_lowercase();
        Some(np)
    }

    /// «وكان الدفاع المدني قد ذكر», «الوزارة قالت»: a subject before the verb, after
    /// a form of كان or at the start of the clause.
    fn subject_before_ar(&self, vt: usize) -> Option<Np> {
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
            let mut np = crate::sources::np_plain(t[start].start, t[j - 1].end, start, j);
            np.key = (start..j).map(|i| crate::sources::key_of(ctx, i)).collect::<Vec<_>>().join(" ");
            np.kind = crate::rules::Kind::Person;
            np.human = true;
            np.named = true;
            return Some(np);
        }
        None
    }

    /// «…، مضيفا أن», ", adding that": the subject of the clause it hangs on.
    fn participle_subject(&mut self, vt: usize) -> Option<usize> {
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

    /// Arabic subject after a verb, with documents read as their authors.
    fn subject_after_ar(&mut self, k: usize) -> Option<Np> {
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

    /// After a document noun: «تقرير لصحيفة X», «حصيلة أولية أعلنها X», «بيان نشرته X».
    fn document_author(&mut self, mut j: usize) -> Option<Np> {
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
            let mut np = crate::sources::np_plain(t.start, t.end, j, j + 1);
            np.key = crate::sources::key_of(ctx, j);
            np.anaphor = true;
            return Some(np);
        }
        // a document with no author: «وفق إحصاءات أمنية رسمية»
        let first = doc_start?;
        let last = j.max(first + 1);
        let t = &ctx.seg.tokens;
        let mut np = crate::sources::np_plain(t[first].start, t[last - 1].end, first, last);
        np.anonymous = true;
        for k in first..last {
            if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::Qualifier(_))) {
                if let Entry::Qualifier(q) = h.entry {
                    np.kind = ctx.lr.sources.qualifiers[q as usize].kind;
                }
            }
        }
        np.key = crate::normalise::fold(&ctx.text[np.start..np.end]).to_lowercase();
        Some(np)
    }

    /// The document noun a document phrase starts with, searching back from `j`.
    fn doc_noun_start(&self, j: usize) -> Option<usize> {
        (j.saturating_sub(3)..j).find(|&k| self.ctx.has_hit(k, |e| matches!(e, Entry::CueNoun(_))))
    }

    fn according(&mut self, ev: &Hit, idx: usize) {
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
    fn document_frame(&mut self, ev: &Hit) {
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

    /// «مصدر عسكري لسانا: …», "Defence Minister: talks will resume".
    fn headline(&mut self, p: usize) {
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

    // ---- quotes no cue claimed ---------------------------------------------

    fn leftover_quotes(&mut self) -> Vec<usize> {
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
        let mut by_quote: std::collections::HashMap<usize, usize> =
            self.claims.iter().enumerate().filter_map(|(i, c)| c.quote.map(|q| (q, i))).collect();
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
                let np = if self.ar() { np_after_ar(ctx, d + 1, 6) } else { np_after_en(ctx, d + 1) };
                if let Some(np) = np.filter(|n| n.has_anchor_public()) {
                    let source = self.source_of(&np);
                    let c = RawClaim {
                        mode: Mode::Direct,
                        start: s,
                        end: e,
                        cue: Some(self.span_of(d, d + 1)),
                        stance: Stance::Neutral,
                        source,
                        mention: Some((np.start, np.end)),
                        via: Vec::new(),
                        floating: false,
                        orphan: false,
                        quote: Some(qi),
                    };
                    self.claimed[qi] = true;
                    self.claims.push(c);
                    by_quote.insert(qi, self.claims.len() - 1);
                    continue;
                }
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
                Some(base) => RawClaim { mode: Mode::Direct, start: s, end: e, quote: Some(qi), floating: true, orphan: false, mention: None, cue: None, via: base.via.clone(), ..base },
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

    /// A quotation that is a name, title or term rather than someone's words.
    fn is_term(&self, qi: usize) -> bool {
        let ctx = self.ctx;
        let q = &ctx.seg.quotes[qi];
        let a = ctx.seg.tok_at(q.inner_start);
        let b = ctx.tok_end(q.inner_end);
        let words = (a..b).filter(|&j| ctx.punct(j).is_none()).count();
        let open_tok = ctx.seg.tok_at(q.open);
        let prev = open_tok.checked_sub(1);
        let before_text = ctx.text[..q.open].trim_end();
        let glued = ctx.text[..q.open].ends_with(|c: char| matches!(c, 'ل' | 'ب' | 'و' | 'ك'))
            && before_text.chars().rev().nth(1).is_none_or(|c| !crate::segment::is_word_char(c));
        let typed = prev.is_some_and(|p| ctx.has_hit(p, |e| matches!(e, Entry::TypeNoun | Entry::Relay)))
            || prev.is_some_and(|p| {
                ctx.hits.iter().any(|h| matches!(h.entry, Entry::TypeNoun) && h.end == ctx.seg.tokens[p].end)
            });
        if q.family == crate::segment::Family::Ornate {
            return true; // ﴿…﴾: a Quranic citation, not a statement
        }
        let has_terminal = (a..b).any(|j| matches!(ctx.punct(j), Some('.' | '!' | '?' | '؟')));
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
        if !self.ar() && words <= 6 && (a..b).all(|j| ctx.punct(j).is_some() || ctx.capitalised(j) || matches!(ctx.word(j), "of" | "the" | "and" | "for" | "in" | "on")) {
            return true;
        }
        false
    }
}

fn fake_np(ctx: &Ctx, a: usize, b: usize) -> Np {
    let t = &ctx.seg.tokens;
    let mut np = np_after_en(ctx, a).unwrap_or_else(|| {
        // build a plain media mention over the quoted words
        let mut n = crate::sources::np_plain(t[a].start, t[b - 1].end, a, b);
        n.kind = crate::rules::Kind::Media;
        n
    });
    np.end_tok = b;
    np
}

fn trim_ws(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let inner = &text[s..e];
    s += inner.len() - inner.trim_start().len();
    let inner = &text[s..e];
    e -= inner.len() - inner.trim_end().len();
    (s, e.max(s))
}

/// «"…"، قال» content written as a clause that is wholly a quote.
fn strip_outer_quotes(text: &str, s: usize, e: usize) -> (usize, usize) {
    let t = &text[s..e];
    let f = t.chars().next();
    let l = t.chars().next_back();
    if let (Some(f), Some(l)) = (f, l) {
        if is_quote_mark(f) && is_quote_mark(l) && t.len() > f.len_utf8() + l.len_utf8() {
            return trim_ws(text, s + f.len_utf8(), e - l.len_utf8());
        }
    }
    (s, e)
}
