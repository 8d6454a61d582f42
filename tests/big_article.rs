//! A 36 MB article of real text: read in parts, it stays within 400 MB of
//! memory and costs about what small articles cost per byte. Alone in its test
//! binary so that the process's peak memory is this audit's.

use isnad::{audit, input, LangChoice, Rules};

/// Peak resident memory of this process in MB (Linux), if known.
fn peak_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[test]
fn a_36_mb_article_stays_under_400_mb() {
    let rules = Rules::builtin().unwrap();
    let mut one = String::new();
    for dir in ["tests/fixtures/ar", "tests/fixtures/en"] {
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let t = std::fs::read_to_string(f).unwrap();
            // the body only: front matter inside an article is text, not metadata
            one.push_str(t.rsplit("\n---\n").next().unwrap());
            one.push_str("\n\n");
        }
    }
    let text = one.repeat(36_000_000 / one.len() + 1);
    assert!(text.len() >= 36_000_000);
    let art = input::parse_bytes("big.txt".into(), text.into_bytes()).unwrap();
    let a = audit(&art, &rules, LangChoice::Auto);
    assert!(a.claims.len() > 10_000, "{} claims", a.claims.len());
    // every id is unique after the parts are merged
    let ids: std::collections::HashSet<_> = a.claims.iter().map(|c| &c.id).collect();
    assert_eq!(ids.len(), a.claims.len());
    assert!(a.claims.windows(2).all(|w| w[0].start <= w[1].start), "claims in text order");
    if let Some(mb) = peak_mb() {
        assert!(mb < 400.0, "peak memory {mb:.0} MB");
    }
}
