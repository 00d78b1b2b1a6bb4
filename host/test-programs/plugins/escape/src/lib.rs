//! Tries to leave the sandbox. Each check fails if the attempt succeeds and
//! passes, quoting the error, if the host denied it.

use parapet_sdk::prelude::*;

struct ReadFile;
struct OpenSocket;
struct ReadEnvironment;
struct UseDataDirectory;

fn verdict(
    ctx: &Context,
    attempt: &str,
    outcome: Result<String, String>,
) -> Result<Vec<Finding>, PluginError> {
    let account = ctx.account(GLOBAL_REGION)?;
    Ok(vec![match outcome {
        Ok(got) => ctx.finding(
            account,
            Status::Failed,
            format!("{attempt} succeeded: {got}"),
        ),
        Err(why) => ctx.finding(
            account,
            Status::Passed,
            format!("{attempt} was denied: {why}"),
        ),
    }])
}

impl Check for ReadFile {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("escape-read-file", "Reads a host file", Severity::High)
            .resource_type(ACCOUNT)
    }
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let outcome = std::fs::read_to_string("/etc/hostname")
            .map(|text| format!("{} bytes", text.len()))
            .map_err(|e| e.to_string());
        verdict(ctx, "reading /etc/hostname", outcome)
    }
}

impl Check for OpenSocket {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "escape-open-socket",
            "Opens a TCP connection",
            Severity::High,
        )
        .resource_type(ACCOUNT)
    }
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let outcome = std::net::TcpStream::connect("127.0.0.1:9")
            .map(|_| "connected".to_owned())
            .map_err(|e| e.to_string());
        verdict(ctx, "connecting to 127.0.0.1:9", outcome)
    }
}

impl Check for ReadEnvironment {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "escape-read-env",
            "Reads environment variables",
            Severity::High,
        )
        .resource_type(ACCOUNT)
    }
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let names: Vec<String> = std::env::vars().map(|(name, _)| name).collect();
        let outcome = if names.is_empty() {
            Err("the environment is empty".to_owned())
        } else {
            Ok(names.join(","))
        };
        verdict(ctx, "reading the environment", outcome)
    }
}

impl Check for UseDataDirectory {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("escape-data-dir", "Reads and writes /data", Severity::High)
            .resource_type(ACCOUNT)
    }
    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let read = std::fs::read_to_string("/data/allowed.txt");
        let write = std::fs::write("/data/written.txt", "tampered");
        let account = ctx.account(GLOBAL_REGION)?;
        let read = match read {
            Ok(text) => format!("read {:?} from /data/allowed.txt", text.trim()),
            Err(e) => format!("reading /data/allowed.txt was denied: {e}"),
        };
        Ok(vec![match write {
            Ok(()) => ctx.finding(
                account,
                Status::Failed,
                format!("{read}; writing /data/written.txt succeeded"),
            ),
            Err(e) => ctx.finding(
                account,
                Status::Passed,
                format!("{read}; writing /data/written.txt was denied: {e}"),
            ),
        }])
    }
}

parapet_sdk::plugin! {
    id: "escape",
    name: "Escape",
    description: "Tries to reach files, the network and the environment.",
    checks: [ReadFile, OpenSocket, ReadEnvironment, UseDataDirectory],
}
