//! The attribution stage. Each cue (a reporting verb, an according-to phrase, a
//! document frame, a verbless headline) is tied to its content (a quotation or a
//! reported clause) and to its source (a mention after or before the cue, or an
//! implicit subject resolved by agreement). Quotations left over are floating
//! turns of the previous speaker, names and terms, or orphans.
//!
//! - [`ctx`]: what the stage reads (folded text, segments, rule hits);
//! - `verb`, `relay`: the cues, and where a claim gets its source;
//! - `subject`: speaker finding (explicit, implicit, participles);
//! - `content`: where reported content starts and ends;
//! - `quotes`: split and continued quotations, floating quotes, names and terms;
//! - [`np`], [`entities`]: source mentions and the entities they belong to; the
//!   language-specific noun phrases are in [`crate::lang`].

pub mod ctx;
pub mod entities;
pub mod np;

mod content;
mod quotes;
mod relay;
mod subject;
mod verb;

use rustc_hash::FxHashMap as HashMap;

pub use ctx::Ctx;
pub use entities::{agrees, Entities, Entity};
pub use np::Np;

use crate::lang::en::np_after_en;
use crate::lang::Grammar;
use crate::model::{Gender, Kind, Mode, Stance};
use crate::rules::matcher::Agr;
use crate::rules::{Entry, Hit, W};
use crate::text::{fold, is_comma, is_semicolon, is_terminal, TokKind};

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

pub(crate) enum Content {
    Quote(usize),
    Clause(usize, usize),
}

/// The state of one article's attribution pass. The language's [`Grammar`]
/// reads subjects through it.
pub struct Extractor<'c, 'a> {
    pub(crate) ctx: &'c Ctx<'a>,
    pub(crate) g: &'static dyn Grammar,
    pub(crate) ents: Entities,
    claims: Vec<RawClaim>,
    /// Quotations used as claims, names or relays.
    pub(crate) claimed: Vec<bool>,
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
    /// (sentence start, scanned up to, floor there) of the last `clause_floor`:
    /// cues come in text order, so each sentence is scanned once, not once per cue.
    floor_cache: std::cell::Cell<(usize, usize, usize)>,
}

/// How many recent claims a new cue is checked against.
const RECENT: usize = 16;

/// How many tokens a scan within one sentence may reach from where it starts.
/// Real sentences are far shorter; a hostile one may not make each cue rescan it.
const REACH: usize = 120;

pub fn extract(ctx: &Ctx) -> Extraction {
    let mut x = Extractor {
        ctx,
        g: crate::lang::grammar(ctx.lang()),
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
            let mut m = HashMap::default();
            for q in &ctx.seg.quotes {
                *m.entry(&ctx.text[q.inner_start..q.inner_end]).or_insert(0) += 1;
            }
            m
        },
        floor_cache: std::cell::Cell::new((usize::MAX, 0, 0)),
    };
    x.run();
    let terms = x.leftover_quotes();
    x.claims.sort_by_key(|c| (c.start, c.end));
    x.join_split_quotes();
    x.drop_nested();
    // a role named before its holder («Defence Minister: …» above the article)
    let mut holder: HashMap<usize, Option<usize>> = HashMap::default();
    for c in &mut x.claims {
        if let Some(e) = c.source {
            if let Some(h) = *holder.entry(e).or_insert_with(|| x.ents.named_holder(e)) {
                c.source = Some(h);
            }
        }
    }
    Extraction { claims: x.claims, entities: x.ents, terms }
}

fn is_quote_mark(c: char) -> bool {
    crate::text::quote_family(c).is_some()
}

impl<'c, 'a> Extractor<'c, 'a> {
    fn run(&mut self) {
        let ctx = self.ctx;
        // reporter formulas («يذكر أن») and anonymity clauses («طلب عدم ذكر اسمه») hold
        // verb forms that are not cues
        let formulas: Vec<(usize, usize)> =
            ctx.hits.iter().filter(|h| matches!(h.entry, Entry::Formula | Entry::Anonymity)).map(|h| (h.start, h.end)).collect();
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
            let n = hits[i - 1..].iter().take_while(|g| g.start == h.start).count();
            let same = &hits[i - 1..i - 1 + n];
            i += n - 1;
            let pick = same
                .iter()
                .filter(|g| matches!(g.entry, Entry::According(_) | Entry::DocumentFrame | Entry::Verb { .. }))
                .max_by_key(|g| (g.end, matches!(g.entry, Entry::According(_)) as u8));
            let Some(&ev) = pick else { continue };
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
            if matches!(ev.entry, Entry::Verb { .. }) && !self.g.cue_after_quote() && !ev.conj {
                let t = ctx.seg.tok_at(ev.start);
                if t > 0 && self.closing.contains_key(&ctx.seg.tokens[t - 1].start) {
                    continue;
                }
            }
            // "United States", "Record Low": a capitalised verb form inside a sentence is a name;
            // "the protests", "acts of protest": after a determiner or a preposition it is a noun
            if matches!(ev.entry, Entry::Verb { .. }) {
                let t = ctx.seg.tok_at(ev.start);
                // (a cue noun stays a cue there, "his remarks", unless its author follows: "a report by X")
                let nominal_cue = ctx.has_hit(t, |e| matches!(e, Entry::CueNoun(_))) && !ctx.is(ctx.tok_end(ev.end).max(t + 1), W::AuthorLinks);
                if t > 0 && ctx.is(t - 1, W::NounMarkers) {
                    // "the claim that …", "his statement: …" report; "The claim could
                    // not be verified" does not
                    let a = ctx.tok_end(ev.end).max(t + 1);
                    let framed = || {
                        ctx.has_hit(a, |e| matches!(e, Entry::Complementiser))
                            || ctx.is_punct(a, ':')
                            || self.quote_opening_at(a).is_some()
                            || ctx.is(a, W::AuthorLinks)
                    };
                    if !nominal_cue || ctx.lang() == crate::rules::Lang::En && !framed() {
                        continue;
                    }
                }
                // "state television said": a qualifier before its head
                if ctx.has_hit(t, |e| matches!(e, Entry::Qualifier(_))) && ctx.has_hit(t + 1, |e| matches!(e, Entry::Head(_))) {
                    continue;
                }
                if t > 0 && ctx.capitalised(t) && ctx.capitalised(t - 1) && ctx.sentence_bounds(ev.start).0 < ev.start && !self.title_case(t) {
                    continue;
                }
            }
            // «بحسب ما أفاد المرصد»: the verb belongs to the according-to phrase
            if matches!(ev.entry, Entry::Verb { .. }) {
                let t = ctx.seg.tok_at(ev.start);
                if t >= 2 && ctx.is(t - 1, W::What) && ctx.has_hit(t - 2, |e| matches!(e, Entry::According(_))) {
                    continue;
                }
                // "according to show staffers": a verb form right after it is a noun of its source
                let ends_here = |k: usize| ctx.hits_at_tok(k).iter().any(|h| matches!(h.entry, Entry::According(_)) && ctx.tok_end(h.end) == t);
                if (t.saturating_sub(3)..t).any(ends_here) {
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

    pub(crate) fn quote_opening_at(&self, ti: usize) -> Option<usize> {
        let t = self.ctx.tok(ti)?;
        if !matches!(t.kind, TokKind::Punct(c) if is_quote_mark(c)) {
            return None;
        }
        self.ctx.seg.quote_opening(t.start)
    }

    pub(crate) fn quote_closing_at(&self, ti: usize) -> Option<usize> {
        let t = self.ctx.tok(ti)?;
        self.closing.get(&t.start).copied()
    }

    /// The last claims made: what a new cue can overlap or continue. Claims are made
    /// in text order, so this keeps every check here constant-time.
    /// The sentence of token `t` is written in Title Case (a headline).
    fn title_case(&self, t: usize) -> bool {
        let ctx = self.ctx;
        let (s, e) = ctx.sentence_bounds(ctx.seg.tokens[t].start);
        let (a, b) = (ctx.seg.tok_at(s), ctx.tok_end(e).min(ctx.seg.tokens.len()).min(ctx.seg.tok_at(s) + 40));
        let words = (a..b).filter(|&j| ctx.seg.tokens[j].kind == TokKind::Word);
        let (n, caps) = words.fold((0, 0), |(n, c), j| (n + 1, c + ctx.capitalised(j) as usize));
        n > 0 && caps * 10 >= n * 6
    }

    pub(crate) fn recent_claims(&self) -> impl DoubleEndedIterator<Item = &RawClaim> {
        self.claims.iter().rev().take(RECENT)
    }

    /// The end of the sentence of token `ti`, at most [`REACH`] tokens on: every
    /// scan within a sentence stays bounded, so a megabyte with no full stop
    /// costs what ordinary text costs.
    pub(crate) fn sentence_end_tok(&self, ti: usize) -> usize {
        let pos = self.ctx.tok(ti).map_or(self.ctx.text.len(), |t| t.start);
        let (_, e) = self.ctx.sentence_bounds(pos);
        self.ctx.tok_end(e).min(ti + REACH)
    }

    /// The start of the sentence of token `ti`, at most [`REACH`] tokens back.
    pub(crate) fn sentence_start_tok(&self, ti: usize) -> usize {
        let pos = self.ctx.tok(ti).map_or(self.ctx.text.len(), |t| t.start);
        let (s, _) = self.ctx.sentence_bounds(pos);
        self.ctx.seg.tok_at(s).max(ti.saturating_sub(REACH))
    }

    pub(crate) fn span_of(&self, a: usize, b: usize) -> (usize, usize) {
        let t = &self.ctx.seg.tokens;
        (t[a].start, t[b - 1].end)
    }

    pub(crate) fn push(&mut self, mut c: RawClaim, source_tok: usize) {
        if let Some(q) = c.quote {
            self.claimed[q] = true;
        }
        if c.end <= c.start {
            return;
        }
        if let Some(s) = c.source {
            if let Some(e) = self.ents.list.get_mut(s) {
                e.last = e.last.max(source_tok);
                e.speaker = true;
            }
        }
        // an outlet that relays speaks too: "according to Anadolu, which quoted …"
        for &v in &c.via {
            if let Some(e) = self.ents.list.get_mut(v) {
                e.speaker = true;
            }
        }
        if let Some(s) = c.source {
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

    pub(crate) fn content_span(&self, content: &Content) -> (usize, usize, Mode, Option<usize>) {
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

    // ---- cues --------------------------------------------------------------

    // ---- quotes no cue claimed ---------------------------------------------
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
