//! Rules: language knowledge loaded from YAML (built in, or `--rules DIR`),
//! checked on load, and compiled into one multi-pattern matcher per language.

pub mod lexicon;
pub mod schema;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

pub use lexicon::{Entry, Hit, Matcher};
pub use schema::*;

use crate::normalise::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }
}

/// The rule files, relative to a rules folder. Built-in copies are embedded.
pub const FILES: &[(&str, &str)] = &[
    ("registry.yaml", include_str!("../../rules/registry.yaml")),
    ("ar/cues.yaml", include_str!("../../rules/ar/cues.yaml")),
    ("ar/according.yaml", include_str!("../../rules/ar/according.yaml")),
    ("ar/frames.yaml", include_str!("../../rules/ar/frames.yaml")),
    ("ar/sources.yaml", include_str!("../../rules/ar/sources.yaml")),
    ("en/cues.yaml", include_str!("../../rules/en/cues.yaml")),
    ("en/according.yaml", include_str!("../../rules/en/according.yaml")),
    ("en/frames.yaml", include_str!("../../rules/en/frames.yaml")),
    ("en/sources.yaml", include_str!("../../rules/en/sources.yaml")),
    ("ar/figures.yaml", include_str!("../../rules/ar/figures.yaml")),
    ("en/figures.yaml", include_str!("../../rules/en/figures.yaml")),
    ("places.yaml", include_str!("../../rules/places.yaml")),
    ("check.yaml", include_str!("../../rules/check.yaml")),
];

/// A problem in a rule file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file.display(), self.line, self.col, self.message)
    }
}

#[derive(Debug)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

/// The knowledge for one language.
#[derive(Debug)]
pub struct LangRules {
    pub lang: Lang,
    pub cues: CuesFile,
    pub according: AccordingFile,
    pub frames: FramesFile,
    pub sources: SourcesFile,
    pub figures: FiguresFile,
    pub abbreviations: HashSet<String>,
}

#[derive(Debug)]
pub struct Rules {
    pub registry: Vec<RegistryEntry>,
    pub places: Vec<Place>,
    pub check: CheckFile,
    /// Each language is read on first use: a run over Arabic articles never pays
    /// for the English files. The built-in rules are checked by the test suite; a
    /// folder given with `--rules` is read and checked whole, up front.
    langs: [std::sync::OnceLock<LangRules>; 2],
    texts: Vec<(PathBuf, String)>,
    /// Where the rules came from: "built-in" or a folder.
    pub origin: String,
    /// Built on first use, like the languages.
    matchers: [std::sync::OnceLock<Matcher>; 2],
}

impl Rules {
    pub fn lang(&self, lang: Lang) -> &LangRules {
        self.langs[lang as usize].get_or_init(|| {
            let get = |name: &str| self.texts.iter().find(|(p, _)| p.ends_with(name)).expect("every rule file is listed");
            let mut errs = Vec::new();
            match load_lang(lang, get, &mut errs) {
                Some(l) if errs.is_empty() => finish_lang(l),
                // unreachable for checked rules: `from_dir` reads every file first and
                // the test suite reads the built-in ones
                _ => panic!("rules for {lang:?} do not load:\n{}", RuleErrors(errs)),
            }
        })
    }

    /// The multi-pattern matcher of a language.
    pub fn matcher(&self, lang: Lang) -> &Matcher {
        let i = lang as usize;
        self.matchers[i].get_or_init(|| {
            let l = self.lang(lang);
            Matcher::build(lang, l, &self.registry, &self.places)
        })
    }

    /// The rules compiled into the binary.
    pub fn builtin() -> Result<Rules, RuleErrors> {
        let texts: Vec<(PathBuf, String)> =
            FILES.iter().map(|(n, t)| (PathBuf::from("rules").join(n), t.to_string())).collect();
        Rules::from_texts(&texts, "built-in", false)
    }

    /// Rules from a folder laid out like `rules/`.
    pub fn from_dir(dir: &Path) -> Result<Rules, RuleErrors> {
        let mut texts = Vec::new();
        let mut errs = Vec::new();
        for (name, _) in FILES {
            let p = dir.join(name);
            match std::fs::read_to_string(&p) {
                Ok(t) => texts.push((p, t)),
                Err(e) => errs.push(RuleError { file: p, line: 0, col: 0, message: format!("cannot read: {e}") }),
            }
        }
        if !errs.is_empty() {
            return Err(RuleErrors(errs));
        }
        Rules::from_texts(&texts, &dir.display().to_string(), true)
    }

    /// Read and check every file now (what `isnad rules check` does).
    pub fn check_all(&self) -> Result<(), RuleErrors> {
        let mut errs = Vec::new();
        for lang in [Lang::Ar, Lang::En] {
            if self.langs[lang as usize].get().is_none() {
                let get = |name: &str| self.texts.iter().find(|(p, _)| p.ends_with(name)).expect("every rule file is listed");
                if let Some(l) = load_lang(lang, get, &mut errs) {
                    if errs.is_empty() {
                        let _ = self.langs[lang as usize].set(finish_lang(l));
                    }
                }
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(RuleErrors(errs))
        }
    }

    fn from_texts(texts: &[(PathBuf, String)], origin: &str, eager: bool) -> Result<Rules, RuleErrors> {
        let mut errs = Vec::new();
        let get = |name: &str| texts.iter().find(|(p, _)| p.ends_with(name)).expect("every rule file is listed");
        let registry: Option<RegistryFile> = parse(get("registry.yaml"), &mut errs);
        let places: Option<PlacesFile> = parse(get("places.yaml"), &mut errs);
        let check: Option<CheckFile> = parse(get("check.yaml"), &mut errs);
        if let (Some(reg), Some(places), Some(check)) = (registry, places, check) {
            check_registry(get("registry.yaml"), &reg, &mut errs);
            check_places(get("places.yaml"), &places, &mut errs);
            if errs.is_empty() {
                let rules = Rules {
                    registry: reg.sources,
                    places: places.places,
                    check,
                    langs: Default::default(),
                    texts: texts.to_vec(),
                    origin: origin.to_string(),
                    matchers: Default::default(),
                };
                if eager {
                    rules.check_all()?;
                }
                return Ok(rules);
            }
        }
        Err(RuleErrors(errs))
    }

    /// Every example in the rules with the entry it must hit.
    pub fn examples(&self) -> Vec<(Lang, String, Entry)> {
        let mut out = Vec::new();
        for lr in [self.lang(Lang::Ar), self.lang(Lang::En)] {
            let l = lr.lang;
            for (i, v) in lr.cues.verbs.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Verb { idx: i as u32, agr: lexicon::Agr::Any })));
            }
            for (i, v) in lr.cues.nouns.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::CueNoun(i as u32))));
            }
            for (i, v) in lr.according.phrases.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::According(i as u32))));
            }
            for (i, v) in lr.sources.heads.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Head(i as u32))));
            }
            for (i, v) in lr.sources.qualifiers.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Qualifier(i as u32))));
            }
            for (i, v) in lr.sources.titles.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Title(i as u32))));
            }
            let f = &lr.figures;
            for (i, v) in f.numbers.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Number(i as u32))));
            }
            for (i, v) in f.nouns.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::CountNoun { idx: i as u32, dual: false })));
            }
            for (i, v) in f.frames.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::CountFrame(i as u32))));
            }
            for (i, v) in f.groups.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Group { idx: i as u32, dual: false })));
            }
            for (i, v) in f.qualifiers.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::NumQualifier(i as u32))));
            }
            for (i, v) in f.vague.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Vague(i as u32))));
            }
            for (i, v) in f.measures.iter().enumerate() {
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Measure(i as u32))));
            }
        }
        for (i, r) in self.registry.iter().enumerate() {
            for e in &r.examples {
                let lang = if e.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) { Lang::Ar } else { Lang::En };
                out.push((lang, e.clone(), Entry::Registry(i as u32)));
            }
        }
        out
    }
}

struct Loaded {
    lang: Lang,
    cues: CuesFile,
    according: AccordingFile,
    frames: FramesFile,
    sources: SourcesFile,
    figures: FiguresFile,
}

fn load_lang<'a>(lang: Lang, get: impl Fn(&str) -> &'a (PathBuf, String), errs: &mut Vec<RuleError>) -> Option<Loaded> {
    let d = lang.as_str();
    let cues_f = get(&format!("{d}/cues.yaml"));
    let acc_f = get(&format!("{d}/according.yaml"));
    let fr_f = get(&format!("{d}/frames.yaml"));
    let src_f = get(&format!("{d}/sources.yaml"));
    let fig_f = get(&format!("{d}/figures.yaml"));
    let cues: Option<CuesFile> = parse(cues_f, errs);
    let according: Option<AccordingFile> = parse(acc_f, errs);
    let frames: Option<FramesFile> = parse(fr_f, errs);
    let sources: Option<SourcesFile> = parse(src_f, errs);
    let figures: Option<FiguresFile> = parse(fig_f, errs);
    let (cues, according, frames, sources, figures) = (cues?, according?, frames?, sources?, figures?);
    check_figures(fig_f, &figures, errs);
    // duplicates inside one category
    let mut seen = Dups::default();
    for v in &cues.verbs {
        for f in v.m.iter().chain(&v.f).chain(&v.mp).chain(&v.fp).chain(&v.du).chain(&v.passive).chain(&v.hal).chain(&v.forms) {
            seen.check(cues_f, "verb form", f, errs);
        }
    }
    let mut seen = Dups::default();
    for n in &cues.nouns {
        for f in &n.forms {
            seen.check(cues_f, "cue noun", f, errs);
        }
    }
    let mut seen = Dups::default();
    for p in &according.phrases {
        seen.check(acc_f, "phrase", &p.phrase, errs);
    }
    for (what, list) in [
        ("complementiser", &frames.complementisers),
        ("formula", &frames.formulas),
        ("addressee", &frames.addressee),
        ("relay", &frames.relay),
        ("type noun", &frames.type_nouns),
        ("anonymity clause", &frames.anonymity),
        ("pronoun", &frames.pronouns),
        ("np stop", &frames.np_stops),
        ("adverbial", &frames.adverbials),
        ("clause break", &frames.clause_breaks),
        ("abbreviation", &frames.abbreviations),
        ("document frame", &frames.document_frames),
        ("dangling word", &frames.dangling),
        ("object noun", &frames.object_nouns),
    ] {
        let mut seen = Dups::default();
        for f in list {
            seen.check(fr_f, what, f, errs);
        }
    }
    let mut seen = Dups::default();
    for f in sources.heads.iter().flat_map(|h| &h.forms).chain(sources.titles.iter().flat_map(|t| &t.forms)) {
        seen.check(src_f, "head or title", f, errs);
    }
    let mut seen = Dups::default();
    for f in sources.qualifiers.iter().flat_map(|q| &q.forms) {
        seen.check(src_f, "qualifier", f, errs);
    }
    Some(Loaded { lang, cues, according, frames, sources, figures })
}

fn check_registry(file: &(PathBuf, String), reg: &RegistryFile, errs: &mut Vec<RuleError>) {
    let mut ids = Dups::default();
    let mut names = Dups::default();
    for r in &reg.sources {
        ids.check(file, "id", &r.id, errs);
        for n in std::iter::once(&r.name).chain(r.name_ar.iter()).chain(&r.aliases) {
            names.check(file, "source name", n, errs);
        }
    }
}

fn check_figures(file: &(PathBuf, String), f: &FiguresFile, errs: &mut Vec<RuleError>) {
    let mut seen = Dups::default();
    for x in &f.numbers {
        for w in &x.forms {
            seen.check(file, "number word", w, errs);
        }
    }
    let mut seen = Dups::default();
    for w in f.nouns.iter().flat_map(|n| n.forms.iter().chain(&n.dual)) {
        seen.check(file, "counted noun", w, errs);
    }
    let mut seen = Dups::default();
    for w in f.frames.iter().flat_map(|n| &n.forms) {
        seen.check(file, "count frame", w, errs);
    }
    let mut seen = Dups::default();
    for w in f.groups.iter().flat_map(|n| n.forms.iter().chain(&n.dual)) {
        seen.check(file, "group noun", w, errs);
    }
    let mut seen = Dups::default();
    for w in f.qualifiers.iter().flat_map(|n| &n.forms) {
        seen.check(file, "qualifier", w, errs);
    }
    let mut seen = Dups::default();
    for w in f.vague.iter().flat_map(|n| &n.forms) {
        seen.check(file, "vague word", w, errs);
    }
    let mut seen = Dups::default();
    for w in f.measures.iter().flat_map(|n| &n.forms) {
        seen.check(file, "measure", w, errs);
    }
    for (what, list) in [("update", &f.updates), ("cumulative", &f.cumulative)] {
        let mut seen = Dups::default();
        for w in list {
            seen.check(file, what, w, errs);
        }
    }
    for m in &f.months {
        if !(1..=12).contains(&m.month) {
            let (line, col) = locate(&file.1, m.forms.first().map_or("", |s| s.as_str()), 0);
            errs.push(RuleError { file: file.0.clone(), line, col, message: format!("month {} is not 1-12", m.month) });
        }
    }
    for d in &f.weekdays {
        if d.weekday > 6 {
            let (line, col) = locate(&file.1, d.forms.first().map_or("", |s| s.as_str()), 0);
            errs.push(RuleError { file: file.0.clone(), line, col, message: format!("weekday {} is not 0-6", d.weekday) });
        }
    }
}

fn check_places(file: &(PathBuf, String), p: &PlacesFile, errs: &mut Vec<RuleError>) {
    let mut ids = Dups::default();
    let mut names = Dups::default();
    let known: HashSet<&str> = p.places.iter().map(|x| x.id.as_str()).collect();
    for x in &p.places {
        ids.check(file, "place id", &x.id, errs);
        for n in &x.names {
            names.check(file, "place name", n, errs);
        }
        if let Some(parent) = &x.parent {
            if !known.contains(parent.as_str()) {
                let (line, col) = locate(&file.1, parent, 0);
                errs.push(RuleError { file: file.0.clone(), line, col, message: format!("unknown parent place \"{parent}\"") });
            }
        }
    }
}

fn finish_lang(l: Loaded) -> LangRules {
    let abbreviations = l.frames.abbreviations.iter().map(|a| fold(a).to_lowercase()).collect();
    LangRules {
        lang: l.lang,
        cues: l.cues,
        according: l.according,
        frames: l.frames,
        sources: l.sources,
        figures: l.figures,
        abbreviations,
    }
}

#[derive(Default)]
struct Dups(HashMap<String, String>);

impl Dups {
    fn check(&mut self, file: &(PathBuf, String), what: &str, s: &str, errs: &mut Vec<RuleError>) {
        let key = fold(s).to_lowercase();
        if key.trim().is_empty() {
            let (line, col) = locate(&file.1, s, 0);
            errs.push(RuleError { file: file.0.clone(), line, col, message: format!("empty {what}") });
            return;
        }
        if let Some(first) = self.0.get(&key) {
            let (l1, _) = locate(&file.1, first, 0);
            let (line, col) = locate(&file.1, s, 1);
            errs.push(RuleError {
                file: file.0.clone(),
                line,
                col,
                message: format!("duplicate {what} \"{s}\" (same as \"{first}\" at line {l1})"),
            });
        } else {
            self.0.insert(key, s.to_string());
        }
    }
}

/// Line and column (1-based) of the `nth` occurrence of `needle` in `text`.
fn locate(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let mut found = text.match_indices(needle).map(|(i, _)| i);
    let pos = found.nth(nth).or_else(|| text.find(needle)).unwrap_or(0);
    let line = text[..pos].matches('\n').count() + 1;
    let col = text[..pos].rfind('\n').map_or(pos, |n| pos - n - 1) + 1;
    (line, col)
}

fn parse<T: serde::de::DeserializeOwned>(file: &(PathBuf, String), errs: &mut Vec<RuleError>) -> Option<T> {
    match serde_yaml::from_str::<T>(&file.1) {
        Ok(v) => Some(v),
        Err(e) => {
            let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            let msg = e.to_string();
            // the library appends " at line L column C"; we already lead with the place
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            errs.push(RuleError { file: file.0.clone(), line, col, message: msg });
            None
        }
    }
}
