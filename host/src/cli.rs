//! Command-line interface: arguments, commands and exit codes.

mod checks;
mod plugins;
mod scan;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Args, Parser, Subcommand};
use parapet::scan::PluginSource;

/// Failed findings at or above `--fail-on`.
pub(crate) const EXIT_FINDINGS: u8 = 1;
/// Bad input or a runtime problem: no report was written.
pub(crate) const EXIT_ERROR: u8 = 2;
/// The report was written, but some checks or plugins could not run.
pub(crate) const EXIT_INCOMPLETE: u8 = 3;

#[derive(Debug, Parser)]
#[command(
    name = "parapet",
    version,
    about = "Check AWS accounts for security, cost and architecture problems with sandboxed WebAssembly plugins",
    after_help = "Exit codes: 0 clean, 1 failed findings at or above --fail-on, 2 error (no report), 3 report written but the scan was incomplete."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the checks against a snapshot and write a report.
    Scan(scan::ScanArgs),
    /// List loaded plugins.
    Plugins {
        #[command(subcommand)]
        command: plugins::PluginsCommand,
    },
    /// List and explain checks.
    Checks {
        #[command(subcommand)]
        command: checks::ChecksCommand,
    },
    /// Print the JSON Schema of the snapshot format.
    Schema,
}

/// Which plugins to load.
#[derive(Debug, Clone, Args)]
pub(crate) struct PluginArgs {
    /// A plugin component to load as well (repeatable).
    #[arg(long = "plugin", value_name = "FILE.wasm")]
    plugins: Vec<PathBuf>,
    /// Load every `*.wasm` in this directory as well (repeatable).
    #[arg(long = "plugin-dir", value_name = "DIR")]
    plugin_dirs: Vec<PathBuf>,
    /// Do not load the built-in plugins.
    #[arg(long)]
    no_builtin: bool,
}

impl PluginArgs {
    /// The built-in plugins (unless turned off), then the user's, in order.
    pub(crate) fn sources(&self) -> Result<Vec<PluginSource>> {
        let mut sources = if self.no_builtin {
            Vec::new()
        } else {
            parapet::builtin::builtin_plugins()
        };
        let mut files = self.plugins.clone();
        for dir in &self.plugin_dirs {
            let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
                .with_context(|| format!("cannot read plugin directory '{}'", dir.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "wasm"))
                .collect();
            found.sort();
            files.extend(found);
        }
        for file in files {
            let bytes = std::fs::read(&file).with_context(|| {
                format!(
                    "cannot read plugin '{}'; check the path given to --plugin",
                    file.display()
                )
            })?;
            sources.push(PluginSource {
                name: file.display().to_string(),
                bytes: bytes.into(),
            });
        }
        Ok(sources)
    }
}

/// Parses the arguments and runs the command.
pub(crate) fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan(args) => scan::run(&args),
        Command::Plugins { command } => plugins::run(&command),
        Command::Checks { command } => checks::run(&command),
        Command::Schema => {
            print!("{}", parapet_snapshot::json_schema());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// How many plugins run at once: one per core.
fn default_parallelism() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Loads the selected plugins with default limits.
fn load(
    args: &PluginArgs,
) -> Result<(
    Vec<std::sync::Arc<parapet::runtime::LoadedPlugin>>,
    Vec<parapet::model::Failure>,
)> {
    let runtime = parapet::runtime::Runtime::new()?;
    let sources = args.sources()?;
    Ok(parapet::scan::load_plugins(
        &runtime,
        &sources,
        parapet::runtime::Limits::default(),
        default_parallelism(),
    ))
}

/// Prints plugins that did not load; the exit code says whether any did not.
fn report_load_failures(failures: &[parapet::model::Failure]) -> ExitCode {
    for failure in failures {
        eprintln!("parapet: warning: {}", failure.message);
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INCOMPLETE)
    }
}
