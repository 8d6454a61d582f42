//! Snapshot tests over the fixture articles in tests/fixtures/{ar,en}: a compact
//! rendering of every claim, source, chain and finding, reviewed by hand
//! (`cargo insta review`) against each folder's COVERAGE.md.

use std::fmt::Write as _;
use std::path::Path;

use isnad::{audit, input, Audit, LangChoice, Rules};

fn render(a: &Audit) -> String {
    let mut s = String::new();
    let name = |id: &str| {
        a.sources.iter().find(|x| x.id == id).map_or(id.to_string(), |x| format!("{} [{}{}]", x.name, x.kind, if x.anonymous { ", anonymous" } else { "" }))
    };
    for c in &a.claims {
        let src = c.source.as_deref().map_or("-".to_string(), name);
        let via: Vec<String> = c.via.iter().map(|v| name(v)).collect();
        let text: String = c.text.chars().take(70).collect();
        let _ = writeln!(
            s,
            "{}:{} {} cue={} stance={} src={}{}{}\n    «{}»",
            c.line,
            c.col,
            c.mode,
            c.cue.as_deref().unwrap_or("-"),
            c.stance,
            src,
            if via.is_empty() { String::new() } else { format!(" via={}", via.join(" | ")) },
            if c.floating { " floating" } else { "" },
            text.replace('\n', " ")
        );
    }
    for f in &a.figures {
        let bound = |b: Option<u64>| b.map_or("-".to_string(), |v| v.to_string());
        let src = f.source.as_deref().map_or("-".to_string(), name);
        let _ = writeln!(
            s,
            "{}:{} figure {} {}–{}{}{} src={} place={} kind={} event={} as_of={}{}{}{}  «{}»",
            f.line,
            f.col,
            f.category,
            bound(f.low),
            bound(f.high),
            if f.vague { " vague" } else { "" },
            f.group.as_deref().map_or(String::new(), |g| format!(" group={g}")),
            src,
            f.place.as_deref().unwrap_or("-"),
            f.event_kind.as_deref().unwrap_or("-"),
            f.event.as_deref().unwrap_or("-"),
            f.as_of.as_deref().unwrap_or("-"),
            f.since.as_deref().map_or(String::new(), |d| format!(" since={d}")),
            if f.update { format!(" update(previous={})", bound(f.previous)) } else { String::new() },
            if f.superseded { " superseded" } else { "" },
            f.text.replace('\n', " ")
        );
    }
    for f in &a.findings {
        let _ = writeln!(s, "{}:{} {}: {}", f.line, f.col, f.rule, f.message);
    }
    s
}

fn run_dir(lang: &str) {
    let rules = Rules::builtin().expect("rules");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(lang);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md") && p.file_name().is_some_and(|n| n != "COVERAGE.md"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "need at least 12 {lang} fixtures, have {}", files.len());
    for f in files {
        let art = input::read_file(&f).unwrap();
        let a = audit(&art, &rules, LangChoice::Auto);
        assert_eq!(a.doc.lang.as_str(), lang, "{}", f.display());
        let snap = format!("{lang}__{}", f.file_stem().unwrap().to_string_lossy());
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, description => art.meta.title.clone().unwrap_or_default() }, {
            insta::assert_snapshot!(snap, render(&a));
        });
    }
}

#[test]
fn arabic_fixtures() {
    run_dir("ar");
}

#[test]
fn english_fixtures() {
    run_dir("en");
}
