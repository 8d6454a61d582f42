//! Everything stored, for pandas, DuckDB or Spark: JSON Lines records with a
//! `type` field, one CSV row type per table, and schema.org ClaimReview for
//! every figure in conflict.

use serde::Serialize;
use serde_json::{json, Value};

use super::{Result, Store, StoredArticle, StoredClaim, StoredFigure, StoredSource};
use crate::model::{Category, Kind, Mode, Stance, Status};
use crate::report::interval;

/// One line of `export --format jsonl`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Record<'a> {
    Source(&'a StoredSource),
    Article(ArticleRow),
    Claim {
        article: &'a str,
        #[serde(flatten)]
        claim: &'a StoredClaim,
    },
    Figure(FigureRow),
}

#[derive(Debug, Serialize)]
pub struct ArticleRow {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: String,
    pub path: String,
    pub claims: usize,
    pub figures: usize,
}

impl From<&StoredArticle> for ArticleRow {
    fn from(a: &StoredArticle) -> Self {
        ArticleRow {
            id: a.id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            date: a.date.clone(),
            url: a.url.clone(),
            lang: a.lang.clone(),
            path: a.path.clone(),
            claims: a.claims.len(),
            figures: a.figures.len(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ClaimRow {
    pub article: String,
    pub idx: u32,
    pub mode: Mode,
    pub cue: Option<String>,
    pub stance: Stance,
    pub source: Option<String>,
    pub source_name: Option<String>,
    pub anonymous: bool,
    /// The relays, `; `-separated.
    pub via: String,
    pub text: String,
}

impl ClaimRow {
    pub fn new(article: &str, c: &StoredClaim) -> ClaimRow {
        ClaimRow {
            article: article.to_string(),
            idx: c.idx,
            mode: c.mode,
            cue: c.cue.clone(),
            stance: c.stance,
            source: c.source.clone(),
            source_name: c.source_name.clone(),
            anonymous: c.anonymous,
            via: c.via.join("; "),
            text: c.text.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct FigureRow {
    pub article: String,
    pub idx: u32,
    pub category: Category,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub vague: bool,
    pub group: Option<String>,
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub kind: Option<String>,
    pub as_of: Option<String>,
    pub source: Option<String>,
    pub source_name: Option<String>,
    pub outlet: Option<String>,
    pub status: Status,
    /// A total since this date («منذ 2011»).
    pub since: Option<String>,
    /// Read as an update of an earlier toll («ارتفعت الحصيلة إلى»).
    pub update: bool,
    pub text: String,
}

/// A figure in conflict, with the figures it disagrees with.
#[derive(Debug, Serialize)]
pub struct ConflictRow {
    #[serde(flatten)]
    pub figure: FigureRow,
    pub against: Vec<super::Against>,
}

impl From<&StoredFigure> for ConflictRow {
    fn from(f: &StoredFigure) -> Self {
        ConflictRow { figure: FigureRow::from(f), against: f.against.clone() }
    }
}

impl From<&StoredFigure> for FigureRow {
    fn from(f: &StoredFigure) -> Self {
        let g = &f.figure;
        FigureRow {
            article: f.article.clone(),
            idx: f.idx,
            category: g.category,
            low: g.low,
            high: g.high,
            vague: g.vague,
            group: g.group.clone(),
            place: g.place.clone(),
            place_name: g.place_name.clone(),
            kind: g.event_kind.clone(),
            as_of: f.as_of(),
            source: f.source.clone(),
            source_name: f.source_name.clone(),
            outlet: f.outlet.clone(),
            status: f.status,
            since: g.since.clone(),
            update: g.update,
            text: g.text.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct SourceRow {
    pub key: String,
    pub name: String,
    pub kind: Option<Kind>,
    pub anonymous: bool,
    pub claims: u64,
    pub figures: u64,
}

impl From<&StoredSource> for SourceRow {
    fn from(s: &StoredSource) -> Self {
        SourceRow { key: s.key.clone(), name: s.name.clone(), kind: s.kind, anonymous: s.anonymous, claims: s.claims, figures: s.figures }
    }
}

/// Every record, sources first, then each article with its claims and figures.
/// A store error comes back as an `io::Error` of kind `Other` wrapping it.
pub fn records(store: &dyn Store, emit: &mut dyn FnMut(Record) -> std::io::Result<()>) -> std::io::Result<()> {
    for s in store.sources() {
        emit(Record::Source(&s.map_err(std::io::Error::other)?))?;
    }
    for a in store.articles() {
        let a = a.map_err(std::io::Error::other)?;
        emit(Record::Article(ArticleRow::from(&a)))?;
        for c in &a.claims {
            emit(Record::Claim { article: &a.id, claim: c })?;
        }
        for f in &a.figures {
            emit(Record::Figure(FigureRow::from(f)))?;
        }
    }
    Ok(())
}

/// A schema.org ClaimReview for a figure in conflict.
pub fn claim_review(art: &StoredArticle, f: &StoredFigure, today: &str) -> Value {
    let against: Vec<String> = f
        .against
        .iter()
        .map(|x| format!("{} ({}, {})", interval(x.low, x.high), x.source.as_deref().unwrap_or("no source"), x.date.as_deref().unwrap_or("")))
        .collect();
    let g = &f.figure;
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": today,
        "claimReviewed": g.text,
        "inLanguage": art.lang,
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": f.source_name.clone().or(f.source.clone()).unwrap_or_else(|| "unattributed".into())},
            "datePublished": f.date,
            "appearance": {"@type": "CreativeWork", "url": art.url, "headline": art.title, "publisher": art.outlet},
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "Conflicting figures",
            "ratingExplanation": format!(
                "{} {} {} as of {}; other sources give {}",
                g.category,
                interval(g.low, g.high),
                g.place_name.as_deref().unwrap_or(""),
                f.as_of().unwrap_or_default(),
                against.join("; ")
            ),
        },
        "author": {"@type": "Organization", "name": "isnad"},
    })
}

/// ClaimReviews for every stored figure in conflict.
pub fn claim_reviews(store: &dyn Store, today: &str) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    for a in store.articles() {
        let a = a?;
        for f in a.figures.iter().filter(|f| f.status == Status::Conflict) {
            out.push(claim_review(&a, f, today));
        }
    }
    Ok(out)
}
