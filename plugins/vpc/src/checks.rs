mod default_sg_allows_traffic;
mod ebs_default_encryption;
mod ebs_snapshot_public;
mod ebs_volume_unencrypted;
mod flow_logs_disabled;
mod imdsv2_not_required;
mod instance_public_ip;
mod nacl_admin_ports_open;
mod nacl_unused;
mod sg_admin_ports_open;
mod sg_all_protocols_open;
mod sg_high_risk_ports_open;
mod sg_too_many_rules;
mod sg_unauthorized_ports_open;
mod sg_unused;
mod subnet_auto_public_ip;
mod tgw_auto_accept;
mod vpc_default_in_use;

pub(crate) use default_sg_allows_traffic::DefaultSgAllowsTraffic;
pub(crate) use ebs_default_encryption::EbsDefaultEncryption;
pub(crate) use ebs_snapshot_public::EbsSnapshotPublic;
pub(crate) use ebs_volume_unencrypted::EbsVolumeUnencrypted;
pub(crate) use flow_logs_disabled::FlowLogsDisabled;
pub(crate) use imdsv2_not_required::Imdsv2NotRequired;
pub(crate) use instance_public_ip::InstancePublicIp;
pub(crate) use nacl_admin_ports_open::NaclAdminPortsOpen;
pub(crate) use nacl_unused::NaclUnused;
pub(crate) use sg_admin_ports_open::SgAdminPortsOpen;
pub(crate) use sg_all_protocols_open::SgAllProtocolsOpen;
pub(crate) use sg_high_risk_ports_open::SgHighRiskPortsOpen;
pub(crate) use sg_too_many_rules::SgTooManyRules;
pub(crate) use sg_unauthorized_ports_open::SgUnauthorizedPortsOpen;
pub(crate) use sg_unused::SgUnused;
pub(crate) use subnet_auto_public_ip::SubnetAutoPublicIp;
pub(crate) use tgw_auto_accept::TgwAutoAccept;
pub(crate) use vpc_default_in_use::VpcDefaultInUse;

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::IpPermission;

/// ASFF type for checks that implement a CIS AWS Foundations Benchmark control.
pub(crate) const CIS_TYPE: &str = "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark";

/// ASFF type for AWS security best-practice checks.
pub(crate) const BEST_PRACTICE_TYPE: &str =
    "Software and Configuration Checks/AWS Security Best Practices";

/// Ports of remote administration: SSH and RDP.
pub(crate) const ADMIN_PORTS: [i32; 2] = [22, 3389];

/// Ingress rules open to the whole internet.
pub(crate) fn world_ingress(sg: &SecurityGroup) -> impl Iterator<Item = &IpPermission> {
    sg.ip_permissions.iter().filter(|rule| rule.open_to_world())
}

/// `tcp 22`, `all traffic`, `udp 1000-2000`: a rule's protocol and ports for messages.
pub(crate) fn describe_rule(rule: &IpPermission) -> String {
    if rule.ip_protocol == "-1" {
        return "all traffic".to_owned();
    }
    match (rule.from_port, rule.to_port) {
        (Some(from), Some(to)) if from == to => format!("{} {from}", rule.ip_protocol),
        (Some(from), Some(to)) => format!("{} {from}-{to}", rule.ip_protocol),
        _ => rule.ip_protocol.clone(),
    }
}

/// A security group's name for messages: `sg-0abc (web)`.
pub(crate) fn sg_name(sg: &ConfigurationItem<SecurityGroup>) -> String {
    format!(
        "{} ({})",
        sg.configuration.group_id, sg.configuration.group_name
    )
}

/// Findings for security groups, from a verdict on each: `None` passes it.
pub(crate) fn judge_security_groups(
    ctx: &Context,
    verdict: impl Fn(&ConfigurationItem<SecurityGroup>) -> Option<String>,
    pass: impl Fn(&ConfigurationItem<SecurityGroup>) -> String,
) -> Result<Vec<Finding>, PluginError> {
    Ok(ctx
        .resources::<SecurityGroup>()?
        .iter()
        .map(|sg| match verdict(sg) {
            Some(problem) => ctx.finding(sg, Status::Failed, problem),
            None => ctx.finding(sg, Status::Passed, pass(sg)),
        })
        .collect())
}
