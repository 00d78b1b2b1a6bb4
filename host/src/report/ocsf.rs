//! OCSF 1.6.0 Compliance Finding events (class 2003, with the `cloud`
//! profile): the schema version the new AWS Security Hub reads, and what
//! Security Lake and most SIEMs ingest. One event per finding, and one per
//! check that could not run, in a JSON array.

use std::io::Write;

use serde_json::{Value, json};

use super::entry::{Entry, FailureEntry, standards};
use super::{CheckLookup, ScanMeta};
use crate::baseline::ChangeState;
use crate::model::{Severity, Status};
use crate::scan::ScanOutcome;

pub const OCSF_VERSION: &str = "1.6.0";
const CLASS_UID: u32 = 2003;
const CATEGORY_UID: u32 = 2;
/// `cloud.account.type_id` for an AWS account.
const AWS_ACCOUNT_TYPE_ID: u32 = 10;

/// Writes one JSON array over many accounts' scans.
pub(crate) struct OcsfWriter {
    written: usize,
}

impl OcsfWriter {
    pub(crate) fn begin(out: &mut dyn Write) -> std::io::Result<Self> {
        out.write_all(b"[")?;
        Ok(Self { written: 0 })
    }

    pub(crate) fn account(
        &mut self,
        out: &mut dyn Write,
        outcome: &ScanOutcome,
        meta: &ScanMeta,
    ) -> std::io::Result<()> {
        let lookup = CheckLookup::of(outcome);
        for entry in super::entry::entries(outcome, meta, &lookup) {
            self.write(out, &finding_event(&entry, meta))?;
        }
        for entry in super::entry::failure_entries(outcome, meta, &lookup) {
            self.write(out, &failure_event(&entry, meta))?;
        }
        Ok(())
    }

    fn write(&mut self, out: &mut dyn Write, event: &Value) -> std::io::Result<()> {
        out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, event)?;
        self.written += 1;
        Ok(())
    }

    pub(crate) fn end(self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(b"\n]\n")
    }
}

fn severity_id(severity: Severity) -> u8 {
    match severity {
        Severity::Informational => 1,
        Severity::Low => 2,
        Severity::Medium => 3,
        Severity::High => 4,
        Severity::Critical => 5,
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Informational => "Informational",
        Severity::Low => "Low",
        Severity::Medium => "Medium",
        Severity::High => "High",
        Severity::Critical => "Critical",
    }
}

/// `compliance.status_id` and its caption.
fn compliance_status(status: Status) -> (u8, &'static str) {
    match status {
        Status::Passed => (1, "Pass"),
        Status::Warning => (2, "Warning"),
        Status::Failed => (3, "Fail"),
        Status::NotAvailable => (0, "Unknown"),
    }
}

fn millis(at: jiff::Timestamp) -> i64 {
    at.as_millisecond()
}

fn common(meta: &ScanMeta, region: &str, activity: (u8, &str)) -> serde_json::Map<String, Value> {
    let fields = [
        ("activity_id", json!(activity.0)),
        ("activity_name", json!(activity.1)),
        ("category_uid", json!(CATEGORY_UID)),
        ("category_name", json!("Findings")),
        ("class_uid", json!(CLASS_UID)),
        ("class_name", json!("Compliance Finding")),
        ("type_uid", json!(CLASS_UID * 100 + u32::from(activity.0))),
        (
            "type_name",
            json!(format!("Compliance Finding: {}", activity.1)),
        ),
        ("time", json!(millis(meta.scanned_at))),
        (
            "cloud",
            json!({
                "provider": "AWS",
                "region": region,
                "cloud_partition": meta.partition,
                "account": {
                    "uid": meta.account_id,
                    "type_id": AWS_ACCOUNT_TYPE_ID,
                    "type": "AWS Account",
                },
            }),
        ),
    ];
    fields
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect()
}

fn metadata(product_feature: Value, event_code: &str) -> Value {
    json!({
        "version": OCSF_VERSION,
        "profiles": ["cloud"],
        "event_code": event_code,
        "product": {
            "name": "parapet",
            "vendor_name": "parapet",
            "version": env!("CARGO_PKG_VERSION"),
            "feature": product_feature,
        },
    })
}

fn finding_event(entry: &Entry<'_>, meta: &ScanMeta) -> Value {
    let finding = entry.finding;
    let change = finding.change.as_ref().map(|c| c.state);
    let activity = match change {
        Some(ChangeState::Unchanged) => (2, "Update"),
        Some(ChangeState::Resolved) => (3, "Close"),
        _ => (1, "Create"),
    };
    let (status_id, status) = match (&finding.suppression, change) {
        (Some(_), _) => (3, "Suppressed"),
        (None, Some(ChangeState::Resolved)) => (4, "Resolved"),
        _ => (1, "New"),
    };
    // Security Hub shows a passed control as informational; so does this.
    let severity = if finding.status == Status::Passed {
        Severity::Informational
    } else {
        entry.severity
    };
    let (compliance_id, compliance) = compliance_status(finding.status);
    let scanned = millis(meta.scanned_at);
    let first_seen = finding
        .change
        .as_ref()
        .and_then(|c| c.first_observed_at.as_deref())
        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
        .map_or(scanned, millis);
    let mut event = common(meta, &entry.region, activity);
    let mut object = |key: &str, value: Value| {
        event.insert(key.to_owned(), value);
    };
    object("severity_id", json!(severity_id(severity)));
    object("severity", json!(severity_name(severity)));
    object("status_id", json!(status_id));
    object("status", json!(status));
    object("message", json!(finding.message));
    object(
        "metadata",
        metadata(
            json!({"uid": entry.plugin.id, "name": entry.plugin.name, "version": entry.plugin.version}),
            &entry.check.id,
        ),
    );
    object(
        "finding_info",
        json!({
            "uid": entry.id,
            "title": entry.check.title,
            "desc": entry.check.description,
            "types": entry.check.finding_types,
            "created_time": scanned,
            "first_seen_time": first_seen,
            "last_seen_time": scanned,
            "modified_time": scanned,
            "product_uid": "parapet",
        }),
    );
    object(
        "compliance",
        json!({
            "control": entry.check.id,
            "status_id": compliance_id,
            "status": compliance,
            "standards": standards(entry.check),
            "requirements": entry.check.compliance,
            "checks": [{
                "uid": entry.check.id,
                "name": entry.check.title,
                "severity_id": severity_id(entry.severity),
                "severity": severity_name(entry.severity),
                "status_id": compliance_id,
                "status": compliance,
            }],
        }),
    );
    object(
        "resources",
        json!([{
            "uid": finding.resource.id,
            "type": finding.resource.resource_type,
            "region": entry.region,
            "cloud_partition": meta.partition,
        }]),
    );
    let mut remediation = json!({ "desc": remediation_text(entry) });
    if let Some(url) = &entry.check.remediation_url {
        remediation["references"] = json!([url]);
    }
    object("remediation", remediation);
    if let Some(suppression) = &finding.suppression {
        object(
            "comment",
            json!(format!(
                "suppressed until {}: {}",
                suppression.expires, suppression.reason
            )),
        );
    }
    let mut unmapped = serde_json::Map::new();
    if let Some(evidence) = finding
        .evidence
        .as_deref()
        .and_then(|e| serde_json::from_str::<Value>(e).ok())
    {
        unmapped.insert("evidence".to_owned(), evidence);
    }
    if let Some(state) = change {
        unmapped.insert("baseline".to_owned(), json!(state.label()));
    }
    if !unmapped.is_empty() {
        object("unmapped", Value::Object(unmapped));
    }
    Value::Object(event)
}

fn remediation_text(entry: &Entry<'_>) -> String {
    if entry.check.remediation_text.is_empty() {
        format!("See the documentation of check {}.", entry.check.id)
    } else {
        entry.check.remediation_text.clone()
    }
}

fn failure_event(entry: &FailureEntry<'_>, meta: &ScanMeta) -> Value {
    let scanned = millis(meta.scanned_at);
    let mut event = common(meta, &entry.region, (1, "Create"));
    let feature = match entry.known {
        Some((plugin, _)) => {
            json!({"uid": plugin.id, "name": plugin.name, "version": plugin.version})
        }
        None => json!({"uid": entry.failure.plugin}),
    };
    let requirements = entry
        .known
        .map(|(_, check)| check.compliance.clone())
        .unwrap_or_default();
    for (key, value) in [
        ("severity_id", json!(severity_id(Severity::Medium))),
        ("severity", json!(severity_name(Severity::Medium))),
        ("status_id", json!(1)),
        ("status", json!("New")),
        ("message", json!(entry.failure.to_string())),
        ("metadata", metadata(feature, &entry.subject)),
        (
            "finding_info",
            json!({
                "uid": entry.id,
                "title": entry.title,
                "desc": entry.failure.message,
                "types": ["Software and Configuration Checks"],
                "created_time": scanned,
                "first_seen_time": scanned,
                "last_seen_time": scanned,
                "product_uid": "parapet",
            }),
        ),
        (
            "compliance",
            json!({
                "control": entry.subject,
                "status_id": 0,
                "status": "Unknown",
                "requirements": requirements,
            }),
        ),
        (
            "resources",
            json!([{
                "uid": parapet_snapshot::types::account_resource_id(&meta.account_id),
                "type": parapet_snapshot::types::ACCOUNT,
                "region": entry.region,
            }]),
        ),
        (
            "remediation",
            json!({"desc": "Fix or update the plugin, then scan again; until then this check's result is unknown."}),
        ),
    ] {
        event.insert(key.to_owned(), value);
    }
    Value::Object(event)
}
