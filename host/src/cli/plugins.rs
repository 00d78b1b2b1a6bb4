//! `parapet plugins list`.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use parapet::config::LimitsConfig;

use super::PluginArgs;

#[derive(Debug, Subcommand)]
pub(crate) enum PluginsCommand {
    /// List the plugins that load, with their versions and check counts.
    List {
        #[command(flatten)]
        plugins: PluginArgs,
    },
}

pub(crate) fn run(command: &PluginsCommand) -> Result<ExitCode> {
    let PluginsCommand::List { plugins } = command;
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
