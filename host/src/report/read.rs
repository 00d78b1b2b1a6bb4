//! Reading reports back: the findings of an earlier ASFF or JSON report,
//! for baselines, `parapet diff` and `parapet publish`.

use std::path::Path;

use serde::Deserialize;

use super::asff::AsffFinding;

/// Why a report could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read report '{path}': {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "'{path}' is not a parapet report: {message}; give a report written by `parapet scan` \
         (--format asff, the default, or --format json)"
    )]
    Format { path: String, message: String },
}

/// One finding of a report, as much as comparisons and scopes need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastFinding {
    /// The ASFF `Id`, the same in every scan for the same check and resource.
    pub id: String,
    pub account: String,
    /// The region the finding is reported in (global resources: the home region).
    pub region: String,
    /// The check id, or `plugin:<id>` for a plugin that could not run at all.
    pub check: String,
    /// `PASSED`, `FAILED`, `WARNING` or `NOT_AVAILABLE`, before any suppression.
    pub status: String,
    pub suppressed: bool,
    /// A check or plugin that could not run (not a verdict on a resource).
    pub could_not_run: bool,
    pub title: String,
    pub severity: String,
    pub resource_type: String,
    pub resource_id: String,
    pub first_observed_at: Option<String>,
    pub created_at: Option<String>,
}

impl PastFinding {
    /// Whether the finding is a failure (suppressed or not).
    #[must_use]
    pub fn failing(&self) -> bool {
        self.status == "FAILED"
    }

    /// What parapet knows of an ASFF finding it wrote.
    #[must_use]
    pub fn from_asff(finding: &AsffFinding) -> Self {
        let field = |key: &str| finding.product_fields.get(key).cloned();
        let check = field("parapet/check_id").unwrap_or_else(|| {
            format!(
                "plugin:{}",
                field("parapet/plugin_id").unwrap_or_else(|| finding.generator_id.clone())
            )
        });
        let resource = finding.resources.first();
        Self {
            id: finding.id.clone(),
            account: finding.aws_account_id.clone(),
            region: finding.region.clone(),
            check,
            status: field("parapet/original_status")
                .unwrap_or_else(|| finding.compliance.status.clone()),
            suppressed: field("parapet/suppressed").is_some_and(|v| v == "true"),
            could_not_run: finding.product_fields.contains_key("parapet/failure"),
            title: finding.title.clone(),
            severity: finding.finding_provider_fields.severity.original.clone(),
            resource_type: field("parapet/resource_type")
                .or_else(|| resource.map(|r| r.kind.clone()))
                .unwrap_or_default(),
            resource_id: resource.map(|r| r.id.clone()).unwrap_or_default(),
            first_observed_at: Some(finding.first_observed_at.clone()),
            created_at: Some(finding.created_at.clone()),
        }
    }
}

/// The findings of an ASFF report (`{"Findings": [...]}`).
///
/// # Errors
/// When the file cannot be read or is not an ASFF report parapet can read.
pub fn read_asff(path: &Path) -> Result<Vec<AsffFinding>, ReadError> {
    #[derive(Deserialize)]
    struct Request {
        #[serde(rename = "Findings")]
        findings: Vec<AsffFinding>,
    }
    let text = read(path)?;
    serde_json::from_str::<Request>(&text)
        .map(|r| r.findings)
        .map_err(|e| format_error(path, &e))
}

/// The findings of a report written by `parapet scan`, ASFF or JSON.
///
/// # Errors
/// When the file cannot be read or is neither kind of report.
pub fn read_report(path: &Path) -> Result<Vec<PastFinding>, ReadError> {
    let text = read(path)?;
    let probe: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format_error(path, &e))?;
    if probe.get("Findings").is_some() {
        return read_asff(path)
            .map(|findings| findings.iter().map(PastFinding::from_asff).collect());
    }
    if probe.get("report_version").is_some() {
        let report: NativeText =
            serde_json::from_value(probe).map_err(|e| format_error(path, &e))?;
        return Ok(report.past_findings());
    }
    Err(ReadError::Format {
        path: path.display().to_string(),
        message: "it has neither \"Findings\" (ASFF) nor \"report_version\" (JSON)".to_owned(),
    })
}

fn read(path: &Path) -> Result<String, ReadError> {
    std::fs::read_to_string(path).map_err(|source| ReadError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn format_error(path: &Path, error: &serde_json::Error) -> ReadError {
    ReadError::Format {
        path: path.display().to_string(),
        message: error.to_string(),
    }
}

/// The parts of the native JSON report read back.
#[derive(Deserialize)]
struct NativeText {
    scan: NativeScan,
    #[serde(default)]
    failures: Vec<NativeFailure>,
    findings: Vec<NativeFinding>,
}

#[derive(Deserialize)]
struct NativeScan {
    account_id: String,
    regions: Vec<String>,
}

#[derive(Deserialize)]
struct NativeFailure {
    plugin: String,
    check: Option<String>,
}

#[derive(Deserialize)]
struct NativeFinding {
    id: String,
    check_id: String,
    title: String,
    status: String,
    severity: String,
    resource: NativeResource,
    #[serde(default)]
    suppression: Option<serde_json::Value>,
    #[serde(default)]
    first_observed_at: Option<String>,
}

#[derive(Deserialize)]
struct NativeResource {
    resource_type: String,
    id: String,
    region: String,
    account: String,
}

impl NativeText {
    fn past_findings(self) -> Vec<PastFinding> {
        let home = self
            .scan
            .regions
            .first()
            .cloned()
            .unwrap_or_else(|| "us-east-1".to_owned());
        let mut out: Vec<PastFinding> = self
            .findings
            .into_iter()
            .map(|f| PastFinding {
                id: f.id,
                account: f.resource.account,
                region: if f.resource.region == parapet_snapshot::types::GLOBAL_REGION {
                    home.clone()
                } else {
                    f.resource.region
                },
                check: f.check_id,
                status: f.status,
                suppressed: f.suppression.is_some(),
                could_not_run: false,
                title: f.title,
                severity: f.severity,
                resource_type: f.resource.resource_type,
                resource_id: f.resource.id,
                first_observed_at: f.first_observed_at,
                created_at: None,
            })
            .collect();
        for failure in self.failures {
            let check = failure
                .check
                .unwrap_or_else(|| format!("plugin:{}", failure.plugin));
            out.push(PastFinding {
                id: super::asff::finding_id(&self.scan.account_id, &home, &check, "scan-error"),
                account: self.scan.account_id.clone(),
                region: home.clone(),
                check,
                status: "NOT_AVAILABLE".to_owned(),
                suppressed: false,
                could_not_run: true,
                title: format!("plugin {} could not run", failure.plugin),
                severity: "MEDIUM".to_owned(),
                resource_type: parapet_snapshot::types::ACCOUNT.to_owned(),
                resource_id: parapet_snapshot::types::account_resource_id(&self.scan.account_id),
                first_observed_at: None,
                created_at: None,
            });
        }
        out
    }
}
