//! One check per way a check can go wrong, plus one that works: the host must
//! keep the working check's finding and report each of the others.

use parapet_sdk::prelude::*;

struct Works;
struct Panics;
struct ReturnsError;
struct NamesAnotherCheck;
struct BadAccount;
struct Duplicates;

fn meta(id: &str) -> CheckMetadata {
    CheckMetadata::new(id, "Faulty test check", Severity::Medium).resource_type(ACCOUNT)
}

impl Check for Works {
    fn metadata(&self) -> CheckMetadata {
        meta("faulty-works")
    }
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        ctx.log(LogLevel::Info, "evaluating the working check");
        Ok(vec![ctx.finding(
            ctx.account(GLOBAL_REGION)?,
            Status::Failed,
            "the working check found a problem",
        )])
    }
}

impl Check for Panics {
    fn metadata(&self) -> CheckMetadata {
        meta("faulty-panics")
    }
    fn evaluate(&self, _ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        panic!("deliberate panic in a test plugin");
    }
}

impl Check for ReturnsError {
    fn metadata(&self) -> CheckMetadata {
        meta("faulty-returns-error")
    }
    fn evaluate(&self, _ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Err(PluginError::InvalidResource(
            "the test plugin refuses".to_owned(),
        ))
    }
}

impl Check for NamesAnotherCheck {
    fn metadata(&self) -> CheckMetadata {
        meta("faulty-names-another-check")
    }
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let mut finding = ctx.finding(
            ctx.account(GLOBAL_REGION)?,
            Status::Passed,
            "claims to be someone else",
        );
        finding.check_id = "iam-root-mfa".to_owned();
        Ok(vec![finding])
    }
}

impl Check for BadAccount {
    fn metadata(&self) -> CheckMetadata {
        meta("faulty-bad-account")
    }
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let mut resource = ctx.account(GLOBAL_REGION)?;
        resource.account = "not-an-account".to_owned();
        Ok(vec![ctx.finding(
            resource,
            Status::Passed,
            "a finding about nobody",
        )])
    }
}

impl Check for Duplicates {
    fn metadata(&self) -> CheckMetadata {
        meta("faulty-duplicates")
    }
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let account = ctx.account(GLOBAL_REGION)?;
        Ok(vec![
            ctx.finding(account.clone(), Status::Failed, "one verdict"),
            ctx.finding(account, Status::Passed, "and its opposite"),
        ])
    }
}

parapet_sdk::plugin! {
    id: "faulty",
    name: "Faulty",
    description: "Checks that go wrong in every way but one.",
    checks: [Works, Panics, ReturnsError, NamesAnotherCheck, BadAccount, Duplicates],
}
