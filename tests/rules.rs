//! The rule files: they load, every example fires its entry, and every lexicon
//! stays sorted and canonical (like typos' dictionary test).

use std::path::Path;

use isnad::rules::{Rules, FILES, WORLD_FILE};
use isnad::text::fold;

fn rules() -> Rules {
    Rules::builtin().unwrap_or_else(|e| panic!("built-in rules must load:\n{e}"))
}

#[test]
fn builtin_rules_load() {
    let r = rules();
    assert!(r.registry.len() >= 100, "registry has {} entries", r.registry.len());
    r.check_all().unwrap_or_else(|e| panic!("built-in rules must load:\n{e}"));
    assert!(r.lang(isnad::Lang::Ar).cues.verbs.len() >= 70);
    assert!(r.lang(isnad::Lang::En).cues.verbs.len() >= 100);
}

#[test]
fn every_example_fires_its_entry() {
    let r = rules();
    let mut failures = Vec::new();
    let examples = r.examples();
    assert!(examples.len() > 300, "only {} examples", examples.len());
    for (lang, text, want) in examples {
        let hits = r.matcher(lang).find(&fold(&text));
        if !hits.iter().any(|h| h.entry.same_entry(&want)) {
            failures.push(format!("{lang:?} {want:?}: {text}"));
        }
    }
    assert!(failures.is_empty(), "{} examples do not fire their entry:\n{}", failures.len(), failures.join("\n"));
}

/// Python's sorted(): code point order, which is Rust's `str` order.
fn check_sorted(file: &str, what: &str, items: &[String], errs: &mut Vec<String>) {
    for w in items.windows(2) {
        if w[0] >= w[1] {
            errs.push(format!("{file}: {what} not sorted or not unique: {:?} then {:?}", w[0], w[1]));
        }
    }
}

#[test]
fn lexicons_are_sorted_and_canonical() {
    let mut errs = Vec::new();
    for (name, text) in FILES {
        let v: serde_yaml::Value = serde_yaml::from_str(text).expect("yaml");
        let map = v.as_mapping().expect("a mapping at the top");
        for (k, list) in map {
            let key = k.as_str().unwrap_or("?");
            let Some(seq) = list.as_sequence() else { continue };
            let strings: Vec<String> = seq.iter().filter_map(|x| x.as_str().map(String::from)).collect();
            if strings.len() == seq.len() {
                check_sorted(name, key, &strings, &mut errs);
                continue;
            }
            // lists of entries: sorted by their first field
            let keys: Vec<String> = seq
                .iter()
                .filter_map(|e| {
                    let m = e.as_mapping()?;
                    for f in ["id", "lemma", "phrase"] {
                        if let Some(s) = m.get(f).and_then(|x| x.as_str()) {
                            return Some(s.to_string());
                        }
                    }
                    m.get("forms")?.as_sequence()?.first()?.as_str().map(String::from)
                })
                .collect();
            check_sorted(name, key, &keys, &mut errs);
            for e in seq {
                if let Some(al) = e.as_mapping().and_then(|m| m.get("aliases")).and_then(|a| a.as_sequence()) {
                    let al: Vec<String> = al.iter().filter_map(|x| x.as_str().map(String::from)).collect();
                    check_sorted(name, "aliases", &al, &mut errs);
                }
            }
        }
        // no tashkeel or tatweel: rules are written in the folded spelling's letters
        for (i, line) in text.lines().enumerate() {
            if line.chars().any(|c| ('\u{064B}'..='\u{0652}').contains(&c) || c == '\u{0640}')
                && !line.trim_start().starts_with('#')
                && !line.contains("examples")
                && !line.trim_start().starts_with("- \"")
            {
                errs.push(format!("{name}:{}: tashkeel or tatweel in a rule string", i + 1));
            }
        }
    }
    assert!(errs.is_empty(), "rule files are not canonical:\n{}", errs.join("\n"));
}

#[test]
fn rules_dir_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let r = Rules::from_dir(&dir).expect("rules/ loads from disk");
    assert_eq!(r.registry.len(), rules().registry.len());
}

#[test]
fn unknown_keys_are_refused_with_a_place() {
    let tmp = rules_copy();
    let p = tmp.path().join("en/according.yaml");
    std::fs::write(&p, "phrases:\n  - phrase: according to\n    colour: blue\n").unwrap();
    let err = Rules::from_dir(tmp.path()).unwrap_err().to_string();
    assert!(err.contains("en/according.yaml:3:5:") && err.contains("unknown field `colour`"), "{err}");
}

#[test]
fn duplicates_are_reported_with_a_place() {
    let tmp = rules_copy();
    let p = tmp.path().join("en/according.yaml");
    std::fs::write(&p, "phrases:\n  - phrase: according to\n  - phrase: According To\n").unwrap();
    let err = Rules::from_dir(tmp.path()).unwrap_err().to_string();
    assert!(err.contains("en/according.yaml:3:") && err.contains("duplicate phrase"), "{err}");
}

/// rules/ar/cues.yaml's verb tables are generated from rules/ar/verbs.yaml (like
/// typos' dictionary codegen): `ISNAD_BLESS=1 cargo test --test rules` writes them.
#[test]
fn arabic_verb_tables_are_generated_from_lemmas() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/ar");
    let cues = std::fs::read_to_string(dir.join("cues.yaml")).unwrap();
    let verbs = std::fs::read_to_string(dir.join("verbs.yaml")).unwrap();
    let want = isnad::rules::inflect::regenerate(&cues, &verbs).unwrap_or_else(|e| panic!("rules/ar/verbs.yaml: {e}"));
    if std::env::var_os("ISNAD_BLESS").is_some() {
        std::fs::write(dir.join("cues.yaml"), &want).unwrap();
        return;
    }
    if want != cues {
        let line = want.lines().zip(cues.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
        panic!("rules/ar/cues.yaml is stale (first difference at line {line}); run ISNAD_BLESS=1 cargo test --test rules");
    }
}

fn rules_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for (name, text) in FILES {
        let p = tmp.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    std::fs::write(tmp.path().join(WORLD_FILE.0), WORLD_FILE.1).unwrap();
    tmp
}

#[test]
fn a_bad_gazetteer_line_is_refused_with_a_place() {
    let tmp = rules_copy();
    let p = tmp.path().join(WORLD_FILE.0);
    let mut text = WORLD_FILE.1.to_string();
    text.push_str("999999999\tvillage\tSY\t12\tNowhere\t\t\n");
    std::fs::write(&p, &text).unwrap();
    let lines = text.lines().count();
    let err = Rules::from_dir(tmp.path()).unwrap_err().to_string();
    assert!(err.contains(&format!("gazetteer.tsv:{lines}:11: unknown place kind \"village\"")), "{err}");
}

#[test]
fn every_link_to_the_world_gazetteer_exists() {
    let r = rules();
    let w = r.world();
    for p in &r.places {
        if let Some(g) = &p.geonames {
            assert!(w.get(g).is_some(), "{}: geonames {g} is not in rules/gazetteer.tsv", p.id);
        }
    }
}

#[test]
fn values_out_of_range_are_refused_with_a_place() {
    let tmp = rules_copy();
    let p = tmp.path().join("check.yaml");
    let text = FILES.iter().find(|(n, _)| *n == "check.yaml").unwrap().1;
    let bad = text.replace("event_window_days: 14", "event_window_days: -5").replace("word_similarity: 0.9", "word_similarity: 7.5");
    std::fs::write(&p, bad).unwrap();
    let err = Rules::from_dir(tmp.path()).unwrap_err().to_string();
    assert!(err.contains("check.yaml:") && err.contains("event_window_days is -5"), "{err}");
    assert!(err.contains("word_similarity is 7.5"), "{err}");
}

#[test]
fn a_missing_rules_folder_is_one_line() {
    let err = Rules::from_dir(Path::new("/nonexistent/rules")).unwrap_err().to_string();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/nonexistent/rules: no such folder"), "{err}");
}
