//! The store commands: ingest, check, timeline, conflicts, sources, export and
//! reindex. Each opens the database, calls the library and renders the result.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use super::args::{
    CategoryArg, CheckArgs, CheckFormat, Command, ConflictsArgs, DbArg, EventsArgs, ExportArgs, ExportFormat, IngestArgs, ListFormat, SourcesArgs,
    SummaryFormat, Table, TimelineArgs, TimelineFormat,
};
use super::{inputs_or_stdin, lang_choice, output, to_terminal, write_failed, Fail, Run, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use isnad::input::{self, Meta};
use isnad::model::{Category, Status};
use isnad::report::{self, csv};
use isnad::store::check::{check, merge_sources};
use isnad::store::db::Open;
use isnad::store::export::{self, ArticleRow, ClaimRow, ConflictRow, FigureRow, SourceRow};
use isnad::store::gazetteer::{find_places, Gazetteer};
use isnad::store::ingest::{self, Outcome};
use isnad::store::resolve::SourceResolver;
use isnad::store::timeline::{self, Groups};
use isnad::store::{query, reindex, SledStore, Store};
use isnad::{audit, Rules};

/// Where the database lives: --db, then $ISNAD_DB, then the platform data directory.
pub fn db_path(flag: &DbArg) -> PathBuf {
    if let Some(p) = &flag.db {
        return p.clone();
    }
    if let Some(p) = std::env::var_os("ISNAD_DB").filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("isnad")
}

fn open(db: &DbArg, how: Open) -> Result<SledStore, Fail> {
    Ok(SledStore::open(&db_path(db), how)?)
}

pub fn run(rules: &Rules, mut cmd: Command, top_db: Option<PathBuf>) -> Run {
    // `isnad --db X ingest` and `isnad ingest --db X` are the same
    if let Some(p) = top_db {
        let db = match &mut cmd {
            Command::Ingest(a) => &mut a.db,
            Command::Check(a) => &mut a.db,
            Command::Timeline(a) => &mut a.db,
            Command::Conflicts(a) => &mut a.db,
            Command::Events(a) => &mut a.db,
            Command::Sources(a) => &mut a.db,
            Command::Export(a) => &mut a.db,
            Command::Reindex(d) => d,
            Command::Audit(_) | Command::Rules { .. } | Command::Completions { .. } | Command::Man => unreachable!("handled by the caller"),
        };
        if db.db.as_ref().is_some_and(|d| d != &p) {
            return Err(Fail("--db is given twice with different paths".into()));
        }
        db.db = Some(p);
    }
    let (code, store) = match cmd {
        Command::Ingest(a) => {
            let s = open(&a.db, Open::Create)?;
            (ingest(&s, rules, a)?, s)
        }
        Command::Check(a) => {
            let s = open(&a.db, if a.ingest { Open::Create } else { Open::Existing })?;
            (check_cmd(&s, rules, a)?, s)
        }
        Command::Timeline(a) => {
            let s = open(&a.db, Open::Existing)?;
            (timeline_cmd(&s, rules, a)?, s)
        }
        Command::Conflicts(a) => {
            let s = open(&a.db, Open::Existing)?;
            (conflicts(&s, a)?, s)
        }
        Command::Sources(a) => {
            let s = open(&a.db, Open::Existing)?;
            (sources(&s, a)?, s)
        }
        Command::Events(a) => {
            let s = open(&a.db, Open::Existing)?;
            (events_cmd(&s, rules, a)?, s)
        }
        Command::Export(a) => {
            let s = open(&a.db, Open::Existing)?;
            (export_cmd(&s, a)?, s)
        }
        Command::Reindex(db) => {
            let s = open(&db, Open::Upgrade)?;
            (reindex_cmd(&s, rules)?, s)
        }
        Command::Audit(_) | Command::Rules { .. } | Command::Completions { .. } | Command::Man => unreachable!("handled by the caller"),
    };
    store.flush()?;
    Ok(code)
}

/// A progress bar on a terminal, unless --quiet: with the total and the time
/// left when the total is known, else a spinner.
fn progress(total: Option<u64>) -> Option<ProgressBar> {
    if super::quiet() || !io::stderr().is_terminal() {
        return None;
    }
    let pb = match total {
        Some(n) => {
            let pb = ProgressBar::new(n);
            pb.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} articles, {per_sec}, {eta} left {wide_msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            pb
        }
        None => {
            let pb = ProgressBar::new_spinner();
            pb.set_style(ProgressStyle::with_template("{spinner} {pos} articles {per_sec} {wide_msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()));
            pb
        }
    };
    Some(pb)
}

fn ingest(store: &SledStore, rules: &Rules, a: IngestArgs) -> Run {
    let inputs = inputs_or_stdin(a.inputs.clone());
    let defaults = Meta { outlet: a.outlet.clone(), date: a.date.clone(), url: a.url.clone(), ..Default::default() };
    let pb = progress(input::count_articles(&inputs).filter(|_| a.glob.is_empty()).map(|n| n as u64));
    let mut on = |o: Outcome| {
        if let Outcome::Failed(e) = &o {
            match &pb {
                Some(pb) => pb.suspend(|| eprintln!("isnad: {e}")),
                None => eprintln!("isnad: {e}"),
            }
        }
        if let Some(pb) = &pb {
            pb.inc(1);
        }
    };
    let only = match a.glob.as_slice() {
        [] => None,
        globs => {
            let mut b = globset::GlobSetBuilder::new();
            for g in globs {
                b.add(globset::Glob::new(g).map_err(|e| Fail(format!("--glob {g:?}: {e}")))?);
            }
            Some(b.build().map_err(|e| Fail(format!("--glob: {e}")))?)
        }
    };
    let sum = ingest::ingest(store, rules, input::expand_matching(&inputs, only.as_ref()), lang_choice(a.lang), &defaults, &mut on)?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    let mut out = output(&a.out)?;
    let written = match a.format {
        SummaryFormat::Json => writeln!(out, "{}", json!(sum)),
        SummaryFormat::Text => writeln!(
            out,
            "ingested {} new, {} unchanged, {} failed: {}, {}, {}",
            sum.new,
            sum.unchanged,
            sum.failed,
            report::count(sum.claims as usize, "claim", "claims"),
            report::count(sum.figures as usize, "figure", "figures"),
            report::count(sum.conflicts as usize, "conflict", "conflicts")
        ),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        return write_failed(e);
    }
    Ok(if sum.failed > 0 {
        EXIT_ERROR
    } else if sum.conflicts > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn check_cmd(store: &SledStore, rules: &Rules, a: CheckArgs) -> Run {
    let format = a.format.unwrap_or(if to_terminal(&a.out) { CheckFormat::Text } else { CheckFormat::Jsonl });
    let lang = lang_choice(a.lang);
    let gaz = Gazetteer::new(rules);
    let mut resolver = SourceResolver::new(store, rules)?;
    let mut out = output(&a.out)?;
    let mut text_report = report::reporter(report::Format::Text);
    let mut code = EXIT_CLEAN;
    let mut first = true;
    for p in inputs_or_stdin(a.files.clone()) {
        let art = match if p.as_os_str() == "-" { input::read_stdin() } else { input::read_file(&p) } {
            Ok(x) => x,
            Err(e) => {
                eprintln!("isnad: {}: {e}", p.display());
                code = EXIT_ERROR;
                continue;
            }
        };
        let au = audit(&art, rules, lang);
        let checked = check(store, rules, &gaz, &mut resolver, &art, &au)?;
        if checked.figures.iter().any(|f| f.status == Status::Conflict) && code == EXIT_CLEAN {
            code = EXIT_FINDINGS;
        }
        // the audit object, each figure extended with status, event and against
        let mut v = serde_json::to_value(&au)?;
        if let Some(figs) = v.get_mut("figures").and_then(serde_json::Value::as_array_mut) {
            for (f, c) in figs.iter_mut().zip(&checked.figures) {
                if let Some(obj) = f.as_object_mut() {
                    obj.insert("status".into(), json!(c.status));
                    obj.insert("event".into(), json!(c.event));
                    obj.insert("against".into(), json!(c.against));
                }
            }
        }
        let written = match format {
            CheckFormat::Jsonl => writeln!(out, "{v}"),
            CheckFormat::Json => write!(out, "{}{v}", if first { "{\"articles\": [\n" } else { ",\n" }),
            CheckFormat::Text => text_report.article(&mut out, &au, &art.text).and_then(|_| report::store::checked(&mut out, &au, &checked.figures)),
        };
        first = false;
        if let Err(e) = written {
            return write_failed(e);
        }
        if a.ingest && !checked.known {
            let sources = merge_sources(store, &checked.sources, None)?;
            store.put(&checked.stored, &sources)?;
        }
    }
    let end = match format {
        CheckFormat::Json => writeln!(out, "{}", if first { "{\"articles\": []}" } else { "\n]}" }),
        _ => Ok(()),
    };
    if let Err(e) = end.and_then(|_| out.flush()) {
        return write_failed(e);
    }
    Ok(code)
}

fn category(c: CategoryArg) -> Category {
    match c {
        CategoryArg::Killed => Category::Killed,
        CategoryArg::Wounded => Category::Wounded,
        CategoryArg::Casualties => Category::Casualties,
        CategoryArg::Displaced => Category::Displaced,
        CategoryArg::Detained => Category::Detained,
        CategoryArg::Missing => Category::Missing,
        CategoryArg::Cases => Category::Cases,
    }
}

fn timeline_cmd(store: &SledStore, rules: &Rules, a: TimelineArgs) -> Run {
    if let Some(id) = a.event.as_deref() {
        let Some(figs) = isnad::store::events::figures_of_event(store, id)? else {
            let ids = isnad::store::events::event_ids(store)?;
            return Err(Fail(format!("no event {id:?} in the store{}", did_you_mean(id, ids.iter().map(String::as_str)))));
        };
        let t = timeline::event_timeline(store, id, &figs, category(a.category))?;
        return write_timeline(rules, &t, a.format, &a.out);
    }
    let want = a.place.clone().unwrap_or_default();
    // a place the gazetteer lacks but the articles named («في بلدة X»)
    let unlisted = isnad::rules::Place {
        id: isnad::figures::unlisted_place_id(&want),
        name: want.clone(),
        parent: None,
        kind: isnad::rules::PlaceKind::Town,
        names: Vec::new(),
        geonames: None,
        adjectives: Vec::new(),
    };
    let stored_unlisted = || store.event_keys_for_place(&unlisted.id).is_ok_and(|k| !k.is_empty());
    // of the places a name may mean («طرابلس»), the one the store has figures for
    let known = find_places(rules, &want);
    let stored = known.iter().find(|p| store.event_keys_for_place(&p.id).is_ok_and(|k| !k.is_empty()));
    let Some(place) = stored.or_else(|| stored_unlisted().then_some(&unlisted)).or(known.first()) else {
        let names = rules.places.iter().flat_map(|p| std::iter::once(p.name.as_str()).chain(p.names.iter().map(String::as_str)));
        return Err(Fail(format!("no place named {:?} in the gazetteer{}", a.place, did_you_mean(&want, names))));
    };
    let groups = match a.group.as_deref() {
        Some("any") => Groups::All,
        Some(g) => Groups::One(g),
        None => Groups::Unnamed,
    };
    let t = timeline::timeline(store, place, category(a.category), groups)?;
    write_timeline(rules, &t, a.format, &a.out)
}

fn write_timeline(rules: &Rules, t: &timeline::Timeline, format: TimelineFormat, out: &super::OutArg) -> Run {
    let mut out = output(out)?;
    let written = match format {
        TimelineFormat::Json => writeln!(out, "{}", json!(t)),
        TimelineFormat::Svg => {
            writeln!(out, "{}", report::timeline_svg(&report::chart::title(t), &report::chart::points(t, rules), (t.current.low, t.current.high)))
        }
        TimelineFormat::Html => {
            let title = report::chart::title(t);
            let svg = report::timeline_svg(&title, &report::chart::points(t, rules), (t.current.low, t.current.high));
            write!(out, "{}", report::timeline_page(&title, &svg, t))
        }
        TimelineFormat::Csv => timeline_csv(&mut out, t),
        TimelineFormat::Text => report::store::timeline(&mut out, t),
    };
    match written.and_then(|_| out.flush()) {
        Ok(()) => Ok(EXIT_CLEAN),
        Err(e) => write_failed(e),
    }
}

fn timeline_csv(out: &mut dyn Write, t: &timeline::Timeline) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Row<'a> {
        date: Option<&'a str>,
        low: Option<u64>,
        high: Option<u64>,
        source: Option<&'a str>,
        outlet: Option<&'a str>,
        article: &'a str,
        title: Option<&'a str>,
        status: Status,
    }
    let mut w = csv::writer(out)?;
    for e in &t.entries {
        w.serialize(Row {
            date: e.date.as_deref(),
            low: e.low,
            high: e.high,
            source: e.source.as_deref(),
            outlet: e.outlet.as_deref(),
            article: &e.article,
            title: e.title.as_deref(),
            status: e.status,
        })?;
    }
    w.flush()
}

fn events_cmd(store: &SledStore, rules: &Rules, a: EventsArgs) -> Run {
    let mut list = isnad::store::events::events(store)?;
    if let Some(want) = a.place.as_deref() {
        let ids: Vec<String> = find_places(rules, want).into_iter().map(|p| p.id).chain(std::iter::once(isnad::figures::unlisted_place_id(want))).collect();
        list.retain(|e| e.place.as_deref().is_some_and(|p| ids.iter().any(|id| id == p || rules.inside(p, id) || rules.country_of(p) == *id)));
    }
    let mut out = output(&a.out)?;
    let written = match a.format {
        ListFormat::Json => writeln!(out, "{}", json!({"events": list})),
        ListFormat::Jsonl => list.iter().try_for_each(|e| writeln!(out, "{}", json!(e))),
        ListFormat::Csv => (|| {
            #[derive(serde::Serialize)]
            struct Row<'a> {
                id: &'a str,
                place: Option<&'a str>,
                place_name: Option<&'a str>,
                kind: Option<&'a str>,
                first: Option<&'a str>,
                last: Option<&'a str>,
                killed_low: Option<u64>,
                killed_high: Option<u64>,
                wounded_low: Option<u64>,
                wounded_high: Option<u64>,
                sources: String,
                articles: usize,
                figures: usize,
                open_conflicts: usize,
            }
            let mut w = csv::writer(&mut out)?;
            for e in &list {
                w.serialize(Row {
                    id: &e.id,
                    place: e.place.as_deref(),
                    place_name: e.place_name.as_deref(),
                    kind: e.kind.as_deref(),
                    first: e.first.as_deref(),
                    last: e.last.as_deref(),
                    killed_low: e.killed.low,
                    killed_high: e.killed.high,
                    wounded_low: e.wounded.low,
                    wounded_high: e.wounded.high,
                    sources: e.sources.join("; "),
                    articles: e.articles,
                    figures: e.figures,
                    open_conflicts: e.open_conflicts,
                })?;
            }
            w.flush()
        })(),
        ListFormat::Text => report::store::events(&mut out, &list),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        return write_failed(e);
    }
    Ok(if list.iter().any(|e| e.open_conflicts > 0) { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn conflicts(store: &SledStore, a: ConflictsArgs) -> Run {
    let list = query::conflicts(store)?;
    let mut out = output(&a.out)?;
    let written = match a.format {
        ListFormat::Json => writeln!(out, "{}", json!({"conflicts": list.iter().map(ConflictRow::from).collect::<Vec<_>>()})),
        ListFormat::Jsonl => list.iter().try_for_each(|f| writeln!(out, "{}", json!(ConflictRow::from(f)))),
        ListFormat::Csv => (|| {
            let mut w = csv::writer(&mut out)?;
            for f in &list {
                w.serialize(FigureRow::from(f))?;
            }
            w.flush()
        })(),
        ListFormat::Text => report::store::conflicts(&mut out, &list),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        return write_failed(e);
    }
    Ok(if list.is_empty() { EXIT_CLEAN } else { EXIT_FINDINGS })
}

/// " (did you mean X?)" when one of `names` is close to `want`.
fn did_you_mean<'n>(want: &str, names: impl Iterator<Item = &'n str>) -> String {
    let w = want.to_lowercase();
    names
        .map(|n| (strsim::jaro_winkler(&w, &n.to_lowercase()), n))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(String::new(), |(_, n)| format!(" (did you mean {n:?}?)"))
}

fn sources(store: &SledStore, a: SourcesArgs) -> Run {
    let s = query::sources(store, a.outlet.as_deref())?;
    // an outlet no stored article has is a typo, not an empty table (its share
    // list is empty only then); the outlets are listed on that path alone
    if let Some(o) = a.outlet.as_deref().filter(|_| s.outlets.is_empty()) {
        let mut known = std::collections::BTreeSet::new();
        for art in store.articles() {
            known.extend(art?.outlet);
        }
        let hint = did_you_mean(o, known.iter().map(String::as_str));
        let list = if known.len() <= 12 { format!("; outlets in the store: {}", known.iter().cloned().collect::<Vec<_>>().join(", ")) } else { String::new() };
        return Err(Fail(format!("no outlet named {o:?} in the store{hint}{list}")));
    }
    let mut out = output(&a.out)?;
    let written = match a.format {
        ListFormat::Json => writeln!(out, "{}", json!(s)),
        ListFormat::Jsonl => s.sources.iter().try_for_each(|r| writeln!(out, "{}", json!(r))),
        ListFormat::Csv => (|| {
            let mut w = csv::writer(&mut out)?;
            for r in &s.sources {
                w.serialize(SourceRow::from(r))?;
            }
            w.flush()
        })(),
        ListFormat::Text => report::store::sources(&mut out, &s),
    };
    match written.and_then(|_| out.flush()) {
        Ok(()) => Ok(EXIT_CLEAN),
        Err(e) => write_failed(e),
    }
}

fn export_cmd(store: &SledStore, a: ExportArgs) -> Run {
    if a.table.is_some() && a.format != ExportFormat::Csv {
        return Err(Fail("--table goes with --format csv".into()));
    }
    let mut out = output(&a.out)?;
    let written = match a.format {
        ExportFormat::Jsonl => export::records(store, &mut |r| writeln!(out, "{}", json!(r))),
        ExportFormat::Csv => export_csv(store, &mut out, a.table.unwrap_or(Table::Figures)),
        ExportFormat::Claimreview => {
            let today = chrono::Utc::now().date_naive().to_string();
            let reviews = export::claim_reviews(store, &today)?;
            writeln!(out, "{}", serde_json::to_string_pretty(&reviews)?)
        }
    };
    match written.and_then(|_| out.flush()) {
        Ok(()) => Ok(EXIT_CLEAN),
        Err(e) if e.kind() == io::ErrorKind::Other => Err(Fail(e.to_string())),
        Err(e) => write_failed(e),
    }
}

fn export_csv(store: &dyn Store, out: &mut dyn Write, table: Table) -> io::Result<()> {
    let mut w = csv::writer(out)?;
    for a in store.articles() {
        let a = a.map_err(io::Error::other)?;
        match table {
            Table::Articles => w.serialize(ArticleRow::from(&a))?,
            Table::Claims => a.claims.iter().try_for_each(|c| w.serialize(ClaimRow::new(&a.id, c)))?,
            Table::Figures => a.figures.iter().try_for_each(|f| w.serialize(FigureRow::from(f)))?,
            Table::Sources => break,
        }
    }
    if table == Table::Sources {
        for s in store.sources() {
            w.serialize(SourceRow::from(&s.map_err(io::Error::other)?))?;
        }
    }
    w.flush()
}

fn reindex_cmd(store: &SledStore, rules: &Rules) -> Run {
    let pb = progress(None);
    let n = reindex::reindex(store, rules, &mut |done, total| {
        if let Some(pb) = &pb {
            if pb.length() != Some(total as u64) {
                pb.set_length(total as u64);
                pb.set_style(
                    ProgressStyle::with_template("{bar:30} {pos}/{len} articles, {per_sec}, {eta} left").unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
            }
            pb.set_position(done as u64);
        }
    })?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    println!("reindexed {}", report::count(n, "article", "articles"));
    Ok(EXIT_CLEAN)
}
