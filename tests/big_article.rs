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

/// A writer that keeps only the size of its largest write and the total.
#[derive(Default)]
struct Largest {
    largest: usize,
    total: usize,
}

impl std::io::Write for Largest {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.largest = self.largest.max(b.len());
        self.total += b.len();
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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
    // written out as the command line writes it: JSON Lines streams (about
    // 70 MB here); a reporter that built the line in memory first would show
    let mut rep = isnad::report::reporter(isnad::report::Format::Jsonl);
    let mut sink = Largest::default();
    rep.article(&mut sink, &a, &art.text).unwrap();
    assert!(sink.total > 50_000_000, "{} bytes of JSON", sink.total);
    assert!(sink.largest < 1 << 20, "one write of {} bytes: the line was held in memory", sink.largest);
    if let Some(mb) = peak_mb() {
        eprintln!("peak memory {mb:.0} MB");
        assert!(mb < 400.0, "peak memory {mb:.0} MB");
    }
}
