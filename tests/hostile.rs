//! Hostile inputs cost what real text costs, per byte. Each case is timed
//! against real-sized ordinary text in the same process, so the test compares
//! per-byte cost, not wall time on one machine; a quadratic stage makes the
//! ratio grow with the input and fail.

use isnad::{audit, input, LangChoice, Rules};
use std::time::Instant;

fn rules() -> &'static Rules {
    use std::sync::OnceLock;
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules::builtin().expect("built-in rules load"))
}

/// Seconds per megabyte for one audit of `text`, the best of `runs`.
fn cost(text: &str, runs: usize) -> f64 {
    let mb = text.len() as f64 / 1e6;
    (0..runs)
        .map(|_| {
            let art = input::parse_bytes("case.txt".into(), text.as_bytes().to_vec()).unwrap();
            let t = Instant::now();
            let a = audit(&art, rules(), LangChoice::Auto);
            std::hint::black_box(a.claims.len());
            t.elapsed().as_secs_f64() / mb
        })
        .fold(f64::INFINITY, f64::min)
}

/// Ordinary text: the fixture articles, repeated to about a megabyte.
fn real_text() -> String {
    let mut one = String::new();
    for dir in ["tests/fixtures/en", "tests/fixtures/ar"] {
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            one.push_str(&std::fs::read_to_string(f).unwrap());
            one.push_str("\n\n");
        }
    }
    one.repeat(1_000_000 / one.len() + 1)
}

fn marks() -> String {
    let mut s = String::from("He said ");
    s.push_str(&"\u{201C} word ".repeat(10_000));
    s.push_str(&"« كلمة ".repeat(10_000));
    s
}

#[test]
fn hostile_inputs_cost_at_most_five_times_real_text_per_byte() {
    let base = cost(&real_text(), 3);
    let line = real_text().replace('\n', " ");
    let cases: Vec<(&str, String)> = vec![
        ("500 KB of 'said '", "said ".repeat(100_000)),
        ("1 MB of «قال إن وأضاف أن وأكد»", "قال إن وأضاف أن وأكد ".repeat(1 << 20 >> 5)),
        ("1 MB of 'according to the ministry, '", "according to the ministry, ".repeat(39_000)),
        ("10,000 “ then 10,000 «", marks()),
        ("1 MB single line of real text", line),
    ];
    let mut report = Vec::new();
    for (name, text) in &cases {
        let c = cost(text, 2);
        report.push(format!("{name}: {:.1}× real text per byte", c / base));
        // tiny inputs are dominated by fixed costs; judge them by a floor of 1 ms/MB
        assert!(c <= 5.0 * base.max(0.001), "{name} costs {:.1}× real text per byte\n{}", c / base, report.join("\n"));
    }
    eprintln!("{}", report.join("\n"));
}
