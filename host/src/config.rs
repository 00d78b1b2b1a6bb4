//! The configuration file, `parapet.toml`: plugins to load (with optional
//! sha256 pins), limits, per-plugin settings, which checks run, and severity
//! overrides.
//!
//! ```toml
//! [defaults]
//! timeout_seconds = 10
//! memory_mib = 256
//!
//! [checks]
//! disable = ["vpc-sg-too-many-rules"]
//! suppressions = "suppressions.toml"   # accepted risks, see `parapet::suppress`
//! severity = { "vpc-sg-unused" = "medium" }
//!
//! [plugins.acme]                       # a plugin of your own, by its id
//! path = "plugins/acme.wasm"           # relative to this file
//! sha256 = "9f86d081884c7d65..."       # refuse the file if it changed
//! timeout_seconds = 30
//!
//! data_dir = "acme-data"              # read-only, seen by the plugin as /data
//!
//! [plugins.acme.settings]              # passed to the plugin as JSON
//! allowed_accounts = ["111122223333"]
//!
//! [plugins.tagging.settings]           # settings of a built-in plugin
//! required_keys = ["Environment", "Owner"]
//! ```
//!
//! Unknown keys are errors that name the file, the line and the closest
//! known key: a typo must not silently switch a control off.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::model::Severity;
use crate::runtime::Limits;

/// The file `parapet` reads when `--config` is not given, if it exists.
pub const DEFAULT_FILE: &str = "parapet.toml";

/// The parsed configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub defaults: LimitsConfig,
    #[serde(default)]
    pub checks: ChecksConfig,
    /// By plugin id.
    #[serde(default)]
    pub plugins: BTreeMap<String, PluginConfig>,
    #[serde(default)]
    pub finops: FinopsConfig,
    /// The file it was read from; relative plugin paths start there.
    #[serde(skip)]
    pub origin: Option<PathBuf>,
}

/// Time and memory limits; unset fields fall back to the level above.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    pub timeout_seconds: Option<f64>,
    pub memory_mib: Option<usize>,
}

/// Which checks run, and at what severity.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecksConfig {
    /// Checks that do not run.
    #[serde(default)]
    pub disable: Vec<String>,
    /// When not empty, only these checks run.
    #[serde(default)]
    pub only: Vec<String>,
    /// Severity per check id, replacing the plugin's.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// A suppressions file (accepted risks), relative to this file.
    pub suppressions: Option<PathBuf>,
}

/// What a business unit is and how many there were each month, for unit cost.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinopsConfig {
    /// What one unit is, such as `transactions` or `active users`.
    pub unit: Option<String>,
    /// Units per month, `"YYYY-MM" = count`.
    #[serde(default)]
    pub units: BTreeMap<String, f64>,
}

/// One plugin's entry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PluginConfig {
    /// A component to load (not needed for built-in plugins).
    pub path: Option<PathBuf>,
    /// The component's expected sha256, hex; a different file is refused.
    pub sha256: Option<String>,
    pub timeout_seconds: Option<f64>,
    pub memory_mib: Option<usize>,
    /// A directory the plugin may read (never write), as `/data`.
    pub data_dir: Option<PathBuf>,
    /// Passed to the plugin, as JSON, through the `settings` host function.
    #[serde(default)]
    pub settings: Option<toml::Table>,
}

/// Why the configuration cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config '{path}': {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("config '{path}' is not valid: {message}")]
    Invalid { path: String, message: String },
}

impl Config {
    /// Reads `path`, or `parapet.toml` in the working directory when `path`
    /// is `None` and that file exists; otherwise the defaults.
    pub fn discover(path: Option<&Path>) -> Result<Self, ConfigError> {
        match path {
            Some(path) => Self::load(path),
            None if Path::new(DEFAULT_FILE).is_file() => Self::load(Path::new(DEFAULT_FILE)),
            None => Ok(Self::default()),
        }
    }

    /// Reads and checks the file at `path`.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let mut config = Self::parse(&text).map_err(|message| ConfigError::Invalid {
            path: path.display().to_string(),
            message,
        })?;
        config.origin = Some(path.to_owned());
        Ok(config)
    }

    /// Parses configuration text; the error names the line and suggests a key.
    pub fn parse(text: &str) -> Result<Self, String> {
        let config: Self = toml::from_str(text).map_err(|error| describe(&error))?;
        config.check_values()?;
        Ok(config)
    }

    fn check_values(&self) -> Result<(), String> {
        let mut limits: Vec<(String, LimitsConfig)> =
            vec![("[defaults]".to_owned(), self.defaults)];
        for (id, plugin) in &self.plugins {
            limits.push((
                format!("[plugins.{id}]"),
                LimitsConfig {
                    timeout_seconds: plugin.timeout_seconds,
                    memory_mib: plugin.memory_mib,
                },
            ));
            if let Some(digest) = &plugin.sha256
                && !(digest.len() == 64 && digest.chars().all(|c| c.is_ascii_hexdigit()))
            {
                return Err(format!(
                    "[plugins.{id}] sha256 '{digest}' is not 64 hexadecimal digits"
                ));
            }
        }
        for (table, limit) in limits {
            if limit
                .timeout_seconds
                .is_some_and(|t| !(t.is_finite() && t > 0.0))
            {
                return Err(format!(
                    "{table} timeout_seconds must be a positive number of seconds"
                ));
            }
            if limit.memory_mib == Some(0) {
                return Err(format!("{table} memory_mib must be at least 1"));
            }
        }
        Ok(())
    }

    /// The limits of plugin `id`: its own entry, then `[defaults]`, then `base`.
    #[must_use]
    pub fn limits_for(&self, id: Option<&str>, base: Limits) -> Limits {
        let own = id.and_then(|id| self.plugins.get(id));
        let timeout = own
            .and_then(|p| p.timeout_seconds)
            .or(self.defaults.timeout_seconds);
        let memory = own.and_then(|p| p.memory_mib).or(self.defaults.memory_mib);
        Limits {
            timeout: timeout.map_or(base.timeout, Duration::from_secs_f64),
            memory_bytes: memory.map_or(base.memory_bytes, |mib| mib.saturating_mul(1 << 20)),
        }
    }

    /// Plugin settings as JSON, by plugin id.
    #[must_use]
    pub fn settings(&self) -> HashMap<String, serde_json::Value> {
        self.plugins
            .iter()
            .filter_map(|(id, plugin)| {
                let table = plugin.settings.as_ref()?;
                Some((id.clone(), serde_json::to_value(table).unwrap_or_default()))
            })
            .collect()
    }

    /// The suppressions file the configuration names, resolved.
    #[must_use]
    pub fn suppressions_file(&self) -> Option<PathBuf> {
        let file = self.checks.suppressions.as_ref()?;
        Some(self.base_dir().join(file))
    }

    /// The data directory granted to plugin `id`, relative paths resolved
    /// from this file's directory.
    #[must_use]
    pub fn data_dir_for(&self, id: &str) -> Option<PathBuf> {
        let dir = self.plugins.get(id)?.data_dir.as_ref()?;
        Some(self.base_dir().join(dir))
    }

    fn base_dir(&self) -> &Path {
        self.origin
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""))
    }

    /// The plugins this file asks to load from disk: (id, path, pin).
    #[must_use]
    pub fn plugin_files(&self) -> Vec<(String, PathBuf, Option<String>)> {
        let base = self
            .origin
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""));
        self.plugins
            .iter()
            .filter_map(|(id, p)| Some((id.clone(), base.join(p.path.as_ref()?), p.sha256.clone())))
            .collect()
    }
}

/// The hex sha256 of `bytes`.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// toml's message, with the closest expected key when a key is unknown.
fn describe(error: &toml::de::Error) -> String {
    let message = error.message();
    let location = error
        .span()
        .map(|span| format!("{} ", line_of(error, span.start)))
        .unwrap_or_default();
    let hint = unknown_key_hint(message)
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    format!("{location}{message}{hint}")
}

fn line_of(error: &toml::de::Error, _offset: usize) -> String {
    // toml's Display starts with "TOML parse error at line L, column C".
    let text = error.to_string();
    text.lines()
        .next()
        .and_then(|first| first.strip_prefix("TOML parse error at "))
        .map_or_else(String::new, |at| format!("at {at}:"))
}

/// `unknown field `setings`, expected one of `path`, `settings`` → `did you mean `settings`?`
fn unknown_key_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let best = candidates
        .iter()
        .min_by_key(|c| edit_distance(unknown, c))?;
    (edit_distance(unknown, best) <= 3).then(|| format!("did you mean `{best}`?"))
}

/// Levenshtein distance, for suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses() {
        let config = Config::parse(
            r#"
            [defaults]
            timeout_seconds = 5
            [checks]
            disable = ["vpc-sg-too-many-rules"]
            severity = { "vpc-sg-unused" = "medium" }
            [plugins.acme]
            path = "acme.wasm"
            sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
            memory_mib = 64
            [plugins.acme.settings]
            allowed_accounts = ["111122223333"]
            "#,
        )
        .unwrap();
        assert_eq!(config.checks.severity["vpc-sg-unused"], Severity::Medium);
        let limits = config.limits_for(Some("acme"), Limits::default());
        assert_eq!(limits.timeout, Duration::from_secs(5));
        assert_eq!(limits.memory_bytes, 64 << 20);
        assert_eq!(
            config.settings()["acme"]["allowed_accounts"][0],
            "111122223333"
        );
    }

    #[test]
    fn unknown_keys_name_the_line_and_the_closest_key() {
        let error = Config::parse("[plugins.acme]\npath = \"a.wasm\"\nsetings = {}\n").unwrap_err();
        assert!(error.contains("line 3"), "{error}");
        assert!(
            error.contains("unknown field `setings`") && error.contains("did you mean `settings`?"),
            "{error}"
        );
        let error = Config::parse("[chekcs]\n").unwrap_err();
        assert!(error.contains("did you mean `checks`?"), "{error}");
    }

    #[test]
    fn bad_values_are_refused() {
        assert!(
            Config::parse("[defaults]\ntimeout_seconds = -1\n")
                .unwrap_err()
                .contains("positive")
        );
        assert!(
            Config::parse("[plugins.x]\nsha256 = \"abc\"\n")
                .unwrap_err()
                .contains("64 hexadecimal")
        );
        let error = Config::parse("[checks]\nseverity = { a = \"urgent\" }\n").unwrap_err();
        assert!(error.contains("urgent"), "{error}");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("setings", "settings"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
