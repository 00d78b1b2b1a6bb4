//! The AWS Security Finding Format, as a `BatchImportFindings` request body.
//!
//! Every finding carries the fields Security Hub requires and stays inside
//! its limits; anything cut to fit is named in `ProductFields`
//! (`parapet/truncated`). Ids are deterministic: the same check, resource,
//! account and region give the same `Id` in every scan, so re-importing
//! updates the finding instead of duplicating it.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{CheckLookup, ScanMeta, effective_severity};
use crate::model::{CheckInfo, Failure, Finding, PluginInfo, Severity, Status};
use crate::scan::ScanOutcome;

pub const SCHEMA_VERSION: &str = "2018-10-08";
const MAX_TITLE: usize = 256;
const MAX_DESCRIPTION: usize = 1024;
const MAX_RECOMMENDATION: usize = 512;
const MAX_PRODUCT_FIELDS: usize = 50;
const MAX_PRODUCT_FIELD_KEY: usize = 128;
const MAX_PRODUCT_FIELD_VALUE: usize = 2048;
const MAX_RELATED_REQUIREMENTS: usize = 32;
const MAX_TYPES: usize = 50;
/// Security Hub refuses findings larger than 240 KB.
pub const MAX_FINDING_BYTES: usize = 240 * 1024;

/// The request body of `BatchImportFindings`.
#[derive(Debug, Serialize)]
pub struct ImportRequest {
    #[serde(rename = "Findings")]
    pub findings: Vec<AsffFinding>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffFinding {
    pub schema_version: &'static str,
    pub id: String,
    pub product_arn: String,
    pub product_name: &'static str,
    pub company_name: &'static str,
    pub generator_id: String,
    pub aws_account_id: String,
    pub region: String,
    pub types: Vec<String>,
    pub first_observed_at: String,
    pub last_observed_at: String,
    pub created_at: String,
    pub updated_at: String,
    pub severity: AsffSeverity,
    pub title: String,
    pub description: String,
    pub remediation: Remediation,
    pub product_fields: BTreeMap<String, String>,
    pub resources: Vec<Resource>,
    pub compliance: Compliance,
    pub finding_provider_fields: FindingProviderFields,
    pub record_state: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffSeverity {
    pub label: &'static str,
    pub normalized: u8,
    pub original: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Remediation {
    pub recommendation: Recommendation,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Recommendation {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Resource {
    #[serde(rename = "Type")]
    pub kind: String,
    pub id: String,
    pub partition: String,
    pub region: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Compliance {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_requirements: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct FindingProviderFields {
    pub severity: ProviderSeverity,
    pub types: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProviderSeverity {
    pub label: &'static str,
    pub original: &'static str,
}

/// Builds the import request: one ASFF finding per finding, plus one
/// `NOT_AVAILABLE` finding per check or plugin that could not run.
#[must_use]
pub fn import_request(outcome: &ScanOutcome, meta: &ScanMeta) -> ImportRequest {
    let lookup = CheckLookup::of(outcome);
    ImportRequest {
        findings: asff_findings(outcome, meta, &lookup).collect(),
    }
}

/// Writes the import request to `out` one finding at a time, so a scan with
/// hundreds of thousands of findings never holds them all as ASFF at once.
pub fn write_import_request(
    outcome: &ScanOutcome,
    meta: &ScanMeta,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let lookup = CheckLookup::of(outcome);
    out.write_all(b"{\n\"Findings\": [")?;
    for (n, finding) in asff_findings(outcome, meta, &lookup).enumerate() {
        out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer_pretty(&mut *out, &finding)?;
    }
    out.write_all(b"\n]\n}\n")
}

/// The ASFF findings of a scan, built on demand.
fn asff_findings<'a>(
    outcome: &'a ScanOutcome,
    meta: &'a ScanMeta,
    lookup: &'a CheckLookup<'a>,
) -> impl Iterator<Item = AsffFinding> + 'a {
    let findings = outcome
        .findings
        .iter()
        .filter_map(move |(plugin_id, finding)| {
            lookup
                .get(plugin_id, &finding.check_id)
                .map(|(plugin, check)| from_finding(finding, plugin, check, meta))
        });
    let failures = outcome.failures.iter().map(move |failure| {
        let known = failure
            .check
            .as_deref()
            .and_then(|check_id| lookup.get(&failure.plugin, check_id));
        from_failure(failure, known, meta)
    });
    findings.chain(failures)
}

fn from_finding(
    finding: &Finding,
    plugin: &PluginInfo,
    check: &CheckInfo,
    meta: &ScanMeta,
) -> AsffFinding {
    let severity = effective_severity(finding, check);
    let region = asff_region(&finding.resource.region, meta);
    let mut fields = Fields::default();
    let mut product_fields = provider_fields(plugin, &check.id);
    product_fields.insert(
        "parapet/resource_type".to_owned(),
        finding.resource.resource_type.clone(),
    );
    if let Some(evidence) = &finding.evidence {
        product_fields.insert("parapet/evidence".to_owned(), evidence.clone());
    }
    let id = finding_id(
        &finding.resource.account,
        &finding.resource.region,
        &check.id,
        &format!(
            "{}\n{}",
            finding.resource.resource_type, finding.resource.id
        ),
    );
    let mut asff = AsffFinding {
        schema_version: SCHEMA_VERSION,
        product_arn: product_arn(&meta.partition, &region, &finding.resource.account),
        product_name: "parapet",
        company_name: "parapet",
        generator_id: format!("parapet/{}/{}", plugin.id, check.id),
        aws_account_id: finding.resource.account.clone(),
        region: region.clone(),
        types: types(check, &mut fields),
        first_observed_at: timestamp(meta.scanned_at),
        last_observed_at: timestamp(meta.scanned_at),
        created_at: timestamp(meta.scanned_at),
        updated_at: timestamp(meta.scanned_at),
        severity: asff_severity(finding.status, severity),
        title: fields.cut("Title", &check.title, MAX_TITLE),
        description: fields.cut("Description", &finding.message, MAX_DESCRIPTION),
        remediation: remediation(check, &mut fields),
        product_fields: BTreeMap::new(),
        resources: vec![Resource {
            kind: asff_resource_type(&finding.resource.resource_type).to_owned(),
            id: finding.resource.id.clone(),
            partition: meta.partition.clone(),
            region,
        }],
        compliance: Compliance {
            status: finding.status.label(),
            related_requirements: related_requirements(check, &mut fields),
        },
        finding_provider_fields: FindingProviderFields {
            severity: ProviderSeverity {
                label: asff_severity(finding.status, severity).label,
                original: severity.label(),
            },
            types: Vec::new(),
        },
        record_state: "ACTIVE",
        id,
    };
    asff.finding_provider_fields.types.clone_from(&asff.types);
    finish(asff, product_fields, fields)
}

fn from_failure(
    failure: &Failure,
    known: Option<(&PluginInfo, &CheckInfo)>,
    meta: &ScanMeta,
) -> AsffFinding {
    let region = meta.home_region().to_owned();
    let mut fields = Fields::default();
    let (title, generator, subject, mut product_fields, requirements) = match known {
        Some((plugin, check)) => (
            format!("{} (could not run)", check.title),
            format!("parapet/{}/{}", plugin.id, check.id),
            check.id.clone(),
            provider_fields(plugin, &check.id),
            related_requirements(check, &mut fields),
        ),
        None => (
            format!("parapet plugin {} could not run", failure.plugin),
            "parapet/plugin-failure".to_owned(),
            format!("plugin:{}", failure.plugin),
            BTreeMap::from([
                ("ProviderName".to_owned(), "parapet".to_owned()),
                (
                    "ProviderVersion".to_owned(),
                    env!("CARGO_PKG_VERSION").to_owned(),
                ),
                ("parapet/plugin_id".to_owned(), failure.plugin.clone()),
            ]),
            Vec::new(),
        ),
    };
    product_fields.insert(
        "parapet/failure".to_owned(),
        format!("{:?}", failure.kind).to_lowercase(),
    );
    let types = vec!["Software and Configuration Checks".to_owned()];
    let asff = AsffFinding {
        schema_version: SCHEMA_VERSION,
        id: finding_id(&meta.account_id, &region, &subject, "scan-error"),
        product_arn: product_arn(&meta.partition, &region, &meta.account_id),
        product_name: "parapet",
        company_name: "parapet",
        generator_id: generator,
        aws_account_id: meta.account_id.clone(),
        region: region.clone(),
        types: types.clone(),
        first_observed_at: timestamp(meta.scanned_at),
        last_observed_at: timestamp(meta.scanned_at),
        created_at: timestamp(meta.scanned_at),
        updated_at: timestamp(meta.scanned_at),
        severity: asff_severity(Status::NotAvailable, Severity::Medium),
        title: fields.cut("Title", &title, MAX_TITLE),
        description: fields.cut("Description", &failure.to_string(), MAX_DESCRIPTION),
        remediation: Remediation {
            recommendation: Recommendation {
                text: "Fix or update the plugin, then scan again; until then this check's result is unknown.".to_owned(),
                url: None,
            },
        },
        product_fields: BTreeMap::new(),
        resources: vec![Resource {
            kind: "AwsAccount".to_owned(),
            id: parapet_snapshot::types::account_resource_id(&meta.account_id),
            partition: meta.partition.clone(),
            region,
        }],
        compliance: Compliance {
            status: Status::NotAvailable.label(),
            related_requirements: requirements,
        },
        finding_provider_fields: FindingProviderFields {
            severity: ProviderSeverity {
                label: Severity::Medium.label(),
                original: Severity::Medium.label(),
            },
            types,
        },
        record_state: "ACTIVE",
    };
    finish(asff, product_fields, fields)
}

/// Applies the product-field limits, records truncations and keeps the
/// finding under Security Hub's size limit.
fn finish(
    mut asff: AsffFinding,
    product_fields: BTreeMap<String, String>,
    mut fields: Fields,
) -> AsffFinding {
    let mut kept = BTreeMap::new();
    for (key, value) in product_fields {
        // One slot stays free for the truncation marker.
        if kept.len() >= MAX_PRODUCT_FIELDS - 1 {
            fields.truncated.push("ProductFields".to_owned());
            break;
        }
        let key: String = key.chars().take(MAX_PRODUCT_FIELD_KEY).collect();
        let value = fields.cut(
            &format!("ProductFields.{key}"),
            &value,
            MAX_PRODUCT_FIELD_VALUE,
        );
        kept.insert(key, value);
    }
    asff.product_fields = kept;
    if serialized_len(&asff) > MAX_FINDING_BYTES {
        asff.product_fields.remove("parapet/evidence");
        fields
            .truncated
            .push("ProductFields.parapet/evidence".to_owned());
    }
    if !fields.truncated.is_empty() {
        fields.truncated.dedup();
        asff.product_fields
            .insert("parapet/truncated".to_owned(), fields.truncated.join(","));
    }
    asff
}

fn serialized_len(asff: &AsffFinding) -> usize {
    serde_json::to_vec(asff).map_or(usize::MAX, |bytes| bytes.len())
}

/// Truncation bookkeeping for one finding.
#[derive(Default)]
struct Fields {
    truncated: Vec<String>,
}

impl Fields {
    fn cut(&mut self, field: &str, text: &str, max_chars: usize) -> String {
        if text.chars().count() <= max_chars {
            return text.to_owned();
        }
        self.truncated.push(field.to_owned());
        let mut cut: String = text.chars().take(max_chars - 1).collect();
        cut.push('…');
        cut
    }
}

fn types(check: &CheckInfo, fields: &mut Fields) -> Vec<String> {
    if check.finding_types.is_empty() {
        return vec!["Software and Configuration Checks".to_owned()];
    }
    if check.finding_types.len() > MAX_TYPES {
        fields.truncated.push("Types".to_owned());
    }
    check
        .finding_types
        .iter()
        .take(MAX_TYPES)
        .cloned()
        .collect()
}

fn related_requirements(check: &CheckInfo, fields: &mut Fields) -> Vec<String> {
    if check.compliance.len() > MAX_RELATED_REQUIREMENTS {
        fields
            .truncated
            .push("Compliance.RelatedRequirements".to_owned());
    }
    check
        .compliance
        .iter()
        .take(MAX_RELATED_REQUIREMENTS)
        .cloned()
        .collect()
}

fn remediation(check: &CheckInfo, fields: &mut Fields) -> Remediation {
    let text = if check.remediation_text.is_empty() {
        format!("See the documentation of check {}.", check.id)
    } else {
        check.remediation_text.clone()
    };
    Remediation {
        recommendation: Recommendation {
            text: fields.cut("Remediation.Recommendation.Text", &text, MAX_RECOMMENDATION),
            url: check.remediation_url.clone(),
        },
    }
}

fn provider_fields(plugin: &PluginInfo, check_id: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("ProviderName".to_owned(), "parapet".to_owned()),
        (
            "ProviderVersion".to_owned(),
            env!("CARGO_PKG_VERSION").to_owned(),
        ),
        ("parapet/plugin_id".to_owned(), plugin.id.clone()),
        ("parapet/plugin_version".to_owned(), plugin.version.clone()),
        ("parapet/check_id".to_owned(), check_id.to_owned()),
    ])
}

/// Security Hub shows passed controls as informational, as its own controls do.
fn asff_severity(status: Status, severity: Severity) -> AsffSeverity {
    let label = if status == Status::Passed {
        Severity::Informational
    } else {
        severity
    };
    AsffSeverity {
        label: label.label(),
        normalized: label.normalized(),
        original: severity.label(),
    }
}

/// Deterministic: no timestamps, and the resource hashed so ARNs of any
/// length fit Security Hub's 512-character id.
#[must_use]
pub fn finding_id(account: &str, region: &str, check_id: &str, subject: &str) -> String {
    let digest = Sha256::digest(subject.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("parapet/{account}/{region}/{check_id}/{hex}")
}

fn product_arn(partition: &str, region: &str, account: &str) -> String {
    format!("arn:{partition}:securityhub:{region}:{account}:product/{account}/default")
}

fn asff_region(region: &str, meta: &ScanMeta) -> String {
    if region == parapet_snapshot::types::GLOBAL_REGION {
        meta.home_region().to_owned()
    } else {
        region.to_owned()
    }
}

fn timestamp(at: jiff::Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The ASFF resource type of a snapshot resource type; `Other` when ASFF has none.
#[must_use]
pub fn asff_resource_type(resource_type: &str) -> &'static str {
    match resource_type {
        "AWS::::Account" => "AwsAccount",
        "AWS::IAM::User" => "AwsIamUser",
        "AWS::IAM::Role" => "AwsIamRole",
        "AWS::IAM::Group" => "AwsIamGroup",
        "AWS::IAM::Policy" => "AwsIamPolicy",
        "AWS::IAM::AccessKey" => "AwsIamAccessKey",
        "AWS::EC2::SecurityGroup" => "AwsEc2SecurityGroup",
        "AWS::EC2::Instance" => "AwsEc2Instance",
        "AWS::EC2::Volume" => "AwsEc2Volume",
        "AWS::EC2::VPC" => "AwsEc2Vpc",
        "AWS::EC2::Subnet" => "AwsEc2Subnet",
        "AWS::EC2::NetworkAcl" => "AwsEc2NetworkAcl",
        "AWS::EC2::EIP" => "AwsEc2Eip",
        "AWS::EC2::NatGateway" => "AwsEc2NatGateway",
        "AWS::EC2::TransitGateway" => "AwsEc2TransitGateway",
        "AWS::EC2::LaunchTemplate" => "AwsEc2LaunchTemplate",
        "AWS::EC2::RouteTable" => "AwsEc2RouteTable",
        "AWS::EC2::NetworkInterface" => "AwsEc2NetworkInterface",
        "AWS::S3::Bucket" => "AwsS3Bucket",
        "AWS::S3::AccountPublicAccessBlock" => "AwsS3AccountPublicAccessBlock",
        "AWS::KMS::Key" => "AwsKmsKey",
        "AWS::CloudTrail::Trail" => "AwsCloudTrailTrail",
        "AWS::SecretsManager::Secret" => "AwsSecretsManagerSecret",
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => "AwsElbv2LoadBalancer",
        "AWS::ElasticLoadBalancing::LoadBalancer" => "AwsElbLoadBalancer",
        "AWS::WAFv2::WebACL" => "AwsWafv2WebAcl",
        "AWS::RDS::DBInstance" => "AwsRdsDbInstance",
        "AWS::Lambda::Function" => "AwsLambdaFunction",
        "AWS::CloudFront::Distribution" => "AwsCloudFrontDistribution",
        "AWS::GuardDuty::Detector" => "AwsGuardDutyDetector",
        "AWS::SNS::Topic" => "AwsSnsTopic",
        _ => "Other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_depend_on_check_resource_account_and_region_only() {
        let a = finding_id(
            "123456789012",
            "eu-west-1",
            "vpc-sg-open",
            "AWS::EC2::SecurityGroup\nsg-1",
        );
        assert_eq!(
            a,
            finding_id(
                "123456789012",
                "eu-west-1",
                "vpc-sg-open",
                "AWS::EC2::SecurityGroup\nsg-1"
            )
        );
        assert_ne!(
            a,
            finding_id(
                "123456789012",
                "eu-west-2",
                "vpc-sg-open",
                "AWS::EC2::SecurityGroup\nsg-1"
            )
        );
        assert_ne!(
            a,
            finding_id(
                "123456789012",
                "eu-west-1",
                "vpc-sg-open",
                "AWS::EC2::SecurityGroup\nsg-2"
            )
        );
        assert!(a.len() <= 512);
    }

    #[test]
    fn cutting_marks_the_field_and_respects_the_limit() {
        let mut fields = Fields::default();
        let cut = fields.cut("Title", &"é".repeat(300), MAX_TITLE);
        assert_eq!(cut.chars().count(), MAX_TITLE);
        assert!(cut.ends_with('…'));
        assert_eq!(fields.truncated, ["Title"]);
        assert_eq!(fields.cut("Description", "short", MAX_DESCRIPTION), "short");
        assert_eq!(fields.truncated, ["Title"]);
    }

    fn outcome_with(finding: Finding, title: &str) -> ScanOutcome {
        let check = CheckInfo {
            id: "big-check".to_owned(),
            title: title.to_owned(),
            description: String::new(),
            severity: Severity::High,
            finding_types: vec!["Software and Configuration Checks".to_owned()],
            resource_types: vec!["AWS::EC2::Volume".to_owned()],
            compliance: (0..40).map(|n| format!("X/{n}")).collect(),
            well_architected: Vec::new(),
            remediation_text: "r".repeat(600),
            remediation_url: None,
        };
        ScanOutcome {
            plugins: vec![PluginInfo {
                id: "big".to_owned(),
                name: "Big".to_owned(),
                version: "1.0.0".to_owned(),
                description: String::new(),
                source: "test".to_owned(),
                checks: vec![check],
                imports: Vec::new(),
            }],
            findings: vec![("big".to_owned(), finding)],
            ..ScanOutcome::default()
        }
    }

    fn meta() -> ScanMeta {
        ScanMeta {
            account_id: "123456789012".to_owned(),
            partition: "aws".to_owned(),
            regions: vec!["eu-west-1".to_owned()],
            collected_at: jiff::Timestamp::UNIX_EPOCH,
            scanned_at: jiff::Timestamp::UNIX_EPOCH,
            snapshot: "test".to_owned(),
        }
    }

    #[test]
    fn oversized_fields_are_cut_to_security_hub_limits_and_marked() {
        let finding = Finding {
            check_id: "big-check".to_owned(),
            resource: crate::model::ResourceRef {
                resource_type: "AWS::EC2::Volume".to_owned(),
                id: "vol-1".to_owned(),
                region: "eu-west-1".to_owned(),
                account: "123456789012".to_owned(),
            },
            status: Status::Failed,
            severity: None,
            message: "m".repeat(5000),
            evidence: Some(format!("\"{}\"", "e".repeat(300 * 1024))),
        };
        let request = import_request(&outcome_with(finding, &"t".repeat(400)), &meta());
        let asff = &request.findings[0];
        assert_eq!(asff.title.chars().count(), MAX_TITLE);
        assert_eq!(asff.description.chars().count(), MAX_DESCRIPTION);
        assert_eq!(
            asff.compliance.related_requirements.len(),
            MAX_RELATED_REQUIREMENTS
        );
        assert_eq!(
            asff.remediation.recommendation.text.chars().count(),
            MAX_RECOMMENDATION
        );
        assert_eq!(
            asff.product_fields["parapet/evidence"].chars().count(),
            MAX_PRODUCT_FIELD_VALUE
        );
        let marked = &asff.product_fields["parapet/truncated"];
        for field in [
            "Title",
            "Description",
            "Compliance.RelatedRequirements",
            "Remediation.Recommendation.Text",
            "ProductFields.parapet/evidence",
        ] {
            assert!(marked.contains(field), "{marked} lacks {field}");
        }
        assert!(serialized_len(asff) <= MAX_FINDING_BYTES);
    }

    #[test]
    fn timestamps_have_milliseconds_and_zulu() {
        let at: jiff::Timestamp = "2026-12-01T10:00:00.123456Z".parse().unwrap();
        assert_eq!(timestamp(at), "2026-12-01T10:00:00.123Z");
    }
}
