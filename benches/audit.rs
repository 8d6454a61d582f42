//! Throughput of `audit` over many real-sized articles, and rule loading time.
//!
//! Articles: the bundled fixtures, plus the SaudiNewsNet and FA-KES corpora when
//! ../shared is beside the checkout (evaluation data, read at run time only).
//! Run: `cargo bench --bench audit`. Criterion prints MiB/s for each group.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use isnad::{audit, input, LangChoice, Rules};

fn fixtures() -> Vec<String> {
    let mut out = Vec::new();
    for lang in ["ar", "en"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(lang);
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "md") && !p.ends_with("COVERAGE.md") {
                out.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    out
}

fn shared_corpus() -> Option<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let jsonl = std::fs::read_to_string(root.join("saudinewsnet-casualty/casualty_articles.jsonl")).ok()?;
    let mut out: Vec<String> = jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["content"].as_str().map(String::from))
        .filter(|t| !t.trim().is_empty())
        .collect();
    if let Ok(mut rd) = csv::Reader::from_path(root.join("fakes-syria/FA-KES-Dataset.csv")) {
        for row in rd.records().flatten() {
            if let (Some(title), Some(body)) = (row.get(1), row.get(2)) {
                out.push(format!("{title}\n\n{body}"));
            }
        }
    }
    Some(out)
}

fn bench(c: &mut Criterion) {
    let rules = Rules::builtin().unwrap();
    // loading = parsing and checking the YAML, plus compiling one language's matcher
    // (each language's matcher is built on first use)
    c.bench_function("rules/load_builtin_ar", |b| {
        b.iter(|| {
            let r = Rules::builtin().unwrap();
            r.matcher(isnad::Lang::Ar);
            r
        })
    });
    c.bench_function("rules/load_builtin_en", |b| {
        b.iter(|| {
            let r = Rules::builtin().unwrap();
            r.matcher(isnad::Lang::En);
            r
        })
    });

    let mut sets = vec![("fixtures", fixtures())];
    if let Some(real) = shared_corpus() {
        sets.push(("real_corpus", real));
    }
    let mut g = c.benchmark_group("audit");
    g.sample_size(10);
    for (name, texts) in &sets {
        let arts: Vec<_> = texts.iter().enumerate().filter_map(|(i, t)| input::parse_bytes(format!("{i}.txt"), t.clone().into_bytes()).ok()).collect();
        let bytes: usize = arts.iter().map(|a| a.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::new("jsonl", name), &arts, |b, arts| {
            let mut out = Vec::with_capacity(bytes * 2);
            b.iter(|| {
                out.clear();
                for a in arts {
                    let r = audit(a, &rules, LangChoice::Auto);
                    serde_json::to_writer(&mut out, &r).unwrap();
                    out.push(b'\n');
                }
                out.len()
            })
        });
    }
    g.finish();

    // hostile inputs at two sizes each: time must grow in step with the size
    let mut h = c.benchmark_group("hostile");
    h.sample_size(10);
    let unit = "وقال المصدر إن \"الوضع هادئ\" وفق المرصد، ";
    let marks = |n: usize| {
        let mut s = String::from("He said ");
        for i in 0..n {
            s.push(['"', '«', '“'][i % 3]);
            s.push_str(" word ");
        }
        s
    };
    let cases: Vec<(String, String)> = vec![
        ("one_line_1mb".into(), unit.repeat(1 << 20 >> 6)),
        ("one_line_4mb".into(), unit.repeat(4 << 20 >> 6)),
        ("quote_marks_10k".into(), marks(10_000)),
        ("quote_marks_40k".into(), marks(40_000)),
        ("punctuation_100k".into(), ".,;:!?\"'«»“”()-…،؛؟ ".repeat(5_000)),
        ("punctuation_400k".into(), ".,;:!?\"'«»“”()-…،؛؟ ".repeat(20_000)),
    ];
    for (name, text) in cases {
        let art = input::parse_bytes(format!("{name}.txt"), text.into_bytes()).unwrap();
        h.throughput(Throughput::Bytes(art.text.len() as u64));
        h.bench_function(&name, |b| b.iter(|| audit(&art, &rules, LangChoice::Auto).claims.len()));
    }
    h.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
