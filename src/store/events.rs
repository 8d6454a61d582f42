//! Events across articles: the figures `check` tied together (each stored
//! figure carries its event id), with their place, kind, dates, current range
//! per category, sources and open conflicts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::timeline::{current, Range};
use super::{Result, Store, StoredFigure};
use crate::model::{Category, Status};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventSummary {
    pub id: String,
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub kind: Option<String>,
    /// The first and last as-of dates of its figures.
    pub first: Option<String>,
    pub last: Option<String>,
    pub killed: Range,
    pub wounded: Range,
    pub sources: Vec<String>,
    pub articles: usize,
    pub figures: usize,
    pub open_conflicts: usize,
}

/// Every figure of every event, by event id.
fn by_event(store: &dyn Store) -> Result<BTreeMap<String, Vec<StoredFigure>>> {
    let mut out: BTreeMap<String, Vec<StoredFigure>> = BTreeMap::new();
    for a in store.articles() {
        for f in a?.figures {
            if let Some(e) = f.event.clone() {
                out.entry(e).or_default().push(f);
            }
        }
    }
    Ok(out)
}

/// Every event, the latest first.
pub fn events(store: &dyn Store) -> Result<Vec<EventSummary>> {
    let mut out: Vec<EventSummary> = by_event(store)?.into_iter().map(|(id, figs)| summary(id, figs)).collect();
    out.sort_by(|a, b| b.last.cmp(&a.last).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// The figures of one event in date order, or `None` when there is no such event.
pub fn figures_of_event(store: &dyn Store, id: &str) -> Result<Option<Vec<StoredFigure>>> {
    let mut figs: Vec<StoredFigure> = Vec::new();
    for a in store.articles() {
        figs.extend(a?.figures.into_iter().filter(|f| f.event.as_deref() == Some(id)));
    }
    if figs.is_empty() {
        return Ok(None);
    }
    figs.sort_by(|x, y| x.day.cmp(&y.day).then(x.article.cmp(&y.article)));
    Ok(Some(figs))
}

/// Every event id in the store (for "did you mean").
pub fn event_ids(store: &dyn Store) -> Result<Vec<String>> {
    Ok(by_event(store)?.into_keys().collect())
}

fn summary(id: String, mut figs: Vec<StoredFigure>) -> EventSummary {
    figs.sort_by(|x, y| x.day.cmp(&y.day).then(x.article.cmp(&y.article)));
    // a toll that a later figure updated («ارتفعت إلى») is no longer current,
    // whoever gave it
    let updated: Vec<(&str, Option<u64>)> =
        figs.iter().filter(|f| f.status == Status::Update).flat_map(|f| f.against.iter().map(|a| (a.article.as_str(), a.low))).collect();
    let range = |c: Category| {
        let of: Vec<StoredFigure> = figs
            .iter()
            .filter(|f| f.figure.category == c && f.figure.group.is_none() && !f.figure.subset && !f.figure.superseded)
            .filter(|f| !updated.contains(&(f.article.as_str(), f.figure.low)))
            .cloned()
            .collect();
        current(&of)
    };
    let mut sources: Vec<String> = figs.iter().filter_map(|f| f.source_name.clone().or(f.source.clone())).collect();
    sources.sort();
    sources.dedup();
    let mut articles: Vec<&str> = figs.iter().map(|f| f.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    // the most specific place told: the one most figures give
    let mut places: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in &figs {
        if let (Some(p), Some(n)) = (f.figure.place.as_deref(), f.figure.place_name.as_deref()) {
            *places.entry((p, n)).or_default() += 1;
        }
    }
    let place = places.iter().max_by_key(|(_, n)| **n).map(|(k, _)| *k);
    EventSummary {
        place: place.map(|p| p.0.to_string()),
        place_name: place.map(|p| p.1.to_string()),
        kind: figs.iter().find_map(|f| f.figure.event_kind.clone()),
        first: figs.iter().find_map(|f| f.as_of()),
        last: figs.iter().rev().find_map(|f| f.as_of()),
        killed: range(Category::Killed),
        wounded: range(Category::Wounded),
        sources,
        articles: articles.len(),
        figures: figs.len(),
        open_conflicts: figs.iter().filter(|f| f.status == Status::Conflict).count(),
        id,
    }
}
