//! The store commands: ingest, check, timeline, conflicts, sources, export and
//! reindex. Thin: the work is in `isnad::check` and `isnad::store`.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{json, Value};

use super::args::{CheckArgs, Command, ExportArgs, IngestArgs, SourcesArgs, TimelineArgs};
use super::{lang_choice, read_input, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use isnad::check::{self, Gazetteer, SourceResolver, Status};
use isnad::input::{self, Article};
use isnad::normalise::fold;
use isnad::report::interval;
use isnad::store::{Store, StoredFigure};
use isnad::{audit, LangChoice, Rules};

/// Where the database lives: --db, then $ISNAD_DB, then the platform data directory.
pub fn db_path(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("ISNAD_DB").filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("isnad")
}

pub fn run(cmd: Command, rules: &Rules, db: Option<&Path>) -> i32 {
    let path = db_path(db);
    let store = match Store::open(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("isnad: {e}");
            return super::EXIT_ERROR;
        }
    };
    let code = match cmd {
        Command::Ingest(a) => ingest(&store, rules, a),
        Command::Check(a) => check_cmd(&store, rules, a),
        Command::Timeline(a) => timeline(&store, rules, a),
        Command::Conflicts(a) => conflicts(&store, &a.format),
        Command::Sources(a) => sources(&store, a),
        Command::Export(a) => export(&store, a),
        Command::Reindex => reindex(&store, rules),
        Command::Audit(_) | Command::Rules { .. } => unreachable!("handled by the caller"),
    };
    if let Err(e) = store.flush() {
        eprintln!("isnad: {e}");
        return EXIT_ERROR;
    }
    code
}

/// One input item: an article, or a bad record with its place.
type Item = Result<Article, String>;

/// Expand files, folders and JSON Lines into articles, lazily (memory stays flat
/// however large the input).
fn items<'a>(inputs: &'a [PathBuf]) -> Box<dyn Iterator<Item = Item> + 'a> {
    Box::new(inputs.iter().flat_map(|p| -> Box<dyn Iterator<Item = Item>> {
        if p.as_os_str() == "-" {
            return Box::new(std::iter::once(read_input(p).map_err(|e| format!("-: {e}"))));
        }
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files);
            files.sort();
            return Box::new(files.into_iter().flat_map(|f| file_items(f)));
        }
        file_items(p.clone())
    }))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| matches!(x.to_str(), Some("txt" | "md" | "markdown" | "jsonl"))) {
            out.push(p);
        }
    }
}

fn file_items(p: PathBuf) -> Box<dyn Iterator<Item = Item>> {
    if p.extension().is_some_and(|x| x == "jsonl") {
        let f = match std::fs::File::open(&p) {
            Ok(f) => f,
            Err(e) => return Box::new(std::iter::once(Err(format!("{}: {e}", p.display())))),
        };
        let name = p.display().to_string();
        return Box::new(io::BufReader::new(f).lines().enumerate().filter_map(move |(i, line)| {
            let line = match line {
                Ok(l) => l,
                Err(e) => return Some(Err(format!("{name}:{}: {e}", i + 1))),
            };
            if line.trim().is_empty() {
                return None;
            }
            Some(match serde_json::from_str::<Value>(&line) {
                Ok(v) => input::from_json(format!("{name}:{}", i + 1), &v).map_err(|e| format!("{name}:{}: {e}", i + 1)),
                Err(e) => Err(format!("{name}:{}: not JSON: {e}", i + 1)),
            })
        }));
    }
    Box::new(std::iter::once(input::read_file(&p).map_err(|e| format!("{}: {e}", p.display()))))
}

fn progress(total: Option<u64>) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let pb = match total {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    pb.set_style(ProgressStyle::with_template("{spinner} {pos} articles {per_sec} {wide_msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()));
    Some(pb)
}

fn ingest(store: &Store, rules: &Rules, a: IngestArgs) -> i32 {
    let lang = match lang_choice(&a.lang) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("isnad: {e}");
            return EXIT_ERROR;
        }
    };
    let inputs = if a.inputs.is_empty() { vec![PathBuf::from("-")] } else { a.inputs.clone() };
    let gaz = Gazetteer::new(rules);
    let mut resolver = match SourceResolver::new(store, rules.check.word_similarity) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("isnad: {e}");
            return EXIT_ERROR;
        }
    };
    let pb = progress(None);
    let (mut new, mut unchanged, mut failed, mut claims, mut figures, mut conflicts) = (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
    // parsing and auditing run on worker threads; checking and storing stay in
    // input order on this one (a check reads what came before)
    let workers = std::thread::available_parallelism().map_or(1, |p| p.get()).clamp(1, 8);
    let mut fatal = None;
    std::thread::scope(|scope| {
        let (in_tx, in_rx) = std::sync::mpsc::sync_channel::<(usize, Item)>(workers * 8);
        let in_rx = std::sync::Arc::new(std::sync::Mutex::new(in_rx));
        let (out_tx, out_rx) = std::sync::mpsc::sync_channel::<(usize, Result<(Article, isnad::Audit), String>)>(workers * 8);
        let inputs = &inputs;
        let flags = (&a.outlet, &a.date, &a.url);
        scope.spawn(move || {
            for (i, item) in items(inputs).enumerate() {
                if in_tx.send((i, item)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..workers {
            let in_rx = in_rx.clone();
            let out_tx = out_tx.clone();
            scope.spawn(move || loop {
                let next = in_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((i, item))) = next else { break };
                let res = item.map(|mut art| {
                    // flags fill what the file does not say
                    if art.meta.outlet.is_none() {
                        art.meta.outlet = flags.0.clone();
                    }
                    if art.meta.date.is_none() {
                        art.meta.date = flags.1.clone();
                    }
                    if art.meta.url.is_none() {
                        art.meta.url = flags.2.clone();
                    }
                    let au = audit(&art, rules, lang);
                    (art, au)
                });
                if out_tx.send((i, res)).is_err() {
                    break;
                }
            });
        }
        drop(out_tx);
        let mut pending: BTreeMap<usize, Result<(Article, isnad::Audit), String>> = BTreeMap::new();
        let mut next = 0;
        for (i, res) in out_rx {
            pending.insert(i, res);
            while let Some(res) = pending.remove(&next) {
                next += 1;
                if fatal.is_some() {
                    continue;
                }
                match res {
                    Err(e) => {
                        failed += 1;
                        eprintln!("isnad: {e}");
                    }
                    Ok((art, au)) => match ingest_audited(store, rules, &gaz, &mut resolver, &art, &au) {
                        Ok(None) => unchanged += 1,
                        Ok(Some((c, f, k))) => {
                            new += 1;
                            claims += c;
                            figures += f;
                            conflicts += k;
                        }
                        Err(e) => fatal = Some(format!("{}: {e}", art.path)),
                    },
                }
                if let Some(pb) = &pb {
                    pb.inc(1);
                }
            }
        }
    });
    if let Some(e) = fatal {
        eprintln!("isnad: {e}");
        return EXIT_ERROR;
    }
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    let summary = json!({"new": new, "unchanged": unchanged, "failed": failed, "claims": claims, "figures": figures, "conflicts": conflicts});
    let mut out = io::stdout().lock();
    let _ = if a.format == "json" {
        writeln!(out, "{summary}")
    } else {
        writeln!(out, "ingested {new} new, {unchanged} unchanged, {failed} failed: {claims} claims, {figures} figures, {conflicts} conflicts")
    };
    if failed > 0 {
        EXIT_ERROR
    } else if conflicts > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Store one article; `None` when the same text is already stored.
fn ingest_one(
    store: &Store,
    rules: &Rules,
    gaz: &Gazetteer,
    resolver: &mut SourceResolver,
    art: &Article,
    lang: LangChoice,
) -> Result<Option<(u64, u64, u64)>, isnad::store::StoreError> {
    let a = audit(art, rules, lang);
    ingest_audited(store, rules, gaz, resolver, art, &a)
}

/// Store one audited article; `None` when the same text is already stored.
fn ingest_audited(
    store: &Store,
    rules: &Rules,
    gaz: &Gazetteer,
    resolver: &mut SourceResolver,
    art: &Article,
    a: &isnad::Audit,
) -> Result<Option<(u64, u64, u64)>, isnad::store::StoreError> {
    if store.contains(&isnad::store::article_id(&art.text))? {
        return Ok(None);
    }
    let checked = check::check(store, rules, gaz, resolver, art, a)?;
    let sources = check::merge_sources(store, &checked.sources)?;
    store.put(&checked.stored, &sources)?;
    let conflicts = checked.figures.iter().flatten().filter(|f| f.status == Status::Conflict).count() as u64;
    Ok(Some((a.claims.len() as u64, a.figures.len() as u64, conflicts)))
}

fn check_cmd(store: &Store, rules: &Rules, a: CheckArgs) -> i32 {
    let lang = match lang_choice(&a.lang) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("isnad: {e}");
            return EXIT_ERROR;
        }
    };
    let format = a.format.clone().unwrap_or_else(|| if io::stdout().is_terminal() { "text".into() } else { "jsonl".into() });
    if !matches!(format.as_str(), "text" | "json" | "jsonl") {
        eprintln!("isnad: --format must be text, json or jsonl, not {format:?}");
        return EXIT_ERROR;
    }
    let gaz = Gazetteer::new(rules);
    let mut resolver = match SourceResolver::new(store, rules.check.word_similarity) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("isnad: {e}");
            return EXIT_ERROR;
        }
    };
    let files = if a.files.is_empty() { vec![PathBuf::from("-")] } else { a.files.clone() };
    let mut code = EXIT_CLEAN;
    let mut all = Vec::new();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut text_report = isnad::report::reporter(isnad::report::Format::Text);
    for p in &files {
        let art = match read_input(p) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("isnad: {}: {e}", p.display());
                code = EXIT_ERROR;
                continue;
            }
        };
        let au = audit(&art, rules, lang);
        let checked = match check::check(store, rules, &gaz, &mut resolver, &art, &au) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("isnad: {e}");
                return EXIT_ERROR;
            }
        };
        let any_conflict = checked.figures.iter().flatten().any(|f| f.status == Status::Conflict);
        if any_conflict && code == EXIT_CLEAN {
            code = EXIT_FINDINGS;
        }
        // the audit object, each figure extended with status, event and against
        let mut v = serde_json::to_value(&au).unwrap_or(Value::Null);
        if let Some(figs) = v.get_mut("figures").and_then(Value::as_array_mut) {
            for (f, c) in figs.iter_mut().zip(&checked.figures) {
                if let (Some(obj), Some(c)) = (f.as_object_mut(), c) {
                    obj.insert("status".into(), json!(c.status.as_str()));
                    obj.insert("event".into(), serde_json::to_value(&c.event).unwrap_or(Value::Null));
                    obj.insert("against".into(), serde_json::to_value(&c.against).unwrap_or(Value::Null));
                }
            }
        }
        match format.as_str() {
            "jsonl" => {
                let _ = writeln!(out, "{v}");
            }
            "json" => all.push(v),
            _ => {
                // the audit as `audit --format text` shows it, then each figure against the store
                let _ = text_report.article(&mut out, &au, &art.text);
                let _ = writeln!(out, "  checked against the store:");
                for (f, c) in au.figures.iter().zip(&checked.figures) {
                    let Some(c) = c else { continue };
                    let range = interval(f.low, f.high);
                    let _ = writeln!(
                        out,
                        "    {}:{} {} {} {} — {}: {}",
                        f.line,
                        f.col,
                        f.category,
                        range,
                        isnad::report::isolate(&f.text, 60),
                        c.status.as_str(),
                        c.status.explain()
                    );
                    for x in &c.against {
                        let _ = writeln!(
                            out,
                            "        against {} {} ({}, {})",
                            interval(x.low, x.high),
                            x.source.as_deref().unwrap_or("no source"),
                            x.outlet.as_deref().unwrap_or("-"),
                            x.date.as_deref().unwrap_or("-")
                        );
                    }
                }
            }
        }
        if a.ingest {
            let sources = match check::merge_sources(store, &checked.sources) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("isnad: {e}");
                    return EXIT_ERROR;
                }
            };
            if !store.contains(&checked.id).unwrap_or(false) {
                if let Err(e) = store.put(&checked.stored, &sources) {
                    eprintln!("isnad: {e}");
                    return EXIT_ERROR;
                }
            }
        }
    }
    if format == "json" {
        let _ = writeln!(out, "{}", json!({"articles": all}));
    }
    let _ = out.flush();
    code
}

/// A place given by any name or alias, in either script, or by id.
pub fn find_place<'r>(rules: &'r Rules, q: &str) -> Option<&'r isnad::rules::Place> {
    let key = fold(q).to_lowercase();
    rules
        .places
        .iter()
        .find(|p| p.id == q)
        .or_else(|| rules.places.iter().find(|p| p.names.iter().chain(std::iter::once(&p.name)).any(|n| fold(n).to_lowercase() == key)))
}

fn timeline(store: &Store, rules: &Rules, a: TimelineArgs) -> i32 {
    let Some(place) = find_place(rules, &a.place) else {
        eprintln!("isnad: no place named {:?} in the gazetteer", a.place);
        return EXIT_ERROR;
    };
    let mut figs: Vec<StoredFigure> = Vec::new();
    let groups: Vec<String> = match a.group.as_deref() {
        Some("any") => store.event_keys_for_place(&place.id).unwrap_or_default().into_iter().filter(|(c, _)| *c == a.category).map(|(_, g)| g).collect(),
        Some(g) => vec![g.to_string()],
        None => vec!["-".to_string()],
    };
    for g in &groups {
        match store.figures_of(&place.id, &a.category, g) {
            Ok(f) => figs.extend(f),
            Err(e) => {
                eprintln!("isnad: {e}");
                return EXIT_ERROR;
            }
        }
    }
    figs.sort_by(|x, y| x.day.cmp(&y.day).then(x.article.cmp(&y.article)));
    // the current best range: each source's latest credible figure, min to max
    let mut latest: HashMap<String, &StoredFigure> = HashMap::new();
    for f in figs.iter().filter(|f| f.status != "stale") {
        let k = f.source.clone().or_else(|| f.outlet.clone()).unwrap_or_else(|| f.article.clone());
        latest.insert(k, f);
    }
    let low = latest.values().filter_map(|f| f.low).min();
    let high = latest.values().map(|f| f.high.or(f.low)).max().flatten();
    let titles: HashMap<String, Option<String>> = figs
        .iter()
        .map(|f| (f.article.clone(), store.article(&f.article).ok().flatten().and_then(|a| a.title)))
        .collect();
    let entries: Vec<Value> = figs
        .iter()
        .map(|f| {
            json!({"date": f.as_of, "low": f.low, "high": f.high, "source": f.source_name.clone().or(f.source.clone()),
                   "outlet": f.outlet, "article": f.article, "title": titles.get(&f.article).cloned().flatten(), "status": f.status,
                   "text": f.text})
        })
        .collect();
    let event = json!({"place": place.id, "place_name": place.name, "category": a.category, "group": a.group});
    let mut out = io::stdout().lock();
    let chart = || {
        let pts: Vec<isnad::report::ChartPoint> = figs
            .iter()
            .filter_map(|f| {
                Some(isnad::report::ChartPoint {
                    day: f.day?,
                    date: f.as_of.clone().unwrap_or_default(),
                    low: f.low?,
                    high: f.high,
                    // one series per originating source: a known source under its registry name
                    source: f
                        .source
                        .as_deref()
                        .and_then(|id| id.strip_prefix("reg:"))
                        .and_then(|id| rules.registry.iter().find(|r| r.id == id))
                        .map(|r| r.name.clone())
                        .or(f.source_name.clone())
                        .or(f.source.clone())
                        .unwrap_or_else(|| "no source".into()),
                    status: f.status.clone(),
                })
            })
            .collect();
        let title = format!("{} · {} · {}", place.name, a.category, a.group.as_deref().unwrap_or("all counted"));
        (title.clone(), isnad::report::timeline_svg(&title, &pts, (low, high)))
    };
    match a.format.as_str() {
        "json" => {
            let _ = writeln!(out, "{}", json!({"event": event, "current": {"low": low, "high": high}, "entries": entries}));
        }
        "svg" => {
            let _ = writeln!(out, "{}", chart().1);
        }
        "html" => {
            let (title, svg) = chart();
            let _ = write!(out, "{}", isnad::report::timeline_page(&title, &svg, (low, high), &figs));
        }
        "csv" => {
            let Ok(mut w) = isnad::report::csv_writer(&mut out) else { return EXIT_ERROR };
            let _ = w.write_record(["date", "low", "high", "source", "outlet", "article", "title", "status"]);
            let n = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_default();
            for f in &figs {
                let _ = w.write_record([
                    f.as_of.clone().unwrap_or_default(),
                    n(f.low),
                    n(f.high),
                    f.source_name.clone().or(f.source.clone()).unwrap_or_default(),
                    f.outlet.clone().unwrap_or_default(),
                    f.article.clone(),
                    titles.get(&f.article).cloned().flatten().unwrap_or_default(),
                    f.status.clone(),
                ]);
            }
            let _ = w.flush();
        }
        _ => {
            let _ = writeln!(out, "{} ({}) — {}, current range {}", place.name, place.id, a.category, interval(low, high));
            for f in &figs {
                let _ = writeln!(
                    out,
                    "  {}  {:>12}  {:<14} {} ({})",
                    f.as_of.as_deref().unwrap_or("----------"),
                    interval(f.low, f.high),
                    f.status,
                    f.source_name.as_deref().unwrap_or("no source"),
                    f.outlet.as_deref().unwrap_or("-")
                );
            }
        }
    }
    EXIT_CLEAN
}

fn all_figures(store: &Store) -> impl Iterator<Item = StoredFigure> + '_ {
    store.articles().filter_map(Result::ok).flat_map(|a| a.figures)
}

fn conflicts(store: &Store, format: &str) -> i32 {
    let list: Vec<StoredFigure> = all_figures(store).filter(|f| f.status == "conflict").collect();
    let mut out = io::stdout().lock();
    match format {
        "json" => {
            let _ = writeln!(out, "{}", json!({"conflicts": list}));
        }
        "jsonl" => {
            for f in &list {
                let _ = writeln!(out, "{}", serde_json::to_string(f).unwrap_or_default());
            }
        }
        _ => {
            for f in &list {
                let _ = writeln!(
                    out,
                    "{} {} {} {} ({}, {})",
                    f.as_of.as_deref().unwrap_or("-"),
                    f.place_name.as_deref().unwrap_or("-"),
                    f.category,
                    interval(f.low, f.high),
                    f.source_name.as_deref().unwrap_or("no source"),
                    f.outlet.as_deref().unwrap_or("-")
                );
                for x in &f.against {
                    let _ = writeln!(out, "    against {} {} ({}, {})", interval(x.low, x.high), x.source.as_deref().unwrap_or("no source"), x.outlet.as_deref().unwrap_or("-"), x.date.as_deref().unwrap_or("-"));
                }
            }
            let _ = writeln!(out, "{} open conflicts", list.len());
        }
    }
    if list.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}

fn sources(store: &Store, a: SourcesArgs) -> i32 {
    let mut list: Vec<_> = store.sources().filter_map(Result::ok).collect();
    if let Some(o) = &a.outlet {
        list.retain(|s| s.outlets.contains_key(o));
    }
    list.sort_by(|x, y| (y.claims + y.figures).cmp(&(x.claims + x.figures)));
    // the share of anonymous claims per outlet
    let mut per_outlet: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for art in store.articles().filter_map(Result::ok) {
        let o = art.outlet.clone().unwrap_or_else(|| "-".into());
        let e = per_outlet.entry(o).or_default();
        e.0 += art.claims.len() as u64;
        e.1 += art.claims.iter().filter(|c| c.anonymous).count() as u64;
    }
    let mut out = io::stdout().lock();
    if a.format == "json" {
        let outlets: Vec<Value> = per_outlet
            .iter()
            .map(|(o, (n, an))| json!({"outlet": o, "claims": n, "anonymous": an, "anonymous_share": if *n == 0 { 0.0 } else { *an as f64 / *n as f64 }}))
            .collect();
        let _ = writeln!(out, "{}", json!({"sources": list, "outlets": outlets}));
        return EXIT_CLEAN;
    }
    for s in &list {
        let _ = writeln!(out, "{:<50} {:<15} {:>5} claims {:>5} figures{}", isnad::report::isolate(&s.name, 50), s.kind, s.claims, s.figures, if s.anonymous { "  anonymous" } else { "" });
    }
    let _ = writeln!(out, "\nanonymous claims by outlet:");
    for (o, (n, an)) in &per_outlet {
        let share = if *n == 0 { 0.0 } else { *an as f64 * 100.0 / *n as f64 };
        let _ = writeln!(out, "  {:<40} {an}/{n} ({share:.0}%)", isnad::report::isolate(o, 40));
    }
    EXIT_CLEAN
}

fn export(store: &Store, a: ExportArgs) -> i32 {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match a.format.as_str() {
        "jsonl" => {
            for s in store.sources().filter_map(Result::ok) {
                let mut v = serde_json::to_value(&s).unwrap_or(Value::Null);
                v["type"] = json!("source");
                let _ = writeln!(out, "{v}");
            }
            for art in store.articles().filter_map(Result::ok) {
                let _ = writeln!(
                    out,
                    "{}",
                    json!({"type": "article", "id": art.id, "title": art.title, "outlet": art.outlet, "date": art.date, "url": art.url, "lang": art.lang, "path": art.path})
                );
                for c in &art.claims {
                    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
                    v["type"] = json!("claim");
                    v["article"] = json!(art.id);
                    let _ = writeln!(out, "{v}");
                }
                for f in &art.figures {
                    let mut v = serde_json::to_value(f).unwrap_or(Value::Null);
                    v["type"] = json!("figure");
                    let _ = writeln!(out, "{v}");
                }
            }
        }
        "csv" => {
            let Ok(mut w) = isnad::report::csv_writer(&mut out) else { return EXIT_ERROR };
            match a.table.as_str() {
                "articles" => {
                    let _ = w.write_record(["id", "title", "outlet", "date", "url", "lang", "claims", "figures"]);
                    for art in store.articles().filter_map(Result::ok) {
                        let _ = w.write_record([
                            art.id.clone(),
                            art.title.clone().unwrap_or_default(),
                            art.outlet.clone().unwrap_or_default(),
                            art.date.clone().unwrap_or_default(),
                            art.url.clone().unwrap_or_default(),
                            art.lang.clone(),
                            art.claims.len().to_string(),
                            art.figures.len().to_string(),
                        ]);
                    }
                }
                "claims" => {
                    let _ = w.write_record(["article", "idx", "mode", "cue", "stance", "source", "source_name", "anonymous", "via", "text"]);
                    for art in store.articles().filter_map(Result::ok) {
                        for c in &art.claims {
                            let _ = w.write_record([
                                art.id.clone(),
                                c.idx.to_string(),
                                c.mode.clone(),
                                c.cue.clone().unwrap_or_default(),
                                c.stance.clone(),
                                c.source.clone().unwrap_or_default(),
                                c.source_name.clone().unwrap_or_default(),
                                c.anonymous.to_string(),
                                c.via.join("; "),
                                c.text.clone(),
                            ]);
                        }
                    }
                }
                "sources" => {
                    let _ = w.write_record(["key", "name", "kind", "anonymous", "claims", "figures"]);
                    for s in store.sources().filter_map(Result::ok) {
                        let _ = w.write_record([s.key, s.name, s.kind, s.anonymous.to_string(), s.claims.to_string(), s.figures.to_string()]);
                    }
                }
                _ => {
                    let _ = w.write_record([
                        "article", "idx", "category", "low", "high", "vague", "group", "place", "place_name", "kind", "as_of", "source", "source_name", "outlet", "status", "text",
                    ]);
                    for f in all_figures(store) {
                        let n = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_default();
                        let _ = w.write_record([
                            f.article.clone(),
                            f.idx.to_string(),
                            f.category.clone(),
                            n(f.low),
                            n(f.high),
                            f.vague.to_string(),
                            f.group.clone().unwrap_or_default(),
                            f.place.clone().unwrap_or_default(),
                            f.place_name.clone().unwrap_or_default(),
                            f.kind.clone().unwrap_or_default(),
                            f.as_of.clone().unwrap_or_default(),
                            f.source.clone().unwrap_or_default(),
                            f.source_name.clone().unwrap_or_default(),
                            f.outlet.clone().unwrap_or_default(),
                            f.status.clone(),
                            f.text.clone(),
                        ]);
                    }
                }
            }
            let _ = w.flush();
        }
        "claimreview" => {
            // schema.org ClaimReview for every stored figure in conflict
            let mut reviews = Vec::new();
            for art in store.articles().filter_map(Result::ok) {
                for f in art.figures.iter().filter(|f| f.status == "conflict") {
                    let against: Vec<String> = f
                        .against
                        .iter()
                        .map(|x| format!("{} ({}, {})", interval(x.low, x.high), x.source.as_deref().unwrap_or("no source"), x.date.as_deref().unwrap_or("")))
                        .collect();
                    reviews.push(json!({
                        "@context": "https://schema.org",
                        "@type": "ClaimReview",
                        "datePublished": chrono::Utc::now().date_naive().to_string(),
                        "claimReviewed": f.text,
                        "inLanguage": art.lang,
                        "itemReviewed": {
                            "@type": "Claim",
                            "author": {"@type": "Organization", "name": f.source_name.clone().or(f.source.clone()).unwrap_or_else(|| "unattributed".into())},
                            "datePublished": f.date,
                            "appearance": {"@type": "CreativeWork", "url": art.url, "headline": art.title, "publisher": art.outlet},
                        },
                        "reviewRating": {
                            "@type": "Rating",
                            "alternateName": "Conflicting figures",
                            "ratingExplanation": format!("{} {} {} as of {}; other sources give {}", f.category, interval(f.low, f.high), f.place_name.as_deref().unwrap_or(""), f.as_of.as_deref().unwrap_or(""), against.join("; ")),
                        },
                        "author": {"@type": "Organization", "name": "isnad"},
                    }));
                }
            }
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&Value::Array(reviews)).unwrap_or_default());
        }
        other => {
            eprintln!("isnad: --format must be jsonl, csv or claimreview, not {other:?}");
            return EXIT_ERROR;
        }
    }
    let _ = out.flush();
    EXIT_CLEAN
}

/// Re-run extraction on everything, in date order, so statuses are recomputed
/// against what came before each article.
fn reindex(store: &Store, rules: &Rules) -> i32 {
    let mut arts: Vec<_> = store.articles().filter_map(Result::ok).collect();
    arts.sort_by(|a, b| a.date.cmp(&b.date).then(a.seq.cmp(&b.seq)));
    for a in &arts {
        if let Err(e) = store.remove(&a.id) {
            eprintln!("isnad: {e}");
            return EXIT_ERROR;
        }
    }
    if let Err(e) = store.clear_sources() {
        eprintln!("isnad: {e}");
        return EXIT_ERROR;
    }
    let gaz = Gazetteer::new(rules);
    let mut resolver = match SourceResolver::new(store, rules.check.word_similarity) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("isnad: {e}");
            return EXIT_ERROR;
        }
    };
    let n = arts.len();
    for a in arts {
        let art = Article {
            path: a.path.clone(),
            text: a.text.clone(),
            body_start: a.body_start,
            meta: input::Meta { title: a.title.clone(), outlet: a.outlet.clone(), date: a.date.clone(), url: a.url.clone(), lang: Some(a.lang.clone()) },
        };
        if let Err(e) = ingest_one(store, rules, &gaz, &mut resolver, &art, LangChoice::Auto) {
            eprintln!("isnad: {}: {e}", a.path);
            return EXIT_ERROR;
        }
    }
    println!("reindexed {n} articles");
    EXIT_CLEAN
}
