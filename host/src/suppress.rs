//! Suppressions: accepted risks, each with a reason and an expiry date.
//!
//! A suppressions file (TOML) holds `[[suppress]]` rules. A rule matches a
//! finding when every field it sets matches: `check`, `account`, `region`
//! and `resource` (the resource id) take a value or a list of values, with
//! `*` and `?` wildcards; `tags` requires each tag of the resource to match
//! (values may use wildcards). `reason` and `expires` (a date, `YYYY-MM-DD`,
//! the last day the rule applies, in UTC) are required: an exception nobody
//! can explain, or that never comes up for review, is how real problems
//! hide.
//!
//! A suppressed finding stays in every report, marked as suppressed with its
//! reason, and does not count towards `--fail-on`. Only `FAILED` and
//! `WARNING` findings are suppressed: a passed finding needs no exception,
//! and a `NOT_AVAILABLE` one says the check could not see, which no
//! exception should hide. An expired rule suppresses nothing and is named
//! in a warning.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use parapet_snapshot::types::policy::glob_match;
use serde::Deserialize;

use crate::model::{Finding, Status};

/// Days before expiry from which a rule is mentioned as expiring soon.
const EXPIRY_NOTICE_DAYS: i32 = 14;

/// Why a suppressions file was refused.
#[derive(Debug, thiserror::Error)]
pub enum SuppressionsError {
    #[error("cannot read suppressions file '{path}': {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("suppressions file '{path}' is not valid: {message}")]
    Invalid { path: String, message: String },
    #[error("suppressions file '{path}', rule {rule}: {message}")]
    Rule {
        path: String,
        rule: usize,
        message: String,
    },
}

/// The reason a finding is suppressed, shown wherever the finding is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suppression {
    pub reason: String,
    /// The last day the rule applies.
    pub expires: Date,
    /// Which rule (1-based, in file order) and which file.
    pub rule: usize,
    pub source: String,
}

/// The rules of one file, checked and ready to match.
#[derive(Debug, Default)]
pub struct Suppressions {
    rules: Vec<Rule>,
    source: String,
}

#[derive(Debug)]
struct Rule {
    checks: Vec<String>,
    accounts: Vec<String>,
    regions: Vec<String>,
    resources: Vec<String>,
    tags: BTreeMap<String, String>,
    mark: Arc<Suppression>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileText {
    #[serde(default)]
    suppress: Vec<RuleText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleText {
    check: Option<OneOrMany>,
    account: Option<OneOrMany>,
    region: Option<OneOrMany>,
    resource: Option<OneOrMany>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
    reason: Option<String>,
    expires: Option<toml::Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            Self::One(one) => vec![one],
            Self::Many(many) => many,
        }
    }
}

/// What applying the rules found worth saying.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Notices {
    /// Rules past their expiry date: they suppress nothing.
    pub expired: Vec<String>,
    /// Rules that expire within two weeks.
    pub expiring: Vec<String>,
}

impl Suppressions {
    /// Reads and checks a suppressions file.
    ///
    /// # Errors
    /// When the file cannot be read, is not TOML of the documented shape, or
    /// a rule lacks a reason or a valid expiry date, or matches everything.
    pub fn load(path: &Path) -> Result<Self, SuppressionsError> {
        let text = std::fs::read_to_string(path).map_err(|source| SuppressionsError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses the text of a suppressions file named `source` in messages.
    ///
    /// # Errors
    /// As [`Suppressions::load`].
    pub fn parse(text: &str, source: &str) -> Result<Self, SuppressionsError> {
        let file: FileText = toml::from_str(text).map_err(|e| SuppressionsError::Invalid {
            path: source.to_owned(),
            message: e.message().to_owned()
                + "; each rule is a [[suppress]] table with reason, expires and at least a check, \
                   resource or tags",
        })?;
        let mut rules = Vec::new();
        for (n, raw) in file.suppress.into_iter().enumerate() {
            let rule = n + 1;
            let fail = |message: String| SuppressionsError::Rule {
                path: source.to_owned(),
                rule,
                message,
            };
            let reason = raw
                .reason
                .map(|r| r.trim().to_owned())
                .filter(|r| !r.is_empty())
                .ok_or_else(|| fail("has no reason; say why this risk is accepted".to_owned()))?;
            let expires = match raw.expires {
                None => {
                    return Err(fail(
                        "has no expires date; give the last day it applies, such as expires = 2027-03-31"
                            .to_owned(),
                    ));
                }
                Some(value) => parse_date(&value).ok_or_else(|| {
                    let shown = match &value {
                        toml::Value::String(text) => format!("{text:?}"),
                        other => format!("{other:?}"),
                    };
                    fail(format!(
                        "expires {shown} is not a date; write it as YYYY-MM-DD, such as 2027-03-31"
                    ))
                })?,
            };
            let checks = raw.check.map(OneOrMany::into_vec).unwrap_or_default();
            let resources = raw.resource.map(OneOrMany::into_vec).unwrap_or_default();
            if checks.is_empty() && resources.is_empty() && raw.tags.is_empty() {
                return Err(fail(
                    "would suppress every finding; name at least a check, a resource or tags"
                        .to_owned(),
                ));
            }
            rules.push(Rule {
                checks,
                accounts: raw.account.map(OneOrMany::into_vec).unwrap_or_default(),
                regions: raw.region.map(OneOrMany::into_vec).unwrap_or_default(),
                resources,
                tags: raw.tags,
                mark: Arc::new(Suppression {
                    reason,
                    expires,
                    rule,
                    source: source.to_owned(),
                }),
            });
        }
        Ok(Self {
            rules,
            source: source.to_owned(),
        })
    }

    /// Check ids the rules name without wildcards, to be checked against
    /// the loaded plugins (a typo must not silently suppress nothing).
    #[must_use]
    pub fn named_checks(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .rules
            .iter()
            .flat_map(|r| r.checks.iter())
            .filter(|c| !c.contains(['*', '?']))
            .cloned()
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Where the rules came from.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Marks the findings the live rules match, as of `today`; `tags`
    /// gives a resource's tags by (resource type, resource id).
    pub fn apply<'a>(
        &self,
        findings: impl IntoIterator<Item = &'a mut Finding>,
        tags: &HashMap<(String, String), BTreeMap<String, String>>,
        today: Date,
    ) -> Notices {
        let mut notices = Notices::default();
        let mut live = Vec::new();
        for rule in &self.rules {
            let expires = rule.mark.expires;
            let label = format!(
                "suppression rule {} in '{}' ({})",
                rule.mark.rule, self.source, rule.mark.reason
            );
            if expires < today {
                notices.expired.push(format!(
                    "{label} expired on {expires}; its findings count again: renew it with a new date or remove it"
                ));
                continue;
            }
            if expires <= today.saturating_add(jiff::Span::new().days(EXPIRY_NOTICE_DAYS)) {
                notices
                    .expiring
                    .push(format!("{label} expires on {expires}"));
            }
            live.push(rule);
        }
        if live.is_empty() {
            return notices;
        }
        for finding in findings {
            if !matches!(finding.status, Status::Failed | Status::Warning) {
                continue;
            }
            let resource_tags = tags.get(&(
                finding.resource.resource_type.clone(),
                finding.resource.id.clone(),
            ));
            if let Some(rule) = live.iter().find(|r| r.matches(finding, resource_tags)) {
                finding.suppression = Some(Arc::clone(&rule.mark));
            }
        }
        notices
    }

    /// Whether any rule needs resource tags (so the caller can skip
    /// gathering them).
    #[must_use]
    pub fn uses_tags(&self) -> bool {
        self.rules.iter().any(|r| !r.tags.is_empty())
    }
}

impl Rule {
    fn matches(&self, finding: &Finding, tags: Option<&BTreeMap<String, String>>) -> bool {
        let any = |patterns: &[String], text: &str| {
            patterns.is_empty() || patterns.iter().any(|p| glob_match(p, text))
        };
        any(&self.checks, &finding.check_id)
            && any(&self.accounts, &finding.resource.account)
            && any(&self.regions, &finding.resource.region)
            && any(&self.resources, &finding.resource.id)
            && self.tags.iter().all(|(key, pattern)| {
                tags.and_then(|t| t.get(key))
                    .is_some_and(|value| glob_match(pattern, value))
            })
    }
}

/// A TOML date (`2027-03-31`, unquoted) or a string holding one.
fn parse_date(value: &toml::Value) -> Option<Date> {
    match value {
        toml::Value::Datetime(at) => {
            let date = at.date.filter(|_| at.time.is_none())?;
            Date::new(
                i16::try_from(date.year).ok()?,
                i8::try_from(date.month).ok()?,
                i8::try_from(date.day).ok()?,
            )
            .ok()
        }
        toml::Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ResourceRef;

    fn finding(check: &str, id: &str, status: Status) -> Finding {
        Finding {
            check_id: check.to_owned(),
            resource: ResourceRef {
                resource_type: "AWS::EC2::SecurityGroup".to_owned(),
                id: id.to_owned(),
                region: "eu-west-1".to_owned(),
                account: "123456789012".to_owned(),
            },
            status,
            severity: None,
            message: "m".to_owned(),
            evidence: None,
            suppression: None,
            change: None,
        }
    }

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    const RULES: &str = r#"
[[suppress]]
check = "vpc-sg-*"
resource = ["sg-legacy*", "sg-bastion"]
region = "eu-*"
reason = "bastion hosts, replaced in Q1"
expires = 2027-03-31

[[suppress]]
tags = { Environment = "sandbox*" }
reason = "sandboxes are wiped nightly"
expires = "2026-01-01"
"#;

    #[test]
    fn a_rule_suppresses_what_all_its_fields_match() {
        let rules = Suppressions::parse(RULES, "s.toml").unwrap();
        let mut findings = vec![
            finding("vpc-sg-open", "sg-legacy-1", Status::Failed),
            finding("vpc-sg-open", "sg-other", Status::Failed),
            finding("iam-root-mfa", "sg-bastion", Status::Failed),
            finding("vpc-sg-open", "sg-bastion", Status::Passed),
            finding("vpc-sg-open", "sg-bastion", Status::NotAvailable),
        ];
        let notices = rules.apply(&mut findings, &HashMap::new(), date("2026-12-04"));
        let suppressed: Vec<bool> = findings.iter().map(|f| f.suppression.is_some()).collect();
        assert_eq!(suppressed, [true, false, false, false, false]);
        assert_eq!(
            findings[0].suppression.as_ref().unwrap().reason,
            "bastion hosts, replaced in Q1"
        );
        assert_eq!(notices.expired.len(), 1, "{notices:?}");
        assert!(notices.expired[0].contains("rule 2"), "{notices:?}");
        assert!(notices.expired[0].contains("expired on 2026-01-01"));
    }

    #[test]
    fn an_expired_rule_suppresses_nothing_and_tags_must_match() {
        let rules = Suppressions::parse(RULES, "s.toml").unwrap();
        let tags = HashMap::from([(
            (
                "AWS::EC2::SecurityGroup".to_owned(),
                "sg-sandbox".to_owned(),
            ),
            BTreeMap::from([("Environment".to_owned(), "sandbox-7".to_owned())]),
        )]);
        let mut findings = vec![finding("vpc-sg-open", "sg-sandbox", Status::Failed)];
        rules.apply(&mut findings, &tags, date("2026-12-04"));
        assert!(findings[0].suppression.is_none(), "rule 2 has expired");
        rules.apply(&mut findings, &tags, date("2025-12-31"));
        assert_eq!(findings[0].suppression.as_ref().unwrap().rule, 2);
    }

    #[test]
    fn the_expiry_day_itself_still_suppresses_and_soon_is_mentioned() {
        let rules = Suppressions::parse(RULES, "s.toml").unwrap();
        let mut findings = vec![finding("vpc-sg-open", "sg-bastion", Status::Warning)];
        let notices = rules.apply(&mut findings, &HashMap::new(), date("2027-03-31"));
        assert!(findings[0].suppression.is_some());
        assert_eq!(notices.expiring.len(), 1, "{notices:?}");
    }

    #[test]
    fn rules_without_reason_or_expiry_or_target_are_refused_by_number() {
        for (text, expected) in [
            (
                "[[suppress]]\ncheck = \"x\"\nexpires = 2027-01-01\n",
                "rule 1: has no reason",
            ),
            (
                "[[suppress]]\ncheck = \"x\"\nreason = \"r\"\n",
                "rule 1: has no expires date",
            ),
            (
                "[[suppress]]\ncheck = \"x\"\nreason = \"r\"\nexpires = \"soon\"\n",
                "expires \"soon\" is not a date",
            ),
            (
                "[[suppress]]\nreason = \"r\"\nexpires = 2027-01-01\n",
                "would suppress every finding",
            ),
            (
                "[[suppress]]\ncheck = \"x\"\nreason = \"r\"\nexpires = 2027-01-01\nresorce = \"y\"\n",
                "unknown field `resorce`",
            ),
        ] {
            let error = Suppressions::parse(text, "s.toml").unwrap_err().to_string();
            assert!(error.contains("'s.toml'"), "{error}");
            assert!(error.contains(expected), "{error} lacks {expected}");
        }
    }

    #[test]
    fn named_checks_skip_patterns() {
        let rules = Suppressions::parse(
            "[[suppress]]\ncheck = [\"a\", \"b-*\"]\nreason = \"r\"\nexpires = 2027-01-01\n",
            "s.toml",
        )
        .unwrap();
        assert_eq!(rules.named_checks(), ["a"]);
    }
}
