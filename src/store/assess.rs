//! The status of a figure against the earlier figures of its event: new,
//! consistent, update, revision_down, stale or conflict. Pure: no store here.

use serde::Serialize;

use super::{Against, StoredFigure};
use crate::model::{Bound, Category, Status};
use crate::rules::CheckFile;

/// The event a figure belongs to, as scripts see it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Event {
    /// The event's id across articles (`isnad events`, `timeline --event`).
    pub id: Option<String>,
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub category: Category,
    pub group: Option<String>,
    pub kind: Option<String>,
}

impl Event {
    pub fn of(f: &StoredFigure) -> Event {
        let g = &f.figure;
        Event {
            id: f.event.clone(),
            place: g.place.clone(),
            place_name: g.place_name.clone(),
            category: g.category,
            group: g.group.clone(),
            kind: g.event_kind.clone(),
        }
    }
}

/// What `check` says of one figure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FigureCheck {
    pub status: Status,
    pub event: Event,
    pub against: Vec<Against>,
}

/// The interval a figure stands for: "about 30" widened by the tolerance.
fn band(f: &StoredFigure, w: &CheckFile) -> (u64, u64) {
    band_of(f, w, false)
}

/// `round`: a round "500" counts as "about 500" (for conflicts only: a bulletin
/// going from 12,000 to 12,300 is still a rise).
fn band_of(f: &StoredFigure, w: &CheckFile, round: bool) -> (u64, u64) {
    let (mut lo, hi) = (f.figure.low.unwrap_or(0), f.figure.high.unwrap_or(u64::MAX));
    // "more than 200" is said of 200 itself as often as of 201
    if f.figure.bound == Some(Bound::MoreThan) {
        lo = lo.saturating_sub(1);
    }
    let round = round && f.figure.bound.is_none() && lo == hi && lo >= 100 && lo % 100 == 0;
    if f.figure.bound != Some(Bound::About) && !round {
        return (lo, hi);
    }
    let d = |n: u64| ((n as f64 * w.about_tolerance_percent as f64 / 100.0).round() as u64).max(1);
    (lo.saturating_sub(d(lo)), hi.saturating_add(d(hi)))
}

fn overlap(a: &StoredFigure, b: &StoredFigure, w: &CheckFile) -> bool {
    let (a, b) = (band(a, w), band(b, w));
    a.0.max(b.0) <= a.1.min(b.1)
}

/// Overlap with round numbers read as approximate: "more than 500" and "500"
/// do not conflict.
fn overlap_loose(a: &StoredFigure, b: &StoredFigure, w: &CheckFile) -> bool {
    let (a, b) = (band_of(a, w, true), band_of(b, w, true));
    a.0.max(b.0) <= a.1.min(b.1)
}

/// `a` lies wholly above `b`.
fn higher(a: &StoredFigure, b: &StoredFigure, w: &CheckFile) -> bool {
    band(a, w).0 > band(b, w).1
}

/// `a` lies wholly below `b`.
fn lower(a: &StoredFigure, b: &StoredFigure, w: &CheckFile) -> bool {
    band(a, w).1 < band(b, w).0
}

pub fn against(c: &StoredFigure) -> Against {
    Against {
        article: c.article.clone(),
        outlet: c.outlet.clone(),
        date: c.as_of().or_else(|| c.date.clone()),
        source: c.source_name.clone().or_else(|| c.source.clone()),
        low: c.figure.low,
        high: c.figure.high,
        status: c.status,
    }
}

/// `a`'s article came out on an earlier day than `b`'s.
fn published_before(a: &StoredFigure, b: &StoredFigure) -> bool {
    let day = |f: &StoredFigure| f.date.as_deref().and_then(crate::figures::when::parse_date);
    matches!((day(a), day(b)), (Some(x), Some(y)) if x < y)
}

/// A toll of a kind of event that happens many times a day in one town.
fn routine(f: &StoredFigure, w: &CheckFile) -> bool {
    f.figure.event_kind.as_deref().is_some_and(|k| w.routine_event_kinds.iter().any(|r| r == k))
}

/// Can `c` and `f` be two readings of one incident's toll, so that their
/// disagreeing is a conflict? The same specific place (a country is no
/// incident), both with an originating source, the same order of magnitude (a
/// national total and one attack's toll are two things).
fn one_incident(f: &StoredFigure, c: &StoredFigure, coarse: bool) -> bool {
    // one incident needs one kind of event (a bombing, clashes); a total since a
    // date needs none
    let kinds = match (&f.figure.event_kind, &c.figure.event_kind) {
        (Some(a), Some(b)) => a == b,
        _ => f.cumulative(),
    };
    // a total since a date may be national («منذ 2011»); one day's toll needs a town
    let told = !f.figure.place_inferred && !c.figure.place_inferred;
    (!coarse || f.cumulative())
        && told
        && kinds
        && c.figure.place == f.figure.place
        && f.source.is_some()
        && c.source.is_some()
        && f.figure.same_order(&c.figure)
}

/// What a toll is told of: category, place, kind, group, day and whether it
/// is a total; none for a vague count, a part or a replaced count.
type TollKey<'a> = (crate::model::Category, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<i32>, bool);

fn toll_key(f: &StoredFigure) -> Option<TollKey<'_>> {
    let g = &f.figure;
    (!g.vague && !g.subset && !g.superseded).then(|| (g.category, g.place.as_deref(), g.event_kind.as_deref(), g.group.as_deref(), f.day, f.cumulative()))
}

/// Are `a` and `b` two distinct tolls of one place, kind, group and day, told
/// side by side («3 killed on a tank, 8 on four vehicles, at the same front»)?
/// An article that tells several is telling several incidents.
pub fn distinct_tolls(a: &StoredFigure, b: &StoredFigure, w: &CheckFile) -> bool {
    toll_key(a).is_some() && toll_key(a) == toll_key(b) && !overlap(a, b, w)
}

/// For each figure of an article, whether the article tells another toll of
/// its place, kind and day that disagrees with it (`distinct_tolls`). Linear:
/// each group keeps the lowest top and the highest bottom of its bands.
pub fn one_of_several(figs: &[StoredFigure], w: &CheckFile) -> Vec<bool> {
    let mut groups: std::collections::HashMap<TollKey, (u64, u64)> = std::collections::HashMap::new();
    for f in figs {
        if let Some(k) = toll_key(f) {
            let (lo, hi) = band(f, w);
            let g = groups.entry(k).or_insert((u64::MAX, 0));
            g.0 = g.0.min(hi);
            g.1 = g.1.max(lo);
        }
    }
    figs.iter()
        .map(|f| {
            let (lo, hi) = band(f, w);
            toll_key(f).and_then(|k| groups.get(&k)).is_some_and(|&(min_hi, max_lo)| min_hi < lo || max_lo > hi)
        })
        .collect()
}

/// The status of `f` given stored figures of its event key. `coarse`: its place
/// is a whole country, too coarse to name an incident. `one_of_several`: its
/// own article tells other tolls of the same place, kind and day
/// (`distinct_tolls`), so which incident another article's toll belongs to
/// is unknown and no disagreement is a conflict.
pub fn assess(f: &StoredFigure, cands: &[StoredFigure], w: &CheckFile, coarse: bool, one_of_several: bool) -> (Status, Vec<Against>) {
    let Some(day) = f.day else { return (Status::New, Vec::new()) };
    let window = if f.cumulative() { w.cumulative_window_days } else { w.event_window_days };
    let cands: Vec<&StoredFigure> = cands
        .iter()
        .filter(|c| c.article != f.article && c.cumulative() == f.cumulative() && !c.figure.vague && !c.figure.subset && !c.figure.superseded)
        .filter(|c| c.day.is_some_and(|d| (d - day).abs() <= window))
        .filter(|c| w.kinds_agree(c.figure.event_kind.as_deref(), f.figure.event_kind.as_deref()))
        .collect();
    // a part, a vague count or one an update replaced is read against nothing
    if cands.is_empty() || f.figure.vague || f.figure.subset || f.figure.superseded {
        return (Status::New, Vec::new());
    }
    let refs = |v: &[&StoredFigure]| v.iter().rev().take(6).map(|c| against(c)).collect::<Vec<_>>();
    let same_src = |c: &&StoredFigure| f.source.is_some() && c.source == f.source;
    // a stale figure is no reference for later ones
    let live: Vec<&StoredFigure> = cands.iter().copied().filter(|c| c.status != Status::Stale).collect();
    let mut prior: Vec<&StoredFigure> = live.iter().copied().filter(|c| c.day.is_some_and(|d| d <= day)).collect();
    prior.sort_by_key(|c| c.day);
    // republished: a value the event had before a higher figure came out, told
    // again after it («9 dead» the day after the toll reached 27)
    let risen = prior.iter().copied().filter(|n| n.day.is_some_and(|d| d < day) && lower(f, n, w)).max_by_key(|n| n.day);
    if let Some(n) = risen {
        let repeats = prior.iter().any(|o| o.day < n.day && overlap(o, f, w));
        if repeats && day - n.day.unwrap_or(day) >= w.stale_after_days {
            return (Status::Stale, refs(&[n]));
        }
    }
    // an article that tells several tolls here is read against the one that agrees,
    // and one that tells several but none that agrees is ambiguous
    let settled_elsewhere = |c: &StoredFigure| {
        cands.iter().any(|o| o.article == c.article && o.idx != c.idx && (distinct_tolls(o, c, w) || overlap_loose(o, f, w) && one_incident(f, o, coarse)))
    };
    // a real conflict: another originating source, the same time, no overlap; across
    // days only when the later figure is the lower one (a higher one is the toll
    // rising), and never a figure told as a rise («ارتفعت إلى») above the other
    let conflicts: Vec<&StoredFigure> = live
        .iter()
        .copied()
        .filter(|c| !one_of_several && !same_src(c) && !overlap_loose(c, f, w) && one_incident(f, c, coarse) && !routine(f, w))
        .filter(|c| !settled_elsewhere(c))
        .filter(|c| !(f.figure.update && higher(f, c, w) || c.figure.update && higher(c, f, w) && c.day > f.day))
        // a higher toll in an article published later is the toll risen, whatever
        // day it is told of («the bombing of July 20 killed 32», on August 1)
        .filter(|c| !(published_before(c, f) && higher(f, c, w) || published_before(f, c) && higher(c, f, w)))
        .filter(|c| {
            c.day.is_some_and(|d| (d - day).abs() <= w.conflict_window_days && (d == day || (d < day && lower(f, c, w)) || (d > day && higher(f, c, w))))
        })
        .collect();
    if !conflicts.is_empty() {
        return (Status::Conflict, refs(&conflicts));
    }
    // the event's toll so far: the newest figure before this one (this source's
    // own on the same day); stale ones were left out above
    let own_latest = prior.iter().copied().rfind(same_src);
    let latest = match (own_latest, prior.last().copied()) {
        (Some(o), Some(n)) if o.day >= n.day => Some(o),
        (_, n) => n,
    };
    // of several tolls told for that day, the one that agrees
    let latest = latest.map(|n| prior.iter().copied().rfind(|c| c.day == n.day && c.article == n.article && overlap(f, c, w)).unwrap_or(n));
    if let Some(n) = latest {
        if higher(f, n, w) {
            return (Status::Update, refs(&[n]));
        }
        if lower(f, n, w) {
            // the same source going down: a revision; else an older count
            if own_latest.is_some_and(|o| higher(o, f, w)) || f.source.is_none() {
                return (Status::RevisionDown, refs(&[own_latest.unwrap_or(n)]));
            }
            return (Status::Stale, refs(&[n]));
        }
    }
    if f.figure.update && latest.is_some_and(|n| !overlap(f, n, w)) {
        return (Status::Update, refs(&prior));
    }
    (Status::Consistent, refs(&prior))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Figure;

    pub fn figure(low: Option<u64>, high: Option<u64>) -> Figure {
        Figure {
            id: "f1".into(),
            start: 0,
            end: 0,
            line: 1,
            col: 1,
            text: "x".into(),
            category: Category::Killed,
            low,
            high,
            vague: false,
            qualifier: None,
            bound: None,
            group: None,
            source: None,
            claim: None,
            place: Some("sy-manbij".into()),
            place_name: Some("Manbij".into()),
            place_inferred: false,
            event_kind: Some("bombing".into()),
            event: None,
            as_of: None,
            since: None,
            total: false,
            update: false,
            previous: None,
            superseded: false,
            subset: false,
        }
    }

    /// A stored figure: article name, source key, day, interval.
    pub fn stored(article: &str, source: Option<&str>, day: i32, low: Option<u64>, high: Option<u64>) -> StoredFigure {
        StoredFigure {
            article: article.into(),
            idx: 0,
            figure: figure(low, high),
            source: source.map(String::from),
            source_name: source.map(String::from),
            outlet: None,
            date: None,
            day: Some(day),
            status: Status::New,
            against: Vec::new(),
            event: None,
            words: Vec::new(),
            within: None,
        }
    }

    fn windows() -> CheckFile {
        CheckFile {
            event_window_days: 14,
            conflict_window_days: 1,
            stale_after_days: 3,
            word_similarity: 0.9,
            cumulative_window_days: 1500,
            about_tolerance_percent: 10,
            broad_event_kinds: Vec::new(),
            kindred_event_kinds: Vec::new(),
            routine_event_kinds: Vec::new(),
        }
    }

    fn status(new: StoredFigure, old: &[StoredFigure]) -> Status {
        assess(&new, old, &windows(), false, false).0
    }

    #[test]
    fn statuses_of_figure_pairs() {
        let p = |n: u64| (Some(n), Some(n));
        // (what came before, the new figure, the status it gets)
        let table: Vec<(Vec<StoredFigure>, StoredFigure, Status)> = vec![
            (vec![], stored("b", Some("sohr"), 10, Some(5), Some(5)), Status::New),
            (vec![stored("a", Some("sohr"), 10, p(9).0, p(9).1)], stored("b", Some("sohr"), 11, Some(14), Some(14)), Status::Update),
            (vec![stored("a", Some("sohr"), 10, Some(9), Some(9))], stored("b", Some("snhr"), 11, Some(14), Some(14)), Status::Update),
            (vec![stored("a", Some("snhr"), 10, Some(426), Some(426))], stored("b", Some("sohr"), 10, Some(1100), Some(1100)), Status::Conflict),
            (vec![stored("a", Some("snhr"), 10, Some(14), Some(14))], stored("b", Some("sohr"), 11, Some(9), Some(9)), Status::Conflict),
            (vec![stored("a", Some("sohr"), 10, Some(31), Some(31))], stored("b", Some("sohr"), 11, Some(27), Some(27)), Status::RevisionDown),
            (vec![stored("a", Some("x"), 10, Some(426), Some(426))], stored("b", Some("y"), 10, Some(400), None), Status::Consistent),
            (
                vec![stored("a", Some("x"), 1, Some(12), Some(12)), stored("b", Some("x"), 2, Some(20), Some(20))],
                stored("c", Some("y"), 8, Some(12), Some(12)),
                Status::Stale,
            ),
            // too far apart to be one event
            (vec![stored("a", Some("x"), 1, Some(12), Some(12))], stored("b", Some("y"), 30, Some(50), Some(50)), Status::New),
        ];
        for (i, (old, new, want)) in table.into_iter().enumerate() {
            assert_eq!(status(new, &old), want, "row {i}");
        }
    }

    #[test]
    fn routine_kinds_and_replaced_counts_never_conflict() {
        let old = [stored("a", Some("snhr"), 10, Some(426), Some(426))];
        let new = || stored("b", Some("sohr"), 10, Some(1100), Some(1100));
        // two road accidents in one town on one day are rarely one
        let mut w = windows();
        w.routine_event_kinds = vec!["bombing".into()];
        assert_ne!(assess(&new(), &old, &w, false, false).0, Status::Conflict);
        // an initial toll a later one replaced is read against nothing
        let mut f = new();
        f.figure.superseded = true;
        assert_eq!(status(f, &old), Status::New);
        let mut first = old[0].clone();
        first.figure.superseded = true;
        assert_eq!(status(new(), &[first]), Status::New);
    }

    #[test]
    fn with_the_built_in_windows_only_one_day_s_tolls_conflict() {
        let w = crate::Rules::builtin().expect("rules").check;
        let old = [stored("a", Some("snhr"), 10, Some(14), Some(14))];
        // another source's lower toll the next day: most often the next incident
        assert_ne!(assess(&stored("b", Some("sohr"), 11, Some(9), Some(9)), &old, &w, false, false).0, Status::Conflict);
        assert_eq!(assess(&stored("b", Some("sohr"), 10, Some(9), Some(9)), &old, &w, false, false).0, Status::Conflict);
    }

    #[test]
    fn a_higher_toll_published_later_is_an_update_whatever_day_it_is_told_of() {
        let mut old = stored("a", Some("un"), 10, Some(30), Some(30));
        old.date = Some("2015-07-20".into());
        let mut new = stored("b", Some("ministry"), 10, Some(32), Some(32));
        new.date = Some("2015-08-01".into());
        assert_eq!(status(new.clone(), &[old.clone()]), Status::Update);
        // published the same day, the two disagree
        new.date = old.date.clone();
        assert_eq!(status(new, &[old]), Status::Conflict);
    }

    #[test]
    fn an_article_that_tells_several_tolls_of_one_place_and_day_is_read_against_the_one_that_agrees() {
        let w = windows();
        // a 3 and an 8 of two strikes at one front, in one article
        let mut tank = stored("a", Some("x"), 10, Some(3), Some(3));
        let mut trucks = stored("a", Some("x"), 10, Some(8), Some(8));
        tank.idx = 1;
        trucks.idx = 2;
        let old = [tank.clone(), trucks];
        // another outlet's 3 is the tank's: no conflict with the 8
        assert_eq!(status(stored("b", Some("y"), 10, Some(3), Some(3)), &old), Status::Consistent);
        // a 5 matches neither, and which strike it tells is unknown
        assert_ne!(status(stored("b", Some("y"), 10, Some(5), Some(5)), &old), Status::Conflict);
        // told alone, the 3 and the 5 disagree
        assert_eq!(status(stored("b", Some("y"), 10, Some(5), Some(5)), &[tank.clone()]), Status::Conflict);
        // the same from the new article's side
        let new = stored("b", Some("y"), 10, Some(5), Some(5));
        assert_ne!(assess(&new, &[tank], &w, false, true).0, Status::Conflict);
        let mut other = new.clone();
        other.figure.low = Some(12);
        other.figure.high = Some(12);
        assert_eq!(one_of_several(&[new.clone(), other.clone()], &w), [true, true]);
        other.figure.place = Some("sy-raqqa".into());
        assert_eq!(one_of_several(&[new, other], &w), [false, false]);
    }

    #[test]
    fn about_a_number_allows_the_tolerance() {
        let about = |n: u64| {
            let mut f = stored("b", Some("y"), 10, Some(n), Some(n));
            f.figure.bound = Some(Bound::About);
            f
        };
        let old = [stored("a", Some("x"), 10, Some(32), Some(32))];
        // "about 30" is 27–33: it agrees with 32 from another source
        assert_eq!(status(about(30), &old), Status::Consistent);
        // "about 20" is 18–22: it does not
        assert_eq!(status(about(20), &old), Status::Conflict);
    }

    #[test]
    fn a_conflict_needs_one_incident() {
        let old = [stored("a", Some("snhr"), 10, Some(426), Some(426))];
        let new = || stored("b", Some("sohr"), 10, Some(1100), Some(1100));
        assert_eq!(status(new(), &old), Status::Conflict);
        // a whole country or region names no incident
        assert_ne!(assess(&new(), &old, &windows(), true, false).0, Status::Conflict);
        // no kind of event on one side
        let mut f = new();
        f.figure.event_kind = None;
        assert_ne!(status(f, &old), Status::Conflict);
        // another kind of event
        let mut f = new();
        f.figure.event_kind = Some("shelling".into());
        assert_ne!(status(f, &old), Status::Conflict);
        // a national total against one attack's toll
        assert_ne!(status(stored("b", Some("sohr"), 10, Some(9000), Some(9000)), &old), Status::Conflict);
        // the reporter's own number has no originating source to disagree
        assert_ne!(status(stored("b", None, 10, Some(1100), Some(1100)), &old), Status::Conflict);
        // "more than 500" and a round "500" agree
        let mut more = stored("b", Some("sohr"), 10, Some(501), None);
        more.figure.bound = Some(Bound::MoreThan);
        assert_ne!(status(more, &[stored("a", Some("snhr"), 10, Some(500), Some(500))]), Status::Conflict);
    }

    #[test]
    fn a_vague_figure_is_never_compared() {
        let mut f = stored("b", Some("y"), 10, Some(20), Some(99));
        f.figure.vague = true;
        assert_eq!(status(f, &[stored("a", Some("x"), 10, Some(5), Some(5))]), Status::New);
    }

    #[test]
    fn an_explicit_update_beats_a_lower_reading() {
        let mut f = stored("b", Some("x"), 10, Some(32), Some(32));
        f.figure.update = true;
        assert_eq!(status(f, &[stored("a", Some("x"), 10, Some(31), Some(31))]), Status::Update);
    }
}
