//! Every folded rule string of a language found in one pass over the text,
//! with the language's proclitics accepted in front of a match and its
//! enclitic pronouns after cue nouns and verbs (`morphology.yaml`).
//!
//! A rule string can only begin where a word begins, after digits, or after
//! a proclitic run, so the pass looks up those few places in a word index
//! (`word_index.rs`) rather than running an automaton over every byte: on the
//! 3,137 real articles that is faster (the overlapping Aho-Corasick scan
//! reported a match every eight bytes, half of them inside words). The rule
//! strings that begin with punctuation keep a small Aho-Corasick automaton.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use super::morphology::{Clitics, Morphology};
use super::schema::*;
use super::word_index::{Enclitics, WordIndex};
use super::Lang;
use crate::text::script::{arabic_run_end, ascii_run_end, char_at, flags, ARABIC, DIGIT, LOWER, UPPER, WORD};
use crate::text::{fold, is_arabic};

/// What [`Matcher::scan`] finds: the hits, and each word's classes.
#[derive(Debug, Default)]
pub struct Scan {
    pub hits: Vec<Hit>,
    /// Every word (a run of word characters), in text order.
    pub words: Vec<WordClasses>,
}

/// The word classes ([`super::W::bit`]) of the word at `start..end`, or
/// [`UNKNOWN_CLASSES`] for a word whose key the index does not hold as written
/// (a capital outside ASCII).
#[derive(Debug, Clone, Copy)]
pub struct WordClasses {
    pub start: usize,
    pub end: usize,
    pub classes: u128,
}

pub const UNKNOWN_CLASSES: u128 = u128::MAX;

/// Agreement of a verb form (Arabic) or `Any` (English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agr {
    M,
    F,
    Mp,
    Fp,
    Du,
    Passive,
    Hal,
    Any,
}

/// What a rule string is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    Verb {
        idx: u32,
        agr: Agr,
    },
    CueNoun(u32),
    According(u32),
    Complementiser,
    Formula,
    Addressee,
    Relay,
    TypeNoun,
    Anonymity,
    Pronoun,
    NpStop,
    Adverbial,
    ClauseBreak,
    Subordinator,
    DocumentFrame,
    ObjectNoun,
    /// Figures: number words, counted nouns (dual = counts 2), frames, groups…
    Number(u32),
    CountNoun {
        idx: u32,
        dual: bool,
    },
    CountFrame(u32),
    Group {
        idx: u32,
        dual: bool,
    },
    NumQualifier(u32),
    Vague(u32),
    Measure(u32),
    Update,
    EventKind(u32),
    Month(u32),
    Weekday(u32),
    RelDay(u32),
    Cumulative,
    Place(u32),
    /// An adjective of a place («التركية», "Turkish").
    PlaceAdj(u32),
    Head(u32),
    Qualifier(u32),
    Title(u32),
    Registry(u32),
}

impl Entry {
    /// Same rule entry, ignoring the agreement slot of verbs.
    pub fn same_entry(&self, other: &Entry) -> bool {
        match (self, other) {
            (Entry::Verb { idx: a, .. }, Entry::Verb { idx: b, .. }) => a == b,
            (Entry::CountNoun { idx: a, .. }, Entry::CountNoun { idx: b, .. }) => a == b,
            (Entry::Group { idx: a, .. }, Entry::Group { idx: b, .. }) => a == b,
            _ => self == other,
        }
    }

    fn takes_enclitic(&self) -> bool {
        // «بيانها», «على لسانه», «تابعته», «أعلنته»
        // «أعلنت مسؤوليتها», «أكدت مقتله»: an event noun as the object, too
        matches!(
            self,
            Entry::CueNoun(_) | Entry::According(_) | Entry::Relay | Entry::ObjectNoun | Entry::Verb { agr: Agr::M | Agr::F | Agr::Mp | Agr::Fp | Agr::Du, .. }
        )
    }
}

#[derive(Debug, Clone)]
struct Pattern {
    entries: Vec<Entry>,
    arabic: bool,
    /// The rule string began with ال and this is the copy without it, for «لل».
    stripped_al: bool,
    /// All-capital acronyms (WHO, IS, AP) match only in capitals.
    exact_case: Option<String>,
    /// «وفقا ل», «طبقا ل»: the final preposition is glued to the next word.
    glue_next: Option<char>,
    /// «مسؤوليتها», «تغريدته»: the form a word ending in ة takes before an
    /// enclitic pronoun, found only with one.
    enclitic_only: bool,
}

/// A [`Pattern`] as the matcher reads it for every hit: 16 bytes, its
/// entries in one shared array, so a new article's hits touch few cache lines.
#[derive(Debug, Clone, Copy)]
struct Pat {
    /// Where its entries start in [`Matcher::entries`], and how many.
    entries: u32,
    n: u16,
    flags: u8,
    /// [`Pattern::glue_next`] as a number (0: none).
    glue: u32,
    /// 1 + its place in [`Matcher::exact`] (0: none).
    exact: u32,
}

const ARABIC_PAT: u8 = 1;
const STRIPPED_AL: u8 = 2;
const ENCLITIC_ONLY: u8 = 4;
const TAKES_ENCLITIC: u8 = 8;

/// A rule string found in the folded text.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// Folded span of the word(s), clitics included.
    pub start: usize,
    pub end: usize,
    /// Folded span of the rule string itself.
    pub core_start: usize,
    pub core_end: usize,
    pub entry: Entry,
    /// The word carried the article (ال or a fused لل).
    pub definite: bool,
    /// The word carried a leading و or ف.
    pub conj: bool,
    /// The proclitic preposition the word carried («ل», «ب»).
    pub prep: Option<char>,
}

#[derive(Debug)]
pub struct Matcher {
    /// The rule strings that begin with a word character, by word.
    index: WordIndex,
    /// The others.
    rest: Option<Rest>,
    /// Proclitic runs as numbers, four bits a letter.
    codes: ProcliticCodes,
    enclitics: Enclitics,
    pats: Vec<Pat>,
    entries: Vec<Entry>,
    /// The exact forms of all-capital acronyms ([`Pattern::exact_case`]).
    exact: Vec<String>,
    lang: Lang,
    morph: Morphology,
    /// Registry entries whose names are also ordinary words (`needs_type`).
    needs_type: Vec<bool>,
}

/// Collects rule strings and their entries, one pattern per distinct folded
/// string.
struct Patterns<'m> {
    lang: Lang,
    morph: &'m Morphology,
    map: rustc_hash::FxHashMap<(String, bool, Option<char>, bool), usize>,
    pats: Vec<Pattern>,
    strings: Vec<String>,
}

impl Patterns<'_> {
    fn add(&mut self, raw: &str, e: Entry) {
        let f = fold(raw.trim());
        if f.is_empty() {
            return;
        }
        // each automaton holds its own script: Arabic text does not need English
        // registry names and the reverse (acronyms excepted)
        let has_arabic = f.chars().any(is_arabic);
        let acronym = f.len() <= 6 && f.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        let keep = match self.lang {
            Lang::Ar => has_arabic || acronym,
            Lang::En => !has_arabic,
        };
        if !keep {
            return;
        }
        let exact = {
            let t = raw.trim();
            let upper = t.chars().filter(|c| c.is_uppercase()).count();
            (upper >= 2 && !t.chars().any(|c| c.is_lowercase())).then(|| f.clone())
        };
        let mut key = crate::text::lower_owned(f);
        let arabic = key.chars().next().is_some_and(is_arabic);
        // a lone Arabic letter would match inside every word; «ل» is read from tokens
        if arabic && key.chars().count() < 2 {
            return;
        }
        // «وفقا ل»: a final preposition glued to the next word
        let mut glue = None;
        if arabic {
            for &p in self.morph.prepositions() {
                // « p» at the end, without building the string for each rule string
                let tail = p.len_utf8() + 1;
                if key.ends_with(p) && key[..key.len() - p.len_utf8()].ends_with(' ') && key.chars().count() > 3 {
                    glue = Some(p);
                    key.truncate(key.len() - tail);
                }
            }
        }
        // a copy without the article, for «لل» (ل + ال)
        let mut variants = vec![(key.clone(), false, false)];
        if arabic && self.morph.definite(&key) && key.chars().count() > 3 {
            variants.push((key[self.morph.article.len()..].to_string(), true, false));
        }
        // «مسؤوليتها»: an ending written otherwise before a pronoun
        if arabic && e.takes_enclitic() && glue.is_none() {
            for (k, stripped, _) in variants.clone() {
                for (free, bound) in &self.morph.bound_endings {
                    if k.chars().count() >= 4 && k.ends_with(free.as_str()) {
                        variants.push((format!("{}{bound}", &k[..k.len() - free.len()]), stripped, true));
                    }
                }
            }
        }
        for (k, stripped, enclitic_only) in variants {
            let (strings, pats) = (&mut self.strings, &mut self.pats);
            let idx = *self.map.entry((k, stripped, glue, enclitic_only)).or_insert_with_key(|key| {
                strings.push(key.0.clone());
                pats.push(Pattern { entries: Vec::new(), arabic, stripped_al: stripped, exact_case: exact.clone(), glue_next: glue, enclitic_only });
                pats.len() - 1
            });
            if !self.pats[idx].entries.contains(&e) {
                self.pats[idx].entries.push(e);
            }
        }
    }

    fn add_all<'s>(&mut self, forms: impl IntoIterator<Item = &'s String>, e: Entry) {
        for f in forms {
            self.add(f, e);
        }
    }

    fn cues(&mut self, lr: &super::LangRules) {
        for (i, v) in lr.cues.verbs.iter().enumerate() {
            let idx = i as u32;
            let slots = [
                (&v.m, Agr::M),
                (&v.f, Agr::F),
                (&v.mp, Agr::Mp),
                (&v.fp, Agr::Fp),
                (&v.du, Agr::Du),
                (&v.passive, Agr::Passive),
                (&v.hal, Agr::Hal),
                (&v.forms, Agr::Any),
            ];
            for (list, agr) in slots {
                self.add_all(list, Entry::Verb { idx, agr });
            }
        }
        for (i, n) in lr.cues.nouns.iter().enumerate() {
            self.add_all(&n.forms, Entry::CueNoun(i as u32));
        }
        for (i, p) in lr.according.phrases.iter().enumerate() {
            self.add(&p.phrase, Entry::According(i as u32));
        }
        let fr = &lr.frames;
        let lists = [
            (&fr.complementisers, Entry::Complementiser),
            (&fr.formulas, Entry::Formula),
            (&fr.addressee, Entry::Addressee),
            (&fr.relay, Entry::Relay),
            (&fr.type_nouns, Entry::TypeNoun),
            (&fr.anonymity, Entry::Anonymity),
            (&fr.pronouns, Entry::Pronoun),
            (&fr.np_stops, Entry::NpStop),
            (&fr.adverbials, Entry::Adverbial),
            (&fr.clause_breaks, Entry::ClauseBreak),
            (&fr.subordinators, Entry::Subordinator),
            (&fr.document_frames, Entry::DocumentFrame),
            (&fr.object_nouns, Entry::ObjectNoun),
        ];
        for (list, e) in lists {
            self.add_all(list, e);
        }
    }

    fn sources(&mut self, lr: &super::LangRules, registry: &[RegistryEntry]) {
        for (i, h) in lr.sources.heads.iter().enumerate() {
            self.add_all(&h.forms, Entry::Head(i as u32));
        }
        for (i, q) in lr.sources.qualifiers.iter().enumerate() {
            self.add_all(&q.forms, Entry::Qualifier(i as u32));
        }
        for (i, t) in lr.sources.titles.iter().enumerate() {
            self.add_all(&t.forms, Entry::Title(i as u32));
        }
        for (i, r) in registry.iter().enumerate() {
            self.add_all(std::iter::once(&r.name).chain(r.name_ar.iter()).chain(&r.aliases), Entry::Registry(i as u32));
        }
    }

    fn figures(&mut self, f: &FiguresFile, places: &[Place]) {
        for (i, x) in f.numbers.iter().enumerate() {
            self.add_all(&x.forms, Entry::Number(i as u32));
        }
        for (i, x) in f.nouns.iter().enumerate() {
            self.add_all(&x.forms, Entry::CountNoun { idx: i as u32, dual: false });
            self.add_all(&x.dual, Entry::CountNoun { idx: i as u32, dual: true });
        }
        for (i, x) in f.frames.iter().enumerate() {
            self.add_all(&x.forms, Entry::CountFrame(i as u32));
        }
        for (i, x) in f.groups.iter().enumerate() {
            self.add_all(&x.forms, Entry::Group { idx: i as u32, dual: false });
            self.add_all(&x.dual, Entry::Group { idx: i as u32, dual: true });
        }
        for (i, x) in f.qualifiers.iter().enumerate() {
            self.add_all(&x.forms, Entry::NumQualifier(i as u32));
        }
        for (i, x) in f.vague.iter().enumerate() {
            self.add_all(&x.forms, Entry::Vague(i as u32));
        }
        for (i, x) in f.measures.iter().enumerate() {
            self.add_all(&x.forms, Entry::Measure(i as u32));
        }
        self.add_all(&f.updates, Entry::Update);
        self.add_all(&f.cumulative, Entry::Cumulative);
        for (i, x) in f.event_kinds.iter().enumerate() {
            self.add_all(&x.forms, Entry::EventKind(i as u32));
        }
        for (i, x) in f.months.iter().enumerate() {
            self.add_all(&x.forms, Entry::Month(i as u32));
        }
        for (i, x) in f.weekdays.iter().enumerate() {
            self.add_all(&x.forms, Entry::Weekday(i as u32));
        }
        for (i, x) in f.relative_days.iter().enumerate() {
            self.add_all(&x.forms, Entry::RelDay(i as u32));
        }
        for (i, x) in places.iter().enumerate() {
            self.add_all(&x.names, Entry::Place(i as u32));
            self.add_all(&x.adjectives, Entry::PlaceAdj(i as u32));
        }
    }
}

impl Matcher {
    pub fn build(lang: Lang, lr: &super::LangRules, registry: &[RegistryEntry], places: &[Place]) -> Matcher {
        let mut p = Patterns { lang, morph: &lr.morph, map: Default::default(), pats: Vec::new(), strings: Vec::new() };
        p.cues(lr);
        p.sources(lr, registry);
        p.figures(&lr.figures, places);
        let enclitic: Vec<bool> = p.pats.iter().map(|x| x.arabic && x.entries.iter().any(Entry::takes_enclitic)).collect();
        let words: Vec<(String, u128)> = lr.words.iter().map(|(w, &c)| (w.clone(), c)).collect();
        let (index, rest) = WordIndex::new(&p.strings, &enclitic, &words);
        let rest = Rest::new(&rest, lang);
        let codes = ProcliticCodes::new(&lr.morph.prefixes);
        let (mut entries, mut exact) = (Vec::new(), Vec::new());
        let pats = p
            .pats
            .iter()
            .map(|x| {
                let flag = |on: bool, f: u8| if on { f } else { 0 };
                let flags = flag(x.arabic, ARABIC_PAT)
                    | flag(x.stripped_al, STRIPPED_AL)
                    | flag(x.enclitic_only, ENCLITIC_ONLY)
                    | flag(x.entries.iter().any(Entry::takes_enclitic), TAKES_ENCLITIC);
                let pat = Pat {
                    entries: entries.len() as u32,
                    n: x.entries.len().min(u16::MAX as usize) as u16,
                    flags,
                    glue: x.glue_next.map_or(0, u32::from),
                    exact: x.exact_case.as_ref().map_or(0, |e| {
                        exact.push(e.clone());
                        exact.len() as u32
                    }),
                };
                entries.extend(x.entries.iter().take(u16::MAX as usize));
                pat
            })
            .collect();
        Matcher {
            index,
            rest,
            codes,
            enclitics: Enclitics::new(&lr.morph.enclitics),
            pats,
            entries,
            exact,
            lang,
            morph: lr.morph.clone(),
            needs_type: registry.iter().map(|r| r.needs_type).collect(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every rule string in `text` (folded), on word boundaries, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.scan(text).hits
    }

    /// [`Matcher::find`], and the word classes of each word on the way (the
    /// same hash answers both).
    pub fn scan(&self, text: &str) -> Scan {
        // about a hit per twenty bytes of news: sized once, not grown by copies
        let mut out = Vec::with_capacity(text.len() / 16);
        let mut words = Vec::with_capacity(text.len() / 6);
        let mut found = Vec::new();
        let lower;
        let key: &str = if self.lang == Lang::En && text.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = text.to_ascii_lowercase();
            &lower
        } else {
            text
        };
        let b = text.as_bytes();
        let mut starts: Vec<(usize, Edge)> = Vec::new();
        let mut prev_word = false;
        let mut i = 0;
        while i < b.len() {
            let (c, len) = char_at(text, i);
            if flags(c) & WORD == 0 {
                // rule strings that begin with punctuation are few: an automaton
                if !prev_word {
                    if let Some(rest) = &self.rest {
                        rest.walk(key, i, &mut found);
                        let group = out.len();
                        for &(e, pid) in &found {
                            self.accept(text, i, e, pid as usize, Edge::Word, Clitics::default(), &mut out);
                        }
                        out[group..].sort_by_key(hit_order);
                    }
                }
                prev_word = false;
                i += len;
                continue;
            }
            // a word: where rule strings may begin in it, and where it ends
            let ws = i;
            starts.clear();
            starts.push((ws, Edge::Word));
            // the run of proclitic letters so far, and the character before `i`
            let (mut clitic_run, mut n, mut code) = (true, 0usize, 0u32);
            let (mut prev, mut prev_f) = (c, flags(c));
            // the word as keys are written: classes are read from the index
            let mut plain = self.plain(prev_f);
            i += len;
            while i < b.len() {
                let (c, len) = char_at(text, i);
                let f = flags(c);
                if f & WORD == 0 {
                    break;
                }
                plain &= self.plain(f);
                n += 1;
                if clitic_run {
                    let k = self.codes.letter(prev);
                    clitic_run = k != 0 && n <= 4;
                    code = code << 4 | k;
                }
                if f & ARABIC != 0 {
                    // «11مواطنا»: an Arabic word may follow digits with no space
                    if prev_f & DIGIT != 0 {
                        starts.push((i, Edge::Digits));
                    } else if clitic_run && prev_f & ARABIC != 0 && self.codes.is_prefix(code).unwrap_or_else(|| self.morph.prefixes.contains(&text[ws..i])) {
                        starts.push((i, Edge::Proclitics(ws)));
                    }
                }
                (prev, prev_f) = (c, f);
                i += len;
                // past the proclitics, Arabic letters start nothing and change
                // nothing: the rest of the word is stepped over
                if !clitic_run && f & ARABIC != 0 {
                    let j = arabic_run_end(b, i, b.len());
                    if j > i {
                        (prev, prev_f) = (char_at(text, j - 2).0, WORD | ARABIC);
                        i = j;
                    }
                } else if !clitic_run && c.is_ascii_alphanumeric() {
                    // the same for Latin letters and digits; a capital makes
                    // the word other than its key in Arabic text
                    let j = ascii_run_end(b, i, b.len(), true);
                    if j > i {
                        if self.lang != Lang::En && b[i..j].iter().any(u8::is_ascii_uppercase) {
                            plain = false;
                        }
                        prev = char::from(b[j - 1]);
                        prev_f = flags(prev);
                        i = j;
                    }
                }
            }
            let we = i;
            let group = out.len();
            for &(s, edge) in &starts {
                found.clear();
                let classes = self.index.find(key, s, we, &self.enclitics, &mut found);
                if s == ws {
                    words.push(WordClasses { start: ws, end: we, classes: if plain { classes } else { UNKNOWN_CLASSES } });
                }
                if found.is_empty() {
                    continue;
                }
                let prefix = match edge {
                    Edge::Proclitics(ws) => &text[ws..s],
                    _ => "",
                };
                let cl = self.morph.clitics(prefix);
                for &(e, pid) in &found {
                    self.accept(text, s, e, pid as usize, edge, cl, &mut out);
                }
            }
            // every hit of a word starts inside it, after every hit before it:
            // sorting each word's few is sorting them all
            out[group..].sort_by_key(hit_order);
            prev_word = true;
        }
        // ties keep the longer rule string, then the earlier one (sorted word by word above)
        debug_assert!(out.is_sorted_by_key(hit_order));
        let out = self.typed_names(text, out);
        Scan { hits: drop_subordinated(out), words }
    }

    /// A word character as the word-class keys are written: lower case in
    /// English (ASCII is lowered for the key), and no Latin capital in Arabic
    /// text, whose key is the text as it stands. Other words are looked up
    /// as before, when asked for.
    #[inline]
    fn plain(&self, f: u8) -> bool {
        let capitals = if self.lang == Lang::En { UPPER } else { 0 };
        f & (LOWER | DIGIT | ARABIC | capitals) != 0
    }

    /// The hits of rule string `pid` found at `s..e`, if its edges and clitics fit.
    #[allow(clippy::too_many_arguments)]
    fn accept(&self, text: &str, s: usize, e: usize, pid: usize, edge: Edge, cl: Clitics, out: &mut Vec<Hit>) {
        let bytes = text.as_bytes();
        let Some(&p) = self.pats.get(pid) else { return };
        let (arabic, stripped_al) = (p.flags & ARABIC_PAT != 0, p.flags & STRIPPED_AL != 0);
        if p.exact != 0 && self.exact.get(p.exact as usize - 1).is_some_and(|x| &text[s..e] != x) {
            return;
        }
        // left edge: a word boundary, or (Arabic only) digits or proclitics
        let (start, prefix) = match edge {
            Edge::Word => (s, ""),
            _ if !arabic => return,
            Edge::Digits => (s, ""),
            Edge::Proclitics(ws) => (ws, &text[ws..s]),
        };
        // the copy without the article needs the article in front (or a
        // preposition doubled by the stem: «للجنة»)
        if stripped_al && !(cl.article || cl.prep.is_some_and(|c| prefix.ends_with(c) && text[s..].starts_with(c))) {
            return;
        }
        if !stripped_al && arabic && self.morph.definite(&text[s..]) && cl.article {
            return;
        }
        if let Some(g) = char::from_u32(p.glue).filter(|_| p.glue != 0) {
            if !text[e..].trim_start().starts_with(g) {
                return;
            }
        }
        // right edge: a word boundary, or an enclitic pronoun on nouns
        let mut end = e;
        if e < bytes.len() {
            let next = text[e..].chars().next().unwrap_or(' ');
            if crate::text::is_word_char(next) {
                // only an enclitic pronoun may follow, and only on entries that take one
                if !(arabic && is_arabic(next) && p.flags & TAKES_ENCLITIC != 0) {
                    return;
                }
                let we = text[e..].find(|c: char| !crate::text::is_word_char(c)).map_or(text.len(), |k| e + k);
                if !self.morph.enclitics.iter().any(|x| x == &text[e..we]) {
                    return;
                }
                end = we;
            }
        }
        if p.flags & ENCLITIC_ONLY != 0 && end == e {
            return;
        }
        let definite = cl.article || stripped_al || self.morph.definite(&text[s..]);
        let (conj, prep) = (cl.conj, cl.prep);
        let entries = self.entries.get(p.entries as usize..p.entries as usize + p.n as usize).unwrap_or(&[]);
        for &entry in entries {
            if end != e && !entry.takes_enclitic() {
                continue;
            }
            let ok = match entry {
                // «مالي» (Mali) is not «المالي» (financial)
                Entry::Place(_) => !cl.article,
                // «فجر اليوم» is a time; «كتائب الفجر» a name
                Entry::Adverbial => (stripped_al || !cl.article) && self.morph.nominal_ok(cl),
                Entry::Verb { agr: Agr::Passive, .. } => self.morph.passive_ok(prefix),
                Entry::Verb { .. } => self.morph.verbal_ok(cl),
                Entry::Complementiser | Entry::Addressee | Entry::According(_) | Entry::Formula | Entry::ClauseBreak | Entry::NpStop => {
                    self.morph.particle_ok(cl)
                }
                _ => self.morph.nominal_ok(cl),
            };
            if !ok {
                continue;
            }
            out.push(Hit { start, end, core_start: s, core_end: e, entry, definite, conj, prep });
        }
    }

    /// Names that are also ordinary words («البيان», «الوطن», «كان») count only
    /// after a type or head noun («صحيفة الوطن», "the daily Al Watan"), inside
    /// quote marks, or when the form itself starts with one («وكالة الأنباء
    /// الأردنية»); Latin forms count when capitalised.
    fn typed_names(&self, text: &str, mut hits: Vec<Hit>) -> Vec<Hit> {
        let typed_entry = |e: &Entry| matches!(e, Entry::TypeNoun | Entry::Head(_));
        // (start, end) of type nouns, in start order
        let types: Vec<(usize, usize)> = hits.iter().filter(|h| typed_entry(&h.entry)).map(|h| (h.start, h.end)).collect();
        let mut ends: Vec<usize> = types.iter().map(|t| t.1).collect();
        ends.sort_unstable();
        let glue = |c: char| c.is_whitespace() || crate::text::quote_family(c).is_some() || matches!(c, '-' | '\u{640}');
        hits.retain(|h| {
            let Entry::Registry(r) = h.entry else { return true };
            if !self.needs_type.get(r as usize).copied().unwrap_or(false) {
                return true;
            }
            let core = &text[h.core_start..h.core_end];
            if !core.chars().next().is_some_and(is_arabic) {
                return core.chars().next().is_some_and(char::is_uppercase);
            }
            let starts_typed = types.binary_search_by_key(&h.start, |t| t.0).is_ok() || types.binary_search_by_key(&h.core_start, |t| t.0).is_ok();
            // the text between the last type noun before the name and the name
            let before = &text[..h.start];
            let gap = before.len() - before.trim_end_matches(glue).len();
            let after_type = gap > 0 && ends.binary_search(&(h.start - gap)).is_ok();
            let quoted = before.trim_end().chars().next_back().is_some_and(|c| crate::text::quote_family(c).is_some())
                || text[h.start..h.core_start].chars().any(|c| crate::text::quote_family(c).is_some());
            starts_typed || after_type || quoted
        });
        hits
    }
}

/// The order of hits: by start, the longer first, then by where the rule
/// string itself starts.
fn hit_order(h: &Hit) -> (usize, std::cmp::Reverse<usize>, usize) {
    (h.start, std::cmp::Reverse(h.end), h.core_start)
}

/// The few rule strings that begin with a non-word character, searched
/// anchored at each such character that starts a word.
#[derive(Debug)]
struct Rest {
    nfa: NFA,
    /// The rule string number of each of the automaton's patterns.
    ids: Vec<u32>,
    /// The bytes a rule string begins with (both cases): most places are
    /// passed over at one load.
    first: [bool; 256],
}

impl Rest {
    fn new(strings: &[(u32, &str)], lang: Lang) -> Option<Rest> {
        if strings.is_empty() {
            return None;
        }
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(lang == Lang::En)
            .build(strings.iter().map(|x| x.1))
            .expect("rule strings build an automaton");
        let mut first = [false; 256];
        for b in strings.iter().filter_map(|x| x.1.bytes().next()) {
            first[b as usize] = true;
            first[b.to_ascii_lowercase() as usize] = true;
            first[b.to_ascii_uppercase() as usize] = true;
        }
        Some(Rest { nfa, ids: strings.iter().map(|x| x.0).collect(), first })
    }

    /// Every rule string that starts exactly at `s`: (end, rule string).
    fn walk(&self, text: &str, s: usize, found: &mut Vec<(usize, u32)>) {
        found.clear();
        if !text.as_bytes().get(s).is_some_and(|&b| self.first[b as usize]) {
            return;
        }
        let nfa = &self.nfa;
        let Ok(mut sid) = nfa.start_state(Anchored::Yes) else { return };
        for (k, &b) in text.as_bytes()[s..].iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_dead(sid) {
                break;
            }
            if nfa.is_match(sid) {
                let e = s + k + 1;
                for i in 0..nfa.match_len(sid) {
                    let pid = nfa.match_pattern(sid, i);
                    // a match state also holds the rule strings that are its suffixes
                    if nfa.pattern_len(pid) == e - s {
                        found.push((e, self.ids[pid.as_usize()]));
                    }
                }
            }
        }
    }
}

/// How a rule string's left edge was reached.
#[derive(Debug, Clone, Copy)]
enum Edge {
    /// The text's start or a non-word character.
    Word,
    /// Digits glued to the word.
    Digits,
    /// A proclitic run from this offset.
    Proclitics(usize),
}

/// Proclitic runs of up to four letters as numbers, four bits a letter, so a
/// run is checked with one bit as it is read: asked for the first letters of
/// nearly every Arabic word, a hash of the run was a tenth of the matcher.
#[derive(Debug)]
struct ProcliticCodes {
    /// A letter of the Arabic block U+0620..U+065F to its code (0: in no run).
    letters: [u32; 64],
    /// One bit per code that is a whole run; `None` when the runs do not fit
    /// (custom rules with long runs or many letters): then ask the set.
    runs: Option<Vec<u64>>,
}

impl ProcliticCodes {
    fn new(prefixes: &rustc_hash::FxHashSet<String>) -> ProcliticCodes {
        let mut letters = [0u32; 64];
        let mut next = 1;
        let mut fits = true;
        for c in prefixes.iter().flat_map(|p| p.chars()) {
            match (c as u32).checked_sub(0x620).filter(|&k| k < 64) {
                Some(k) if letters[k as usize] != 0 => {}
                Some(k) if next < 16 => {
                    letters[k as usize] = next;
                    next += 1;
                }
                _ => fits = false,
            }
        }
        let mut runs = vec![0u64; (1 << 16) / 64];
        for p in prefixes {
            fits &= (1..=4).contains(&p.chars().count());
            let code = p.chars().fold(0u32, |code, c| code << 4 | Self::code_of(&letters, c));
            if let Some(w) = runs.get_mut(code as usize / 64) {
                *w |= 1 << (code % 64);
            }
        }
        ProcliticCodes { letters, runs: fits.then_some(runs) }
    }

    fn code_of(letters: &[u32; 64], c: char) -> u32 {
        (c as u32).checked_sub(0x620).and_then(|k| letters.get(k as usize)).copied().unwrap_or(0)
    }

    /// A letter's code; 0 ends the run. When the runs do not fit, every
    /// letter goes on, and the set decides.
    #[inline]
    fn letter(&self, c: char) -> u32 {
        if self.runs.is_none() {
            return 1;
        }
        Self::code_of(&self.letters, c)
    }

    /// Is the run with this code a proclitic run? `None`: ask the set.
    #[inline]
    fn is_prefix(&self, code: u32) -> Option<bool> {
        let runs = self.runs.as_ref()?;
        Some(runs.get(code as usize / 64).is_some_and(|w| w & (1 << (code % 64)) != 0))
    }
}

/// «قبل أن تتعرض»: the «أن» of a subordinator opens no reported content. Hits
/// are in start order, so the covering subordinator is always seen first.
fn drop_subordinated(mut hits: Vec<Hit>) -> Vec<Hit> {
    let mut reach = 0;
    hits.retain(|h| {
        if h.entry == Entry::Subordinator {
            reach = reach.max(h.end);
        }
        !(matches!(h.entry, Entry::Complementiser) && h.end <= reach)
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_reads_the_word_classes_the_map_holds() {
        let rules = crate::testing::rules();
        let mut texts: Vec<(Lang, String)> = Vec::new();
        for (lang, dir) in [(Lang::Ar, "ar"), (Lang::En, "en")] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                texts.push((lang, std::fs::read_to_string(e.path()).unwrap()));
            }
        }
        // capitals, in English and inside Arabic text, and Latin past ASCII
        texts.push((Lang::En, "Officials SAID the Élysée and the élysée, Reuters said.".to_string()));
        texts.push((Lang::Ar, "وقال مسؤول في ISIS إن Said قال".to_string()));
        let (mut known, mut unknown, mut some) = (0, 0, 0);
        for (lang, t) in &texts {
            let lr = rules.lang(*lang);
            let norm = crate::text::Normalised::new(t);
            let scan = rules.matcher(*lang).scan(&norm.text);
            let mut last = 0;
            for w in &scan.words {
                assert!(w.start >= last && w.start < w.end, "words in text order");
                last = w.end;
                let word = &norm.text[w.start..w.end];
                assert!(word.chars().all(crate::text::is_word_char), "{word:?} is one word");
                if w.classes == UNKNOWN_CLASSES {
                    unknown += 1;
                    continue;
                }
                known += 1;
                some += usize::from(w.classes != 0);
                assert_eq!(w.classes, lr.classes(word), "{word:?}");
            }
        }
        assert!(known > 5_000 && some > 1_000, "{known} words read, {some} of some class");
        assert!(unknown >= 3, "a capital the key is not written with is left to the map ({unknown})");
    }

    #[test]
    fn proclitic_runs_as_numbers_and_the_set_when_they_do_not_fit() {
        let set = |runs: &[&str]| runs.iter().map(|r| r.to_string()).collect::<rustc_hash::FxHashSet<String>>();
        let code = |c: &ProcliticCodes, run: &str| run.chars().fold(0u32, |code, ch| code << 4 | c.letter(ch));
        let c = ProcliticCodes::new(&set(&["و", "وال", "بال"]));
        assert_eq!(c.is_prefix(code(&c, "وال")), Some(true));
        assert_eq!(c.is_prefix(code(&c, "وب")), Some(false));
        assert_eq!(c.letter('ك'), 0, "a letter in no run ends the run");
        // a run of five letters does not fit: every letter goes on, and the set decides
        let c = ProcliticCodes::new(&set(&["وبالل"]));
        assert_eq!(c.is_prefix(0), None);
        assert_ne!(c.letter('ك'), 0);
    }
}
