//! `parapet plugin new`: a plugin project that builds and passes `parapet
//! plugin test` straight away, in Rust, Python or JavaScript.

use std::path::{Path, PathBuf};

/// The languages a project can be created in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Rust,
    Python,
    #[value(alias = "javascript")]
    Js,
}

/// One file of a new project.
#[derive(Debug)]
pub struct File {
    pub path: PathBuf,
    pub text: String,
    pub executable: bool,
}

const WIT: &str = include_str!("../../wit/plugin.wit");
const FIXTURES: [(&str, &str); 4] = [
    (
        "pass_owned.json",
        include_str!("../templates/fixtures/pass_owned.json"),
    ),
    (
        "pass_owned.expected",
        include_str!("../templates/fixtures/pass_owned.expected"),
    ),
    (
        "fail_unowned.json",
        include_str!("../templates/fixtures/fail_unowned.json"),
    ),
    (
        "fail_unowned.expected",
        include_str!("../templates/fixtures/fail_unowned.expected"),
    ),
];

/// The files of a new `lang` project for plugin `name`. Rust projects
/// depend on the SDK at `sdk` (it is not published yet).
pub fn project(lang: Lang, name: &str, sdk: Option<&Path>) -> Result<Vec<File>, String> {
    let valid = !name.is_empty()
        && name.len() <= 40
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err(format!(
            "'{name}' cannot name a plugin: use up to 40 lower-case letters, digits and dashes, starting with a letter"
        ));
    }
    let check = format!("{name}-instance-owner");
    let crate_name = name.replace('-', "_");
    let sdk = match (lang, sdk) {
        (Lang::Rust, Some(sdk)) => sdk.display().to_string(),
        (Lang::Rust, None) => {
            return Err(
                "a Rust plugin needs the parapet SDK, which is not on crates.io yet: \
                        pass --sdk-path with the path of sdk/rust in a parapet checkout"
                    .to_owned(),
            );
        }
        _ => String::new(),
    };
    let fill = |template: &str| {
        template
            .replace("{{name}}", name)
            .replace("{{check}}", &check)
            .replace("{{crate}}", &crate_name)
            .replace("{{sdk}}", &sdk)
    };
    let file = |path: &str, text: String, executable: bool| File {
        path: PathBuf::from(path),
        text,
        executable,
    };
    let mut files: Vec<File> = FIXTURES
        .iter()
        .map(|(file_name, text)| file(&format!("fixtures/{check}/{file_name}"), fill(text), false))
        .collect();
    let (build, test_target) = match lang {
        Lang::Rust => {
            files.push(file(
                "Cargo.toml",
                fill(include_str!("../templates/rust/Cargo.toml")),
                false,
            ));
            files.push(file(
                "src/lib.rs",
                fill(include_str!("../templates/rust/src/lib.rs")),
                false,
            ));
            files.push(file(".gitignore", "/target\n".to_owned(), false));
            (
                "rustup target add wasm32-wasip2\ncargo build --release --target wasm32-wasip2"
                    .to_owned(),
                format!("target/wasm32-wasip2/release/{crate_name}.wasm"),
            )
        }
        Lang::Python => {
            files.push(file(
                "app.py",
                fill(include_str!("../templates/python/app.py")),
                false,
            ));
            files.push(file(
                "build.sh",
                fill(include_str!("../templates/python/build.sh")),
                true,
            ));
            files.push(file("wit/plugin.wit", WIT.to_owned(), false));
            files.push(file(
                ".gitignore",
                format!(".venv/\n__pycache__/\n{name}.wasm\n"),
                false,
            ));
            ("./build.sh".to_owned(), format!("{name}.wasm"))
        }
        Lang::Js => {
            files.push(file(
                "plugin.js",
                fill(include_str!("../templates/javascript/plugin.js")),
                false,
            ));
            files.push(file(
                "build.sh",
                fill(include_str!("../templates/javascript/build.sh")),
                true,
            ));
            files.push(file("wit/plugin.wit", WIT.to_owned(), false));
            files.push(file(
                ".gitignore",
                format!("node_modules/\n{name}.wasm\n"),
                false,
            ));
            ("./build.sh".to_owned(), format!("{name}.wasm"))
        }
    };
    files.push(file(
        "README.md",
        format!(
            "# {name}\n\nA parapet plugin with one check, `{check}`. Build and test it:\n\n```sh\n{build}\nparapet plugin test {test_target} --fixtures fixtures\n```\n\n\
             Then scan with it: `parapet scan --snapshot snapshot.json --plugin {test_target}`.\n\
             Add fixtures under `fixtures/<check-id>/` (`pass_*.json`, `fail_*.json`) and write their\n\
             `.expected` files with `parapet plugin test ... --bless`.\n"
        ),
        false,
    ));
    Ok(files)
}

/// Writes `files` under `dir`, which must not exist or be empty.
pub fn write(dir: &Path, files: &[File]) -> Result<(), String> {
    if dir
        .read_dir()
        .is_ok_and(|mut entries| entries.next().is_some())
    {
        return Err(format!(
            "'{}' already exists and is not empty; choose another name or --dir",
            dir.display()
        ));
    }
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create '{}': {e}", parent.display()))?;
        }
        std::fs::write(&path, &file.text)
            .map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
        #[cfg(unix)]
        if file.executable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
                .map_err(|e| format!("cannot make '{}' executable: {e}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_must_be_plugin_ids() {
        assert!(
            project(Lang::Python, "Acme_Checks", None)
                .unwrap_err()
                .contains("lower-case")
        );
        assert!(
            project(Lang::Rust, "acme", None)
                .unwrap_err()
                .contains("--sdk-path")
        );
        let files = project(Lang::Js, "acme", None).unwrap();
        assert!(
            files
                .iter()
                .any(|f| f.path == Path::new("fixtures/acme-instance-owner/pass_owned.json"))
        );
        assert!(
            files.iter().all(|f| !f.text.contains("{{")),
            "every placeholder is filled"
        );
    }
}
