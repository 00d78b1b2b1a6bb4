//! What the host knows about plugins, checks and findings, independent of
//! the WIT bindings (converted and validated in `runtime::validate`).

use serde::{Deserialize, Serialize};

/// Severity of a failed check, as Security Hub labels it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all(serialize = "SCREAMING_SNAKE_CASE", deserialize = "lowercase"))]
pub enum Severity {
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    /// Security Hub's label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Informational => "INFORMATIONAL",
            Self::Low => "LOW",
            Self::Medium => "MEDIUM",
            Self::High => "HIGH",
            Self::Critical => "CRITICAL",
        }
    }

    /// Security Hub's normalized score for the label (the lowest of its range).
    #[must_use]
    pub fn normalized(self) -> u8 {
        match self {
            Self::Informational => 0,
            Self::Low => 1,
            Self::Medium => 40,
            Self::High => 70,
            Self::Critical => 90,
        }
    }
}

/// A check's verdict on one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Passed,
    Failed,
    Warning,
    NotAvailable,
}

impl Status {
    /// The value of ASFF `Compliance.Status`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Passed => "PASSED",
            Self::Failed => "FAILED",
            Self::Warning => "WARNING",
            Self::NotAvailable => "NOT_AVAILABLE",
        }
    }
}

/// A Well-Architected pillar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pillar {
    OperationalExcellence,
    Security,
    Reliability,
    PerformanceEfficiency,
    CostOptimization,
    Sustainability,
}

impl Pillar {
    /// The pillar's name as AWS writes it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::OperationalExcellence => "Operational Excellence",
            Self::Security => "Security",
            Self::Reliability => "Reliability",
            Self::PerformanceEfficiency => "Performance Efficiency",
            Self::CostOptimization => "Cost Optimization",
            Self::Sustainability => "Sustainability",
        }
    }
}

/// A check, as its plugin described it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckInfo {
    pub id: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub finding_types: Vec<String>,
    pub resource_types: Vec<String>,
    pub compliance: Vec<String>,
    pub well_architected: Vec<(Pillar, String)>,
    pub remediation_text: String,
    pub remediation_url: Option<String>,
}

/// A plugin, as it described itself, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PluginInfo {
    pub id: String,
    pub name: String,
    pub version: String,
    pub description: String,
    /// `builtin:<crate>` or the file path.
    pub source: String,
    pub checks: Vec<CheckInfo>,
    /// The interfaces the component imports (WASI and `parapet:plugin/host`).
    pub imports: Vec<String>,
}

/// The resource a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ResourceRef {
    pub resource_type: String,
    pub id: String,
    pub region: String,
    pub account: String,
}

/// A validated finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub check_id: String,
    pub resource: ResourceRef,
    pub status: Status,
    pub severity: Option<Severity>,
    pub message: String,
    /// JSON text, checked to parse.
    pub evidence: Option<String>,
    /// The accepted-risk rule that matched, if any (set after the scan).
    #[serde(skip)]
    pub suppression: Option<std::sync::Arc<crate::suppress::Suppression>>,
    /// How the finding compares with a baseline report (set after the scan).
    #[serde(skip)]
    pub change: Option<crate::baseline::Change>,
}

/// Why a check, or a whole plugin, could not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureKind {
    /// The component could not be compiled, linked or instantiated.
    Load,
    /// The plugin's metadata does not hold together.
    Metadata,
    /// The plugin used up its time.
    Timeout,
    /// The plugin went over its memory cap.
    Memory,
    /// The plugin trapped (a Rust panic is a trap).
    Trap,
    /// The plugin returned its own error.
    PluginError,
    /// The plugin returned findings that break the contract.
    Malformed,
}

/// A check (or plugin) that could not run, and why. Never counted as passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub plugin: String,
    /// `None` when the whole plugin failed before any check ran.
    pub check: Option<String>,
    pub kind: FailureKind,
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.check {
            Some(check) => write!(
                f,
                "plugin '{}', check '{check}': {}",
                self.plugin, self.message
            ),
            None => write!(f, "plugin '{}': {}", self.plugin, self.message),
        }
    }
}

/// How loud a plugin's log line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

impl LogLevel {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Trace => "trace",
            Self::Debug => "debug",
            Self::Info => "info",
            Self::Warn => "warn",
            Self::Error => "error",
        }
    }
}

/// A line a plugin logged, through the host or by writing to stdout/stderr.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogLine {
    pub level: LogLevel,
    pub message: String,
}
