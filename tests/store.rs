//! The store and `check`: scenario articles (tests/fixtures/scenarios), JSON
//! shapes, idempotent ingest, the lock, the schema version, and crash safety.

use std::path::{Path, PathBuf};
use std::process::{Command as Proc, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use isnad::store::db::Open;
use isnad::store::{SledStore, Store};
use predicates::prelude::*;
use serde_json::Value;

fn isnad(db: &Path) -> Command {
    let mut c = Command::cargo_bin("isnad").unwrap();
    c.arg("--db").arg(db).env_remove("ISNAD_DB");
    c
}

fn scenario(name: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios").join(name);
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect();
    v.sort();
    v
}

/// Check each article against the store holding the ones before it, then store
/// it; return the status of each article's casualty figures.
fn statuses(name: &str) -> Vec<Vec<String>> {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let mut out = Vec::new();
    for f in scenario(name) {
        let o = isnad(&db).args(["check", "--ingest", "--format", "jsonl"]).arg(&f).output().unwrap();
        assert!(o.status.code().is_some_and(|c| c < 2), "{}: {}", f.display(), String::from_utf8_lossy(&o.stderr));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let s: Vec<String> = v["figures"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["category"] != "other" && f["superseded"].as_bool() != Some(true))
            .map(|f| f["status"].as_str().unwrap().to_string())
            .collect();
        out.push(s);
    }
    out
}

fn one_each(v: Vec<Vec<String>>) -> Vec<String> {
    v.into_iter().map(|s| s.join("+")).collect()
}

#[test]
fn rising_toll_across_outlets_gives_updates_and_no_conflict() {
    assert_eq!(one_each(statuses("rising")), ["new", "update", "update", "update"]);
}

#[test]
fn two_monitors_on_one_day_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let files = scenario("conflict");
    isnad(&db).arg("ingest").arg(&files[0]).assert().code(0);
    let o = isnad(&db).args(["check", "--format", "jsonl"]).arg(&files[1]).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "a conflict exits 1");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = v["figures"].as_array().unwrap().iter().find(|f| f["status"] == "conflict").expect("a conflict");
    let srcs = v["sources"].as_array().unwrap();
    let own = srcs.iter().find(|s| s["id"] == f["source"]).unwrap()["name"].as_str().unwrap().to_string();
    let other = f["against"][0]["source"].as_str().unwrap().to_string();
    assert!(own.contains("Observatory"), "{own}");
    assert!(other.contains("Network"), "{other}");
    assert!(f["event"]["place"].is_string());
    isnad(&db).arg("ingest").arg(&files[1]).assert().code(1);
    isnad(&db).args(["conflicts"]).assert().code(1).stdout(predicate::str::contains("1 open conflict\n"));
}

#[test]
fn another_source_higher_next_day_is_an_update_lower_the_same_day_a_conflict() {
    assert_eq!(one_each(statuses("nextday")), ["new", "update", "conflict"]);
}

#[test]
fn check_text_shows_the_audit_then_the_store_and_repeats_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let files = scenario("conflict");
    let run = || isnad(&db).args(["check", "--ingest", "--format", "text"]).args(&files).output().unwrap();
    let first = run();
    assert_eq!(first.status.code(), Some(1), "a conflict exits 1");
    let text = String::from_utf8(first.stdout.clone()).unwrap();
    for want in ["the Syrian Observatory for Human Rights (rights_monitor)", "  figures:", "killed 1100", "checked against the store:", "— conflict:"] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    // once stored, an article's check is its record from when it came in, not a
    // comparison with what came after it
    let second = run();
    assert_eq!(second.stdout, first.stdout);
    let o = isnad(&db).args(["check", "--format", "jsonl"]).arg(&files[0]).output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["figures"][0]["status"], "new", "the first article stays new although a conflicting one came later");
}

#[test]
fn same_source_decrease_is_a_revision() {
    assert_eq!(one_each(statuses("revision")), ["new", "revision_down"]);
}

#[test]
fn old_figure_repeated_later_is_stale() {
    assert_eq!(one_each(statuses("stale")), ["new", "update", "stale"]);
}

#[test]
fn campaign_total_is_not_matched_to_an_incident() {
    assert_eq!(one_each(statuses("campaign")), ["new", "new"]);
}

#[test]
fn tolls_of_no_place_match_by_the_words_that_tell_the_incident() {
    // a paraphrase is the same incident; another incident is new; a lower toll of
    // an incident known only by its description is never a conflict
    assert_eq!(one_each(statuses("described")), ["new", "consistent", "new", "stale"]);
}

#[test]
fn a_toll_told_of_a_province_finds_the_toll_of_a_town_only_geonames_knows() {
    assert_eq!(one_each(statuses("inside")), ["new", "consistent"]);
}

#[test]
fn arabic_and_english_articles_match_through_the_gazetteer() {
    assert_eq!(one_each(statuses("crosslang")), ["new", "consistent"]);
}

#[test]
fn at_least_400_is_consistent_with_426() {
    assert_eq!(one_each(statuses("atleast")), ["new", "consistent"]);
}

#[test]
fn ingest_is_idempotent_and_summarises() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/rising");
    let o = isnad(&db).args(["ingest", "--format", "json"]).arg(&dir).output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["new"], 4);
    for k in ["new", "unchanged", "failed", "claims", "figures", "conflicts"] {
        assert!(v[k].is_u64(), "{k} in {v}");
    }
    let o = isnad(&db).args(["ingest", "--format", "json"]).arg(&dir).output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["new"].as_u64(), v["unchanged"].as_u64()), (Some(0), Some(4)));
}

#[test]
fn jsonl_records_with_a_bad_line() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let jl = tmp.path().join("a.jsonl");
    std::fs::write(
        &jl,
        "{\"content\": \"قال الدفاع المدني إن 12 شخصا قتلوا في قصف على حلب.\", \"date\": \"2025-07-01\", \"source\": \"Outlet A\"}\nnot json\n{\"title\": \"no text\"}\n{\"body\": \"Officials said 3 people were killed in Homs.\", \"published\": \"2025-07-02\"}\n",
    )
    .unwrap();
    let o = isnad(&db).args(["ingest", "--format", "json"]).arg(&jl).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("a.jsonl:2: not JSON"), "{err}");
    assert!(err.contains("a.jsonl:3:"), "{err}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["new"].as_u64(), v["failed"].as_u64()), (Some(2), Some(2)));
}

#[test]
fn timeline_and_export_shapes() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    isnad(&db).arg("ingest").args(scenario("rising")).assert().code(0);
    // any name of the place, in either script
    let o = isnad(&db).args(["timeline", "--place", "منبج", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["event"]["place"], "sy-manbij");
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 4);
    let dates: Vec<&str> = entries.iter().map(|e| e["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "entries in date order");
    for k in ["date", "low", "high", "source", "outlet", "article", "title", "status"] {
        assert!(entries[0].get(k).is_some(), "{k}");
    }
    assert_eq!(v["current"]["low"], 15);
    let o = isnad(&db).args(["timeline", "--place", "Manbij", "--format", "csv"]).output().unwrap();
    assert!(String::from_utf8(o.stdout).unwrap().starts_with("\u{FEFF}date,low,high"));
    let o = isnad(&db).args(["export", "--format", "jsonl"]).output().unwrap();
    let types: Vec<String> =
        String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["type"].as_str().unwrap().to_string()).collect();
    for t in ["article", "source", "claim", "figure"] {
        assert!(types.iter().any(|x| x == t), "{t}");
    }
    isnad(&db).args(["sources", "--format", "json"]).assert().code(0).stdout(predicate::str::contains("anonymous_share"));
    isnad(&db).arg("reindex").assert().code(0).stdout(predicate::str::contains("reindexed 4 articles"));
    let o = isnad(&db).args(["timeline", "--place", "منبج", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["entries"].as_array().unwrap().len(), 4, "reindex keeps everything");
}

#[test]
fn a_second_process_gets_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    isnad(&db).arg("ingest").args(scenario("rising")).assert().code(0);
    let held = SledStore::open(&db, Open::Existing).unwrap();
    isnad(&db).args(["conflicts"]).assert().code(2).stderr(predicate::str::contains("database in use by another process"));
    drop(held);
    isnad(&db).args(["conflicts"]).assert().code(0);
}

#[test]
fn a_snapshot_cut_off_while_written_does_not_lock_the_store_out() {
    // what a kill during sled's snapshot leaves: a `.generating` file, half written
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    isnad(&db).arg("ingest").args(scenario("rising")).assert().code(predicate::in_iter([0, 1]));
    let before = check_complete(&db);
    assert!(before > 0);
    std::fs::write(db.join("snap.FFFFFFFFFFFFFFF0.generating"), b"\x01\x02half a snapshot").unwrap();
    assert_eq!(check_complete(&db), before);
    assert!(!db.join("snap.FFFFFFFFFFFFFFF0.generating").exists());
    isnad(&db).args(["conflicts"]).assert().code(predicate::in_iter([0, 1]));
}

#[test]
fn a_newer_schema_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    {
        let s = sled::open(&db).unwrap();
        s.open_tree("meta").unwrap().insert("schema", &99u32.to_be_bytes()).unwrap();
        s.flush().unwrap();
    }
    isnad(&db).args(["conflicts"]).assert().code(2).stderr(predicate::str::contains("written by a newer isnad"));
}

/// Synthetic articles: our own template text, with varied places, sources and tolls.
fn synthetic(n: usize) -> String {
    let places = ["حلب", "إدلب", "حمص", "دير الزور", "الرقة", "درعا", "Aleppo", "Idlib", "Homs", "Raqqa"];
    let sources = ["المرصد السوري لحقوق الإنسان", "الدفاع المدني السوري", "الشبكة السورية لحقوق الإنسان"];
    let mut out = String::new();
    for i in 0..n {
        let p = places[i % places.len()];
        let s = sources[i % sources.len()];
        let day = 1 + (i % 27);
        let toll = 3 + (i * 7) % 90;
        let text = if p.is_ascii() {
            format!("An airstrike on {p} killed {toll} people on Monday, according to the Syrian Observatory for Human Rights. Residents said rescue work went on through the night (item {i}).")
        } else {
            format!("قال {s} إن {toll} شخصا قتلوا في غارة على {p}، وأضاف أن فرق الإنقاذ ما زالت تبحث عن ناجين (رقم {i}).")
        };
        out.push_str(&serde_json::json!({"text": text, "date": format!("2025-07-{day:02}"), "outlet": format!("Outlet {}", i % 5)}).to_string());
        out.push('\n');
    }
    out
}

/// sled lets go of its lock file when its flusher thread ends, a moment after
/// the store is dropped or its process killed: a store opened right after one
/// is closed may wait a little.
fn patiently<T, E: std::fmt::Debug>(open: impl Fn() -> Result<T, E>) -> Result<T, E> {
    for _ in 0..50 {
        match open() {
            Err(e) if format!("{e:?}").contains("lock") || format!("{e:?}").contains("InUse") => std::thread::sleep(Duration::from_millis(40)),
            r => return r,
        }
    }
    open()
}

fn check_complete(db: &Path) -> usize {
    // killed before it created the database: nothing stored, nothing half-written
    let s = match patiently(|| SledStore::open(db, Open::Existing)) {
        Err(isnad::store::StoreError::Missing(_)) => return 0,
        s => s.unwrap(),
    };
    let mut n = 0;
    for a in s.articles() {
        let a = a.expect("every stored article reads back whole");
        for f in &a.figures {
            if let Some(day) = f.day {
                let found = s.latest_between(&f.event_key(), day, day, usize::MAX).unwrap();
                assert!(found.iter().any(|x| x.article == a.id && x.idx == f.idx), "index entry missing for {}", a.id);
            }
        }
        n += 1;
    }
    n
}

#[test]
fn kill_nine_during_ingest_leaves_articles_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let jl = tmp.path().join("big.jsonl");
    std::fs::write(&jl, synthetic(1500)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("isnad");
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    for _ in 0..50 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = 5 + seed % 250;
        let mut child = Proc::new(&bin).arg("--db").arg(&db).arg("ingest").arg(&jl).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        check_complete(&db);
    }
    // a last ingest completes the set
    isnad(&db).arg("ingest").arg(&jl).assert().code(predicate::in_iter([0, 1]));
    assert_eq!(check_complete(&db), 1500);
}

#[test]
fn two_ingests_at_once_one_waits_out_with_an_error_and_nothing_is_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let jl = tmp.path().join("big.jsonl");
    std::fs::write(&jl, synthetic(3000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("isnad");
    let mut first = Proc::new(&bin).arg("--db").arg(&db).arg("ingest").arg(&jl).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let second = Proc::new(&bin).arg("--db").arg(&db).arg("ingest").arg(&jl).output().unwrap();
    let st = first.wait().unwrap();
    assert!(st.code().is_some_and(|c| c < 2));
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("database in use by another process"));
    assert_eq!(check_complete(&db), 3000);
}

/// Every article is stored once with its figures indexed once, and the source
/// records count exactly what the stored articles say.
fn check_consistent(db: &Path) -> usize {
    let n = check_complete(db);
    let s = patiently(|| SledStore::open(db, Open::Existing)).unwrap();
    let (mut figures, mut claims_with_source) = (0usize, 0u64);
    let mut by_source: std::collections::HashMap<String, u64> = Default::default();
    for a in s.articles() {
        let a = a.unwrap();
        figures += a.figures.iter().filter(|f| f.day.is_some()).count();
        for c in a.claims.iter().filter_map(|c| c.source.clone()) {
            claims_with_source += 1;
            *by_source.entry(c).or_default() += 1;
        }
    }
    let recorded: u64 = s.sources().map(|r| r.unwrap().claims).sum();
    assert_eq!(recorded, claims_with_source, "source records count each stored claim once");
    for (k, n) in by_source {
        assert_eq!(s.source(&k).unwrap().map(|r| r.claims), Some(n), "{k}");
    }
    drop(s);
    let raw = patiently(|| sled::open(db)).unwrap();
    assert_eq!(raw.open_tree("by_event").unwrap().len(), figures, "one index entry per dated figure");
    n
}

#[test]
fn kill_nine_during_reindex_loses_nothing_and_a_second_reindex_finishes() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let jl = tmp.path().join("big.jsonl");
    std::fs::write(&jl, synthetic(1500)).unwrap();
    isnad(&db).arg("ingest").arg(&jl).assert().code(predicate::in_iter([0, 1]));
    assert_eq!(check_consistent(&db), 1500);
    let bin = assert_cmd::cargo::cargo_bin("isnad");
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    for _ in 0..10 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = 5 + seed % 250;
        let mut child = Proc::new(&bin).arg("--db").arg(&db).arg("reindex").stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        assert_eq!(check_consistent(&db), 1500, "no article lost or doubled");
    }
    isnad(&db).arg("reindex").assert().code(0).stdout(predicate::str::contains("reindexed 1500 articles"));
    assert_eq!(check_consistent(&db), 1500);
}

/// A car bombing outside Syria (Mardan, a town only the GeoNames gazetteer
/// knows), told by 14 outlets in two languages: the toll rises through the
/// first days, settles on 27, and one outlet republishes the first day's 9.
#[test]
fn a_bombing_abroad_settles_on_the_final_toll_and_flags_the_republished_one() {
    let got = one_each(statuses("abroad"));
    assert_eq!(
        got,
        [
            "new+new",
            "consistent",
            "update",
            "update",
            "update",
            "update",
            "consistent",
            "stale",
            "consistent",
            "consistent",
            "consistent",
            "consistent",
            "consistent",
            "consistent"
        ],
    );
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    isnad(&db).arg("ingest").args(scenario("abroad")).assert().code(predicates::ord::lt(2));
    isnad(&db).args(["timeline", "--place", "مردان"]).assert().success().stdout(predicates::str::contains("Mardan (1170880) — killed, current range 27\n"));
    let o = isnad(&db).args(["events", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!((events[0]["articles"].as_u64(), events[0]["killed"]["low"].as_u64(), events[0]["killed"]["high"].as_u64()), (Some(14), Some(27), Some(27)));
}
