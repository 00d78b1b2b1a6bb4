//! The AWS Security Finding Format, as a `BatchImportFindings` request body.
//!
//! Every finding carries the fields Security Hub requires and stays inside
//! its limits; anything cut to fit is named in `ProductFields`
//! (`parapet/truncated`). Ids are deterministic: the same check, resource,
//! account and region give the same `Id` in every scan, so re-importing
//! updates the finding instead of duplicating it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::entry::{Entry, FailureEntry};
use super::{CheckLookup, ScanMeta};
use crate::model::{CheckInfo, Finding, PluginInfo, Severity, Status};
use crate::scan::ScanOutcome;

pub const SCHEMA_VERSION: &str = "2018-10-08";
/// `ProductName` and `CompanyName` of every parapet finding.
pub const PRODUCT_NAME: &str = "parapet";
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
#[derive(Debug, Serialize, Deserialize)]
pub struct ImportRequest {
    #[serde(rename = "Findings")]
    pub findings: Vec<AsffFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffFinding {
    pub schema_version: String,
    pub id: String,
    pub product_arn: String,
    pub product_name: String,
    pub company_name: String,
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
    #[serde(default)]
    pub product_fields: BTreeMap<String, String>,
    pub resources: Vec<Resource>,
    pub compliance: Compliance,
    pub finding_provider_fields: FindingProviderFields,
    pub record_state: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffSeverity {
    pub label: String,
    pub normalized: u8,
    pub original: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Remediation {
    pub recommendation: Recommendation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Recommendation {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Resource {
    #[serde(rename = "Type")]
    pub kind: String,
    pub id: String,
    pub partition: String,
    pub region: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Compliance {
    pub status: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_requirements: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FindingProviderFields {
    pub severity: ProviderSeverity,
    pub types: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProviderSeverity {
    pub label: String,
    pub original: String,
}

/// Builds the import request: one ASFF finding per finding, plus one
/// `NOT_AVAILABLE` finding per check or plugin that could not run.
#[must_use]
pub fn import_request(outcome: &ScanOutcome, meta: &ScanMeta) -> ImportRequest {
    ImportRequest {
        findings: findings(outcome, meta),
    }
}

/// The ASFF findings of one account's scan.
#[must_use]
pub fn findings(outcome: &ScanOutcome, meta: &ScanMeta) -> Vec<AsffFinding> {
    let lookup = CheckLookup::of(outcome);
    asff_findings(outcome, meta, &lookup).collect()
}

/// Writes the import request to `out` one finding at a time, so a scan with
/// hundreds of thousands of findings never holds them all as ASFF at once.
pub fn write_import_request(
    outcome: &ScanOutcome,
    meta: &ScanMeta,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut writer = AsffWriter::begin(out)?;
    writer.account(out, outcome, meta)?;
    writer.end(out)
}

/// Writes one import request over many accounts' scans.
pub(crate) struct AsffWriter {
    written: usize,
}

impl AsffWriter {
    pub(crate) fn begin(out: &mut dyn std::io::Write) -> std::io::Result<Self> {
        out.write_all(b"{\n\"Findings\": [")?;
        Ok(Self { written: 0 })
    }

    pub(crate) fn account(
        &mut self,
        out: &mut dyn std::io::Write,
        outcome: &ScanOutcome,
        meta: &ScanMeta,
    ) -> std::io::Result<()> {
        let lookup = CheckLookup::of(outcome);
        for finding in asff_findings(outcome, meta, &lookup) {
            out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer_pretty(&mut *out, &finding)?;
            self.written += 1;
        }
        Ok(())
    }

    pub(crate) fn end(self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(b"\n]\n}\n")
    }
}

/// The ASFF findings of a scan, built on demand.
fn asff_findings<'a>(
    outcome: &'a ScanOutcome,
    meta: &'a ScanMeta,
    lookup: &'a CheckLookup<'a>,
) -> impl Iterator<Item = AsffFinding> + 'a {
    let findings =
        super::entry::entries(outcome, meta, lookup).map(move |e| from_finding(&e, meta));
    let failures =
        super::entry::failure_entries(outcome, meta, lookup).map(move |e| from_failure(&e, meta));
    findings.chain(failures)
}

/// The ASFF `Id` of a finding.
#[must_use]
pub fn id_of(finding: &Finding) -> String {
    finding_id(
        &finding.resource.account,
        &finding.resource.region,
        &finding.check_id,
        &format!(
            "{}\n{}",
            finding.resource.resource_type, finding.resource.id
        ),
    )
}

fn from_finding(entry: &Entry<'_>, meta: &ScanMeta) -> AsffFinding {
    let (finding, plugin, check, severity) =
        (entry.finding, entry.plugin, entry.check, entry.severity);
    let region = entry.region.clone();
    let mut fields = Fields::default();
    let mut product_fields = provider_fields(plugin, &check.id);
    product_fields.insert(
        "parapet/resource_type".to_owned(),
        finding.resource.resource_type.clone(),
    );
    if let Some(evidence) = &finding.evidence {
        product_fields.insert("parapet/evidence".to_owned(), evidence.clone());
    }
    // Suppressed findings stay visible but stop counting: WARNING is the
    // status Security Hub has for "needs a look, not a failure".
    let status = match &finding.suppression {
        Some(suppression) => {
            for (key, value) in [
                ("parapet/suppressed", "true".to_owned()),
                ("parapet/suppression_reason", suppression.reason.clone()),
                (
                    "parapet/suppression_expires",
                    suppression.expires.to_string(),
                ),
                (
                    "parapet/suppression_rule",
                    format!("{}#{}", suppression.source, suppression.rule),
                ),
                ("parapet/original_status", finding.status.label().to_owned()),
            ] {
                product_fields.insert(key.to_owned(), value);
            }
            Status::Warning
        }
        None => finding.status,
    };
    let scanned = timestamp(meta.scanned_at);
    let (mut first_observed, mut created) = (scanned.clone(), scanned.clone());
    if let Some(change) = &finding.change {
        product_fields.insert(
            "parapet/baseline".to_owned(),
            change.state.label().to_owned(),
        );
        if let Some(at) = &change.first_observed_at {
            first_observed.clone_from(at);
        }
        if let Some(at) = &change.created_at {
            created.clone_from(at);
        }
    }
    let shown = asff_severity(status, severity);
    let types = types(check, &mut fields);
    let asff = AsffFinding {
        schema_version: SCHEMA_VERSION.to_owned(),
        product_arn: product_arn(&meta.partition, &region, &finding.resource.account),
        product_name: PRODUCT_NAME.to_owned(),
        company_name: PRODUCT_NAME.to_owned(),
        generator_id: format!("parapet/{}/{}", plugin.id, check.id),
        aws_account_id: finding.resource.account.clone(),
        region: region.clone(),
        types: types.clone(),
        first_observed_at: first_observed,
        last_observed_at: scanned.clone(),
        created_at: created,
        updated_at: scanned,
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
            status: status.label().to_owned(),
            related_requirements: related_requirements(check, &mut fields),
        },
        finding_provider_fields: FindingProviderFields {
            severity: ProviderSeverity {
                label: shown.label.clone(),
                original: severity.label().to_owned(),
            },
            types,
        },
        severity: shown,
        record_state: "ACTIVE".to_owned(),
        id: entry.id.clone(),
    };
    finish(asff, product_fields, fields)
}

fn from_failure(entry: &FailureEntry<'_>, meta: &ScanMeta) -> AsffFinding {
    let failure = entry.failure;
    let region = entry.region.clone();
    let mut fields = Fields::default();
    let (mut product_fields, requirements) = match entry.known {
        Some((plugin, check)) => (
            provider_fields(plugin, &check.id),
            related_requirements(check, &mut fields),
        ),
        None => (
            BTreeMap::from([
                ("ProviderName".to_owned(), PRODUCT_NAME.to_owned()),
                (
                    "ProviderVersion".to_owned(),
                    env!("CARGO_PKG_VERSION").to_owned(),
                ),
                ("parapet/plugin_id".to_owned(), failure.plugin.clone()),
            ]),
            Vec::new(),
        ),
    };
    let generator = match entry.known {
        Some((plugin, check)) => format!("parapet/{}/{}", plugin.id, check.id),
        None => "parapet/plugin-failure".to_owned(),
    };
    product_fields.insert(
        "parapet/failure".to_owned(),
        format!("{:?}", failure.kind).to_lowercase(),
    );
    let types = vec!["Software and Configuration Checks".to_owned()];
    let scanned = timestamp(meta.scanned_at);
    let asff = AsffFinding {
        schema_version: SCHEMA_VERSION.to_owned(),
        id: entry.id.clone(),
        product_arn: product_arn(&meta.partition, &region, &meta.account_id),
        product_name: PRODUCT_NAME.to_owned(),
        company_name: PRODUCT_NAME.to_owned(),
        generator_id: generator,
        aws_account_id: meta.account_id.clone(),
        region: region.clone(),
        types: types.clone(),
        first_observed_at: scanned.clone(),
        last_observed_at: scanned.clone(),
        created_at: scanned.clone(),
        updated_at: scanned,
        severity: asff_severity(Status::NotAvailable, Severity::Medium),
        title: fields.cut("Title", &entry.title, MAX_TITLE),
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
            status: Status::NotAvailable.label().to_owned(),
            related_requirements: requirements,
        },
        finding_provider_fields: FindingProviderFields {
            severity: ProviderSeverity {
                label: Severity::Medium.label().to_owned(),
                original: Severity::Medium.label().to_owned(),
            },
            types,
        },
        record_state: "ACTIVE".to_owned(),
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
        ("ProviderName".to_owned(), PRODUCT_NAME.to_owned()),
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
        label: label.label().to_owned(),
        normalized: label.normalized(),
        original: severity.label().to_owned(),
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

/// The ARN of Security Hub's default custom integration in an account and
/// region: the only product ARN an account may import its own findings under.
#[must_use]
pub fn product_arn(partition: &str, region: &str, account: &str) -> String {
    format!("arn:{partition}:securityhub:{region}:{account}:product/{account}/default")
}

/// The region a finding is reported in: global resources go to the home region.
pub(crate) fn asff_region(region: &str, meta: &ScanMeta) -> String {
    if region == parapet_snapshot::types::GLOBAL_REGION {
        meta.home_region().to_owned()
    } else {
        region.to_owned()
    }
}

/// ASFF timestamps: RFC 3339 in UTC with milliseconds.
#[must_use]
pub fn timestamp(at: jiff::Timestamp) -> String {
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
            suppression: None,
            change: None,
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

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// A finding with a description of `len` characters.
    pub(crate) fn finding_with_description(id: &str, len: usize) -> AsffFinding {
        let at = "2026-12-01T10:00:00.000Z".to_owned();
        AsffFinding {
            schema_version: SCHEMA_VERSION.to_owned(),
            id: id.to_owned(),
            product_arn: product_arn("aws", "eu-west-1", "123456789012"),
            product_name: PRODUCT_NAME.to_owned(),
            company_name: PRODUCT_NAME.to_owned(),
            generator_id: "parapet/vpc/vpc-sg-open".to_owned(),
            aws_account_id: "123456789012".to_owned(),
            region: "eu-west-1".to_owned(),
            types: vec!["Software and Configuration Checks".to_owned()],
            first_observed_at: at.clone(),
            last_observed_at: at.clone(),
            created_at: at.clone(),
            updated_at: at,
            severity: asff_severity(Status::Failed, Severity::High),
            title: "t".to_owned(),
            description: "d".repeat(len),
            remediation: Remediation {
                recommendation: Recommendation {
                    text: "r".to_owned(),
                    url: None,
                },
            },
            product_fields: BTreeMap::from([(
                "parapet/check_id".to_owned(),
                "vpc-sg-open".to_owned(),
            )]),
            resources: vec![Resource {
                kind: "AwsEc2SecurityGroup".to_owned(),
                id: format!("sg-{id}"),
                partition: "aws".to_owned(),
                region: "eu-west-1".to_owned(),
            }],
            compliance: Compliance {
                status: "FAILED".to_owned(),
                related_requirements: Vec::new(),
            },
            finding_provider_fields: FindingProviderFields {
                severity: ProviderSeverity {
                    label: "HIGH".to_owned(),
                    original: "HIGH".to_owned(),
                },
                types: vec!["Software and Configuration Checks".to_owned()],
            },
            record_state: "ACTIVE".to_owned(),
        }
    }
}
