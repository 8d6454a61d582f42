//! The pipeline for one article: normalise → segment → quotes → cues →
//! sources → claims → findings, and the output model that reports serialise.
//! Offsets in the output are UTF-8 byte offsets into the file as given.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::claims::{self, Mode};
use crate::context::Ctx;
use crate::findings;
use crate::input::{detect_lang, Article};
use crate::normalise::Normalised;
use crate::rules::{Lang, Rules};
use crate::segment;

#[derive(Debug, Clone, Serialize)]
pub struct Doc {
    pub path: String,
    pub lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub bytes: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub anonymous: bool,
    pub mentions: Vec<[usize; 2]>,
    /// Registry id of a well-known source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub claims: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub id: String,
    pub mode: &'static str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub text: String,
    pub cue: Option<String>,
    pub cue_span: Option<[usize; 2]>,
    pub stance: &'static str,
    pub source: Option<String>,
    pub source_mention: Option<[usize; 2]>,
    pub via: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub floating: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub text: String,
    pub category: &'static str,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub vague: bool,
    /// The qualifier as written («على الأقل», "more than").
    pub qualifier: Option<String>,
    /// at_least, more_than, about, up_to or fewer_than.
    pub bound: Option<&'static str>,
    pub group: Option<String>,
    pub source: Option<String>,
    /// The claim this figure is part of.
    pub claim: Option<String>,
    /// Gazetteer id and name of the place.
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub event_kind: Option<String>,
    /// YYYY-MM-DD, resolved against the article's date.
    pub as_of: Option<String>,
    /// A total over a period starting here («منذ 8 ديسمبر 2024», "since 2011").
    pub since: Option<String>,
    pub update: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<u64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub superseded: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Stats {
    pub claims: usize,
    pub by_mode: BTreeMap<&'static str, usize>,
    pub by_kind: BTreeMap<&'static str, usize>,
    pub anonymous: usize,
    pub anonymous_share: f64,
    pub findings: usize,
}

/// Everything isnad says about one article.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub doc: Doc,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

/// Line starts of a text, for `line:col` in human output.
pub struct Lines {
    starts: Vec<usize>,
    /// (byte offset, its 0-based column) of the last answer: queries come mostly in
    /// text order, so a long line is counted once, not once per query.
    cursor: std::cell::Cell<(usize, usize)>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts, cursor: std::cell::Cell::new((0, 0)) }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, text: &str, off: usize) -> (usize, usize) {
        let off = off.min(text.len());
        let l = self.starts.partition_point(|&s| s <= off).max(1);
        let ls = self.starts[l - 1];
        let (c_off, c_col) = self.cursor.get();
        let (from, base) = if c_off >= ls && c_off <= off { (c_off, c_col) } else { (ls, 0) };
        let col = base + text.get(from..off).map_or(0, |s| s.chars().count());
        self.cursor.set((off, col));
        (l, col + 1)
    }
}

/// Which language to read an article as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangChoice {
    Auto,
    Fixed(Lang),
}

/// Audit one article.
pub fn audit(article: &Article, rules: &Rules, choice: LangChoice) -> Audit {
    let body = &article.text[article.body_start..];
    let lang = match choice {
        LangChoice::Fixed(l) => l,
        LangChoice::Auto => match article.meta.lang.as_deref() {
            Some("ar") => Lang::Ar,
            Some("en") => Lang::En,
            _ => detect_lang(body),
        },
    };
    let lr = rules.lang(lang);
    let norm = Normalised::new(body);
    let seg = segment::segment(&norm.text, &lr.abbreviations);
    let hits = rules.matcher(lang).find(&norm.text);
    let quoted = seg.quotes.iter().filter(|q| q.depth == 0).map(|q| (q.inner_start, q.inner_end)).collect();
    let by_tok = crate::context::index_hits(&seg, &hits);
    let ctx = Ctx { text: &norm.text, seg: &seg, hits: &hits, lr, registry: &rules.registry, quoted, by_tok };
    let ext = claims::extract(&ctx);
    let article_date = article.meta.date.as_deref().and_then(crate::figures::when::parse_date);
    let raw_figures = crate::figures::extract(&ctx, &ext.claims, article_date);

    let base = article.body_start;
    let orig = |s: usize, e: usize| -> [usize; 2] {
        let (a, b) = norm.orig_span(s, e);
        [a + base, b + base]
    };
    let lines = Lines::new(&article.text);

    // sources that something points at, in order of first mention
    let mut used: Vec<usize> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for c in &ext.claims {
        for e in c.source.iter().chain(c.via.iter()) {
            if seen.insert(*e) {
                used.push(*e);
            }
        }
    }
    used.sort_by_key(|&e| ext.entities.list[e].mentions.iter().map(|m| m.0).min().unwrap_or(0));
    let id_of = |e: usize| used.iter().position(|&u| u == e).map(|i| format!("s{}", i + 1));
    let mut sources: Vec<Source> = used
        .iter()
        .map(|&e| {
            let ent = &ext.entities.list[e];
            let [a, b] = orig(ent.name.0, ent.name.1);
            let reg = ent.registry.map(|r| &rules.registry[r as usize]);
            let mut mentions: Vec<[usize; 2]> = ent.mentions.iter().map(|m| orig(m.0, m.1)).collect();
            mentions.sort();
            mentions.dedup();
            Source {
                id: String::new(),
                name: article.text[a..b].to_string(),
                kind: ent.kind.as_str(),
                anonymous: ent.anonymous,
                mentions,
                canonical: reg.map(|r| r.id.clone()),
                aliases: reg.map(|r| std::iter::once(r.name.clone()).chain(r.name_ar.clone()).collect()).unwrap_or_default(),
                claims: 0,
            }
        })
        .collect();
    for (i, s) in sources.iter_mut().enumerate() {
        s.id = format!("s{}", i + 1);
    }

    let mut claims_out = Vec::with_capacity(ext.claims.len());
    for (i, c) in ext.claims.iter().enumerate() {
        let [s, e] = orig(c.start, c.end);
        let (line, col) = lines.line_col(&article.text, s);
        let cue_span = c.cue.map(|(a, b)| orig(a, b));
        let source = c.source.and_then(id_of);
        if let Some(sid) = &source {
            if let Some(src) = sources.iter_mut().find(|x| &x.id == sid) {
                src.claims += 1;
            }
        }
        claims_out.push(Claim {
            id: format!("c{}", i + 1),
            mode: c.mode.as_str(),
            start: s,
            end: e,
            line,
            col,
            text: article.text[s..e].to_string(),
            cue: cue_span.map(|[a, b]| article.text[a..b].to_string()),
            cue_span,
            stance: c.stance.as_str(),
            source,
            source_mention: c.mention.map(|(a, b)| orig(a, b)),
            via: c.via.iter().filter_map(|&v| id_of(v)).collect(),
            floating: c.floating,
        });
    }

    let lr = rules.lang(lang);
    let figures: Vec<Figure> = raw_figures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let [s, e] = orig(f.start, f.end);
            let (line, col) = lines.line_col(&article.text, s);
            let place = f.place.map(|p| &rules.places[p as usize]);
            Figure {
                id: format!("f{}", i + 1),
                start: s,
                end: e,
                line,
                col,
                text: article.text[s..e].to_string(),
                category: f.category.as_str(),
                low: f.low,
                high: f.high,
                vague: f.vague,
                qualifier: f.qualifier.map(|(a, b)| {
                    let [a, b] = orig(a, b);
                    article.text[a..b].to_string()
                }),
                bound: f.bound.map(|b| match b {
                    crate::rules::Bound::AtLeast => "at_least",
                    crate::rules::Bound::MoreThan => "more_than",
                    crate::rules::Bound::About => "about",
                    crate::rules::Bound::UpTo => "up_to",
                    crate::rules::Bound::FewerThan => "fewer_than",
                }),
                group: f.group.clone(),
                source: f.source.and_then(id_of),
                claim: f.claim.map(|c| format!("c{}", c + 1)),
                place: place.map(|p| p.id.clone()),
                place_name: place.map(|p| p.name.clone()),
                event_kind: f.event_kind.map(|k| lr.figures.event_kinds[k as usize].kind.clone()),
                as_of: f.as_of.map(|d| d.to_string()),
                since: f.since.map(|d| d.to_string()),
                update: f.update,
                previous: f.previous,
                superseded: f.superseded,
            }
        })
        .collect();

    let parts = findings::Parts {
        text: &article.text,
        norm: &norm,
        base,
        seg: &seg,
        ctx: &ctx,
        claims: &ext.claims,
        claims_out: &claims_out,
        sources: &sources,
        lines: &lines,
        figures: &figures,
    };
    let mut found = findings::run(&parts);
    found.sort_by_key(|f| (f.start, f.rule));

    let mut stats = Stats { claims: claims_out.len(), findings: found.len(), ..Default::default() };
    for (c, raw) in claims_out.iter().zip(&ext.claims) {
        *stats.by_mode.entry(c.mode).or_default() += 1;
        let kind = c.source.as_ref().and_then(|s| sources.iter().find(|x| &x.id == s)).map_or("none", |s| s.kind);
        *stats.by_kind.entry(kind).or_default() += 1;
        if c.source.as_ref().and_then(|s| sources.iter().find(|x| &x.id == s)).is_some_and(|s| s.anonymous) {
            stats.anonymous += 1;
        }
        let _ = raw.mode == Mode::Direct;
    }
    stats.anonymous_share = if stats.claims == 0 { 0.0 } else { (stats.anonymous as f64 / stats.claims as f64 * 1000.0).round() / 1000.0 };

    Audit {
        doc: Doc {
            path: article.path.clone(),
            lang,
            title: article.meta.title.clone(),
            outlet: article.meta.outlet.clone(),
            date: article.meta.date.clone(),
            url: article.meta.url.clone(),
            bytes: article.text.len(),
        },
        sources,
        claims: claims_out,
        figures,
        findings: found,
        stats,
    }
}
