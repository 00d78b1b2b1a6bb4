//! parapet's built-in VPC and EC2 network checks: security groups, network
//! ACLs, flow logs, public exposure, instance metadata and EBS protection.
//! Each check is one file under `checks/`; its doc comment is its user
//! documentation.

mod checks;

use checks::{
    DefaultSgAllowsTraffic, EbsDefaultEncryption, EbsSnapshotPublic, EbsVolumeUnencrypted,
    FlowLogsDisabled, Imdsv2NotRequired, InstancePublicIp, NaclAdminPortsOpen, NaclUnused,
    SgAdminPortsOpen, SgAllProtocolsOpen, SgHighRiskPortsOpen, SgTooManyRules,
    SgUnauthorizedPortsOpen, SgUnused, SubnetAutoPublicIp, TgwAutoAccept, VpcDefaultInUse,
};

parapet_sdk::plugin! {
    id: "vpc",
    name: "VPC and EC2 network",
    description: "Network exposure and hygiene: security groups, network ACLs, flow logs, public IPs, IMDSv2 and EBS protection.",
    checks: [
        DefaultSgAllowsTraffic,
        SgAdminPortsOpen,
        SgHighRiskPortsOpen,
        SgUnauthorizedPortsOpen,
        SgAllProtocolsOpen,
        SgTooManyRules,
        SgUnused,
        NaclAdminPortsOpen,
        NaclUnused,
        FlowLogsDisabled,
        SubnetAutoPublicIp,
        VpcDefaultInUse,
        InstancePublicIp,
        Imdsv2NotRequired,
        EbsDefaultEncryption,
        EbsVolumeUnencrypted,
        EbsSnapshotPublic,
        TgwAutoAccept,
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
