//! Time each pipeline stage over a folder of articles: `cargo run --release --example stages -- DIR`
use isnad::attribution::ctx::Ctx;
use isnad::rules::Lang;
use isnad::Rules;
use std::time::{Duration, Instant};

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let t0 = Instant::now();
    let rules = Rules::builtin().expect("rules");
    let _ = rules.world();
    let _ = rules.matcher(Lang::Ar);
    let _ = rules.matcher(Lang::En);
    let setup = t0.elapsed();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut t = [Duration::ZERO; 8];
    let names = ["read", "normalise", "segment", "match", "ctx", "attribution", "figures", "audit+json"];
    let mut sink = 0usize;
    for p in &paths {
        let s = Instant::now();
        let art = isnad::input::read_file(p).unwrap();
        t[0] += s.elapsed();
        let body = &art.text[art.body_start..];
        let lang = if body.chars().any(|c| ('\u{600}'..'\u{6ff}').contains(&c)) { Lang::Ar } else { Lang::En };
        let lr = rules.lang(lang);
        let s = Instant::now();
        let norm = isnad::text::Normalised::new(body);
        t[1] += s.elapsed();
        let s = Instant::now();
        let seg = isnad::text::segment(&norm.text, &lr.abbreviations, &lr.morph.prefixes);
        t[2] += s.elapsed();
        let s = Instant::now();
        let scan = rules.matcher(lang).scan(&norm.text);
        t[3] += s.elapsed();
        let s = Instant::now();
        let ctx = Ctx::new(&norm.text, &seg, &scan.hits, lr, &rules.registry).with_words(&scan.words).with_world(rules.world());
        t[4] += s.elapsed();
        let s = Instant::now();
        let ext = isnad::attribution::extract(&ctx);
        t[5] += s.elapsed();
        let s = Instant::now();
        let found = isnad::figures::extract(&ctx, &ext.claims, None, &rules);
        t[6] += s.elapsed();
        sink += found.len() + ext.claims.len();
        let s = Instant::now();
        let a = isnad::audit(&art, &rules, isnad::LangChoice::Auto);
        sink += serde_json::to_string(&a).unwrap().len();
        t[7] += s.elapsed();
    }
    println!("setup {setup:?} ({sink})");
    for (n, d) in names.iter().zip(t) {
        println!("{n:>12} {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
}
