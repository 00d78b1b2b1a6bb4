//! # RDS instance in a single Availability Zone
//!
//! ## What it checks
//! Every RDS DB instance (not a read replica, not Aurora, which replicates
//! its storage across zones by itself) must be Multi-AZ.
//!
//! ## Why it matters
//! A single-AZ database goes down with its zone, and its maintenance
//! windows are outages; Multi-AZ fails over in a minute or two.
//!
//! ## Remediation
//! `aws rds modify-db-instance --db-instance-identifier ID --multi-az --apply-immediately`
//! (expect a brief I/O pause while the standby is created).

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{RELIABILITY_TYPE, text};

pub(crate) struct RdsMultiAz;

pub(crate) const DB_INSTANCE: &str = "AWS::RDS::DBInstance";

impl Check for RdsMultiAz {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "rel-rds-multi-az",
            "RDS instances are Multi-AZ",
            Severity::Medium,
        )
        .description(module_doc(include_str!("rds_multi_az.rs")))
        .finding_type(RELIABILITY_TYPE)
        .resource_type(DB_INSTANCE)
        .compliance(["AWS-FSBP/RDS.5"])
        .well_architected(Pillar::Reliability, "REL10-BP01")
        .remediation(
            "Turn on Multi-AZ for production databases.",
            Some("https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(DB_INSTANCE)?
            .iter()
            .filter(|db| !text(&db.configuration, "Engine").starts_with("aurora"))
            .filter(|db| {
                db.configuration
                    .get("ReadReplicaSourceDBInstanceIdentifier")
                    .is_none_or(Value::is_null)
            })
            .map(|db| {
                let id = text(&db.configuration, "DBInstanceIdentifier");
                if db.configuration.get("MultiAZ").and_then(Value::as_bool) == Some(true) {
                    ctx.finding(db, Status::Passed, format!("database {id} is Multi-AZ"))
                } else {
                    ctx.finding(
                        db,
                        Status::Failed,
                        format!("database {id} runs in a single Availability Zone"),
                    )
                }
            })
            .collect())
    }
}
