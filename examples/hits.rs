//! Debugging aid: the rule hits of a text. `cargo run --release --example hits -- ar "نص"`
use isnad::rules::Lang;
use isnad::Rules;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = if args.get(1).map(String::as_str) == Some("en") { Lang::En } else { Lang::Ar };
    let rules = Rules::builtin().expect("rules");
    let norm = isnad::text::Normalised::new(&args[2]);
    for h in rules.matcher(lang).find(&norm.text) {
        println!("{:>4}..{:<4} {:?} {:?} prep={:?} def={}", h.start, h.end, &norm.text[h.start..h.end], h.entry, h.prep, h.definite);
    }
}
