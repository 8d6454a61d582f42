//! Raw command-line arguments. Every enumerated value is a `ValueEnum`, so a
//! wrong one is an error that lists the right ones.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "isnad", version, about = "Who said what in a news article, and through whom", max_term_width = 100)]
pub struct Cli {
    /// Use the rules in DIR (laid out like rules/) instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// The database folder of the store commands (also accepted after the
    /// command; default: $ISNAD_DB, else the platform data directory, e.g.
    /// ~/.local/share/isnad).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Show no progress bar (errors are still printed).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Find claims, their sources and chains, figures and findings in articles.
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
    Conflicts(ConflictsArgs),
    /// The events the stored figures tell: place, kind, dates, current range, sources, open conflicts.
    Events(EventsArgs),
    /// The source registry built from the stored articles.
    Sources(SourcesArgs),
    /// Everything stored, for pandas, DuckDB or Spark.
    Export(ExportArgs),
    /// Re-run extraction on every stored article (after a rules change).
    Reindex(DbArg),
    /// Print a shell completion script: `isnad completions bash > ~/.local/share/bash-completion/completions/isnad`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `isnad man > isnad.1 && man ./isnad.1`.
    Man,
}

#[derive(Args, Clone)]
pub struct DbArg {
    /// The database folder (default: $ISNAD_DB, else the platform data directory,
    /// e.g. ~/.local/share/isnad).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

#[derive(Args, Clone)]
pub struct OutArg {
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// By script, per article (unless its front matter says `lang:`).
    Auto,
    Ar,
    En,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    /// Claims grouped by source, for a terminal.
    Text,
    /// One document, {"articles": [...]}.
    Json,
    /// One JSON object per article, per line.
    Jsonl,
    /// path:line:col:rule:message, one finding per line.
    Line,
    /// One self-contained page for the browser.
    Html,
    /// One row per claim or figure.
    Csv,
}

#[derive(Args)]
pub struct AuditArgs {
    /// Article files (text or Markdown); `-` or nothing reads standard input.
    pub files: Vec<PathBuf>,
    /// Language of the articles.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// Output format [default: text on a terminal, else jsonl, or by the
    /// extension of -o].
    #[arg(long, value_enum)]
    pub format: Option<AuditFormat>,
    #[command(flatten)]
    pub out: OutArg,
}

#[derive(Subcommand)]
pub enum RulesCmd {
    /// Validate a rules folder laid out like rules/ (default: the built-in rules).
    Check {
        /// The folder to check.
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Text,
    Json,
}

#[derive(Args)]
pub struct IngestArgs {
    /// Files, folders (read recursively for *.txt, *.md, *.jsonl) and .jsonl
    /// files; `-` reads standard input.
    pub inputs: Vec<PathBuf>,
    /// The outlet of articles whose metadata does not name one.
    #[arg(long)]
    pub outlet: Option<String>,
    /// The date (YYYY-MM-DD) of articles whose metadata gives none.
    #[arg(long)]
    pub date: Option<String>,
    /// The URL of articles whose metadata gives none.
    #[arg(long)]
    pub url: Option<String>,
    /// Language of the articles.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// The summary's format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SummaryFormat,
    /// Inside folders, take only files whose path below the folder matches
    /// GLOB (`*.md`, `2025-07/**`); repeat for several. Files named on the
    /// command line are always taken.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    #[command(flatten)]
    pub out: OutArg,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// The audit as `audit --format text` shows it, then each figure's status.
    Text,
    Json,
    /// The audit object, each figure with `status`, `event` and `against`.
    Jsonl,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Article files; `-` or nothing reads standard input.
    pub files: Vec<PathBuf>,
    /// Also store the checked articles (creating the database if needed).
    #[arg(long)]
    pub ingest: bool,
    /// Language of the articles.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// Output format [default: text on a terminal, else jsonl].
    #[arg(long, value_enum)]
    pub format: Option<CheckFormat>,
    #[command(flatten)]
    pub out: OutArg,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CategoryArg {
    Killed,
    Wounded,
    /// Killed and wounded counted together.
    Casualties,
    Displaced,
    Detained,
    Missing,
    /// Cases of a disease.
    Cases,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    Text,
    Json,
    Csv,
    /// A chart.
    Svg,
    /// The chart and a table, in one page.
    Html,
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["place", "event"])))]
pub struct TimelineArgs {
    /// A place: any name or alias in the gazetteer, in either script, or its id.
    #[arg(long)]
    pub place: Option<String>,
    /// An event id, as `isnad events` lists them.
    #[arg(long)]
    pub event: Option<String>,
    /// What is counted.
    #[arg(long, value_enum, default_value = "killed")]
    pub category: CategoryArg,
    /// A group («مدنيين», "civilians", "children"); `any` for all groups together.
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TimelineFormat,
    #[command(flatten)]
    pub out: OutArg,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Jsonl,
    Csv,
}

#[derive(Args)]
pub struct ConflictsArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub out: OutArg,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Args)]
pub struct EventsArgs {
    /// Only the events at this place or inside it (any name, either script).
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub out: OutArg,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Args)]
pub struct SourcesArgs {
    /// Only sources relayed by this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub out: OutArg,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Every record, each with a `type`.
    Jsonl,
    /// One table (see --table), UTF-8 with a BOM.
    Csv,
    /// schema.org JSON-LD for each figure in conflict.
    Claimreview,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Table {
    Articles,
    Claims,
    Figures,
    Sources,
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// The table, with --format csv.
    #[arg(long, value_enum)]
    pub table: Option<Table>,
    #[command(flatten)]
    pub out: OutArg,
    #[command(flatten)]
    pub db: DbArg,
}
