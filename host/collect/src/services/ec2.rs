//! EC2 and VPC (per region): networks, their firewalls and gateways,
//! instances, volumes, snapshots, addresses, reservations.

use std::collections::BTreeMap;

use aws_sdk_ec2::Client;
use aws_sdk_ec2::types as t;
use serde_json::Value;

use crate::account::{Account, Scope, Unit};
use crate::error::CallError;
use crate::json::{ToJson, object, tag_map, to_json};

pub(crate) const VPC: &str = "AWS::EC2::VPC";
pub(crate) const SUBNET: &str = "AWS::EC2::Subnet";
pub(crate) const SECURITY_GROUP: &str = "AWS::EC2::SecurityGroup";
pub(crate) const NETWORK_ACL: &str = "AWS::EC2::NetworkAcl";
pub(crate) const NETWORK_INTERFACE: &str = "AWS::EC2::NetworkInterface";
pub(crate) const ROUTE_TABLE: &str = "AWS::EC2::RouteTable";
pub(crate) const INTERNET_GATEWAY: &str = "AWS::EC2::InternetGateway";
pub(crate) const NAT_GATEWAY: &str = "AWS::EC2::NatGateway";
pub(crate) const FLOW_LOG: &str = "AWS::EC2::FlowLog";
pub(crate) const INSTANCE: &str = "AWS::EC2::Instance";
pub(crate) const VOLUME: &str = "AWS::EC2::Volume";
pub(crate) const SNAPSHOT: &str = "AWS::EC2::Snapshot";
pub(crate) const EIP: &str = "AWS::EC2::EIP";
pub(crate) const TRANSIT_GATEWAY: &str = "AWS::EC2::TransitGateway";
pub(crate) const LAUNCH_TEMPLATE: &str = "AWS::EC2::LaunchTemplate";
pub(crate) const EBS_DEFAULT: &str = "Parapet::EC2::EBSEncryptionByDefault";
pub(crate) const RESERVED_INSTANCES: &str = "Parapet::EC2::ReservedInstances";

pub(crate) fn units<'a>(account: &'a Account, region: &str) -> Vec<Unit<'a>> {
    vec![
        account.unit("ec2", region, &[VPC], vpcs),
        account.unit("ec2", region, &[SUBNET], subnets),
        account.unit("ec2", region, &[SECURITY_GROUP], security_groups),
        account.unit("ec2", region, &[NETWORK_ACL], network_acls),
        account.unit("ec2", region, &[NETWORK_INTERFACE], network_interfaces),
        account.unit("ec2", region, &[ROUTE_TABLE], route_tables),
        account.unit("ec2", region, &[INTERNET_GATEWAY], internet_gateways),
        account.unit("ec2", region, &[NAT_GATEWAY], nat_gateways),
        account.unit("ec2", region, &[FLOW_LOG], flow_logs),
        account.unit("ec2", region, &[INSTANCE], instances),
        account.unit("ec2", region, &[VOLUME], volumes),
        account.unit("ec2", region, &[SNAPSHOT], snapshots),
        account.unit("ec2", region, &[EIP], addresses),
        account.unit("ec2", region, &[TRANSIT_GATEWAY], transit_gateways),
        account.unit("ec2", region, &[LAUNCH_TEMPLATE], launch_templates),
        account.unit("ec2", region, &[EBS_DEFAULT], ebs_encryption_by_default),
        account.unit("ec2", region, &[RESERVED_INSTANCES], reserved_instances),
    ]
}

to_json! {
    t::Tag { "Key" => key, "Value" => value }
    t::Vpc {
        "VpcId" => vpc_id, "CidrBlock" => cidr_block, "State" => state, "IsDefault" => is_default,
        "InstanceTenancy" => instance_tenancy, "OwnerId" => owner_id,
        "DhcpOptionsId" => dhcp_options_id, "Tags" => tags,
    }
    t::Subnet {
        "SubnetId" => subnet_id, "VpcId" => vpc_id, "CidrBlock" => cidr_block,
        "AvailabilityZone" => availability_zone, "AvailabilityZoneId" => availability_zone_id,
        "MapPublicIpOnLaunch" => map_public_ip_on_launch, "DefaultForAz" => default_for_az,
        "AvailableIpAddressCount" => available_ip_address_count, "State" => state,
        "OwnerId" => owner_id, "SubnetArn" => subnet_arn, "Tags" => tags,
    }
    t::SecurityGroup {
        "GroupId" => group_id, "GroupName" => group_name, "Description" => description,
        "VpcId" => vpc_id, "OwnerId" => owner_id, "IpPermissions" => ip_permissions,
        "IpPermissionsEgress" => ip_permissions_egress, "Tags" => tags,
    }
    t::IpPermission {
        "IpProtocol" => ip_protocol, "FromPort" => from_port, "ToPort" => to_port,
        "IpRanges" => ip_ranges, "Ipv6Ranges" => ipv6_ranges,
        "UserIdGroupPairs" => user_id_group_pairs, "PrefixListIds" => prefix_list_ids,
    }
    t::IpRange { "CidrIp" => cidr_ip, "Description" => description }
    t::Ipv6Range { "CidrIpv6" => cidr_ipv6, "Description" => description }
    t::UserIdGroupPair {
        "GroupId" => group_id, "GroupName" => group_name, "UserId" => user_id,
        "VpcId" => vpc_id, "VpcPeeringConnectionId" => vpc_peering_connection_id,
        "PeeringStatus" => peering_status, "Description" => description,
    }
    t::PrefixListId { "PrefixListId" => prefix_list_id, "Description" => description }
    t::NetworkAcl {
        "NetworkAclId" => network_acl_id, "VpcId" => vpc_id, "IsDefault" => is_default,
        "OwnerId" => owner_id, "Entries" => entries, "Associations" => associations,
        "Tags" => tags,
    }
    t::NetworkAclEntry {
        "RuleNumber" => rule_number, "Protocol" => protocol, "RuleAction" => rule_action,
        "Egress" => egress, "CidrBlock" => cidr_block, "Ipv6CidrBlock" => ipv6_cidr_block,
        "PortRange" => port_range, "IcmpTypeCode" => icmp_type_code,
    }
    t::PortRange { "From" => from, "To" => to }
    t::IcmpTypeCode { "Code" => code, "Type" => r#type }
    t::NetworkAclAssociation {
        "NetworkAclAssociationId" => network_acl_association_id,
        "NetworkAclId" => network_acl_id, "SubnetId" => subnet_id,
    }
    t::NetworkInterface {
        "NetworkInterfaceId" => network_interface_id, "InterfaceType" => interface_type,
        "Groups" => groups, "SubnetId" => subnet_id, "VpcId" => vpc_id,
        "AvailabilityZone" => availability_zone, "Description" => description,
        "Status" => status, "PrivateIpAddress" => private_ip_address,
        "Association" => association, "Attachment" => attachment,
        "RequesterManaged" => requester_managed, "OwnerId" => owner_id, "TagSet" => tag_set,
    }
    t::NetworkInterfaceAssociation {
        "PublicIp" => public_ip, "IpOwnerId" => ip_owner_id, "AllocationId" => allocation_id,
    }
    t::NetworkInterfaceAttachment {
        "AttachmentId" => attachment_id, "InstanceId" => instance_id,
        "InstanceOwnerId" => instance_owner_id, "Status" => status,
        "DeviceIndex" => device_index,
    }
    t::GroupIdentifier { "GroupId" => group_id, "GroupName" => group_name }
    t::RouteTable {
        "RouteTableId" => route_table_id, "VpcId" => vpc_id, "OwnerId" => owner_id,
        "Routes" => routes, "Associations" => associations, "Tags" => tags,
    }
    t::Route {
        "DestinationCidrBlock" => destination_cidr_block,
        "DestinationIpv6CidrBlock" => destination_ipv6_cidr_block,
        "DestinationPrefixListId" => destination_prefix_list_id,
        "GatewayId" => gateway_id, "NatGatewayId" => nat_gateway_id,
        "TransitGatewayId" => transit_gateway_id, "InstanceId" => instance_id,
        "NetworkInterfaceId" => network_interface_id,
        "EgressOnlyInternetGatewayId" => egress_only_internet_gateway_id,
        "VpcPeeringConnectionId" => vpc_peering_connection_id,
        "Origin" => origin, "State" => state,
    }
    t::RouteTableAssociation {
        "RouteTableAssociationId" => route_table_association_id,
        "RouteTableId" => route_table_id, "SubnetId" => subnet_id, "GatewayId" => gateway_id,
        "Main" => main,
    }
    t::InternetGateway {
        "InternetGatewayId" => internet_gateway_id, "OwnerId" => owner_id,
        "Attachments" => attachments, "Tags" => tags,
    }
    t::InternetGatewayAttachment { "VpcId" => vpc_id, "State" => state }
    t::NatGateway {
        "NatGatewayId" => nat_gateway_id, "State" => state, "SubnetId" => subnet_id,
        "VpcId" => vpc_id, "ConnectivityType" => connectivity_type,
        "CreateTime" => create_time, "NatGatewayAddresses" => nat_gateway_addresses,
        "Tags" => tags,
    }
    t::NatGatewayAddress {
        "AllocationId" => allocation_id, "NetworkInterfaceId" => network_interface_id,
        "PrivateIp" => private_ip, "PublicIp" => public_ip, "IsPrimary" => is_primary,
    }
    t::FlowLog {
        "FlowLogId" => flow_log_id, "ResourceId" => resource_id,
        "FlowLogStatus" => flow_log_status, "DeliverLogsStatus" => deliver_logs_status,
        "TrafficType" => traffic_type, "LogDestinationType" => log_destination_type,
        "LogDestination" => log_destination, "LogGroupName" => log_group_name,
        "CreationTime" => creation_time, "MaxAggregationInterval" => max_aggregation_interval,
        "Tags" => tags,
    }
    t::Instance {
        "InstanceId" => instance_id, "InstanceType" => instance_type, "ImageId" => image_id,
        "LaunchTime" => launch_time, "State" => state,
        "StateTransitionReason" => state_transition_reason, "StateReason" => state_reason,
        "SubnetId" => subnet_id, "VpcId" => vpc_id, "Placement" => placement,
        "PrivateIpAddress" => private_ip_address, "PublicIpAddress" => public_ip_address,
        "PublicDnsName" => public_dns_name, "SecurityGroups" => security_groups,
        "IamInstanceProfile" => iam_instance_profile, "MetadataOptions" => metadata_options,
        "BlockDeviceMappings" => block_device_mappings, "Monitoring" => monitoring,
        "Platform" => platform, "PlatformDetails" => platform_details,
        "Architecture" => architecture, "KeyName" => key_name,
        "InstanceLifecycle" => instance_lifecycle, "EbsOptimized" => ebs_optimized,
        "Tags" => tags,
    }
    t::InstanceState { "Code" => code, "Name" => name }
    t::StateReason { "Code" => code, "Message" => message }
    t::Placement {
        "AvailabilityZone" => availability_zone, "Tenancy" => tenancy, "GroupName" => group_name,
    }
    t::IamInstanceProfile { "Arn" => arn, "Id" => id }
    t::InstanceMetadataOptionsResponse {
        "State" => state, "HttpTokens" => http_tokens,
        "HttpPutResponseHopLimit" => http_put_response_hop_limit,
        "HttpEndpoint" => http_endpoint, "HttpProtocolIpv6" => http_protocol_ipv6,
        "InstanceMetadataTags" => instance_metadata_tags,
    }
    t::InstanceBlockDeviceMapping { "DeviceName" => device_name, "Ebs" => ebs }
    t::EbsInstanceBlockDevice {
        "VolumeId" => volume_id, "Status" => status, "AttachTime" => attach_time,
        "DeleteOnTermination" => delete_on_termination,
    }
    t::Monitoring { "State" => state }
    t::Volume {
        "VolumeId" => volume_id, "VolumeType" => volume_type, "Size" => size,
        "Iops" => iops, "Throughput" => throughput, "State" => state,
        "Encrypted" => encrypted, "KmsKeyId" => kms_key_id,
        "AvailabilityZone" => availability_zone, "CreateTime" => create_time,
        "SnapshotId" => snapshot_id, "Attachments" => attachments,
        "MultiAttachEnabled" => multi_attach_enabled, "Tags" => tags,
    }
    t::VolumeAttachment {
        "InstanceId" => instance_id, "VolumeId" => volume_id, "Device" => device,
        "State" => state, "AttachTime" => attach_time,
        "DeleteOnTermination" => delete_on_termination,
    }
    t::Snapshot {
        "SnapshotId" => snapshot_id, "VolumeId" => volume_id, "VolumeSize" => volume_size,
        "StartTime" => start_time, "State" => state, "Encrypted" => encrypted,
        "KmsKeyId" => kms_key_id, "OwnerId" => owner_id, "Description" => description,
        "StorageTier" => storage_tier, "Tags" => tags,
    }
    t::CreateVolumePermission { "Group" => group, "UserId" => user_id }
    t::Address {
        "AllocationId" => allocation_id, "PublicIp" => public_ip, "Domain" => domain,
        "AssociationId" => association_id, "InstanceId" => instance_id,
        "NetworkInterfaceId" => network_interface_id,
        "NetworkInterfaceOwnerId" => network_interface_owner_id,
        "PrivateIpAddress" => private_ip_address, "PublicIpv4Pool" => public_ipv4_pool,
        "NetworkBorderGroup" => network_border_group, "Tags" => tags,
    }
    t::TransitGateway {
        "TransitGatewayId" => transit_gateway_id, "TransitGatewayArn" => transit_gateway_arn,
        "State" => state, "OwnerId" => owner_id, "Description" => description,
        "CreationTime" => creation_time, "Options" => options, "Tags" => tags,
    }
    t::TransitGatewayOptions {
        "AmazonSideAsn" => amazon_side_asn,
        "AutoAcceptSharedAttachments" => auto_accept_shared_attachments,
        "DefaultRouteTableAssociation" => default_route_table_association,
        "AssociationDefaultRouteTableId" => association_default_route_table_id,
        "DefaultRouteTablePropagation" => default_route_table_propagation,
        "PropagationDefaultRouteTableId" => propagation_default_route_table_id,
        "VpnEcmpSupport" => vpn_ecmp_support, "DnsSupport" => dns_support,
        "MulticastSupport" => multicast_support,
    }
    t::LaunchTemplate {
        "LaunchTemplateId" => launch_template_id, "LaunchTemplateName" => launch_template_name,
        "CreateTime" => create_time, "CreatedBy" => created_by,
        "DefaultVersionNumber" => default_version_number,
        "LatestVersionNumber" => latest_version_number, "Tags" => tags,
    }
    t::ReservedInstances {
        "ReservedInstancesId" => reserved_instances_id, "InstanceType" => instance_type,
        "InstanceCount" => instance_count, "Start" => start, "End" => end,
        "Duration" => duration, "State" => state, "OfferingClass" => offering_class,
        "OfferingType" => offering_type, "ProductDescription" => product_description,
        "Scope" => scope, "AvailabilityZone" => availability_zone,
        "InstanceTenancy" => instance_tenancy, "FixedPrice" => fixed_price,
        "UsagePrice" => usage_price, "CurrencyCode" => currency_code,
        "RecurringCharges" => recurring_charges, "Tags" => tags,
    }
    t::RecurringCharge { "Amount" => amount, "Frequency" => frequency }
}

to_json!(
    enum t::VpcState, enum t::Tenancy, enum t::SubnetState, enum t::RuleAction,
    enum t::NetworkInterfaceType, enum t::NetworkInterfaceStatus, enum t::AttachmentStatus,
    enum t::RouteOrigin, enum t::RouteState, enum t::NatGatewayState, enum t::ConnectivityType,
    enum t::TrafficType, enum t::LogDestinationType, enum t::InstanceType,
    enum t::InstanceStateName, enum t::InstanceMetadataOptionsState, enum t::HttpTokensState,
    enum t::InstanceMetadataEndpointState, enum t::InstanceMetadataProtocolState,
    enum t::InstanceMetadataTagsState, enum t::MonitoringState, enum t::PlatformValues,
    enum t::ArchitectureValues, enum t::InstanceLifecycleType, enum t::VolumeType,
    enum t::VolumeState, enum t::VolumeAttachmentState, enum t::SnapshotState,
    enum t::StorageTier, enum t::PermissionGroup, enum t::DomainType, enum t::TransitGatewayState,
    enum t::AutoAcceptSharedAttachmentsValue, enum t::DefaultRouteTableAssociationValue,
    enum t::DefaultRouteTablePropagationValue, enum t::VpnEcmpSupportValue,
    enum t::DnsSupportValue, enum t::MulticastSupportValue, enum t::ReservedInstanceState,
    enum t::OfferingClassType, enum t::OfferingTypeValues, enum t::RiProductDescription,
    enum t::Scope, enum t::CurrencyCodeValues, enum t::RecurringChargeFrequency,
);

fn tags(tags: &[t::Tag]) -> BTreeMap<String, String> {
    tag_map(tags.iter().map(|t| (t.key(), t.value())))
}

/// An item with the EC2 ARN `resource_path` (such as `vpc/vpc-0123`).
fn ec2_item(
    scope: &Scope<'_>,
    resource_type: &str,
    id: Option<&str>,
    resource_path: &str,
    configuration: Option<Value>,
    resource_tags: &[t::Tag],
) -> parapet_snapshot::ConfigurationItem {
    let id = id.unwrap_or_default();
    let mut item = scope.item(resource_type, id, configuration);
    item.arn = Some(
        scope
            .account
            .arn("ec2", &scope.region, &format!("{resource_path}/{id}")),
    );
    item.tags = tags(resource_tags);
    item
}

async fn vpcs(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeVpcs",
            client.describe_vpcs().into_paginator().send(),
        )
        .await?;
    for vpc in pages.iter().flat_map(|p| p.vpcs()) {
        scope.add(ec2_item(
            &scope,
            VPC,
            vpc.vpc_id(),
            "vpc",
            vpc.to_json(),
            vpc.tags(),
        ));
    }
    Ok(())
}

async fn subnets(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeSubnets",
            client.describe_subnets().into_paginator().send(),
        )
        .await?;
    for subnet in pages.iter().flat_map(|p| p.subnets()) {
        let item = ec2_item(
            &scope,
            SUBNET,
            subnet.subnet_id(),
            "subnet",
            subnet.to_json(),
            subnet.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn security_groups(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeSecurityGroups",
            client.describe_security_groups().into_paginator().send(),
        )
        .await?;
    for group in pages.iter().flat_map(|p| p.security_groups()) {
        let mut item = ec2_item(
            &scope,
            SECURITY_GROUP,
            group.group_id(),
            "security-group",
            group.to_json(),
            group.tags(),
        );
        item.resource_name = group.group_name().map(str::to_owned);
        scope.add(item);
    }
    Ok(())
}

async fn network_acls(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeNetworkAcls",
            client.describe_network_acls().into_paginator().send(),
        )
        .await?;
    for acl in pages.iter().flat_map(|p| p.network_acls()) {
        let item = ec2_item(
            &scope,
            NETWORK_ACL,
            acl.network_acl_id(),
            "network-acl",
            acl.to_json(),
            acl.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn network_interfaces(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeNetworkInterfaces",
            client.describe_network_interfaces().into_paginator().send(),
        )
        .await?;
    for eni in pages.iter().flat_map(|p| p.network_interfaces()) {
        let item = ec2_item(
            &scope,
            NETWORK_INTERFACE,
            eni.network_interface_id(),
            "network-interface",
            eni.to_json(),
            eni.tag_set(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn route_tables(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeRouteTables",
            client.describe_route_tables().into_paginator().send(),
        )
        .await?;
    for table in pages.iter().flat_map(|p| p.route_tables()) {
        let item = ec2_item(
            &scope,
            ROUTE_TABLE,
            table.route_table_id(),
            "route-table",
            table.to_json(),
            table.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn internet_gateways(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeInternetGateways",
            client.describe_internet_gateways().into_paginator().send(),
        )
        .await?;
    for gateway in pages.iter().flat_map(|p| p.internet_gateways()) {
        let item = ec2_item(
            &scope,
            INTERNET_GATEWAY,
            gateway.internet_gateway_id(),
            "internet-gateway",
            gateway.to_json(),
            gateway.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn nat_gateways(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeNatGateways",
            client.describe_nat_gateways().into_paginator().send(),
        )
        .await?;
    let gateways: Vec<&t::NatGateway> = pages.iter().flat_map(|p| p.nat_gateways()).collect();
    let bytes = super::cloudwatch::nat_bytes_out(&scope, &gateways).await;
    for gateway in gateways {
        let mut item = ec2_item(
            &scope,
            NAT_GATEWAY,
            gateway.nat_gateway_id(),
            "natgateway",
            gateway.to_json(),
            gateway.tags(),
        );
        if let Some(sum) = gateway.nat_gateway_id().and_then(|id| bytes.get(id)) {
            item.supplementary_configuration
                .insert("BytesOutToDestination".to_owned(), Value::from(*sum));
        }
        scope.add(item);
    }
    Ok(())
}

async fn flow_logs(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeFlowLogs",
            client.describe_flow_logs().into_paginator().send(),
        )
        .await?;
    for log in pages.iter().flat_map(|p| p.flow_logs()) {
        let item = ec2_item(
            &scope,
            FLOW_LOG,
            log.flow_log_id(),
            "vpc-flow-log",
            log.to_json(),
            log.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn instances(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeInstances",
            client.describe_instances().into_paginator().send(),
        )
        .await?;
    for instance in pages
        .iter()
        .flat_map(|p| p.reservations())
        .flat_map(|r| r.instances())
    {
        let item = ec2_item(
            &scope,
            INSTANCE,
            instance.instance_id(),
            "instance",
            instance.to_json(),
            instance.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn volumes(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeVolumes",
            client.describe_volumes().into_paginator().send(),
        )
        .await?;
    for volume in pages.iter().flat_map(|p| p.volumes()) {
        let item = ec2_item(
            &scope,
            VOLUME,
            volume.volume_id(),
            "volume",
            volume.to_json(),
            volume.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn snapshots(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeSnapshots",
            client
                .describe_snapshots()
                .owner_ids("self")
                .into_paginator()
                .send(),
        )
        .await?;
    for snapshot in pages.iter().flat_map(|p| p.snapshots()) {
        let mut item = ec2_item(
            &scope,
            SNAPSHOT,
            snapshot.snapshot_id(),
            "snapshot",
            snapshot.to_json(),
            snapshot.tags(),
        );
        item.arn = snapshot.snapshot_id().map(|id| {
            // Snapshot ARNs carry no account id.
            format!(
                "arn:{}:ec2:{}::snapshot/{id}",
                scope.account.partition, scope.region
            )
        });
        // Whether the snapshot is public lives only in its attribute.
        let permissions = scope
            .call(
                "DescribeSnapshotAttribute",
                client
                    .describe_snapshot_attribute()
                    .snapshot_id(snapshot.snapshot_id().unwrap_or_default())
                    .attribute(t::SnapshotAttributeName::CreateVolumePermission)
                    .send(),
            )
            .await;
        if let Some(output) = scope.recorded(permissions) {
            item.supplementary_configuration.insert(
                "CreateVolumePermissions".to_owned(),
                output
                    .create_volume_permissions()
                    .to_json()
                    .unwrap_or_default(),
            );
        }
        scope.add(item);
    }
    Ok(())
}

async fn addresses(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    // DescribeAddresses is not paginated: it returns every address.
    let output = scope
        .call("DescribeAddresses", client.describe_addresses().send())
        .await?;
    for address in output.addresses() {
        let item = ec2_item(
            &scope,
            EIP,
            address.allocation_id(),
            "elastic-ip",
            address.to_json(),
            address.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn transit_gateways(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeTransitGateways",
            client.describe_transit_gateways().into_paginator().send(),
        )
        .await?;
    for gateway in pages.iter().flat_map(|p| p.transit_gateways()) {
        let item = ec2_item(
            &scope,
            TRANSIT_GATEWAY,
            gateway.transit_gateway_id(),
            "transit-gateway",
            gateway.to_json(),
            gateway.tags(),
        );
        scope.add(item);
    }
    Ok(())
}

async fn launch_templates(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeLaunchTemplates",
            client.describe_launch_templates().into_paginator().send(),
        )
        .await?;
    for template in pages.iter().flat_map(|p| p.launch_templates()) {
        let mut item = ec2_item(
            &scope,
            LAUNCH_TEMPLATE,
            template.launch_template_id(),
            "launch-template",
            template.to_json(),
            template.tags(),
        );
        item.resource_name = template.launch_template_name().map(str::to_owned);
        scope.add(item);
    }
    Ok(())
}

async fn ebs_encryption_by_default(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let output = scope
        .call(
            "GetEbsEncryptionByDefault",
            client.get_ebs_encryption_by_default().send(),
        )
        .await?;
    let configuration = object([(
        "EbsEncryptionByDefault",
        output.ebs_encryption_by_default().to_json(),
    )]);
    scope.add(scope.item(
        EBS_DEFAULT,
        "ebs-encryption-by-default",
        Some(configuration),
    ));
    Ok(())
}

async fn reserved_instances(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    // Not paginated: the API returns every reservation of the region.
    let output = scope
        .call(
            "DescribeReservedInstances",
            client.describe_reserved_instances().send(),
        )
        .await?;
    for reservation in output.reserved_instances() {
        let mut item = scope.item(
            RESERVED_INSTANCES,
            reservation.reserved_instances_id().unwrap_or_default(),
            reservation.to_json(),
        );
        item.tags = tags(reservation.tags());
        scope.add(item);
    }
    Ok(())
}
