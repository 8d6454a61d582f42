//! `ingest`: audit articles on worker threads and check and store them in input
//! order on this one (a check reads what came before).

use serde::Serialize;

use super::check::{check, merge_sources};
use super::gazetteer::Gazetteer;
use super::resolve::SourceResolver;
use super::{Result, Store, StoreError};
use crate::input::{Article, Meta};
use crate::model::{Audit, Status};
use crate::pipeline::{audit, LangChoice};
use crate::pool;
use crate::rules::Rules;

/// What an ingest did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub new: u64,
    pub unchanged: u64,
    pub failed: u64,
    pub claims: u64,
    pub figures: u64,
    pub conflicts: u64,
}

/// What happened to one input item, for progress and messages.
pub enum Outcome<'a> {
    Stored {
        article: &'a Article,
        audit: &'a Audit,
        conflicts: u64,
    },
    Unchanged {
        article: &'a Article,
    },
    /// A bad input item (the message names its place); the rest goes on.
    Failed(String),
}

/// One input item: an article, or a bad record with its place.
pub type Item = std::result::Result<Article, String>;

/// Store one audited article; `None` when the same text is already stored.
pub fn store_audited(store: &dyn Store, rules: &Rules, gaz: &Gazetteer, resolver: &mut SourceResolver, art: &Article, a: &Audit) -> Result<Option<u64>> {
    if store.contains(&super::article_id(&art.text))? {
        return Ok(None);
    }
    let checked = check(store, rules, gaz, resolver, art, a)?;
    let sources = merge_sources(store, &checked.sources, None)?;
    store.put(&checked.stored, &sources)?;
    Ok(Some(checked.figures.iter().filter(|f| f.status == Status::Conflict).count() as u64))
}

/// Ingest every item. `defaults` fill what an article's own metadata does not
/// say. `on` hears of each item in input order. A store error stops the run.
pub fn ingest<I>(store: &dyn Store, rules: &Rules, items: I, lang: LangChoice, defaults: &Meta, on: &mut dyn FnMut(Outcome)) -> Result<Summary>
where
    I: Iterator<Item = Item> + Send,
{
    let gaz = Gazetteer::new(rules);
    let mut resolver = SourceResolver::new(store, rules)?;
    let mut sum = Summary::default();
    let mut fatal: Option<StoreError> = None;
    let work = |item: Item| {
        item.map(|mut art| {
            art.meta.fill_from(defaults);
            let au = audit(&art, rules, lang);
            (art, au)
        })
    };
    pool::ordered(items, pool::default_workers(), work, |res| {
        match res {
            Err(e) => {
                sum.failed += 1;
                on(Outcome::Failed(e));
            }
            Ok((art, au)) => match store_audited(store, rules, &gaz, &mut resolver, &art, &au) {
                Ok(None) => {
                    sum.unchanged += 1;
                    on(Outcome::Unchanged { article: &art });
                }
                Ok(Some(conflicts)) => {
                    sum.new += 1;
                    sum.claims += au.claims.len() as u64;
                    sum.figures += au.figures.len() as u64;
                    sum.conflicts += conflicts;
                    on(Outcome::Stored { article: &art, audit: &au, conflicts });
                }
                Err(e) => {
                    fatal = Some(StoreError::Io(format!("{}: {e}", art.path)));
                    return false;
                }
            },
        }
        true
    });
    match fatal {
        Some(e) => Err(e),
        None => Ok(sum),
    }
}
