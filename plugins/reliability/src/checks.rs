mod asg_multi_az;
mod ebs_backup;
mod elb_multi_az;
mod rds_backup_retention;
mod rds_multi_az;

pub(crate) use asg_multi_az::AsgMultiAz;
pub(crate) use ebs_backup::EbsBackup;
pub(crate) use elb_multi_az::ElbMultiAz;
pub(crate) use rds_backup_retention::RdsBackupRetention;
pub(crate) use rds_multi_az::RdsMultiAz;

/// ASFF type for reliability checks.
pub(crate) const RELIABILITY_TYPE: &str =
    "Software and Configuration Checks/AWS Security Best Practices/Reliability";

/// A text field of a JSON configuration.
pub(crate) fn text<'a>(value: &'a serde_json::Value, key: &str) -> &'a str {
    value
        .get(key)
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
}
