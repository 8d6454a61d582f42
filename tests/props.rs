//! Properties that hold for any input: spans lie on character boundaries inside
//! the text, normalisation is idempotent, nothing panics. Plus the hostile
//! inputs the issue names (they must finish; speed is measured in benches).

use isnad::text::{fold, Normalised};
use isnad::{audit, input, LangChoice, Rules};
use proptest::prelude::*;
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules::builtin().unwrap())
}

/// Text built from news-like pieces, marks, controls and odd characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("قال".to_string()),
        Just("وأكدت المصادر أن".to_string()),
        Just("وفق المرصد السوري لحقوق الإنسان".to_string()),
        Just(" said ".to_string()),
        Just("according to the ministry".to_string()),
        Just("\"".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("\u{FD3F}".to_string()),
        Just(":".to_string()),
        Just("،".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{200F}".to_string()),
        Just("\u{0640}".to_string()),
        Just("\u{064B}".to_string()),
        Just("ﻻ".to_string()),
        Just("٤٢٦".to_string()),
        Just("---\n".to_string()),
        any::<String>(),
        "[a-zA-Z ]{1,12}",
        "[\u{0600}-\u{06FF} ]{1,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn normalisation_is_idempotent(s in newsy()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone());
        let n = Normalised::new(&s);
        prop_assert_eq!(&n.text, &once);
    }

    #[test]
    fn normalised_spans_map_to_boundaries(s in newsy(), a in 0usize..200, b in 0usize..200) {
        let n = Normalised::new(&s);
        let len = n.text.len();
        let (mut a, mut b) = (a.min(len), b.min(len));
        if a > b { std::mem::swap(&mut a, &mut b); }
        while !n.text.is_char_boundary(a) { a -= 1; }
        while !n.text.is_char_boundary(b) { b += 1; }
        let (x, y) = n.orig_span(a, b);
        prop_assert!(x <= y && y <= s.len());
        prop_assert!(s.is_char_boundary(x) && s.is_char_boundary(y));
    }

    #[test]
    fn audit_never_panics_and_spans_are_valid(s in newsy(), ar in any::<bool>()) {
        let Ok(art) = input::parse_bytes("p.txt".into(), s.clone().into_bytes()) else { return Ok(()) };
        let lang = if ar { isnad::Lang::Ar } else { isnad::Lang::En };
        let a = audit(&art, rules(), LangChoice::Fixed(lang));
        let t = &art.text;
        let ok = |x: usize, y: usize| x <= y && y <= t.len() && t.is_char_boundary(x) && t.is_char_boundary(y);
        for c in &a.claims {
            prop_assert!(ok(c.start, c.end), "claim {:?}", c);
            prop_assert_eq!(&t[c.start..c.end], c.text.as_str());
            if let Some([x, y]) = c.cue_span { prop_assert!(ok(x, y)); }
            if let Some([x, y]) = c.source_mention { prop_assert!(ok(x, y)); }
        }
        for s in &a.sources {
            for m in &s.mentions { prop_assert!(ok(m[0], m[1])); }
        }
        for f in &a.findings {
            prop_assert!(ok(f.start, f.end));
        }
    }
}

fn run(text: String) -> isnad::Audit {
    let art = input::parse_bytes("big.txt".into(), text.into_bytes()).unwrap();
    audit(&art, rules(), LangChoice::Auto)
}

#[test]
fn ten_thousand_quote_marks_in_one_paragraph() {
    let mut s = String::from("He said ");
    for i in 0..10_000 {
        s.push(if i % 3 == 0 {
            '"'
        } else if i % 3 == 1 {
            '«'
        } else {
            '“'
        });
        s.push_str(" word ");
    }
    let a = run(s);
    assert!(a.stats.claims < 10_000);
}

#[test]
fn twenty_megabytes_on_one_line() {
    let unit = "وقال المصدر إن \"الوضع هادئ\" وفق المرصد، ";
    let n = 20 * 1024 * 1024 / unit.len();
    let s = unit.repeat(n);
    assert!(s.len() >= 19 * 1024 * 1024);
    let a = run(s);
    assert!(a.doc.bytes >= 19 * 1024 * 1024);
}

#[test]
fn only_punctuation() {
    let s = ".,;:!?\"'«»“”()[]{}-–—…،؛؟ ".repeat(5000);
    let a = run(s);
    assert!(a.claims.is_empty());
}
