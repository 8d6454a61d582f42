//! `check`: an audited article in its stored form, each casualty figure compared
//! with the stored figures of its event, and the source records it changes.

use std::collections::HashMap;

use super::assess::{assess, Event, FigureCheck};
use super::gazetteer::Gazetteer;
use super::keys::{article_id, day_of};
use super::resolve::{name_words, SourceResolver};
use super::{Result, Store, StoredArticle, StoredClaim, StoredFigure, StoredSource};
use crate::figures::when::parse_date;
use crate::input::Article;
use crate::model::{Audit, Status};
use crate::rules::Rules;

/// An audited article, with its figures checked and its stored form ready.
pub struct Checked {
    pub id: String,
    pub stored: StoredArticle,
    /// This article's contribution to each of its sources' records.
    pub sources: Vec<StoredSource>,
    pub figures: Vec<FigureCheck>,
    /// True when the article was already stored: `figures` is its record from
    /// when it came in.
    pub known: bool,
}

/// How many stored figures of one event (per place) a new figure is read against.
const CANDIDATES: usize = 12;

/// Which stored articles a check may see (all of them, or during a reindex the
/// ones before the article being redone).
pub type Visible<'a> = &'a dyn Fn(&str) -> bool;

/// Turn an audit into the stored form, resolving sources and dates.
pub fn to_stored(art: &Article, audit: &Audit, resolver: &mut SourceResolver, gaz: &Gazetteer, seq: u64) -> (StoredArticle, Vec<StoredSource>) {
    let id = article_id(&art.text);
    let mut keys: HashMap<&str, String> = HashMap::new();
    let mut sources: Vec<StoredSource> = Vec::new();
    for s in &audit.sources {
        let key = resolver.key(s.canonical.as_deref(), &s.name);
        keys.insert(s.id.as_str(), key.clone());
        let mut aliases = vec![name_words(resolver.rules(), &s.name).join(" ")];
        aliases.extend(s.aliases.iter().map(|a| name_words(resolver.rules(), a).join(" ")));
        aliases.retain(|a| !a.is_empty());
        sources.push(StoredSource { key, name: s.name.clone(), kind: Some(s.kind), anonymous: s.anonymous, aliases, ..Default::default() });
    }
    let outlet = art.meta.outlet.clone().unwrap_or_else(|| "-".into());
    let name_of = |sid: &str| audit.sources.iter().find(|s| s.id == sid).map(|s| s.name.clone());
    let claims: Vec<StoredClaim> = audit
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| StoredClaim {
            idx: i as u32,
            mode: c.mode,
            text: c.text.clone(),
            cue: c.cue.clone(),
            stance: c.stance,
            source: c.source.as_deref().and_then(|s| keys.get(s)).cloned(),
            source_name: c.source.as_deref().and_then(name_of),
            anonymous: audit.source(c.source.as_deref()).is_some_and(|s| s.anonymous),
            via: c.via.iter().filter_map(|v| name_of(v)).collect(),
        })
        .collect();
    let article_day = art.meta.date.as_deref().and_then(parse_date);
    let figures: Vec<StoredFigure> = audit
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| StoredFigure {
            article: id.clone(),
            idx: i as u32,
            figure: f.clone(),
            source: f.source.as_deref().and_then(|s| keys.get(s)).cloned(),
            source_name: f.source.as_deref().and_then(name_of),
            outlet: art.meta.outlet.clone(),
            date: art.meta.date.clone(),
            day: f.as_of.as_deref().and_then(parse_date).or(article_day).map(day_of),
            status: Status::New,
            against: Vec::new(),
            event: None,
            // told of no place or of a whole country, the words around it name the incident
            words: if f.place.as_deref().is_none_or(|p| gaz.is_country(p)) {
                description(resolver.rules(), audit.doc.lang, &art.text, f.start)
            } else {
                Vec::new()
            },
            within: f.place.as_deref().and_then(|p| resolver.rules().parent_of(p)).filter(|p| !gaz.is_country(p)),
        })
        .collect();
    add_counts(&mut sources, &claims, &figures, &outlet, 1);
    let stored = StoredArticle {
        id,
        path: art.path.clone(),
        title: art.meta.title.clone(),
        outlet: art.meta.outlet.clone(),
        date: art.meta.date.clone(),
        url: art.meta.url.clone(),
        lang: audit.doc.lang.as_str().to_string(),
        text: art.text.clone(),
        body_start: art.body_start,
        claims,
        figures,
        seq,
    };
    (stored, sources)
}

/// How many bytes either side of a figure its description is read from, within
/// its sentence.
const DESCRIPTION_REACH: usize = 240;

/// The content words of the sentence around byte `at`: folded, without the
/// article, function words and numbers, at most 16.
fn description(rules: &Rules, lang: crate::rules::Lang, text: &str, at: usize) -> Vec<String> {
    let stop = |c: char| c == '\n' || crate::text::is_terminal(c) || crate::text::is_semicolon(c);
    let floor = crate::text::floor_char;
    let at = floor(text, at);
    let lo = floor(text, at.saturating_sub(DESCRIPTION_REACH));
    let hi = floor(text, at + DESCRIPTION_REACH);
    let start = text[lo..at].char_indices().rfind(|&(_, c)| stop(c)).map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let end = text[at..hi].find(stop).map_or(hi, |i| at + i);
    let lr = rules.lang(lang);
    let mut out: Vec<String> = Vec::new();
    let folded = crate::text::fold(&text[start..end]).to_lowercase();
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        let bare = lr.morph.strip(w);
        if bare.chars().nth(2).is_none() || bare.chars().any(|c| c.is_numeric()) || lr.classes(w) & !crate::rules::CONTENT_CLASSES != 0 {
            continue;
        }
        if !out.iter().any(|o| o == bare) && out.len() < 16 {
            out.push(bare.to_string());
        }
    }
    out
}

/// Two descriptions tell one incident: at least three words alike, and half of
/// the shorter one.
fn described_alike(a: &[String], b: &[String], similarity: f64) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // spellings of one word: one first letter, lengths close («العراقي», «العراقى»)
    let close = |w: &str, v: &str| w.chars().next() == v.chars().next() && w.len().abs_diff(v.len()) <= 4 && strsim::jaro_winkler(w, v) >= similarity;
    let alike = short.iter().filter(|w| long.iter().any(|v| v == *w || close(w, v))).count();
    alike >= 3 && 2 * alike >= short.len()
}

/// Add (`sign` 1) or take away (`sign` -1) an article's claims and figures from
/// the records of their sources.
fn add_counts(records: &mut [StoredSource], claims: &[StoredClaim], figures: &[StoredFigure], outlet: &str, sign: i64) {
    let step = |n: &mut u64| *n = (*n as i64 + sign).max(0) as u64;
    for c in claims {
        if let Some(r) = c.source.as_ref().and_then(|k| records.iter_mut().find(|r| &r.key == k)) {
            step(&mut r.claims);
            step(r.outlets.entry(outlet.to_string()).or_default());
        }
    }
    for f in figures {
        if let Some(r) = f.source.as_ref().and_then(|k| records.iter_mut().find(|r| &r.key == k)) {
            step(&mut r.figures);
        }
    }
}

/// Check every figure of an article against the store (not storing it).
pub fn check_article(store: &dyn Store, rules: &Rules, gaz: &Gazetteer, stored: &mut StoredArticle, visible: Visible) -> Result<Vec<FigureCheck>> {
    let mut out = Vec::with_capacity(stored.figures.len());
    // the article's events (`e1`…) → events across articles
    let mut events: HashMap<String, String> = HashMap::new();
    let prefix: String = stored.id.chars().take(10).collect();
    let several = super::assess::one_of_several(&stored.figures, &rules.check);
    for (f, several) in stored.figures.iter_mut().zip(several) {
        let (status, against, joined) = check_one(store, rules, gaz, f, visible, several)?;
        f.status = status;
        f.against = against;
        if let Some(local) = f.figure.event.clone() {
            let id = events.entry(local.clone()).or_insert_with(|| joined.unwrap_or_else(|| format!("{prefix}-{local}")));
            f.event = Some(id.clone());
        }
        out.push(FigureCheck { status, event: Event::of(f), against: f.against.clone() });
    }
    // rival tolls in this article: two sources, one incident, no overlap
    for (i, check) in out.iter_mut().enumerate() {
        let (before, rest) = stored.figures.split_at_mut(i);
        let f = &mut rest[0];
        if f.status == Status::Conflict || !f.figure.category.is_casualty() {
            continue;
        }
        if let Some(r) = crate::lint::inconsistent_figure::rival(before, |x| &x.figure, &f.figure) {
            f.status = Status::Conflict;
            f.against = vec![super::assess::against(r)];
            check.status = Status::Conflict;
            check.against = f.against.clone();
        }
    }
    Ok(out)
}

/// One figure against the store: its status, what it was read against, and the
/// event of the stored figure it agrees or disagrees with.
fn check_one(
    store: &dyn Store,
    rules: &Rules,
    gaz: &Gazetteer,
    f: &StoredFigure,
    visible: Visible,
    one_of_several: bool,
) -> Result<(Status, Vec<super::Against>, Option<String>)> {
    // only casualty counts with a date, and a place or a description, can be matched
    let Some(day) = f.day else { return Ok((Status::New, Vec::new(), None)) };
    if !f.figure.category.is_casualty() || f.figure.text.is_empty() || f.figure.place.is_none() && f.words.is_empty() {
        return Ok((Status::New, Vec::new(), None));
    }
    let w = if f.cumulative() { rules.check.cumulative_window_days } else { rules.check.event_window_days };
    let mut cands = Vec::new();
    let mut key = f.event_key();
    if let Some(place) = &f.figure.place {
        for p in gaz.related(place) {
            key.place = p;
            // the latest figures of the event are what a new one is read against
            for c in store.latest_between(&key, day - w, day + w, CANDIDATES)? {
                // a town of the hand-written gazetteer is found under its name and inside its province
                if visible(&c.article) && !among(&cands, &c) {
                    cands.push(c);
                }
            }
        }
    }
    // told of no place or a whole country: figures so told, of a kind that
    // agrees, whose sentences tell the same incident
    if !f.words.is_empty() {
        let kinds = rules.check.kinds_like(f.figure.event_kind.as_deref());
        for kind in kinds.iter().map(|k| k.as_deref()).chain(f.figure.event_kind.is_some().then_some(None)) {
            let key = StoredFigure::described_key(kind, f.figure.category);
            for c in store.latest_between(&key, day - w, day + w, CANDIDATES)? {
                let known = among(&cands, &c);
                // one group's toll (or a toll of no group); told of two countries, only
                // near-identical words of a full sentence
                let country = |x: &StoredFigure| x.figure.place.as_deref().map(|p| rules.country_of(p));
                let apart = matches!((country(f), country(&c)), (Some(a), Some(b)) if a != b);
                let groups = c.figure.group == f.figure.group || c.figure.group.is_none() || f.figure.group.is_none();
                let similarity = if apart { rules.check.word_similarity.max(0.99) } else { rules.check.word_similarity };
                let alike = described_alike(&f.words, &c.words, similarity) && (!apart || f.words.len().min(c.words.len()) >= 6);
                if !known && visible(&c.article) && groups && alike {
                    cands.push(c);
                }
            }
        }
    }
    let (status, against) = assess(f, &cands, &rules.check, f.figure.place.as_deref().is_none_or(|p| gaz.is_coarse(p)), one_of_several);
    let joined = against.iter().find_map(|a| cands.iter().rev().find(|c| c.article == a.article && c.figure.low == a.low).and_then(|c| c.event.clone()));
    Ok((status, against, joined))
}

/// Is the stored figure `c` one of `cands` already (found under another key)?
fn among(cands: &[StoredFigure], c: &StoredFigure) -> bool {
    cands.iter().any(|x| x.article == c.article && x.idx == c.idx)
}

/// Audit-and-check in one: the stored form of an article, its sources, and the
/// check of each figure against what the store holds.
pub fn check(store: &dyn Store, rules: &Rules, gaz: &Gazetteer, resolver: &mut SourceResolver, art: &Article, audit: &Audit) -> Result<Checked> {
    let seq = store.next_seq()?;
    let (mut stored, sources) = to_stored(art, audit, resolver, gaz, seq);
    // an article already stored was checked when it came in, against what came
    // before it; checking it again gives that record, not a comparison with later news
    if let Some(prev) = store.article(&stored.id)? {
        if prev.figures.len() == stored.figures.len() {
            let figures = prev.figures.iter().map(|f| FigureCheck { status: f.status, event: Event::of(f), against: f.against.clone() }).collect();
            return Ok(Checked { id: prev.id.clone(), stored: prev, sources, figures, known: true });
        }
    }
    let figures = check_article(store, rules, gaz, &mut stored, &|_| true)?;
    Ok(Checked { id: stored.id.clone(), stored, sources, figures, known: false })
}

/// The source records after storing an article: the stored records, less what
/// an earlier version of the article gave them (`old`), plus the new article's
/// contributions.
pub fn merge_sources(store: &dyn Store, new: &[StoredSource], old: Option<&StoredArticle>) -> Result<Vec<StoredSource>> {
    let mut out: Vec<StoredSource> = Vec::new();
    let record = |out: &mut Vec<StoredSource>, key: &str, seed: &StoredSource| -> Result<usize> {
        if let Some(i) = out.iter().position(|x| x.key == key) {
            return Ok(i);
        }
        let rec = store.source(key)?.unwrap_or_else(|| StoredSource {
            key: key.to_string(),
            name: seed.name.clone(),
            kind: seed.kind,
            anonymous: seed.anonymous,
            ..Default::default()
        });
        out.push(rec);
        Ok(out.len() - 1)
    };
    if let Some(old) = old {
        let keys: Vec<&String> = old.claims.iter().filter_map(|c| c.source.as_ref()).chain(old.figures.iter().filter_map(|f| f.source.as_ref())).collect();
        for k in keys {
            record(&mut out, k, &StoredSource::default())?;
        }
        let outlet = old.outlet.clone().unwrap_or_else(|| "-".into());
        add_counts(&mut out, &old.claims, &old.figures, &outlet, -1);
    }
    for s in new {
        let i = record(&mut out, &s.key, s)?;
        let rec = &mut out[i];
        rec.claims += s.claims;
        rec.figures += s.figures;
        if s.name.chars().count() > rec.name.chars().count() && rec.key.starts_with("name:") {
            rec.name = s.name.clone();
        }
        if rec.kind.is_none() {
            rec.kind = s.kind;
        }
        for a in &s.aliases {
            if !rec.aliases.contains(a) {
                rec.aliases.push(a.clone());
            }
        }
        for (o, n) in &s.outlets {
            *rec.outlets.entry(o.clone()).or_default() += n;
        }
    }
    for rec in &mut out {
        rec.outlets.retain(|_, n| *n > 0);
    }
    Ok(out)
}
