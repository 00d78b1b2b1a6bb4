//! IAM: users, roles, groups and policies (from `GetAccountAuthorizationDetails`),
//! the credential report, the password policy and the account summary.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::resource_kind;

/// A user, as `UserDetailList` in `GetAccountAuthorizationDetails`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct User {
    pub user_name: String,
    pub user_id: String,
    pub arn: String,
    pub path: String,
    pub create_date: Option<String>,
    /// Inline policies.
    pub user_policy_list: Vec<InlinePolicy>,
    /// Names of the groups the user belongs to.
    pub group_list: Vec<String>,
    pub attached_managed_policies: Vec<AttachedPolicy>,
}
resource_kind!(User => "AWS::IAM::User");

/// A role, as `RoleDetailList` in `GetAccountAuthorizationDetails`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Role {
    pub role_name: String,
    pub role_id: String,
    pub arn: String,
    pub path: String,
    pub create_date: Option<String>,
    /// The trust policy (URL-encoded JSON text, or a JSON object).
    pub assume_role_policy_document: Value,
    pub role_policy_list: Vec<InlinePolicy>,
    pub attached_managed_policies: Vec<AttachedPolicy>,
}
resource_kind!(Role => "AWS::IAM::Role");

/// A group, as `GroupDetailList` in `GetAccountAuthorizationDetails`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Group {
    pub group_name: String,
    pub group_id: String,
    pub arn: String,
    pub path: String,
    pub group_policy_list: Vec<InlinePolicy>,
    pub attached_managed_policies: Vec<AttachedPolicy>,
}
resource_kind!(Group => "AWS::IAM::Group");

/// A managed policy, as `Policies` in `GetAccountAuthorizationDetails`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ManagedPolicy {
    pub policy_name: String,
    pub policy_id: String,
    pub arn: String,
    pub path: String,
    pub default_version_id: String,
    pub attachment_count: u32,
    pub is_attachable: bool,
    pub policy_version_list: Vec<PolicyVersion>,
}
resource_kind!(ManagedPolicy => "AWS::IAM::Policy");

impl ManagedPolicy {
    /// The default (in force) version's document.
    #[must_use]
    pub fn default_document(&self) -> Option<&Value> {
        self.policy_version_list
            .iter()
            .find(|version| {
                version.is_default_version || version.version_id == self.default_version_id
            })
            .map(|version| &version.document)
    }

    /// Whether AWS owns the policy (its ARN is in the `aws` account).
    #[must_use]
    pub fn is_aws_managed(&self) -> bool {
        self.arn.contains(":iam::aws:policy/")
    }
}

/// One version of a managed policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PolicyVersion {
    pub version_id: String,
    pub is_default_version: bool,
    /// URL-encoded JSON text, or a JSON object.
    pub document: Value,
}

/// An inline policy embedded in a user, group or role.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InlinePolicy {
    pub policy_name: String,
    /// URL-encoded JSON text, or a JSON object.
    pub policy_document: Value,
}

/// A managed policy attached to a user, group or role.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AttachedPolicy {
    pub policy_name: String,
    pub policy_arn: String,
}

/// The account password policy (`GetAccountPasswordPolicy`). The snapshot has
/// no item of this type when the account has no policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PasswordPolicy {
    pub minimum_password_length: Option<u32>,
    pub require_symbols: bool,
    pub require_numbers: bool,
    pub require_uppercase_characters: bool,
    pub require_lowercase_characters: bool,
    pub allow_users_to_change_password: bool,
    pub expire_passwords: bool,
    pub max_password_age: Option<u32>,
    pub password_reuse_prevention: Option<u32>,
    pub hard_expiry: Option<bool>,
}
resource_kind!(PasswordPolicy => "Parapet::IAM::PasswordPolicy");

/// The account summary (`GetAccountSummary`): its `SummaryMap`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AccountSummary {
    pub summary_map: BTreeMap<String, i64>,
}
resource_kind!(AccountSummary => "Parapet::IAM::AccountSummary");

impl AccountSummary {
    /// A counter from the summary map, such as `AccountMFAEnabled`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<i64> {
        self.summary_map.get(key).copied()
    }
}

/// One row of the IAM credential report (`GetCredentialReport`), with the
/// report's own column names. Values are the report's text: `true`/`false`,
/// RFC 3339 times, or `N/A` / `no_information`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CredentialReportRow {
    /// The user name, or `<root_account>` for the root user.
    pub user: String,
    pub arn: String,
    pub user_creation_time: String,
    pub password_enabled: String,
    pub password_last_used: String,
    pub password_last_changed: String,
    pub mfa_active: String,
    pub access_key_1_active: String,
    pub access_key_1_last_rotated: String,
    pub access_key_1_last_used_date: String,
    pub access_key_2_active: String,
    pub access_key_2_last_rotated: String,
    pub access_key_2_last_used_date: String,
}
resource_kind!(CredentialReportRow => "Parapet::IAM::CredentialReportRow");

impl CredentialReportRow {
    /// The report's name for the root user.
    pub const ROOT: &'static str = "<root_account>";

    /// Whether this row is the root user's.
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.user == Self::ROOT
    }

    /// Whether the user can sign in to the console. The root user's row says
    /// `not_supported`; it always has a password.
    #[must_use]
    pub fn has_console_password(&self) -> bool {
        self.password_enabled == "true"
    }

    #[must_use]
    pub fn has_mfa(&self) -> bool {
        self.mfa_active == "true"
    }

    /// The user's two access keys as (number, active, last rotated, last used).
    #[must_use]
    pub fn access_keys(&self) -> [(u8, bool, &str, &str); 2] {
        [
            (
                1,
                self.access_key_1_active == "true",
                &self.access_key_1_last_rotated,
                &self.access_key_1_last_used_date,
            ),
            (
                2,
                self.access_key_2_active == "true",
                &self.access_key_2_last_rotated,
                &self.access_key_2_last_used_date,
            ),
        ]
    }

    /// How many of the user's two access keys are active.
    #[must_use]
    pub fn active_access_keys(&self) -> usize {
        self.access_keys()
            .iter()
            .filter(|(_, active, _, _)| *active)
            .count()
    }

    /// The report's time fields as timestamps; `None` for `N/A` and the like.
    #[must_use]
    pub fn time(value: &str) -> Option<jiff::Timestamp> {
        value.parse().ok()
    }
}

/// A virtual MFA device (`ListVirtualMFADevices`). The root user's hardware
/// devices are not listed here, so a root device in this list is virtual.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VirtualMfaDevice {
    pub serial_number: String,
    pub user: Option<MfaUser>,
    pub enable_date: Option<String>,
}
resource_kind!(VirtualMfaDevice => "Parapet::IAM::VirtualMFADevice");

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct MfaUser {
    pub user_name: Option<String>,
    pub arn: String,
}

/// A server certificate in IAM (`ListServerCertificates` metadata).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ServerCertificate {
    pub server_certificate_name: String,
    pub server_certificate_id: String,
    pub arn: String,
    pub upload_date: Option<String>,
    pub expiration: Option<String>,
}
resource_kind!(ServerCertificate => "Parapet::IAM::ServerCertificate");

/// An IAM Access Analyzer analyzer (`ListAnalyzers`; that API's field names
/// are camelCase).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Analyzer {
    pub arn: String,
    pub name: String,
    /// `ACCOUNT`, `ORGANIZATION`, or an unused-access type.
    #[serde(rename = "type")]
    pub kind: String,
    /// `ACTIVE`, `CREATING`, `DISABLED` or `FAILED`.
    pub status: String,
}
resource_kind!(Analyzer => "AWS::AccessAnalyzer::Analyzer");
