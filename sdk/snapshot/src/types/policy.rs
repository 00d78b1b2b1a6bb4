//! IAM policy documents: parsing what the API returns and asking what they allow.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A policy document (identity-based, resource-based or trust policy).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PolicyDocument {
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub statement: Vec<Statement>,
}

/// One statement of a policy document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Statement {
    pub sid: Option<String>,
    pub effect: String,
    pub principal: Option<Value>,
    #[serde(deserialize_with = "one_or_many")]
    pub action: Vec<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub not_action: Vec<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub resource: Vec<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub not_resource: Vec<String>,
    pub condition: Option<Value>,
}

/// Why a policy document could not be read.
#[derive(Debug, thiserror::Error)]
#[error("policy document is not valid: {0}")]
pub struct PolicyError(String);

impl PolicyDocument {
    /// Reads a document as the IAM API returns it: URL-encoded JSON text
    /// (`GetAccountAuthorizationDetails`), plain JSON text, or a JSON object
    /// (AWS Config, or a snapshot written by hand).
    pub fn from_value(value: &Value) -> Result<Self, PolicyError> {
        match value {
            Value::String(text) => {
                let decoded;
                let json = if text.trim_start().starts_with('{') {
                    text.as_str()
                } else {
                    decoded = percent_decode(text)?;
                    decoded.as_str()
                };
                serde_json::from_str(json).map_err(|e| PolicyError(e.to_string()))
            }
            Value::Object(_) => Self::deserialize(value).map_err(|e| PolicyError(e.to_string())),
            other => Err(PolicyError(format!(
                "expected a JSON object or text, found {}",
                kind_of(other)
            ))),
        }
    }

    /// Statements with `"Effect": "Allow"`.
    pub fn allows(&self) -> impl Iterator<Item = &Statement> {
        self.statement
            .iter()
            .filter(|s| s.effect.eq_ignore_ascii_case("Allow"))
    }
}

impl Statement {
    /// Whether the statement names `action` (case-insensitive), directly or
    /// through a wildcard such as `iam:*` or `iam:Pass*`.
    #[must_use]
    pub fn covers_action(&self, action: &str) -> bool {
        if self.not_action.is_empty() {
            self.action
                .iter()
                .any(|pattern| wildcard_match(pattern, action))
        } else {
            // NotAction allows everything it does not list.
            !self
                .not_action
                .iter()
                .any(|pattern| wildcard_match(pattern, action))
        }
    }

    /// Whether the statement applies to every resource (`"Resource": "*"`).
    #[must_use]
    pub fn covers_all_resources(&self) -> bool {
        self.not_resource.is_empty() && self.resource.iter().any(|r| r == "*")
    }

    /// Whether the statement grants every action (`"Action": "*"`, or `*:*`).
    #[must_use]
    pub fn covers_all_actions(&self) -> bool {
        self.not_action.is_empty() && self.action.iter().any(|a| a == "*" || a == "*:*")
    }
}

/// IAM's wildcard match: `*` any run of characters, `?` one; ASCII
/// case-insensitive (IAM action names are ASCII).
#[must_use]
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    glob(pattern.as_bytes(), text.as_bytes(), |a, b| {
        a.eq_ignore_ascii_case(&b)
    })
}

/// The same wildcards, case-sensitive (for tag values, which AWS compares exactly).
#[must_use]
pub fn glob_match(pattern: &str, text: &str) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        return glob(pattern.as_bytes(), text.as_bytes(), |a, b| a == b);
    }
    // `?` stands for one character, which is more than one byte outside ASCII.
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    glob(&pattern, &text, |a, b| a == b)
}

/// Greedy matching with one backtrack point, without allocating: policy
/// checks call this for every action of every statement of every policy.
fn glob<C: Copy + PartialEq + From<u8>>(
    pattern: &[C],
    text: &[C],
    same: impl Fn(C, C) -> bool,
) -> bool {
    let (any_one, any_run) = (C::from(b'?'), C::from(b'*'));
    let (mut p, mut t) = (0, 0);
    let (mut star, mut resume) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == any_one || same(pattern[p], text[t])) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == any_run {
            star = Some(p);
            resume = t;
            p += 1;
        } else if let Some(star_at) = star {
            p = star_at + 1;
            resume += 1;
            t = resume;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == any_run)
}

fn percent_decode(text: &str) -> Result<String, PolicyError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| PolicyError(format!("bad percent-escape at byte {i}")))?;
                out.push(hex);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| PolicyError("decoded text is not UTF-8".to_owned()))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// IAM lets `Action`, `Resource` and `Statement` be one value or a list.
fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        One(T),
        Many(Vec<T>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(one) => vec![one],
        OneOrMany::Many(many) => many,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_url_encoded_text_as_get_account_authorization_details_returns_it() {
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22*%22%2C%22Resource%22%3A%22*%22%7D%7D";
        let doc = PolicyDocument::from_value(&json!(encoded)).unwrap();
        let statement = &doc.statement[0];
        assert!(statement.covers_all_actions() && statement.covers_all_resources());
    }

    #[test]
    fn reads_objects_with_lists() {
        let doc = PolicyDocument::from_value(&json!({
            "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "ec2:Describe*"], "Resource": ["arn:aws:s3:::b/*"]}]
        }))
        .unwrap();
        assert!(doc.statement[0].covers_action("s3:GetObject"));
        assert!(!doc.statement[0].covers_action("s3:PutObject"));
        assert!(!doc.statement[0].covers_all_resources());
    }

    #[test]
    fn not_action_covers_what_it_does_not_list() {
        let doc = PolicyDocument::from_value(&json!({
            "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}
        }))
        .unwrap();
        assert!(doc.statement[0].covers_action("ec2:RunInstances"));
        assert!(!doc.statement[0].covers_action("iam:PassRole"));
        assert!(!doc.statement[0].covers_all_actions());
    }

    #[test]
    fn wildcards_match_like_iam() {
        assert!(wildcard_match("iam:Pass*", "IAM:PassRole"));
        assert!(wildcard_match("s3:Get?bject", "s3:GetObject"));
        assert!(!wildcard_match("s3:Get", "s3:GetObject"));
        assert!(wildcard_match("*", ""));
        assert!(
            glob_match("CC-????", "CC-1042")
                && !glob_match("prod", "Prod")
                && glob_match("team-*", "team-a")
        );
    }

    #[test]
    fn rejects_broken_documents_with_a_reason() {
        let error = PolicyDocument::from_value(&json!("%7B%ZZ")).unwrap_err();
        assert!(error.to_string().contains("percent-escape"), "{error}");
        assert!(PolicyDocument::from_value(&json!(42)).is_err());
    }
}
