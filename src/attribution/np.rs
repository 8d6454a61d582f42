//! Source mentions: noun phrases around a cue. A mention is built from the rule
//! hits (a registry name, a head noun «مصادر»/"officials", a title «وزير»/
//! "Minister", qualifiers) and the words that extend them; how far it extends
//! is each language's grammar ([`crate::lang`]).

use super::Ctx;
use crate::model::{Gender, Kind};
use crate::rules::{Entry, Lang};

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
            if np.kind == Kind::Unknown || (np.anonymous && np.registry.is_none()) {
                if q.kind != Kind::Unknown {
                    np.kind = q.kind;
                }
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

/// Strip Arabic proclitics the matcher saw, for keys: «والوزارة» → «وزاره».
pub(crate) fn key_word(ctx: &Ctx, i: usize) -> String {
    let w = ctx.word(i).to_lowercase();
    if ctx.lang() == Lang::Ar || w.chars().next().is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        let mut s = w.as_str();
        for p in ["وال", "فال", "بال", "كال", "لل", "ال"] {
            if let Some(r) = s.strip_prefix(p) {
                if r.chars().count() >= 2 {
                    s = r;
                    break;
                }
            }
        }
        s.to_string()
    } else {
        w.trim_end_matches("'s").trim_end_matches("’s").to_string()
    }
}

/// Where a word starts once a leading و/ف and preposition ب/ل are set aside.
pub(crate) fn after_preposition(text: &str, start: usize, core: usize) -> usize {
    let prefix = &text[start..core];
    let rest = prefix.trim_start_matches(['و', 'ف']);
    let skipped = prefix.len() - rest.len();
    match rest.chars().next() {
        Some(c @ ('ل' | 'ب')) => start + skipped + c.len_utf8(),
        _ => start,
    }
}
