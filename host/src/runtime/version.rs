//! Which `parapet:plugin` API a component targets, and whether this host
//! serves it (see `wit/README.md` for the policy).

/// The `parapet:plugin` version this host implements (`wit/plugin.wit`).
pub(crate) const HOST_API: (u64, u64, u64) = (0, 1, 0);

const EXPORT_PREFIX: &str = "parapet:plugin/checks@";

/// The API version in the component's `parapet:plugin/checks@X.Y.Z` export.
pub(crate) fn targeted_api(export_names: &[&str]) -> Result<(u64, u64, u64), String> {
    let Some(version) = export_names
        .iter()
        .find_map(|name| name.strip_prefix(EXPORT_PREFIX))
    else {
        let listed = if export_names.is_empty() {
            "nothing".to_owned()
        } else {
            export_names.join(", ")
        };
        return Err(format!(
            "it does not export parapet:plugin/checks (it exports {listed}); is it a parapet plugin built against wit/plugin.wit?"
        ));
    };
    parse(version).ok_or_else(|| format!("its export names the unreadable API version '{version}'"))
}

/// Semver compatibility, caret-style: same major, and for 0.x the same minor.
/// A plugin built against an older minor (1.x) or patch loads; one built
/// against a newer minor than the host knows does not.
pub(crate) fn check_compatible(plugin: (u64, u64, u64)) -> Result<(), String> {
    let host = HOST_API;
    let same_line = if host.0 == 0 {
        plugin.0 == 0 && plugin.1 == host.1
    } else {
        plugin.0 == host.0 && plugin.1 <= host.1
    };
    if same_line {
        Ok(())
    } else {
        let advice = if plugin > host {
            "upgrade parapet"
        } else {
            "rebuild the plugin against the current SDK"
        };
        Err(format!(
            "it targets parapet:plugin@{}, but this parapet serves parapet:plugin@{}; {advice}",
            show(plugin),
            show(host)
        ))
    }
}

fn parse(version: &str) -> Option<(u64, u64, u64)> {
    let core = version.split(['-', '+']).next()?;
    let mut parts = core.split('.').map(str::parse::<u64>);
    let parsed = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    parts.next().is_none().then_some(parsed)
}

fn show((major, minor, patch): (u64, u64, u64)) -> String {
    format!("{major}.{minor}.{patch}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_version_is_the_wit_package_version() {
        let wit = include_str!("../../../wit/plugin.wit");
        let declared = wit
            .lines()
            .find_map(|l| l.trim().strip_prefix("package parapet:plugin@"))
            .and_then(|v| parse(v.trim_end_matches(';')))
            .unwrap();
        assert_eq!(declared, HOST_API);
    }

    #[test]
    fn reads_the_version_from_the_export_name() {
        assert_eq!(
            targeted_api(&["parapet:plugin/checks@0.1.0"]),
            Ok((0, 1, 0))
        );
        let error = targeted_api(&["wasi:cli/run@0.2.6"]).unwrap_err();
        assert!(
            error.contains("does not export parapet:plugin/checks")
                && error.contains("wasi:cli/run"),
            "{error}"
        );
    }

    #[test]
    fn compatible_means_same_minor_in_0_x() {
        assert!(check_compatible((0, 1, 0)).is_ok());
        assert!(check_compatible((0, 1, 7)).is_ok());
        let newer = check_compatible((0, 2, 0)).unwrap_err();
        assert!(
            newer.contains("parapet:plugin@0.2.0")
                && newer.contains("parapet:plugin@0.1.0")
                && newer.contains("upgrade parapet")
        );
        assert!(check_compatible((1, 0, 0)).is_err());
    }
}
