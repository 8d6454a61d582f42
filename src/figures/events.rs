//! Which figures of an article tell one incident: the article's events, `e1`,
//! `e2`… in text order. A figure joins the latest event it fits: the same family
//! of count (people hurt, the displaced, disease cases), the same kind of event
//! when both are named, a place that is the same or inside the other (a country
//! is no incident), dates at most three days apart, and a running total only with a
//! running total. `check` then ties each event to the stored ones.

use chrono::NaiveDate;

use super::when::parse_date;
use super::Found;
use crate::model::{Category, Figure};
use crate::rules::Rules;

/// What a count counts, for grouping: people killed, hurt, held or missing are
/// one incident's; the displaced and disease cases are their own.
fn family(c: Category) -> u8 {
    match c {
        Category::Killed | Category::Wounded | Category::Casualties | Category::Detained | Category::Missing => 0,
        Category::Displaced => 1,
        Category::Cases => 2,
        Category::Other => 3,
    }
}

/// Give each casualty figure its event label.
/// `fresh[i]`: figure `i` is told of a second incident («غارة أخرى», "another
/// strike"): it starts an event of its own.
pub fn group(figs: &mut [Found], fresh: &[bool], rules: &Rules) {
    // each event's figures, in text order
    let mut events: Vec<Vec<usize>> = Vec::new();
    for i in 0..figs.len() {
        if !figs[i].figure.category.is_casualty() {
            continue;
        }
        let f = &figs[i].figure;
        // a part of a total («بينهم 31 طفلاً») is of the total's event
        let total = f.subset.then(|| events.iter().rposition(|m| m.last().is_some_and(|&k| family(figs[k].figure.category) == family(f.category)))).flatten();
        let fresh = fresh.get(i).copied().unwrap_or(false);
        let joined = total.or_else(|| {
            if fresh {
                return None;
            }
            // the latest figure of the event, or its total («212 مدنياً» before
            // its parts)
            // the latest events only: a list of ten thousand tolls stays linear
            let recent = events.len().saturating_sub(16);
            events[recent..]
                .iter()
                .rposition(|members| {
                    let latest = members.last().map(|&k| &figs[k].figure);
                    let heads = members.iter().map(|&k| &figs[k].figure).filter(|g| !g.subset).take(4);
                    latest.into_iter().chain(heads).any(|g| fits(g, f, rules)) && members.iter().rev().take(32).all(|&k| one_order(&figs[k].figure, f))
                })
                .map(|e| e + recent)
        });
        let n = match joined {
            Some(e) => e,
            None => {
                events.push(Vec::new());
                events.len() - 1
            }
        };
        events[n].push(i);
        figs[i].figure.event = Some(format!("e{}", n + 1));
    }
}

/// One incident's tolls of one count are within a wide margin of each other
/// (early and final tolls differ, tenfold at times): 2 dead in a strike and 270
/// since the truce are two counts.
fn one_order(a: &Figure, b: &Figure) -> bool {
    let n = |f: &Figure| f.low.or(f.high).unwrap_or(0).max(1);
    a.category != b.category || a.group != b.group || a.subset || b.subset || a.vague || b.vague || n(a).max(n(b)) <= 50 * n(a).min(n(b))
}

fn fits(a: &Figure, b: &Figure, rules: &Rules) -> bool {
    // a headline's toll told again in the lede («مقتل 212 مدنياً») is one count
    let same_count = a.category == b.category && a.group == b.group && a.low.is_some() && a.low == b.low;
    let (ca, cb) = (a.total, b.total);
    if family(a.category) != family(b.category) || ca != cb && !same_count {
        return false;
    }
    // totals since different dates are different counts
    if let (true, Some(x), Some(y)) = (ca && cb, a.since.as_deref().and_then(parse_date), b.since.as_deref().and_then(parse_date)) {
        if (x - y).num_days().abs() > 3 {
            return false;
        }
    }
    // a total since a date has no one kind
    if !ca && !rules.check.kinds_agree(a.event_kind.as_deref(), b.event_kind.as_deref()) {
        return false;
    }
    if let (Some(x), Some(y)) = (day(a), day(b)) {
        if (x - y).num_days().abs() > 3 {
            return false;
        }
    }
    match (&a.place, &b.place) {
        // a country's total and a district's are two counts
        (Some(x), Some(y)) if ca && cb => x == y,
        // a place no gazetteer knows may lie in any province told beside it
        (Some(x), Some(y)) => {
            x == y || rules.inside(x, y) || rules.inside(y, x) || unlisted_near(x, y, rules) || unlisted_near(y, x, rules) || neighbours(a, b, rules)
        }
        _ => true,
    }
}

fn day(f: &Figure) -> Option<NaiveDate> {
    f.as_of.as_deref().and_then(parse_date)
}

/// `x` is a place no gazetteer knows («بلدة عيناثا») and `y` a place below a country.
fn unlisted_near(x: &str, y: &str, rules: &Rules) -> bool {
    x.starts_with("x:") && rules.parent_of(y).is_some()
}

/// Two towns of one province told with one named kind of event on days close
/// together («قصف على كاني ماسي» and «القصف في العمادية»): one incident.
fn neighbours(a: &Figure, b: &Figure, rules: &Rules) -> bool {
    let (Some(x), Some(y)) = (&a.place, &b.place) else { return false };
    let province = |p: &str| rules.parent_of(p).filter(|q| rules.parent_of(q).is_some());
    a.event_kind.is_some() && a.event_kind == b.event_kind && province(x).is_some() && province(x) == province(y)
}
