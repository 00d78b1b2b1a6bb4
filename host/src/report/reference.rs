//! The checks reference: every check of the given plugins as Markdown, built
//! from the plugins' own metadata (and kept in `docs/checks.md` for the
//! built-in ones).

use std::fmt::Write as _;

use crate::model::{Pillar, PluginInfo};

/// Renders the reference for `plugins`, in their order.
#[must_use]
pub fn checks_reference(plugins: &[&PluginInfo]) -> String {
    let mut out = String::from(
        "# Checks reference\n\n\
         Generated from the plugins' metadata by `parapet checks list --markdown`; \
         do not edit by hand.\n\n",
    );
    for plugin in plugins {
        let _ = writeln!(
            out,
            "- [{}](#plugin-{}) — {} checks",
            plugin.name,
            plugin.id,
            plugin.checks.len()
        );
    }
    out.push_str(&pillar_index(plugins));
    for plugin in plugins {
        let _ = writeln!(
            out,
            "\n## Plugin `{}` {{#plugin-{}}}\n\n{}\n",
            plugin.id, plugin.id, plugin.description
        );
        let _ = writeln!(
            out,
            "| check | severity | title | compliance | Well-Architected |"
        );
        let _ = writeln!(out, "| --- | --- | --- | --- | --- |");
        for check in &plugin.checks {
            let practices: Vec<&str> = check
                .well_architected
                .iter()
                .map(|(_, bp)| bp.as_str())
                .collect();
            let _ = writeln!(
                out,
                "| [`{}`](#{}) | {} | {} | {} | {} |",
                check.id,
                check.id,
                check.severity.label().to_lowercase(),
                check.title,
                check.compliance.join(", "),
                practices.join(", ")
            );
        }
        for check in &plugin.checks {
            let _ = writeln!(out, "\n### `{}` {{#{}}}\n", check.id, check.id);
            let _ = writeln!(
                out,
                "**{}** — severity {}; reads {}.\n",
                check.title,
                check.severity.label().to_lowercase(),
                check.resource_types.join(", ")
            );
            if !check.description.is_empty() {
                // Check docs use `#` and `##`; nest them under this heading.
                for line in check.description.lines() {
                    if line.starts_with('#') {
                        let _ = writeln!(out, "###{line}");
                    } else {
                        let _ = writeln!(out, "{line}");
                    }
                }
                out.push('\n');
            }
            let _ = write!(out, "**Remediation:** {}", check.remediation_text);
            match &check.remediation_url {
                Some(url) => {
                    let _ = writeln!(out, " ([AWS documentation]({url}))");
                }
                None => out.push('\n'),
            }
        }
    }
    out
}

/// Every check under each Well-Architected pillar it maps to.
fn pillar_index(plugins: &[&PluginInfo]) -> String {
    let mut out = String::from("\n## By Well-Architected pillar\n\n");
    for pillar in [
        Pillar::OperationalExcellence,
        Pillar::Security,
        Pillar::Reliability,
        Pillar::PerformanceEfficiency,
        Pillar::CostOptimization,
        Pillar::Sustainability,
    ] {
        let mapped: Vec<String> = plugins
            .iter()
            .flat_map(|p| p.checks.iter())
            .flat_map(|check| {
                check
                    .well_architected
                    .iter()
                    .filter(move |(p, _)| *p == pillar)
                    .map(move |(_, practice)| {
                        format!("[`{}`](#{}) ({practice})", check.id, check.id)
                    })
            })
            .collect();
        let _ = writeln!(
            out,
            "- **{}** ({} checks): {}",
            pillar.name(),
            mapped.len(),
            mapped.join(", ")
        );
    }
    out
}
