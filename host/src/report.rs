//! Turning a scan's outcome into reports: the Security Hub ASFF import
//! request, the native JSON report, OCSF, SARIF, JUnit XML and CSV, and
//! the terminal summary; and reading reports back (baselines, publishing).

pub mod asff;
mod csv;
mod entry;
pub mod finops;
mod junit;
mod native;
pub mod ocsf;
pub mod read;
mod reference;
pub mod sarif;
pub mod scope;
mod summary;
mod writer;

pub use native::native_report;
pub use reference::checks_reference;
pub use summary::{Summary, render_summary};
pub use writer::{Format, ReportSet, destinations};

use std::collections::HashMap;

use crate::model::{CheckInfo, Finding, PluginInfo, Severity};
use crate::scan::ScanOutcome;

/// What the scan covered, for report headers.
#[derive(Debug, Clone)]
pub struct ScanMeta {
    pub account_id: String,
    pub partition: String,
    pub regions: Vec<String>,
    pub collected_at: jiff::Timestamp,
    pub scanned_at: jiff::Timestamp,
    /// Where the snapshot came from (a path).
    pub snapshot: String,
}

impl ScanMeta {
    /// The region that holds findings about global resources (IAM, the
    /// account): Security Hub needs every finding in a real region.
    #[must_use]
    pub fn home_region(&self) -> &str {
        self.regions.first().map_or("us-east-1", String::as_str)
    }
}

/// The check and plugin behind each finding, indexed once per report:
/// reports look one up for every finding, and there can be hundreds of
/// thousands.
pub(crate) struct CheckLookup<'a> {
    by_id: HashMap<(&'a str, &'a str), (&'a PluginInfo, &'a CheckInfo)>,
}

impl<'a> CheckLookup<'a> {
    pub(crate) fn of(outcome: &'a ScanOutcome) -> Self {
        let by_id = outcome
            .plugins
            .iter()
            .flat_map(|plugin| {
                plugin
                    .checks
                    .iter()
                    .map(move |check| ((plugin.id.as_str(), check.id.as_str()), (plugin, check)))
            })
            .collect();
        Self { by_id }
    }

    pub(crate) fn get(
        &self,
        plugin_id: &str,
        check_id: &str,
    ) -> Option<(&'a PluginInfo, &'a CheckInfo)> {
        self.by_id.get(&(plugin_id, check_id)).copied()
    }
}

/// The severity that applies to a finding: its own override, else the check's.
pub(crate) fn effective_severity(finding: &Finding, check: &CheckInfo) -> Severity {
    finding.severity.unwrap_or(check.severity)
}
