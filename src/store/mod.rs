//! The store: articles, claims and figures kept across runs, and the check of a
//! new article's figures against earlier ones.
//!
//! - [`Store`]: what the rest of isnad needs from a database; [`SledStore`] is
//!   the one on disk (sled), [`MemStore`] an in-memory one for tests;
//! - [`model`] and [`keys`]: what is stored and how it is keyed;
//! - [`resolve`]: one source across articles; [`gazetteer`]: places and their
//!   parents; [`assess`]: the status of a figure against earlier ones;
//! - [`check`], [`ingest`], [`reindex`], [`timeline`], [`events`], [`export`], [`query`]:
//!   the commands' work, with no printing.
//!
//! Every article is written in one transaction with its index entries and the
//! source records it changes: an article is stored whole or not at all, and a
//! crash never leaves half of one.

pub mod assess;
pub mod check;
pub mod db;
pub mod events;
pub mod export;
pub mod gazetteer;
pub mod ingest;
pub mod keys;
pub mod memory;
pub mod model;
pub mod query;
pub mod reindex;
pub mod resolve;
pub mod timeline;

use std::fmt;
use std::path::PathBuf;

pub use db::SledStore;
pub use keys::article_id;
pub use memory::MemStore;
pub use model::{Against, ArticleText, EventKey, StoredArticle, StoredClaim, StoredFigure, StoredSource};

#[derive(Debug)]
pub enum StoreError {
    InUse(PathBuf),
    Newer {
        path: PathBuf,
        found: u32,
    },
    /// An older store that only `reindex` may open.
    Older {
        path: PathBuf,
        found: u32,
    },
    Missing(PathBuf),
    NotADir(PathBuf),
    Io(String),
    Corrupt(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::InUse(p) => write!(f, "{}: database in use by another process", p.display()),
            StoreError::Newer { path, found } => {
                write!(f, "{}: written by a newer isnad (schema {found}, this one reads {}); upgrade isnad", path.display(), keys::SCHEMA_VERSION)
            }
            StoreError::Older { path, found } => write!(
                f,
                "{}: written by an older isnad (schema {found}, this one writes {}); run `isnad reindex` to upgrade it",
                path.display(),
                keys::SCHEMA_VERSION
            ),
            StoreError::Missing(p) => write!(f, "{}: no database here (`isnad ingest` creates one)", p.display()),
            StoreError::NotADir(p) => write!(f, "{}: is a file, not a database folder", p.display()),
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

pub type Result<T> = std::result::Result<T, StoreError>;

/// What isnad needs from a database.
pub trait Store {
    fn article(&self, id: &str) -> Result<Option<StoredArticle>>;
    fn contains(&self, id: &str) -> Result<bool>;
    /// Every article, in key order.
    fn articles(&self) -> Box<dyn Iterator<Item = Result<StoredArticle>> + '_>;
    /// Every article's text and metadata, in any schema version.
    fn article_texts(&self) -> Box<dyn Iterator<Item = Result<ArticleText>> + '_>;
    fn article_count(&self) -> usize;
    /// A number that grows with each call: the order of arrival.
    fn next_seq(&self) -> Result<u64>;
    /// Store an article (replacing an earlier version of it, index entries
    /// included) and write the given source records, in one transaction.
    fn put(&self, a: &StoredArticle, sources: &[StoredSource]) -> Result<()>;
    /// The `limit` latest figures of one event key whose day lies in
    /// `[from, to]`, in date order.
    fn latest_between(&self, key: &EventKey, from: i32, to: i32, limit: usize) -> Result<Vec<StoredFigure>>;
    /// The (category, group) pairs stored for a place.
    fn event_keys_for_place(&self, place: &str) -> Result<Vec<(String, String)>>;
    fn source(&self, key: &str) -> Result<Option<StoredSource>>;
    fn sources(&self) -> Box<dyn Iterator<Item = Result<StoredSource>> + '_>;
    /// Every source key, for matching new names.
    fn source_keys(&self) -> Result<Vec<String>>;
    /// Make everything written so far durable.
    fn flush(&self) -> Result<()>;
    /// Drop the figure index and the source records, which articles rebuild
    /// (before a reindex upgrades an older store).
    fn reset_index(&self) -> Result<()>;
    /// The schema version of what is stored.
    fn schema(&self) -> u32 {
        keys::SCHEMA_VERSION
    }
    /// Record that everything stored is of the current schema.
    fn mark_current(&self) -> Result<()> {
        Ok(())
    }

    /// Every figure of an event key, in date order.
    fn figures_of(&self, key: &EventKey) -> Result<Vec<StoredFigure>> {
        self.latest_between(key, i32::MIN / 2, i32::MAX / 2, usize::MAX)
    }
}
