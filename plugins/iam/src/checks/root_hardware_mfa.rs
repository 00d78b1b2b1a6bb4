//! # Root user without a hardware MFA device
//!
//! ## What it checks
//! The root user's MFA must be a hardware device: when the account has MFA
//! on the root user (`AccountMFAEnabled`) but one of its virtual MFA devices
//! (`ListVirtualMFADevices`) belongs to the root user, the device is virtual
//! and the check fails.
//!
//! ## Why it matters
//! A virtual MFA lives on a phone that is lost, replaced or backed up to the
//! cloud; for the one identity IAM cannot restrict, CIS asks for hardware.
//!
//! ## Remediation
//! Register a FIDO security key or hardware TOTP token for the root user and
//! remove the virtual device.

use parapet_sdk::prelude::*;

use super::{CIS_TYPE, account_summary};

pub(crate) struct RootHardwareMfa;

impl Check for RootHardwareMfa {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "iam-root-hardware-mfa",
            "Root user has a hardware MFA device",
            Severity::Critical,
        )
        .description(module_doc(include_str!("root_hardware_mfa.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(AccountSummary::RESOURCE_TYPE)
        .resource_type(VirtualMfaDevice::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/1.6", "AWS-FSBP/IAM.6"])
        .well_architected(Pillar::Security, "SEC02-BP01")
        .remediation(
            "Register a hardware MFA device for the root user.",
            Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let summary = match account_summary(ctx)? {
            Ok(summary) => summary,
            Err(gap) => return Ok(gap),
        };
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        if summary.get("AccountMFAEnabled") != Some(1) {
            return Ok(vec![ctx.finding(
                account,
                Status::Failed,
                format!("the root user of account {id} has no MFA device at all"),
            )]);
        }
        if !ctx
            .collection_errors(VirtualMfaDevice::RESOURCE_TYPE)
            .is_empty()
        {
            return Ok(Vec::new());
        }
        let virtual_root = ctx
            .resources::<VirtualMfaDevice>()?
            .into_iter()
            .any(|device| {
                device
                    .configuration
                    .user
                    .is_some_and(|user| user.arn.ends_with(":root"))
            });
        Ok(vec![if virtual_root {
            ctx.finding(
                account,
                Status::Failed,
                format!("the root user of account {id} uses a virtual MFA device"),
            )
        } else {
            ctx.finding(
                account,
                Status::Passed,
                format!("the root user of account {id} uses a hardware MFA device"),
            )
        }])
    }
}
