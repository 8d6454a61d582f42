//! `audit`: the stages in order for one article. Stages work on a folded shadow
//! of the text; at the end every span is mapped back to UTF-8 byte offsets into
//! the file as read.

use crate::text::floor_char;
use rustc_hash::FxHashMap as HashMap;

use crate::attribution::{self, Ctx, Extraction};
use crate::figures::{self, Found};
use crate::input::Article;
use crate::lint;
use crate::model::{Audit, Claim, Doc, Figure, Kind, Source, Stats};
use crate::rules::{Lang, Rules};
use crate::text::{self, Lines, Normalised};

/// Which language to read an article as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangChoice {
    Auto,
    Fixed(Lang),
}

/// Above this many bytes an article is read in parts cut at paragraph breaks,
/// so that memory stays bounded however large one input is.
const PART: usize = 2 << 20;

/// Audit one article.
pub fn audit(article: &Article, rules: &Rules, choice: LangChoice) -> Audit {
    let body = &article.text[article.body_start..];
    let lang = match choice {
        LangChoice::Fixed(l) => l,
        LangChoice::Auto => match article.meta.lang.as_deref() {
            Some("ar") => Lang::Ar,
            Some("en") => Lang::En,
            _ => text::detect_lang(&body[..floor_char(body, body.len().min(PART))]),
        },
    };
    let lines = Lines::new(&article.text);
    if body.len() <= PART {
        return audit_part(article, rules, lang, (article.body_start, article.text.len()), lines);
    }
    let mut parts = Vec::new();
    let mut s = article.body_start;
    while s < article.text.len() {
        let e = part_end(&article.text, s);
        parts.push(audit_part(article, rules, lang, (s, e), lines.clone()));
        s = e;
    }
    merge(parts)
}

/// Where a part that starts at `s` ends: the first paragraph break after
/// [`PART`] bytes, else a line break, else a space, else a char boundary.
fn part_end(t: &str, s: usize) -> usize {
    let want = s + PART;
    if want >= t.len() {
        return t.len();
    }
    let from = floor_char(t, want);
    let window = &t[from..floor_char(t, (from + PART / 4).min(t.len()))];
    let cut = window.find("\n\n").map(|i| i + 2).or_else(|| window.find('\n').map(|i| i + 1)).or_else(|| window.find(' ').map(|i| i + 1)).unwrap_or(0);
    from + cut
}

/// One audit of parts read apart: ids renumbered, a source named the same way
/// in two parts is one source.
fn merge(parts: Vec<Audit>) -> Audit {
    let mut it = parts.into_iter();
    let mut all = it.next().expect("at least one part");
    let mut by_key: HashMap<(String, Kind, bool), usize> = all.sources.iter().enumerate().map(|(i, s)| ((s.name.clone(), s.kind, s.anonymous), i)).collect();
    for p in it {
        let mut src_map: HashMap<String, String> = HashMap::default();
        for s in p.sources {
            let key = (s.name.clone(), s.kind, s.anonymous);
            match by_key.get(&key) {
                Some(&i) => {
                    let t = &mut all.sources[i];
                    t.mentions.extend(s.mentions);
                    t.claims += s.claims;
                    src_map.insert(s.id, t.id.clone());
                }
                None => {
                    let id = numbered('s', all.sources.len() + 1);
                    src_map.insert(s.id.clone(), id.clone());
                    by_key.insert(key, all.sources.len());
                    all.sources.push(Source { id, ..s });
                }
            }
        }
        let mut claim_map: HashMap<String, String> = HashMap::default();
        for mut c in p.claims {
            let id = numbered('c', all.claims.len() + 1);
            claim_map.insert(std::mem::replace(&mut c.id, id), c.id.clone());
            c.source = c.source.and_then(|x| src_map.get(&x).cloned());
            c.via = c.via.iter().filter_map(|x| src_map.get(x).cloned()).collect();
            all.claims.push(c);
        }
        for mut f in p.figures {
            f.id = numbered('f', all.figures.len() + 1);
            f.source = f.source.and_then(|x| src_map.get(&x).cloned());
            f.claim = f.claim.and_then(|x| claim_map.get(&x).cloned());
            all.figures.push(f);
        }
        for mut f in p.findings {
            f.claim = f.claim.and_then(|x| claim_map.get(&x).cloned());
            all.findings.push(f);
        }
    }
    all.stats = stats(&all.claims, &all.sources, all.findings.len());
    all
}

/// Audit the part `range` of an article (the whole body, for any real one).
fn audit_part(article: &Article, rules: &Rules, lang: Lang, range: (usize, usize), lines: Lines) -> Audit {
    let body = &article.text[range.0..range.1];
    let lr = rules.lang(lang);
    let norm = Normalised::new(body);
    let seg = text::segment(&norm.text, &lr.abbreviations, &lr.morph.prefixes);
    let scan = rules.matcher(lang).scan(&norm.text);
    let hits = scan.hits;
    let ctx = Ctx::new(&norm.text, &seg, &hits, lr, &rules.registry).with_words(&scan.words).with_world(rules.world());
    let ext = attribution::extract(&ctx);
    let article_date = article.meta.date.as_deref().and_then(figures::when::parse_date);
    let found = figures::extract(&ctx, &ext.claims, article_date, rules);

    let out = Out { text: &article.text, norm: &norm, base: range.0, lines };
    let ids = SourceIds::new(&ext);
    let mut sources = out.sources(&ext, &ids, rules);
    let mut claims = out.claims(&ext, &ids, &mut sources);
    // "she told Reuters" in a Reuters story: the publisher relays nothing
    let own = own_outlet(&sources, article.meta.outlet.as_deref(), rules);
    for c in &mut claims {
        c.via.retain(|v| !own.contains(v));
    }
    let figures = out.figures(found, &ids);
    let parts = lint::Parts {
        text: &article.text,
        norm: &norm,
        base: out.base,
        seg: &seg,
        ctx: &ctx,
        raw: &ext.claims,
        claims: &claims,
        sources: &sources,
        lines: &out.lines,
        figures: &figures,
    };
    let findings = lint::run(&parts);
    let stats = stats(&claims, &sources, findings.len());
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
        claims,
        figures,
        findings,
        stats,
    }
}

/// The ids of the sources that are the article's own outlet (front matter).
fn own_outlet(sources: &[Source], outlet: Option<&str>, rules: &Rules) -> Vec<String> {
    let Some(outlet) = outlet.map(|o| text::fold(o.trim()).to_lowercase()).filter(|o| !o.is_empty()) else { return Vec::new() };
    let same = |n: &str| text::fold(n).to_lowercase() == outlet;
    let reg = rules.registry_named(&outlet);
    sources.iter().filter(|s| same(&s.name) || reg.is_some_and(|r| s.canonical.as_deref() == Some(r.id.as_str()))).map(|s| s.id.clone()).collect()
}

/// Source ids `s1`, `s2`… for the entities a claim points at, in order of first
/// mention.
struct SourceIds {
    used: Vec<usize>,
    by_entity: HashMap<usize, usize>,
}

impl SourceIds {
    fn new(ext: &Extraction) -> SourceIds {
        let mut used: Vec<usize> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for c in &ext.claims {
            for e in c.source.iter().chain(c.via.iter()) {
                if seen.insert(*e) {
                    used.push(*e);
                }
            }
        }
        used.sort_by_key(|&e| ext.entities.list[e].mentions.iter().map(|m| m.0).min().unwrap_or(0));
        let by_entity = used.iter().enumerate().map(|(i, &e)| (e, i)).collect();
        SourceIds { used, by_entity }
    }

    fn id(&self, entity: usize) -> Option<String> {
        self.by_entity.get(&entity).map(|i| numbered('s', i + 1))
    }
}

/// Maps folded spans back to the file and builds the output records.
struct Out<'a> {
    text: &'a str,
    norm: &'a Normalised,
    /// Where the body starts in `text`.
    base: usize,
    lines: Lines,
}

impl Out<'_> {
    fn orig(&self, s: usize, e: usize) -> [usize; 2] {
        let (a, b) = self.norm.orig_span(s, e);
        [a + self.base, b + self.base]
    }

    fn sources(&self, ext: &Extraction, ids: &SourceIds, rules: &Rules) -> Vec<Source> {
        ids.used
            .iter()
            .enumerate()
            .map(|(i, &e)| {
                let ent = &ext.entities.list[e];
                let [a, b] = self.orig(ent.name.0, ent.name.1);
                let reg = ent.registry.map(|r| &rules.registry[r as usize]);
                let mut mentions: Vec<[usize; 2]> = ent.mentions.iter().map(|m| self.orig(m.0, m.1)).collect();
                mentions.sort();
                mentions.dedup();
                Source {
                    id: numbered('s', i + 1),
                    name: self.text[a..b].to_string(),
                    kind: ent.kind,
                    anonymous: ent.anonymous,
                    mentions,
                    canonical: reg.map(|r| r.id.clone()),
                    aliases: reg
                        .map(|r| std::iter::once(r.name.clone()).chain(r.name_ar.clone()).chain(r.aliases.iter().cloned()).collect())
                        .unwrap_or_default(),
                    claims: 0,
                }
            })
            .collect()
    }

    fn claims(&self, ext: &Extraction, ids: &SourceIds, sources: &mut [Source]) -> Vec<Claim> {
        let mut out = Vec::with_capacity(ext.claims.len());
        for (i, c) in ext.claims.iter().enumerate() {
            let [s, e] = self.orig(c.start, c.end);
            let (line, col) = self.lines.line_col(self.text, s);
            let cue_span = c.cue.map(|(a, b)| self.orig(a, b));
            let source = c.source.and_then(|e| ids.id(e));
            if let Some(k) = c.source.and_then(|e| ids.by_entity.get(&e)) {
                sources[*k].claims += 1;
            }
            out.push(Claim {
                id: numbered('c', i + 1),
                mode: c.mode,
                start: s,
                end: e,
                line,
                col,
                text: self.text[s..e].to_string(),
                cue: cue_span.map(|[a, b]| self.text[a..b].to_string()),
                cue_span,
                stance: c.stance,
                source,
                source_mention: c.mention.map(|(a, b)| self.orig(a, b)),
                via: c.via.iter().filter_map(|&v| ids.id(v)).collect(),
                floating: c.floating,
            });
        }
        out
    }

    fn figures(&self, found: Vec<Found>, ids: &SourceIds) -> Vec<Figure> {
        found
            .into_iter()
            .enumerate()
            .map(|(i, f)| {
                let [s, e] = self.orig(f.span.0, f.span.1);
                let (line, col) = self.lines.line_col(self.text, s);
                Figure {
                    id: numbered('f', i + 1),
                    start: s,
                    end: e,
                    line,
                    col,
                    text: self.text[s..e].to_string(),
                    qualifier: f.qualifier.map(|(a, b)| {
                        let [a, b] = self.orig(a, b);
                        self.text[a..b].to_string()
                    }),
                    source: f.entity.and_then(|e| ids.id(e)),
                    claim: f.claim.map(|c| numbered('c', c + 1)),
                    ..f.figure
                }
            })
            .collect()
    }
}

fn stats(claims: &[Claim], sources: &[Source], findings: usize) -> Stats {
    let mut stats = Stats { claims: claims.len(), findings, ..Default::default() };
    let by_id: HashMap<&str, &Source> = sources.iter().map(|s| (s.id.as_str(), s)).collect();
    for c in claims {
        *stats.by_mode.entry(c.mode).or_default() += 1;
        let src = c.source.as_deref().and_then(|s| by_id.get(s).copied());
        *stats.by_kind.entry(src.map_or("none", |s| s.kind.as_str()).to_string()).or_default() += 1;
        if src.is_some_and(|s| s.anonymous) {
            stats.anonymous += 1;
        }
    }
    stats.anonymous_share = if stats.claims == 0 { 0.0 } else { (stats.anonymous as f64 / stats.claims as f64 * 1000.0).round() / 1000.0 };
    stats
}

/// `s1`, `c2`, `f3`: an id as a letter and a number, written without the
/// formatting machinery (tens of thousands a run).
fn numbered(letter: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(1 + digits.len() - k);
    s.push(letter);
    s.extend(digits[k..].iter().map(|&d| char::from(d)));
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_numbered_id_is_the_letter_and_the_number() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(super::numbered('s', n), format!("s{n}"));
        }
    }
}
