//! Rules: language knowledge loaded from YAML (built in, or `--rules DIR`),
//! checked on load, and compiled into one multi-pattern matcher per language.

mod error;
pub mod grammar;
pub mod inflect;
mod load;
pub mod matcher;
pub mod morphology;
mod place_kind;
pub mod schema;
mod validate;
pub mod word_index;
pub mod world;

use rustc_hash::FxHashSet as HashSet;

use rustc_hash::FxHashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use error::RuleError;
pub use grammar::{GrammarFile, CONTENT_CLASSES, W};
pub use matcher::{Entry, Hit, Matcher, Scan, WordClasses, UNKNOWN_CLASSES};
pub use morphology::{Morphology, MorphologyFile};
pub use schema::*;

use load::{finish_lang, load_lang, parse};
use validate::{check_places, check_registry, check_windows};

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
    ("ar/grammar.yaml", include_str!("../../rules/ar/grammar.yaml")),
    ("en/grammar.yaml", include_str!("../../rules/en/grammar.yaml")),
    ("ar/morphology.yaml", include_str!("../../rules/ar/morphology.yaml")),
    ("en/morphology.yaml", include_str!("../../rules/en/morphology.yaml")),
    ("places.yaml", include_str!("../../rules/places.yaml")),
    ("check.yaml", include_str!("../../rules/check.yaml")),
];

/// The built-in rule files as JSON, converted by `build.rs` (empty where a
/// file did not convert): reading JSON is several times faster than YAML.
const BUILTIN_JSON: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_json.rs"));

/// The JSON `build.rs` wrote for this rule file, if it is a built-in file
/// unchanged (the same text as embedded).
fn builtin_json(path: &Path, text: &str) -> Option<&'static str> {
    let (name, yaml) = FILES.iter().find(|(n, _)| path.ends_with(n))?;
    if *yaml != text {
        return None;
    }
    BUILTIN_JSON.iter().find(|(n, _)| n == name).map(|(_, j)| *j).filter(|j| !j.is_empty())
}

/// The world gazetteer, relative to a rules folder, and its built-in copy.
pub const WORLD_FILE: (&str, &str) = ("gazetteer.tsv", include_str!("../../rules/gazetteer.tsv"));

/// The built-in gazetteer as `build.rs` read it (empty if it did not parse).
const WORLD_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world.bin"));

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
    pub grammar: GrammarFile,
    pub morph: Morphology,
    /// Folded, lower-cased word → the bits of its word classes ([`W::bit`]).
    pub words: FxHashMap<String, u128>,
    /// One-letter addressee markers, which are written glued to the next word
    /// («لوكالة»).
    pub glued_addressee: Vec<char>,
    /// One-letter place prepositions, glued to the name («بكابول»).
    pub glued_place: morphology::LetterSet,
    pub abbreviations: HashSet<String>,
}

impl LangRules {
    /// The word classes of a folded word (any case).
    pub fn classes(&self, w: &str) -> u128 {
        if let Some(&m) = self.words.get(w) {
            return m;
        }
        // entries are lower case; Arabic has no case, so only Latin letters are
        // looked at (U+00C0–U+024F start with the bytes C3–C9)
        let upper = w.bytes().any(|b| b.is_ascii_uppercase())
            || (w.bytes().any(|b| (0xC3..=0xC9).contains(&b)) && w.chars().any(|c| ('\u{C0}'..'\u{250}').contains(&c) && c.is_uppercase()));
        if upper {
            // most capitalised words are ASCII: lower-cased on the stack
            if w.len() <= 32 && w.is_ascii() {
                let mut buf = [0u8; 32];
                let low = &mut buf[..w.len()];
                low.copy_from_slice(w.as_bytes());
                low.make_ascii_lowercase();
                return std::str::from_utf8(low).ok().and_then(|l| self.words.get(l)).copied().unwrap_or(0);
            }
            return self.words.get(&w.to_lowercase()).copied().unwrap_or(0);
        }
        0
    }

    /// Is the folded word `w` in class `c`?
    pub fn is(&self, w: &str, c: W) -> bool {
        self.classes(w) & c.bit() != 0
    }
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
    /// The world gazetteer's text and, once read, the gazetteer.
    world_text: (PathBuf, std::borrow::Cow<'static, str>),
    world: std::sync::OnceLock<world::World>,
    /// GeoNames id → index into `places` of the hand-written entry that stands for it.
    pub same_as: FxHashMap<String, u32>,
    /// Place id → index into `places`.
    pub place_ix: FxHashMap<String, u32>,
    /// Folded, lower-cased registry names (English, Arabic, aliases) → index
    /// into `registry`, built on first use.
    registry_names: std::sync::OnceLock<FxHashMap<String, u32>>,
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

    /// The parent of a place, hand-written or GeoNames, as an id figures carry
    /// (a GeoNames place a hand-written entry stands for is that entry).
    pub fn parent_of(&self, id: &str) -> Option<String> {
        self.parent(id).map(str::to_string)
    }

    /// [`Rules::parent_of`], borrowed from the rules.
    fn parent(&self, id: &str) -> Option<&str> {
        if let Some(&i) = self.place_ix.get(id) {
            return self.places[i as usize].parent.as_deref();
        }
        if id.starts_with("x:") {
            return None;
        }
        let w = self.world();
        let p = w.place(w.get(id)?).parent?;
        let pid = w.id(p);
        Some(self.same_as.get(pid).map_or(pid, |&y| self.places[y as usize].id.as_str()))
    }

    /// The country a place lies in: its topmost ancestor (itself for a country).
    pub fn country_of(&self, id: &str) -> String {
        let mut cur = id;
        for _ in 0..6 {
            match self.parent(cur) {
                Some(p) => cur = p,
                None => break,
            }
        }
        cur.to_string()
    }

    /// The registry entry a name names, the name folded and lower-cased.
    pub fn registry_named(&self, folded: &str) -> Option<&RegistryEntry> {
        let names = self.registry_names.get_or_init(|| {
            let mut m = FxHashMap::default();
            for (i, r) in self.registry.iter().enumerate() {
                for n in std::iter::once(&r.name).chain(r.name_ar.as_ref()).chain(&r.aliases) {
                    m.entry(crate::text::fold(n).to_lowercase()).or_insert(i as u32);
                }
            }
            m
        });
        names.get(folded).map(|&i| &self.registry[i as usize])
    }

    /// The name of a place of either gazetteer, by id.
    pub fn place_name(&self, id: &str) -> String {
        if let Some(&i) = self.place_ix.get(id) {
            return self.places[i as usize].name.clone();
        }
        let w = self.world();
        w.get(id).map_or_else(|| id.to_string(), |i| w.name(i).to_string())
    }

    /// Is place `a` inside place `b` (below it, and `b` no whole country)?
    pub fn inside(&self, a: &str, b: &str) -> bool {
        let mut cur = a;
        for _ in 0..5 {
            match self.parent(cur) {
                Some(p) if p == b => return self.parent(b).is_some(),
                Some(p) => cur = p,
                None => return false,
            }
        }
        false
    }

    /// The world gazetteer, read on first use.
    pub fn world(&self) -> &world::World {
        self.world.get_or_init(|| {
            // the built-in gazetteer, read at compile time (build.rs) with the built-in morphology
            let morph = |name: &str| self.texts.iter().find(|(p, _)| p.ends_with(name)).map(|(_, t)| t.as_str());
            let builtin = FILES.iter().find(|(n, _)| *n == "ar/morphology.yaml").map(|(_, t)| *t);
            if *self.world_text.1 == *WORLD_FILE.1 && morph("ar/morphology.yaml") == builtin {
                if let Some(w) = world::World::from_bytes(self.world_text.1.clone(), std::borrow::Cow::Borrowed(WORLD_INDEX)) {
                    return w;
                }
            }
            match world::World::parse(&self.world_text.0, self.world_text.1.clone(), &self.lang(Lang::Ar).morph) {
                Ok(w) => w,
                // unreachable for checked rules, as for the languages
                Err(e) => panic!("the world gazetteer does not load:\n{}", RuleErrors(e)),
            }
        })
    }

    /// The rules compiled into the binary.
    pub fn builtin() -> Result<Rules, RuleErrors> {
        let texts: Vec<(PathBuf, String)> = FILES.iter().map(|(n, t)| (PathBuf::from("rules").join(n), t.to_string())).collect();
        let world = (PathBuf::from("rules").join(WORLD_FILE.0), std::borrow::Cow::Borrowed(WORLD_FILE.1));
        Rules::from_texts(&texts, world, "built-in", false)
    }

    /// Rules from a folder laid out like `rules/`.
    pub fn from_dir(dir: &Path) -> Result<Rules, RuleErrors> {
        if !dir.is_dir() {
            let message = if dir.exists() { "not a folder (--rules takes a folder laid out like rules/)" } else { "no such folder" };
            return Err(RuleErrors(vec![RuleError { file: dir.to_path_buf(), line: 0, col: 0, message: message.into() }]));
        }
        let mut texts = Vec::new();
        let mut errs = Vec::new();
        for (name, _) in FILES {
            let p = dir.join(name);
            match std::fs::read_to_string(&p) {
                Ok(t) => texts.push((p, t)),
                Err(e) => errs.push(RuleError { file: p, line: 0, col: 0, message: format!("cannot read: {e}") }),
            }
        }
        let wp = dir.join(WORLD_FILE.0);
        let world = match std::fs::read_to_string(&wp) {
            Ok(t) => (wp, std::borrow::Cow::Owned(t)),
            Err(e) => {
                errs.push(RuleError { file: wp, line: 0, col: 0, message: format!("cannot read: {e}") });
                return Err(RuleErrors(errs));
            }
        };
        if !errs.is_empty() {
            return Err(RuleErrors(errs));
        }
        Rules::from_texts(&texts, world, &dir.display().to_string(), true)
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
            let file = self.texts.iter().find(|(p, _)| p.ends_with("check.yaml")).expect("every rule file is listed");
            for k in self.check.broad_event_kinds.iter().chain(self.check.kindred_event_kinds.iter().flatten()).chain(&self.check.routine_event_kinds) {
                if ![Lang::Ar, Lang::En].iter().any(|&l| self.lang(l).figures.event_kinds.iter().any(|e| &e.kind == k)) {
                    let (line, col) = validate::locate(&file.1, k, 0);
                    errs.push(RuleError { file: file.0.clone(), line, col, message: format!("unknown event kind \"{k}\" (not a kind in */figures.yaml)") });
                }
            }
        }
        if errs.is_empty() && self.world.get().is_none() {
            match world::World::parse(&self.world_text.0, self.world_text.1.clone(), &self.lang(Lang::Ar).morph) {
                Ok(w) => {
                    let _ = self.world.set(w);
                }
                Err(e) => errs.extend(e),
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(RuleErrors(errs))
        }
    }

    fn from_texts(texts: &[(PathBuf, String)], world_text: (PathBuf, std::borrow::Cow<'static, str>), origin: &str, eager: bool) -> Result<Rules, RuleErrors> {
        let mut errs = Vec::new();
        let get = |name: &str| texts.iter().find(|(p, _)| p.ends_with(name)).expect("every rule file is listed");
        let registry: Option<RegistryFile> = parse(get("registry.yaml"), &mut errs);
        let places: Option<PlacesFile> = parse(get("places.yaml"), &mut errs);
        let check: Option<CheckFile> = parse(get("check.yaml"), &mut errs);
        if let (Some(reg), Some(places), Some(check)) = (registry, places, check) {
            check_registry(get("registry.yaml"), &reg, &mut errs);
            check_places(get("places.yaml"), &places, &mut errs);
            check_windows(get("check.yaml"), &check, &mut errs);
            if errs.is_empty() {
                let same_as = places.places.iter().enumerate().filter_map(|(i, p)| p.geonames.clone().map(|g| (g, i as u32))).collect();
                let place_ix = places.places.iter().enumerate().map(|(i, p)| (p.id.clone(), i as u32)).collect();
                let rules = Rules {
                    place_ix,
                    world_text,
                    world: Default::default(),
                    registry_names: Default::default(),
                    same_as,
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
                out.extend(v.examples.iter().map(|e| (l, e.clone(), Entry::Verb { idx: i as u32, agr: matcher::Agr::Any })));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_copies_of_the_rule_files_read_as_the_yaml_does() {
        use crate::rules::grammar::GrammarFile;
        use crate::rules::morphology::MorphologyFile;
        // each built-in file has a JSON copy that reads as its type (no silent
        // fall back to YAML)
        fn reads<T: serde::de::DeserializeOwned>(name: &str) {
            let (_, yaml) = FILES.iter().find(|(n, _)| *n == name).expect("a built-in file");
            let json = builtin_json(Path::new("rules").join(name).as_path(), yaml).unwrap_or_else(|| panic!("{name}: no JSON copy"));
            if let Err(e) = serde_json::from_str::<T>(json) {
                panic!("{name}: the JSON copy does not read: {e}");
            }
        }
        reads::<RegistryFile>("registry.yaml");
        reads::<PlacesFile>("places.yaml");
        reads::<CheckFile>("check.yaml");
        for l in ["ar", "en"] {
            reads::<CuesFile>(&format!("{l}/cues.yaml"));
            reads::<AccordingFile>(&format!("{l}/according.yaml"));
            reads::<FramesFile>(&format!("{l}/frames.yaml"));
            reads::<SourcesFile>(&format!("{l}/sources.yaml"));
            reads::<FiguresFile>(&format!("{l}/figures.yaml"));
            reads::<GrammarFile>(&format!("{l}/grammar.yaml"));
            reads::<MorphologyFile>(&format!("{l}/morphology.yaml"));
        }
        // and what they build is what the YAML builds: the same files with a
        // trailing comment have no JSON copy
        let json = Rules::builtin().expect("rules");
        let texts: Vec<(PathBuf, String)> = FILES.iter().map(|(n, t)| (PathBuf::from("rules").join(n), format!("{t}\n# yaml\n"))).collect();
        assert!(texts.iter().all(|(p, t)| builtin_json(p, t).is_none()));
        let world = (PathBuf::from("rules").join(WORLD_FILE.0), std::borrow::Cow::Borrowed(WORLD_FILE.1));
        let yaml = Rules::from_texts(&texts, world, "built-in", false).expect("rules");
        assert_eq!(format!("{:?}", json.registry), format!("{:?}", yaml.registry));
        assert_eq!(format!("{:?}", json.places), format!("{:?}", yaml.places));
        assert_eq!(format!("{:?}", json.check), format!("{:?}", yaml.check));
        for l in [Lang::Ar, Lang::En] {
            assert_eq!(format!("{:?}", json.lang(l)), format!("{:?}", yaml.lang(l)), "{l:?}");
        }
    }

    #[test]
    fn the_world_index_built_at_compile_time_is_the_parsed_gazetteer() {
        let rules = Rules::builtin().expect("rules");
        let text = std::borrow::Cow::Borrowed(WORLD_FILE.1);
        let parsed = world::World::parse(Path::new("rules/gazetteer.tsv"), text.clone(), &rules.lang(Lang::Ar).morph).expect("parses");
        let built = world::World::from_bytes(text.clone(), std::borrow::Cow::Borrowed(WORLD_INDEX)).expect("build.rs wrote the index");
        assert!(parsed == built, "build.rs and World::parse disagree");
        // bytes of another text are refused, not misread
        assert!(world::World::from_bytes(std::borrow::Cow::Borrowed("#\n"), std::borrow::Cow::Borrowed(WORLD_INDEX)).is_none());
        assert!(world::World::from_bytes(text, std::borrow::Cow::Borrowed(&WORLD_INDEX[..WORLD_INDEX.len() / 2])).is_none());
    }
}
