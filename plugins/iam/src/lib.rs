//! parapet's built-in IAM checks: the root user, passwords, MFA and
//! over-broad policies. Each check is one file under `checks/`; its doc
//! comment is its user documentation.

mod checks;

use checks::{
    ConsoleUserMfa, PasswordPolicyStrength, PolicyFullAdmin, RootAccessKeys, RootUserMfa,
};

parapet_sdk::plugin! {
    id: "iam",
    name: "IAM",
    description: "Identity and access management: the root user, passwords, MFA and over-broad policies.",
    checks: [RootUserMfa, RootAccessKeys, PasswordPolicyStrength, ConsoleUserMfa, PolicyFullAdmin],
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
