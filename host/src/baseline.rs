//! Baselines: a scan compared with an earlier report, finding by finding.
//!
//! Findings are matched by their ASFF `Id`, which depends only on the
//! account, region, check and resource. A failure is **new** when the
//! baseline did not have it failing, **unchanged** when it did; a finding
//! that failed in the baseline is **resolved** when it now passes, or when
//! it is gone although its check ran completely in its account and region.
//! A baseline failure whose check did not run this time (another region, a
//! check left out, a collection gap) is **not checked**: nothing is known.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::model::Status;
use crate::report::ScanMeta;
use crate::report::asff::id_of;
use crate::report::read::{PastFinding, ReadError, read_report};
use crate::report::scope::Scope;
use crate::scan::ScanOutcome;

/// How a finding compares with the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeState {
    New,
    Unchanged,
    Resolved,
}

impl ChangeState {
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Unchanged => "unchanged",
            Self::Resolved => "resolved",
        }
    }
}

/// A finding's mark from the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub state: ChangeState,
    /// When an unchanged failure was first observed, as the baseline says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_observed_at: Option<String>,
    /// When the baseline's copy was created.
    #[serde(skip)]
    pub created_at: Option<String>,
}

/// The comparison of a scan (or a report) with a baseline.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub new: Vec<PastFinding>,
    pub unchanged: usize,
    /// Failing in the baseline, passing or gone now.
    pub resolved: Vec<PastFinding>,
    /// Failing in the baseline, and not checked this time.
    pub not_checked: Vec<PastFinding>,
}

impl Comparison {
    /// Adds another account's comparison.
    pub fn extend(&mut self, other: Comparison) {
        self.new.extend(other.new);
        self.unchanged += other.unchanged;
        self.resolved.extend(other.resolved);
        self.not_checked.extend(other.not_checked);
    }
}

/// An earlier report's findings, by id.
#[derive(Debug)]
pub struct Baseline {
    source: String,
    by_id: HashMap<String, PastFinding>,
}

impl Baseline {
    /// Reads a report written by `parapet scan` (ASFF or JSON).
    ///
    /// # Errors
    /// When the report cannot be read.
    pub fn load(path: &Path) -> Result<Self, ReadError> {
        Ok(Self::of(path.display().to_string(), read_report(path)?))
    }

    #[must_use]
    pub fn of(source: String, findings: Vec<PastFinding>) -> Self {
        Self {
            source,
            by_id: findings.into_iter().map(|f| (f.id.clone(), f)).collect(),
        }
    }

    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Marks each finding of one account's scan, and compares.
    pub fn mark(&self, outcome: &mut ScanOutcome, meta: &ScanMeta, scope: &Scope) -> Comparison {
        let severities: Vec<&'static str> = {
            let lookup = crate::report::CheckLookup::of(outcome);
            outcome
                .findings
                .iter()
                .map(|(plugin, f)| {
                    lookup.get(plugin, &f.check_id).map_or("", |(_, check)| {
                        crate::report::effective_severity(f, check).label()
                    })
                })
                .collect()
        };
        let mut comparison = Comparison::default();
        let mut seen = HashSet::new();
        for ((_, finding), severity) in outcome.findings.iter_mut().zip(severities) {
            let id = id_of(finding);
            let prior = self.by_id.get(&id).filter(|p| p.failing());
            let state = match (finding.status, prior) {
                (Status::Failed, Some(_)) => Some(ChangeState::Unchanged),
                (Status::Failed, None) => Some(ChangeState::New),
                (Status::Passed, Some(_)) => Some(ChangeState::Resolved),
                _ => None,
            };
            if let Some(state) = state {
                match state {
                    ChangeState::New => {
                        comparison.new.push(past_of(finding, &id, severity, meta));
                    }
                    ChangeState::Unchanged => comparison.unchanged += 1,
                    ChangeState::Resolved => {
                        if let Some(prior) = prior {
                            comparison.resolved.push(prior.clone());
                        }
                    }
                }
                finding.change = Some(Change {
                    state,
                    first_observed_at: prior
                        .filter(|_| state == ChangeState::Unchanged)
                        .and_then(|p| p.first_observed_at.clone()),
                    created_at: prior.and_then(|p| p.created_at.clone()),
                });
            } else if let Some(prior) = prior {
                // Failing then, a warning or not available now: as `compare`.
                comparison.not_checked.push(prior.clone());
            }
            seen.insert(id);
        }
        let gone = self
            .by_id
            .values()
            .filter(|p| p.account == meta.account_id && p.failing() && !seen.contains(&p.id));
        split_gone(gone, scope, &mut comparison);
        comparison
    }
}

/// Compares two reports: `parapet diff OLD NEW`.
#[must_use]
pub fn compare(old: &[PastFinding], new: &[PastFinding]) -> Comparison {
    let scope = Scope::of_report(new);
    let old_by_id: HashMap<&str, &PastFinding> = old.iter().map(|f| (f.id.as_str(), f)).collect();
    let mut comparison = Comparison::default();
    let mut seen = HashSet::new();
    for finding in new {
        seen.insert(finding.id.as_str());
        let was_failing = old_by_id
            .get(finding.id.as_str())
            .is_some_and(|p| p.failing());
        match (finding.failing(), was_failing) {
            (true, true) => comparison.unchanged += 1,
            (true, false) => comparison.new.push(finding.clone()),
            (false, true) if finding.status == "PASSED" => {
                comparison.resolved.push(finding.clone())
            }
            (false, true) => comparison.not_checked.push(finding.clone()),
            (false, false) => {}
        }
    }
    let gone = old
        .iter()
        .filter(|p| p.failing() && !seen.contains(p.id.as_str()));
    split_gone(gone, &scope, &mut comparison);
    comparison
}

/// Baseline failures absent now: resolved where their check ran, unknown elsewhere.
fn split_gone<'a>(
    gone: impl Iterator<Item = &'a PastFinding>,
    scope: &Scope,
    comparison: &mut Comparison,
) {
    for prior in gone {
        if scope.covers(&prior.account, &prior.region, &prior.check) {
            comparison.resolved.push(prior.clone());
        } else {
            comparison.not_checked.push(prior.clone());
        }
    }
}

fn past_of(
    finding: &crate::model::Finding,
    id: &str,
    severity: &str,
    meta: &ScanMeta,
) -> PastFinding {
    PastFinding {
        id: id.to_owned(),
        account: finding.resource.account.clone(),
        region: crate::report::asff::asff_region(&finding.resource.region, meta),
        check: finding.check_id.clone(),
        status: finding.status.label().to_owned(),
        suppressed: finding.suppression.is_some(),
        could_not_run: false,
        title: finding.message.clone(),
        severity: severity.to_owned(),
        resource_type: finding.resource.resource_type.clone(),
        resource_id: finding.resource.id.clone(),
        first_observed_at: None,
        created_at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn past(id: &str, check: &str, status: &str) -> PastFinding {
        PastFinding {
            id: id.to_owned(),
            account: "111122223333".to_owned(),
            region: "eu-west-1".to_owned(),
            check: check.to_owned(),
            status: status.to_owned(),
            suppressed: false,
            could_not_run: false,
            title: String::new(),
            severity: "HIGH".to_owned(),
            resource_type: "AWS::EC2::SecurityGroup".to_owned(),
            resource_id: id.to_owned(),
            first_observed_at: None,
            created_at: None,
        }
    }

    #[test]
    fn reports_compare_by_id_and_scope() {
        let old = [
            past("kept", "a", "FAILED"),
            past("fixed", "a", "FAILED"),
            past("deleted", "a", "FAILED"),
            past("elsewhere", "b", "FAILED"),
            past("was-fine", "a", "PASSED"),
        ];
        let new = [
            past("kept", "a", "FAILED"),
            past("fixed", "a", "PASSED"),
            past("was-fine", "a", "FAILED"),
        ];
        let diff = compare(&old, &new);
        let ids = |list: &[PastFinding]| {
            let mut ids: Vec<String> = list.iter().map(|f| f.id.clone()).collect();
            ids.sort();
            ids
        };
        assert_eq!(diff.unchanged, 1);
        assert_eq!(ids(&diff.new), ["was-fine"]);
        assert_eq!(ids(&diff.resolved), ["deleted", "fixed"]);
        assert_eq!(
            ids(&diff.not_checked),
            ["elsewhere"],
            "check b did not run in the new report"
        );
    }
}
