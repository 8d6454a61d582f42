//! Key encodings. Numbers are big-endian so that prefix scans run in order:
//! - `articles`: article id (content hash) → the article;
//! - `by_event`: place \0 category \0 group \0 day(4) article idx(4) → the figure,
//!   where place is also `~kind` (told of no place: by description) and
//!   `<province` (told of a place inside the province);
//! - `sources`: source key → the cross-article source record;
//! - `meta`: `schema` → version.

use chrono::NaiveDate;

use super::model::{EventKey, StoredFigure};

/// The version of what the store writes. Older stores are read by `reindex`,
/// which rewrites them. 3: each figure carries its event. 4: towns GeoNames
/// holds are GeoNames ids, and each figure is also indexed under the province
/// around its place (`within`).
pub const SCHEMA_VERSION: u32 = 4;

/// The index prefix of one event key.
pub fn event_prefix(k: &EventKey) -> Vec<u8> {
    let cat = k.category.as_str();
    let mut out = Vec::with_capacity(k.place.len() + cat.len() + k.group.len() + 3);
    for part in [k.place.as_str(), cat, k.group.as_str()] {
        out.extend_from_slice(part.as_bytes());
        out.push(0);
    }
    out
}

/// A day as 4 bytes that sort in day order, negative days first.
pub fn day_bytes(day: i32) -> [u8; 4] {
    ((day as i64 + (1 << 31)) as u32).to_be_bytes()
}

/// The index keys of a figure: its event's; for one told of no place or of a
/// whole country, its kind's as well (where `check` finds it by description);
/// for one told of a place inside a province, the province's (`<province`);
/// none for a figure with no date.
pub fn figure_keys(f: &StoredFigure) -> Vec<Vec<u8>> {
    let Some(day) = f.day else { return Vec::new() };
    let described = (!f.words.is_empty()).then(|| StoredFigure::described_key(f.figure.event_kind.as_deref(), f.figure.category));
    let within = f.within.as_deref().map(|p| StoredFigure::within_key(p, f.figure.category, &f.event_key().group));
    std::iter::once(f.event_key())
        .chain(described)
        .chain(within)
        .map(|key| {
            let mut k = event_prefix(&key);
            k.extend_from_slice(&day_bytes(day));
            k.extend_from_slice(f.article.as_bytes());
            k.extend_from_slice(&f.idx.to_be_bytes());
            k
        })
        .collect()
}

/// The content hash that names an article: the same text is the same article.
pub fn article_id(text: &str) -> String {
    let h = blake3::hash(text.as_bytes());
    h.to_hex()[..20].to_string()
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// Days since 1970-01-01.
pub fn day_of(d: NaiveDate) -> i32 {
    (d - epoch()).num_days() as i32
}

pub fn date_of_day(day: i32) -> NaiveDate {
    epoch() + chrono::Duration::days(day as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    #[test]
    fn days_sort_in_order_across_zero() {
        let days = [-40_000, -1, 0, 1, 20_000, i32::MAX / 2];
        let keys: Vec<[u8; 4]> = days.iter().map(|&d| day_bytes(d)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn prefixes_do_not_run_into_each_other() {
        let a = event_prefix(&EventKey { place: "sy".into(), category: Category::Killed, group: "-".into() });
        let b = event_prefix(&EventKey { place: "sy-manbij".into(), category: Category::Killed, group: "-".into() });
        assert!(!b.starts_with(&a), "a place id that extends another must not share its prefix");
        assert_eq!(a, b"sy\0killed\0-\0");
    }

    #[test]
    fn day_round_trip() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 23).unwrap();
        assert_eq!(date_of_day(day_of(d)), d);
    }
}
