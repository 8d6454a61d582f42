//! What a number counts: the counted noun after it, the frames around it
//! («مقتل 27», "40 people were killed"), its group and its interval. Numbers
//! that are dates, times, ages, money or percentages are not counts.

use super::interval::interval;
use super::read::Reading;
use super::Found;
use crate::attribution::Ctx;
use crate::model::{Bound, Category, Figure, Kind};
use crate::rules::{Entry, Position, W};
use crate::text::{is_question, is_semicolon, TokKind};
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
        let nisba =
            ctx.hits_at_tok(j).is_empty() && w.chars().count() >= 4 && ctx.lr.morph.nisba_endings.iter().any(|e| w.ends_with(e.as_str())) && !ctx.definite(j);
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
        (fr.position == pos || fr.position == Position::Both).then_some((fr.category, ctx.tok_end(h.end), fr.weak))
    })
}

/// The counted noun or group after the number.
struct Noun {
    category: Option<Category>,
    group: Option<String>,
    /// "of the dead", «من الجرحى»: a part of a set named before.
    subset: bool,
    /// One past the last token of the figure's span.
    end: usize,
}

/// What stands before the number in its clause.
#[derive(Default)]
struct Before {
    qualifier: Option<(usize, usize, Bound)>,
    frame: Option<(Category, bool)>,
    update: bool,
}

/// `inherited`: the category of a total this number is part of ("15 people,
/// including four children"), when the number says none itself.
pub(super) fn classify(ctx: &Ctx, r: &Reading, inherited: Option<Category>) -> Option<Found> {
    if not_a_count(ctx, r) {
        return None;
    }
    let toks = &ctx.seg.tokens;
    let (first, end) = (r.first, r.end);
    let mut noun = noun_after(ctx, r);
    let before = before(ctx, first);
    let frame_after = frame_after(ctx, noun.end);
    // which tells the category: a killing or wounding frame beats a displaced or
    // detained noun («مقتل 5 لاجئين», «مقتل 3 أسرى»); a noun beats a frame otherwise
    let strong = |c: Category| matches!(c, Category::Killed | Category::Wounded | Category::Casualties);
    let weak_gives_way = noun.category.is_none() && noun.group.is_none() && unknown_noun_at(ctx, noun.end);
    let framed = frame_after.or(before.frame.filter(|(_, weak)| !(*weak && weak_gives_way)).map(|x| x.0));
    let category = match (noun.category, framed) {
        (Some(c), Some(fc)) if strong(fc) && !strong(c) && c != Category::Other => Some(fc),
        (Some(Category::Other), Some(fc)) => Some(fc),
        (Some(c), _) => Some(c),
        (None, fc) => fc,
    };
    let qualifier = before.qualifier.or_else(|| qualifier_after(ctx, noun.end));
    // "including four children", «بينهم 31 طفلاً»: a part of the total before it
    let marked = (first.saturating_sub(8)..first).rev().take_while(|&j| ctx.punct(j).is_none()).any(|j| ctx.is(j, W::SubsetMarkers));
    // «بين القتلى ثلاثة أطفال», "among the dead were four children": the set names the category
    let set = set_before(ctx, first);
    let marked = marked || set.is_some();
    let inherited = set.or(inherited);
    // «أحد القادة», "one of the leaders": one of a set, not a toll
    let one_of = r.value == 1.0 && r.vague.is_none() && r.dual.is_none() && r.end == r.first + 1 && ctx.definite(r.end) && toks[first].kind != TokKind::Number;
    let subset = noun.subset || one_of || marked && (noun.group.is_some() || noun.category.is_some() || set.is_some());
    // "several of the wounded": a vague part of a set counts nobody
    if noun.subset && r.vague.is_some() {
        return None;
    }
    let category = match category.or(if marked && (noun.group.is_some() || noun.category.is_some() || set.is_some()) { inherited } else { None }) {
        Some(c) => c,
        None => {
            // another counted noun: «4 اتفاقات», "three strikes" (other); bare numbers are not figures
            if r.vague.is_some() || r.dual.is_some() || !other_noun_at(ctx, end) || toks[first].kind != TokKind::Number {
                return None;
            }
            noun.end = end + 1;
            Category::Other
        }
    };
    // «إصابة 41 حالة بالكوليرا», "41 cholera cases": cases of a disease, not wounded
    // (deaths from a disease are deaths: «9 وفيات بالكوليرا», "cholera has killed 11")
    let category = if category != Category::Killed && disease_near(ctx, first, noun.end) { Category::Cases } else { category };
    let group = noun.group.or_else(|| match counted_at(ctx, noun.end) {
        Some((Counted::Group(g), _)) => g,
        _ => None,
    });
    let group = armed_group_near(ctx, first, noun.end).or(group);
    let (mut low, mut high, vague, bound) = interval(r, qualifier.map(|q| q.2));
    // «ثلث الضحايا», "half of the dead": a share of a total, no count of its own
    let share = r.value < 1.0 && r.vague.is_none() && r.dual.is_none();
    let subset = subset || share;
    if share {
        (low, high) = (None, None);
    }
    let mut span = (toks[first].start, toks[noun.end.max(first + 1) - 1].end);
    // «وامرأتين»: the conjunction is not part of a noun that counts itself
    if r.dual.is_some() {
        span.0 += ctx.lr.morph.noun_conj_len(ctx.word(first));
    }
    let figure = Figure {
        id: String::new(),
        start: 0,
        end: 0,
        line: 0,
        col: 0,
        text: String::new(),
        category,
        low,
        high,
        vague,
        qualifier: None,
        bound,
        group,
        source: None,
        claim: None,
        place: None,
        place_name: None,
        place_inferred: false,
        event_kind: None,
        event: None,
        as_of: None,
        since: None,
        total: false,
        update: before.update,
        previous: None,
        superseded: false,
        subset,
    };
    Some(Found { figure, span, qualifier: qualifier.map(|q| (q.0, q.1)), claim: None, entity: None })
}

/// A disease named within four words of the count, in its clause.
fn disease_near(ctx: &Ctx, first: usize, end: usize) -> bool {
    let lo = first.saturating_sub(4);
    let hi = (end + 4).min(ctx.seg.tokens.len());
    let near = |j: usize| ctx.punct(j).is_none() && ctx.lr.is(ctx.lr.morph.strip(&crate::text::lower(ctx.word(j))), W::DiseaseWords);
    (lo..first).rev().take_while(|&j| ctx.punct(j).is_none()).any(near) || (first + 1..hi.max(end)).take_while(|&j| ctx.punct(j).is_none()).any(near)
}

/// «بين القتلى», "among the dead (were)": a preposition and a definite counted
/// noun just before the number; the noun's category.
fn set_before(ctx: &Ctx, first: usize) -> Option<Category> {
    let lo = first.saturating_sub(4);
    // "among the dead, 12 were children": a comma may stand between
    (lo..first).rev().take_while(|&j| ctx.punct(j).is_none() || ctx.is_comma(j)).find_map(|j| {
        if !ctx.is(j, W::SubsetPrepositions) {
            return None;
        }
        let k = if ctx.is(j + 1, W::DefiniteArticles) { j + 2 } else { j + 1 };
        let h = ctx.best_hit(k, |e| matches!(e, Entry::CountNoun { .. }))?;
        let Entry::CountNoun { idx, .. } = h.entry else { return None };
        (ctx.definite(k) || k == j + 2).then(|| ctx.lr.figures.nouns[idx as usize].category)
    })
}

/// Clock times, years, dates, ages, money and percentages are not head counts.
fn not_a_count(ctx: &Ctx, r: &Reading) -> bool {
    if r.dual.is_some() || r.vague.is_some() {
        return false;
    }
    let (first, end) = (r.first, r.end);
    let w = ctx.word(first);
    if w.contains(':') {
        return true;
    }
    let year_like = ctx.seg.tokens[first].kind == TokKind::Number && w.len() == 4 && (1900..=2100).contains(&(r.value as i64)) && r.value.fract() == 0.0;
    let month_near = ctx.has_hit(end, |e| matches!(e, Entry::Month(_))) || first > 0 && ctx.has_hit(first - 1, |e| matches!(e, Entry::Month(_)));
    month_near
        || is_measure(ctx, end, Position::After)
        || (first > 0 && is_measure(ctx, first - 1, Position::Before))
        || matches!(ctx.punct(end), Some('%'))
        || (first > 0 && matches!(ctx.punct(first - 1), Some('$' | '€' | '£')))
        || (year_like && counted_at(ctx, end).is_none())
}

/// The counted noun after the number: «426 قتيلاً», "40 civilians", «عشرات
/// القتلى والجرحى»; a dual noun is its own count.
fn noun_after(ctx: &Ctx, r: &Reading) -> Noun {
    let f = &ctx.lr.figures;
    let mut n = Noun { category: None, group: None, subset: false, end: r.end };
    if let Some(e) = r.dual {
        match e {
            Entry::CountNoun { idx, .. } => {
                n.category = Some(f.nouns[idx as usize].category);
                n.group = f.nouns[idx as usize].group.clone();
            }
            Entry::Group { idx, .. } => n.group = f.groups[idx as usize].group.clone(),
            _ => {}
        }
    }
    let mut k = r.end;
    if ctx.is(k, W::CountPartitives) {
        k += 1; // «عشرات من المدنيين», "dozens of people"
                // "five of the wounded", «خمسة من الجرحى»: part of a known set
                // (a group word after it is generic: «المئات من المدنيين» are any civilians)
        let article = ctx.is(k, W::DefiniteArticles);
        if article {
            k += 1;
        }
        n.subset = (article || ctx.definite(k)) && ctx.has_hit(k, |e| matches!(e, Entry::CountNoun { .. }));
    }
    // «مقتل 7 وإصابة 250»: a noun with «و» on it starts the next count
    let coordinated = ctx.hits_at_tok(k).iter().any(|h| h.conj && matches!(h.entry, Entry::CountNoun { .. } | Entry::Group { .. }));
    if r.dual.is_none() && !coordinated {
        match counted_at(ctx, k) {
            Some((Counted::Noun(cat, g), e)) => {
                n.category = Some(cat);
                n.group = g.or(n.group);
                n.end = e;
                // «القتلى والجرحى», "killed and wounded": both, unsplit
                let mut m = e;
                if ctx.is(m, W::CountCoordinators) {
                    m += 1;
                }
                if let Some((Counted::Noun(c2, _), e2)) = counted_at(ctx, m) {
                    // «تسعة قتلى وإصابة 24 آخرين»: the second noun has a count of its own
                    let own_count = ctx.tok(e2).is_some_and(|t| t.kind == crate::text::TokKind::Number)
                        || ctx.has_hit(e2, |e| matches!(e, Entry::Number(_)))
                        || ctx.is(e2, W::AnotherWords);
                    if c2 != cat && c2.is_casualty() && cat.is_casualty() && !own_count {
                        n.category = Some(Category::Casualties);
                        n.end = e2;
                    }
                }
            }
            Some((Counted::Group(g), e)) => {
                n.group = g.or(n.group);
                n.end = e;
            }
            None => {}
        }
    }
    // «من المدنيين», "of them civilians": the group after the noun
    if n.group.is_none() && ctx.is(n.end, W::CountGroupLinks) {
        match counted_at(ctx, n.end + 1) {
            Some((Counted::Group(g), _)) => n.group = g,
            // «عشرة أشخاص من القتلى»: people of a set named before
            Some((Counted::Noun(c, _), _)) if ctx.definite(n.end + 1) && c.is_casualty() => {
                n.subset = true;
                n.category = n.category.or(Some(c));
            }
            _ => {}
        }
    }
    // «20 جريحا ما زالوا في حالة حرجة», "five in critical condition": some of them
    // (up to the next number or «بينهم»: «أصيب 12 بينهم 3 في حالة حرجة» is a whole toll)
    // a number word that is also a weekday («الاثنين») is the day
    let number = |j: usize| ctx.has_hit(j, |e| matches!(e, Entry::Number(_))) && !ctx.has_hit(j, |e| matches!(e, Entry::Weekday(_)));
    let open = |j: usize| {
        (ctx.punct(j).is_none() || ctx.is_quote(j)) && ctx.tok(j).is_some_and(|t| t.kind != TokKind::Number) && !number(j) && !ctx.is(j, W::SubsetMarkers)
    };
    if (n.end..n.end + 9).take_while(|&j| open(j)).any(|j| ctx.is(j, W::ConditionWords)) {
        n.subset = true;
    }
    n
}

/// A frame before: «مقتل 27», «أسفر عن مقتل ما لا يقل عن 40», "killed at least
/// 40", "the death toll from the car bombing in Manbij rose to 15" (a clause away).
fn before(ctx: &Ctx, first: usize) -> Before {
    let f = &ctx.lr.figures;
    let sent_start = ctx.seg.tok_at(ctx.sentence_bounds(ctx.seg.tokens[first].start).0);
    let mut b = Before::default();
    // "rose from 19 to 26": the window is the earlier value's
    let anchor = if super::after_from_to(ctx, first) { first - 3 } else { first };
    let lo = anchor.saturating_sub(12).max(sent_start);
    let mut comma = false;
    for j in (lo..first).rev() {
        if ctx.punct(j).is_some_and(|c| matches!(c, '.' | ':') || is_semicolon(c) || is_question(c)) {
            break;
        }
        comma |= ctx.is_comma(j);
        // «سقوط 194 قنبلة … بلغ عددها 144»: a frame before another count of
        // something else is that count's
        let year = |k: usize| ctx.word(k).len() == 4 && (ctx.word(k).starts_with("19") || ctx.word(k).starts_with("20"));
        let counts_else = ctx.tok(j).is_some_and(|t| t.kind == TokKind::Number)
            && j + 1 < first
            && other_noun_at(ctx, j + 1)
            && counted_at(ctx, j + 1).is_none()
            && !year(j)
            && !ctx.function_word(j + 1)
            && !ctx.is(j + 1, W::AnotherWords)
            // a new clause between («… وفي حماة بلغ عددها»); "129 loyalists and 116
            // rebels" share the frame
            && (j + 2..first).any(|k| ctx.has_hit(k, |e| matches!(e, Entry::Verb { .. } | Entry::Update | Entry::CountFrame(_))));
        if counts_else && b.frame.is_none() {
            break;
        }
        if b.qualifier.is_none() {
            if let Some(h) = ctx.hits_at_tok(j).iter().find(|h| matches!(h.entry, Entry::NumQualifier(_))) {
                if let Entry::NumQualifier(q) = h.entry {
                    let qd = &f.qualifiers[q as usize];
                    // it must lead straight to the number
                    if qd.position == Position::Before && ctx.tok_end(h.end) + 1 >= first {
                        b.qualifier = Some((h.start, h.end, qd.bound));
                    }
                }
            }
        }
        if ctx.has_hit(j, |e| matches!(e, Entry::Update)) {
            b.update = true;
        }
        if let Some((c, e, weak)) = frame_at(ctx, j, Position::Before) {
            // «منذ سقوط النظام، إلى جانب مئات آلاف اللاجئين»: a frame with a noun
            // of its own, in a clause before, frames no later number
            let own = comma && ctx.tok(e).is_some_and(|t| t.kind == TokKind::Word) && ctx.hits_at_tok(e).is_empty() && !ctx.function_word(e);
            if b.frame.is_none() && !own {
                b.frame = Some((c, weak));
                // «مقتل وإصابة 40»: a longer frame ending here is the frame
                if let Some((c2, _, w2)) = j.checked_sub(1).and_then(|p| frame_at(ctx, p, Position::Before)).filter(|x| x.1 > j) {
                    b.frame = Some((c2, w2));
                }
            }
        }
    }
    b
}

/// A frame after: «لقي 5 حتفهم», "40 people were killed", «411 مدنيا قتلوا»,
/// «20 شخصا بين قتيل وجريح»; it may follow a second count («25 حوثيا و10 من رجال
/// المقاومة سقطوا قتلى»).
fn frame_after(ctx: &Ctx, from: usize) -> Option<Category> {
    for j in from..(from + 9).min(ctx.seg.tokens.len()) {
        if let Some((c, _, _)) = frame_at(ctx, j, Position::After) {
            return Some(c);
        }
        if ctx.punct(j).is_some() || ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::CountFrame(_))) {
            return None;
        }
    }
    None
}

/// A qualifier after: «على الأقل», "or more".
fn qualifier_after(ctx: &Ctx, from: usize) -> Option<(usize, usize, Bound)> {
    for j in from..(from + 2).min(ctx.seg.tokens.len()) {
        if let Some(h) = ctx.hits_at_tok(j).iter().find(|h| matches!(h.entry, Entry::NumQualifier(_))) {
            if let Entry::NumQualifier(q) = h.entry {
                let qd = &ctx.lr.figures.qualifiers[q as usize];
                if qd.position == Position::After {
                    return Some((h.start, h.end, qd.bound));
                }
            }
        }
    }
    None
}

/// An unlisted noun after the number, which a weak frame gives way to («سقوط 3
/// صواريخ»).
fn unknown_noun_at(ctx: &Ctx, j: usize) -> bool {
    let w = ctx.word(j);
    ctx.tok(j).is_some_and(|t| t.kind == TokKind::Word) && w.chars().count() >= 3 && ctx.hits_at_tok(j).is_empty() && !ctx.is(j, W::NotCounted)
}

/// A noun that makes a number a count of something else: «4 اتفاقات», "three strikes".
fn other_noun_at(ctx: &Ctx, j: usize) -> bool {
    let Some(t) = ctx.tok(j) else { return false };
    let w = ctx.word(j);
    t.kind == TokKind::Word
        && w.chars().count() >= 3
        && ctx.hits_at_tok(j).iter().all(|h| matches!(h.entry, Entry::Registry(_) | Entry::Head(_)))
        && !ctx.is(j, W::NotCounted)
}

/// The group named: "Taliban fighters", «من مسلحي حركة الشباب»: an armed group
/// right beside the counted noun names it.
fn armed_group_near(ctx: &Ctx, first: usize, end: usize) -> Option<String> {
    for j in [first.saturating_sub(1), end, end + 1] {
        if let Some(h) = ctx.best_hit(j, |e| matches!(e, Entry::Registry(_))) {
            if let Entry::Registry(i) = h.entry {
                let reg = &ctx.registry[i as usize];
                if reg.kind == Kind::ArmedGroup {
                    return Some(reg.name.clone());
                }
            }
        }
    }
    None
}
