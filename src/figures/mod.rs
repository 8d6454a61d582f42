//! Stage 7: figures. Every counted quantity (casualty counts above all) with its
//! interval, category, group, source, place, event kind and as-of date. Dates,
//! ages, durations, money and percentages are recognised so they never become
//! tolls. All vocabulary is in `rules/*/figures.yaml` and `rules/places.yaml`.

pub mod numbers;
pub mod when;

use chrono::NaiveDate;

use crate::claims::RawClaim;
use crate::context::Ctx;
use crate::rules::{Bound, Category, Entry, Lang, NumberRole, Position};
use crate::segment::TokKind;
use numbers::{parse_digits, WordNumber};

/// A figure over the folded text.
#[derive(Debug, Clone)]
pub struct RawFigure {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub category: Category,
    pub vague: bool,
    /// The qualifier's folded span («على الأقل», "more than").
    pub qualifier: Option<(usize, usize)>,
    pub bound: Option<Bound>,
    pub group: Option<String>,
    /// Index into the claims this figure sits in.
    pub claim: Option<usize>,
    pub source: Option<usize>,
    pub place: Option<u32>,
    pub event_kind: Option<u32>,
    pub as_of: Option<NaiveDate>,
    pub since: Option<NaiveDate>,
    /// «ارتفعت الحصيلة إلى», "rose to": this figure updates an earlier one.
    pub update: bool,
    /// «من 31 إلى 32»: the earlier value this figure replaces.
    pub previous: Option<u64>,
    /// «من 31 إلى 32»: this is the earlier value.
    pub superseded: bool,
}

/// A number read from the text before it is classified.
#[derive(Debug, Clone)]
struct Reading {
    first: usize,
    /// One past its last token.
    end: usize,
    value: f64,
    vague: Option<(u64, Option<u64>)>,
    /// A dual noun («قتيلين») is its own number and noun.
    dual: Option<Entry>,
}

pub fn extract(ctx: &Ctx, claims: &[RawClaim], article_date: Option<NaiveDate>) -> Vec<RawFigure> {
    let readings = read_numbers(ctx);
    let mut out: Vec<RawFigure> = Vec::with_capacity(readings.len());
    // the article's first place and event kind: the default context
    let first_place = ctx.hits.iter().find_map(|h| match h.entry {
        Entry::Place(p) => Some(p),
        _ => None,
    });
    // claims sorted by start for "which claim holds this figure"
    let mut by_start: Vec<(usize, usize, usize)> = claims.iter().enumerate().map(|(i, c)| (c.start, c.end, i)).collect();
    by_start.sort_unstable();
    for r in readings {
        if let Some(f) = classify(ctx, &r) {
            let mut f = f;
            let pos = f.start;
            // the innermost claim holding it
            let k = by_start.partition_point(|x| x.0 <= pos);
            if let Some(&(_, _, ci)) = by_start[..k].iter().rev().take(32).find(|x| x.1 > pos) {
                f.claim = Some(ci);
                f.source = claims[ci].source;
            }
            // the figure's sentence, but never more than a window around it: a
            // 20 MB line is one "sentence"
            let (sa, sb) = {
                let (s, e) = ctx.sentence_bounds(pos);
                (ctx.seg.tok_at(s).max(r.first.saturating_sub(WINDOW)), ctx.tok_end(e).min(r.end + WINDOW))
            };
            f.place = nearest(ctx, sa, sb, r.first, |e| matches!(e, Entry::Place(_)))
                .and_then(|e| if let Entry::Place(p) = e { Some(p) } else { None })
                .or_else(|| paragraph_place(ctx, pos))
                .or(first_place);
            f.event_kind = nearest(ctx, sa, sb, r.first, |e| matches!(e, Entry::EventKind(_)))
                .and_then(|e| if let Entry::EventKind(k) = e { Some(k) } else { None });
            let when = when::as_of(ctx, sa, sb, article_date);
            f.as_of = when.date;
            f.since = when.since.or_else(|| (sa..sb).any(|j| ctx.has_hit(j, |e| *e == Entry::Cumulative)).then_some(when.date).flatten());
            out.push(f);
        }
    }
    link_updates(ctx, &mut out);
    out
}

/// The closest hit of a kind in the sentence, preferring what precedes the figure.
fn nearest(ctx: &Ctx, a: usize, b: usize, at: usize, f: impl Fn(&Entry) -> bool) -> Option<Entry> {
    let mut best: Option<(usize, Entry)> = None;
    for j in a..b {
        if let Some(h) = ctx.hits_at_tok(j).iter().filter(|h| f(&h.entry)).max_by_key(|h| h.end) {
            let d = if j <= at { at - j } else { (j - at) * 2 };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, h.entry));
            }
        }
    }
    best.map(|x| x.1)
}

/// How many tokens around a figure its context is looked for in.
const WINDOW: usize = 60;

fn paragraph_place(ctx: &Ctx, pos: usize) -> Option<u32> {
    let p = ctx.seg.paragraphs.get(ctx.seg.para_of(pos))?;
    let t = ctx.seg.tok_at(pos);
    let (a, b) = (ctx.seg.tok_at(p.start).max(t.saturating_sub(4 * WINDOW)), ctx.tok_end(p.end).min(t + 4 * WINDOW));
    (a..b).find_map(|j| ctx.hits_at_tok(j).iter().find_map(|h| if let Entry::Place(x) = h.entry { Some(x) } else { None }))
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
    let norm = crate::normalise::Normalised::new(text);
    let lr = rules.lang(lang);
    let seg = crate::segment::segment(&norm.text, &lr.abbreviations);
    let hits = rules.matcher(lang).find(&norm.text);
    let by_tok = crate::context::index_hits(&seg, &hits);
    let ctx = Ctx { text: &norm.text, seg: &seg, hits: &hits, lr, registry: &rules.registry, quoted: Vec::new(), by_tok };
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
fn read_numbers(ctx: &Ctx) -> Vec<Reading> {
    let english = ctx.lang() == Lang::En;
    let toks = &ctx.seg.tokens;
    let mut out = Vec::new();
    let mut j = 0;
    while j < toks.len() {
        let t = toks[j];
        // vague quantities: «عشرات», «عشرات الآلاف», "dozens", "hundreds of"
        if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::Vague(_))) {
            if let Entry::Vague(v) = h.entry {
                let w = &ctx.lr.figures.vague[v as usize];
                let end = ctx.tok_end(h.end).max(j + 1);
                out.push(Reading { first: j, end, value: w.low as f64, vague: Some((w.low, w.high)), dual: None });
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
                    let joined = toks.get(n).is_some_and(|nt| {
                        nt.kind == TokKind::Number && nt.end - nt.start == 3 && &ctx.text[toks[last].end..nt.start] == " "
                    });
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
            while let Some((val, role, e)) = number_hit(ctx, end) {
                if !matches!(role, NumberRole::Scale | NumberRole::DualScale) {
                    break;
                }
                n.push(val, role, english);
                end = e;
            }
            out.push(Reading { first: j, end, value: n.value(), vague: None, dual: None });
            j = end;
            continue;
        }
        // «الاثنين» is Monday, not «اثنين»: a number word with the article is no count
        if ctx.has_hit(j, |e| matches!(e, Entry::Weekday(_))) && ctx.hits_at_tok(j).iter().any(|h| h.definite) {
            j += 1;
            continue;
        }
        if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::Number(_))) {
            let Some((val, role, _)) = number_hit(ctx, j) else { j += 1; continue };
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
            out.push(Reading { first: j, end, value: n.value(), vague: None, dual: None });
            j = end;
            continue;
        }
        // «قتيلين», «طفلين»: a dual noun counts two
        if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::CountNoun { dual: true, .. } | Entry::Group { dual: true, .. })) {
            let prev_is_number = out.last().is_some_and(|r| r.end == j);
            if !prev_is_number {
                let end = ctx.tok_end(h.end).max(j + 1);
                out.push(Reading { first: j, end, value: 2.0, vague: None, dual: Some(h.entry) });
                j = end;
                continue;
            }
        }
        j += 1;
    }
    out
}

fn is_measure(ctx: &Ctx, j: usize, pos: Position) -> bool {
    ctx.hits_at_tok(j).iter().any(|h| match h.entry {
        Entry::Measure(m) => ctx.lr.figures.measures[m as usize].position == pos,
        _ => false,
    })
}

/// What a counted noun or a group word at token `j` says, and where it ends.
enum Counted {
    Noun(Category, Option<String>),
    Group(Option<String>),
}

fn counted_at(ctx: &Ctx, j: usize) -> Option<(Counted, usize)> {
    let f = &ctx.lr.figures;
    let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::CountNoun { .. } | Entry::Group { .. })) else {
        // «25 حوثيا», «22 انقلابيا», «3 حوثيين»: a nisba adjective counts people
        let w = ctx.word(j);
        let nisba = ctx.lang() == Lang::Ar
            && ctx.hits_at_tok(j).is_empty()
            && w.chars().count() >= 4
            && (w.ends_with("يا") || w.ends_with("يين") || w.ends_with("يون"))
            && !w.starts_with("ال");
        return nisba.then_some((Counted::Group(None), j + 1));
    };
    let end = ctx.tok_end(h.end).max(j + 1);
    Some(match h.entry {
        Entry::CountNoun { idx, .. } => {
            let n = &f.nouns[idx as usize];
            (Counted::Noun(n.category, n.group.clone()), end)
        }
        Entry::Group { idx, .. } => (Counted::Group(f.groups[idx as usize].group.clone()), end),
        _ => return None,
    })
}

/// A count frame at token `j`: its category, end, and whether it is weak.
fn frame_at(ctx: &Ctx, j: usize, pos: Position) -> Option<(Category, usize, bool)> {
    let f = &ctx.lr.figures;
    ctx.hits_at_tok(j).iter().filter(|h| matches!(h.entry, Entry::CountFrame(_))).max_by_key(|h| h.end).and_then(|h| {
        let Entry::CountFrame(i) = h.entry else { return None };
        let fr = &f.frames[i as usize];
        (fr.position == pos).then_some((fr.category, ctx.tok_end(h.end), fr.weak))
    })
}

fn classify(ctx: &Ctx, r: &Reading) -> Option<RawFigure> {
    let f = &ctx.lr.figures;
    let toks = &ctx.seg.tokens;
    let (first, end) = (r.first, r.end);
    // not head counts: clock times, years, dates, ages, money, percentages
    if r.dual.is_none() && r.vague.is_none() {
        let w = ctx.word(first);
        if w.contains(':') {
            return None;
        }
        let year_like = toks[first].kind == TokKind::Number && w.len() == 4 && (1900..=2100).contains(&(r.value as i64)) && r.value.fract() == 0.0;
        let month_near = ctx.has_hit(end, |e| matches!(e, Entry::Month(_))) || first > 0 && ctx.has_hit(first - 1, |e| matches!(e, Entry::Month(_)));
        if month_near {
            return None;
        }
        if is_measure(ctx, end, Position::After) || (first > 0 && is_measure(ctx, first - 1, Position::Before)) {
            return None;
        }
        if matches!(ctx.punct(end), Some('%')) || (first > 0 && matches!(ctx.punct(first - 1), Some('$' | '€' | '£'))) {
            return None;
        }
        if year_like && counted_at(ctx, end).is_none() {
            return None;
        }
        // «(23 عاماً)»-style asides were caught above; a number right after an
        // ordinal-like «الـ» («الـ24 ساعة») is a duration
    }
    let mut category: Option<Category> = None;
    let mut group: Option<String> = None;
    let mut span_end = end;
    // a dual noun is its own count
    if let Some(e) = r.dual {
        match e {
            Entry::CountNoun { idx, .. } => {
                category = Some(f.nouns[idx as usize].category);
                group = f.nouns[idx as usize].group.clone();
            }
            Entry::Group { idx, .. } => group = f.groups[idx as usize].group.clone(),
            _ => {}
        }
    }
    // the counted noun after the number: «426 قتيلاً», "40 civilians", «عشرات القتلى والجرحى»
    let mut k = end;
    if matches!(ctx.word(k), "من" | "of") {
        k += 1; // «عشرات من المدنيين», "dozens of people"
    }
    if r.dual.is_none() {
        if let Some((c, e)) = counted_at(ctx, k) {
            match c {
                Counted::Noun(cat, g) => {
                    category = Some(cat);
                    group = g.or(group);
                    span_end = e;
                    // «القتلى والجرحى», "killed and wounded": both, unsplit
                    let mut n = e;
                    if matches!(ctx.word(n).to_lowercase().as_str(), "and" | "و") {
                        n += 1;
                    }
                    if let Some((Counted::Noun(c2, _), e2)) = counted_at(ctx, n) {
                        if c2 != cat && c2.is_casualty() && cat.is_casualty() {
                            category = Some(Category::Casualties);
                            span_end = e2;
                        }
                    }
                }
                Counted::Group(g) => {
                    group = g.or(group);
                    span_end = e;
                }
            }
        }
    }
    // «من المدنيين», "of them civilians": the group after the noun
    if group.is_none() && matches!(ctx.word(span_end), "من" | "among") {
        if let Some((Counted::Group(g), _)) = counted_at(ctx, span_end + 1) {
            group = g;
        }
    }
    // a frame before: «مقتل 27», «أسفر عن مقتل ما لا يقل عن 40», "killed at least 40",
    // "the death toll rose to 32"
    let sent_start = ctx.seg.tok_at(ctx.sentence_bounds(toks[first].start).0);
    let mut qualifier: Option<(usize, usize, Bound)> = None;
    let mut frame_before: Option<(Category, bool)> = None;
    let mut update = false;
    // "the death toll from the car bombing in Manbij rose to 15": a frame may stand
    // a clause away
    let lo = first.saturating_sub(12).max(sent_start);
    for j in (lo..first).rev() {
        if ctx.punct(j).is_some_and(|c| matches!(c, '.' | '؛' | ';' | ':' | '؟' | '?')) {
            break;
        }
        if qualifier.is_none() {
            if let Some(h) = ctx.hits_at_tok(j).iter().find(|h| matches!(h.entry, Entry::NumQualifier(_))) {
                if let Entry::NumQualifier(q) = h.entry {
                    let qd = &f.qualifiers[q as usize];
                    let qend = ctx.tok_end(h.end);
                    // it must lead straight to the number
                    if qd.position == Position::Before && qend + 1 >= first {
                        qualifier = Some((h.start, h.end, qd.bound));
                    }
                }
            }
        }
        if ctx.has_hit(j, |e| *e == Entry::Update) {
            update = true;
        }
        if let Some((c, _, weak)) = frame_at(ctx, j, Position::Before) {
            if frame_before.is_none() {
                frame_before = Some((c, weak));
            }
        }
    }
    // a frame after: «لقي 5 حتفهم», "40 people were killed", «411 مدنيا قتلوا»,
    // «20 شخصا بين قتيل وجريح»
    // «25 حوثيا و10 من رجال المقاومة سقطوا قتلى»: the frame may follow a second count
    let mut frame_after = None;
    for j in span_end..(span_end + 9).min(toks.len()) {
        if let Some((c, _, _)) = frame_at(ctx, j, Position::After) {
            frame_after = Some(c);
            break;
        }
        if ctx.punct(j).is_some() || ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::CountFrame(_))) {
            break;
        }
    }
    // which tells the category: a killing or wounding frame beats a displaced or
    // detained noun («مقتل 5 لاجئين», «مقتل 3 أسرى»); a noun beats a frame otherwise
    let strong = |c: Category| matches!(c, Category::Killed | Category::Wounded | Category::Casualties);
    let unknown_noun_follows = category.is_none() && group.is_none() && {
        let w = ctx.word(span_end);
        ctx.tok(span_end).is_some_and(|t| t.kind == TokKind::Word)
            && w.chars().count() >= 3
            && ctx.hits_at_tok(span_end).is_empty()
            && !matches!(w.to_lowercase().as_str(), "من" | "في" | "على" | "إلى" | "الى" | "عن" | "مع" | "of" | "in" | "on" | "to" | "and" | "or" | "the" | "at" | "by" | "from" | "were" | "was" | "people" | "آخرين" | "آخرون" | "اخرين" | "اخرون" | "others" | "more")
    };
    let framed = frame_after.or(frame_before.filter(|(_, weak)| !(*weak && unknown_noun_follows)).map(|x| x.0));
    category = match (category, framed) {
        (Some(c), Some(fc)) if strong(fc) && !strong(c) && c != Category::Other => Some(fc),
        (Some(c), Some(fc)) if c == Category::Other => Some(fc),
        (Some(c), _) => Some(c),
        (None, fc) => fc,
    };
    // a qualifier after: «على الأقل», "or more"
    if qualifier.is_none() {
        for j in span_end..(span_end + 2).min(toks.len()) {
            if let Some(h) = ctx.hits_at_tok(j).iter().find(|h| matches!(h.entry, Entry::NumQualifier(_))) {
                if let Entry::NumQualifier(q) = h.entry {
                    let qd = &f.qualifiers[q as usize];
                    if qd.position == Position::After {
                        qualifier = Some((h.start, h.end, qd.bound));
                        break;
                    }
                }
            }
        }
    }
    let category = match category {
        Some(c) => c,
        None => {
            // another counted noun: «4 اتفاقات», "three strikes" (other); bare numbers are not figures
            if r.vague.is_some() || r.dual.is_some() {
                return None;
            }
            let t = toks.get(end)?;
            let w = ctx.word(end);
            let noun_like = t.kind == TokKind::Word
                && w.chars().count() >= 3
                && ctx.hits_at_tok(end).iter().all(|h| matches!(h.entry, Entry::Registry(_) | Entry::Head(_)))
                && !matches!(w.to_lowercase().as_str(), "من" | "في" | "على" | "إلى" | "الى" | "عن" | "مع" | "of" | "in" | "on" | "to" | "and" | "or" | "the" | "per" | "for" | "from" | "at" | "by" | "was" | "were" | "is" | "are");
            if !noun_like || toks[first].kind != TokKind::Number {
                return None;
            }
            span_end = end + 1;
            Category::Other
        }
    };
    if group.is_none() {
        if let Some((Counted::Group(g), _)) = counted_at(ctx, span_end) {
            group = g;
        }
    }
    // the group named: "Taliban fighters", «من مسلحي حركة الشباب»: an armed group
    // right beside the counted noun names it
    for j in [first.saturating_sub(1), span_end, span_end + 1] {
        if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::Registry(_))) {
            if let Entry::Registry(i) = h.entry {
                let reg = &ctx.registry[i as usize];
                if matches!(reg.kind, crate::rules::Kind::ArmedGroup) {
                    group = Some(reg.name.clone());
                    break;
                }
            }
        }
    }
    // the interval
    let n = r.value.round().max(0.0) as u64;
    let (low, high, vague, bound) = if let Some((vl, vh)) = r.vague {
        // «أكثر من عشرات» is rare; the vague floor and ceiling stand
        (Some(vl), vh, true, None)
    } else {
        match qualifier.map(|q| q.2) {
            Some(Bound::AtLeast) => (Some(n), None, false, Some(Bound::AtLeast)),
            Some(Bound::MoreThan) => (Some(n + 1), None, false, Some(Bound::MoreThan)),
            Some(Bound::About) => {
                let band = (n as f64 * f.about_band_percent as f64 / 100.0).round() as u64;
                let band = band.max(1);
                (Some(n.saturating_sub(band)), Some(n + band), false, Some(Bound::About))
            }
            Some(Bound::UpTo) => (Some(0), Some(n), false, Some(Bound::UpTo)),
            Some(Bound::FewerThan) => (Some(0), Some(n.saturating_sub(1)), false, Some(Bound::FewerThan)),
            None => (Some(n), Some(n), false, None),
        }
    };
    let start = toks[first].start;
    let end_off = toks[span_end.max(first + 1) - 1].end;
    Some(RawFigure {
        start,
        end: end_off,
        value: r.value,
        low,
        high,
        category,
        vague,
        qualifier: qualifier.map(|q| (q.0, q.1)),
        bound,
        group,
        claim: None,
        source: None,
        place: None,
        event_kind: None,
        as_of: None,
        since: None,
        update,
        previous: None,
        superseded: false,
    })
}

/// «ارتفعت الحصيلة من 31 إلى 32 قتيلاً», "rose from 31 to 32": the later value
/// updates the earlier one.
fn link_updates(ctx: &Ctx, figs: &mut [RawFigure]) {
    for i in 1..figs.len() {
        let (a, b) = (&figs[i - 1], &figs[i]);
        let ta = ctx.seg.tok_at(a.start);
        let tb = ctx.seg.tok_at(b.start);
        if tb <= ta || tb - ta > 4 || ctx.seg.sentence_of(a.start) != ctx.seg.sentence_of(b.start) {
            continue;
        }
        let from = ta > 0 && matches!(ctx.word(ta - 1).to_lowercase().as_str(), "من" | "from");
        let to = tb > 0 && matches!(ctx.word(tb - 1).to_lowercase().as_str(), "إلى" | "الي" | "to");
        if from && to {
            let prev = figs[i - 1].low;
            let cat = figs[i].category;
            figs[i - 1].superseded = true;
            figs[i - 1].category = cat;
            figs[i - 1].group = figs[i].group.clone();
            figs[i].previous = prev;
            figs[i].update = true;
        }
    }
}
