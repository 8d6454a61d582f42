//! Raw command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "isnad", version, about = "Who said what in a news article, and through whom")]
pub struct Cli {
    /// Use the rules in DIR instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
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
    /// Output format: text (default on a terminal), json, jsonl (default otherwise), line.
    #[arg(long)]
    pub format: Option<String>,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
