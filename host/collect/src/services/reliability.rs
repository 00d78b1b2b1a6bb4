//! What reliability checks read (per region): RDS DB instances, Auto Scaling
//! groups, and the resources AWS Backup protects.

use aws_sdk_autoscaling::types as asg;
use aws_sdk_backup::types as backup;
use aws_sdk_rds::types as rds;

use crate::account::{Account, Scope, Unit};
use crate::error::CallError;
use crate::json::{ToJson, tag_map, to_json};

const DB_INSTANCE: &str = "AWS::RDS::DBInstance";
const AUTO_SCALING_GROUP: &str = "AWS::AutoScaling::AutoScalingGroup";
const PROTECTED_RESOURCE: &str = "Parapet::Backup::ProtectedResource";

pub(crate) fn units<'a>(account: &'a Account, region: &str) -> Vec<Unit<'a>> {
    vec![
        account.unit("rds", region, &[DB_INSTANCE], db_instances),
        account.unit(
            "autoscaling",
            region,
            &[AUTO_SCALING_GROUP],
            auto_scaling_groups,
        ),
        account.unit("backup", region, &[PROTECTED_RESOURCE], protected_resources),
    ]
}

to_json! {
    rds::DbInstance {
        "DBInstanceIdentifier" => db_instance_identifier, "DBInstanceClass" => db_instance_class,
        "Engine" => engine, "EngineVersion" => engine_version,
        "DBInstanceStatus" => db_instance_status, "MultiAZ" => multi_az,
        "BackupRetentionPeriod" => backup_retention_period,
        "ReadReplicaSourceDBInstanceIdentifier" => read_replica_source_db_instance_identifier,
        "StorageEncrypted" => storage_encrypted, "PubliclyAccessible" => publicly_accessible,
        "AvailabilityZone" => availability_zone, "DbiResourceId" => dbi_resource_id,
        "DBInstanceArn" => db_instance_arn, "InstanceCreateTime" => instance_create_time,
        "StorageType" => storage_type, "AllocatedStorage" => allocated_storage,
    }
    asg::AutoScalingGroup {
        "AutoScalingGroupName" => auto_scaling_group_name,
        "AutoScalingGroupARN" => auto_scaling_group_arn, "MinSize" => min_size,
        "MaxSize" => max_size, "DesiredCapacity" => desired_capacity,
        "AvailabilityZones" => availability_zones, "VPCZoneIdentifier" => vpc_zone_identifier,
        "HealthCheckType" => health_check_type, "CreatedTime" => created_time,
        "Instances" => instances,
    }
    asg::Instance {
        "InstanceId" => instance_id, "AvailabilityZone" => availability_zone,
        "LifecycleState" => lifecycle_state, "HealthStatus" => health_status,
    }
    backup::ProtectedResource {
        "ResourceArn" => resource_arn, "ResourceType" => resource_type,
        "LastBackupTime" => last_backup_time, "ResourceName" => resource_name,
    }
}

to_json!(enum asg::LifecycleState);

async fn db_instances(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_rds::Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeDBInstances",
            client.describe_db_instances().into_paginator().send(),
        )
        .await?;
    for db in pages.iter().flat_map(|p| p.db_instances()) {
        let id = db
            .dbi_resource_id()
            .or(db.db_instance_identifier())
            .unwrap_or_default();
        let mut item = scope.item(DB_INSTANCE, id, db.to_json());
        item.resource_name = db.db_instance_identifier().map(str::to_owned);
        item.arn = db.db_instance_arn().map(str::to_owned);
        item.tags = tag_map(db.tag_list().iter().map(|t| (t.key(), t.value())));
        scope.add(item);
    }
    Ok(())
}

async fn auto_scaling_groups(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_autoscaling::Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeAutoScalingGroups",
            client
                .describe_auto_scaling_groups()
                .into_paginator()
                .send(),
        )
        .await?;
    for group in pages.iter().flat_map(|p| p.auto_scaling_groups()) {
        let mut item = scope.item(
            AUTO_SCALING_GROUP,
            group.auto_scaling_group_name().unwrap_or_default(),
            group.to_json(),
        );
        item.arn = group.auto_scaling_group_arn().map(str::to_owned);
        item.tags = tag_map(group.tags().iter().map(|t| (t.key(), t.value())));
        scope.add(item);
    }
    Ok(())
}

async fn protected_resources(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_backup::Client::new(&scope.config());
    let pages = scope
        .pages(
            "ListProtectedResources",
            client.list_protected_resources().into_paginator().send(),
        )
        .await?;
    for resource in pages.iter().flat_map(|p| p.results()) {
        // No ARN of its own: the resource's ARN belongs to the resource
        // itself, and would draw its tags onto this record.
        let item = scope.item(
            PROTECTED_RESOURCE,
            resource.resource_arn().unwrap_or_default(),
            resource.to_json(),
        );
        scope.add(item);
    }
    Ok(())
}
