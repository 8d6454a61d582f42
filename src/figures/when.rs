//! As-of dates: a figure's date resolved against the article's publication date
//! («أمس», «مساء الأحد», "on Monday", «10 مارس», «منذ 8 ديسمبر 2024»).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::attribution::Ctx;
use crate::rules::{Entry, W};
use crate::text::TokKind;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AsOf {
    pub date: Option<NaiveDate>,
    /// «منذ 8 ديسمبر», "since 2011": a total over a period, from this date.
    pub since: Option<NaiveDate>,
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(s, "%d/%m/%Y").ok())
        .or_else(|| NaiveDate::parse_from_str(s, "%m/%d/%Y").ok())
}

fn weekday(i: u32) -> Weekday {
    match i {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The last `wd` on or before `d`.
fn last_weekday(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (d.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    d - Duration::days(back as i64)
}

/// A date written in the tokens `[a, b)`: day + month (+ year), month + year.
/// `at`: the figure's token; a month with neither day nor year dates it only
/// from before it ("the February attack killed 12", not "12 …, 63 of them in July").
fn explicit(ctx: &Ctx, a: usize, b: usize, at: usize, article: Option<NaiveDate>) -> Option<(NaiveDate, usize)> {
    let f = &ctx.lr.figures;
    for i in a..b {
        let Some(h) = ctx.best_hit(i, |e| matches!(e, Entry::Month(_))) else { continue };
        let Entry::Month(m) = h.entry else { continue };
        let month = f.months[m as usize].month;
        let after = ctx.tok_end(h.end);
        let num = |j: usize| -> Option<u32> {
            let t = ctx.tok(j)?;
            (t.kind == TokKind::Number).then(|| ctx.word(j).parse().ok()).flatten()
        };
        let mut day = i.checked_sub(1).and_then(num).filter(|d| (1..=31).contains(d));
        let mut y = after;
        // "July 13", "December 8, 2024": the day after the month
        if day.is_none() && ctx.tok(after).is_some_and(|t| ctx.word(after).len() <= 2 && t.kind == TokKind::Number) {
            day = num(after).filter(|d| (1..=31).contains(d));
            if day.is_some() {
                y = if ctx.is_comma(after + 1) { after + 2 } else { after + 1 };
            }
        }
        // «سبتمبر/أيلول 2024»: the year may follow a slash pair
        if ctx.is_punct(y, '/') && ctx.has_hit(y + 1, |e| matches!(e, Entry::Month(_))) {
            y = ctx.best_hit(y + 1, |e| matches!(e, Entry::Month(_))).map_or(y + 2, |h2| ctx.tok_end(h2.end));
        }
        let year = num(y).filter(|y| (1900..=2100).contains(y)).map(|v| v as i32);
        // a month name is a date only next to a day, a year or a marker («في شباط
        // الماضي», "the February attack"): «مارس» is also a verb, "May" a modal
        let marked = i < at && (i.checked_sub(1).is_some_and(|p| ctx.is(p, W::MonthMarkers)) || ctx.is(y, W::MonthMarkers));
        if day.is_none() && year.is_none() && !marked {
            continue;
        }
        let year = year.or_else(|| {
            let a = article?;
            // «10 مارس» read in a July article: this year's March; in a February one, last year's
            Some(if month > a.month() + 1 { a.year() - 1 } else { a.year() })
        })?;
        if let Some(d) = NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1)) {
            return Some((d, i));
        }
    }
    None
}

/// The as-of date for a figure at token `at` in the sentence `[a, b)` of token indices.
pub fn as_of(ctx: &Ctx, a: usize, b: usize, at: usize, article: Option<NaiveDate>) -> AsOf {
    let f = &ctx.lr.figures;
    let mut out = AsOf::default();
    // «منذ 8 ديسمبر 2024», "since December 8, 2024": a period start
    for i in a..b {
        if ctx.is(i, W::Since) {
            // "since the clashes erupted on July 13"
            if let Some((d, _)) = explicit(ctx, i + 1, (i + 8).min(b), b, article) {
                out.since = Some(d);
            } else {
                // «منذ 2011», «منذ عام 2011», "since 2011"
                let j = if ctx.is(i + 1, W::YearNouns) { i + 2 } else { i + 1 };
                if let Some(y) = ctx.word(j).parse::<i32>().ok().filter(|y| (1900..=2100).contains(y)) {
                    out.since = NaiveDate::from_ymd_opt(y, 1, 1);
                }
            }
        }
    }
    if let Some((d, _)) = explicit(ctx, a, b, at, article) {
        if out.since != Some(d) {
            out.date = Some(d);
            return out;
        }
    }
    if let Some(art) = article {
        for i in a..b {
            for h in ctx.hits_at_tok(i) {
                match h.entry {
                    // «أحد», «اثنين» are also "one", "two": a weekday that is also a
                    // number word takes the article or a part of day («مساء الأحد»)
                    Entry::Weekday(w)
                        if !ctx.has_hit(i, |e| matches!(e, Entry::Number(_))) || h.definite || i.checked_sub(1).is_some_and(|p| ctx.is(p, W::DayParts)) =>
                    {
                        out.date = Some(last_weekday(art, weekday(f.weekdays[w as usize].weekday)));
                        return out;
                    }
                    Entry::RelDay(r) => {
                        out.date = Some(art + Duration::days(f.relative_days[r as usize].offset as i64));
                        return out;
                    }
                    _ => {}
                }
            }
        }
    }
    out.date = article;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_weekday_counts_back() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 23).unwrap(); // a Wednesday
        assert_eq!(last_weekday(d, Weekday::Wed), d);
        assert_eq!(last_weekday(d, Weekday::Sun), NaiveDate::from_ymd_opt(2025, 7, 20).unwrap());
        assert_eq!(last_weekday(d, Weekday::Thu), NaiveDate::from_ymd_opt(2025, 7, 17).unwrap());
    }

    #[test]
    fn dates_parse() {
        assert_eq!(parse_date("2025-07-23"), NaiveDate::from_ymd_opt(2025, 7, 23));
        assert_eq!(parse_date("2015-08-01 10:22:00"), NaiveDate::from_ymd_opt(2015, 8, 1));
        assert_eq!(parse_date("7/18/2018"), NaiveDate::from_ymd_opt(2018, 7, 18));
    }
}
