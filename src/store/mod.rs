//! Stage 8: the store. A sled database of articles, claims and figures, behind
//! this `Store` type only: the rest of isnad never sees sled.
//!
//! Trees and keys (numbers big-endian so prefix scans run in order):
//! - `articles`: article id (content hash) → the article, its claims and figures
//! - `by_event`: place \0 category \0 group \0 day(be) article idx(be) → ()
//! - `by_date`: day(be) article idx(be) → ()
//! - `sources`: source key → the cross-article source record
//! - `aliases`: normalised alias → source key
//! - `meta`: `schema` → version
//!
//! Every article's writes are one transaction across the trees: an article is
//! stored whole or not at all.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sled::transaction::{TransactionError, Transactional};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug)]
pub enum StoreError {
    InUse(PathBuf),
    Newer { path: PathBuf, found: u32 },
    Io(String),
    Corrupt(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::InUse(p) => write!(f, "{}: database in use by another process", p.display()),
            StoreError::Newer { path, found } => write!(
                f,
                "{}: written by a newer isnad (schema {found}, this one reads {SCHEMA_VERSION}); upgrade isnad",
                path.display()
            ),
            StoreError::Io(e) => write!(f, "database error: {e}"),
            StoreError::Corrupt(e) => write!(f, "database record unreadable: {e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        StoreError::Io(e.to_string())
    }
}

/// A figure as stored, with what `check` said of it when it came in.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredFigure {
    pub article: String,
    pub idx: u32,
    pub text: String,
    pub category: String,
    pub group: Option<String>,
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub kind: Option<String>,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub vague: bool,
    /// The originating source's key (registry id or normalised name), not the outlet.
    pub source: Option<String>,
    pub source_name: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub as_of: Option<String>,
    /// Days since 1970-01-01 of `as_of` (or the article date).
    pub day: Option<i32>,
    pub cumulative: bool,
    pub update: bool,
    pub status: String,
    #[serde(default)]
    pub against: Vec<Against>,
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
    pub status: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredClaim {
    pub idx: u32,
    pub mode: String,
    pub text: String,
    pub cue: Option<String>,
    pub stance: String,
    pub source: Option<String>,
    pub source_name: Option<String>,
    pub anonymous: bool,
    pub via: Vec<String>,
}

/// One article: its text and metadata (so `reindex` can re-run everything), and
/// what the audit found.
#[derive(Debug, Clone, Serialize, Deserialize)]
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

/// A source across articles.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct StoredSource {
    pub key: String,
    pub name: String,
    pub kind: String,
    pub anonymous: bool,
    pub aliases: Vec<String>,
    pub claims: u64,
    pub figures: u64,
    /// Claims per outlet that relayed them.
    pub outlets: HashMap<String, u64>,
}

pub struct Store {
    path: PathBuf,
    db: sled::Db,
    articles: sled::Tree,
    by_event: sled::Tree,
    by_date: sled::Tree,
    sources: sled::Tree,
    aliases: sled::Tree,
    meta: sled::Tree,
}

/// The event part of an index key.
pub fn event_prefix(place: &str, category: &str, group: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(place.len() + category.len() + group.len() + 3);
    for part in [place, category, group] {
        k.extend_from_slice(part.as_bytes());
        k.push(0);
    }
    k
}

fn day_bytes(day: i32) -> [u8; 4] {
    // shift so that negative days sort before positive ones
    ((day as i64 + (1 << 31)) as u32).to_be_bytes()
}

fn fig_ref(article: &str, idx: u32) -> Vec<u8> {
    let mut k = article.as_bytes().to_vec();
    k.extend_from_slice(&idx.to_be_bytes());
    k
}

impl Store {
    /// Open (or create) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(path).map_err(|e| StoreError::Io(format!("{}: {e}", path.display())))?;
        // a bounded cache keeps memory flat however much is ingested
        let db = sled::Config::new().path(path).cache_capacity(256 << 20).mode(sled::Mode::HighThroughput).open().map_err(|e| {
            let msg = e.to_string();
            if msg.contains("lock") || msg.contains("WouldBlock") || msg.contains("Resource temporarily unavailable") {
                StoreError::InUse(path.to_path_buf())
            } else {
                StoreError::Io(format!("{}: {msg}", path.display()))
            }
        })?;
        let s = Store {
            path: path.to_path_buf(),
            articles: db.open_tree("articles")?,
            by_event: db.open_tree("by_event")?,
            by_date: db.open_tree("by_date")?,
            sources: db.open_tree("sources")?,
            aliases: db.open_tree("aliases")?,
            meta: db.open_tree("meta")?,
            db,
        };
        match s.meta.get("schema")? {
            Some(v) => {
                let found = u32::from_be_bytes(v.as_ref().try_into().map_err(|_| StoreError::Corrupt("schema version".into()))?);
                if found > SCHEMA_VERSION {
                    return Err(StoreError::Newer { path: s.path.clone(), found });
                }
            }
            None => {
                s.meta.insert("schema", &SCHEMA_VERSION.to_be_bytes())?;
            }
        }
        Ok(s)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.articles.contains_key(id)?)
    }

    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>, StoreError> {
        match self.articles.get(id)? {
            Some(v) => Ok(Some(serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(e.to_string()))?)),
            None => Ok(None),
        }
    }

    /// Every article, in key order.
    pub fn articles(&self) -> impl Iterator<Item = Result<StoredArticle, StoreError>> + '_ {
        self.articles.iter().map(|r| {
            let (_, v) = r?;
            serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(e.to_string()))
        })
    }

    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    pub fn next_seq(&self) -> Result<u64, StoreError> {
        Ok(self.db.generate_id()?)
    }

    /// Store an article, its figures' index entries and its sources, in one
    /// transaction. An earlier version of the same article is replaced.
    /// The caller checks `contains` first: a stored article is removed before it is
    /// stored again (see `reindex`).
    pub fn put(&self, a: &StoredArticle, sources: &[StoredSource]) -> Result<(), StoreError> {
        let old: Option<StoredArticle> = None;
        let value = serde_json::to_vec(a).map_err(|e| StoreError::Io(e.to_string()))?;
        // each figure's index entry carries the figure, so a check reads no article
        let fig_values: Vec<(Vec<u8>, Vec<u8>)> = a
            .figures
            .iter()
            .filter_map(|f| {
                let mut slim = f.clone();
                slim.against.clear();
                Some((event_key(f)?, serde_json::to_vec(&slim).ok()?))
            })
            .collect();
        let src_values: Vec<(String, Vec<u8>, Vec<String>)> = sources
            .iter()
            .map(|s| (s.key.clone(), serde_json::to_vec(s).unwrap_or_default(), s.aliases.clone()))
            .collect();
        let res: Result<(), TransactionError<String>> =
            (&self.articles, &self.by_event, &self.by_date, &self.sources, &self.aliases).transaction(|(arts, ev, dates, srcs, als)| {
                if let Some(old) = &old {
                    for f in &old.figures {
                        if let Some(k) = event_key(f) {
                            ev.remove(k)?;
                        }
                        if let Some(d) = f.day {
                            let mut k = day_bytes(d).to_vec();
                            k.extend(fig_ref(&f.article, f.idx));
                            dates.remove(k)?;
                        }
                    }
                }
                arts.insert(a.id.as_bytes(), value.as_slice())?;
                for (k, v) in &fig_values {
                    ev.insert(k.as_slice(), v.as_slice())?;
                }
                for f in &a.figures {
                    if let Some(d) = f.day {
                        let mut k = day_bytes(d).to_vec();
                        k.extend(fig_ref(&f.article, f.idx));
                        dates.insert(k, &[])?;
                    }
                }
                for (key, v, aliases) in &src_values {
                    srcs.insert(key.as_bytes(), v.as_slice())?;
                    for al in aliases {
                        als.insert(al.as_bytes(), key.as_bytes())?;
                    }
                }
                Ok(())
            });
        res.map_err(|e| match e {
            TransactionError::Abort(s) => StoreError::Io(s),
            TransactionError::Storage(e) => StoreError::Io(e.to_string()),
        })
    }

    /// Remove an article and its index entries (for `reindex`).
    pub fn remove(&self, id: &str) -> Result<(), StoreError> {
        let Some(old) = self.article(id)? else { return Ok(()) };
        let res: Result<(), TransactionError<String>> = (&self.articles, &self.by_event, &self.by_date).transaction(|(arts, ev, dates)| {
            for f in &old.figures {
                if let Some(k) = event_key(f) {
                    ev.remove(k)?;
                }
                if let Some(d) = f.day {
                    let mut k = day_bytes(d).to_vec();
                    k.extend(fig_ref(&f.article, f.idx));
                    dates.remove(k)?;
                }
            }
            arts.remove(id.as_bytes())?;
            Ok(())
        });
        res.map_err(|e| StoreError::Io(format!("{e:?}")))
    }

    /// Figures of one event key whose day lies in `[from, to]`.
    pub fn figures_between(&self, place: &str, category: &str, group: &str, from: i32, to: i32) -> Result<Vec<StoredFigure>, StoreError> {
        self.latest_between(place, category, group, from, to, usize::MAX)
    }

    /// The `limit` latest figures of one event key whose day lies in `[from, to]`,
    /// in date order.
    pub fn latest_between(&self, place: &str, category: &str, group: &str, from: i32, to: i32, limit: usize) -> Result<Vec<StoredFigure>, StoreError> {
        let prefix = event_prefix(place, category, group);
        let mut lo = prefix.clone();
        lo.extend_from_slice(&day_bytes(from));
        let mut hi = prefix.clone();
        hi.extend_from_slice(&day_bytes(to));
        hi.extend_from_slice(&[0xFF; 32]);
        let mut out: Vec<StoredFigure> = Vec::new();
        for r in self.by_event.range(lo..hi).rev().take(limit) {
            let (_, v) = r?;
            out.push(serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(e.to_string()))?);
        }
        out.reverse();
        Ok(out)
    }

    /// Every figure of an event key, in date order.
    pub fn figures_of(&self, place: &str, category: &str, group: &str) -> Result<Vec<StoredFigure>, StoreError> {
        self.figures_between(place, category, group, i32::MIN / 2, i32::MAX / 2)
    }

    /// Every place/category/group key present, for browsing.
    pub fn event_keys_for_place(&self, place: &str) -> Result<Vec<(String, String)>, StoreError> {
        let mut p = place.as_bytes().to_vec();
        p.push(0);
        let mut out: Vec<(String, String)> = Vec::new();
        for r in self.by_event.scan_prefix(&p) {
            let (k, _) = r?;
            let rest = &k[p.len()..];
            let mut parts = rest.splitn(3, |b| *b == 0);
            let cat = String::from_utf8_lossy(parts.next().unwrap_or(&[])).to_string();
            let grp = String::from_utf8_lossy(parts.next().unwrap_or(&[])).to_string();
            if out.last() != Some(&(cat.clone(), grp.clone())) {
                out.push((cat, grp));
            }
        }
        out.dedup();
        Ok(out)
    }

    pub fn source(&self, key: &str) -> Result<Option<StoredSource>, StoreError> {
        match self.sources.get(key)? {
            Some(v) => Ok(Some(serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(e.to_string()))?)),
            None => Ok(None),
        }
    }

    pub fn source_for_alias(&self, alias: &str) -> Result<Option<String>, StoreError> {
        Ok(self.aliases.get(alias)?.map(|v| String::from_utf8_lossy(&v).to_string()))
    }

    pub fn sources(&self) -> impl Iterator<Item = Result<StoredSource, StoreError>> + '_ {
        self.sources.iter().map(|r| {
            let (_, v) = r?;
            serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(e.to_string()))
        })
    }

    /// Every source key, for fuzzy matching of new names.
    pub fn source_keys(&self) -> Result<Vec<String>, StoreError> {
        self.sources.iter().keys().map(|k| Ok(String::from_utf8_lossy(&k?).to_string())).collect()
    }

    /// On-disk size in bytes.
    pub fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }

    /// Forget the cross-article source records (before a reindex rebuilds them).
    pub fn clear_sources(&self) -> Result<(), StoreError> {
        self.sources.clear()?;
        self.aliases.clear()?;
        Ok(())
    }

    /// Make everything written so far durable.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }
}

fn event_key(f: &StoredFigure) -> Option<Vec<u8>> {
    let day = f.day?;
    let mut k = event_prefix(f.place.as_deref().unwrap_or("-"), &f.category, f.group.as_deref().unwrap_or("-"));
    k.extend_from_slice(&day_bytes(day));
    k.extend(fig_ref(&f.article, f.idx));
    Some(k)
}

/// The content hash that names an article: the same text is the same article.
pub fn article_id(text: &str) -> String {
    let h = blake3::hash(text.as_bytes());
    h.to_hex()[..20].to_string()
}
