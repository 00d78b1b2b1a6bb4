//! `parapet plugins list`.

use std::process::ExitCode;

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use clap::Subcommand;
use parapet::scan::PluginSource;

use parapet::config::LimitsConfig;

use super::PluginArgs;

#[derive(Debug, Subcommand)]
pub(crate) enum PluginsCommand {
    /// List the plugins that load, with their versions and check counts.
    List {
        #[command(flatten)]
        plugins: PluginArgs,
    },
    /// Run a plugin's fixtures through the sandbox and compare the findings
    /// with the `.expected` files (the SDK's fixture layout).
    Test {
        /// The component, or `builtin:NAME` for a built-in plugin.
        plugin: String,
        /// The fixtures directory: one sub-directory per check id.
        #[arg(long, value_name = "DIR")]
        fixtures: PathBuf,
        /// Write the actual findings to the `.expected` files instead of comparing.
        #[arg(long)]
        bless: bool,
        /// Compile the plugin afresh instead of using the cache.
        #[arg(long)]
        no_cache: bool,
    },
}

pub(crate) fn run(command: &PluginsCommand) -> Result<ExitCode> {
    let plugins = match command {
        PluginsCommand::List { plugins } => plugins,
        PluginsCommand::Test {
            plugin,
            fixtures,
            bless,
            no_cache,
        } => return test(plugin, fixtures, *bless, *no_cache),
    };
    let setup = plugins.setup(LimitsConfig::default())?;
    for info in &setup.infos() {
        println!(
            "{:<16} {:<10} {:>3} checks  {}  ({})",
            info.id,
            info.version,
            info.checks.len(),
            info.name,
            info.source
        );
    }
    Ok(super::report_load_failures(&setup.failures))
}

fn test(plugin: &str, fixtures: &std::path::Path, bless: bool, no_cache: bool) -> Result<ExitCode> {
    let source = match plugin.strip_prefix("builtin:") {
        Some(name) => parapet::builtin::builtin_plugins()
            .into_iter()
            .find(|p| p.expected_id.as_deref() == Some(name))
            .with_context(|| {
                format!("there is no built-in plugin '{name}'; `parapet plugins list` shows them")
            })?,
        None => {
            let bytes =
                std::fs::read(plugin).with_context(|| format!("cannot read plugin '{plugin}'"))?;
            PluginSource::new(plugin, bytes)
        }
    };
    let runtime = super::runtime(no_cache)?;
    let (loaded, failures) = parapet::scan::load_plugins(&runtime, &[source], 1);
    let Some(loaded) = loaded.into_iter().next() else {
        let why = failures
            .first()
            .map_or_else(String::new, |f| f.message.clone());
        bail!("{why}");
    };
    let results = parapet::fixtures::run_fixtures(&loaded, fixtures, bless);
    let failed: Vec<_> = results.iter().filter(|r| r.problem.is_some()).collect();
    for result in &failed {
        println!(
            "FAIL {}\n{}",
            result.fixture.display(),
            result.problem.as_deref().unwrap_or_default().trim_end()
        );
    }
    println!(
        "{} passed, {} failed",
        results.len() - failed.len(),
        failed.len()
    );
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_FINDINGS)
    })
}
