//! parapet's own JSON report: every finding with its check's metadata, the
//! failures, and the summary.

use serde::Serialize;
use serde_json::Value;

use super::{CheckLookup, ScanMeta, Summary, effective_severity};
use crate::model::{Failure, Pillar, ResourceRef, Severity, Status};
use crate::scan::ScanOutcome;

/// The report's format version.
pub(crate) const REPORT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct NativeReport<'a> {
    pub report_version: u32,
    pub parapet_version: &'static str,
    pub scan: ScanHeader<'a>,
    pub summary: Summary,
    pub finops: &'a super::finops::FinOps,
    pub plugins: Vec<PluginEntry<'a>>,
    pub failures: &'a [Failure],
    pub findings: Vec<FindingEntry<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ScanHeader<'a> {
    pub account_id: &'a str,
    pub partition: &'a str,
    pub regions: &'a [String],
    pub collected_at: String,
    pub scanned_at: String,
    pub snapshot: &'a str,
    pub complete: bool,
    /// The checks that ran to completion.
    pub checks_completed: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct PluginEntry<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub version: &'a str,
    pub source: &'a str,
    pub checks: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct FindingEntry<'a> {
    /// The ASFF `Id`: the same for the same check and resource in every scan.
    pub id: String,
    pub check_id: &'a str,
    pub plugin: &'a str,
    pub title: &'a str,
    pub status: Status,
    pub severity: Severity,
    pub resource: &'a ResourceRef,
    pub message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Value>,
    pub compliance: &'a [String],
    pub well_architected: &'a [(Pillar, String)],
    pub remediation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<&'a crate::suppress::Suppression>,
    /// new, unchanged or resolved, against `--baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::baseline::ChangeState>,
    /// When an unchanged failure was first seen, from the baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_observed_at: Option<&'a str>,
}

/// Builds the native report.
#[must_use]
pub fn native_report<'a>(
    outcome: &'a ScanOutcome,
    meta: &'a ScanMeta,
    finops: &'a super::finops::FinOps,
) -> NativeReport<'a> {
    let lookup = CheckLookup::of(outcome);
    let findings = outcome
        .findings
        .iter()
        .filter_map(|(plugin_id, finding)| {
            let (_, check) = lookup.get(plugin_id, &finding.check_id)?;
            Some(FindingEntry {
                id: super::asff::id_of(finding),
                check_id: &finding.check_id,
                plugin: plugin_id,
                title: &check.title,
                status: finding.status,
                severity: effective_severity(finding, check),
                resource: &finding.resource,
                message: &finding.message,
                evidence: finding
                    .evidence
                    .as_deref()
                    .and_then(|text| serde_json::from_str(text).ok()),
                compliance: &check.compliance,
                well_architected: &check.well_architected,
                remediation: &check.remediation_text,
                remediation_url: check.remediation_url.as_deref(),
                suppression: finding.suppression.as_deref(),
                baseline: finding.change.as_ref().map(|c| c.state),
                first_observed_at: finding
                    .change
                    .as_ref()
                    .and_then(|c| c.first_observed_at.as_deref()),
            })
        })
        .collect();
    NativeReport {
        report_version: REPORT_VERSION,
        parapet_version: env!("CARGO_PKG_VERSION"),
        scan: ScanHeader {
            account_id: &meta.account_id,
            partition: &meta.partition,
            regions: &meta.regions,
            collected_at: meta.collected_at.to_string(),
            scanned_at: meta.scanned_at.to_string(),
            snapshot: &meta.snapshot,
            complete: outcome.is_complete(),
            checks_completed: outcome
                .completed_checks
                .iter()
                .map(|(_, check)| check.as_str())
                .collect(),
        },
        summary: Summary::of(outcome),
        finops,
        plugins: outcome
            .plugins
            .iter()
            .map(|p| PluginEntry {
                id: &p.id,
                name: &p.name,
                version: &p.version,
                source: &p.source,
                checks: p.checks.iter().map(|c| c.id.as_str()).collect(),
            })
            .collect(),
        failures: &outcome.failures,
        findings,
    }
}
