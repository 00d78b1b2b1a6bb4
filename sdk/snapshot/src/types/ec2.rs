//! EC2 and VPC resources, as the `Describe*` calls return them.

use serde::{Deserialize, Serialize};

use super::resource_kind;

/// A security group (`DescribeSecurityGroups`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SecurityGroup {
    pub group_id: String,
    pub group_name: String,
    pub description: String,
    pub vpc_id: Option<String>,
    pub owner_id: String,
    pub ip_permissions: Vec<IpPermission>,
    pub ip_permissions_egress: Vec<IpPermission>,
}
resource_kind!(SecurityGroup => "AWS::EC2::SecurityGroup");

/// One rule of a security group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct IpPermission {
    /// `tcp`, `udp`, `icmp`, or `-1` for every protocol.
    pub ip_protocol: String,
    pub from_port: Option<i32>,
    pub to_port: Option<i32>,
    pub ip_ranges: Vec<IpRange>,
    pub ipv6_ranges: Vec<Ipv6Range>,
    pub user_id_group_pairs: Vec<serde_json::Value>,
    pub prefix_list_ids: Vec<serde_json::Value>,
}

impl IpPermission {
    /// Whether the rule admits traffic to `port` (all protocols count).
    #[must_use]
    pub fn covers_port(&self, port: i32) -> bool {
        if self.ip_protocol == "-1" {
            return true;
        }
        match (self.from_port, self.to_port) {
            (Some(from), Some(to)) => from <= port && port <= to,
            _ => true,
        }
    }

    /// Whether the rule is open to the whole internet (`0.0.0.0/0` or `::/0`).
    #[must_use]
    pub fn open_to_world(&self) -> bool {
        self.ip_ranges.iter().any(|r| r.cidr_ip == "0.0.0.0/0")
            || self.ipv6_ranges.iter().any(|r| r.cidr_ipv6 == "::/0")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct IpRange {
    pub cidr_ip: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Ipv6Range {
    pub cidr_ipv6: String,
    pub description: Option<String>,
}
