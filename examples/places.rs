//! Debugging aid: the places a text names, as the figures see them.
//! `cargo run --release --example places -- ar FILE`
use isnad::attribution::Ctx;
use isnad::rules::Lang;
use isnad::Rules;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = if args.get(1).map(String::as_str) == Some("en") { Lang::En } else { Lang::Ar };
    let text = std::fs::read_to_string(&args[2]).expect("a readable file");
    let rules = Rules::builtin().expect("rules");
    let lr = rules.lang(lang);
    let norm = isnad::text::Normalised::new(&text);
    let hits = rules.matcher(lang).find(&norm.text);
    let seg = isnad::text::segment(&norm.text, &lr.abbreviations, &lr.morph.prefixes);
    let ctx = Ctx::new(&norm.text, &seg, &hits, lr, &rules.registry).with_world(rules.world());
    for p in isnad::figures::places::named(&ctx, &rules) {
        println!("{:>5} {:<14} rank={} weak={} {:?} {}", p.tok, p.id, p.rank, p.weak, ctx.word(p.tok), p.name);
    }
}
