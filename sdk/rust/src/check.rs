//! The author-facing trait and the metadata every check declares.

use crate::{Context, Finding, PluginError, Severity};

/// One check: what it is ([`Check::metadata`]) and how it decides ([`Check::evaluate`]).
pub trait Check: Sync {
    /// Describes the check. Called once, when the host loads the plugin.
    fn metadata(&self) -> CheckMetadata;

    /// Returns one finding per resource the check inspected. Return
    /// [`PluginError`] when the check cannot decide at all; the host then
    /// reports the check as not run, never as passed.
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError>;
}

/// A plugin: its identity and its checks. Built by [`crate::plugin!`].
pub struct Plugin {
    pub id: &'static str,
    pub name: &'static str,
    pub version: &'static str,
    pub description: &'static str,
    pub checks: &'static [&'static dyn Check],
}

impl Plugin {
    /// The check with this id.
    #[must_use]
    pub fn check(&self, id: &str) -> Option<&'static dyn Check> {
        self.checks
            .iter()
            .copied()
            .find(|check| check.metadata().id == id)
    }
}

/// A Well-Architected Framework pillar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pillar {
    OperationalExcellence,
    Security,
    Reliability,
    PerformanceEfficiency,
    CostOptimization,
    Sustainability,
}

/// How to fix a failure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remediation {
    pub text: String,
    pub url: Option<String>,
}

/// What the host and the report need to know about a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckMetadata {
    pub id: String,
    pub title: String,
    /// The user documentation (Markdown): what it checks, why it matters, how to fix.
    pub description: String,
    pub severity: Severity,
    /// ASFF types, `namespace/category/classifier`.
    pub finding_types: Vec<String>,
    pub resource_types: Vec<String>,
    /// `framework/requirement`, such as `CIS-AWS-3.0/1.5`.
    pub compliance: Vec<String>,
    pub well_architected: Vec<(Pillar, String)>,
    pub remediation: Remediation,
}

impl CheckMetadata {
    /// Starts the metadata of check `id`; chain the other fields.
    #[must_use]
    pub fn new(id: &str, title: &str, severity: Severity) -> Self {
        Self {
            id: id.to_owned(),
            title: title.to_owned(),
            description: String::new(),
            severity,
            finding_types: Vec::new(),
            resource_types: Vec::new(),
            compliance: Vec::new(),
            well_architected: Vec::new(),
            remediation: Remediation::default(),
        }
    }

    /// The user documentation, in Markdown.
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = text.into();
        self
    }

    /// An ASFF finding type, `namespace/category/classifier`.
    #[must_use]
    pub fn finding_type(mut self, finding_type: &str) -> Self {
        self.finding_types.push(finding_type.to_owned());
        self
    }

    /// A snapshot resource type the check reads.
    #[must_use]
    pub fn resource_type(mut self, resource_type: &str) -> Self {
        self.resource_types.push(resource_type.to_owned());
        self
    }

    /// Compliance requirements, `framework/requirement`.
    #[must_use]
    pub fn compliance<'a>(mut self, requirements: impl IntoIterator<Item = &'a str>) -> Self {
        self.compliance
            .extend(requirements.into_iter().map(str::to_owned));
        self
    }

    /// A Well-Architected best practice, such as `SEC02-BP01`.
    #[must_use]
    pub fn well_architected(mut self, pillar: Pillar, best_practice: &str) -> Self {
        self.well_architected
            .push((pillar, best_practice.to_owned()));
        self
    }

    /// How to fix a failure, with a link to AWS documentation.
    #[must_use]
    pub fn remediation(mut self, text: &str, url: Option<&str>) -> Self {
        self.remediation = Remediation {
            text: text.to_owned(),
            url: url.map(str::to_owned),
        };
        self
    }
}

/// The module documentation (`//!` lines) at the top of a Rust source file,
/// as Markdown: `module_doc(include_str!("this_check.rs"))` makes a check
/// file's doc comment its user documentation.
#[must_use]
pub fn module_doc(source: &str) -> String {
    let mut doc = String::new();
    for line in source.lines() {
        let Some(text) = line.trim_start().strip_prefix("//!") else {
            break;
        };
        doc.push_str(text.strip_prefix(' ').unwrap_or(text));
        doc.push('\n');
    }
    doc.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::module_doc;

    #[test]
    fn module_doc_takes_the_leading_doc_comment_only() {
        let source = "//! # Title\n//!\n//! Body text.\nuse x;\n//! not this\n";
        assert_eq!(module_doc(source), "# Title\n\nBody text.");
    }
}
