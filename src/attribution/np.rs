//! Source mentions: noun phrases around a cue. A mention is built from the rule
//! hits (a registry name, a head noun «مصادر»/"officials", a title «وزير»/
//! "Minister", qualifiers) and the words that extend them; how far it extends
//! is each language's grammar ([`crate::lang`]).

use super::Ctx;
use crate::model::{Gender, Kind};
use crate::rules::{Entry, Hit};

/// A source mention: a noun phrase in the folded text.
#[derive(Debug, Clone)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub first_tok: usize,
    /// One past the last token.
    pub end_tok: usize,
    pub kind: Kind,
    pub anonymous: bool,
    pub gender: Gender,
    pub human: bool,
    pub registry: Option<u32>,
    pub head: Option<u32>,
    /// A definite head alone («المصادر», "the ministry"): refers back.
    pub anaphor: bool,
    pub pronoun: bool,
    /// «متطوع ومصدر طبي»: two sources named together.
    pub coordinated: bool,
    /// Words that carry a name, for the entity key.
    pub key: String,
    /// The first title («المتحدث باسم», "Minister"): a person described by role.
    pub title: Option<u32>,
    /// The organisation a titled person speaks for («المتحدث باسم البنتاغون»).
    pub affiliation: Option<u32>,
    /// The mention carries a personal name, not only a role.
    pub named: bool,
    /// Folded span of the body a titled person speaks for, inside this mention
    /// («وزارة الصحة» in «المتحدث باسم وزارة الصحة»), with its head noun: a later
    /// «الوزارة» refers to it.
    pub body: Option<Body>,
    /// «التقرير», "the report" with no author named: the document of the body
    /// that last spoke.
    pub document: bool,
    /// Its head is generic ("the group"): it may refer to any named organisation.
    pub generic: bool,
}

/// An organisation named inside a person's mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Body {
    pub start: usize,
    pub end: usize,
    pub first_tok: usize,
    pub head: Option<u32>,
    pub registry: Option<u32>,
}

impl Body {
    /// The body as a mention of its own.
    pub fn np(&self, ctx: &Ctx) -> Np {
        let mut np = np_plain(self.start, self.end, self.first_tok, ctx.tok_end(self.end));
        np.head = self.head;
        np.registry = self.registry;
        match (self.registry, self.head) {
            (Some(r), _) => {
                let r = &ctx.registry[r as usize];
                (np.kind, np.gender) = (r.kind, r.gender);
            }
            (None, Some(h)) => {
                let h = &ctx.lr.sources.heads[h as usize];
                (np.kind, np.gender) = (h.kind, h.gender);
            }
            (None, None) => {}
        }
        np.key = ctx.text[self.start..self.end].split_whitespace().map(|w| ctx.lr.morph.strip(w)).collect::<Vec<_>>().join(" ");
        np
    }
}

impl Np {
    pub(crate) fn new(start: usize, tok: usize) -> Np {
        Np {
            start,
            end: start,
            first_tok: tok,
            end_tok: tok,
            kind: Kind::Unknown,
            anonymous: false,
            gender: Gender::Any,
            human: false,
            registry: None,
            head: None,
            anaphor: false,
            pronoun: false,
            coordinated: false,
            key: String::new(),
            title: None,
            affiliation: None,
            named: false,
            body: None,
            document: false,
            generic: false,
        }
    }

    pub(crate) fn has_anchor(&self) -> bool {
        self.registry.is_some() || self.head.is_some() || self.kind != Kind::Unknown || self.human
    }

    /// True when the phrase names or describes a source, not just any words.
    pub fn has_anchor_public(&self) -> bool {
        self.has_anchor()
    }
}

/// A mention over tokens `[a, b)` with no lexicon knowledge (a quoted outlet name).
pub fn np_plain(start: usize, end: usize, a: usize, b: usize) -> Np {
    let mut np = Np::new(start, a);
    np.end = end;
    np.end_tok = b;
    np
}

pub(crate) fn stops_np(e: &Entry) -> bool {
    matches!(
        e,
        Entry::Complementiser
            | Entry::Verb { .. }
            | Entry::According(_)
            | Entry::NpStop
            | Entry::Adverbial
            | Entry::ClauseBreak
            | Entry::Formula
            | Entry::DocumentFrame
    )
}

/// Apply what a hit says about the source.
pub(crate) fn absorb(ctx: &Ctx, np: &mut Np, e: Entry, first: bool) {
    let lr = ctx.lr;
    match e {
        Entry::Registry(i) => {
            let r = &ctx.registry[i as usize];
            if np.human && np.title.is_some() && !first {
                // a spokesman of the Pentagon is not the Pentagon
                if np.affiliation.is_none() {
                    np.affiliation = Some(i);
                    if np.kind == Kind::Unknown || np.kind == Kind::Person {
                        np.kind = r.kind;
                    }
                }
            } else if np.registry.is_none() {
                np.registry = Some(i);
                np.kind = r.kind;
                if first || np.gender == Gender::Any {
                    np.gender = r.gender;
                }
                np.anonymous = false;
            }
        }
        Entry::Head(i) => {
            let h = &lr.sources.heads[i as usize];
            if np.title.is_some() && !first {
                // «رئيسة المنظمة»: the organisation a titled person belongs to
                if np.kind == Kind::Unknown {
                    np.kind = h.kind;
                }
            } else if np.head.is_none() && np.registry.is_none() {
                np.head = Some(i);
                np.generic = h.generic;
                if np.kind == Kind::Unknown {
                    np.kind = h.kind;
                }
                np.anonymous = h.anonymous && np.registry.is_none() && !np.human;
                if first {
                    np.gender = h.gender;
                    np.human = h.human;
                }
            } else if np.kind == Kind::Unknown {
                // «مصادر في وزارة الدفاع»: the institution sets the kind
                np.kind = h.kind;
            }
        }
        Entry::Title(i) => {
            let t = &lr.sources.titles[i as usize];
            if np.title.is_none() && (first || np.head.is_none()) {
                np.title = Some(i);
            }
            if first || np.head.is_none() {
                np.human = true;
                if first {
                    np.gender = t.gender;
                }
                if np.kind == Kind::Unknown {
                    np.kind = t.kind;
                }
            }
        }
        Entry::Qualifier(i) => {
            let q = &lr.sources.qualifiers[i as usize];
            if (np.kind == Kind::Unknown || (np.anonymous && np.registry.is_none())) && q.kind != Kind::Unknown {
                np.kind = q.kind;
            }
        }
        _ => {}
    }
}

pub(crate) fn is_source_entry(e: &Entry) -> bool {
    matches!(e, Entry::Registry(_) | Entry::Head(_) | Entry::Title(_) | Entry::Qualifier(_))
}

pub(crate) fn push_key(np: &mut Np, w: &str) {
    if !np.key.is_empty() {
        np.key.push(' ');
    }
    np.key.push_str(w);
}

/// The entity key of one word.
pub fn key_of(ctx: &Ctx, i: usize) -> String {
    key_word(ctx, i)
}

/// A word of a key: lower case, clitics stripped by the language's one rule
/// («والوزارة» → «وزاره», "ministry's" → "ministry").
pub(crate) fn key_word(ctx: &Ctx, i: usize) -> String {
    let raw = ctx.word(i);
    let w = crate::text::lower(raw).into_owned();
    // «ومصادر»: a conjunction the matcher saw in front of a source word goes too
    let conj = ctx.hits_at_tok(i).iter().any(|h| h.conj && h.prep.is_none() && !h.definite && is_source_entry(&h.entry));
    let w = match w.char_indices().nth(1) {
        Some((k, _)) if conj => &w[k..],
        _ => w.as_str(),
    };
    ctx.lr.morph.strip(w).to_string()
}

/// Where a mention starts inside a word whose proclitics hold a preposition:
/// after the conjunction and the preposition («ولصحيفة» → «صحيفة»).
pub(crate) fn after_preposition(ctx: &Ctx, h: &Hit) -> usize {
    let prefix = &ctx.text[h.start..h.core_start];
    let skip = if h.conj { prefix.chars().next().map_or(0, char::len_utf8) } else { 0 };
    match h.prep {
        Some(p) if prefix[skip..].starts_with(p) => h.start + skip + p.len_utf8(),
        _ => h.start,
    }
}
