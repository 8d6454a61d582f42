//! A store in memory, for tests of the check and timeline logic: the same
//! behaviour as [`super::SledStore`], ordered maps instead of sled trees.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::RwLock;

use super::keys::{day_bytes, event_prefix, figure_keys};
use super::{ArticleText, EventKey, Result, Store, StoreError, StoredArticle, StoredFigure, StoredSource};

#[derive(Default)]
pub struct MemStore {
    articles: RwLock<BTreeMap<String, StoredArticle>>,
    by_event: RwLock<BTreeMap<Vec<u8>, StoredFigure>>,
    sources: RwLock<BTreeMap<String, StoredSource>>,
    seq: AtomicU64,
}

fn poisoned<T>(_: T) -> StoreError {
    StoreError::Io("a thread panicked while holding the store".into())
}

impl MemStore {
    pub fn new() -> MemStore {
        MemStore::default()
    }
}

impl Store for MemStore {
    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        Ok(self.articles.read().map_err(poisoned)?.get(id).cloned())
    }

    fn contains(&self, id: &str) -> Result<bool> {
        Ok(self.articles.read().map_err(poisoned)?.contains_key(id))
    }

    fn articles(&self) -> Box<dyn Iterator<Item = Result<StoredArticle>> + '_> {
        let all: Vec<StoredArticle> = self.articles.read().map(|m| m.values().cloned().collect()).unwrap_or_default();
        Box::new(all.into_iter().map(Ok))
    }

    fn article_texts(&self) -> Box<dyn Iterator<Item = Result<ArticleText>> + '_> {
        Box::new(self.articles().map(|a| {
            let a = a?;
            Ok(ArticleText {
                id: a.id,
                path: a.path,
                title: a.title,
                outlet: a.outlet,
                date: a.date,
                url: a.url,
                lang: a.lang,
                text: a.text,
                body_start: a.body_start,
                seq: a.seq,
            })
        }))
    }

    fn article_count(&self) -> usize {
        self.articles.read().map_or(0, |m| m.len())
    }

    fn next_seq(&self) -> Result<u64> {
        Ok(self.seq.fetch_add(1, Ordering::Relaxed))
    }

    fn put(&self, a: &StoredArticle, sources: &[StoredSource]) -> Result<()> {
        let mut arts = self.articles.write().map_err(poisoned)?;
        let mut ev = self.by_event.write().map_err(poisoned)?;
        let mut srcs = self.sources.write().map_err(poisoned)?;
        if let Some(old) = arts.get(&a.id) {
            for f in &old.figures {
                for k in figure_keys(f) {
                    ev.remove(&k);
                }
            }
        }
        for f in &a.figures {
            for k in figure_keys(f) {
                let mut slim = f.clone();
                slim.against.clear();
                ev.insert(k, slim);
            }
        }
        for s in sources {
            srcs.insert(s.key.clone(), s.clone());
        }
        arts.insert(a.id.clone(), a.clone());
        Ok(())
    }

    fn latest_between(&self, key: &EventKey, from: i32, to: i32, limit: usize) -> Result<Vec<StoredFigure>> {
        let prefix = event_prefix(key);
        let mut lo = prefix.clone();
        lo.extend_from_slice(&day_bytes(from));
        let mut hi = prefix;
        hi.extend_from_slice(&day_bytes(to));
        hi.extend_from_slice(&[0xFF; 32]);
        let ev = self.by_event.read().map_err(poisoned)?;
        let mut out: Vec<StoredFigure> = ev.range(lo..hi).rev().take(limit).map(|(_, f)| f.clone()).collect();
        out.reverse();
        Ok(out)
    }

    fn event_keys_for_place(&self, place: &str) -> Result<Vec<(String, String)>> {
        let ev = self.by_event.read().map_err(poisoned)?;
        let mut out: Vec<(String, String)> = Vec::new();
        for f in ev.values().filter(|f| f.figure.place.as_deref() == Some(place)) {
            let k = (f.figure.category.as_str().to_string(), f.figure.group.clone().unwrap_or_else(|| "-".into()));
            if !out.contains(&k) {
                out.push(k);
            }
        }
        Ok(out)
    }

    fn source(&self, key: &str) -> Result<Option<StoredSource>> {
        Ok(self.sources.read().map_err(poisoned)?.get(key).cloned())
    }

    fn sources(&self) -> Box<dyn Iterator<Item = Result<StoredSource>> + '_> {
        let all: Vec<StoredSource> = self.sources.read().map(|m| m.values().cloned().collect()).unwrap_or_default();
        Box::new(all.into_iter().map(Ok))
    }

    fn source_keys(&self) -> Result<Vec<String>> {
        Ok(self.sources.read().map_err(poisoned)?.keys().cloned().collect())
    }

    fn flush(&self) -> Result<()> {
        Ok(())
    }

    fn reset_index(&self) -> Result<()> {
        self.by_event.write().map_err(poisoned)?.clear();
        self.sources.write().map_err(poisoned)?.clear();
        Ok(())
    }
}
