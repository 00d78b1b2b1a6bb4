//! Counts for the terminal and the native report.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::{CheckLookup, effective_severity};
use crate::model::{Severity, Status};
use crate::scan::ScanOutcome;

/// Per-plugin counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PluginCounts {
    pub passed: usize,
    pub failed: usize,
    pub warning: usize,
    pub not_available: usize,
    pub suppressed: usize,
    /// Checks that could not run to completion.
    pub checks_not_run: usize,
}

/// What the scan found, in numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub findings: usize,
    pub passed: usize,
    pub failed: usize,
    pub warning: usize,
    pub not_available: usize,
    /// Failed or warning findings an accepted-risk rule suppressed (not
    /// counted as failed or warning).
    pub suppressed: usize,
    /// Failed findings by severity label.
    pub failed_by_severity: BTreeMap<&'static str, usize>,
    pub by_plugin: BTreeMap<String, PluginCounts>,
    pub checks_completed: usize,
    pub checks_not_run: usize,
    /// Whether every check ran to completion.
    pub complete: bool,
}

impl Summary {
    #[must_use]
    pub fn of(outcome: &ScanOutcome) -> Self {
        let lookup = CheckLookup::of(outcome);
        let mut summary = Self {
            findings: outcome.findings.len(),
            checks_completed: outcome.completed_checks.len(),
            complete: outcome.is_complete(),
            ..Self::default()
        };
        for plugin in &outcome.plugins {
            summary.by_plugin.entry(plugin.id.clone()).or_default();
        }
        for (plugin_id, finding) in &outcome.findings {
            let counts = summary.by_plugin.entry(plugin_id.clone()).or_default();
            if finding.suppression.is_some() {
                summary.suppressed += 1;
                counts.suppressed += 1;
                continue;
            }
            match finding.status {
                Status::Passed => {
                    summary.passed += 1;
                    counts.passed += 1;
                }
                Status::Failed => {
                    summary.failed += 1;
                    counts.failed += 1;
                    if let Some((_, check)) = lookup.get(plugin_id, &finding.check_id) {
                        *summary
                            .failed_by_severity
                            .entry(effective_severity(finding, check).label())
                            .or_default() += 1;
                    }
                }
                Status::Warning => {
                    summary.warning += 1;
                    counts.warning += 1;
                }
                Status::NotAvailable => {
                    summary.not_available += 1;
                    counts.not_available += 1;
                }
            }
        }
        for failure in &outcome.failures {
            summary.checks_not_run += 1;
            summary
                .by_plugin
                .entry(failure.plugin.clone())
                .or_default()
                .checks_not_run += 1;
        }
        summary
    }

    /// Failed findings at or above `threshold`, suppressed ones aside;
    /// with `only_new`, only those a baseline did not have.
    #[must_use]
    pub fn failed_at_or_above(
        &self,
        outcome: &ScanOutcome,
        threshold: Severity,
        only_new: bool,
    ) -> usize {
        let lookup = CheckLookup::of(outcome);
        outcome
            .findings
            .iter()
            .filter(|(_, f)| f.status == Status::Failed && f.suppression.is_none())
            .filter(|(_, f)| {
                !only_new
                    || f.change
                        .as_ref()
                        .is_none_or(|c| c.state == crate::baseline::ChangeState::New)
            })
            .filter(|(plugin_id, f)| {
                lookup
                    .get(plugin_id, &f.check_id)
                    .is_some_and(|(_, c)| effective_severity(f, c) >= threshold)
            })
            .count()
    }
}

/// The summary as the terminal shows it.
#[must_use]
pub fn render_summary(summary: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} findings: {} failed, {} passed, {} warning, {} not available{}",
        summary.findings,
        summary.failed,
        summary.passed,
        summary.warning,
        summary.not_available,
        if summary.suppressed > 0 {
            format!(", {} suppressed", summary.suppressed)
        } else {
            String::new()
        }
    );
    if summary.failed > 0 {
        let severities = [
            Severity::Critical,
            Severity::High,
            Severity::Medium,
            Severity::Low,
            Severity::Informational,
        ];
        let parts: Vec<String> = severities
            .iter()
            .filter_map(|s| {
                summary
                    .failed_by_severity
                    .get(s.label())
                    .map(|n| format!("{n} {}", s.label().to_lowercase()))
            })
            .collect();
        let _ = writeln!(out, "failed by severity: {}", parts.join(", "));
    }
    let _ = writeln!(
        out,
        "\n{:<20} {:>7} {:>7} {:>7} {:>7} {:>8}",
        "plugin", "failed", "passed", "warning", "n/a", "not run"
    );
    for (plugin, counts) in &summary.by_plugin {
        let _ = writeln!(
            out,
            "{plugin:<20} {:>7} {:>7} {:>7} {:>7} {:>8}",
            counts.failed,
            counts.passed,
            counts.warning,
            counts.not_available,
            counts.checks_not_run
        );
    }
    if summary.complete {
        let _ = writeln!(
            out,
            "\nscan complete: {} checks ran",
            summary.checks_completed
        );
    } else {
        let _ = writeln!(
            out,
            "\nscan INCOMPLETE: {} checks ran, {} could not run (each is named on stderr and in the report)",
            summary.checks_completed, summary.checks_not_run
        );
    }
    out
}
