//! parapet's ASFF findings to and from the SDK's `AwsSecurityFinding`.
//!
//! Only provider-owned fields cross in either direction: what Security Hub
//! returns of a finding's `Workflow`, `Note`, `UserDefinedFields` and
//! `VerificationState` belongs to the customer and is never sent back, and
//! Security Hub's own `aws/` product fields are left to Security Hub.

use std::collections::BTreeMap;

use aws_sdk_securityhub::types::{
    AwsSecurityFinding, Compliance as SdkCompliance, ComplianceStatus, FindingProviderFields,
    FindingProviderSeverity, Partition, Recommendation as SdkRecommendation, RecordState,
    Remediation as SdkRemediation, Resource as SdkResource, Severity as SdkSeverity, SeverityLabel,
};

use crate::report::asff::{
    AsffFinding, AsffSeverity, Compliance, FindingProviderFields as Provider, ProviderSeverity,
    Recommendation, Remediation, Resource,
};

/// The SDK form of a finding, for `BatchImportFindings`.
pub(crate) fn to_sdk(finding: &AsffFinding) -> AwsSecurityFinding {
    builder_of(finding).build()
}

fn builder_of(
    finding: &AsffFinding,
) -> aws_sdk_securityhub::types::builders::AwsSecurityFindingBuilder {
    let resources = finding
        .resources
        .iter()
        .map(|r| {
            SdkResource::builder()
                .r#type(&r.kind)
                .id(&r.id)
                .partition(Partition::from(r.partition.as_str()))
                .region(&r.region)
                .build()
        })
        .collect();
    let mut builder = AwsSecurityFinding::builder()
        .schema_version(&finding.schema_version)
        .id(&finding.id)
        .product_arn(&finding.product_arn)
        .product_name(&finding.product_name)
        .company_name(&finding.company_name)
        .generator_id(&finding.generator_id)
        .aws_account_id(&finding.aws_account_id)
        .region(&finding.region)
        .set_types(Some(finding.types.clone()))
        .first_observed_at(&finding.first_observed_at)
        .last_observed_at(&finding.last_observed_at)
        .created_at(&finding.created_at)
        .updated_at(&finding.updated_at)
        .severity(
            SdkSeverity::builder()
                .label(SeverityLabel::from(finding.severity.label.as_str()))
                .normalized(i32::from(finding.severity.normalized))
                .original(&finding.severity.original)
                .build(),
        )
        .title(&finding.title)
        .description(&finding.description)
        .remediation(
            SdkRemediation::builder()
                .recommendation(
                    SdkRecommendation::builder()
                        .text(&finding.remediation.recommendation.text)
                        .set_url(finding.remediation.recommendation.url.clone())
                        .build(),
                )
                .build(),
        )
        .set_resources(Some(resources))
        .compliance(
            SdkCompliance::builder()
                .status(ComplianceStatus::from(finding.compliance.status.as_str()))
                .set_related_requirements(
                    Some(finding.compliance.related_requirements.clone()).filter(|r| !r.is_empty()),
                )
                .build(),
        )
        .finding_provider_fields(
            FindingProviderFields::builder()
                .severity(
                    FindingProviderSeverity::builder()
                        .label(SeverityLabel::from(
                            finding.finding_provider_fields.severity.label.as_str(),
                        ))
                        .original(&finding.finding_provider_fields.severity.original)
                        .build(),
                )
                .set_types(Some(finding.finding_provider_fields.types.clone()))
                .build(),
        )
        .record_state(RecordState::from(finding.record_state.as_str()));
    for (key, value) in &finding.product_fields {
        builder = builder.product_fields(key, value);
    }
    builder
}

/// A finding Security Hub holds, in parapet's form: what re-importing it
/// (to archive it) sends back.
pub(crate) fn from_sdk(finding: &AwsSecurityFinding) -> AsffFinding {
    let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
    let severity = finding.severity();
    let provider_severity = finding
        .finding_provider_fields()
        .and_then(FindingProviderFields::severity);
    let recommendation = finding
        .remediation()
        .and_then(SdkRemediation::recommendation);
    let product_fields: BTreeMap<String, String> = finding
        .product_fields()
        .into_iter()
        .flatten()
        .filter(|(key, _)| !key.starts_with("aws/"))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    let label = severity
        .and_then(SdkSeverity::label)
        .map_or("INFORMATIONAL", SeverityLabel::as_str)
        .to_owned();
    AsffFinding {
        schema_version: text(finding.schema_version()),
        id: text(finding.id()),
        product_arn: text(finding.product_arn()),
        product_name: text(finding.product_name()),
        company_name: text(finding.company_name()),
        generator_id: text(finding.generator_id()),
        aws_account_id: text(finding.aws_account_id()),
        region: text(finding.region()),
        types: finding.types().to_vec(),
        first_observed_at: text(finding.first_observed_at()),
        last_observed_at: text(finding.last_observed_at()),
        created_at: text(finding.created_at()),
        updated_at: text(finding.updated_at()),
        severity: AsffSeverity {
            label: label.clone(),
            normalized: severity
                .and_then(SdkSeverity::normalized)
                .and_then(|n| u8::try_from(n).ok())
                .unwrap_or_default(),
            original: text(severity.and_then(SdkSeverity::original)),
        },
        title: text(finding.title()),
        description: text(finding.description()),
        remediation: Remediation {
            recommendation: Recommendation {
                text: text(recommendation.and_then(SdkRecommendation::text)),
                url: recommendation
                    .and_then(SdkRecommendation::url)
                    .map(str::to_owned),
            },
        },
        product_fields,
        resources: finding
            .resources()
            .iter()
            .map(|r| Resource {
                kind: text(r.r#type()),
                id: text(r.id()),
                partition: r.partition().map_or("aws", Partition::as_str).to_owned(),
                region: text(r.region()),
            })
            .collect(),
        compliance: Compliance {
            status: finding
                .compliance()
                .and_then(SdkCompliance::status)
                .map_or("NOT_AVAILABLE", ComplianceStatus::as_str)
                .to_owned(),
            related_requirements: finding
                .compliance()
                .map(|c| c.related_requirements().to_vec())
                .unwrap_or_default(),
        },
        finding_provider_fields: Provider {
            severity: ProviderSeverity {
                label: provider_severity
                    .and_then(FindingProviderSeverity::label)
                    .map_or(label, |l| l.as_str().to_owned()),
                original: text(provider_severity.and_then(FindingProviderSeverity::original)),
            },
            types: finding
                .finding_provider_fields()
                .map(|p| p.types().to_vec())
                .unwrap_or_else(|| finding.types().to_vec()),
        },
        record_state: finding
            .record_state()
            .map_or("ACTIVE", RecordState::as_str)
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::asff::tests_support::finding_with_description;

    #[test]
    fn a_finding_survives_the_round_trip_through_the_sdk_types() {
        let mut finding = finding_with_description("round", 20);
        finding.compliance.related_requirements = vec!["CIS-AWS-3.0/5.2".to_owned()];
        finding.remediation.recommendation.url = Some("https://example.com/fix".to_owned());
        assert_eq!(from_sdk(&to_sdk(&finding)), finding);
    }

    #[test]
    fn customer_fields_and_security_hubs_own_fields_do_not_come_back() {
        let finding = finding_with_description("triaged", 5);
        let held = builder_of(&finding)
            .product_fields("aws/securityhub/FindingId", "arn:...")
            .workflow(
                aws_sdk_securityhub::types::Workflow::builder()
                    .status(aws_sdk_securityhub::types::WorkflowStatus::Suppressed)
                    .build(),
            )
            .build();
        let back = from_sdk(&held);
        assert_eq!(back, finding, "no aws/ field, and no workflow to send");
    }
}
