//! Number reading: random integers from 0 to 10⁹ written out in Arabic words
//! (masculine and feminine) and English words by writers in this file, then read
//! back; and tables of real-world forms (arabic-inventory §4).

use isnad::figures::parse_number;
use isnad::{Lang, Rules};
use proptest::prelude::*;
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules::builtin().unwrap())
}

const AR_UNITS_M: [&str; 11] = ["صفر", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"];
const AR_UNITS_F: [&str; 11] = ["صفر", "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"];
const AR_TENS: [&str; 10] = ["", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"];
const AR_HUNDREDS: [&str; 10] = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"];

/// 1–99 in Arabic words, masculine or feminine counted noun.
fn ar_below_100(n: u64, fem: bool) -> String {
    let units = if fem { AR_UNITS_F } else { AR_UNITS_M };
    match n {
        0..=10 => units[n as usize].to_string(),
        11 => if fem { "إحدى عشرة" } else { "أحد عشر" }.to_string(),
        12 => if fem { "اثنتا عشرة" } else { "اثنا عشر" }.to_string(),
        13..=19 => format!("{} {}", units[(n - 10) as usize], if fem { "عشرة" } else { "عشر" }),
        _ if n % 10 == 0 => AR_TENS[(n / 10) as usize].to_string(),
        _ => format!("{} و{}", units[(n % 10) as usize], AR_TENS[(n / 10) as usize]),
    }
}

fn ar_below_1000(n: u64, fem: bool) -> String {
    let (h, r) = (n / 100, n % 100);
    match (h, r) {
        (0, r) => ar_below_100(r, fem),
        (h, 0) => AR_HUNDREDS[h as usize].to_string(),
        (h, r) => format!("{} و{}", AR_HUNDREDS[h as usize], ar_below_100(r, fem)),
    }
}

/// A group count times a scale: «ألف», «ألفان», «ثلاثة آلاف», «أحد عشر ألفا».
fn ar_scaled(g: u64, one: &str, two: &str, plural: &str) -> String {
    match g {
        1 => one.to_string(),
        2 => two.to_string(),
        3..=10 => format!("{} {plural}", ar_below_100(g, false)),
        _ => format!("{} {one}", ar_below_1000(g, false)),
    }
}

fn ar_words(n: u64, fem: bool) -> String {
    if n == 0 {
        return "صفر".into();
    }
    let mut parts = Vec::new();
    let bil = n / 1_000_000_000;
    let mil = (n / 1_000_000) % 1000;
    let th = (n / 1000) % 1000;
    let rest = n % 1000;
    if bil > 0 {
        parts.push(ar_scaled(bil, "مليار", "ملياران", "مليارات"));
    }
    if mil > 0 {
        parts.push(ar_scaled(mil, "مليون", "مليونان", "ملايين"));
    }
    if th > 0 {
        parts.push(ar_scaled(th, "ألف", "ألفان", "آلاف"));
    }
    if rest > 0 {
        parts.push(ar_below_1000(rest, fem));
    }
    parts.join(" و")
}

const EN_ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn en_below_1000(n: u64) -> String {
    let (h, r) = (n / 100, n % 100);
    let low = match r {
        0 => String::new(),
        1..=19 => EN_ONES[r as usize].to_string(),
        _ if r % 10 == 0 => EN_TENS[(r / 10) as usize].to_string(),
        _ => format!("{}-{}", EN_TENS[(r / 10) as usize], EN_ONES[(r % 10) as usize]),
    };
    match (h, low.is_empty()) {
        (0, _) => low,
        (h, true) => format!("{} hundred", EN_ONES[h as usize]),
        (h, false) => format!("{} hundred and {low}", EN_ONES[h as usize]),
    }
}

fn en_words(n: u64) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (div, name) in [(1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")] {
        let g = (n / div) % 1000;
        if g > 0 {
            parts.push(format!("{} {name}", en_below_1000(g)));
        }
    }
    let rest = n % 1000;
    if rest > 0 {
        parts.push(en_below_1000(rest));
    }
    parts.join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, .. ProptestConfig::default() })]

    #[test]
    fn arabic_masculine_words_read_back(n in 0u64..=1_000_000_000) {
        let w = ar_words(n, false);
        prop_assert_eq!(parse_number(rules(), Lang::Ar, &w), Some(n as f64), "{}", w);
    }

    #[test]
    fn arabic_feminine_words_read_back(n in 0u64..=1_000_000_000) {
        let w = ar_words(n, true);
        prop_assert_eq!(parse_number(rules(), Lang::Ar, &w), Some(n as f64), "{}", w);
    }

    #[test]
    fn english_words_read_back(n in 0u64..=1_000_000_000) {
        let w = en_words(n);
        prop_assert_eq!(parse_number(rules(), Lang::En, &w), Some(n as f64), "{}", w);
    }

    #[test]
    fn digits_read_back(n in 0u64..=1_000_000_000) {
        let plain = n.to_string();
        prop_assert_eq!(parse_number(rules(), Lang::Ar, &plain), Some(n as f64));
        let indic: String = plain.chars().map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap()).collect();
        prop_assert_eq!(parse_number(rules(), Lang::Ar, &indic), Some(n as f64));
        let persian: String = plain.chars().map(|c| char::from_u32(0x06F0 + c.to_digit(10).unwrap()).unwrap()).collect();
        prop_assert_eq!(parse_number(rules(), Lang::Ar, &persian), Some(n as f64));
    }
}

#[test]
fn real_world_forms() {
    let ar: &[(&str, f64)] = &[
        ("426", 426.0),
        ("٤٢٦", 426.0),
        ("۱۲", 12.0),
        ("35,000", 35000.0),
        ("35.000", 35000.0),
        ("٣٥٬٠٠٠", 35000.0),
        ("19,729", 19729.0),
        ("40 ألف", 40000.0),
        ("200 ألف", 200000.0),
        ("3 آلاف", 3000.0),
        ("1.5 مليون", 1_500_000.0),
        ("1,5 مليون", 1_500_000.0),
        ("٢٫٥ مليون", 2_500_000.0),
        ("أربعمائة وستة وعشرون", 426.0),
        ("ثلاثمئة", 300.0),
        ("ثلاثمائة", 300.0),
        ("ثلاث مئة", 300.0),
        ("خمسة وعشرين", 25.0),
        ("مئتا", 200.0),
        ("مائتين", 200.0),
        ("ألفين", 2000.0),
        ("عشرون ألفا", 20000.0),
        ("ألفا", 2000.0),
        ("35 000", 35000.0),
        ("تسعة عشر ألفا وسبعمئة وتسعة وعشرون", 19729.0),
        ("نصف مليون", 500_000.0),
        ("مليون ونصف", 1_500_000.0),
    ];
    for (t, v) in ar {
        assert_eq!(parse_number(rules(), Lang::Ar, t), Some(*v), "{t}");
    }
    let en: &[(&str, f64)] = &[
        ("twenty-five", 25.0),
        ("2.3 million", 2_300_000.0),
        ("1,100", 1100.0),
        ("a dozen", 12.0),
        ("three hundred and twelve", 312.0),
        ("forty thousand", 40000.0),
    ];
    for (t, v) in en {
        assert_eq!(parse_number(rules(), Lang::En, t), Some(*v), "{t}");
    }
}
