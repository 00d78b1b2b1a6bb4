//! `parapet checks list` and `parapet checks explain`.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Subcommand;
use parapet::model::{CheckInfo, PluginInfo};

use super::{PluginArgs, load};

#[derive(Debug, Subcommand)]
pub(crate) enum ChecksCommand {
    /// List every check of the loaded plugins.
    List {
        #[command(flatten)]
        plugins: PluginArgs,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print a check's documentation, mappings and remediation.
    Explain {
        /// The check id, as `checks list` shows it.
        id: String,
        #[command(flatten)]
        plugins: PluginArgs,
    },
}

pub(crate) fn run(command: &ChecksCommand) -> Result<ExitCode> {
    match command {
        ChecksCommand::List { plugins, json } => {
            let (loaded, failures) = load(plugins)?;
            let infos: Vec<&PluginInfo> = loaded.iter().map(|p| p.info()).collect();
            if *json {
                let checks: Vec<_> = infos
                    .iter()
                    .flat_map(|p| {
                        p.checks
                            .iter()
                            .map(move |c| serde_json::json!({"plugin": p.id, "check": c}))
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&checks)?);
            } else {
                for plugin in infos {
                    for check in &plugin.checks {
                        println!(
                            "{:<28} {:<8} {:<14} {}",
                            check.id,
                            plugin.id,
                            check.severity.label().to_lowercase(),
                            check.title
                        );
                    }
                }
            }
            Ok(super::report_load_failures(&failures))
        }
        ChecksCommand::Explain { id, plugins } => {
            let (loaded, failures) = load(plugins)?;
            let found = loaded
                .iter()
                .map(|p| p.info())
                .find_map(|p| p.checks.iter().find(|c| &c.id == id).map(|c| (p, c)));
            let Some((plugin, check)) = found else {
                super::report_load_failures(&failures);
                bail!("no loaded plugin has a check '{id}'; `parapet checks list` shows the ids");
            };
            print!("{}", explain(plugin, check));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn explain(plugin: &PluginInfo, check: &CheckInfo) -> String {
    let mut out = format!("{} — {}\n\n", check.id, check.title);
    out.push_str(&format!(
        "plugin:          {} {} ({})\n",
        plugin.id, plugin.version, plugin.source
    ));
    out.push_str(&format!(
        "severity:        {}\n",
        check.severity.label().to_lowercase()
    ));
    out.push_str(&format!(
        "resource types:  {}\n",
        check.resource_types.join(", ")
    ));
    if !check.compliance.is_empty() {
        out.push_str(&format!(
            "compliance:      {}\n",
            check.compliance.join(", ")
        ));
    }
    if !check.well_architected.is_empty() {
        let practices: Vec<String> = check
            .well_architected
            .iter()
            .map(|(pillar, practice)| format!("{practice} ({})", pillar.name()))
            .collect();
        out.push_str(&format!("well-architected: {}\n", practices.join(", ")));
    }
    if !check.finding_types.is_empty() {
        out.push_str(&format!(
            "ASFF types:      {}\n",
            check.finding_types.join("; ")
        ));
    }
    if !check.description.is_empty() {
        out.push_str(&format!("\n{}\n", check.description.trim_end()));
    }
    out.push_str(&format!("\nremediation: {}\n", check.remediation_text));
    if let Some(url) = &check.remediation_url {
        out.push_str(&format!("see: {url}\n"));
    }
    out
}
