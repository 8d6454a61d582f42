//! Raw command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "isnad", version, about = "Who said what in a news article, and through whom")]
pub struct Cli {
    /// Use the rules in DIR instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// The database (default: $ISNAD_DB, else the platform data directory, e.g.
    /// ~/.local/share/isnad).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Find claims, their sources and chains, and findings, in articles.
    Audit(AuditArgs),
    /// Work with rule files.
    Rules {
        #[command(subcommand)]
        cmd: RulesCmd,
    },
    /// Store articles, their claims and figures (files, folders, JSON Lines).
    Ingest(IngestArgs),
    /// Audit articles and compare each figure with the store.
    Check(CheckArgs),
    /// One event's figures in date order, with the current best range.
    Timeline(TimelineArgs),
    /// Every open conflict in the store.
    Conflicts(FormatArg),
    /// The source registry built from the stored articles.
    Sources(SourcesArgs),
    /// Everything stored, for pandas, DuckDB or Spark.
    Export(ExportArgs),
    /// Re-run extraction on every stored article (after a rules change).
    Reindex,
}

#[derive(Args)]
pub struct IngestArgs {
    /// Files, folders (read recursively) and .jsonl files; `-` reads standard input.
    pub inputs: Vec<PathBuf>,
    #[arg(long)]
    pub outlet: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// text or json (the summary).
    #[arg(long, default_value = "text")]
    pub format: String,
}

#[derive(Args)]
pub struct CheckArgs {
    pub files: Vec<PathBuf>,
    /// Also store the checked articles.
    #[arg(long)]
    pub ingest: bool,
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// text, json or jsonl.
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Args)]
pub struct TimelineArgs {
    /// A place: any name or alias in the gazetteer, in either script, or its id.
    #[arg(long)]
    pub place: String,
    #[arg(long, default_value = "killed")]
    pub category: String,
    /// A group («civilians», "children"); `any` for all groups together.
    #[arg(long)]
    pub group: Option<String>,
    /// text, json, csv, svg (a chart) or html (the chart and a table).
    #[arg(long, default_value = "text")]
    pub format: String,
}

#[derive(Args)]
pub struct FormatArg {
    /// text, json or jsonl.
    #[arg(long, default_value = "text")]
    pub format: String,
}

#[derive(Args)]
pub struct SourcesArgs {
    /// Only sources relayed by this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// text or json.
    #[arg(long, default_value = "text")]
    pub format: String,
}

#[derive(Args)]
pub struct ExportArgs {
    /// jsonl (every record, with a `type`), csv (one table) or claimreview
    /// (schema.org JSON-LD for each figure in conflict).
    #[arg(long, default_value = "jsonl")]
    pub format: String,
    /// With csv: articles, claims, figures or sources.
    #[arg(long, default_value = "figures")]
    pub table: String,
}

#[derive(Subcommand)]
pub enum RulesCmd {
    /// Validate a rules folder (default: the built-in rules).
    Check { dir: Option<PathBuf> },
}

#[derive(Args)]
pub struct AuditArgs {
    /// Article files (text or Markdown); `-` or nothing reads standard input.
    pub files: Vec<PathBuf>,
    /// Language of the articles: ar, en, or auto (by script, per article).
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Output format: text (default on a terminal), json, jsonl (default otherwise),
    /// line, html (one self-contained page) or csv (a row per claim or figure).
    #[arg(long)]
    pub format: Option<String>,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
