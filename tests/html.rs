//! The HTML report and the CSV export: structure, escaping (a hostile fixture
//! must render as text and run nothing), and a CSV that round-trips. With
//! Chromium installed (`.ci/run` installs Debian's), the page is loaded in a real
//! headless browser: the DOM is checked and a screenshot is written to
//! target/screenshots/.

use std::path::{Path, PathBuf};
use std::process::Command as Proc;

use assert_cmd::Command;

const AR: &str = "tests/fixtures/ar/03-suwayda-clashes.md";
const EN: &str = "tests/fixtures/en/03-gaza-aid-site-shooting.md";
const XSS: &str = "tests/fixtures/xss/payloads.md";

fn html(files: &[&str]) -> String {
    let o = Command::cargo_bin("isnad").unwrap().args(["audit", "--format", "html"]).args(files).output().unwrap();
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn one_self_contained_page_with_contents() {
    let h = html(&[AR, EN]);
    assert!(h.starts_with("<!doctype html>"));
    assert!(h.contains("<nav class=\"toc\">"), "several files get a table of contents");
    for bad in ["<script", "<link", "src=\"http", "@import", "url("] {
        assert!(!h.contains(bad), "external or active content: {bad}");
    }
    assert!(h.contains("lang=\"ar\" dir=\"rtl\""));
    assert!(h.contains("lang=\"en\" dir=\"ltr\""));
    assert!(h.contains("@media print"));
}

#[test]
fn claims_are_highlighted_with_their_source_and_cue() {
    let h = html(&[AR]);
    let claims = h.matches("class=\"claim ").count();
    assert!(claims >= 8, "{claims} claim highlights");
    assert!(h.contains("data-source=\"الرئيس السوري أحمد الشرع\""));
    assert!(h.contains("class=\"cue\""));
    assert!(h.contains("tabindex=\"0\""), "claims take keyboard focus for their details");
    assert!(h.contains("data-tip=\""));
    assert!(h.contains("<mark class=\"fig\""), "figures are marked");
    assert!(h.contains("class=\"legend\""));
    assert!(h.contains("<section class=\"findings\""));
    assert!(h.contains("href=\"#a1-f1\"") && h.contains("id=\"a1-f1\""), "findings link to their place");
}

#[test]
fn hostile_text_renders_as_text() {
    let h = html(&[XSS]);
    assert!(!h.contains("<script"), "no script element");
    assert!(!h.contains("<img"), "no injected element");
    assert!(h.contains("&lt;script&gt;"));
    assert!(h.contains("&quot;&gt;&lt;img src=x onerror="));
    assert!(h.contains("<span class=\"ctl\">U+202E</span>"), "bidi overrides are shown, not obeyed");
    assert!(!h.contains('\u{202E}'));
}

#[test]
fn csv_round_trips() {
    let o = Command::cargo_bin("isnad").unwrap().args(["audit", "--format", "csv", AR, EN, XSS]).output().unwrap();
    let bytes = o.stdout;
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "a BOM for Excel");
    let mut rd = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    // the columns the README documents
    let documented = [
        "path",
        "kind",
        "id",
        "line",
        "col",
        "start",
        "end",
        "mode",
        "cue",
        "stance",
        "source",
        "source_kind",
        "anonymous",
        "via",
        "category",
        "low",
        "high",
        "vague",
        "group",
        "place",
        "as_of",
        "text",
    ];
    assert_eq!(header, documented);
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    // the same rows as the JSON: one per claim and per figure
    let o = Command::cargo_bin("isnad").unwrap().args(["audit", "--format", "jsonl", AR, EN, XSS]).output().unwrap();
    let mut want = Vec::new();
    for l in String::from_utf8(o.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        for c in v["claims"].as_array().unwrap() {
            want.push(("claim".to_string(), c["id"].as_str().unwrap().to_string(), c["text"].as_str().unwrap().to_string()));
        }
        for f in v["figures"].as_array().unwrap() {
            want.push(("figure".to_string(), f["id"].as_str().unwrap().to_string(), f["text"].as_str().unwrap().to_string()));
        }
    }
    let got: Vec<(String, String, String)> = rows.iter().map(|r| (r[1].to_string(), r[2].to_string(), r[21].to_string())).collect();
    let mut want_sorted = want.clone();
    want_sorted.sort();
    let mut got_sorted = got.clone();
    got_sorted.sort();
    assert_eq!(got_sorted, want_sorted);
}

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].iter().map(PathBuf::from).find(|p| p.exists())
}

fn headless(chrome: &Path, extra: &[&str], page: &Path, profile: &Path) -> std::process::Output {
    Proc::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap()
}

#[test]
fn a_real_browser_loads_the_report() {
    let Some(chrome) = chromium() else {
        // CI installs Chromium and must not skip; a developer machine without it still runs the rest
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium (.ci/run does)");
        eprintln!("chromium not installed: browser test skipped");
        return;
    };
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out_dir).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    for (name, files) in [("ar", vec![AR]), ("en", vec![EN]), ("xss", vec![XSS])] {
        let page = tmp.path().join(format!("{name}.html"));
        std::fs::write(&page, html(&files)).unwrap();
        let o = headless(&chrome, &["--dump-dom"], &page, &tmp.path().join(format!("p-{name}")));
        let dom = String::from_utf8_lossy(&o.stdout).to_string();
        assert!(dom.contains("class=\"claim "), "{name}: the browser's DOM has claim highlights");
        assert!(!dom.contains("<body data-pwned"), "{name}: a script ran");
        assert!(!dom.contains("<script"), "{name}: a script element exists");
        assert!(!dom.contains("<img"), "{name}: an injected element exists");
        let highlights: Vec<&str> = dom.split("data-claim=\"").skip(1).map(|s| &s[..s.find('>').unwrap_or(s.len())]).collect();
        assert!(!highlights.is_empty(), "{name}: no claim highlights");
        for tag in highlights {
            assert!(tag.contains("data-source="), "{name}: a highlight without its source");
        }
        if name == "ar" {
            assert!(dom.contains("dir=\"rtl\""));
        }
        let shot = out_dir.join(format!("audit-{name}.png"));
        let _ = std::fs::remove_file(&shot);
        headless(&chrome, &[&format!("--screenshot={}", shot.display()), "--window-size=1100,1400"], &page, &tmp.path().join(format!("s-{name}")));
        assert!(std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false), "{name}: no screenshot");
    }
}

fn ingest_conflict(db: &Path) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/conflict");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    Command::cargo_bin("isnad").unwrap().env_remove("ISNAD_DB").arg("--db").arg(db).arg("ingest").args(&files).assert().code(predicates::ord::lt(2));
}

#[test]
fn timeline_svg_has_a_series_per_source_and_a_conflict_marker() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    ingest_conflict(&db);
    let o = Command::cargo_bin("isnad").unwrap().arg("--db").arg(&db).args(["timeline", "--place", "Sweida", "--format", "svg"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = String::from_utf8(o.stdout).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let mut sources: Vec<&str> = doc.descendants().filter(|n| n.attribute("class") == Some("series")).map(|n| n.attribute("data-source").unwrap()).collect();
    sources.sort();
    assert_eq!(sources, ["Syrian Network for Human Rights", "Syrian Observatory for Human Rights"]);
    let conflicts = doc.descendants().filter(|n| n.attribute("class") == Some("conflict")).count();
    assert!(conflicts >= 1, "a conflict marker");
    assert_eq!(doc.descendants().filter(|n| n.attribute("class") == Some("current")).count(), 1, "the current range is shaded");
    // the HTML wrapper carries the same chart
    let o = Command::cargo_bin("isnad").unwrap().arg("--db").arg(&db).args(["timeline", "--place", "السويداء", "--format", "html"]).output().unwrap();
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.starts_with("<!doctype html>") && page.contains("<svg") && page.contains("class=\"conflict\""));
}

#[test]
fn claimreview_export_for_a_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    ingest_conflict(&db);
    let o = Command::cargo_bin("isnad").unwrap().arg("--db").arg(&db).args(["export", "--format", "claimreview"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON-LD");
    let items = v.as_array().or_else(|| v["@graph"].as_array()).expect("a list of reviews");
    assert!(!items.is_empty(), "the conflicting figure is reviewed");
    for r in items {
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert!(r["itemReviewed"]["author"]["name"].as_str().unwrap().contains("Syrian"));
        assert!(r["itemReviewed"]["appearance"].to_string().contains("https://example.org/conflict/"));
        assert_eq!(r["inLanguage"], "en");
    }
}
