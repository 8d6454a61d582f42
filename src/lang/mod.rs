//! Per-language grammar: how a source mention is delimited and where a reporting
//! verb's subject stands. The words are in `rules/`; a [`Grammar`] is the shape
//! of one language (Arabic: verb–subject order, dropped subjects found by
//! agreement; English: subject–verb order, head-final noun phrases, post-posed
//! "…, officials said").

pub mod ar;
pub mod en;

use crate::attribution::{Ctx, Extractor, Np};
use crate::rules::matcher::Agr;
use crate::rules::{Lang, Verb};

/// The subject a reporting verb has, and where its frame goes on.
pub struct Subject {
    pub np: Option<Np>,
    /// The token after the subject (or after the verb when none follows it).
    pub next: usize,
    /// Relays met on the way ("X told Reuters").
    pub via: Vec<usize>,
}

/// A reporting verb at token `vt`, its hit ending before token `after`.
pub struct VerbAt<'v> {
    pub vt: usize,
    pub after: usize,
    pub agr: Agr,
    pub verb: &'v Verb,
}

pub trait Grammar: Sync {
    /// A source mention starting at token `tok` (after a verb, a preposition,
    /// "according to"), of at most `max_words` words where the language counts.
    fn np_after(&self, ctx: &Ctx, tok: usize, max_words: usize) -> Option<Np>;

    /// A source mention that ends right before token `tok` and starts at
    /// `floor` or later ("Defence Minister X said"); `None` where subjects
    /// follow their verb.
    fn np_before(&self, ctx: &Ctx, tok: usize, floor: usize) -> Option<Np>;

    /// The subject of a reporting verb.
    fn verb_subject(&self, x: &mut Extractor, v: &VerbAt) -> Subject;

    /// The source a cue with a document noun or a bare name introduces:
    /// «بحسب تقرير لصحيفة X», "according to X". `after_verb` is true when a
    /// verb stands before (`بحسب ما أفاد X`).
    fn according_source(&self, x: &mut Extractor, tok: usize, after_verb: bool) -> Option<Np>;

    /// A participle's subject when no claim and no mention in its sentence gave
    /// one («…، مضيفاً», ", adding that").
    fn participle_fallback(&self, x: &mut Extractor, vt: usize) -> Option<usize>;

    /// Reported content may follow a cue with no complementiser ("officials
    /// said 37 people died").
    fn bare_content(&self) -> bool;

    /// The complementiser is part of the reported content ("that …" in English
    /// annotation practice), not of the frame («أن»).
    fn content_keeps_complementiser(&self) -> bool;

    /// A reporting verb may stand right after a closing quotation mark
    /// (`"…" said X`); where it may not, a verb form there is another word
    /// («بعد "هدوء" حذر»: «حذر» is "cautious").
    fn cue_after_quote(&self) -> bool;

    /// Does a participle with its own complementiser end reported content with
    /// no comma before it («… مشيرة إلى أن …»)? In English "saying that" inside
    /// content is usually part of it.
    fn participle_ends_content(&self) -> bool;

    /// Is a participle's subject the subject that opens its sentence before any
    /// entity named later in it? ("Clinton spoke about Tulsa, Oklahoma, arguing"
    /// is Clinton's; «كما دعا برزاني إلى …، مؤكداً» is the nearest name's.)
    fn participle_takes_opening_subject(&self) -> bool {
        false
    }

    /// After a comma at token `n` inside reported content (the sentence ends at
    /// `send`), does a post-posed cue start a new attribution (", the
    /// minister said.")?
    fn postposed_cue(&self, x: &Extractor, n: usize, send: usize) -> bool;

    /// A quotation over tokens `[a, b)` that is a name by its shape ("Operation
    /// Northern Shield").
    fn name_shaped(&self, ctx: &Ctx, a: usize, b: usize) -> bool;
}

/// The grammar of a language.
pub fn grammar(lang: Lang) -> &'static dyn Grammar {
    match lang {
        Lang::Ar => &ar::Arabic,
        Lang::En => &en::English,
    }
}
