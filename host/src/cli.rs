//! Command-line interface: arguments, commands and exit codes.

mod checks;
mod collect;
mod diff;
mod merge;
mod plugins;
mod publish;
mod scan;

use std::path::PathBuf;
use std::process::ExitCode;

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use clap::{Args, Parser, Subcommand};
use parapet::config::{Config, LimitsConfig, sha256_hex};
use parapet::model::{Failure, FailureKind, PluginInfo};
use parapet::runtime::{Limits, LoadedPlugin, Runtime};
use parapet::scan::PluginSource;

/// Failed findings at or above `--fail-on`.
pub(crate) const EXIT_FINDINGS: u8 = 1;
/// Bad input or a runtime problem: no report was written.
pub(crate) const EXIT_ERROR: u8 = 2;
/// The report was written, but some checks or plugins could not run.
pub(crate) const EXIT_INCOMPLETE: u8 = 3;
/// Some findings could not be published to Security Hub.
pub(crate) const EXIT_PUBLISH: u8 = 4;

#[derive(Debug, Parser)]
#[command(
    name = "parapet",
    version,
    about = "Check AWS accounts for security, cost and architecture problems with sandboxed WebAssembly plugins",
    after_help = "Exit codes: 0 clean, 1 failed findings at or above --fail-on (or new ones, with --fail-on-new), 2 error (no report), 3 report written but the scan was incomplete, 4 some findings could not be published to Security Hub."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the checks against a snapshot (or a fresh collection) and write a report.
    Scan(Box<scan::ScanArgs>),
    /// Read an AWS account (or organization) into a snapshot file.
    Collect(collect::CollectCommand),
    /// Join ASFF reports (such as one per shard of an organization) into one.
    Merge(merge::MergeArgs),
    /// Send an ASFF report to AWS Security Hub, archiving what was fixed.
    Publish(publish::PublishCommand),
    /// Show what changed between two reports: new, resolved, unchanged.
    Diff(diff::DiffArgs),
    /// List plugins, or test one against its fixtures.
    #[command(alias = "plugin")]
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

/// Which plugins to load, and the configuration that shapes them.
#[derive(Debug, Clone, Args)]
pub(crate) struct PluginArgs {
    /// The configuration file (default: ./parapet.toml when it exists).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// A plugin component to load as well (repeatable).
    #[arg(long = "plugin", value_name = "FILE.wasm")]
    plugins: Vec<PathBuf>,
    /// Load every `*.wasm` in this directory as well (repeatable).
    #[arg(long = "plugin-dir", value_name = "DIR")]
    plugin_dirs: Vec<PathBuf>,
    /// Do not load the built-in plugins.
    #[arg(long)]
    no_builtin: bool,
    /// Compile every plugin afresh instead of using the compiled-component
    /// cache ($PARAPET_CACHE_DIR, else $XDG_CACHE_HOME/parapet, else ~/.cache/parapet).
    #[arg(long)]
    no_cache: bool,
}

/// Loaded plugins, what failed to load, and the configuration.
pub(crate) struct Setup {
    pub(crate) config: Config,
    pub(crate) plugins: Vec<Arc<LoadedPlugin>>,
    pub(crate) failures: Vec<Failure>,
}

impl Setup {
    /// The loaded plugins' metadata, with the configuration's severity overrides.
    pub(crate) fn infos(&self) -> Vec<PluginInfo> {
        let mut infos: Vec<PluginInfo> = self.plugins.iter().map(|p| p.info().clone()).collect();
        apply_severity_overrides(&self.config, &mut infos);
        infos
    }
}

/// Replaces check severities with the configuration's overrides.
pub(crate) fn apply_severity_overrides(config: &Config, infos: &mut [PluginInfo]) {
    for check in infos.iter_mut().flat_map(|p| p.checks.iter_mut()) {
        if let Some(severity) = config.checks.severity.get(&check.id) {
            check.severity = *severity;
        }
    }
}

impl PluginArgs {
    /// Reads the configuration, then loads the built-in plugins (unless
    /// turned off), the configuration's plugins and the command line's.
    /// `limits` override every configured limit field they set.
    pub(crate) fn setup(&self, overrides: LimitsConfig) -> Result<Setup> {
        let config = Config::discover(self.config.as_deref())?;
        let limits_for = |id: Option<&str>| {
            let mut limits = config.limits_for(id, Limits::default());
            if let Some(seconds) = overrides.timeout_seconds {
                limits.timeout = Duration::from_secs_f64(seconds);
            }
            if let Some(mib) = overrides.memory_mib {
                limits.memory_bytes = mib.saturating_mul(1 << 20);
            }
            limits
        };
        let config_name = config.origin.as_deref().map_or_else(
            || "the configuration".to_owned(),
            |p| format!("config '{}'", p.display()),
        );
        for id in config.plugins.keys() {
            if let Some(dir) = config.data_dir_for(id)
                && !dir.is_dir()
            {
                bail!(
                    "{config_name}: [plugins.{id}] data_dir '{}' is not a directory",
                    dir.display()
                );
            }
        }
        let mut sources = Vec::new();
        let mut failures = Vec::new();
        if !self.no_builtin {
            for mut source in parapet::builtin::builtin_plugins() {
                source.limits = limits_for(source.expected_id.as_deref());
                source.data_dir = source
                    .expected_id
                    .as_deref()
                    .and_then(|id| config.data_dir_for(id));
                sources.push(source);
            }
        }
        for (id, path, pin) in config.plugin_files() {
            let bytes = std::fs::read(&path).with_context(|| {
                format!(
                    "cannot read plugin '{id}' at '{}', listed in {config_name}",
                    path.display()
                )
            })?;
            if let Some(pin) = pin {
                let actual = sha256_hex(&bytes);
                if !actual.eq_ignore_ascii_case(&pin) {
                    failures.push(Failure {
                        plugin: id.clone(),
                        check: None,
                        kind: FailureKind::Load,
                        message: format!(
                            "plugin '{id}' refused: '{}' has sha256 {actual}, but {config_name} pins {pin}; \
                             if the plugin changed on purpose, update the pin",
                            path.display()
                        ),
                    });
                    continue;
                }
            }
            sources.push(PluginSource {
                expected_id: Some(id.clone()),
                limits: limits_for(Some(&id)),
                data_dir: config.data_dir_for(&id),
                ..PluginSource::new(path.display().to_string(), bytes)
            });
        }
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
                limits: limits_for(None),
                ..PluginSource::new(file.display().to_string(), bytes)
            });
        }
        let runtime = runtime(self.no_cache)?;
        let (plugins, load_failures) =
            parapet::scan::load_plugins(&runtime, &sources, default_parallelism());
        failures.extend(load_failures);
        let setup = Setup {
            config,
            plugins,
            failures,
        };
        check_config_names(&setup, &config_name)?;
        Ok(setup)
    }
}

/// The WebAssembly runtime, with the compiled-component cache unless `no_cache`.
fn runtime(no_cache: bool) -> Result<Runtime> {
    let mut runtime = Runtime::new()?;
    if let Some(dir) = cache_dir().filter(|_| !no_cache)
        && let Err(error) = runtime.use_cache(&dir)
    {
        eprintln!("parapet: warning: {error}; compiling plugins without a cache");
    }
    Ok(runtime)
}

/// Where compiled components are kept.
fn cache_dir() -> Option<PathBuf> {
    let var = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("PARAPET_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("parapet")))
        .or_else(|| var("HOME").map(|d| d.join(".cache").join("parapet")))
}

/// Fails, naming `place` and the closest known id, when a check id is not
/// provided by any loaded plugin.
pub(crate) fn require_known_checks(setup: &Setup, ids: &[String], place: &str) -> Result<()> {
    let checks: Vec<&str> = setup
        .plugins
        .iter()
        .flat_map(|p| p.info().checks.iter().map(|c| c.id.as_str()))
        .collect();
    for id in ids {
        if !checks.contains(&id.as_str()) {
            bail!(
                "{place} names check '{id}', which no loaded plugin provides{}",
                suggestion(id, &checks)
            );
        }
    }
    Ok(())
}

/// Every check and plugin the configuration names must exist: a typo must
/// not silently leave a check on or a setting unused.
fn check_config_names(setup: &Setup, config_name: &str) -> Result<()> {
    let plugin_ids: Vec<&str> = setup.plugins.iter().map(|p| p.info().id.as_str()).collect();
    let checks = &setup.config.checks;
    require_known_checks(
        setup,
        &checks.disable,
        &format!("{config_name}: [checks] disable"),
    )?;
    require_known_checks(
        setup,
        &checks.only,
        &format!("{config_name}: [checks] only"),
    )?;
    let overridden: Vec<String> = checks.severity.keys().cloned().collect();
    require_known_checks(
        setup,
        &overridden,
        &format!("{config_name}: [checks] severity"),
    )?;
    let refused: Vec<&str> = setup.failures.iter().map(|f| f.plugin.as_str()).collect();
    for id in setup.config.plugins.keys() {
        if !plugin_ids.contains(&id.as_str()) && !refused.contains(&id.as_str()) {
            bail!(
                "{config_name}: [plugins.{id}] names no loaded plugin{}",
                suggestion(id, &plugin_ids)
            );
        }
    }
    Ok(())
}

fn suggestion(name: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| (parapet::config::edit_distance(name, k), k))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map_or_else(String::new, |(_, k)| format!("; did you mean '{k}'?"))
}

/// Parses the arguments and runs the command.
pub(crate) fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan(args) => scan::run(&args),
        Command::Collect(args) => collect::run(&args),
        Command::Merge(args) => merge::run(&args),
        Command::Publish(args) => publish::run(&args),
        Command::Diff(args) => diff::run(&args),
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
