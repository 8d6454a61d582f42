//! Checks a rule file must pass beyond its schema: no duplicate entries (after
//! folding), known parents, values in range.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{CheckFile, FiguresFile, PlacesFile, RegistryFile, RuleError};
use crate::text::fold;

pub(super) fn check_registry(file: &(PathBuf, String), reg: &RegistryFile, errs: &mut Vec<RuleError>) {
    let mut ids = Dups::default();
    let mut names = Dups::default();
    for r in &reg.sources {
        ids.check(file, "id", &r.id, errs);
        for n in std::iter::once(&r.name).chain(r.name_ar.iter()).chain(&r.aliases) {
            names.check(file, "source name", n, errs);
        }
    }
}

pub(super) fn check_figures(file: &(PathBuf, String), f: &FiguresFile, errs: &mut Vec<RuleError>) {
    for v in &f.vague {
        if v.high.is_some_and(|h| h < v.low) {
            let (line, col) = locate(&file.1, v.forms.first().map_or("", |s| s.as_str()), 0);
            errs.push(RuleError { file: file.0.clone(), line, col, message: format!("vague word: high {} is below low {}", v.high.unwrap_or(0), v.low) });
        }
    }
    for n in &f.numbers {
        if !(n.value.is_finite() && n.value >= 0.0) {
            let (line, col) = locate(&file.1, n.forms.first().map_or("", |s| s.as_str()), 0);
            errs.push(RuleError { file: file.0.clone(), line, col, message: format!("number word value {} is not a count", n.value) });
        }
    }
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

pub(super) fn check_places(file: &(PathBuf, String), p: &PlacesFile, errs: &mut Vec<RuleError>) {
    let mut ids = Dups::default();
    let mut names = Dups::default();
    let known: HashSet<&str> = p.places.iter().map(|x| x.id.as_str()).collect();
    for x in &p.places {
        ids.check(file, "place id", &x.id, errs);
        for n in x.names.iter().chain(&x.adjectives) {
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

#[derive(Default)]
pub(super) struct Dups(rustc_hash::FxHashMap<String, String>);

/// Line and column (1-based) of the `nth` occurrence of `needle` in `text`.
pub(super) fn locate(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let mut found = text.match_indices(needle).map(|(i, _)| i);
    let pos = found.nth(nth).or_else(|| text.find(needle)).unwrap_or(0);
    let line = text[..pos].matches('\n').count() + 1;
    let col = text[..pos].rfind('\n').map_or(pos, |n| pos - n - 1) + 1;
    (line, col)
}

impl Dups {
    pub(super) fn check(&mut self, file: &(PathBuf, String), what: &str, s: &str, errs: &mut Vec<RuleError>) {
        let key = crate::text::lower_owned(fold(s));
        if key.trim().is_empty() {
            let (line, col) = locate(&file.1, s, 0);
            errs.push(RuleError { file: file.0.clone(), line, col, message: format!("empty {what}") });
            return;
        }
        if let Some(first) = self.0.get(&key) {
            let (l1, _) = locate(&file.1, first, 0);
            let (line, col) = locate(&file.1, s, 1);
            errs.push(RuleError { file: file.0.clone(), line, col, message: format!("duplicate {what} \"{s}\" (same as \"{first}\" at line {l1})") });
        } else {
            self.0.insert(key, s.to_string());
        }
    }
}

/// An error at the first `key:` of a file.
fn at_key(file: &(PathBuf, String), key: &str, message: String) -> RuleError {
    let (line, col) = locate(&file.1, &format!("{key}:"), 0);
    RuleError { file: file.0.clone(), line, col, message }
}

/// A value outside its range is an error, with the place of its key.
fn in_range<T: PartialOrd + std::fmt::Display>(file: &(PathBuf, String), key: &str, v: T, lo: T, hi: T, errs: &mut Vec<RuleError>) {
    if !(lo <= v && v <= hi) {
        errs.push(at_key(file, key, format!("{key} is {v}; it must lie in {lo}..={hi}")));
    }
}

pub(super) fn check_windows(file: &(PathBuf, String), c: &CheckFile, errs: &mut Vec<RuleError>) {
    in_range(file, "event_window_days", c.event_window_days, 0, 365, errs);
    in_range(file, "conflict_window_days", c.conflict_window_days, 0, 365, errs);
    in_range(file, "stale_after_days", c.stale_after_days, 0, 3650, errs);
    in_range(file, "word_similarity", c.word_similarity, 0.0, 1.0, errs);
    in_range(file, "cumulative_window_days", c.cumulative_window_days, 0, 36500, errs);
    in_range(file, "about_tolerance_percent", c.about_tolerance_percent, 0, 100, errs);
}
