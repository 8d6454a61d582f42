//! Store benchmarks with a synthetic corpus generator (our own template text):
//! - ingest rate (articles/s) of real-sized articles;
//! - `check` latency of one article against a store of N figures (p50, p99);
//! - the store's size per article.
//!
//! `cargo bench --bench store` (N = ISNAD_BENCH_FIGURES, default 1,000,000).

use std::time::Instant;

use isnad::input::Article;
use isnad::store::check;
use isnad::store::db::Open;
use isnad::store::gazetteer::Gazetteer;
use isnad::store::resolve::SourceResolver;
use isnad::store::{SledStore, Store};
use isnad::{audit, input, LangChoice, Rules};

const PLACES: &[&str] = &[
    "حلب",
    "إدلب",
    "حمص",
    "حماة",
    "دير الزور",
    "الرقة",
    "درعا",
    "اللاذقية",
    "طرطوس",
    "منبج",
    "الموصل",
    "كركوك",
    "أربيل",
    "الفلوجة",
    "تكريت",
    "عدن",
    "تعز",
    "الحديدة",
    "مأرب",
    "صنعاء",
];
const SOURCES: &[&str] = &["المرصد السوري لحقوق الإنسان", "الدفاع المدني السوري", "الشبكة السورية لحقوق الإنسان", "مصادر طبية", "وزارة الصحة"];
/// Narration, as most of a news article is: no cue, no figure.
const FILLER: &str = "وواصلت فرق الإنقاذ البحث بين الأنقاض حتى ساعات الفجر، فيما أغلقت قوات الأمن الطرق المؤدية إلى المنطقة ومنعت السيارات من الاقتراب من الموقع. ";

/// A real-sized article (about 4 KB) with three casualty figures.
fn article(i: usize) -> Article {
    let p = PLACES[i % PLACES.len()];
    let s = SOURCES[(i / 7) % SOURCES.len()];
    let day = i % 365;
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(day as i64);
    let (k, w, d) = (3 + (i * 7) % 97, 5 + (i * 11) % 200, 10 + (i * 13) % 900);
    // a real-sized article (about 4 KB): a lead with three figures and a handful of
    // claims, then narration
    let text = format!(
        "قال {s} إن {k} شخصا قتلوا وأصيب {w} آخرون في غارة على مدينة {p}، مضيفا أن {d} عائلة نزحت من الأحياء المجاورة (رقم {i}).\n\nوأكد شهود عيان أن الغارة وقعت قرابة الفجر. وقال مسؤول محلي إن المدارس أغلقت أبوابها.\n\n{}\n\nوذكرت مصادر طبية أن المستشفى الوحيد في المدينة يعمل بطاقة محدودة.",
        FILLER.repeat(12)
    );
    let body = format!("---\noutlet: Outlet {}\ndate: {date}\n---\n{text}", i % 9);
    input::parse_bytes(format!("synthetic-{i}.md"), body.into_bytes()).unwrap()
}

/// `ISNAD_BENCH_JSONL=out.jsonl ISNAD_BENCH_MB=1024`: write that much JSON Lines of
/// synthetic articles (for the CLI ingest and memory measurements) and stop.
fn write_jsonl(path: &str, mb: usize) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let (mut written, mut i) = (0usize, 0usize);
    while written < mb << 20 {
        let a = article(i);
        let line = serde_json::json!({"text": &a.text[a.body_start..], "date": a.meta.date, "outlet": a.meta.outlet}).to_string();
        writeln!(f, "{line}").unwrap();
        written += line.len() + 1;
        i += 1;
    }
    eprintln!("wrote {i} articles, {written} bytes to {path}");
}

fn main() {
    if let Ok(path) = std::env::var("ISNAD_BENCH_JSONL") {
        let mb = std::env::var("ISNAD_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
        write_jsonl(&path, mb);
        return;
    }
    let rules = Rules::builtin().unwrap();
    // `ISNAD_BENCH_DB=path`: measure `check` against a store built by `isnad ingest`
    if let Ok(path) = std::env::var("ISNAD_BENCH_DB") {
        let store = SledStore::open(std::path::Path::new(&path), Open::Existing).unwrap();
        let figures: usize = store.articles().filter_map(Result::ok).map(|a| a.figures.len()).sum();
        latency(&rules, &store, figures, store.article_count() + 1);
        return;
    }
    let n_figures: usize = std::env::var("ISNAD_BENCH_FIGURES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let n_articles = n_figures.div_ceil(3);
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(&dir.path().join("db"), Open::Create).unwrap();
    let gaz = Gazetteer::new(&rules);
    let mut resolver = SourceResolver::new(&store, &rules).unwrap();

    // ingest: audit + check + one transaction per article
    let t = Instant::now();
    let mut bytes = 0usize;
    let mut figures = 0usize;
    let mut last_report = Instant::now();
    for i in 0..n_articles {
        let art = article(i);
        bytes += art.text.len();
        let a = audit(&art, &rules, LangChoice::Auto);
        figures += a.figures.len();
        let c = check::check(&store, &rules, &gaz, &mut resolver, &art, &a).unwrap();
        let src = check::merge_sources(&store, &c.sources, None).unwrap();
        store.put(&c.stored, &src).unwrap();
        if last_report.elapsed().as_secs() >= 30 {
            eprintln!("  … {i} articles, {:.0}/s", i as f64 / t.elapsed().as_secs_f64());
            last_report = Instant::now();
        }
    }
    store.flush().unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "ingest: {n_articles} articles ({:.1} MiB, {figures} figures) in {secs:.1} s = {:.0} articles/s",
        bytes as f64 / 1048576.0,
        n_articles as f64 / secs
    );
    let size = store.size_on_disk();
    println!("store size: {:.1} MiB on disk, {:.1} KiB per article", size as f64 / 1048576.0, size as f64 / 1024.0 / n_articles as f64);

    latency(&rules, &store, figures, n_articles);
}

/// Check one new article at a time against the store; p50 and p99 of 1000.
fn latency(rules: &Rules, store: &SledStore, figures: usize, n_articles: usize) {
    let gaz = Gazetteer::new(rules);
    let mut resolver = SourceResolver::new(store, rules).unwrap();
    let mut lat = Vec::new();
    for j in 0..1000 {
        let art = article(n_articles + j * 37);
        let a = audit(&art, rules, LangChoice::Auto);
        let t = Instant::now();
        let c = check::check(store, rules, &gaz, &mut resolver, &art, &a).unwrap();
        lat.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(c.figures.len(), a.figures.len());
    }
    lat.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "check against {figures} figures: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms (the audit itself excluded)",
        lat[lat.len() / 2],
        lat[lat.len() * 99 / 100],
        lat[lat.len() - 1]
    );
}
