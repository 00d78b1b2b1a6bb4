//! One finding, or one check that could not run, with everything a report
//! format shows about it: the formats differ in shape, not in content.

use super::asff::{asff_region, finding_id, id_of};
use super::{CheckLookup, ScanMeta, effective_severity};
use crate::model::{CheckInfo, Failure, Finding, PluginInfo, Severity};
use crate::scan::ScanOutcome;

/// A finding and its check.
pub(crate) struct Entry<'a> {
    /// The ASFF `Id`, stable across scans.
    pub(crate) id: String,
    pub(crate) plugin: &'a PluginInfo,
    pub(crate) check: &'a CheckInfo,
    pub(crate) finding: &'a Finding,
    pub(crate) severity: Severity,
    /// The finding's region, with global resources in the home region.
    pub(crate) region: String,
}

/// A check, or a whole plugin, that could not run.
pub(crate) struct FailureEntry<'a> {
    pub(crate) id: String,
    pub(crate) failure: &'a Failure,
    pub(crate) known: Option<(&'a PluginInfo, &'a CheckInfo)>,
    /// The check id, or `plugin:<id>`.
    pub(crate) subject: String,
    pub(crate) title: String,
    pub(crate) region: String,
}

/// The findings of a scan whose check is known, in scan order.
pub(crate) fn entries<'a>(
    outcome: &'a ScanOutcome,
    meta: &'a ScanMeta,
    lookup: &'a CheckLookup<'a>,
) -> impl Iterator<Item = Entry<'a>> + 'a {
    outcome
        .findings
        .iter()
        .filter_map(move |(plugin_id, finding)| {
            let (plugin, check) = lookup.get(plugin_id, &finding.check_id)?;
            Some(Entry {
                id: id_of(finding),
                plugin,
                check,
                finding,
                severity: effective_severity(finding, check),
                region: asff_region(&finding.resource.region, meta),
            })
        })
}

/// The checks and plugins that could not run.
pub(crate) fn failure_entries<'a>(
    outcome: &'a ScanOutcome,
    meta: &'a ScanMeta,
    lookup: &'a CheckLookup<'a>,
) -> impl Iterator<Item = FailureEntry<'a>> + 'a {
    outcome.failures.iter().map(move |failure| {
        let known = failure
            .check
            .as_deref()
            .and_then(|check_id| lookup.get(&failure.plugin, check_id));
        let (subject, title) = match known {
            Some((_, check)) => (check.id.clone(), format!("{} (could not run)", check.title)),
            None => (
                super::scope::plugin_key(&failure.plugin),
                format!("parapet plugin {} could not run", failure.plugin),
            ),
        };
        let region = meta.home_region().to_owned();
        FailureEntry {
            id: finding_id(&meta.account_id, &region, &subject, "scan-error"),
            failure,
            known,
            subject,
            title,
            region,
        }
    })
}

/// The standards a check's requirements belong to (`CIS-AWS-3.0/5.2` →
/// `CIS-AWS-3.0`), each once, in order.
pub(crate) fn standards(check: &CheckInfo) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for requirement in &check.compliance {
        let standard = requirement
            .split_once('/')
            .map_or(requirement.as_str(), |(s, _)| s);
        if !out.iter().any(|s| s == standard) {
            out.push(standard.to_owned());
        }
    }
    out
}
