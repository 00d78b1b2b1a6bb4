//! # RDS automated backups kept too briefly
//!
//! ## What it checks
//! Every RDS DB instance must keep automated backups for at least
//! `min_backup_days` days (default 7); `BackupRetentionPeriod` 0 means
//! automated backups are off.
//!
//! ## Settings
//! ```toml
//! [plugins.reliability.settings]
//! min_backup_days = 7
//! ```
//!
//! ## Why it matters
//! Data corruption and bad deployments are often noticed days later;
//! point-in-time recovery only reaches back as far as the retention period.
//!
//! ## Remediation
//! `aws rds modify-db-instance --db-instance-identifier ID --backup-retention-period 7`

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::rds_multi_az::DB_INSTANCE;
use super::{RELIABILITY_TYPE, text};

pub(crate) struct RdsBackupRetention;

impl Check for RdsBackupRetention {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("rel-rds-backup-retention", "RDS backups are kept for at least 7 days", Severity::Medium)
            .description(module_doc(include_str!("rds_backup_retention.rs")))
            .finding_type(RELIABILITY_TYPE)
            .resource_type(DB_INSTANCE)
            .compliance(["AWS-FSBP/RDS.11"])
            .well_architected(Pillar::Reliability, "REL09-BP03")
            .remediation(
                "Keep automated backups for at least 7 days.",
                Some("https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let minimum = ctx
            .settings::<Value>()?
            .get("min_backup_days")
            .and_then(Value::as_i64)
            .unwrap_or(7);
        Ok(ctx
            .resources_of::<Value>(DB_INSTANCE)?
            .iter()
            .map(|db| {
                let id = text(&db.configuration, "DBInstanceIdentifier");
                match db
                    .configuration
                    .get("BackupRetentionPeriod")
                    .and_then(Value::as_i64)
                {
                    Some(0) => ctx.finding(
                        db,
                        Status::Failed,
                        format!("database {id} has automated backups turned off"),
                    ),
                    Some(days) if days < minimum => ctx.finding(
                        db,
                        Status::Failed,
                        format!(
                            "database {id} keeps backups for {days} days, fewer than {minimum}"
                        ),
                    ),
                    Some(days) => ctx.finding(
                        db,
                        Status::Passed,
                        format!("database {id} keeps backups for {days} days"),
                    ),
                    None => ctx.finding(
                        db,
                        Status::NotAvailable,
                        format!("database {id} has no backup retention in the snapshot"),
                    ),
                }
            })
            .collect())
    }
}
