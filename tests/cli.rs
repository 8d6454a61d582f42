//! The command line: every format, every bad input, exit codes.

use assert_cmd::Command;
use predicates::prelude::*;

fn isnad() -> Command {
    Command::cargo_bin("isnad").unwrap()
}

const AR: &str = "tests/fixtures/ar/01-manbij-car-bomb.md";
const EN: &str = "tests/fixtures/en/01-syria-sweida-tolls.md";

#[test]
fn jsonl_is_one_line_per_article_with_the_contract_fields() {
    let out = isnad().args(["audit", "--format", "jsonl", AR, EN]).output().unwrap();
    assert!(out.status.code() == Some(0) || out.status.code() == Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["doc"]["path"].is_string());
        assert!(v["doc"]["lang"].is_string());
        for c in v["claims"].as_array().unwrap() {
            for k in ["id", "mode", "start", "end", "text", "cue", "source", "source_mention", "via"] {
                assert!(c.get(k).is_some(), "claim lacks {k}: {c}");
            }
        }
        for s in v["sources"].as_array().unwrap() {
            for k in ["id", "name", "kind", "anonymous", "mentions"] {
                assert!(s.get(k).is_some(), "source lacks {k}: {s}");
            }
        }
        assert!(v["figures"].is_array());
    }
}

#[test]
fn offsets_are_bytes_into_the_file_as_given() {
    let out = isnad().args(["audit", "--format", "jsonl", AR]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = std::fs::read(AR).unwrap();
    let claims = v["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    for c in claims {
        let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
        assert_eq!(std::str::from_utf8(&file[s..e]).unwrap(), c["text"].as_str().unwrap());
    }
}

#[test]
fn json_is_one_document() {
    let out = isnad().args(["audit", "--format", "json", AR, EN]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn text_groups_claims_by_source() {
    isnad().args(["audit", "--format", "text", EN]).assert().stdout(predicate::str::contains("claims,").and(predicate::str::contains("findings")));
}

#[test]
fn line_format_is_path_line_col_rule_message() {
    let out = isnad().args(["audit", "--format", "line", AR]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.is_empty());
    for l in text.lines() {
        let parts: Vec<&str> = l.splitn(5, ':').collect();
        assert_eq!(parts.len(), 5, "{l}");
        assert_eq!(parts[0], AR);
        parts[1].parse::<usize>().unwrap();
        parts[2].parse::<usize>().unwrap();
        assert!(isnad::model::RuleId::ALL.iter().any(|r| r.as_str() == parts[3]), "{l}");
    }
}

#[test]
fn findings_exit_one_clean_exits_zero() {
    isnad().args(["audit", "--format", "jsonl", AR]).assert().code(1);
    isnad().args(["audit", "--format", "jsonl", "-"]).write_stdin("The river rose overnight.").assert().code(0);
}

#[test]
fn stdin_is_read_with_dash() {
    isnad()
        .args(["audit", "--format", "jsonl", "-"])
        .write_stdin("Officials said the road was closed.")
        .assert()
        .stdout(predicate::str::contains("\"path\":\"-\""));
}

#[test]
fn missing_file_is_an_error_and_others_still_run() {
    isnad()
        .args(["audit", "--format", "jsonl", "no/such/file.txt", EN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt: no such file"))
        .stdout(predicate::str::contains(EN));
}

#[test]
fn directory_is_an_error() {
    isnad().args(["audit", "tests"]).assert().code(2).stderr(predicate::str::contains("tests: is a directory"));
}

#[test]
fn empty_binary_and_bad_utf8_files() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let bin = tmp.path().join("bin.dat");
    std::fs::write(&bin, b"\x7fELF\x00\x00\x01").unwrap();
    let bad = tmp.path().join("bad.txt");
    std::fs::write(&bad, b"caf\xc3\xa9 ok \xff here").unwrap();
    let front_only = tmp.path().join("front.md");
    std::fs::write(&front_only, "---\ntitle: x\n---\n\n").unwrap();
    for (p, msg) in [
        (&empty, "empty file".to_string()),
        (&bin, "binary file".to_string()),
        (&bad, "invalid UTF-8 at byte 9".to_string()),
        (&front_only, "no article text after the front matter".to_string()),
    ] {
        isnad().args(["audit", "--format", "jsonl"]).arg(p).assert().code(2).stderr(predicate::str::contains(format!("{}: {msg}", p.display())));
    }
}

#[test]
fn bad_front_matter_names_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("fm.md");
    std::fs::write(&p, "---\ntitle: [unclosed\n---\nBody text here.").unwrap();
    isnad().args(["audit"]).arg(&p).assert().code(2).stderr(predicate::str::contains("bad front matter"));
}

#[test]
fn bad_format_and_lang_are_errors() {
    isnad().args(["audit", "--format", "xml", EN]).assert().code(2).stderr(predicate::str::contains("--format"));
    isnad().args(["audit", "--lang", "fr", EN]).assert().code(2).stderr(predicate::str::contains("--lang"));
}

#[test]
fn lang_is_detected_per_article() {
    let out = isnad().args(["audit", "--format", "jsonl", AR, EN]).output().unwrap();
    let langs: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]["lang"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(langs, vec!["ar", "en"]);
}

#[test]
fn rules_check_passes_on_builtin_and_reports_places() {
    isnad().args(["rules", "check"]).assert().code(0).stdout(predicate::str::contains("rules ok"));
    isnad().args(["rules", "check", "rules"]).assert().code(0);
    let tmp = tempfile::tempdir().unwrap();
    for (name, text) in isnad::rules::FILES {
        let p = tmp.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    std::fs::write(tmp.path().join(isnad::rules::WORLD_FILE.0), isnad::rules::WORLD_FILE.1).unwrap();
    std::fs::write(tmp.path().join("ar/according.yaml"), "phrases:\n  - phrase: وفق\n    stance: loud\n").unwrap();
    isnad()
        .args(["rules", "check"])
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ar/according.yaml:3:13: phrases[0].stance: unknown variant `loud`"));
}

#[test]
fn output_file_option() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("out.jsonl");
    isnad().args(["audit", "--format", "jsonl", "-o"]).arg(&p).arg(EN).assert().code(predicate::in_iter([0, 1]));
    assert!(std::fs::read_to_string(&p).unwrap().contains("\"claims\""));
}

#[test]
fn a_record_with_no_text_says_so_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("feed.jsonl");
    std::fs::write(&p, "{\"text\": \"The minister said the road is open.\"}\n{\"title\": \"no body\"}\n").unwrap();
    isnad()
        .args(["ingest", "--db"])
        .arg(tmp.path().join("db"))
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{}:2: the record has no text", p.display())));
}

#[test]
fn a_folder_skips_notes_and_dot_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("articles");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("one.md"), "The mayor said the bridge would reopen on Monday.").unwrap();
    for note in ["README.md", "COVERAGE.md", "LICENSE.txt", ".draft.md"] {
        std::fs::write(dir.join(note), "Notes, said nobody, about 40 people killed.").unwrap();
    }
    isnad().args(["ingest", "--db"]).arg(tmp.path().join("db")).arg(&dir).assert().stdout(predicate::str::contains("ingested 1 new"));
}

#[test]
fn an_unknown_outlet_is_an_error_with_a_suggestion() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let p = tmp.path().join("a.md");
    std::fs::write(&p, "---\noutlet: Harbour Gazette\n---\n\nThe mayor said the bridge would reopen on Monday.").unwrap();
    isnad().args(["ingest", "--db"]).arg(&db).arg(&p).assert().success();
    isnad()
        .args(["sources", "--outlet", "Harbor Gazette", "--db"])
        .arg(&db)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"Harbour Gazette\""));
    isnad().args(["sources", "--outlet", "Harbour Gazette", "--db"]).arg(&db).assert().success();
}

#[test]
fn one_finding_is_singular() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("a.txt");
    std::fs::write(&p, "Officials who asked not to be named said the road was closed.").unwrap();
    isnad()
        .args(["audit", "--format", "text"])
        .arg(&p)
        .assert()
        .stdout(predicate::str::contains("1 claim, 1 source,"))
        .stdout(predicate::str::contains("1 finding\n"));
}

#[test]
fn completions_and_man_page() {
    isnad().args(["completions", "bash"]).assert().success().stdout(predicate::str::contains("_isnad()"));
    isnad().args(["completions", "tcsh-not-a-shell"]).assert().code(2);
    isnad().arg("man").assert().success().stdout(predicate::str::contains(".TH isnad 1"));
}

#[test]
fn repeated_opening_marks_are_unbalanced() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("q.txt");
    std::fs::write(&p, "The minister said \u{201C}we \u{201C}will win.").unwrap();
    isnad().args(["audit", "--format", "line"]).arg(&p).assert().code(1).stdout(predicate::str::contains("unbalanced-quote"));
    let many = tmp.path().join("many.txt");
    std::fs::write(&many, format!("He said {}", "\u{201C} word ".repeat(10_000))).unwrap();
    let out = isnad().args(["audit", "--format", "line"]).arg(&many).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).matches("unbalanced-quote").count(), 10_000);
}

#[test]
fn an_unknown_place_suggests_a_known_one() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    isnad().args(["ingest", "--db"]).arg(&db).arg("tests/fixtures/scenarios/rising/").assert().success();
    isnad().args(["timeline", "--place", "Sweyda", "--db"]).arg(&db).assert().code(2).stderr(predicate::str::contains("did you mean \"Sweida\""));
}

#[test]
fn quiet_is_accepted_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    isnad().args(["--quiet", "ingest", "--db"]).arg(tmp.path().join("db")).arg("tests/fixtures/scenarios/rising/").assert().success();
    isnad().args(["reindex", "-q", "--db"]).arg(tmp.path().join("db")).assert().success();
}

#[test]
fn glob_narrows_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("articles");
    std::fs::create_dir_all(dir.join("july")).unwrap();
    std::fs::write(dir.join("july/one.md"), "The mayor said the bridge would reopen on Monday.").unwrap();
    std::fs::write(dir.join("two.txt"), "The governor said the road would reopen on Tuesday.").unwrap();
    let db = tmp.path().join("db");
    isnad().args(["ingest", "--glob", "july/*.md", "--db"]).arg(&db).arg(&dir).assert().success().stdout(predicate::str::contains("ingested 1 new"));
    isnad().args(["ingest", "--glob", "[", "--db"]).arg(&db).arg(&dir).assert().code(2).stderr(predicate::str::contains("--glob"));
}

#[test]
fn ingest_summary_goes_to_output_file() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("a.txt");
    std::fs::write(&p, "The mayor said the bridge would reopen on Monday.").unwrap();
    let sum = tmp.path().join("sum.json");
    isnad().args(["ingest", "--format", "json", "-o"]).arg(&sum).arg("--db").arg(tmp.path().join("db")).arg(&p).assert().success().stdout("");
    assert!(std::fs::read_to_string(&sum).unwrap().contains("\"new\":1"));
}

#[test]
fn rival_tolls_in_one_article_are_a_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("rival.md");
    std::fs::write(
        &p,
        "---\ndate: 2025-07-21\n---\nThe health ministry said 12 people were killed in the air strike on the market in Idlib.\n\nThe Syrian Observatory for Human Rights said 31 people were killed in the air strike on Idlib.\n",
    )
    .unwrap();
    isnad().args(["audit", "--format", "line"]).arg(&p).assert().code(1).stdout(predicate::str::contains("inconsistent-figure"));
    let out = isnad().args(["check", "--format", "jsonl", "--db"]).arg(tmp.path().join("db")).arg("--ingest").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let statuses: Vec<&str> = v["figures"].as_array().unwrap().iter().map(|f| f["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["new", "conflict"]);
}

#[test]
fn a_place_the_gazetteer_lacks_is_kept_and_has_a_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let a = tmp.path().join("a.md");
    let b = tmp.path().join("b.md");
    std::fs::write(&a, "---\ndate: 2025-07-20\noutlet: A\n---\nوقال مصدر طبي إن 9 أشخاص قتلوا في قصف على قرية تل زعرور.\n").unwrap();
    std::fs::write(&b, "---\ndate: 2025-07-21\noutlet: B\n---\nوقال المرصد إن حصيلة القصف على قرية تل زعرور ارتفعت إلى 14 قتيلا.\n").unwrap();
    isnad().args(["ingest", "--db"]).arg(&db).arg(&a).arg(&b).assert().code(predicates::ord::lt(2));
    isnad()
        .args(["timeline", "--place", "تل زعرور", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("x:تل-زعرور"))
        .stdout(predicate::str::contains("14  update"));
    let en = tmp.path().join("c.md");
    std::fs::write(&en, "---\ndate: 2025-07-21\n---\nFive people were killed in shelling on the village of Kafr Zeytoun, a medical source said.\n").unwrap();
    isnad().args(["ingest", "--db"]).arg(&db).arg(&en).assert().code(predicates::ord::lt(2));
    isnad().args(["timeline", "--place", "Kafr Zeytoun", "--db"]).arg(&db).assert().success().stdout(predicate::str::contains("5  new"));
}

/// One bombing in Multan (a town only the GeoNames gazetteer knows), in Arabic
/// then in English: 12 killed, then 19.
fn multan_bombing(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let a = dir.join("a.md");
    let b = dir.join("b.md");
    std::fs::write(&a, "---\ndate: 2025-03-01\noutlet: A\n---\nقالت الشرطة الباكستانية إن 12 شخصا قتلوا في تفجير انتحاري استهدف سوقا في مدينة ملتان.\n")
        .unwrap();
    std::fs::write(&b, "---\ndate: 2025-03-02\noutlet: B\n---\nPolice said the death toll from the suicide bombing at a market in Multan rose to 19.\n")
        .unwrap();
    (a, b)
}

#[test]
fn a_town_only_geonames_knows_has_a_timeline_in_both_scripts() {
    // Multan is not in rules/places.yaml: the world gazetteer names it, in either script
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let (a, b) = multan_bombing(tmp.path());
    isnad().args(["ingest", "--db"]).arg(&db).arg(&a).arg(&b).assert().code(predicates::ord::lt(2));
    for name in ["Multan", "ملتان"] {
        isnad()
            .args(["timeline", "--place", name, "--db"])
            .arg(&db)
            .assert()
            .success()
            .stdout(predicate::str::contains("Multan (1169825)"))
            .stdout(predicate::str::contains("12  new"))
            .stdout(predicate::str::contains("19  update"));
    }
}

#[test]
fn events_tie_one_incident_across_articles_and_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let (a, b) = multan_bombing(tmp.path());
    let c = tmp.path().join("c.md");
    std::fs::write(&c, "---\ndate: 2025-03-02\noutlet: C\n---\nThe army said 40 militants were killed in clashes in Waziristan.\n").unwrap();
    isnad().args(["ingest", "--db"]).arg(&db).arg(&a).arg(&b).arg(&c).assert().code(predicates::ord::lt(2));
    let out = isnad().args(["events", "--format", "json", "--db"]).arg(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "no open conflict");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = v["events"].as_array().unwrap();
    let multan: Vec<&serde_json::Value> = events.iter().filter(|e| e["place"] == "1169825").collect();
    assert_eq!(multan.len(), 1, "one Multan bombing: {events:?}");
    let e = multan[0];
    assert_eq!((e["articles"].as_u64(), e["kind"].as_str(), e["killed"]["low"].as_u64()), (Some(2), Some("bombing"), Some(19)));
    assert!(events.iter().all(|x| x["id"] == e["id"] || x["place"] != "1169825"));
    let id = e["id"].as_str().unwrap();
    isnad()
        .args(["timeline", "--event", id, "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("12  new"))
        .stdout(predicate::str::contains("19  update"));
    // the check output names the event of each figure
    let out = isnad().args(["check", "--format", "jsonl", "--db"]).arg(&db).arg(&b).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["figures"][0]["event"]["id"], id);
    isnad().args(["events", "--place", "ملتان", "--format", "jsonl", "--db"]).arg(&db).assert().success().stdout(predicate::str::contains(id));
    isnad().args(["timeline", "--event", "nope-e1", "--db"]).arg(&db).assert().code(2).stderr(predicate::str::contains("no event \"nope-e1\""));
    isnad().args(["timeline", "--db"]).arg(&db).assert().code(2).stderr(predicate::str::contains("--place"));
}
