//! JUnit XML, for the test tab of CI systems: one test suite per check and
//! account, one test case per resource. A failed or warning finding is a
//! `<failure>`, a finding the check could not establish (or a check that
//! could not run) an `<error>` — never a pass — and a suppressed finding is
//! `<skipped>` with its reason.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use super::entry::Entry;
use super::{CheckLookup, ScanMeta};
use crate::model::Status;
use crate::scan::ScanOutcome;

pub(crate) struct JunitWriter;

impl JunitWriter {
    pub(crate) fn begin(out: &mut dyn Write) -> std::io::Result<Self> {
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"parapet\">\n",
        )?;
        Ok(Self)
    }

    pub(crate) fn account(
        &mut self,
        out: &mut dyn Write,
        outcome: &ScanOutcome,
        meta: &ScanMeta,
    ) -> std::io::Result<()> {
        let lookup = CheckLookup::of(outcome);
        let mut suites: BTreeMap<&str, Vec<Entry<'_>>> = BTreeMap::new();
        for entry in super::entry::entries(outcome, meta, &lookup) {
            suites
                .entry(entry.check.id.as_str())
                .or_default()
                .push(entry);
        }
        let timestamp = meta.scanned_at.strftime("%Y-%m-%dT%H:%M:%S").to_string();
        for (check, cases) in &suites {
            let count = |wanted: fn(&Entry<'_>) -> bool| cases.iter().filter(|e| wanted(e)).count();
            let skipped = count(|e| e.finding.suppression.is_some());
            let failures = count(|e| {
                e.finding.suppression.is_none()
                    && matches!(e.finding.status, Status::Failed | Status::Warning)
            });
            let errors = count(|e| e.finding.status == Status::NotAvailable);
            let mut xml = String::new();
            let _ = writeln!(
                xml,
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" timestamp=\"{timestamp}\">",
                escape(&format!("{}/{check}", meta.account_id)),
                cases.len(),
            );
            for entry in cases {
                case(&mut xml, entry);
            }
            xml.push_str("  </testsuite>\n");
            out.write_all(xml.as_bytes())?;
        }
        let failures: Vec<_> = super::entry::failure_entries(outcome, meta, &lookup).collect();
        if !failures.is_empty() {
            let mut xml = String::new();
            let _ = writeln!(
                xml,
                "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"0\" errors=\"{n}\" skipped=\"0\" timestamp=\"{timestamp}\">",
                escape(&format!("{}/checks that could not run", meta.account_id)),
                n = failures.len(),
            );
            for entry in &failures {
                let _ = writeln!(
                    xml,
                    "    <testcase classname=\"parapet.{}\" name=\"{}\">\n      <error type=\"{:?}\" message=\"{}\"/>\n    </testcase>",
                    escape(&entry.failure.plugin),
                    escape(&entry.title),
                    entry.failure.kind,
                    escape(&entry.failure.message),
                );
            }
            xml.push_str("  </testsuite>\n");
            out.write_all(xml.as_bytes())?;
        }
        Ok(())
    }

    pub(crate) fn end(self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(b"</testsuites>\n")
    }
}

fn case(xml: &mut String, entry: &Entry<'_>) {
    let finding = entry.finding;
    let _ = write!(
        xml,
        "    <testcase classname=\"parapet.{}.{}\" name=\"{}\"",
        escape(&entry.plugin.id),
        escape(&entry.check.id),
        escape(&format!(
            "{} {} {}",
            entry.region, finding.resource.resource_type, finding.resource.id
        )),
    );
    let body = match (&finding.suppression, finding.status) {
        (Some(s), _) => format!(
            "<skipped message=\"{}\"/>",
            escape(&format!(
                "suppressed until {}: {} ({})",
                s.expires, s.reason, finding.message
            ))
        ),
        (None, Status::Failed | Status::Warning) => format!(
            "<failure type=\"{}\" message=\"{}\">{}</failure>",
            if finding.status == Status::Warning {
                "WARNING"
            } else {
                entry.severity.label()
            },
            escape(&finding.message),
            escape(&format!(
                "{}\n\nRemediation: {}",
                entry.check.title, entry.check.remediation_text
            )),
        ),
        (None, Status::NotAvailable) => format!(
            "<error type=\"NOT_AVAILABLE\" message=\"{}\"/>",
            escape(&finding.message)
        ),
        (None, Status::Passed) => String::new(),
    };
    if body.is_empty() {
        xml.push_str("/>\n");
    } else {
        let _ = writeln!(xml, ">\n      {body}\n    </testcase>");
    }
}

/// XML 1.0 text: markup characters escaped, and the control characters XML
/// cannot hold at all replaced.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping_keeps_xml_well_formed() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}\nd"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}&#10;d"
        );
    }
}
