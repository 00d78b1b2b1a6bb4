//! Findings and the plugin's own errors.

use parapet_snapshot::ConfigurationItem;

/// Severity of a failure, as Security Hub labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

/// A check's verdict on one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Passed,
    Failed,
    Warning,
    /// The check could not decide for this resource.
    NotAvailable,
}

/// The resource a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResourceRef {
    /// Snapshot resource type, such as `AWS::IAM::User`.
    pub resource_type: String,
    /// ARN where there is one, otherwise the id.
    pub id: String,
    pub region: String,
    pub account: String,
}

impl<C> From<&ConfigurationItem<C>> for ResourceRef {
    fn from(item: &ConfigurationItem<C>) -> Self {
        Self {
            resource_type: item.resource_type.clone(),
            id: item.arn_or_id().to_owned(),
            region: item.aws_region.clone(),
            account: item.account_id.clone(),
        }
    }
}

/// One check's verdict on one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check_id: String,
    pub resource: ResourceRef,
    pub status: Status,
    /// Replaces the check's severity for this finding.
    pub severity: Option<Severity>,
    /// One sentence that names the resource.
    pub message: String,
    /// Supporting data, as JSON.
    pub evidence: Option<serde_json::Value>,
}

impl Finding {
    /// Attaches supporting data.
    #[must_use]
    pub fn with_evidence(mut self, evidence: serde_json::Value) -> Self {
        self.evidence = Some(evidence);
        self
    }

    /// Overrides the check's severity for this finding.
    #[must_use]
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }
}

/// Why a check could not run. The host reports it as a failure of the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PluginError {
    /// The plugin's settings are missing or malformed.
    InvalidSettings(String),
    /// A resource does not have the shape the check expects.
    InvalidResource(String),
    /// The host asked for a check this plugin does not have.
    UnknownCheck(String),
    /// Anything else.
    Internal(String),
}

impl std::fmt::Display for PluginError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::InvalidSettings(why) => write!(f, "invalid settings: {why}"),
            Self::InvalidResource(why) => write!(f, "invalid resource: {why}"),
            Self::UnknownCheck(id) => write!(f, "unknown check '{id}'"),
            Self::Internal(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for PluginError {}
