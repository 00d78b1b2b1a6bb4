//! AWS Config (per region): recorders with their status, rules with their
//! compliance.

use std::collections::HashMap;

use aws_sdk_config::Client;
use aws_sdk_config::types as t;
use serde_json::Value;

use crate::account::{Account, Scope, Unit};
use crate::error::CallError;
use crate::json::{ToJson, to_json};

const RECORDER: &str = "AWS::Config::ConfigurationRecorder";
const RULE: &str = "AWS::Config::ConfigRule";

pub(crate) fn units<'a>(account: &'a Account, region: &str) -> Vec<Unit<'a>> {
    vec![
        account.unit("config", region, &[RECORDER], recorders),
        account.unit("config", region, &[RULE], rules),
    ]
}

// AWS Config's API is JSON with camelCase names; the snapshot keeps them.
to_json! {
    t::ConfigurationRecorder {
        "arn" => arn, "name" => name, "roleARN" => role_arn,
        "recordingGroup" => recording_group, "recordingMode" => recording_mode,
    }
    t::RecordingGroup {
        "allSupported" => all_supported,
        "includeGlobalResourceTypes" => include_global_resource_types,
        "resourceTypes" => resource_types,
        "exclusionByResourceTypes" => exclusion_by_resource_types,
        "recordingStrategy" => recording_strategy,
    }
    t::ExclusionByResourceTypes { "resourceTypes" => resource_types }
    t::RecordingStrategy { "useOnly" => use_only }
    t::RecordingMode {
        "recordingFrequency" => recording_frequency,
        "recordingModeOverrides" => recording_mode_overrides,
    }
    t::RecordingModeOverride {
        "description" => description, "resourceTypes" => resource_types,
        "recordingFrequency" => recording_frequency,
    }
    t::ConfigurationRecorderStatus {
        "lastStartTime" => last_start_time, "lastStopTime" => last_stop_time,
        "recording" => recording, "lastStatus" => last_status,
        "lastErrorCode" => last_error_code, "lastErrorMessage" => last_error_message,
        "lastStatusChangeTime" => last_status_change_time,
    }
    t::ConfigRule {
        "ConfigRuleName" => config_rule_name, "ConfigRuleArn" => config_rule_arn,
        "ConfigRuleId" => config_rule_id, "Description" => description, "Scope" => scope,
        "Source" => source, "InputParameters" => input_parameters,
        "MaximumExecutionFrequency" => maximum_execution_frequency,
        "ConfigRuleState" => config_rule_state, "CreatedBy" => created_by,
    }
    t::Scope {
        "ComplianceResourceTypes" => compliance_resource_types, "TagKey" => tag_key,
        "TagValue" => tag_value, "ComplianceResourceId" => compliance_resource_id,
    }
    t::Source { "Owner" => owner, "SourceIdentifier" => source_identifier }
    t::Compliance {
        "ComplianceType" => compliance_type,
        "ComplianceContributorCount" => compliance_contributor_count,
    }
    t::ComplianceContributorCount { "CappedCount" => capped_count, "CapExceeded" => cap_exceeded }
}
to_json!(
    enum t::ResourceType, enum t::RecordingStrategyType, enum t::RecordingFrequency,
    enum t::RecorderStatus, enum t::MaximumExecutionFrequency, enum t::ConfigRuleState,
    enum t::Owner, enum t::ComplianceType,
);

async fn recorders(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let recorders = scope
        .call(
            "DescribeConfigurationRecorders",
            client.describe_configuration_recorders().send(),
        )
        .await?;
    let statuses = scope
        .call(
            "DescribeConfigurationRecorderStatus",
            client.describe_configuration_recorder_status().send(),
        )
        .await?;
    let status_of: HashMap<&str, &t::ConfigurationRecorderStatus> = statuses
        .configuration_recorders_status()
        .iter()
        .filter_map(|s| Some((s.name()?, s)))
        .collect();
    for recorder in recorders.configuration_recorders() {
        let name = recorder.name().unwrap_or("default");
        let mut configuration = recorder.to_json().unwrap_or_default();
        // One item per recorder, its status merged in, as AWS Config's own
        // configuration item for a recorder reads.
        if let (Value::Object(fields), Some(Value::Object(status))) = (
            &mut configuration,
            status_of.get(name).and_then(|s| s.to_json()),
        ) {
            fields.extend(status);
        }
        let mut item = scope.item(RECORDER, name, Some(configuration));
        item.arn = Some(recorder.arn().map(str::to_owned).unwrap_or_else(|| {
            scope
                .account
                .arn("config", &scope.region, &format!("config-recorder/{name}"))
        }));
        scope.add(item);
    }
    Ok(())
}

async fn rules(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let rules = scope
        .pages(
            "DescribeConfigRules",
            client.describe_config_rules().into_paginator().send(),
        )
        .await?;
    // Rules without their compliance are still worth keeping: record the
    // failure and go on.
    let compliance = scope
        .pages(
            "DescribeComplianceByConfigRule",
            client
                .describe_compliance_by_config_rule()
                .into_paginator()
                .send(),
        )
        .await;
    let compliance = scope.recorded(compliance).unwrap_or_default();
    let compliance_of: HashMap<&str, &t::Compliance> = compliance
        .iter()
        .flat_map(|p| p.compliance_by_config_rules())
        .filter_map(|c| Some((c.config_rule_name()?, c.compliance()?)))
        .collect();
    for rule in rules.iter().flat_map(|p| p.config_rules()) {
        let name = rule.config_rule_name().unwrap_or_default();
        let mut item = scope.item(RULE, rule.config_rule_id().unwrap_or(name), rule.to_json());
        item.resource_name = Some(name.to_owned());
        item.arn = rule.config_rule_arn().map(str::to_owned);
        if let Some(compliance) = compliance_of.get(name).and_then(|c| c.to_json()) {
            item.supplementary_configuration
                .insert("Compliance".to_owned(), compliance);
        }
        scope.add(item);
    }
    Ok(())
}
