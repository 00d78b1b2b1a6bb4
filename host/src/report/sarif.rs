//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! Rules are checks (with their documentation as help); results are the
//! failed and warning findings, suppressed ones carrying an external
//! suppression with its reason. Passed findings are left out, as code
//! scanning would show them as alerts. A check that could not run is a tool
//! execution notification, and makes the invocation unsuccessful. AWS
//! resources are not files: each result's location is a logical location
//! (the resource) plus a stable pseudo-path `aws/<account>/<region>/<type>/<id>`,
//! which code scanning needs to place an alert.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Value, json};

use super::entry::{Entry, standards};
use super::{CheckLookup, ScanMeta};
use crate::baseline::ChangeState;
use crate::model::{CheckInfo, Severity, Status};
use crate::scan::ScanOutcome;

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes one run over many accounts' scans: results stream out as each
/// account is scanned, the rules and notifications follow.
pub(crate) struct SarifWriter {
    results: usize,
    rules: BTreeMap<String, Value>,
    notifications: Vec<Value>,
    complete: bool,
}

impl SarifWriter {
    pub(crate) fn begin(out: &mut dyn Write) -> std::io::Result<Self> {
        write!(
            out,
            "{{\n\"$schema\": \"{SARIF_SCHEMA}\",\n\"version\": \"2.1.0\",\n\"runs\": [{{\n\"results\": ["
        )?;
        Ok(Self {
            results: 0,
            rules: BTreeMap::new(),
            notifications: Vec::new(),
            complete: true,
        })
    }

    pub(crate) fn account(
        &mut self,
        out: &mut dyn Write,
        outcome: &ScanOutcome,
        meta: &ScanMeta,
    ) -> std::io::Result<()> {
        let lookup = CheckLookup::of(outcome);
        for plugin in &outcome.plugins {
            for check in &plugin.checks {
                self.rules
                    .entry(check.id.clone())
                    .or_insert_with(|| rule(check, &plugin.id));
            }
        }
        for entry in super::entry::entries(outcome, meta, &lookup) {
            match entry.finding.status {
                Status::Failed | Status::Warning => {
                    out.write_all(if self.results == 0 { b"\n" } else { b",\n" })?;
                    serde_json::to_writer(&mut *out, &result(&entry, meta))?;
                    self.results += 1;
                }
                Status::NotAvailable => {
                    self.complete = false;
                    self.notifications.push(json!({
                        "level": "warning",
                        "descriptor": { "id": entry.check.id },
                        "message": { "text": format!(
                            "{} in {} of account {}: {}",
                            entry.check.id, entry.region, meta.account_id, entry.finding.message
                        )},
                    }));
                }
                Status::Passed => {}
            }
        }
        for entry in super::entry::failure_entries(outcome, meta, &lookup) {
            self.complete = false;
            self.notifications.push(json!({
                "level": "error",
                "descriptor": { "id": entry.subject },
                "message": { "text": format!("account {}: {}", meta.account_id, entry.failure) },
            }));
        }
        Ok(())
    }

    pub(crate) fn end(self, out: &mut dyn Write) -> std::io::Result<()> {
        let rules: Vec<&Value> = self.rules.values().collect();
        let tool = json!({
            "driver": {
                "name": "parapet",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/parapet",
                "rules": rules,
            }
        });
        let invocations = json!([{
            "executionSuccessful": self.complete,
            "toolExecutionNotifications": self.notifications,
        }]);
        out.write_all(b"\n],\n\"tool\": ")?;
        serde_json::to_writer_pretty(&mut *out, &tool)?;
        out.write_all(b",\n\"invocations\": ")?;
        serde_json::to_writer_pretty(&mut *out, &invocations)?;
        out.write_all(b",\n\"columnKind\": \"unicodeCodePoints\"\n}]\n}\n")
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Informational => "note",
    }
}

/// GitHub's `security-severity`: a CVSS-like score it buckets into
/// critical (≥ 9), high (≥ 7), medium (≥ 4) and low.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Informational => "0.0",
    }
}

fn rule(check: &CheckInfo, plugin: &str) -> Value {
    let mut tags = vec!["security".to_owned(), format!("plugin:{plugin}")];
    tags.extend(standards(check));
    tags.extend(
        check
            .well_architected
            .iter()
            .map(|(pillar, _)| format!("well-architected:{}", pillar.name())),
    );
    let mut help = format!(
        "{}\n\nRemediation: {}",
        check.description, check.remediation_text
    );
    if !check.compliance.is_empty() {
        help.push_str(&format!(
            "\n\nRequirements: {}",
            check.compliance.join(", ")
        ));
    }
    let mut rule = json!({
        "id": check.id,
        "name": pascal_case(&check.id),
        "shortDescription": { "text": check.title },
        "fullDescription": { "text": if check.description.is_empty() { &check.title } else { &check.description } },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(check.severity) },
        "properties": {
            "tags": tags,
            "precision": "high",
            "security-severity": security_severity(check.severity),
            "problem.severity": match check.severity {
                Severity::Critical | Severity::High => "error",
                Severity::Medium => "warning",
                _ => "recommendation",
            },
        },
    });
    if let Some(url) = &check.remediation_url {
        rule["helpUri"] = json!(url);
    }
    rule
}

/// `vpc-sg-open` → `VpcSgOpen`: SARIF rule names are identifier-like.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn result(entry: &Entry<'_>, meta: &ScanMeta) -> Value {
    let finding = entry.finding;
    let resource = &finding.resource;
    let level = if finding.status == Status::Warning {
        "warning"
    } else {
        level(entry.severity)
    };
    let qualified = format!(
        "{}/{}/{}/{}",
        resource.account, entry.region, resource.resource_type, resource.id
    );
    let mut result = json!({
        "ruleId": entry.check.id,
        "level": level,
        "kind": "fail",
        "message": { "text": finding.message },
        "locations": [{
            "physicalLocation": { "artifactLocation": { "uri": pseudo_path(resource, &entry.region) } },
            "logicalLocations": [{
                "name": resource.id,
                "fullyQualifiedName": qualified,
                "kind": "resource",
            }],
        }],
        "partialFingerprints": { "parapetFindingId/v1": entry.id },
        "properties": {
            "account": resource.account,
            "region": entry.region,
            "partition": meta.partition,
            "resourceType": resource.resource_type,
            "status": finding.status.label(),
            "severity": entry.severity.label(),
        },
    });
    if let Some(suppression) = &finding.suppression {
        result["suppressions"] = json!([{
            "kind": "external",
            "status": "accepted",
            "justification": format!("{} (until {})", suppression.reason, suppression.expires),
        }]);
    }
    if let Some(change) = &finding.change {
        result["baselineState"] = json!(match change.state {
            ChangeState::New => "new",
            ChangeState::Unchanged => "unchanged",
            ChangeState::Resolved => "absent",
        });
    }
    result
}

/// `aws/<account>/<region>/<AWS::EC2::SecurityGroup>/<id>`, percent-encoded
/// to a valid relative URI whatever the id holds (ARNs have `:` and `/`).
fn pseudo_path(resource: &crate::model::ResourceRef, region: &str) -> String {
    let mut path = String::from("aws");
    for segment in [
        resource.account.as_str(),
        region,
        resource.resource_type.as_str(),
        resource.id.as_str(),
    ] {
        path.push('/');
        for byte in segment.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                path.push(char::from(byte));
            } else {
                path.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_paths_are_relative_uris_whatever_the_id() {
        let resource = crate::model::ResourceRef {
            resource_type: "AWS::IAM::Role".to_owned(),
            id: "arn:aws:iam::123456789012:role/a b".to_owned(),
            region: "global".to_owned(),
            account: "123456789012".to_owned(),
        };
        assert_eq!(
            pseudo_path(&resource, "us-east-1"),
            "aws/123456789012/us-east-1/AWS%3A%3AIAM%3A%3ARole/arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fa%20b"
        );
        assert_eq!(pascal_case("iam-root-mfa_2"), "IamRootMfa2");
    }
}
