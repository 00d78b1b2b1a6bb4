//! Turning a scan's outcome into reports: the native JSON report, the
//! Security Hub ASFF import request, and the terminal summary.

pub mod asff;
pub mod finops;
mod native;
mod reference;
mod summary;

pub use native::native_report;
pub use reference::checks_reference;
pub use summary::{Summary, render_summary};

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

/// Looks up the check and plugin behind a finding.
pub(crate) fn check_of<'a>(
    outcome: &'a ScanOutcome,
    plugin_id: &str,
    check_id: &str,
) -> Option<(&'a PluginInfo, &'a CheckInfo)> {
    let plugin = outcome.plugins.iter().find(|p| p.id == plugin_id)?;
    let check = plugin.checks.iter().find(|c| c.id == check_id)?;
    Some((plugin, check))
}

/// The severity that applies to a finding: its own override, else the check's.
pub(crate) fn effective_severity(finding: &Finding, check: &CheckInfo) -> Severity {
    finding.severity.unwrap_or(check.severity)
}
