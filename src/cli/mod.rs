//! Raw arguments (clap) → a validated config → a run. Exit codes: 0 clean,
//! 1 when findings or conflicts are flagged, 2 for errors.

mod args;
mod monitor;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

use args::{Cli, Command, RulesCmd};
use isnad::audit::LangChoice;
use isnad::report::{reporter, Format};
use isnad::{input, Lang, Rules};

pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// What `audit` runs with, after checking the arguments.
struct AuditConfig {
    inputs: Vec<PathBuf>,
    lang: LangChoice,
    format: Format,
    output: Option<PathBuf>,
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Audit(a) => {
            let rules = match load_rules(cli.rules.as_deref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let cfg = match audit_config(a) {
                Ok(c) => c,
                Err(msg) => {
                    eprintln!("isnad: {msg}");
                    return EXIT_ERROR;
                }
            };
            run_audit(&rules, &cfg)
        }
        Command::Rules { cmd: RulesCmd::Check { dir } } => rules_check(dir.as_deref().or(cli.rules.as_deref())),
        cmd => {
            let rules = match load_rules(cli.rules.as_deref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            monitor::run(cmd, &rules, cli.db.as_deref())
        }
    }
}

pub(crate) fn lang_choice(s: &str) -> Result<LangChoice, String> {
    Ok(match s {
        "auto" => LangChoice::Auto,
        "ar" => LangChoice::Fixed(Lang::Ar),
        "en" => LangChoice::Fixed(Lang::En),
        other => return Err(format!("--lang must be ar, en or auto, not {other:?}")),
    })
}

fn load_rules(dir: Option<&Path>) -> Result<Rules, i32> {
    let r = match dir {
        Some(d) => Rules::from_dir(d),
        None => Rules::builtin(),
    };
    r.map_err(|e| {
        eprintln!("{e}");
        EXIT_ERROR
    })
}

fn audit_config(a: args::AuditArgs) -> Result<AuditConfig, String> {
    let lang = match a.lang.as_str() {
        "auto" => LangChoice::Auto,
        "ar" => LangChoice::Fixed(Lang::Ar),
        "en" => LangChoice::Fixed(Lang::En),
        other => return Err(format!("--lang must be ar, en or auto, not {other:?}")),
    };
    let by_extension = a.output.as_ref().and_then(|o| o.extension()).and_then(|x| x.to_str()).and_then(|x| match x {
        "html" | "htm" => Some(Format::Html),
        "csv" => Some(Format::Csv),
        "json" => Some(Format::Json),
        "jsonl" => Some(Format::Jsonl),
        _ => None,
    });
    let format = match a.format.as_deref() {
        None if by_extension.is_some() => by_extension.unwrap_or(Format::Jsonl),
        None if io::stdout().is_terminal() && a.output.is_none() => Format::Text,
        None => Format::Jsonl,
        Some(f) => Format::parse(f).ok_or_else(|| format!("--format must be text, json, jsonl, line, html or csv, not {f:?}"))?,
    };
    let inputs = if a.files.is_empty() { vec![PathBuf::from("-")] } else { a.files };
    Ok(AuditConfig { inputs, lang, format, output: a.output })
}

fn run_audit(rules: &Rules, cfg: &AuditConfig) -> i32 {
    let mut out: Box<dyn Write> = match &cfg.output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("isnad: {}: cannot write: {e}", p.display());
                return EXIT_ERROR;
            }
        },
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let mut rep = reporter(cfg.format);
    let mut code = EXIT_CLEAN;
    // articles are audited on every core; reports are written in input order
    let results = audit_all(rules, cfg);
    for (p, res) in cfg.inputs.iter().zip(results) {
        let (art, audit) = match res {
            Ok(x) => x,
            Err(e) => {
                eprintln!("isnad: {}: {e}", p.display());
                code = EXIT_ERROR;
                continue;
            }
        };
        if !audit.findings.is_empty() && code == EXIT_CLEAN {
            code = EXIT_FINDINGS;
        }
        if let Err(e) = rep.article(&mut out, &audit, &art.text) {
            return write_failed(e);
        }
    }
    if let Err(e) = rep.finish(&mut out).and_then(|_| out.flush()) {
        return write_failed(e);
    }
    code
}

type Audited = Result<(input::Article, isnad::Audit), String>;

pub(crate) fn read_input(p: &Path) -> Result<input::Article, String> {
    if p.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| e.to_string())?;
        input::parse_bytes("-".into(), buf).map_err(|e| e.to_string())
    } else {
        input::read_file(p).map_err(|e| e.to_string())
    }
}

/// Audit every input, in parallel, returning results in input order. Memory stays
/// bounded by handing results back as they complete, in order, through a channel.
fn audit_all(rules: &Rules, cfg: &AuditConfig) -> impl Iterator<Item = Audited> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;
    let n = cfg.inputs.len();
    let workers = std::thread::available_parallelism().map_or(1, |p| p.get()).min(n).clamp(1, 8);
    let mut out: Vec<Option<Audited>> = Vec::new();
    let mut ordered = Vec::with_capacity(n);
    if workers <= 1 {
        for p in &cfg.inputs {
            ordered.push(read_input(p).map(|a| {
                let r = isnad::audit(&a, rules, cfg.lang);
                (a, r)
            }));
        }
        return ordered.into_iter();
    }
    out.resize_with(n, || None);
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, Audited)>(workers * 4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let res = read_input(&cfg.inputs[i]).map(|a| {
                    let r = isnad::audit(&a, rules, cfg.lang);
                    (a, r)
                });
                if tx.send((i, res)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, res) in rx {
            out[i] = Some(res);
        }
    });
    ordered.extend(out.into_iter().map(|r| r.unwrap_or_else(|| Err("not processed".into()))));
    ordered.into_iter()
}

fn write_failed(e: io::Error) -> i32 {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return EXIT_CLEAN;
    }
    eprintln!("isnad: cannot write output: {e}");
    EXIT_ERROR
}

fn rules_check(dir: Option<&Path>) -> i32 {
    match load_rules(dir) {
        Ok(r) => {
            if let Err(e) = r.check_all() {
                eprintln!("{e}");
                return EXIT_ERROR;
            }
            // compile both matchers too: a rule string that breaks the automaton is an error
            let _ = (r.matcher(Lang::Ar), r.matcher(Lang::En));
            let n = r.lang(Lang::Ar).cues.verbs.len() + r.lang(Lang::En).cues.verbs.len();
            println!("rules ok ({}): {} registry sources, {} reporting verbs", r.origin, r.registry.len(), n);
            EXIT_CLEAN
        }
        Err(code) => code,
    }
}
