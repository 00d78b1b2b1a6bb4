//! Turns what a plugin returned into the host's model, refusing anything
//! that breaks the contract: a plugin is untrusted, including its metadata.

use std::collections::HashSet;

use super::bindings::wit;
use crate::model::{CheckInfo, Finding, Pillar, PluginInfo, ResourceRef, Severity, Status};

/// ASFF finding-type namespaces (the first segment of `Types`).
const ASFF_NAMESPACES: &[&str] = &[
    "Software and Configuration Checks",
    "TTPs",
    "Effects",
    "Unusual Behaviors",
    "Sensitive Data Identifications",
];

/// Checks the plugin's metadata and converts it; the error says what is wrong.
pub(crate) fn plugin_info(meta: wit::PluginMetadata, source: &str) -> Result<PluginInfo, String> {
    if !is_identifier(&meta.id) {
        return Err(format!(
            "plugin id '{}' is not valid: use 1-64 lower-case letters, digits and dashes",
            meta.id
        ));
    }
    if !is_version(&meta.version) {
        return Err(format!(
            "plugin version '{}' is not a semantic version such as 1.2.3",
            meta.version
        ));
    }
    if meta.checks.is_empty() {
        return Err("the plugin declares no checks".to_owned());
    }
    let mut seen = HashSet::new();
    let mut checks = Vec::with_capacity(meta.checks.len());
    for check in meta.checks {
        if !seen.insert(check.id.clone()) {
            return Err(format!("check '{}' is declared twice", check.id));
        }
        checks.push(check_info(check).map_err(|why| why.to_string())?);
    }
    Ok(PluginInfo {
        id: meta.id,
        name: meta.name,
        version: meta.version,
        description: meta.description,
        source: source.to_owned(),
        checks,
        imports: Vec::new(),
    })
}

fn check_info(check: wit::CheckMetadata) -> Result<CheckInfo, String> {
    let id = &check.id;
    if !is_identifier(id) {
        return Err(format!(
            "check id '{id}' is not valid: use 1-64 lower-case letters, digits and dashes"
        ));
    }
    if check.title.trim().is_empty() {
        return Err(format!("check '{id}' has no title"));
    }
    for finding_type in &check.finding_types {
        if !is_finding_type(finding_type) {
            return Err(format!(
                "check '{id}' declares finding type '{finding_type}', which is not \
                 'namespace/category/classifier' with an ASFF namespace ({})",
                ASFF_NAMESPACES.join(", ")
            ));
        }
    }
    if check.resource_types.is_empty() {
        return Err(format!("check '{id}' declares no resource types"));
    }
    for resource_type in &check.resource_types {
        if !is_resource_type(resource_type) {
            return Err(format!(
                "check '{id}' declares resource type '{resource_type}', which is not of the form AWS::Service::Type"
            ));
        }
    }
    for requirement in &check.compliance {
        if !requirement
            .split_once('/')
            .is_some_and(|(f, r)| !f.is_empty() && !r.is_empty())
        {
            return Err(format!(
                "check '{id}' declares compliance requirement '{requirement}', which is not 'framework/requirement'"
            ));
        }
    }
    for practice in &check.well_architected {
        if !is_best_practice(&practice.best_practice) {
            return Err(format!(
                "check '{id}' declares Well-Architected best practice '{}', which is not of the form SEC02-BP01",
                practice.best_practice
            ));
        }
    }
    if let Some(url) = &check.remediation.url
        && !url.starts_with("https://")
    {
        return Err(format!(
            "check '{id}' has remediation URL '{url}', which is not https"
        ));
    }
    Ok(CheckInfo {
        id: check.id,
        title: check.title,
        description: check.description,
        severity: severity(check.severity),
        finding_types: check.finding_types,
        resource_types: check.resource_types,
        compliance: check.compliance,
        well_architected: check
            .well_architected
            .into_iter()
            .map(|p| (pillar(p.pillar), p.best_practice))
            .collect(),
        remediation_text: check.remediation.text,
        remediation_url: check.remediation.url,
    })
}

/// Checks one finding returned while evaluating `check_id`.
pub(crate) fn finding(finding: wit::Finding, check_id: &str) -> Result<Finding, String> {
    if finding.check_id != check_id {
        return Err(format!(
            "returned a finding for check '{}' while evaluating '{check_id}'",
            finding.check_id
        ));
    }
    let resource = finding.resource;
    if !is_resource_type(&resource.resource_type) {
        return Err(format!(
            "returned a finding whose resource type '{}' is not of the form AWS::Service::Type",
            resource.resource_type
        ));
    }
    if resource.id.trim().is_empty() {
        return Err("returned a finding with no resource id".to_owned());
    }
    if resource.region.trim().is_empty() {
        return Err(format!(
            "returned a finding about '{}' with no region",
            resource.id
        ));
    }
    if !is_account_id(&resource.account) {
        return Err(format!(
            "returned a finding about '{}' in account '{}', which is not a 12-digit account id",
            resource.id, resource.account
        ));
    }
    if finding.message.trim().is_empty() {
        return Err(format!(
            "returned a finding about '{}' with no message",
            resource.id
        ));
    }
    if let Some(evidence) = &finding.evidence
        && let Err(error) = serde_json::from_str::<serde_json::Value>(evidence)
    {
        return Err(format!(
            "returned evidence about '{}' that is not JSON: {error}",
            resource.id
        ));
    }
    Ok(Finding {
        check_id: finding.check_id,
        resource: ResourceRef {
            resource_type: resource.resource_type,
            id: resource.id,
            region: resource.region,
            account: resource.account,
        },
        status: match finding.status {
            wit::Status::Passed => Status::Passed,
            wit::Status::Failed => Status::Failed,
            wit::Status::Warning => Status::Warning,
            wit::Status::NotAvailable => Status::NotAvailable,
        },
        severity: finding.severity.map(severity),
        message: finding.message,
        evidence: finding.evidence,
        suppression: None,
        change: None,
    })
}

fn severity(severity: wit::Severity) -> Severity {
    match severity {
        wit::Severity::Informational => Severity::Informational,
        wit::Severity::Low => Severity::Low,
        wit::Severity::Medium => Severity::Medium,
        wit::Severity::High => Severity::High,
        wit::Severity::Critical => Severity::Critical,
    }
}

fn pillar(pillar: wit::Pillar) -> Pillar {
    match pillar {
        wit::Pillar::OperationalExcellence => Pillar::OperationalExcellence,
        wit::Pillar::Security => Pillar::Security,
        wit::Pillar::Reliability => Pillar::Reliability,
        wit::Pillar::PerformanceEfficiency => Pillar::PerformanceEfficiency,
        wit::Pillar::CostOptimization => Pillar::CostOptimization,
        wit::Pillar::Sustainability => Pillar::Sustainability,
    }
}

fn is_identifier(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_version(text: &str) -> bool {
    let core = text.split(['-', '+']).next().unwrap_or_default();
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

pub(crate) fn is_finding_type(text: &str) -> bool {
    let parts: Vec<&str> = text.split('/').collect();
    (1..=3).contains(&parts.len())
        && ASFF_NAMESPACES.contains(&parts[0])
        && parts.iter().all(|p| !p.trim().is_empty())
}

fn is_resource_type(text: &str) -> bool {
    let parts: Vec<&str> = text.split("::").collect();
    parts.len() == 3 && !parts[0].is_empty() && !parts[2].is_empty()
}

fn is_best_practice(text: &str) -> bool {
    let Some((area, number)) = text.split_once("-BP") else {
        return false;
    };
    let letters = area.trim_end_matches(|c: char| c.is_ascii_digit());
    (3..=4).contains(&letters.len())
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && area.len() == letters.len() + 2
        && number.len() == 2
        && number.chars().all(|c| c.is_ascii_digit())
}

pub(crate) fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_forms_the_contract_requires() {
        assert!(is_finding_type(
            "Software and Configuration Checks/AWS Security Best Practices/IAM"
        ));
        assert!(!is_finding_type("Not/A/Valid/Type"));
        assert!(!is_finding_type("Software and Configuration Checks//IAM"));
        assert!(is_resource_type("AWS::::Account"));
        assert!(is_resource_type("Parapet::IAM::PasswordPolicy"));
        assert!(!is_resource_type("AwsIamUser"));
        assert!(is_best_practice("SEC02-BP02") && is_best_practice("COST06-BP03"));
        assert!(!is_best_practice("SEC2-BP02") && !is_best_practice("sec02-bp02"));
        assert!(is_version("0.1.0") && is_version("1.2.3-rc.1") && !is_version("1.2"));
        assert!(is_account_id("123456789012") && !is_account_id("12345678901x"));
        assert!(is_identifier("iam-root-mfa") && !is_identifier("IAM") && !is_identifier(""));
    }
}
