//! The store on disk: a sled database. Nothing outside this file sees sled.

use std::path::{Path, PathBuf};

use sled::transaction::{TransactionError, Transactional};

use super::keys::{day_bytes, event_prefix, figure_keys, SCHEMA_VERSION};
use super::{ArticleText, EventKey, Result, Store, StoreError, StoredArticle, StoredFigure, StoredSource};

/// How to open a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// Create it if it does not exist (ingest).
    Create,
    /// It must exist (read commands).
    Existing,
    /// It must exist and may be of an older schema (reindex upgrades it).
    Upgrade,
}

pub struct SledStore {
    path: PathBuf,
    db: sled::Db,
    articles: sled::Tree,
    by_event: sled::Tree,
    sources: sled::Tree,
    meta: sled::Tree,
    /// The schema version found when opened.
    pub found_schema: u32,
}

fn json<T: serde::de::DeserializeOwned>(v: &[u8]) -> Result<T> {
    serde_json::from_slice(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(v).map_err(|e| StoreError::Io(e.to_string()))
}

/// Make a new store whole or not at all: built beside `path`, with its schema
/// written, then renamed into place (a process killed half-way leaves no store
/// at `path`, only a folder named `*.creating-<pid>`).
fn create(path: &Path) -> Result<()> {
    let io = |e: std::io::Error| StoreError::Io(format!("{}: {e}", path.display()));
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "db".into());
    let tmp = path.with_file_name(format!(".{name}.creating-{}", std::process::id()));
    {
        let db = sled::Config::new().path(&tmp).open().map_err(|e| StoreError::Io(format!("{}: {e}", tmp.display())))?;
        db.open_tree("meta")?.insert("schema", &SCHEMA_VERSION.to_be_bytes())?;
        db.flush()?;
    }
    if std::fs::rename(&tmp, path).is_err() {
        // another process made it first: theirs stands
        let _ = std::fs::remove_dir_all(&tmp);
    }
    Ok(())
}

/// sled 0.34 writes a snapshot to `snap.<lsn>.generating`, then renames it;
/// but on opening it reads the highest-named snapshot file, `.generating`
/// included (spacejam/sled#1527), so a process killed while writing one
/// leaves a store that will not open. A half-written file fails its own
/// checksum: removing it lets sled replay its log from the snapshot before.
/// Complete ones are left for sled to read. Returns whether one was removed.
fn drop_broken_snapshots(path: &Path) -> bool {
    let Ok(dir) = std::fs::read_dir(path) else { return false };
    let mut dropped = false;
    for entry in dir.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with("snap.") && name.ends_with(".generating")) {
            continue;
        }
        let whole = std::fs::read(entry.path()).is_ok_and(|b| {
            b.len() > 12 && {
                let (body, tail) = b.split_at(b.len() - 12);
                crc32fast::hash(body).to_le_bytes() == tail[8..]
            }
        });
        if !whole && std::fs::remove_file(entry.path()).is_ok() {
            dropped = true;
        }
    }
    dropped
}

impl SledStore {
    pub fn open(path: &Path, how: Open) -> Result<SledStore> {
        match std::fs::metadata(path) {
            Ok(m) if !m.is_dir() => return Err(StoreError::NotADir(path.to_path_buf())),
            Err(_) if how != Open::Create => return Err(StoreError::Missing(path.to_path_buf())),
            _ => {}
        }
        if !path.exists() {
            create(path)?;
        }
        // a bounded cache keeps memory flat however much is ingested
        let config = sled::Config::new().path(path).cache_capacity(256 << 20).mode(sled::Mode::HighThroughput);
        let (mut tries, mut repaired) = (0, false);
        let db = loop {
            match config.open() {
                Ok(db) => break db,
                Err(sled::Error::Corruption { at: None, .. }) if !repaired && drop_broken_snapshots(path) => {
                    repaired = true;
                    continue;
                }
                Err(e) => {
                    let msg = e.to_string();
                    if msg.contains("lock") || msg.contains("WouldBlock") || msg.contains("Resource temporarily unavailable") {
                        // sled lets go of its lock a moment after a store closes
                        // (its flusher thread ends then): only a store held for
                        // longer is in use
                        if tries < 10 {
                            tries += 1;
                            std::thread::sleep(std::time::Duration::from_millis(20));
                            continue;
                        }
                        return Err(StoreError::InUse(path.to_path_buf()));
                    }
                    return Err(StoreError::Io(format!("{}: {msg}", path.display())));
                }
            }
        };
        let meta = db.open_tree("meta")?;
        let found = match meta.get("schema")? {
            Some(v) => u32::from_be_bytes(v.as_ref().try_into().map_err(|_| StoreError::Corrupt("schema version".into()))?),
            None => {
                meta.insert("schema", &SCHEMA_VERSION.to_be_bytes())?;
                SCHEMA_VERSION
            }
        };
        if found > SCHEMA_VERSION {
            return Err(StoreError::Newer { path: path.to_path_buf(), found });
        }
        if found < SCHEMA_VERSION && how != Open::Upgrade {
            return Err(StoreError::Older { path: path.to_path_buf(), found });
        }
        // trees of schema 1 that nothing reads any more
        for old in ["by_date", "aliases"] {
            if db.tree_names().iter().any(|n| n.as_ref() == old.as_bytes()) {
                db.drop_tree(old)?;
            }
        }
        Ok(SledStore {
            path: path.to_path_buf(),
            articles: db.open_tree("articles")?,
            by_event: db.open_tree("by_event")?,
            sources: db.open_tree("sources")?,
            meta,
            db,
            found_schema: found,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// On-disk size in bytes.
    pub fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }
}

impl Store for SledStore {
    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        self.articles.get(id)?.map(|v| json(&v)).transpose()
    }

    fn contains(&self, id: &str) -> Result<bool> {
        Ok(self.articles.contains_key(id)?)
    }

    fn articles(&self) -> Box<dyn Iterator<Item = Result<StoredArticle>> + '_> {
        Box::new(self.articles.iter().map(|r| json(&r?.1)))
    }

    fn article_texts(&self) -> Box<dyn Iterator<Item = Result<ArticleText>> + '_> {
        Box::new(self.articles.iter().map(|r| json(&r?.1)))
    }

    fn article_count(&self) -> usize {
        self.articles.len()
    }

    fn next_seq(&self) -> Result<u64> {
        Ok(self.db.generate_id()?)
    }

    fn put(&self, a: &StoredArticle, sources: &[StoredSource]) -> Result<()> {
        let value = to_json(a)?;
        // each figure's index entry carries the figure, so a check reads no article
        let mut fig_values: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        for f in &a.figures {
            for k in figure_keys(f) {
                let mut slim = f.clone();
                slim.against.clear();
                fig_values.push((k, to_json(&slim)?));
            }
        }
        let src_values: Vec<(&str, Vec<u8>)> = sources.iter().map(|s| Ok((s.key.as_str(), to_json(s)?))).collect::<Result<_>>()?;
        let res: std::result::Result<(), TransactionError<String>> = (&self.articles, &self.by_event, &self.sources).transaction(|(arts, ev, srcs)| {
            // an earlier version of this article: its index entries go
            // (one of an older schema has none: `reset_index` cleared them)
            if let Some(old) = arts.get(a.id.as_bytes())?.and_then(|v| serde_json::from_slice::<StoredArticle>(&v).ok()) {
                for f in &old.figures {
                    for k in figure_keys(f) {
                        ev.remove(k)?;
                    }
                }
            }
            arts.insert(a.id.as_bytes(), value.as_slice())?;
            for (k, v) in &fig_values {
                ev.insert(k.as_slice(), v.as_slice())?;
            }
            for (key, v) in &src_values {
                srcs.insert(key.as_bytes(), v.as_slice())?;
            }
            Ok(())
        });
        res.map_err(|e| match e {
            TransactionError::Abort(s) => StoreError::Corrupt(s),
            TransactionError::Storage(e) => StoreError::Io(e.to_string()),
        })
    }

    fn latest_between(&self, key: &EventKey, from: i32, to: i32, limit: usize) -> Result<Vec<StoredFigure>> {
        let prefix = event_prefix(key);
        let mut lo = prefix.clone();
        lo.extend_from_slice(&day_bytes(from));
        let mut hi = prefix;
        hi.extend_from_slice(&day_bytes(to));
        hi.extend_from_slice(&[0xFF; 32]);
        let mut out: Vec<StoredFigure> = Vec::new();
        for r in self.by_event.range(lo..hi).rev().take(limit) {
            out.push(json(&r?.1)?);
        }
        out.reverse();
        Ok(out)
    }

    fn event_keys_for_place(&self, place: &str) -> Result<Vec<(String, String)>> {
        let mut p = place.as_bytes().to_vec();
        p.push(0);
        let mut out: Vec<(String, String)> = Vec::new();
        for r in self.by_event.scan_prefix(&p) {
            let (k, _) = r?;
            let mut parts = k[p.len()..].splitn(3, |b| *b == 0);
            let cat = String::from_utf8_lossy(parts.next().unwrap_or(&[])).to_string();
            let grp = String::from_utf8_lossy(parts.next().unwrap_or(&[])).to_string();
            if !out.contains(&(cat.clone(), grp.clone())) {
                out.push((cat, grp));
            }
        }
        Ok(out)
    }

    fn source(&self, key: &str) -> Result<Option<StoredSource>> {
        self.sources.get(key)?.map(|v| json(&v)).transpose()
    }

    fn sources(&self) -> Box<dyn Iterator<Item = Result<StoredSource>> + '_> {
        Box::new(self.sources.iter().map(|r| json(&r?.1)))
    }

    fn source_keys(&self) -> Result<Vec<String>> {
        self.sources.iter().keys().map(|k| Ok(String::from_utf8_lossy(&k?).to_string())).collect()
    }

    fn flush(&self) -> Result<()> {
        self.db.flush()?;
        Ok(())
    }

    fn reset_index(&self) -> Result<()> {
        self.by_event.clear()?;
        self.sources.clear()?;
        Ok(())
    }

    fn schema(&self) -> u32 {
        self.found_schema
    }

    fn mark_current(&self) -> Result<()> {
        self.meta.insert("schema", &SCHEMA_VERSION.to_be_bytes())?;
        Ok(())
    }
}
