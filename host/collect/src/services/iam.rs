//! IAM (global): the authorization details, credential report, password
//! policy, account summary, virtual MFA devices and server certificates.

use std::time::Duration;

use aws_sdk_iam::Client;
use aws_sdk_iam::types::{
    AttachedPermissionsBoundary, AttachedPolicy, GroupDetail, InstanceProfile, ManagedPolicyDetail,
    PasswordPolicy, PolicyDetail, PolicyVersion, RoleDetail, RoleLastUsed,
    ServerCertificateMetadata, Tag, User, UserDetail, VirtualMfaDevice,
};
use serde_json::{Map, Value};

use crate::account::{Account, GLOBAL, Scope, Unit};
use crate::error::CallError;
use crate::json::{ToJson, object, tag_map, to_json};

const USER: &str = "AWS::IAM::User";
const GROUP: &str = "AWS::IAM::Group";
const ROLE: &str = "AWS::IAM::Role";
const POLICY: &str = "AWS::IAM::Policy";
const SUMMARY: &str = "Parapet::IAM::AccountSummary";
const PASSWORD_POLICY: &str = "Parapet::IAM::PasswordPolicy";
const CREDENTIAL_REPORT_ROW: &str = "Parapet::IAM::CredentialReportRow";
const VIRTUAL_MFA: &str = "Parapet::IAM::VirtualMFADevice";
const SERVER_CERTIFICATE: &str = "Parapet::IAM::ServerCertificate";

pub(crate) fn units(account: &Account) -> Vec<Unit<'_>> {
    vec![
        account.unit(
            "iam",
            GLOBAL,
            &[USER, GROUP, ROLE, POLICY],
            authorization_details,
        ),
        account.unit("iam", GLOBAL, &[CREDENTIAL_REPORT_ROW], credential_report),
        account.unit("iam", GLOBAL, &[PASSWORD_POLICY], password_policy),
        account.unit("iam", GLOBAL, &[SUMMARY], account_summary),
        account.unit("iam", GLOBAL, &[VIRTUAL_MFA], virtual_mfa_devices),
        account.unit("iam", GLOBAL, &[SERVER_CERTIFICATE], server_certificates),
    ]
}

to_json! {
    UserDetail {
        "Path" => path, "UserName" => user_name, "UserId" => user_id, "Arn" => arn,
        "CreateDate" => create_date, "UserPolicyList" => user_policy_list,
        "GroupList" => group_list, "AttachedManagedPolicies" => attached_managed_policies,
        "PermissionsBoundary" => permissions_boundary, "Tags" => tags,
    }
    GroupDetail {
        "Path" => path, "GroupName" => group_name, "GroupId" => group_id, "Arn" => arn,
        "CreateDate" => create_date, "GroupPolicyList" => group_policy_list,
        "AttachedManagedPolicies" => attached_managed_policies,
    }
    RoleDetail {
        "Path" => path, "RoleName" => role_name, "RoleId" => role_id, "Arn" => arn,
        "CreateDate" => create_date, "AssumeRolePolicyDocument" => assume_role_policy_document,
        "InstanceProfileList" => instance_profile_list, "RolePolicyList" => role_policy_list,
        "AttachedManagedPolicies" => attached_managed_policies,
        "PermissionsBoundary" => permissions_boundary, "Tags" => tags,
        "RoleLastUsed" => role_last_used,
    }
    ManagedPolicyDetail {
        "PolicyName" => policy_name, "PolicyId" => policy_id, "Arn" => arn, "Path" => path,
        "DefaultVersionId" => default_version_id, "AttachmentCount" => attachment_count,
        "PermissionsBoundaryUsageCount" => permissions_boundary_usage_count,
        "IsAttachable" => is_attachable, "Description" => description,
        "CreateDate" => create_date, "UpdateDate" => update_date,
        "PolicyVersionList" => policy_version_list,
    }
    PolicyVersion {
        "Document" => document, "VersionId" => version_id,
        "IsDefaultVersion" => is_default_version, "CreateDate" => create_date,
    }
    PolicyDetail { "PolicyName" => policy_name, "PolicyDocument" => policy_document }
    AttachedPolicy { "PolicyName" => policy_name, "PolicyArn" => policy_arn }
    AttachedPermissionsBoundary {
        "PermissionsBoundaryType" => permissions_boundary_type,
        "PermissionsBoundaryArn" => permissions_boundary_arn,
    }
    InstanceProfile {
        "InstanceProfileName" => instance_profile_name, "InstanceProfileId" => instance_profile_id,
        "Arn" => arn, "Path" => path,
    }
    RoleLastUsed { "LastUsedDate" => last_used_date, "Region" => region }
    Tag { "Key" => key, "Value" => value }
    PasswordPolicy {
        "MinimumPasswordLength" => minimum_password_length, "RequireSymbols" => require_symbols,
        "RequireNumbers" => require_numbers,
        "RequireUppercaseCharacters" => require_uppercase_characters,
        "RequireLowercaseCharacters" => require_lowercase_characters,
        "AllowUsersToChangePassword" => allow_users_to_change_password,
        "ExpirePasswords" => expire_passwords, "MaxPasswordAge" => max_password_age,
        "PasswordReusePrevention" => password_reuse_prevention, "HardExpiry" => hard_expiry,
    }
    VirtualMfaDevice {
        "SerialNumber" => serial_number, "User" => user, "EnableDate" => enable_date,
    }
    User {
        "Path" => path, "UserName" => user_name, "UserId" => user_id, "Arn" => arn,
        "CreateDate" => create_date, "PasswordLastUsed" => password_last_used,
    }
    ServerCertificateMetadata {
        "Path" => path, "ServerCertificateName" => server_certificate_name,
        "ServerCertificateId" => server_certificate_id, "Arn" => arn,
        "UploadDate" => upload_date, "Expiration" => expiration,
    }
}
to_json!(enum aws_sdk_iam::types::PermissionsBoundaryAttachmentType);

fn tags(tags: &[Tag]) -> std::collections::BTreeMap<String, String> {
    tag_map(tags.iter().map(|t| (Some(t.key()), Some(t.value()))))
}

async fn authorization_details(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "GetAccountAuthorizationDetails",
            client
                .get_account_authorization_details()
                .into_paginator()
                .send(),
        )
        .await?;
    for page in pages {
        for user in page.user_detail_list() {
            let mut item = scope.item(USER, user.user_id().unwrap_or_default(), user.to_json());
            item.resource_name = user.user_name().map(str::to_owned);
            item.arn = user.arn().map(str::to_owned);
            item.tags = tags(user.tags());
            scope.add(item);
        }
        for group in page.group_detail_list() {
            let mut item = scope.item(GROUP, group.group_id().unwrap_or_default(), group.to_json());
            item.resource_name = group.group_name().map(str::to_owned);
            item.arn = group.arn().map(str::to_owned);
            scope.add(item);
        }
        for role in page.role_detail_list() {
            let mut item = scope.item(ROLE, role.role_id().unwrap_or_default(), role.to_json());
            item.resource_name = role.role_name().map(str::to_owned);
            item.arn = role.arn().map(str::to_owned);
            item.tags = tags(role.tags());
            scope.add(item);
        }
        for policy in page.policies() {
            // A policy's name is the last segment of its ARN; some servers
            // (moto) leave the name and id out of this listing.
            let name = policy
                .policy_name()
                .or_else(|| policy.arn().and_then(|arn| arn.rsplit('/').next()));
            let id = policy.policy_id().or(policy.arn()).unwrap_or_default();
            let mut configuration = policy.to_json().unwrap_or_default();
            if let (Value::Object(fields), Some(name)) = (&mut configuration, name) {
                fields
                    .entry("PolicyName")
                    .or_insert_with(|| Value::String(name.to_owned()));
            }
            let mut item = scope.item(POLICY, id, Some(configuration));
            item.resource_name = name.map(str::to_owned);
            item.arn = policy.arn().map(str::to_owned);
            scope.add(item);
        }
    }
    Ok(())
}

/// How long to wait for IAM to generate the credential report.
const REPORT_WAIT: Duration = Duration::from_secs(60);

async fn credential_report(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let started = std::time::Instant::now();
    loop {
        let state = scope
            .call(
                "GenerateCredentialReport",
                client.generate_credential_report().send(),
            )
            .await?;
        let complete = state.state().is_some_and(|s| s.as_str() == "COMPLETE");
        if complete {
            break;
        }
        if started.elapsed() > REPORT_WAIT {
            return Err(CallError {
                operation: "GenerateCredentialReport",
                code: "Timeout".to_owned(),
                message: format!(
                    "the credential report was not ready after {} s",
                    REPORT_WAIT.as_secs()
                ),
            });
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    let report = scope
        .call("GetCredentialReport", client.get_credential_report().send())
        .await?;
    let content = report.content().map(|b| b.as_ref()).unwrap_or_default();
    let text = String::from_utf8_lossy(content);
    for row in credential_report_rows(&text) {
        let user = row
            .get("user")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let arn = row.get("arn").and_then(Value::as_str).map(str::to_owned);
        let mut item = scope.item(CREDENTIAL_REPORT_ROW, user, Some(Value::Object(row)));
        item.arn = arn;
        scope.add(item);
    }
    Ok(())
}

/// The credential report's CSV as one object per row, keyed by the header's
/// column names. The report never quotes: no field can hold a comma.
pub(crate) fn credential_report_rows(csv: &str) -> Vec<Map<String, Value>> {
    let mut lines = csv.lines().filter(|l| !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return Vec::new();
    };
    let columns: Vec<&str> = header.split(',').map(str::trim).collect();
    lines
        .map(|line| {
            columns
                .iter()
                .zip(line.split(','))
                .map(|(column, value)| {
                    ((*column).to_owned(), Value::String(value.trim().to_owned()))
                })
                .collect()
        })
        .collect()
}

async fn password_policy(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    match scope
        .call(
            "GetAccountPasswordPolicy",
            client.get_account_password_policy().send(),
        )
        .await
    {
        Ok(output) => {
            if let Some(policy) = output.password_policy() {
                scope.add(scope.item(PASSWORD_POLICY, "password-policy", policy.to_json()));
            }
            Ok(())
        }
        // No policy is a fact the checks judge, not a gap.
        Err(error) if error.code == "NoSuchEntity" => Ok(()),
        Err(error) => Err(error),
    }
}

async fn account_summary(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let output = scope
        .call("GetAccountSummary", client.get_account_summary().send())
        .await?;
    let summary: Map<String, Value> = output
        .summary_map()
        .map(|map| {
            let mut sorted: Vec<_> = map.iter().collect();
            sorted.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
            sorted
                .into_iter()
                .map(|(key, value)| (key.as_str().to_owned(), Value::from(*value)))
                .collect()
        })
        .unwrap_or_default();
    scope.add(scope.item(
        SUMMARY,
        "account-summary",
        Some(object([("SummaryMap", Some(Value::Object(summary)))])),
    ));
    Ok(())
}

async fn virtual_mfa_devices(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "ListVirtualMFADevices",
            client.list_virtual_mfa_devices().into_paginator().send(),
        )
        .await?;
    for device in pages.iter().flat_map(|p| p.virtual_mfa_devices()) {
        scope.add(scope.item(VIRTUAL_MFA, device.serial_number(), device.to_json()));
    }
    Ok(())
}

async fn server_certificates(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "ListServerCertificates",
            client.list_server_certificates().into_paginator().send(),
        )
        .await?;
    for certificate in pages
        .iter()
        .flat_map(|p| p.server_certificate_metadata_list())
    {
        let mut item = scope.item(
            SERVER_CERTIFICATE,
            certificate.server_certificate_id(),
            certificate.to_json(),
        );
        item.resource_name = Some(certificate.server_certificate_name().to_owned());
        item.arn = Some(certificate.arn().to_owned());
        scope.add(item);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::credential_report_rows;

    #[test]
    fn credential_report_rows_use_the_header_names() {
        let csv = "user,arn,mfa_active\n<root_account>,arn:aws:iam::123456789012:root,true\nalice,arn:aws:iam::123456789012:user/alice,false\n";
        let rows = credential_report_rows(csv);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["user"], "<root_account>");
        assert_eq!(rows[1]["mfa_active"], "false");
        assert!(credential_report_rows("").is_empty());
    }
}
