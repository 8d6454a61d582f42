//! What the store keeps: each article with its text (so `reindex` can re-run
//! everything) and what the audit and the check found, and one record per source
//! across articles. Stored as JSON; the schema version is in `keys::SCHEMA_VERSION`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{Category, Figure, Kind, Mode, Stance, Status};

/// A figure as stored: the audit's figure, wrapped with where it came from and
/// what `check` said of it when it came in.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StoredFigure {
    pub article: String,
    pub idx: u32,
    pub figure: Figure,
    /// The originating source's cross-article key (registry id or normalised
    /// name), not the outlet; `None` for the reporter's own figure.
    pub source: Option<String>,
    pub source_name: Option<String>,
    pub outlet: Option<String>,
    /// The article's date.
    pub date: Option<String>,
    /// Days since 1970-01-01 of the figure's as-of date, else the article's date.
    pub day: Option<i32>,
    pub status: Status,
    #[serde(default)]
    pub against: Vec<Against>,
    /// The event across articles: the event of the stored figures it was read
    /// with, else a new one named after this article (`<article>-e1`).
    #[serde(default)]
    pub event: Option<String>,
    /// For a figure told of no place or of a whole country: the content words
    /// of its sentence, folded, that `check` compares to find its event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// The province or district the figure's place lies in (no country): the
    /// figure is also indexed under it, so a toll told of the province finds
    /// the tolls of its towns, GeoNames' as well as hand-written ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
}

impl StoredFigure {
    pub fn category(&self) -> Category {
        self.figure.category
    }

    /// A total over a campaign, a month or a war («منذ 2011», «خلال حزيران»), not
    /// one incident's running toll ("since the clashes erupted on July 13"). A
    /// figure stored before `total` was read counts by its dates.
    pub fn cumulative(&self) -> bool {
        let day = |d: &Option<String>| d.as_deref().and_then(crate::figures::when::parse_date);
        self.figure.total || crate::figures::campaign(day(&self.figure.since), day(&self.figure.as_of))
    }

    /// The date the figure counts to, as YYYY-MM-DD.
    pub fn as_of(&self) -> Option<String> {
        self.day.map(|d| super::keys::date_of_day(d).to_string())
    }

    /// Where the figures told of a place inside `place` are also indexed.
    pub fn within_key(place: &str, category: Category, group: &str) -> EventKey {
        EventKey { place: format!("<{place}"), category, group: group.to_string() }
    }

    /// The index group of the figure: place, category and group.
    /// Where figures of no place, or of a whole country, are also indexed: by
    /// kind of event, read by description.
    pub fn described_key(kind: Option<&str>, category: Category) -> EventKey {
        EventKey { place: format!("~{}", kind.unwrap_or("-")), category, group: "-".into() }
    }

    pub fn event_key(&self) -> EventKey {
        EventKey {
            place: self.figure.place.clone().unwrap_or_else(|| "-".into()),
            category: self.figure.category,
            group: self.figure.group.clone().unwrap_or_else(|| "-".into()),
        }
    }
}

/// Figures of one place, category and group share an index prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventKey {
    pub place: String,
    pub category: Category,
    /// `-` for figures of no particular group.
    pub group: String,
}

/// An earlier figure a new one was compared with.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Against {
    pub article: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub status: Status,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StoredClaim {
    pub idx: u32,
    pub mode: Mode,
    pub text: String,
    pub cue: Option<String>,
    pub stance: Stance,
    /// The source's cross-article key.
    pub source: Option<String>,
    pub source_name: Option<String>,
    pub anonymous: bool,
    pub via: Vec<String>,
}

/// One article: its text and metadata, and what the audit found.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StoredArticle {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: String,
    pub text: String,
    /// Where the article body starts in `text` (front matter before it).
    pub body_start: usize,
    pub claims: Vec<StoredClaim>,
    pub figures: Vec<StoredFigure>,
    /// Order of arrival.
    pub seq: u64,
}

/// The part of a stored article every schema version keeps: enough to audit it
/// again (`reindex` reads older stores through this).
#[derive(Debug, Clone, Deserialize)]
pub struct ArticleText {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: String,
    pub text: String,
    pub body_start: usize,
    pub seq: u64,
}

/// A source across articles.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct StoredSource {
    pub key: String,
    pub name: String,
    pub kind: Option<Kind>,
    pub anonymous: bool,
    pub aliases: Vec<String>,
    pub claims: u64,
    pub figures: u64,
    /// Claims per outlet that relayed them.
    pub outlets: HashMap<String, u64>,
}
