//! Stage 9: check. Each figure of a new article is compared with the stored
//! figures of the same event (place or its parent/child, category, group, event
//! kind, as-of dates within a window, and a campaign total never against an
//! incident), and gets a status: new, consistent, update, revision_down, stale or
//! conflict. Sources are resolved across articles so that two outlets citing one
//! monitor count as one source.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use strsim::jaro_winkler;

use crate::audit::Audit;
use crate::input::Article;
use crate::normalise::fold;
use crate::rules::Rules;
use crate::store::{article_id, Against, Store, StoreError, StoredArticle, StoredClaim, StoredFigure, StoredSource};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Consistent,
    Update,
    RevisionDown,
    Stale,
    Conflict,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Consistent => "consistent",
            Status::Update => "update",
            Status::RevisionDown => "revision_down",
            Status::Stale => "stale",
            Status::Conflict => "conflict",
        }
    }

    /// The status named by [`Status::as_str`].
    pub fn parse(s: &str) -> Option<Status> {
        [Status::New, Status::Consistent, Status::Update, Status::RevisionDown, Status::Stale, Status::Conflict].into_iter().find(|x| x.as_str() == s)
    }

    /// One line for text output.
    pub fn explain(self) -> &'static str {
        match self {
            Status::New => "no earlier figure for this event",
            Status::Consistent => "agrees with earlier figures (the intervals overlap)",
            Status::Update => "a later, higher toll: the count has risen",
            Status::RevisionDown => "the same source now gives a lower toll",
            Status::Stale => "repeats an older figure after a newer one was reported",
            Status::Conflict => "another source gives a toll that does not overlap, for the same time",
        }
    }
}

/// The event a figure belongs to, as scripts see it.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub category: String,
    pub group: Option<String>,
    pub kind: Option<String>,
}

impl Event {
    fn of(f: &StoredFigure) -> Event {
        Event { place: f.place.clone(), place_name: f.place_name.clone(), category: f.category.clone(), group: f.group.clone(), kind: f.kind.clone() }
    }
}

/// What `check` says of one figure.
#[derive(Debug, Clone, Serialize)]
pub struct FigureCheck {
    pub status: Status,
    pub event: Event,
    pub against: Vec<Against>,
}

/// An audited article, with its figures checked and its stored form ready.
pub struct Checked {
    pub id: String,
    pub stored: StoredArticle,
    pub sources: Vec<StoredSource>,
    pub figures: Vec<Option<FigureCheck>>,
}

fn days(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32
}

/// Words of a source name for matching: folded, lower-case, Arabic proclitics and
/// English articles set aside.
pub fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .to_lowercase()
        .split(|c: char| !crate::segment::is_word_char(c))
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "of"))
        .map(|w| {
            let mut s = w;
            for p in ["وال", "بال", "فال", "لل", "ال", "و", "ل", "ب"] {
                if let Some(r) = s.strip_prefix(p) {
                    if r.chars().count() >= 3 {
                        s = r;
                        break;
                    }
                }
            }
            s.to_string()
        })
        .collect()
}

fn arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Resolves source names across articles: registry ids first, then the same
/// words, then word-by-word similarity within one script.
pub struct SourceResolver {
    /// Known name keys by (script, word count, first letter): similar names share a
    /// bucket, so a new name is compared with a handful, not with every source.
    buckets: HashMap<(bool, usize, char), Vec<(String, Vec<String>)>>,
    exact: std::collections::HashSet<String>,
    threshold: f64,
}

fn bucket(words: &[String], script: bool) -> (bool, usize, char) {
    (script, words.len(), words.first().and_then(|w| w.chars().next()).unwrap_or(' '))
}

impl SourceResolver {
    pub fn new(store: &Store, threshold: f64) -> Result<SourceResolver, StoreError> {
        let mut r = SourceResolver { buckets: HashMap::new(), exact: Default::default(), threshold };
        for k in store.source_keys()? {
            if let Some(n) = k.strip_prefix("name:") {
                let words: Vec<String> = n.split(' ').map(String::from).collect();
                r.exact.insert(k.clone());
                r.buckets.entry(bucket(&words, arabic(n))).or_default().push((k.clone(), words));
            }
        }
        Ok(r)
    }

    /// The cross-article key of a source.
    pub fn key(&mut self, canonical: Option<&str>, name: &str) -> String {
        if let Some(c) = canonical {
            return format!("reg:{c}");
        }
        let words = name_words(name);
        let exact = format!("name:{}", words.join(" "));
        if self.exact.contains(&exact) {
            return exact;
        }
        // محمد/محمود are different people: every word must match, in order, and
        // only within one script
        let script = arabic(name);
        let b = bucket(&words, script);
        let found = self.buckets.get(&b).and_then(|list| {
            list.iter().find(|(_, w)| w.iter().zip(&words).all(|(a, b)| a == b || (a.chars().count() >= 4 && jaro_winkler(a, b) >= self.threshold)))
        });
        match found {
            Some((k, _)) => k.clone(),
            None => {
                self.exact.insert(exact.clone());
                self.buckets.entry(b).or_default().push((exact.clone(), words));
                exact
            }
        }
    }
}

/// Places by id, with parents and children, for event matching.
pub struct Gazetteer {
    parent: HashMap<String, String>,
    children: HashMap<String, Vec<String>>,
    countries: std::collections::HashSet<String>,
}

impl Gazetteer {
    pub fn new(rules: &Rules) -> Gazetteer {
        let mut parent = HashMap::new();
        let mut children: HashMap<String, Vec<String>> = HashMap::new();
        let countries = rules.places.iter().filter(|p| p.kind == crate::rules::PlaceKind::Country).map(|p| p.id.clone()).collect();
        for p in &rules.places {
            if let Some(par) = &p.parent {
                parent.insert(p.id.clone(), par.clone());
                children.entry(par.clone()).or_default().push(p.id.clone());
            }
        }
        Gazetteer { parent, children, countries }
    }

    /// The place, its parent and its children: one event may be told at any of
    /// them. A whole country is too wide to stand for one event either way.
    pub fn related(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_string()];
        if self.countries.contains(id) {
            return out;
        }
        if let Some(p) = self.parent.get(id).filter(|p| !self.countries.contains(*p)) {
            out.push(p.clone());
        }
        if let Some(c) = self.children.get(id) {
            out.extend(c.iter().cloned());
        }
        out
    }
}

/// Turn an audit into the stored form, resolving sources and dates.
pub fn to_stored(art: &Article, audit: &Audit, resolver: &mut SourceResolver, seq: u64) -> (StoredArticle, Vec<StoredSource>) {
    let id = article_id(&art.text);
    let mut keys: HashMap<&str, String> = HashMap::new();
    let mut sources: Vec<StoredSource> = Vec::new();
    for s in &audit.sources {
        let key = resolver.key(s.canonical.as_deref(), &s.name);
        keys.insert(s.id.as_str(), key.clone());
        let mut aliases = vec![name_words(&s.name).join(" ")];
        aliases.extend(s.aliases.iter().map(|a| name_words(a).join(" ")));
        aliases.retain(|a| !a.is_empty());
        sources.push(StoredSource {
            key,
            name: s.name.clone(),
            kind: s.kind.to_string(),
            anonymous: s.anonymous,
            aliases,
            claims: s.claims as u64,
            figures: 0,
            outlets: HashMap::new(),
        });
    }
    let outlet = art.meta.outlet.clone();
    for c in &audit.claims {
        if let Some(src) = c.source.as_deref().and_then(|s| keys.get(s)) {
            if let Some(rec) = sources.iter_mut().find(|r| &r.key == src) {
                *rec.outlets.entry(outlet.clone().unwrap_or_else(|| "-".into())).or_default() += 1;
            }
        }
    }
    let name_of = |sid: &str| audit.sources.iter().find(|s| s.id == sid).map(|s| s.name.clone());
    let claims = audit
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| StoredClaim {
            idx: i as u32,
            mode: c.mode.to_string(),
            text: c.text.clone(),
            cue: c.cue.clone(),
            stance: c.stance.to_string(),
            source: c.source.as_deref().and_then(|s| keys.get(s)).cloned(),
            source_name: c.source.as_deref().and_then(name_of),
            anonymous: c.source.as_deref().and_then(|s| audit.sources.iter().find(|x| x.id == s)).is_some_and(|s| s.anonymous),
            via: c.via.iter().filter_map(|v| name_of(v)).collect(),
        })
        .collect();
    let article_day = art.meta.date.as_deref().and_then(crate::figures::when::parse_date);
    let figures = audit
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let as_of = f.as_of.as_deref().and_then(crate::figures::when::parse_date).or(article_day);
            let src = f.source.as_deref().and_then(|s| keys.get(s)).cloned();
            if let Some(k) = &src {
                if let Some(rec) = sources.iter_mut().find(|r| &r.key == k) {
                    rec.figures += 1;
                }
            }
            StoredFigure {
                article: id.clone(),
                idx: i as u32,
                text: f.text.clone(),
                category: f.category.to_string(),
                group: f.group.clone(),
                place: f.place.clone(),
                place_name: f.place_name.clone(),
                kind: f.event_kind.clone(),
                low: f.low,
                high: f.high,
                vague: f.vague,
                source: src,
                source_name: f.source.as_deref().and_then(name_of),
                outlet: outlet.clone(),
                date: art.meta.date.clone(),
                as_of: as_of.map(|d| d.to_string()),
                day: as_of.map(days),
                cumulative: f.since.is_some(),
                update: f.update,
                status: Status::New.as_str().to_string(),
                against: Vec::new(),
            }
        })
        .collect();
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

fn overlap(a: &StoredFigure, b: &StoredFigure) -> bool {
    let lo = a.low.unwrap_or(0).max(b.low.unwrap_or(0));
    let hi = a.high.unwrap_or(u64::MAX).min(b.high.unwrap_or(u64::MAX));
    lo <= hi
}

fn higher(a: &StoredFigure, b: &StoredFigure) -> bool {
    a.low.unwrap_or(0) > b.high.unwrap_or(u64::MAX)
}

fn lower(a: &StoredFigure, b: &StoredFigure) -> bool {
    a.high.unwrap_or(u64::MAX) < b.low.unwrap_or(0)
}

fn against(c: &StoredFigure) -> Against {
    Against {
        article: c.article.clone(),
        outlet: c.outlet.clone(),
        date: c.as_of.clone().or_else(|| c.date.clone()),
        source: c.source_name.clone().or_else(|| c.source.clone()),
        low: c.low,
        high: c.high,
        status: c.status.clone(),
    }
}

/// The status of `f` given the stored figures of its event.
pub fn assess(f: &StoredFigure, cands: &[StoredFigure], rules: &Rules) -> (Status, Vec<Against>) {
    let w = &rules.check;
    let Some(day) = f.day else { return (Status::New, Vec::new()) };
    let window = if f.cumulative { w.cumulative_window_days } else { w.event_window_days };
    let cands: Vec<&StoredFigure> = cands
        .iter()
        .filter(|c| c.article != f.article && c.cumulative == f.cumulative && !c.vague)
        .filter(|c| c.day.is_some_and(|d| (d - day).abs() <= window))
        .filter(|c| match (&c.kind, &f.kind) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        })
        .collect();
    if cands.is_empty() || f.vague {
        return (Status::New, Vec::new());
    }
    let refs = |v: &[&StoredFigure]| v.iter().rev().take(6).map(|c| against(c)).collect::<Vec<_>>();
    let same_src = |c: &&StoredFigure| f.source.is_some() && c.source == f.source;
    // a real conflict: another originating source, the same time, no overlap; across
    // days only when the later figure is the lower one (a higher one is the toll rising)
    let conflicts: Vec<&StoredFigure> = cands
        .iter()
        .copied()
        .filter(|c| !same_src(c) && !overlap(c, f))
        .filter(|c| {
            c.day.is_some_and(|d| {
                (d - day).abs() <= w.conflict_window_days && (d == day || (d < day && lower(f, c)) || (d > day && higher(f, c)))
            })
        })
        .collect();
    if !conflicts.is_empty() {
        return (Status::Conflict, refs(&conflicts));
    }
    let mut prior: Vec<&StoredFigure> = cands.iter().copied().filter(|c| c.day.is_some_and(|d| d <= day)).collect();
    prior.sort_by_key(|c| c.day);
    // the newest figure before this one, from this source if it has one
    let own: Vec<&StoredFigure> = prior.iter().copied().filter(same_src).collect();
    let latest = own.last().copied().or(prior.last().copied());
    if let Some(n) = latest {
        if higher(f, n) {
            return (Status::Update, refs(&[n]));
        }
        if lower(f, n) {
            // repeating an older value well after the newer one came out
            let repeats = prior.iter().any(|o| o.day < n.day && overlap(o, f));
            if repeats && day - n.day.unwrap_or(day) > w.stale_after_days {
                return (Status::Stale, refs(&[n]));
            }
            if same_src(&n) || f.source.is_none() {
                return (Status::RevisionDown, refs(&[n]));
            }
            return (Status::Stale, refs(&[n]));
        }
    }
    if f.update && latest.is_some_and(|n| !overlap(f, n)) {
        return (Status::Update, refs(&prior));
    }
    (Status::Consistent, refs(&prior))
}

/// How many stored figures of one event (per place) a new figure is read against.
const CANDIDATES: usize = 12;

/// Check every figure of an article against the store (not storing it).
pub fn check_article(store: &Store, rules: &Rules, gaz: &Gazetteer, stored: &mut StoredArticle) -> Result<Vec<Option<FigureCheck>>, StoreError> {
    let mut out = Vec::with_capacity(stored.figures.len());
    for i in 0..stored.figures.len() {
        let f = &stored.figures[i];
        let w = if f.cumulative { rules.check.cumulative_window_days } else { rules.check.event_window_days };
        let event = Event::of(f);
        // only casualty counts with a place and a date can be matched
        if f.category == "other" || f.place.is_none() || f.day.is_none() || f.text.is_empty() {
            out.push(Some(FigureCheck { status: Status::New, event, against: Vec::new() }));
            continue;
        }
        let day = f.day.unwrap_or(0);
        let mut cands = Vec::new();
        for p in gaz.related(f.place.as_deref().unwrap_or("-")) {
            // the latest figures of the event are what a new one is read against
            cands.extend(store.latest_between(&p, &f.category, f.group.as_deref().unwrap_or("-"), day - w, day + w, CANDIDATES)?);
        }
        let (status, against) = assess(f, &cands, rules);
        let f = &mut stored.figures[i];
        f.status = status.as_str().to_string();
        f.against = against.clone();
        out.push(Some(FigureCheck { status, event, against }));
    }
    Ok(out)
}

/// Audit-and-check in one: the stored form of an article, its sources, and the
/// check of each figure against what the store holds.
pub fn check(store: &Store, rules: &Rules, gaz: &Gazetteer, resolver: &mut SourceResolver, art: &Article, audit: &Audit) -> Result<Checked, StoreError> {
    let seq = store.next_seq()?;
    let (mut stored, sources) = to_stored(art, audit, resolver, seq);
    // an article already stored was checked when it came in, against what came
    // before it; checking it again gives that record, not a comparison with later news
    if let Some(prev) = store.article(&stored.id)? {
        if prev.figures.len() == stored.figures.len() {
            let figures = prev
                .figures
                .iter()
                .map(|f| {
                    Some(FigureCheck {
                        status: Status::parse(&f.status).unwrap_or(Status::New),
                        event: Event::of(f),
                        against: f.against.clone(),
                    })
                })
                .collect();
            return Ok(Checked { id: prev.id.clone(), stored: prev, sources, figures });
        }
    }
    let figures = check_article(store, rules, gaz, &mut stored)?;
    Ok(Checked { id: stored.id.clone(), stored, sources, figures })
}

/// Merge a new article's sources into the store's records.
pub fn merge_sources(store: &Store, new: &[StoredSource]) -> Result<Vec<StoredSource>, StoreError> {
    let mut out: Vec<StoredSource> = Vec::new();
    for s in new {
        let mut rec = match out.iter().position(|x| x.key == s.key) {
            Some(i) => out.remove(i),
            None => store.source(&s.key)?.unwrap_or_else(|| StoredSource { key: s.key.clone(), name: s.name.clone(), kind: s.kind.clone(), anonymous: s.anonymous, ..Default::default() }),
        };
        rec.claims += s.claims;
        rec.figures += s.figures;
        if s.name.chars().count() > rec.name.chars().count() && rec.key.starts_with("name:") {
            rec.name = s.name.clone();
        }
        for a in &s.aliases {
            if !rec.aliases.contains(a) {
                rec.aliases.push(a.clone());
            }
        }
        for (o, n) in &s.outlets {
            *rec.outlets.entry(o.clone()).or_default() += n;
        }
        out.push(rec);
    }
    Ok(out)
}
