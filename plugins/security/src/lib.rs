//! parapet's built-in checks of the AWS security services and the
//! foundations the Well-Architected security pillar relies on: logging
//! (CloudTrail, Config), detection (GuardDuty, Security Hub, Inspector,
//! Macie, Detective) and automated response, edge protection (WAF), data
//! protection (S3 public access block, KMS rotation, Secrets Manager
//! rotation). Each check is one file under `checks/`.

mod checks;

use checks::{
    CloudFrontWaf, CloudTrailMultiRegion, ConfigRecording, DetectiveEnabled, ElbWaf,
    GuardDutyEnabled, GuardDutyResponse, IdentityCenter, InspectorEnabled, KmsKeyRotation,
    MacieEnabled, OrganizationsScp, S3AccountPublicAccessBlock, SecretsRotation,
    SecurityHubEnabled, ShieldAdvanced,
};

parapet_sdk::plugin! {
    id: "security",
    name: "Security services",
    description: "Logging, threat detection, automated response, edge protection and data protection services.",
    checks: [
        CloudTrailMultiRegion,
        ConfigRecording,
        GuardDutyEnabled,
        GuardDutyResponse,
        SecurityHubEnabled,
        InspectorEnabled,
        MacieEnabled,
        DetectiveEnabled,
        ElbWaf,
        CloudFrontWaf,
        ShieldAdvanced,
        OrganizationsScp,
        IdentityCenter,
        S3AccountPublicAccessBlock,
        KmsKeyRotation,
        SecretsRotation,
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
