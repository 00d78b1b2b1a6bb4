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

/// A tag as EC2 returns it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

/// A VPC (`DescribeVpcs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Vpc {
    pub vpc_id: String,
    pub cidr_block: String,
    pub is_default: bool,
    pub state: String,
    pub owner_id: String,
}
resource_kind!(Vpc => "AWS::EC2::VPC");

/// A subnet (`DescribeSubnets`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Subnet {
    pub subnet_id: String,
    pub vpc_id: String,
    pub cidr_block: String,
    pub availability_zone: String,
    pub map_public_ip_on_launch: bool,
    pub default_for_az: bool,
}
resource_kind!(Subnet => "AWS::EC2::Subnet");

/// A network ACL (`DescribeNetworkAcls`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkAcl {
    pub network_acl_id: String,
    pub vpc_id: String,
    pub is_default: bool,
    pub entries: Vec<NetworkAclEntry>,
    pub associations: Vec<NetworkAclAssociation>,
}
resource_kind!(NetworkAcl => "AWS::EC2::NetworkAcl");

/// One rule of a network ACL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkAclEntry {
    pub rule_number: i32,
    /// Protocol number as text: `6` TCP, `17` UDP, `-1` all.
    pub protocol: String,
    /// `allow` or `deny`.
    pub rule_action: String,
    pub egress: bool,
    pub cidr_block: Option<String>,
    pub ipv6_cidr_block: Option<String>,
    pub port_range: Option<PortRange>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PortRange {
    pub from: i32,
    pub to: i32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkAclAssociation {
    pub network_acl_association_id: String,
    pub subnet_id: String,
}

/// An instance (`DescribeInstances`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Instance {
    pub instance_id: String,
    pub instance_type: String,
    pub launch_time: Option<String>,
    pub state: InstanceState,
    pub state_transition_reason: Option<String>,
    pub subnet_id: Option<String>,
    pub vpc_id: Option<String>,
    pub public_ip_address: Option<String>,
    pub security_groups: Vec<GroupIdentifier>,
    pub metadata_options: Option<MetadataOptions>,
    pub block_device_mappings: Vec<serde_json::Value>,
}
resource_kind!(Instance => "AWS::EC2::Instance");

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceState {
    /// `pending`, `running`, `stopping`, `stopped`, `shutting-down`, `terminated`.
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct GroupIdentifier {
    pub group_id: String,
    pub group_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct MetadataOptions {
    /// `required` when IMDSv2 is enforced, `optional` otherwise.
    pub http_tokens: String,
    /// `enabled` or `disabled`.
    pub http_endpoint: String,
    pub http_put_response_hop_limit: Option<i32>,
}

/// A network interface (`DescribeNetworkInterfaces`): what really uses a
/// security group (instances, load balancers, Lambda functions, databases).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkInterface {
    pub network_interface_id: String,
    pub groups: Vec<GroupIdentifier>,
    pub interface_type: Option<String>,
}
resource_kind!(NetworkInterface => "AWS::EC2::NetworkInterface");

/// A flow log (`DescribeFlowLogs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FlowLog {
    pub flow_log_id: String,
    /// The VPC, subnet or interface the flow log watches.
    pub resource_id: String,
    pub flow_log_status: String,
    pub traffic_type: String,
}
resource_kind!(FlowLog => "AWS::EC2::FlowLog");

/// Whether new EBS volumes are encrypted by default in a region
/// (`GetEbsEncryptionByDefault`); one item per region.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EbsEncryptionByDefault {
    pub ebs_encryption_by_default: bool,
}
resource_kind!(EbsEncryptionByDefault => "Parapet::EC2::EBSEncryptionByDefault");

/// A volume (`DescribeVolumes`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Volume {
    pub volume_id: String,
    pub volume_type: String,
    pub size: i64,
    /// `in-use` or `available`.
    pub state: String,
    pub encrypted: bool,
    pub create_time: Option<String>,
    pub attachments: Vec<VolumeAttachment>,
}
resource_kind!(Volume => "AWS::EC2::Volume");

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VolumeAttachment {
    pub instance_id: String,
    pub state: String,
}

/// An EBS snapshot the account owns (`DescribeSnapshots --owner-ids self`);
/// `supplementaryConfiguration.CreateVolumePermissions` holds
/// `DescribeSnapshotAttribute`'s answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EbsSnapshot {
    pub snapshot_id: String,
    pub volume_id: Option<String>,
    pub volume_size: i64,
    pub start_time: Option<String>,
    pub encrypted: bool,
}
resource_kind!(EbsSnapshot => "AWS::EC2::Snapshot");

/// A transit gateway (`DescribeTransitGateways`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TransitGateway {
    pub transit_gateway_id: String,
    pub state: String,
    pub options: TransitGatewayOptions,
}
resource_kind!(TransitGateway => "AWS::EC2::TransitGateway");

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TransitGatewayOptions {
    /// `enable` or `disable`.
    pub auto_accept_shared_attachments: String,
    pub default_route_table_association: String,
}

/// An Elastic IP address (`DescribeAddresses`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Address {
    pub allocation_id: String,
    pub public_ip: String,
    pub association_id: Option<String>,
    pub instance_id: Option<String>,
    pub network_interface_id: Option<String>,
}
resource_kind!(Address => "AWS::EC2::EIP");
