//! Reading rule files: YAML into the schema, with `file:line:col` errors, then
//! the checks of [`super::validate`].

use rustc_hash::FxHashMap;
use std::path::PathBuf;

use super::validate::{check_figures, Dups};
use super::{AccordingFile, CuesFile, FiguresFile, FramesFile, GrammarFile, Lang, LangRules, Morphology, MorphologyFile, RuleError, SourcesFile};
use crate::text::fold;

pub(super) struct Loaded {
    lang: Lang,
    cues: CuesFile,
    according: AccordingFile,
    frames: FramesFile,
    sources: SourcesFile,
    figures: FiguresFile,
    grammar: GrammarFile,
    morph: MorphologyFile,
}

pub(super) fn load_lang<'a>(lang: Lang, get: impl Fn(&str) -> &'a (PathBuf, String), errs: &mut Vec<RuleError>) -> Option<Loaded> {
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
    let gr_f = get(&format!("{d}/grammar.yaml"));
    let grammar: Option<GrammarFile> = parse(gr_f, errs);
    let morph: Option<MorphologyFile> = parse(get(&format!("{d}/morphology.yaml")), errs);
    let (cues, according, frames, sources, figures, grammar, morph) = (cues?, according?, frames?, sources?, figures?, grammar?, morph?);
    for (_, key, list) in grammar.lists() {
        let mut seen = Dups::default();
        for w in list {
            seen.check(gr_f, key, w, errs);
        }
    }
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
    Some(Loaded { lang, cues, according, frames, sources, figures, grammar, morph })
}

pub(super) fn finish_lang(l: Loaded) -> LangRules {
    let abbreviations = l.frames.abbreviations.iter().map(|a| fold(a).to_lowercase()).collect();
    let mut words: FxHashMap<String, u128> = FxHashMap::default();
    for (class, _, list) in l.grammar.lists() {
        for w in list {
            *words.entry(fold(w).to_lowercase()).or_default() |= class.bit();
        }
    }
    let glued_addressee = l.grammar.addressee_markers.iter().map(|w| fold(w)).filter(|w| w.chars().count() == 1).filter_map(|w| w.chars().next()).collect();
    let glued_place: Vec<char> =
        l.grammar.place_prepositions.iter().map(|w| fold(w)).filter(|w| w.chars().count() == 1).filter_map(|w| w.chars().next()).collect();
    let glued_place = super::morphology::LetterSet::new(&glued_place);
    LangRules {
        glued_place,
        glued_addressee,
        grammar: l.grammar,
        morph: Morphology::new(&l.morph),
        words,
        lang: l.lang,
        cues: l.cues,
        according: l.according,
        frames: l.frames,
        sources: l.sources,
        figures: l.figures,
        abbreviations,
    }
}

pub(super) fn parse<T: serde::de::DeserializeOwned>(file: &(PathBuf, String), errs: &mut Vec<RuleError>) -> Option<T> {
    // a built-in file, unchanged: its JSON copy (the YAML still decides errors)
    if let Some(v) = super::builtin_json(&file.0, &file.1).and_then(|j| serde_json::from_str::<T>(j).ok()) {
        return Some(v);
    }
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
