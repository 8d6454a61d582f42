//! `isnad audit`: articles in, reports out, in input order, audited on every core.

use std::path::PathBuf;

use super::args::{AuditArgs, AuditFormat};
use super::{extension, inputs_or_stdin, lang_choice, output, to_terminal, write_failed, Fail, Run, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use isnad::report::{reporter, Format};
use isnad::{input, pool, LangChoice, Rules};

/// What `audit` runs with, after checking the arguments.
struct Config {
    inputs: Vec<PathBuf>,
    lang: LangChoice,
    format: Format,
}

fn config(a: &AuditArgs) -> Result<Config, Fail> {
    let format = match a.format {
        Some(f) => f,
        None => match extension(&a.out).as_deref() {
            Some("html" | "htm") => AuditFormat::Html,
            Some("csv") => AuditFormat::Csv,
            Some("json") => AuditFormat::Json,
            Some("jsonl") => AuditFormat::Jsonl,
            Some("txt") => AuditFormat::Text,
            Some(x) => return Err(Fail(format!("-o: cannot tell the format from \".{x}\"; give --format (text, json, jsonl, line, html or csv)"))),
            None if to_terminal(&a.out) => AuditFormat::Text,
            None => AuditFormat::Jsonl,
        },
    };
    let format = match format {
        AuditFormat::Text => Format::Text,
        AuditFormat::Json => Format::Json,
        AuditFormat::Jsonl => Format::Jsonl,
        AuditFormat::Line => Format::Line,
        AuditFormat::Html => Format::Html,
        AuditFormat::Csv => Format::Csv,
    };
    Ok(Config { inputs: inputs_or_stdin(a.files.clone()), lang: lang_choice(a.lang), format })
}

pub fn run(rules: &Rules, a: AuditArgs) -> Run {
    let cfg = config(&a)?;
    let mut out = output(&a.out)?;
    let mut rep = reporter(cfg.format);
    let mut code = EXIT_CLEAN;
    let mut write_err = None;
    let work = |p: &PathBuf| {
        let art = if p.as_os_str() == "-" { input::read_stdin() } else { input::read_file(p) };
        art.map(|art| {
            let au = isnad::audit(&art, rules, cfg.lang);
            (art, au)
        })
        .map_err(|e| format!("{}: {e}", p.display()))
    };
    pool::ordered(cfg.inputs.iter(), pool::default_workers(), work, |res| {
        match res {
            Err(e) => {
                eprintln!("isnad: {e}");
                code = EXIT_ERROR;
            }
            Ok((art, au)) => {
                if !au.findings.is_empty() && code == EXIT_CLEAN {
                    code = EXIT_FINDINGS;
                }
                if let Err(e) = rep.article(&mut out, &au, &art.text) {
                    write_err = Some(e);
                    return false;
                }
            }
        }
        true
    });
    if let Some(e) = write_err {
        return write_failed(e);
    }
    if let Err(e) = rep.finish(&mut out).and_then(|_| out.flush()) {
        return write_failed(e);
    }
    Ok(code)
}
