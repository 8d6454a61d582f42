//! One event's toll over time: every stored figure of a place, category and
//! group in date order, and the current best range (IBC-style: from the lowest
//! to the highest of each source's latest credible figure).

use std::collections::HashMap;

use serde::Serialize;

use super::{EventKey, Result, Store, StoredFigure};
use crate::model::{Category, Status};
use crate::rules::Place;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineEvent {
    pub place: String,
    pub place_name: String,
    pub category: Category,
    /// The group asked for; `None` for figures of no particular group.
    pub group: Option<String>,
    /// The event asked for (`timeline --event`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Default)]
pub struct Range {
    pub low: Option<u64>,
    pub high: Option<u64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    pub date: Option<String>,
    #[serde(skip)]
    pub day: Option<i32>,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub source: Option<String>,
    /// The cross-article key of the source (`reg:` + registry id for a known one).
    #[serde(skip)]
    pub source_key: Option<String>,
    pub outlet: Option<String>,
    pub article: String,
    pub title: Option<String>,
    pub status: Status,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Timeline {
    pub event: TimelineEvent,
    pub current: Range,
    pub entries: Vec<Entry>,
}

/// Which groups a timeline covers.
pub enum Groups<'a> {
    /// Figures of no particular group.
    Unnamed,
    One(&'a str),
    /// Every group together.
    All,
}

/// The current best range: each source's latest figure that is not stale.
pub fn current(figs: &[StoredFigure]) -> Range {
    let mut latest: HashMap<&str, &StoredFigure> = HashMap::new();
    // a stale figure, a part of a toll or one a later count replaced is no toll
    let credible = |f: &&StoredFigure| f.status != Status::Stale && !f.figure.subset && !f.figure.superseded;
    for f in figs.iter().filter(credible) {
        let k = f.source.as_deref().or(f.outlet.as_deref()).unwrap_or(f.article.as_str());
        latest.insert(k, f);
    }
    // a source's figure that a later, higher one has passed (9 dead on the first
    // day, 27 since) is no longer the toll
    let passed = |f: &StoredFigure| {
        figs.iter().filter(credible).any(|g| g.day > f.day && g.figure.low.zip(f.figure.high.or(f.figure.low)).is_some_and(|(gl, fh)| gl > fh))
    };
    let live: Vec<&&StoredFigure> = latest.values().filter(|f| !passed(f)).collect();
    Range { low: live.iter().filter_map(|f| f.figure.low).min(), high: live.iter().map(|f| f.figure.high.or(f.figure.low)).max().flatten() }
}

pub fn timeline(store: &dyn Store, place: &Place, category: Category, groups: Groups) -> Result<Timeline> {
    let group_keys: Vec<String> = match groups {
        Groups::All => store.event_keys_for_place(&place.id)?.into_iter().filter(|(c, _)| c == category.as_str()).map(|(_, g)| g).collect(),
        Groups::One(g) => vec![g.to_string()],
        Groups::Unnamed => vec!["-".to_string()],
    };
    let mut figs: Vec<StoredFigure> = Vec::new();
    for g in &group_keys {
        figs.extend(store.figures_of(&EventKey { place: place.id.clone(), category, group: g.clone() })?);
    }
    figs.sort_by(|x, y| x.day.cmp(&y.day).then(x.article.cmp(&y.article)));
    let group = match groups {
        Groups::One(g) => Some(g.to_string()),
        Groups::All => Some("any".to_string()),
        Groups::Unnamed => None,
    };
    build(store, TimelineEvent { place: place.id.clone(), place_name: place.name.clone(), category, group, id: None }, &figs)
}

/// One event's figures of a category (`events::figures_of_event`) as a timeline.
pub fn event_timeline(store: &dyn Store, id: &str, figs: &[StoredFigure], category: Category) -> Result<Timeline> {
    let figs: Vec<StoredFigure> = figs.iter().filter(|f| f.figure.category == category && !f.figure.subset).cloned().collect();
    let place = figs.iter().find_map(|f| f.figure.place.clone()).unwrap_or_else(|| "-".into());
    let place_name = figs.iter().find_map(|f| f.figure.place_name.clone()).unwrap_or_else(|| "-".into());
    build(store, TimelineEvent { place, place_name, category, group: None, id: Some(id.to_string()) }, &figs)
}

fn build(store: &dyn Store, event: TimelineEvent, figs: &[StoredFigure]) -> Result<Timeline> {
    let current = current(figs);
    let mut titles: HashMap<String, Option<String>> = HashMap::new();
    let mut entries = Vec::with_capacity(figs.len());
    for f in figs {
        if !titles.contains_key(&f.article) {
            titles.insert(f.article.clone(), store.article(&f.article)?.and_then(|a| a.title));
        }
        entries.push(Entry {
            date: f.as_of(),
            day: f.day,
            low: f.figure.low,
            high: f.figure.high,
            source: f.source_name.clone().or(f.source.clone()),
            source_key: f.source.clone(),
            outlet: f.outlet.clone(),
            article: f.article.clone(),
            title: titles.get(&f.article).cloned().flatten(),
            status: f.status,
            text: f.figure.text.clone(),
        });
    }
    Ok(Timeline { event, current, entries })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::assess::tests::stored;
    use crate::store::{MemStore, StoredArticle};

    fn article(id: &str, figs: Vec<StoredFigure>) -> StoredArticle {
        StoredArticle {
            id: id.into(),
            path: format!("{id}.md"),
            title: Some(format!("title {id}")),
            outlet: None,
            date: None,
            url: None,
            lang: "en".into(),
            text: String::new(),
            body_start: 0,
            claims: Vec::new(),
            figures: figs,
            seq: 0,
        }
    }

    #[test]
    fn current_range_takes_each_sources_latest_credible_figure() {
        let mut old = stored("a", Some("x"), 1, Some(12), Some(12));
        old.status = Status::New;
        let newer = stored("b", Some("x"), 2, Some(20), Some(20));
        let other = stored("c", Some("y"), 2, Some(25), Some(30));
        let mut stale = stored("d", Some("z"), 9, Some(3), Some(3));
        stale.status = Status::Stale;
        let mut part = stored("e", Some("w"), 9, Some(4), Some(4));
        part.figure.subset = true;
        let mut initial = stored("f", Some("v"), 9, Some(6), Some(6));
        initial.figure.superseded = true;
        let r = current(&[old, newer, other, stale, part, initial]);
        assert_eq!((r.low, r.high), (Some(20), Some(30)));
    }

    #[test]
    fn timeline_reads_the_store_in_date_order() {
        let store = MemStore::new();
        let place = Place {
            id: "sy-manbij".into(),
            name: "Manbij".into(),
            parent: None,
            kind: crate::rules::PlaceKind::City,
            names: vec![],
            geonames: None,
            adjectives: Vec::new(),
        };
        let mut b = stored("b", Some("x"), 5, Some(15), Some(15));
        b.status = Status::Update;
        store.put(&article("b", vec![b]), &[]).unwrap();
        store.put(&article("a", vec![stored("a", Some("x"), 3, Some(9), Some(9))]), &[]).unwrap();
        let t = timeline(&store, &place, Category::Killed, Groups::Unnamed).unwrap();
        let days: Vec<Option<i32>> = t.entries.iter().map(|e| e.day).collect();
        assert_eq!(days, [Some(3), Some(5)]);
        assert_eq!(t.entries[0].title.as_deref(), Some("title a"));
        assert_eq!((t.current.low, t.current.high), (Some(15), Some(15)));
    }
}
