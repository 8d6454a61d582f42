//! Raw arguments (clap) → a validated config → a call into the library → output.
//! Exit codes: 0 clean, 1 when findings or conflicts are flagged, 2 for errors.

mod args;
mod audit;
mod store;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

use args::{Cli, Command, LangArg, OutArg, RulesCmd};
use isnad::{Lang, LangChoice, Rules};

pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// A failed run: the message for standard error (empty when it was printed
/// already); the exit code is always 2.
pub struct Fail(pub String);

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Self {
        Fail(e.to_string())
    }
}

pub type Run = Result<i32, Fail>;

/// `--quiet`: no progress bars.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
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
    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
    let res = match cli.command {
        Command::Audit(_) | Command::Rules { .. } | Command::Completions { .. } | Command::Man if cli.db.is_some() => {
            Err(Fail("--db is for the store commands; audit, rules, completions and man use no database".into()))
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "isnad", &mut io::stdout());
            Ok(EXIT_CLEAN)
        }
        Command::Man => match clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut io::stdout()) {
            Ok(()) => Ok(EXIT_CLEAN),
            Err(e) => write_failed(e),
        },
        Command::Rules { cmd: RulesCmd::Check { dir } } => rules_check(dir.as_deref().or(cli.rules.as_deref())),
        cmd => load_rules(cli.rules.as_deref()).and_then(|rules| match cmd {
            Command::Audit(a) => audit::run(&rules, a),
            cmd => store::run(&rules, cmd, cli.db),
        }),
    };
    match res {
        Ok(code) => code,
        Err(Fail(msg)) => {
            if !msg.is_empty() {
                eprintln!("isnad: {msg}");
            }
            EXIT_ERROR
        }
    }
}

fn load_rules(dir: Option<&Path>) -> Result<Rules, Fail> {
    match dir {
        Some(d) => Rules::from_dir(d),
        None => Rules::builtin(),
    }
    .map_err(|e| Fail(e.to_string()))
}

fn lang_choice(l: LangArg) -> LangChoice {
    match l {
        LangArg::Auto => LangChoice::Auto,
        LangArg::Ar => LangChoice::Fixed(Lang::Ar),
        LangArg::En => LangChoice::Fixed(Lang::En),
    }
}

/// Output is written in blocks this big: a report of thousands of articles is
/// megabytes, and each write is a system call.
const OUT_BUF: usize = 256 << 10;

/// Where output goes: a file named with -o, or standard output.
fn output(o: &OutArg) -> Result<Box<dyn Write>, Fail> {
    Ok(match &o.output {
        Some(p) => {
            let f = std::fs::File::create(p).map_err(|e| Fail(format!("{}: cannot write: {e}", p.display())))?;
            Box::new(io::BufWriter::with_capacity(OUT_BUF, f))
        }
        None => Box::new(io::BufWriter::with_capacity(OUT_BUF, io::stdout())),
    })
}

/// Text when writing to a terminal, else the machine format.
fn to_terminal(o: &OutArg) -> bool {
    o.output.is_none() && io::stdout().is_terminal()
}

/// A write failed: a closed pipe (`| head`) is a clean end, anything else an error.
fn write_failed(e: io::Error) -> Run {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Ok(EXIT_CLEAN);
    }
    Err(Fail(format!("cannot write output: {e}")))
}

/// The extension of -o, lower-cased.
fn extension(o: &OutArg) -> Option<String> {
    o.output.as_ref().and_then(|p| p.extension()).and_then(|x| x.to_str()).map(str::to_ascii_lowercase)
}

fn rules_check(dir: Option<&Path>) -> Run {
    let r = load_rules(dir)?;
    r.check_all().map_err(|e| Fail(e.to_string()))?;
    // compile both matchers too: a rule string that breaks the automaton is an error
    let _ = (r.matcher(Lang::Ar), r.matcher(Lang::En));
    let n = r.lang(Lang::Ar).cues.verbs.len() + r.lang(Lang::En).cues.verbs.len();
    println!("rules ok ({}): {} registry sources, {} reporting verbs", r.origin, r.registry.len(), n);
    Ok(EXIT_CLEAN)
}

/// Inputs, or standard input when none are given.
fn inputs_or_stdin(v: Vec<PathBuf>) -> Vec<PathBuf> {
    if v.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        v
    }
}
