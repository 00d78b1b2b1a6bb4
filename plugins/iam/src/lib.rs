//! parapet's built-in IAM checks: the root user, passwords, MFA and
//! over-broad policies. Each check is one file under `checks/`; its doc
//! comment is its user documentation.

mod checks;

use checks::{
    AccessAnalyzerEnabled, AccessKeyRotation, ConsoleUserMfa, CrossAccountTrust,
    ExpiredServerCertificates, MultipleActiveKeys, PasswordPolicyStrength, PolicyFullAdmin,
    PolicyServiceWildcard, PrivilegeEscalation, RootAccessKeys, RootHardwareMfa, RootUsedRecently,
    RootUserMfa, SensitiveActionsUnconditioned, SupportRole, UnusedCredentials, UserDirectPolicies,
};

parapet_sdk::plugin! {
    id: "iam",
    name: "IAM",
    description: "Identity and access management: the root user, passwords, MFA, access keys, over-broad and escalating policies, trust and analyzers.",
    checks: [
        RootUserMfa,
        RootHardwareMfa,
        RootAccessKeys,
        RootUsedRecently,
        PasswordPolicyStrength,
        ConsoleUserMfa,
        AccessKeyRotation,
        UnusedCredentials,
        MultipleActiveKeys,
        UserDirectPolicies,
        PolicyFullAdmin,
        PolicyServiceWildcard,
        PrivilegeEscalation,
        SensitiveActionsUnconditioned,
        CrossAccountTrust,
        SupportRole,
        ExpiredServerCertificates,
        AccessAnalyzerEnabled,
    ],
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_check_passes_and_fails_its_fixtures() {
        parapet_sdk::testing::check_fixtures(
            &super::PLUGIN,
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }
}
