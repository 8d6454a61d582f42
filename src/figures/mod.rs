//! The figures stage. Every counted quantity (casualty counts above all) with its
//! interval, category, group, source, place, event kind and as-of date. Dates,
//! ages, durations, money and percentages are recognised so they never become
//! tolls. All vocabulary is in `rules/*/figures.yaml` and `rules/places.yaml`.
//!
//! - [`read`]: numbers in digits and words, vague quantities, dual nouns;
//! - [`classify`]: what a number counts, and its interval ([`interval`]);
//! - [`when`]: the as-of date.

pub mod classify;
pub mod events;
pub mod interval;
pub mod numbers;
pub mod places;
pub mod read;
pub mod when;

use chrono::NaiveDate;

use crate::attribution::{Ctx, RawClaim};
use crate::model::Figure;
use crate::rules::{Entry, Rules, W};

pub use read::parse_number;

/// A figure as the stage finds it: the output record, plus where it is in the
/// folded text and what it hangs on. The pipeline maps the spans back to the
/// file and names the claim and source.
#[derive(Debug, Clone)]
pub struct Found {
    pub figure: Figure,
    /// Folded span of the figure and of its qualifier.
    pub span: (usize, usize),
    pub qualifier: Option<(usize, usize)>,
    /// Index of the claim it sits in, and that claim's source entity.
    pub claim: Option<usize>,
    pub entity: Option<usize>,
}

/// How many tokens around a figure its context is looked for in.
const WINDOW: usize = 60;

pub fn extract(ctx: &Ctx, claims: &[RawClaim], article_date: Option<NaiveDate>, rules: &Rules) -> Vec<Found> {
    let readings = read::read_numbers(ctx);
    let mut out: Vec<Found> = Vec::with_capacity(readings.len());
    // the places the article names; the first is the default context
    let named = if readings.is_empty() { Vec::new() } else { places::named(ctx, rules) };
    // a dateline («الرياض - واس») is where the story was filed: the place only
    // when the article names no other
    // so is a place inside a source's name ("the health ministry in Damascus",
    // «مصادر طبية في مستشفى الشفاء»): where the source sits, not where people died
    let mut mentions: Vec<(usize, usize)> = claims.iter().filter_map(|c| c.mention).collect();
    mentions.sort_unstable();
    let in_source = |p: &places::Named| {
        let at = ctx.seg.tokens.get(p.tok).map_or(0, |t| t.start);
        let k = mentions.partition_point(|m| m.0 <= at);
        mentions[..k].iter().rev().take(8).any(|m| m.1 > at)
    };
    let (aside, kept): (Vec<places::Named>, Vec<places::Named>) =
        named.into_iter().partition(|p| dateline(ctx, p.tok) || in_source(p) || destination(ctx, p.tok));
    let named = kept;
    let filed = aside.first().cloned();
    let first_place = named.iter().find(|p| !p.weak).or(filed.as_ref());
    // where the incident was, as the headline and lede tell it
    let lede_end = ctx.seg.paragraphs.get(2).or(ctx.seg.paragraphs.last()).map_or(0, |p| ctx.seg.tok_at(p.end));
    let focus = lede_place(&named, lede_end);
    // the place named most: believed when named twice, or in the lede
    let main_counted = main_place(&named, lede_end);
    let main = main_counted.map(|m| m.0).or(first_place);
    // the place the article is about, told more than once
    let main_twice = main_counted.filter(|m| m.1 >= 2).map(|m| m.0);
    // a total over months or a war is told of the widest place the article names
    // around its main place («وزارة الصحة اللبنانية» in a story about one village)
    let widest = main.and_then(|m| {
        named
            .iter()
            .chain(&aside)
            .filter(|p| {
                // a place no gazetteer knows lies in the article's country
                let country = p.rank == 0 && (m.id.starts_with("x:") || rules.country_of(&m.id) == p.id);
                !p.site && (p.id == m.id || rules.inside(&m.id, &p.id) || country)
            })
            .min_by_key(|p| (p.rank, p.weak))
    });
    // named no wider than a province: the region it lies in, below the country
    // (a war's toll told in a story about Nuseirat is the Gaza Strip's)
    let top = widest.filter(|w| w.rank > 0 && !w.id.starts_with("x:")).and_then(|w| {
        let mut cur = w.id.clone();
        for _ in 0..6 {
            match rules.parent_of(&cur).filter(|p| rules.parent_of(p).is_some()) {
                Some(p) => cur = p,
                None => break,
            }
        }
        (cur != w.id).then(|| places::Named { tok: w.tok, name: rules.place_name(&cur), id: cur, rank: 1, weak: false, site: false })
    });
    let widest = top.as_ref().or(widest);
    // claims sorted by start for "which claim holds this figure"
    let mut by_start: Vec<(usize, usize, usize)> = claims.iter().enumerate().map(|(i, c)| (c.start, c.end, i)).collect();
    by_start.sort_unstable();
    let mut pluperfect: Vec<bool> = Vec::new();
    for r in readings {
        // the total a part may belong to: a casualty figure in the same sentence
        let total =
            out.last().filter(|p| p.figure.category.is_casualty() && ctx.seg.sentence_of(p.span.0) == ctx.seg.sentence_of(ctx.seg.tokens[r.first].start));
        let Some(mut f) = classify::classify(ctx, &r, total.map(|p| p.figure.category)) else { continue };
        let pos = f.span.0;
        // the innermost claim holding it
        let k = by_start.partition_point(|x| x.0 <= pos);
        if let Some(&(_, _, ci)) = by_start[..k].iter().rev().take(32).find(|x| x.1 > pos) {
            f.claim = Some(ci);
            f.entity = claims[ci].source;
        }
        // the figure's sentence, but never more than a window around it: a
        // 20 MB line is one "sentence"
        let (sa, sb) = {
            let (s, e) = ctx.sentence_bounds(pos);
            (ctx.seg.tok_at(s).max(r.first.saturating_sub(WINDOW)), ctx.tok_end(e).min(r.end + WINDOW))
        };
        let when = when::as_of(ctx, sa, sb, r.first, article_date);
        // a total since a date, or over a month («خلال حزيران»), is no incident
        let cumulative = (sa..sb).any(|j| ctx.has_hit(j, |e| matches!(e, Entry::Cumulative)) || over_a_period(ctx, j));
        let since = when.since.or_else(|| cumulative.then_some(when.date).flatten());
        let total = cumulative || campaign(since, when.date);
        // a total is told of the widest place its sentence names ("in Syria since
        // December, most of them on the coast"); a toll of the most specific
        let in_sentence = if total { widest_in(&named, sa, sb) } else { specific(&named, sa, sb, r.first) };
        // a toll of another day («غارات في أيار الماضي») is not the lede's incident
        let today = when.date.zip(article_date).is_none_or(|(d, a)| (d - a).num_days().abs() <= 3);
        let focus = focus.filter(|_| today);
        let paragraph = paragraph_place(ctx, &named, pos);
        // an adjective («المرصد السوري») only when the article names no place
        // the lede's place when it lies in the main place, or beside it
        let beside = |m: &places::Named, f: &places::Named| {
            within(rules, m, f) || f.rank >= m.rank && rules.parent_of(&f.id).is_some_and(|p| rules.parent_of(&m.id) == Some(p))
        };
        let fallback = || if total { widest } else { focus.filter(|f| main.is_some_and(|m| beside(m, f))).or(main) };
        let mut place = in_sentence.or(if total { None } else { paragraph }).or_else(fallback).or_else(|| adjective(&named, sa, sb, r.first)).or(named.first());
        // a country or a province names no incident: one day's toll told of
        // "Syria" in an article about Sweida is Sweida's (a total since a date
        // stays where it is told)
        let mut inferred = false;
        if let Some(p) = place.filter(|p| p.rank < 2 && !total) {
            let inside = |q: &&places::Named| within(rules, p, q);
            let para = paragraph.filter(inside);
            // the lede's place when it lies in the place the article names most
            let lede = focus.filter(inside).filter(|f| main_twice.is_none_or(|m| m.id == f.id || within(rules, m, f)));
            let guess = lede.or(main_twice.filter(inside)).or(focus.filter(inside));
            inferred = para.is_none() && guess.is_some();
            place = para.or(guess).or(place);
        }
        let fig = &mut f.figure;
        fig.place = place.map(|p| p.id.clone());
        fig.place_name = place.map(|p| p.name.clone());
        fig.place_inferred = inferred;
        fig.event_kind = nearest(ctx, sa, sb, r.first, |e| matches!(e, Entry::EventKind(_))).and_then(|e| {
            if let Entry::EventKind(k) = e {
                Some(ctx.lr.figures.event_kinds[k as usize].kind.clone())
            } else {
                None
            }
        });
        fig.as_of = when.date.map(|d| d.to_string());
        fig.since = since.map(|d| d.to_string());
        fig.total = total;
        fig.superseded |= told_before(ctx, sa, r.first, r.end);
        pluperfect.push(pluperfect_at(ctx, sa, r.first));
        out.push(f);
    }
    // «وكانت المعلومات قد أشارت إلى جرح 7» beside a toll of 10: the earlier count
    replaced_by_later(&mut out, &pluperfect);
    link_updates(ctx, &mut out);
    coordinated_parts(ctx, &mut out);
    // the first figure after «غارة أخرى» starts the incident; the rest of its
    // sentence tells the same one
    let mut fresh: Vec<bool> = out.iter().map(|f| another_incident(ctx, f.span.0)).collect();
    for i in (1..fresh.len()).rev() {
        if fresh[i] && fresh[i - 1] && ctx.seg.sentence_of(out[i].span.0) == ctx.seg.sentence_of(out[i - 1].span.0) {
            fresh[i] = false;
        }
    }
    events::group(&mut out, &fresh, rules);
    out
}

/// The closest hit of a kind in the sentence, preferring what precedes the figure.
fn nearest(ctx: &Ctx, a: usize, b: usize, at: usize, f: impl Fn(&Entry) -> bool) -> Option<Entry> {
    let mut best: Option<(usize, Entry)> = None;
    // "opened fire": a word inside a longer match is that match's ("fire" is no fire)
    let mut reach = 0;
    for j in a..b {
        if ctx.seg.tokens[j].start < reach {
            continue;
        }
        if let Some(h) = ctx.hits_at_tok(j).iter().filter(|h| f(&h.entry)).max_by_key(|h| h.end) {
            reach = h.end;
            let d = if j <= at { at - j } else { (j - at) * 2 };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, h.entry));
            }
        }
    }
    best.map(|x| x.1)
}

/// Is a toll since `since` as of `date` a total over a campaign, a month or a
/// war, rather than one incident's running toll ("426 killed since the clashes
/// erupted on July 13", told on the 17th)? A total with no start told has its
/// as-of date for a start.
pub(crate) fn campaign(since: Option<NaiveDate>, date: Option<NaiveDate>) -> bool {
    match (since, date) {
        (Some(s), Some(d)) => s == d || (d - s).num_days() > 30,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// The id of a place the gazetteer lacks, from its name in either script:
/// `x:` and the folded, lower-cased name (what `timeline --place` looks up).
pub fn unlisted_place_id(name: &str) -> String {
    let key: Vec<String> = crate::text::fold(name).to_lowercase().split_whitespace().map(String::from).collect();
    format!("x:{}", key.join("-"))
}

/// A settlement noun and the name after it in `[a, b)`: «بلدة سروج», «قرية تل
/// شور», "the village of Kafr Nabudah". The name is one or two words no rule
/// knows (two after a name head: «تل», «عين»).
pub(crate) fn framed_place(ctx: &Ctx, a: usize, b: usize) -> Option<String> {
    let plain = |j: usize| {
        ctx.tok(j).is_some_and(|t| t.kind == crate::text::TokKind::Word)
            && ctx.hits_at_tok(j).is_empty()
            && !ctx.function_word(j)
            && !ctx.is(j, W::NotPlaces)
            && ctx.word(j).chars().count() >= 2
    };
    for k in a..b {
        if !ctx.is(k, W::PlaceFrames) {
            continue;
        }
        let english = ctx.lang() == crate::rules::Lang::En;
        let mut j = k + 1;
        // «مخيم «زمزم»»: the name may be quoted
        if ctx.is_quote(j) {
            j += 1;
        }
        if english {
            // "the village of X": a capitalised name after "of"
            if !ctx.word(j).eq_ignore_ascii_case("of") {
                continue;
            }
            j += 1;
            let n = (j..(j + 3).min(b)).take_while(|&i| plain(i) && ctx.capitalised(i)).count();
            if n > 0 {
                return Some(ctx.text[ctx.seg.tokens[j].start..ctx.seg.tokens[j + n - 1].end].to_string());
            }
            continue;
        }
        // «مديرية الأمن» is an office; «بلدة الخيام» a town
        if j >= b || !plain(j) || ctx.definite(j) && !ctx.is(k, W::SettlementFrames) {
            continue;
        }
        let two = ctx.is(j, W::PlaceNameHeads) && j + 1 < b && plain(j + 1) && !ctx.definite(j + 1);
        let end = if two { j + 1 } else { j };
        return Some(ctx.text[ctx.seg.tokens[j].start..ctx.seg.tokens[end].end].to_string());
    }
    None
}

/// The place of a figure in `[a, b)`: the most specific one named (a town over
/// its country: «الحرب في سوريا: 200 قتيل في السويداء»), the nearest of those,
/// preferring what precedes the figure.
fn specific(named: &[places::Named], a: usize, b: usize, at: usize) -> Option<&places::Named> {
    let from = named.partition_point(|p| p.tok < a);
    let to = named.partition_point(|p| p.tok < b);
    let span = &named[from..to];
    let dist = |p: &places::Named| if p.tok <= at { at - p.tok } else { (p.tok - at) * 2 };
    // a hospital or a port only when nothing else is named
    span.iter().filter(|p| !p.weak).max_by_key(|p| (!p.site, p.rank, std::cmp::Reverse(dist(p))))
}

/// Is `q` a place inside `p`, and smaller? A place the gazetteers lack («بلدة
/// عيناثا») has no known parent: it is taken to lie where the article is.
fn within(rules: &Rules, p: &places::Named, q: &places::Named) -> bool {
    q.rank > p.rank && !q.site && (q.id.starts_with("x:") || if p.rank == 0 { rules.country_of(&q.id) == p.id } else { rules.inside(&q.id, &p.id) })
}

/// The most specific place of the headline and the lede (the first three
/// paragraphs): where the incident the article reports happened.
fn lede_place(named: &[places::Named], end: usize) -> Option<&places::Named> {
    // the lede tells it more exactly than the headline
    named.iter().take_while(|p| p.tok < end).filter(|p| !p.weak && !p.site && p.rank >= 2).max_by_key(|p| (p.rank, p.tok))
}

/// «خلال حزيران/يونيو», "during June": a toll over a month.
fn over_a_period(ctx: &Ctx, j: usize) -> bool {
    ctx.is(j, W::PeriodOpeners) && (j + 1..j + 3).any(|k| ctx.has_hit(k, |e| matches!(e, Entry::Month(_))))
}

/// «الحصيلة الأولية 10 قتلى», "an initial toll of 8", «صرح قبلها بسقوط ثمانية
/// قتلى»: a count told before the one the article reports, which later ones
/// replace. `a`: where the figure's sentence starts.
fn told_before(ctx: &Ctx, a: usize, first: usize, end: usize) -> bool {
    // close by, in the figure's sentence («الإسعافات الأولية» further on is first aid)
    let sentence_end = ctx.seg.tok_at(ctx.sentence_bounds(ctx.seg.tokens[first].start).1);
    let near = (first.saturating_sub(4).max(a)..first).chain(end..(end + 2).min(sentence_end));
    // «أعلن في حصيلة سابقة أن …»: the report the count is told in was an earlier
    // one («في», a cue noun, the word), with no other count before this one
    let earlier_report = |j: usize| {
        j > a + 1
            && ctx.is(j, W::EarlierCounts)
            && ctx.has_hit(j - 1, |e| matches!(e, Entry::CueNoun(_)))
            && ctx.is(j - 2, W::ChannelPrepositions)
            && (j + 1..first).all(|k| ctx.seg.tokens[k].kind != crate::text::TokKind::Number && !ctx.has_hit(k, |e| matches!(e, Entry::Number(_))))
    };
    near.into_iter().any(|j| ctx.is(j, W::EarlierCounts)) || (first.saturating_sub(30).max(a)..first).any(earlier_report)
}

/// A copula, then «قد», then the figure: «وكان قائد الشرطة قد صرح بسقوط ثمانية
/// قتلى», a count told in the past perfect.
fn pluperfect_at(ctx: &Ctx, a: usize, first: usize) -> bool {
    let copula = |j: usize| {
        let w = ctx.word(j);
        ctx.is(j, W::Copulas) || ctx.lr.is(&w[ctx.lr.morph.noun_conj_len(w)..], W::Copulas)
    };
    let from = first.saturating_sub(15).max(a);
    (from..first).find(|&j| copula(j)).is_some_and(|c| (c + 1..first).any(|j| ctx.is(j, W::PerfectParticles)))
}

/// A count told in the past perfect is an earlier one when the article gives a
/// higher count of the same kind: the later one replaced it. (Alone, it is a
/// republished figure, which `check` may find stale.)
fn replaced_by_later(figs: &mut [Found], pluperfect: &[bool]) {
    // the highest count of each category the article gives in the present
    let mut top: Vec<(crate::model::Category, Option<String>, u64)> = Vec::new();
    for (f, _) in figs.iter().zip(pluperfect).filter(|(f, p)| !**p && !f.figure.subset && !f.figure.vague) {
        let v = f.figure.low.unwrap_or(0);
        match top.iter_mut().find(|t| t.0 == f.figure.category && t.1 == f.figure.group) {
            Some(t) => t.2 = t.2.max(v),
            None => top.push((f.figure.category, f.figure.group.clone(), v)),
        }
    }
    for (f, _) in figs.iter_mut().zip(pluperfect).filter(|(_, p)| **p) {
        let later = top.iter().any(|t| t.0 == f.figure.category && t.1 == f.figure.group && t.2 > f.figure.high.unwrap_or(u64::MAX));
        f.figure.superseded |= later;
    }
}

/// The widest place named in `[a, b)`, the first of those.
fn widest_in(named: &[places::Named], a: usize, b: usize) -> Option<&places::Named> {
    let from = named.partition_point(|p| p.tok < a);
    let to = named.partition_point(|p| p.tok < b);
    named[from..to].iter().filter(|p| !p.weak).min_by_key(|p| (p.site, p.rank))
}

/// The nearest adjective of a place in `[a, b)` («الانتخابات التركية»).
fn adjective(named: &[places::Named], a: usize, b: usize, at: usize) -> Option<&places::Named> {
    let from = named.partition_point(|p| p.tok < a);
    let to = named.partition_point(|p| p.tok < b);
    named[from..to].iter().filter(|p| p.weak).min_by_key(|p| if p.tok <= at { at - p.tok } else { (p.tok - at) * 2 })
}

/// The article's main place: the place below a country it names most often (a
/// hospital or a port is where the wounded went or what was hit, not where).
fn main_place(named: &[places::Named], lede_end: usize) -> Option<(&places::Named, usize)> {
    // (id, rank, count, first index)
    let mut counts: Vec<(&str, u8, usize, usize)> = Vec::new();
    for (i, p) in named.iter().enumerate().filter(|(_, p)| !p.weak && p.rank > 0 && !p.site) {
        match counts.iter_mut().find(|c| c.0 == p.id) {
            Some(c) => c.2 += 1,
            None => counts.push((&p.id, p.rank, 1, i)),
        }
    }
    // the one named most often, a town over its province, then the first; one
    // named once only if in the lede
    let best = counts.iter().filter(|c| c.2 >= 2 || named[c.3].tok < lede_end).max_by_key(|c| (c.2, c.1, std::cmp::Reverse(c.3)))?;
    named.get(best.3).map(|p| (p, best.2))
}

/// «نقل الجريحان إلى مستشفى في مدينة بنت جبيل», "fled to Deraa": where people
/// were taken, not where they were hurt.
fn destination(ctx: &Ctx, tok: usize) -> bool {
    for d in (tok.saturating_sub(8)..tok).rev() {
        if ctx.punct(d).is_some_and(|c| c != '-' && c != '\'') {
            return false;
        }
        if ctx.is(d, W::DestinationPrepositions) {
            return (d.saturating_sub(4)..d).any(|k| ctx.is(k, W::TransferWords));
        }
    }
    false
}

/// «الرياض - واس»: a place opening a paragraph before a dash is where the
/// story was filed, not where it happened.
fn dateline(ctx: &Ctx, tok: usize) -> bool {
    let Some(t) = ctx.tok(tok) else { return false };
    let para = ctx.seg.para_of(t.start);
    let start = ctx.seg.paragraphs.get(para).map_or(0, |p| ctx.seg.tok_at(p.start));
    tok <= start + 1 && (tok + 1..tok + 4).any(|k| matches!(ctx.punct(k), Some('-' | '–' | '—' | ':')))
}

fn paragraph_place<'n>(ctx: &Ctx, named: &'n [places::Named], pos: usize) -> Option<&'n places::Named> {
    let p = ctx.seg.paragraphs.get(ctx.seg.para_of(pos))?;
    let t = ctx.seg.tok_at(pos);
    let (a, b) = (ctx.seg.tok_at(p.start).max(t.saturating_sub(4 * WINDOW)), ctx.tok_end(p.end).min(t + 4 * WINDOW));
    let from = named.partition_point(|x| x.tok < a);
    let span = &named[from..];
    let n = span.iter().take_while(|x| x.tok < b).count();
    // the most specific, then the first
    span[..n].iter().filter(|x| !x.weak).max_by_key(|x| (!x.site, x.rank, std::cmp::Reverse(x.tok)))
}

/// «غارة أخرى دمرت مدفع هاون وقتل 2 من طاقمه», "another strike killed two":
/// the figure's clause tells a second incident.
fn another_incident(ctx: &Ctx, pos: usize) -> bool {
    let at = ctx.seg.tok_at(pos);
    let (s, _) = ctx.sentence_bounds(pos);
    let from = ctx.seg.tok_at(s).max(at.saturating_sub(12));
    let kind = |k: usize| ctx.has_hit(k, |e| matches!(e, Entry::EventKind(_)));
    (from..at).any(|k| kind(k) && (ctx.is(k + 1, W::AnotherWords) || k > 0 && ctx.is(k - 1, W::AnotherWords)))
}

/// «بينهم 7 مدنيين و3 شرطيين»: a count joined to a part of a total is a part
/// too. (Counts of two groups side by side, «71 مسلحا و7 عسكريين», are each
/// their group's toll: `check` reads a toll only against its own group's.)
fn coordinated_parts(ctx: &Ctx, figs: &mut [Found]) {
    for i in 1..figs.len() {
        let (a, b) = (&figs[i - 1].figure, &figs[i].figure);
        if a.category != b.category || b.group.is_none() || !a.category.is_casualty() {
            continue;
        }
        let after = ctx.tok_end(figs[i - 1].span.1);
        let first = ctx.seg.tok_at(figs[i].span.0);
        let glued = first == after && ctx.lr.morph.starts_with_noun_conj(ctx.word(first));
        let joined = first == after + 1 && ctx.is(after, W::CountCoordinators);
        if !(glued || joined) {
            continue;
        }
        if a.subset {
            figs[i].figure.subset = true;
        }
    }
}

/// Is the number at token `tb` the later value of «من 31 إلى 32», "from 31 to
/// 32", whose earlier value is a bare number at `tb - 2`?
pub(crate) fn after_from_to(ctx: &Ctx, tb: usize) -> bool {
    tb >= 3 && ctx.is(tb - 1, W::UpdateTo) && ctx.seg.tokens[tb - 2].kind == crate::text::TokKind::Number && ctx.is(tb - 3, W::UpdateFrom)
}

/// «ارتفعت الحصيلة من 31 إلى 32 قتيلاً», "rose from 31 to 32": the later value
/// updates the earlier one.
fn link_updates(ctx: &Ctx, figs: &mut [Found]) {
    // «من 31 إلى 32 قتيلاً»: the earlier value is a bare number, no figure of its own
    for f in figs.iter_mut() {
        let tb = ctx.seg.tok_at(f.span.0);
        if after_from_to(ctx, tb) {
            if let Some(v) = numbers::parse_digits(ctx.word(tb - 2), false) {
                f.figure.previous = Some(v as u64);
                f.figure.update = true;
            }
        }
    }
    for i in 1..figs.len() {
        let (a, b) = (figs[i - 1].span.0, figs[i].span.0);
        let ta = ctx.seg.tok_at(a);
        let tb = ctx.seg.tok_at(b);
        if tb <= ta || tb - ta > 4 || ctx.seg.sentence_of(a) != ctx.seg.sentence_of(b) || ta == 0 {
            continue;
        }
        let word = |t: usize, w: W| ctx.is(t - 1, w);
        if word(ta, W::UpdateFrom) && word(tb, W::UpdateTo) {
            replace(figs, i - 1, i);
        } else if word(ta, W::UpdateTo) && word(tb, W::UpdateFrom) {
            // "rose to 26 from 19": the later value first
            replace(figs, i, i - 1);
        }
    }
}

/// The figure `new` replaces the figure `old` it rose from: `old` takes its
/// category and group and is superseded.
fn replace(figs: &mut [Found], old: usize, new: usize) {
    let prev = figs[old].figure.low;
    let (cat, group) = (figs[new].figure.category, figs[new].figure.group.clone());
    let o = &mut figs[old].figure;
    o.superseded = true;
    o.update = false;
    o.category = cat;
    o.group = group;
    figs[new].figure.previous = prev;
    figs[new].figure.update = true;
}
