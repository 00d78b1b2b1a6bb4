//! # Network ACL open to the internet on SSH or RDP
//!
//! ## What it checks
//! No network ACL may have an inbound `allow` entry from `0.0.0.0/0` or
//! `::/0` that covers port 22 or 3389 (an entry for all protocols counts)
//! unless a lower-numbered `deny` entry for the same source covers the port
//! first.
//!
//! ## Why it matters
//! Network ACLs are the subnet-wide backstop; when they allow
//! administration ports from anywhere, one permissive security group is
//! enough for exposure.
//!
//! ## Remediation
//! Add deny entries for 22 and 3389 from the internet ahead of the allow
//! entries, or narrow the allow entries' sources.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::{NetworkAcl, NetworkAclEntry};

use super::{ADMIN_PORTS, CIS_TYPE};

pub(crate) struct NaclAdminPortsOpen;

fn from_world(entry: &NetworkAclEntry) -> bool {
    entry.cidr_block.as_deref() == Some("0.0.0.0/0")
        || entry.ipv6_cidr_block.as_deref() == Some("::/0")
}

fn covers(entry: &NetworkAclEntry, port: i32) -> bool {
    match (entry.protocol.as_str(), entry.port_range) {
        ("-1", _) => true,
        ("6" | "17", Some(range)) => range.from <= port && port <= range.to,
        ("6" | "17", None) => true,
        _ => false,
    }
}

/// The admin ports the ACL lets in from the internet, deciding by rule order
/// as AWS does (lowest rule number first).
fn open_admin_ports(acl: &NetworkAcl) -> Vec<i32> {
    let mut inbound: Vec<&NetworkAclEntry> = acl
        .entries
        .iter()
        .filter(|e| !e.egress && from_world(e))
        .collect();
    inbound.sort_by_key(|e| e.rule_number);
    ADMIN_PORTS
        .into_iter()
        .filter(|&port| {
            inbound
                .iter()
                .find(|e| covers(e, port))
                .is_some_and(|e| e.rule_action == "allow")
        })
        .collect()
}

impl Check for NaclAdminPortsOpen {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-nacl-admin-ports-open",
            "No network ACL admits SSH or RDP from the internet",
            Severity::Medium,
        )
        .description(module_doc(include_str!("nacl_admin_ports_open.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(NetworkAcl::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/5.1", "AWS-FSBP/EC2.21"])
        .well_architected(Pillar::Security, "SEC05-BP01")
        .remediation(
            "Deny ports 22 and 3389 from 0.0.0.0/0 and ::/0 in the network ACL.",
            Some("https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<NetworkAcl>()?
            .iter()
            .map(|acl| {
                let id = &acl.configuration.network_acl_id;
                let open = open_admin_ports(&acl.configuration);
                if open.is_empty() {
                    ctx.finding(
                        acl,
                        Status::Passed,
                        format!("network ACL {id} does not admit SSH or RDP from the internet"),
                    )
                } else {
                    let ports: Vec<String> = open.iter().map(ToString::to_string).collect();
                    ctx.finding(
                        acl,
                        Status::Failed,
                        format!(
                            "network ACL {id} admits port {} from the internet",
                            ports.join(" and ")
                        ),
                    )
                }
            })
            .collect())
    }
}
