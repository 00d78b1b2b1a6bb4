//! CSV (RFC 4180), one row per finding and per check that could not run,
//! for spreadsheets and quick `grep`s.

use std::io::Write;

use super::{CheckLookup, ScanMeta};
use crate::scan::ScanOutcome;

const HEADER: &[&str] = &[
    "account_id",
    "region",
    "check_id",
    "plugin",
    "title",
    "severity",
    "status",
    "suppressed",
    "suppression_reason",
    "suppression_expires",
    "baseline",
    "resource_type",
    "resource_id",
    "message",
    "remediation_url",
    "finding_id",
];

pub(crate) struct CsvWriter;

impl CsvWriter {
    pub(crate) fn begin(out: &mut dyn Write) -> std::io::Result<Self> {
        row(out, HEADER.iter().copied())?;
        Ok(Self)
    }

    pub(crate) fn account(
        &mut self,
        out: &mut dyn Write,
        outcome: &ScanOutcome,
        meta: &ScanMeta,
    ) -> std::io::Result<()> {
        let lookup = CheckLookup::of(outcome);
        for entry in super::entry::entries(outcome, meta, &lookup) {
            let finding = entry.finding;
            let suppression = finding.suppression.as_deref();
            let expires = suppression
                .map(|s| s.expires.to_string())
                .unwrap_or_default();
            row(
                out,
                [
                    finding.resource.account.as_str(),
                    entry.region.as_str(),
                    entry.check.id.as_str(),
                    entry.plugin.id.as_str(),
                    entry.check.title.as_str(),
                    entry.severity.label(),
                    finding.status.label(),
                    if suppression.is_some() {
                        "true"
                    } else {
                        "false"
                    },
                    suppression.map_or("", |s| s.reason.as_str()),
                    expires.as_str(),
                    finding.change.as_ref().map_or("", |c| c.state.label()),
                    finding.resource.resource_type.as_str(),
                    finding.resource.id.as_str(),
                    finding.message.as_str(),
                    entry.check.remediation_url.as_deref().unwrap_or(""),
                    entry.id.as_str(),
                ],
            )?;
        }
        for entry in super::entry::failure_entries(outcome, meta, &lookup) {
            let plugin = entry
                .known
                .map_or(entry.failure.plugin.as_str(), |(p, _)| p.id.as_str());
            let message = entry.failure.to_string();
            let account_id = parapet_snapshot::types::account_resource_id(&meta.account_id);
            row(
                out,
                [
                    meta.account_id.as_str(),
                    entry.region.as_str(),
                    entry.subject.as_str(),
                    plugin,
                    entry.title.as_str(),
                    "MEDIUM",
                    "NOT_AVAILABLE",
                    "false",
                    "",
                    "",
                    "",
                    parapet_snapshot::types::ACCOUNT,
                    account_id.as_str(),
                    message.as_str(),
                    "",
                    entry.id.as_str(),
                ],
            )?;
        }
        Ok(())
    }

    pub(crate) fn end(self, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
}

fn row<'a>(out: &mut dyn Write, cells: impl IntoIterator<Item = &'a str>) -> std::io::Result<()> {
    let mut line = String::new();
    for (n, cell) in cells.into_iter().enumerate() {
        if n > 0 {
            line.push(',');
        }
        line.push_str(&cell_text(cell));
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

/// A quoted cell when needed; a leading `=`, `+`, `-` or `@` is defused
/// with a `'` so a spreadsheet shows the text instead of running it as a
/// formula (resource names and messages come from the account).
fn cell_text(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::cell_text;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell_text("plain"), "plain");
        assert_eq!(cell_text("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(cell_text("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(cell_text("line\nbreak"), "\"line\nbreak\"");
    }
}
