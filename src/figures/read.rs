//! Numbers read from the text: digits (with a scale word), number words in
//! both languages, vague quantities («عشرات», "dozens") and dual nouns
//! («قتيلين»), in one pass over the tokens.

use super::numbers::{parse_digits, WordNumber};
use crate::attribution::Ctx;
use crate::rules::{Entry, Lang, NumberRole, W};
use crate::text::TokKind;

/// A number read from the text before it is classified.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    pub value: f64,
    pub vague: Option<(u64, Option<u64>)>,
    /// A dual noun («قتيلين») or a singular one that counts one («سقوط قتيل») is
    /// its own number and noun.
    pub dual: Option<Entry>,
    /// «ما بين 20 و25», "between 20 and 25": the top of the range.
    pub upper: Option<f64>,
}

fn number_hit(ctx: &Ctx, j: usize) -> Option<(f64, NumberRole, usize)> {
    let h = ctx.best_hit(j, |e| matches!(e, Entry::Number(_)))?;
    let Entry::Number(n) = h.entry else { return None };
    let w = &ctx.lr.figures.numbers[n as usize];
    Some((w.value, w.role, ctx.tok_end(h.end).max(j + 1)))
}

/// A number word starting at folded offset `pos` (inside "twenty-five").
fn number_hit_at(ctx: &Ctx, pos: usize) -> Option<(f64, NumberRole, usize)> {
    let h = ctx.hits_at(pos).iter().filter(|h| matches!(h.entry, Entry::Number(_))).max_by_key(|h| h.end)?;
    let Entry::Number(n) = h.entry else { return None };
    let w = &ctx.lr.figures.numbers[n as usize];
    Some((w.value, w.role, h.end))
}

/// Read a whole string as one number («ثلاثمئة وستة وعشرون», "twenty-five
/// thousand", «40 ألف»). For tests and tools; articles go through [`extract`].
pub fn parse_number(rules: &crate::Rules, lang: Lang, text: &str) -> Option<f64> {
    let norm = crate::text::Normalised::new(text);
    let lr = rules.lang(lang);
    let seg = crate::text::segment(&norm.text, &lr.abbreviations, &lr.morph.prefixes);
    let hits = rules.matcher(lang).find(&norm.text);
    let ctx = Ctx::new(&norm.text, &seg, &hits, lr, &rules.registry).with_world(rules.world());
    let r = read_numbers(&ctx);
    // "a dozen": an article may lead
    let lead = usize::from(matches!(ctx.word(0).to_lowercase().as_str(), "a" | "an"));
    match r.as_slice() {
        [one] if one.first == lead && one.end >= seg.tokens.len() => Some(one.value),
        _ => None,
    }
}

/// One pass over the tokens: digits (with a scale word), number words, vague
/// quantities and dual nouns.
pub(super) fn read_numbers(ctx: &Ctx) -> Vec<Reading> {
    let english = ctx.lang() == Lang::En;
    let toks = &ctx.seg.tokens;
    let mut out = Vec::new();
    let mut j = 0;
    while j < toks.len() {
        let t = toks[j];
        // every reading below starts at digits or at a rule's hit: most words
        // are passed over at once
        if t.kind != TokKind::Number && ctx.hits_at_tok(j).is_empty() {
            j += 1;
            continue;
        }
        // vague quantities: «عشرات», «عشرات الآلاف», "dozens", "hundreds of"
        if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::Vague(_))) {
            if let Entry::Vague(v) = h.entry {
                let w = &ctx.lr.figures.vague[v as usize];
                let mut end = ctx.tok_end(h.end).max(j + 1);
                let (mut low, mut high) = (w.low, w.high);
                // «مئات آلاف», "hundreds of thousands": a scale word multiplies the range
                let scale_at = if english && ctx.word(end).eq_ignore_ascii_case("of") { end + 1 } else { end };
                if let Some((val, NumberRole::Scale | NumberRole::DualScale, e)) = number_hit(ctx, scale_at) {
                    if val >= 1000.0 {
                        low = low.saturating_mul(val as u64);
                        high = high.map(|x| x.saturating_mul(val as u64));
                        end = e;
                    }
                }
                out.push(Reading { first: j, end, value: low as f64, vague: Some((low, high)), dual: None, upper: None });
                j = end;
                continue;
            }
        }
        if t.kind == TokKind::Number {
            // «35 000»: thousands separated by a space
            let mut last = j;
            let mut digits = ctx.word(j).to_string();
            if !digits.contains(['.', ',']) && digits.len() <= 3 {
                while digits.len() <= 12 {
                    let n = last + 1;
                    let joined =
                        toks.get(n).is_some_and(|nt| nt.kind == TokKind::Number && nt.end - nt.start == 3 && &ctx.text[toks[last].end..nt.start] == " ");
                    if !joined {
                        break;
                    }
                    digits.push_str(ctx.word(n));
                    last = n;
                }
            }
            let scale_next = number_hit(ctx, last + 1).is_some_and(|(_, r, _)| matches!(r, NumberRole::Scale | NumberRole::DualScale));
            let Some(v) = parse_digits(&digits, scale_next) else {
                j = last + 1;
                continue;
            };
            let mut n = WordNumber::from_digits(v);
            let mut end = last + 1;
            // «40 ألف», "2.3 million", «3 آلاف»
            let mut scale = 0.0;
            while let Some((val, role, e)) = number_hit(ctx, end) {
                if !matches!(role, NumberRole::Scale | NumberRole::DualScale) {
                    break;
                }
                n.push(val, role, english);
                scale = val;
                end = e;
            }
            // «240 ألفا و381 شخصا»: the rest of the number after the scale
            if scale > 0.0 && !english {
                let m = &ctx.lr.morph;
                let (k, glued) = if ctx.is(end, W::CountCoordinators) { (end + 1, false) } else { (end, true) };
                let rest = ctx.tok(k).filter(|t| {
                    t.kind == TokKind::Number
                        && (!glued || ctx.text[..t.start].chars().next_back().is_some_and(|c| m.starts_with_noun_conj(c.encode_utf8(&mut [0; 4]))))
                });
                if let Some(v) = rest.and_then(|_| parse_digits(ctx.word(k), false)).filter(|&v| v < scale) {
                    n = WordNumber::from_digits(n.value() + v);
                    end = k + 1;
                }
            }
            out.push(Reading { first: j, end, value: n.value(), vague: None, dual: None, upper: None });
            j = end;
            continue;
        }
        // «الاثنين» is Monday, not «اثنين»: a number word with the article is no count
        if ctx.has_hit(j, |e| matches!(e, Entry::Weekday(_))) && ctx.hits_at_tok(j).iter().any(|h| h.definite) {
            j += 1;
            continue;
        }
        // «في المائة» is "percent", not a hundred
        let in_measure = j > 0 && ctx.hits_at_tok(j - 1).iter().any(|h| matches!(h.entry, Entry::Measure(_)) && ctx.tok_end(h.end) > j);
        if in_measure {
            j += 1;
            continue;
        }
        if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::Number(_))) {
            // «الأشهر الستة الماضية»: a number with the article after a noun with
            // it counts that noun (but «القتلى الستة» are six dead)
            let counted_before = j > 0 && ctx.has_hit(j - 1, |e| matches!(e, Entry::CountNoun { .. } | Entry::Group { .. }));
            if h.definite && j > 0 && ctx.definite(j - 1) && !counted_before {
                j += 1;
                continue;
            }
            let Some((val, role, _)) = number_hit(ctx, j) else {
                j += 1;
                continue;
            };
            let mut n = WordNumber::default();
            n.push(val, role, english);
            let mut last = h.end; // folded end of the last word read
            loop {
                // "twenty-five": the next word inside the same token
                let next = if ctx.text[last..].starts_with('-') {
                    number_hit_at(ctx, last + 1)
                } else {
                    // «ستة وعشرون» (و on the word), "three hundred and twelve"
                    let mut k = ctx.tok_end(last);
                    if english && ctx.word(k).eq_ignore_ascii_case("and") {
                        k += 1;
                    }
                    ctx.tok(k).and_then(|t| number_hit_at(ctx, t.start))
                };
                let Some((v2, r2, e2)) = next else { break };
                if !n.push(v2, r2, english) {
                    break;
                }
                last = e2;
            }
            let end = ctx.tok_end(last).max(j + 1);
            // a lone "one"/«واحد» is rarely a count; keep it only before a counted noun
            out.push(Reading { first: j, end, value: n.value(), vague: None, dual: None, upper: None });
            j = end;
            continue;
        }
        // «قتيلين», «طفلين»: a dual noun counts two
        if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::CountNoun { dual: true, .. } | Entry::Group { dual: true, .. })) {
            let prev_is_number = out.last().is_some_and(|r| r.end == j && r.dual.is_none());
            if !prev_is_number {
                let end = ctx.tok_end(h.end).max(j + 1);
                out.push(Reading { first: j, end, value: 2.0, vague: None, upper: None, dual: Some(h.entry) });
                j = end;
                continue;
            }
        }
        // «سقوط قتيل وجريحين», «قتل شخص»: a singular noun counts one
        if let Some(e) = singular_count(ctx, j, &out) {
            out.push(Reading { first: j, end: j + 1, value: 1.0, vague: None, upper: None, dual: Some(e) });
        }
        j += 1;
    }
    ranges(ctx, &mut out);
    out
}

/// «ما بين 20 و25 شخصا», "between 20 and 25 people": one count, a range.
fn ranges(ctx: &Ctx, out: &mut Vec<Reading>) {
    // one pass, no removal from the middle: a list of thousands stays linear
    let mut merged: Vec<Reading> = Vec::with_capacity(out.len());
    for b in out.drain(..) {
        if let Some(a) = merged.last_mut() {
            let opened = a.first > 0 && ctx.is(a.first - 1, W::RangeOpeners);
            let joined =
                b.first == a.end + 1 && ctx.is(a.end, W::CountCoordinators) || b.first == a.end && ctx.lr.morph.starts_with_noun_conj(ctx.word(b.first));
            if opened && joined && a.upper.is_none() && a.vague.is_none() && b.vague.is_none() && a.dual.is_none() && b.value > a.value {
                a.end = b.end;
                a.upper = Some(b.value);
                continue;
            }
        }
        merged.push(b);
    }
    *out = merged;
}

/// A singular count noun at `j`, indefinite, right after a casualty frame or
/// before a coordinated count; its entry.
fn singular_count(ctx: &Ctx, j: usize, out: &[Reading]) -> Option<Entry> {
    if !ctx.is(j, W::SingularCounts) || ctx.definite(j) || out.last().is_some_and(|r| r.end == j) {
        return None;
    }
    let h = ctx.best_hit(j, |e| matches!(e, Entry::CountNoun { dual: false, .. } | Entry::Group { dual: false, .. }))?;
    let casualty_frame = j > 0
        && ctx.hits_at_tok(j - 1).iter().any(|h| match h.entry {
            Entry::CountFrame(i) => ctx.lr.figures.frames[i as usize].category.is_casualty(),
            _ => false,
        });
    let own_casualty = matches!(h.entry, Entry::CountNoun { idx, .. } if ctx.lr.figures.nouns[idx as usize].category.is_casualty());
    // «قتيل وجريحان»: the next word is a coordinated count
    let next = j + 1;
    let coordinated = own_casualty
        && ctx.tok(next).is_some_and(|t| t.kind == TokKind::Number || ctx.lr.morph.starts_with_noun_conj(ctx.word(next)))
        && ctx.has_hit(next, |e| matches!(e, Entry::CountNoun { .. } | Entry::Number(_)));
    (casualty_frame || coordinated).then_some(h.entry)
}

#[cfg(test)]
mod tests {
    use super::parse_number;
    use crate::testing::rules;
    use crate::Lang;

    #[test]
    fn digits_words_and_scales() {
        let n = |lang, t| parse_number(rules(), lang, t);
        assert_eq!(n(Lang::Ar, "426"), Some(426.0));
        assert_eq!(n(Lang::Ar, "٣٥٬٠٠٠"), Some(35000.0));
        assert_eq!(n(Lang::Ar, "35 000"), Some(35000.0));
        assert_eq!(n(Lang::Ar, "40 ألف"), Some(40000.0));
        assert_eq!(n(Lang::Ar, "ثلاثمئة وستة وعشرون"), Some(326.0));
        assert_eq!(n(Lang::Ar, "مليون ونصف"), Some(1_500_000.0));
        assert_eq!(n(Lang::En, "twenty-five thousand"), Some(25000.0));
        assert_eq!(n(Lang::En, "2.3 million"), Some(2_300_000.0));
        assert_eq!(n(Lang::En, "a dozen"), Some(12.0));
    }

    #[test]
    fn a_singular_noun_after_a_casualty_frame_counts_one() {
        let a = crate::testing::audit_str("ar", "أسفرت الغارة عن سقوط قتيل وجريحين.");
        let got: Vec<_> = a.figures.iter().map(|f| (f.category, f.low)).collect();
        assert_eq!(got, vec![(crate::model::Category::Killed, Some(1)), (crate::model::Category::Wounded, Some(2))]);
        // a definite noun is no count
        assert!(crate::testing::audit_str("ar", "وقال إن القتيل شاب من البلدة.").figures.is_empty());
    }

    #[test]
    fn among_the_dead_gives_a_subset_its_category() {
        let a = crate::testing::audit_str("ar", "وقال المستشفى إن بين القتلى أربعة أطفال.");
        assert_eq!(a.figures.len(), 1, "{:#?}", a.figures);
        assert_eq!((a.figures[0].category, a.figures[0].low, a.figures[0].subset), (crate::model::Category::Killed, Some(4), true));
    }

    /// (category, low, high, previous, subset) of one figure.
    type Fig = (&'static str, Option<u64>, Option<u64>, Option<u64>, bool);

    fn figs(lang: &str, t: &str) -> Vec<Fig> {
        crate::testing::audit_str(lang, t).figures.iter().map(|f| (f.category.as_str(), f.low, f.high, f.previous, f.subset)).collect()
    }

    #[test]
    fn killed_and_wounded_in_one_phrase_are_two_counts() {
        assert_eq!(
            figs("ar", "وأسفر الهجوم عن مقتل 7 وإصابة 250 آخرين."),
            vec![("killed", Some(7), Some(7), None, false), ("wounded", Some(250), Some(250), None, false)]
        );
    }

    #[test]
    fn killed_then_wounded_with_a_count_of_its_own_are_two_counts() {
        assert_eq!(
            figs("ar", "ما أدى إلى سقوط سبعة قتلى وإصابة 19 آخرين بجروح. وسقط 5 قتلى وجرحى."),
            vec![("killed", Some(7), Some(7), None, false), ("wounded", Some(19), Some(19), None, false), ("casualties", Some(5), Some(5), None, false)]
        );
    }

    #[test]
    fn cases_of_death_and_critical_cases_are_counted() {
        assert_eq!(
            figs("ar", "نقل المسعفون حالتين حرجتين، وسجلت الوزارة 4 حالات وفاة."),
            vec![("wounded", Some(2), Some(2), None, false), ("killed", Some(4), Some(4), None, false)]
        );
    }

    #[test]
    fn a_number_with_the_article_after_a_noun_counts_that_noun() {
        // «الأشهر الخمسة» are five months, not five dead
        assert_eq!(figs("ar", "وقال شهود إن الإعدامات التي قتل فيها سجناء تكررت خلال الأشهر الخمسة الماضية."), vec![]);
    }

    #[test]
    fn a_frame_before_another_count_of_something_else_is_that_count_s() {
        // «سقوط» frames the bombs; the later bare number counts bombs too
        let got = figs("ar", "ورصد التقرير سقوط 120 قنبلة وفي ريف المدينة بلغ عدد القنابل 75.");
        assert_eq!(got, vec![("other", Some(120), Some(120), None, false)]);
        // a date between the frame and its count changes nothing
        assert_eq!(figs("ar", "وتجاوز عدد القتلى منذ 8 ديسمبر 2024 ثلاثة آلاف مدني.")[0].0, "killed");
    }

    #[test]
    fn deaths_from_a_disease_are_deaths_and_the_infected_are_cases() {
        assert_eq!(figs("ar", "وسجلت الوزارة 120 إصابة بالحصبة و4 وفيات.").iter().map(|f| f.0).collect::<Vec<_>>(), ["cases", "killed"]);
        assert_eq!(figs("en", "The measles outbreak has killed 4 children and infected 120.").iter().map(|f| f.0).collect::<Vec<_>>(), ["killed", "cases"]);
    }

    #[test]
    fn drowned_families_that_fled_and_lives_claimed_are_counted() {
        let got = figs("ar", "وقال مسؤول إن 4 أطفال غرقوا في النهر، وإن نحو 200 أسرة نزحت أمس. أودت السيول بحياة 9 أشخاص.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [("killed", Some(4)), ("displaced", Some(200)), ("killed", Some(9))]);
    }

    #[test]
    fn also_between_the_auxiliary_and_the_verb() {
        assert_eq!(figs("en", "The mayor said two firefighters were also killed.").first().map(|f| (f.0, f.1)), Some(("killed", Some(2))));
    }

    #[test]
    fn disease_cases_are_their_own_category() {
        assert_eq!(figs("ar", "وأعلنت الوزارة إصابة 41 حالة بالكوليرا في المحافظة.")[0].0, "cases");
        assert_eq!(figs("en", "The ministry said 41 cholera cases were recorded in the camp.")[0].0, "cases");
    }

    #[test]
    fn hundreds_of_thousands_of_refugees_are_displaced() {
        let f = figs("ar", "وأدى النزاع إلى نزوح مئات آلاف اللاجئين.");
        assert_eq!((f.len(), f[0].0, f[0].1), (1, "displaced", Some(200_000)));
    }

    #[test]
    fn a_casualty_word_with_a_noun_of_its_own_frames_no_later_number() {
        // «سقوط» ("fall") is a casualty frame in «سقوط قتيلين», not in «سقوط النظام»
        let f = figs("ar", "وعاد نحو مليون نازح منذ سقوط النظام السابق، إلى جانب مئات آلاف اللاجئين من دول الجوار.");
        assert!(f.iter().all(|x| x.0 == "displaced"), "{f:?}");
        assert_eq!(figs("ar", "أسفر القصف عن سقوط قتيلين.")[0].0, "killed");
    }

    #[test]
    fn an_active_wounding_verb_gives_wounded() {
        assert_eq!(figs("ar", "فتح مسلح النار في القاعة فقتل شخصين وأصاب سبعة آخرين.")[1].0, "wounded");
        assert_eq!(figs("ar", "قتل المسلحون 8 جنود وأصابوا 11 غيرهم.")[1].0, "wounded");
    }

    #[test]
    fn an_initial_toll_is_replaced_by_later_ones() {
        for t in [
            "وقال المسؤول إن حصيلة القتلى الأولية هي 10 ضحايا.",
            "وكانت حصيلة سابقة تفيد بمقتل ثمانية أشخاص.",
            // the report the count comes from was an earlier one, however long the clause
            "وأعلن مدير الصحة في المدينة في حصيلة سابقة أن عدد الضحايا الذين سقطوا في القصف هو 40 قتيلا.",
        ] {
            let a = crate::testing::audit_str("ar", t);
            assert!(a.figures[0].superseded, "{t}");
        }
        assert!(crate::testing::audit_str("en", "An initial toll of eight dead was given by the police.").figures[0].superseded);
        assert!(!crate::testing::audit_str("ar", "قتل ثمانية أشخاص في الهجوم.").figures[0].superseded);
        // the count the initial one rose to is not an initial count
        let a = crate::testing::audit_str("ar", "وكانت حصيلة أولية أشارت إلى 30 قتيلا قبل أن ترتفع إلى 40 قتيلا مساء أمس.");
        assert_eq!(a.figures.iter().map(|f| (f.low, f.superseded)).collect::<Vec<_>>(), [(Some(30), true), (Some(40), false)]);
    }

    #[test]
    fn a_count_joined_to_a_part_is_a_part() {
        let f = figs("ar", "أوقع الهجوم 10 جرحى، بينهم 7 مدنيين و3 شرطيين.");
        assert_eq!(f.iter().map(|x| x.4).collect::<Vec<_>>(), [false, true, true]);
        // two groups' tolls side by side are each a toll
        let f = figs("ar", "أسفرت المواجهات عن مقتل 71 مسلحا و7 عسكريين.");
        assert_eq!(f.iter().map(|x| x.4).collect::<Vec<_>>(), [false, false]);
    }

    #[test]
    fn thousands_and_the_rest_are_one_number() {
        assert_eq!(figs("ar", "وقتل 240 ألفا و381 شخصا منذ بدء النزاع.")[0].1, Some(240_381));
        // a second count after the first noun stays a count of its own
        assert_eq!(figs("ar", "قتل 40 ألف شخص و300 جريح.").len(), 2);
    }

    #[test]
    fn a_past_perfect_count_below_the_article_s_is_replaced() {
        let a = crate::testing::audit_str("ar", "أوقع الانفجار 10 جرحى. وكانت مصادر قد تحدثت عن جرح 7 أشخاص.");
        assert!(!a.figures[0].superseded && a.figures[1].superseded);
        // alone, it is a republished count, not a replaced one
        assert!(!crate::testing::audit_str("ar", "وكان التفجير قد أسفر عن مقتل 12 شخصا.").figures[0].superseded);
    }

    #[test]
    fn killed_and_wounded_together_and_sides_as_groups() {
        assert_eq!(figs("ar", "أسفر الهجوم عن مقتل وإصابة أكثر من 40 شخصا.")[0].0, "casualties");
        let a = crate::testing::audit_str("ar", "قتل 17 من ميليشيا الحوثي، بينما قتل 9 من مسلحي المقاومة.");
        assert!(a.figures.iter().all(|f| f.group.as_deref() == Some("militants")), "{:?}", a.figures);
        // «أحد القادة», one of the leaders: one of a set
        assert!(figs("ar", "وأسفر الانفجار عن مقتل القيادي البارز، أحد القادة الميدانيين.")[0].4);
    }

    #[test]
    fn percent_in_words_is_no_hundred() {
        assert!(figs("ar", "وقالت إن نحو 70 في المائة من ضحايا الغارات من المدنيين.").is_empty());
    }

    #[test]
    fn some_of_a_set_is_a_part() {
        // «من القتلى» after the noun, and a condition of some of the wounded
        assert!(figs("ar", "وقال إن عشرة أشخاص من القتلى سقطوا في شارع الثورة.")[0].4);
        assert!(figs("ar", "وأوضح أن نحو 20 جريحا ما زالوا في حالة حرجة.")[0].4);
        // the whole toll before «بينهم … حرجة» stays a toll
        assert!(figs("ar", "وأضاف أن نحو 20 جريحا ما زالوا مساء الاثنين في حالة «حرجة».")[0].4);
        let f = figs("ar", "وأصيب 12 شخصا بينهم 3 في حالة حرجة.");
        assert_eq!((f[0].1, f[0].4), (Some(12), false));
        assert_eq!(figs("ar", "قال المصدر إن 14 من المسلحين سلموا أنفسهم للقوات.")[0].0, "detained");
    }

    #[test]
    fn between_two_numbers_is_one_range() {
        assert_eq!(figs("ar", "وأصيب ما بين 20 و25 شخصا في الانفجار."), vec![("wounded", Some(20), Some(25), None, false)]);
        assert_eq!(figs("en", "Between 20 and 25 people were wounded."), vec![("wounded", Some(20), Some(25), None, false)]);
    }

    #[test]
    fn a_share_of_the_victims_is_no_count() {
        for (lang, t) in [("ar", "وقال إن قرابة ثلث الضحايا من الأطفال."), ("ar", "وقالت المنظمة إن نصف القتلى من النساء.")]
        {
            let f = figs(lang, t);
            assert_eq!(f.len(), 1, "{t}");
            assert_eq!((f[0].1, f[0].2, f[0].4), (None, None, true), "{t}");
        }
    }

    #[test]
    fn part_of_the_wounded_is_a_subset() {
        assert_eq!(figs("ar", "وقال المستشفى إن خمسة من الجرحى في حالة حرجة."), vec![("wounded", Some(5), Some(5), None, true)]);
        assert_eq!(figs("en", "Among the dead, 12 were children."), vec![("killed", Some(12), Some(12), None, true)]);
    }

    #[test]
    fn a_toll_that_rose_keeps_its_previous_value() {
        assert_eq!(figs("ar", "وارتفعت الحصيلة من 31 إلى 32 قتيلاً."), vec![("killed", Some(32), Some(32), Some(31), false)]);
        let en = figs("en", "The death toll rose from 19 to 26 by Monday, officials said.");
        assert_eq!(en.last().unwrap(), &("killed", Some(26), Some(26), Some(19), false));
        // a long subject before the verb, and the later value first
        let en = figs("en", "The death toll from the landslide in the northern hill district of Marbe rose from 8 to 13, police said.");
        assert_eq!(en.last().unwrap(), &("killed", Some(13), Some(13), Some(8), false));
        let a = crate::testing::audit_str("en", "The toll rose to 13 from 8, police said.");
        let got: Vec<_> = a.figures.iter().map(|f| (f.low, f.update, f.previous, f.superseded)).collect();
        assert_eq!(got, [(Some(13), true, Some(8), false), (Some(8), false, None, true)]);
    }

    #[test]
    fn an_earlier_month_dates_the_incident_not_the_article() {
        let when = |lang: &str, t: &str| {
            let art = crate::input::parse_bytes("t.md".into(), format!("---\ndate: 2025-07-20\n---\n{t}\n").into_bytes()).unwrap();
            let a = crate::audit(&art, crate::testing::rules(), crate::LangChoice::Fixed(if lang == "ar" { crate::Lang::Ar } else { crate::Lang::En }));
            a.figures.iter().map(|f| f.as_of.clone().unwrap_or_default()).collect::<Vec<_>>()
        };
        assert_eq!(when("en", "The February bombing in Kabul killed 12 people, officials said."), ["2025-02-01"]);
        assert_eq!(when("ar", "وفي مطلع شباط/فبراير الماضي، قتل 20 شخصا بانفجار سيارة مفخخة."), ["2025-02-01"]);
        // a month after the figure is another clause's: the article's day stands
        assert_eq!(when("en", "A drone strike killed two people on Wednesday, despite the November truce."), ["2025-07-16"]);
    }

    #[test]
    fn put_the_death_toll_at() {
        assert_eq!(figs("en", "Officials put the death toll at 44."), vec![("killed", Some(44), Some(44), None, false)]);
    }

    #[test]
    fn digits_glued_to_a_clitic_stay_a_number() {
        let a = crate::testing::audit_str("ar", "وأسفر القصف عن مقتل 7 وإصابة و12 آخرين.");
        assert!(a.figures.iter().any(|f| f.low == Some(12)), "{:#?}", a.figures);
    }
}
