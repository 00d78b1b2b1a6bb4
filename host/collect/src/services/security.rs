//! Security services: CloudTrail, GuardDuty and where its findings go,
//! Security Hub, IAM Access Analyzer, KMS, Secrets Manager, Inspector,
//! Macie, Detective, Firewall Manager, IAM Identity Center (per region);
//! S3 account-level public access block and Shield Advanced (global).

use aws_types::region::Region;
use serde_json::Value;

use crate::account::{Account, GLOBAL, Scope, Unit};
use crate::error::CallError;
use crate::json::{ToJson, object, to_json};

const TRAIL: &str = "AWS::CloudTrail::Trail";
const DETECTOR: &str = "AWS::GuardDuty::Detector";
const EVENT_RULE: &str = "AWS::Events::Rule";
const HUB: &str = "AWS::SecurityHub::Hub";
const ANALYZER: &str = "AWS::AccessAnalyzer::Analyzer";
const KMS_KEY: &str = "AWS::KMS::Key";
const SECRET: &str = "AWS::SecretsManager::Secret";
const INSPECTOR: &str = "Parapet::Inspector2::AccountStatus";
const MACIE: &str = "Parapet::Macie2::Session";
const DETECTIVE: &str = "AWS::Detective::Graph";
const FMS_ADMIN: &str = "Parapet::FMS::AdminAccount";
const SSO_INSTANCE: &str = "Parapet::SSOAdmin::Instance";
const PUBLIC_ACCESS_BLOCK: &str = "AWS::S3::AccountPublicAccessBlock";
const SHIELD_SUBSCRIPTION: &str = "Parapet::Shield::Subscription";
const SHIELD_PROTECTION: &str = "AWS::Shield::Protection";

pub(crate) fn units<'a>(account: &'a Account, region: &str) -> Vec<Unit<'a>> {
    vec![
        account.unit("cloudtrail", region, &[TRAIL], trails),
        account.unit("guardduty", region, &[DETECTOR], detectors),
        account.unit("events", region, &[EVENT_RULE], event_rules),
        account.unit("securityhub", region, &[HUB], hub),
        account.unit("access-analyzer", region, &[ANALYZER], analyzers),
        account.unit("kms", region, &[KMS_KEY], kms_keys),
        account.unit("secretsmanager", region, &[SECRET], secrets),
        account.unit("inspector2", region, &[INSPECTOR], inspector),
        account.unit("macie2", region, &[MACIE], macie),
        account.unit("detective", region, &[DETECTIVE], detective),
        account.unit("sso", region, &[SSO_INSTANCE], identity_center),
    ]
}

pub(crate) fn global_units(account: &Account) -> Vec<Unit<'_>> {
    vec![
        account.unit("s3", GLOBAL, &[PUBLIC_ACCESS_BLOCK], public_access_block),
        account.unit(
            "shield",
            GLOBAL,
            &[SHIELD_SUBSCRIPTION, SHIELD_PROTECTION],
            shield,
        ),
        account.unit("fms", GLOBAL, &[FMS_ADMIN], firewall_manager),
    ]
}

to_json! {
    aws_sdk_cloudtrail::types::Trail {
        "Name" => name, "TrailARN" => trail_arn, "HomeRegion" => home_region,
        "S3BucketName" => s3_bucket_name, "S3KeyPrefix" => s3_key_prefix,
        "SnsTopicARN" => sns_topic_arn,
        "IncludeGlobalServiceEvents" => include_global_service_events,
        "IsMultiRegionTrail" => is_multi_region_trail,
        "LogFileValidationEnabled" => log_file_validation_enabled,
        "CloudWatchLogsLogGroupArn" => cloud_watch_logs_log_group_arn,
        "KmsKeyId" => kms_key_id, "HasCustomEventSelectors" => has_custom_event_selectors,
        "HasInsightSelectors" => has_insight_selectors,
        "IsOrganizationTrail" => is_organization_trail,
    }
    aws_sdk_cloudtrail::operation::get_trail_status::GetTrailStatusOutput {
        "IsLogging" => is_logging, "LatestDeliveryError" => latest_delivery_error,
        "LatestDeliveryTime" => latest_delivery_time, "StartLoggingTime" => start_logging_time,
        "StopLoggingTime" => stop_logging_time,
        "LatestCloudWatchLogsDeliveryTime" => latest_cloud_watch_logs_delivery_time,
        "LatestDigestDeliveryTime" => latest_digest_delivery_time,
    }
    aws_sdk_guardduty::operation::get_detector::GetDetectorOutput {
        "CreatedAt" => created_at, "UpdatedAt" => updated_at, "Status" => status,
        "FindingPublishingFrequency" => finding_publishing_frequency,
        "ServiceRole" => service_role, "Features" => features,
    }
    aws_sdk_guardduty::types::DetectorFeatureConfigurationResult {
        "Name" => name, "Status" => status, "UpdatedAt" => updated_at,
    }
    aws_sdk_eventbridge::types::Rule {
        "Name" => name, "Arn" => arn, "EventPattern" => event_pattern, "State" => state,
        "Description" => description, "ScheduleExpression" => schedule_expression,
        "RoleArn" => role_arn, "ManagedBy" => managed_by, "EventBusName" => event_bus_name,
    }
    aws_sdk_eventbridge::types::Target { "Id" => id, "Arn" => arn, "RoleArn" => role_arn }
    aws_sdk_securityhub::operation::describe_hub::DescribeHubOutput {
        "HubArn" => hub_arn, "SubscribedAt" => subscribed_at,
        "AutoEnableControls" => auto_enable_controls,
        "ControlFindingGenerator" => control_finding_generator,
    }
    aws_sdk_accessanalyzer::types::AnalyzerSummary {
        "arn" => arn, "name" => name, "type" => r#type, "createdAt" => created_at,
        "lastResourceAnalyzed" => last_resource_analyzed,
        "lastResourceAnalyzedAt" => last_resource_analyzed_at, "status" => status,
        "tags" => tags,
    }
    aws_sdk_kms::types::KeyMetadata {
        "AWSAccountId" => aws_account_id, "KeyId" => key_id, "Arn" => arn,
        "CreationDate" => creation_date, "Enabled" => enabled, "Description" => description,
        "KeyUsage" => key_usage, "KeyState" => key_state, "DeletionDate" => deletion_date,
        "Origin" => origin, "KeyManager" => key_manager, "KeySpec" => key_spec,
        "MultiRegion" => multi_region,
    }
    aws_sdk_secretsmanager::types::SecretListEntry {
        "ARN" => arn, "Name" => name, "Description" => description, "KmsKeyId" => kms_key_id,
        "RotationEnabled" => rotation_enabled, "RotationLambdaARN" => rotation_lambda_arn,
        "RotationRules" => rotation_rules, "LastRotatedDate" => last_rotated_date,
        "LastChangedDate" => last_changed_date, "LastAccessedDate" => last_accessed_date,
        "NextRotationDate" => next_rotation_date, "CreatedDate" => created_date,
        "OwningService" => owning_service, "PrimaryRegion" => primary_region,
    }
    aws_sdk_secretsmanager::types::RotationRulesType {
        "AutomaticallyAfterDays" => automatically_after_days, "Duration" => duration,
        "ScheduleExpression" => schedule_expression,
    }
    aws_sdk_inspector2::types::AccountState {
        "accountId" => account_id, "state" => state, "resourceState" => resource_state,
    }
    aws_sdk_inspector2::types::State {
        "status" => status, "errorCode" => error_code, "errorMessage" => error_message,
    }
    aws_sdk_inspector2::types::ResourceState {
        "ec2" => ec2, "ecr" => ecr, "lambda" => lambda, "lambdaCode" => lambda_code,
    }
    aws_sdk_macie2::operation::get_macie_session::GetMacieSessionOutput {
        "createdAt" => created_at, "updatedAt" => updated_at, "status" => status,
        "findingPublishingFrequency" => finding_publishing_frequency,
        "serviceRole" => service_role,
    }
    aws_sdk_detective::types::Graph { "Arn" => arn, "CreatedTime" => created_time }
    aws_sdk_ssoadmin::types::InstanceMetadata {
        "InstanceArn" => instance_arn, "IdentityStoreId" => identity_store_id,
        "OwnerAccountId" => owner_account_id, "Name" => name, "CreatedDate" => created_date,
        "Status" => status,
    }
    aws_sdk_s3control::types::PublicAccessBlockConfiguration {
        "BlockPublicAcls" => block_public_acls, "IgnorePublicAcls" => ignore_public_acls,
        "BlockPublicPolicy" => block_public_policy,
        "RestrictPublicBuckets" => restrict_public_buckets,
    }
    aws_sdk_shield::types::Subscription {
        "StartTime" => start_time, "EndTime" => end_time,
        "TimeCommitmentInSeconds" => time_commitment_in_seconds, "AutoRenew" => auto_renew,
        "ProactiveEngagementStatus" => proactive_engagement_status,
        "SubscriptionArn" => subscription_arn,
    }
    aws_sdk_shield::types::Protection {
        "Id" => id, "Name" => name, "ResourceArn" => resource_arn,
        "HealthCheckIds" => health_check_ids, "ProtectionArn" => protection_arn,
    }
}
to_json!(
    enum aws_sdk_guardduty::types::DetectorStatus,
    enum aws_sdk_guardduty::types::FindingPublishingFrequency,
    enum aws_sdk_guardduty::types::DetectorFeatureResult,
    enum aws_sdk_guardduty::types::FeatureStatus,
    enum aws_sdk_eventbridge::types::RuleState,
    enum aws_sdk_securityhub::types::ControlFindingGenerator,
    enum aws_sdk_accessanalyzer::types::Type,
    enum aws_sdk_accessanalyzer::types::AnalyzerStatus,
    enum aws_sdk_kms::types::KeyUsageType,
    enum aws_sdk_kms::types::KeyState,
    enum aws_sdk_kms::types::OriginType,
    enum aws_sdk_kms::types::KeyManagerType,
    enum aws_sdk_kms::types::KeySpec,
    enum aws_sdk_inspector2::types::Status,
    enum aws_sdk_inspector2::types::ErrorCode,
    enum aws_sdk_macie2::types::MacieStatus,
    enum aws_sdk_macie2::types::FindingPublishingFrequency,
    enum aws_sdk_ssoadmin::types::InstanceStatus,
    enum aws_sdk_shield::types::AutoRenew,
    enum aws_sdk_shield::types::ProactiveEngagementStatus,
);

async fn trails(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_cloudtrail::Client::new(&scope.config());
    // Shadow trails are needed: an organization trail is only a shadow in a
    // member account, and a multi-region trail whose home region is not
    // read would otherwise be missed (and the account called trail-less).
    let output = scope
        .call(
            "DescribeTrails",
            client.describe_trails().include_shadow_trails(true).send(),
        )
        .await?;
    let account = scope.account;
    for trail in output.trail_list() {
        if trail_owner(trail.home_region(), &account.regions, &account.home_region) != scope.region
        {
            continue;
        }
        let name = trail.name().unwrap_or_default();
        let mut item = scope.item(TRAIL, name, trail.to_json());
        item.arn = trail.trail_arn().map(str::to_owned);
        // A shadow trail's status is only given for its ARN.
        let status = scope.call(
            "GetTrailStatus",
            client
                .get_trail_status()
                .name(trail.trail_arn().unwrap_or(name))
                .send(),
        );
        if let Some(status) = scope.recorded(status.await).and_then(|s| s.to_json()) {
            item.supplementary_configuration
                .insert("TrailStatus".to_owned(), status);
        }
        scope.add(item);
    }
    Ok(())
}

/// The one region a trail is recorded in: its home region when that is
/// read, else the account's home region (every region lists the shadows
/// of multi-region and organization trails).
fn trail_owner<'a>(home: Option<&'a str>, read: &[String], account_home: &'a str) -> &'a str {
    match home {
        Some(home) if read.iter().any(|r| r == home) => home,
        _ => account_home,
    }
}

async fn detectors(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_guardduty::Client::new(&scope.config());
    let pages = scope
        .pages(
            "ListDetectors",
            client.list_detectors().into_paginator().send(),
        )
        .await?;
    for id in pages.iter().flat_map(|p| p.detector_ids()) {
        let detector = scope.call("GetDetector", client.get_detector().detector_id(id).send());
        let Some(detector) = scope.recorded(detector.await) else {
            continue;
        };
        let mut item = scope.item(DETECTOR, id, detector.to_json());
        item.arn = Some(
            scope
                .account
                .arn("guardduty", &scope.region, &format!("detector/{id}")),
        );
        if let Some(tags) = detector.tags() {
            item.tags = tags.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        }
        scope.add(item);
    }
    Ok(())
}

/// Rules on the default event bus; targets are read for the rules that
/// match GuardDuty findings, the only ones a check follows.
async fn event_rules(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_eventbridge::Client::new(&scope.config());
    let mut next = None;
    loop {
        let page = scope
            .call(
                "ListRules",
                client.list_rules().set_next_token(next.take()).send(),
            )
            .await?;
        for rule in page.rules() {
            let name = rule.name().unwrap_or_default();
            let mut item = scope.item(EVENT_RULE, name, rule.to_json());
            item.arn = rule.arn().map(str::to_owned);
            if rule
                .event_pattern()
                .is_some_and(|p| p.contains("aws.guardduty"))
            {
                let targets = scope
                    .call(
                        "ListTargetsByRule",
                        client.list_targets_by_rule().rule(name).send(),
                    )
                    .await?;
                item.supplementary_configuration.insert(
                    "Targets".to_owned(),
                    targets.targets().to_json().unwrap_or_default(),
                );
            }
            scope.add(item);
        }
        // An empty token ends the listing too; following it would loop.
        next = page
            .next_token()
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        if next.is_none() {
            return Ok(());
        }
    }
}

async fn hub(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_securityhub::Client::new(&scope.config());
    match scope
        .call("DescribeHub", client.describe_hub().send())
        .await
    {
        Ok(hub) => {
            let mut item = scope.item(HUB, "default", hub.to_json());
            item.arn = hub.hub_arn().map(str::to_owned);
            scope.add(item);
            Ok(())
        }
        // Not subscribed: the hub's absence is what the check judges.
        Err(error)
            if error.code == "InvalidAccessException"
                || error.code == "ResourceNotFoundException" =>
        {
            Ok(())
        }
        Err(error) => Err(error),
    }
}

async fn analyzers(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_accessanalyzer::Client::new(&scope.config());
    let pages = scope
        .pages(
            "ListAnalyzers",
            client.list_analyzers().into_paginator().send(),
        )
        .await?;
    for analyzer in pages.iter().flat_map(|p| p.analyzers()) {
        let mut item = scope.item(ANALYZER, analyzer.name(), analyzer.to_json());
        item.arn = Some(analyzer.arn().to_owned());
        if let Some(tags) = analyzer.tags() {
            item.tags = tags.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        }
        scope.add(item);
    }
    Ok(())
}

async fn kms_keys(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_kms::Client::new(&scope.config());
    let pages = scope
        .pages("ListKeys", client.list_keys().into_paginator().send())
        .await?;
    for key in pages.iter().flat_map(|p| p.keys()) {
        let Some(id) = key.key_id() else { continue };
        // One key's policy may deny what the others allow: record it, go on.
        let described = scope.call("DescribeKey", client.describe_key().key_id(id).send());
        let Some(described) = scope.recorded(described.await) else {
            continue;
        };
        let Some(metadata) = described.key_metadata() else {
            continue;
        };
        let mut item = scope.item(KMS_KEY, id, metadata.to_json());
        item.arn = metadata.arn().map(str::to_owned);
        // Rotation applies to enabled, customer-managed, symmetric keys
        // with AWS-made key material; the API refuses the others.
        let rotatable = metadata
            .key_manager()
            .is_some_and(|m| m.as_str() == "CUSTOMER")
            && metadata
                .key_spec()
                .is_some_and(|s| s.as_str() == "SYMMETRIC_DEFAULT")
            && metadata.origin().is_some_and(|o| o.as_str() == "AWS_KMS")
            && metadata
                .key_state()
                .is_some_and(|s| s.as_str() == "Enabled");
        if rotatable {
            let rotation = scope.call(
                "GetKeyRotationStatus",
                client.get_key_rotation_status().key_id(id).send(),
            );
            if let Some(rotation) = scope.recorded(rotation.await) {
                item.supplementary_configuration.insert(
                    "KeyRotationEnabled".to_owned(),
                    Value::Bool(rotation.key_rotation_enabled()),
                );
            }
        }
        scope.add(item);
    }
    Ok(())
}

async fn secrets(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_secretsmanager::Client::new(&scope.config());
    let pages = scope
        .pages("ListSecrets", client.list_secrets().into_paginator().send())
        .await?;
    for secret in pages.iter().flat_map(|p| p.secret_list()) {
        let mut item = scope.item(SECRET, secret.name().unwrap_or_default(), secret.to_json());
        item.arn = secret.arn().map(str::to_owned);
        item.tags = crate::json::tag_map(secret.tags().iter().map(|t| (t.key(), t.value())));
        scope.add(item);
    }
    Ok(())
}

async fn inspector(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_inspector2::Client::new(&scope.config());
    let output = scope
        .call(
            "BatchGetAccountStatus",
            client.batch_get_account_status().send(),
        )
        .await?;
    for account in output.accounts() {
        scope.add(scope.item(INSPECTOR, account.account_id(), account.to_json()));
    }
    if let Some(failed) = output.failed_accounts().first() {
        return Err(CallError {
            operation: "BatchGetAccountStatus",
            code: failed.error_code().as_str().to_owned(),
            message: failed.error_message().to_owned(),
        });
    }
    Ok(())
}

async fn macie(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_macie2::Client::new(&scope.config());
    match scope
        .call("GetMacieSession", client.get_macie_session().send())
        .await
    {
        Ok(session) => {
            scope.add(scope.item(MACIE, "macie-session", session.to_json()));
            Ok(())
        }
        // Macie answers "access denied" when it is simply not enabled.
        Err(error) if error.is_access_denied() && error.message.contains("not enabled") => Ok(()),
        Err(error) => Err(error),
    }
}

async fn detective(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_detective::Client::new(&scope.config());
    let pages = scope
        .pages("ListGraphs", client.list_graphs().into_paginator().send())
        .await?;
    for graph in pages.iter().flat_map(|p| p.graph_list()) {
        let arn = graph.arn().unwrap_or_default();
        let mut item = scope.item(
            DETECTIVE,
            arn.rsplit('/').next().unwrap_or(arn),
            graph.to_json(),
        );
        item.arn = graph.arn().map(str::to_owned);
        scope.add(item);
    }
    Ok(())
}

async fn identity_center(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_ssoadmin::Client::new(&scope.config());
    let pages = scope
        .pages(
            "ListInstances",
            client.list_instances().into_paginator().send(),
        )
        .await?;
    for instance in pages.iter().flat_map(|p| p.instances()) {
        let arn = instance.instance_arn().unwrap_or_default();
        let mut item = scope.item(
            SSO_INSTANCE,
            arn.rsplit('/').next().unwrap_or(arn),
            instance.to_json(),
        );
        item.arn = instance.instance_arn().map(str::to_owned);
        scope.add(item);
    }
    Ok(())
}

/// S3 Control's endpoint rules put the account id in front of the host
/// (`123456789012.s3-control...`). Against a custom endpoint (a test server,
/// a proxy) that name does not resolve, so the endpoint is used as given.
#[derive(Debug)]
struct EndpointAsGiven(String);

impl aws_sdk_s3control::config::endpoint::ResolveEndpoint for EndpointAsGiven {
    fn resolve_endpoint<'a>(
        &'a self,
        _params: &'a aws_sdk_s3control::config::endpoint::Params,
    ) -> aws_sdk_s3control::config::endpoint::EndpointFuture<'a> {
        aws_sdk_s3control::config::endpoint::EndpointFuture::ready(Ok(
            aws_sdk_s3control::config::endpoint::Endpoint::builder()
                .url(self.0.clone())
                .build(),
        ))
    }
}

async fn public_access_block(scope: Scope<'_>) -> Result<(), CallError> {
    let sdk_config = scope.config();
    let mut config = aws_sdk_s3control::config::Builder::from(&sdk_config);
    if let Some(url) = sdk_config.endpoint_url() {
        config = config.endpoint_resolver(EndpointAsGiven(url.to_owned()));
    }
    let client = aws_sdk_s3control::Client::from_conf(config.build());
    match scope
        .call(
            "GetPublicAccessBlock",
            client
                .get_public_access_block()
                .account_id(&scope.account.id)
                .send(),
        )
        .await
    {
        Ok(output) => {
            if let Some(block) = output.public_access_block_configuration() {
                scope.add(scope.item(
                    PUBLIC_ACCESS_BLOCK,
                    "account-public-access-block",
                    block.to_json(),
                ));
            }
            Ok(())
        }
        // No account-level block: the check judges its absence.
        Err(error) if error.code == "NoSuchPublicAccessBlockConfiguration" => Ok(()),
        Err(error) => Err(error),
    }
}

/// Shield Advanced's API has one endpoint, in us-east-1 (aws partition).
fn shield_config(scope: &Scope<'_>) -> aws_config::SdkConfig {
    let mut config = scope.config();
    if scope.account.partition == "aws" {
        config = config.to_builder().region(Region::new("us-east-1")).build();
    }
    config
}

async fn shield(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_shield::Client::new(&shield_config(&scope));
    let state = scope
        .call(
            "GetSubscriptionState",
            client.get_subscription_state().send(),
        )
        .await?;
    let state = state.subscription_state().as_str().to_owned();
    let mut subscription = object([("SubscriptionState", Some(Value::String(state.clone())))]);
    if state == "ACTIVE" {
        let described = scope
            .call(
                "DescribeSubscription",
                client.describe_subscription().send(),
            )
            .await?;
        if let (Value::Object(fields), Some(Value::Object(details))) = (
            &mut subscription,
            described.subscription().and_then(ToJson::to_json),
        ) {
            fields.extend(details);
        }
        let pages = scope
            .pages(
                "ListProtections",
                client.list_protections().into_paginator().send(),
            )
            .await?;
        for protection in pages.iter().flat_map(|p| p.protections()) {
            let mut item = scope.item(
                SHIELD_PROTECTION,
                protection.id().unwrap_or_default(),
                protection.to_json(),
            );
            item.arn = protection.protection_arn().map(str::to_owned);
            item.resource_name = protection.name().map(str::to_owned);
            scope.add(item);
        }
    }
    scope.add(scope.item(
        SHIELD_SUBSCRIPTION,
        "shield-subscription",
        Some(subscription),
    ));
    Ok(())
}

async fn firewall_manager(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_fms::Client::new(&scope.config());
    match scope
        .call("GetAdminAccount", client.get_admin_account().send())
        .await
    {
        Ok(output) => {
            let configuration = object([
                ("AdminAccount", output.admin_account().to_json()),
                (
                    "RoleStatus",
                    output
                        .role_status()
                        .map(|s| Value::String(s.as_str().to_owned())),
                ),
            ]);
            scope.add(scope.item(FMS_ADMIN, "fms-admin-account", Some(configuration)));
            Ok(())
        }
        // No administrator is set: Firewall Manager is not in use.
        Err(error) if error.code == "ResourceNotFoundException" => Ok(()),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::trail_owner;

    #[test]
    fn each_trail_is_kept_in_one_region_that_is_read() {
        let read = ["eu-west-1".to_owned(), "us-east-1".to_owned()];
        assert_eq!(
            trail_owner(Some("us-east-1"), &read, "eu-west-1"),
            "us-east-1"
        );
        // An organization trail homed where this scan does not look.
        assert_eq!(
            trail_owner(Some("ap-south-1"), &read, "eu-west-1"),
            "eu-west-1"
        );
        assert_eq!(trail_owner(None, &read, "eu-west-1"), "eu-west-1");
    }
}
