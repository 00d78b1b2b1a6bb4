//! `parapet checks list` and `parapet checks explain`.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use parapet::model::{CheckInfo, PluginInfo, Severity};

use parapet::config::LimitsConfig;

use super::PluginArgs;

/// Which checks `checks list` shows; all filters must match.
#[derive(Debug, Clone, Args)]
pub(crate) struct Filter {
    /// Only checks of this plugin id.
    #[arg(long = "plugin-id", value_name = "ID")]
    plugin_id: Option<String>,
    /// Only checks mapped to this Well-Architected pillar (e.g. security, cost-optimization).
    #[arg(long, value_name = "PILLAR")]
    pillar: Option<String>,
    /// Only checks mapped to this compliance framework (e.g. CIS-AWS-3.0, AWS-FSBP).
    #[arg(long, value_name = "FRAMEWORK")]
    framework: Option<String>,
    /// Only checks of this severity or higher.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    severity: Option<Severity>,
}

impl Filter {
    fn keeps(&self, plugin: &PluginInfo, check: &CheckInfo) -> bool {
        self.plugin_id.as_ref().is_none_or(|id| &plugin.id == id)
            && self.severity.is_none_or(|s| check.severity >= s)
            && self.pillar.as_ref().is_none_or(|wanted| {
                let wanted = wanted.to_lowercase().replace([' ', '_'], "-");
                check
                    .well_architected
                    .iter()
                    .any(|(pillar, _)| pillar.name().to_lowercase().replace(' ', "-") == wanted)
            })
            && self.framework.as_ref().is_none_or(|wanted| {
                check.compliance.iter().any(|r| {
                    r.split_once('/')
                        .is_some_and(|(f, _)| f.eq_ignore_ascii_case(wanted))
                })
            })
    }

    /// The plugins with only the checks this filter keeps (plugins left with none are dropped).
    fn apply(&self, plugins: &[&PluginInfo]) -> Vec<PluginInfo> {
        plugins
            .iter()
            .map(|plugin| PluginInfo {
                checks: plugin
                    .checks
                    .iter()
                    .filter(|c| self.keeps(plugin, c))
                    .cloned()
                    .collect(),
                ..(*plugin).clone()
            })
            .filter(|plugin| !plugin.checks.is_empty())
            .collect()
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum ChecksCommand {
    /// List every check of the loaded plugins.
    List {
        #[command(flatten)]
        plugins: PluginArgs,
        #[command(flatten)]
        filter: Filter,
        /// Print JSON instead of a table.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print the Markdown checks reference (as in docs/checks.md).
        #[arg(long)]
        markdown: bool,
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
        ChecksCommand::List {
            plugins,
            filter,
            json,
            markdown,
        } => {
            let setup = plugins.setup(LimitsConfig::default())?;
            let infos = setup.infos();
            let all: Vec<&PluginInfo> = infos.iter().collect();
            let kept = filter.apply(&all);
            let infos: Vec<&PluginInfo> = kept.iter().collect();
            if *markdown {
                print!("{}", parapet::report::checks_reference(&infos));
            } else if *json {
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
            Ok(super::report_load_failures(&setup.failures))
        }
        ChecksCommand::Explain { id, plugins } => {
            let setup = plugins.setup(LimitsConfig::default())?;
            let infos = setup.infos();
            let found = infos
                .iter()
                .find_map(|p| p.checks.iter().find(|c| &c.id == id).map(|c| (p, c)));
            let Some((plugin, check)) = found else {
                super::report_load_failures(&setup.failures);
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
