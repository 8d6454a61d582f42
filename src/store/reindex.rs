//! `reindex`: re-run extraction on every stored article (after a rules change or
//! an upgrade), in date order, so that statuses are recomputed against what came
//! before each article.
//!
//! It works in place, one article per transaction: each article is replaced by
//! its new extraction together with the source records it changes. Killed at any
//! moment, the store holds every article, each with either its old or its new
//! extraction, and a second `reindex` finishes the job.

use std::collections::HashMap;

use super::check::{check_article, merge_sources, to_stored};
use super::gazetteer::Gazetteer;
use super::resolve::SourceResolver;
use super::{ArticleText, Result, Store};
use crate::input::{Article, Meta};
use crate::pipeline::{audit, LangChoice};
use crate::pool;
use crate::rules::Rules;

/// Reindex every article; `progress` hears the count done after each one.
/// Returns how many articles were reindexed.
pub fn reindex(store: &dyn Store, rules: &Rules, progress: &mut dyn FnMut(usize, usize)) -> Result<usize> {
    let upgrade = store.schema() < super::keys::SCHEMA_VERSION;
    if upgrade {
        // an older schema's index and source records do not read; articles rebuild them
        store.reset_index()?;
    }
    let mut texts: Vec<ArticleText> = store.article_texts().collect::<Result<_>>()?;
    texts.sort_by(|a, b| a.date.cmp(&b.date).then(a.seq.cmp(&b.seq)));
    let rank: HashMap<String, usize> = texts.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
    let gaz = Gazetteer::new(rules);
    let mut resolver = SourceResolver::new(store, rules)?;
    let total = texts.len();
    let mut done = 0;
    let mut failed = None;
    let work = |t: ArticleText| {
        let art = Article {
            path: t.path,
            text: t.text,
            body_start: t.body_start,
            meta: Meta { title: t.title, outlet: t.outlet, date: t.date, url: t.url, lang: Some(t.lang) },
        };
        let au = audit(&art, rules, LangChoice::Auto);
        (art, au, t.seq)
    };
    pool::ordered(texts.into_iter(), pool::default_workers(), work, |(art, au, seq)| {
        let mut step = || -> Result<()> {
            let (mut stored, sources) = to_stored(&art, &au, &mut resolver, &gaz, seq);
            let me = rank.get(&stored.id).copied().unwrap_or(usize::MAX);
            // the articles before this one in date order, and nothing after it
            let before = |id: &str| rank.get(id).is_some_and(|&r| r < me);
            check_article(store, rules, &gaz, &mut stored, &before)?;
            // an older schema's record does not read: its counts were reset above
            let old = if upgrade { None } else { store.article(&stored.id)? };
            let records = merge_sources(store, &sources, old.as_ref())?;
            store.put(&stored, &records)
        };
        if let Err(e) = step() {
            failed = Some(e);
            return false;
        }
        done += 1;
        progress(done, total);
        true
    });
    if let Some(e) = failed {
        return Err(e);
    }
    store.flush()?;
    if upgrade {
        store.mark_current()?;
    }
    Ok(done)
}
