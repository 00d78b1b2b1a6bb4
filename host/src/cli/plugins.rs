//! `parapet plugins list`.

use std::process::ExitCode;

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use clap::Subcommand;
use parapet::scaffold::{self, Lang};
use parapet::scan::PluginSource;

use parapet::config::LimitsConfig;

use super::PluginArgs;

#[derive(Debug, Subcommand)]
pub(crate) enum PluginsCommand {
    /// List the plugins that load, with their versions and check counts.
    List {
        #[command(flatten)]
        plugins: PluginArgs,
        /// Also list the interfaces each plugin imports.
        #[arg(long)]
        imports: bool,
    },
    /// Run a plugin's fixtures through the sandbox and compare the findings
    /// with the `.expected` files (the SDK's fixture layout).
    Test {
        /// The component, or `builtin:NAME` for a built-in plugin.
        plugin: String,
        /// The fixtures directory: one sub-directory per check id.
        #[arg(long, value_name = "DIR")]
        fixtures: PathBuf,
        /// Write the actual findings to the `.expected` files instead of comparing.
        #[arg(long)]
        bless: bool,
        /// Compile the plugin afresh instead of using the cache.
        #[arg(long)]
        no_cache: bool,
    },
    /// Create a plugin project that builds and passes `plugin test` at once.
    New {
        /// The plugin's id, also the directory's name.
        name: String,
        /// The language to write it in.
        #[arg(long, value_enum)]
        lang: Lang,
        /// Where to create it (default: ./NAME).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// sdk/rust in a parapet checkout (Rust only; default: the checkout
        /// this parapet was built from, when it still exists).
        #[arg(long, value_name = "PATH")]
        sdk_path: Option<PathBuf>,
    },
}

pub(crate) fn run(command: &PluginsCommand) -> Result<ExitCode> {
    let (plugins, show_imports) = match command {
        PluginsCommand::List { plugins, imports } => (plugins, *imports),
        PluginsCommand::Test {
            plugin,
            fixtures,
            bless,
            no_cache,
        } => return test(plugin, fixtures, *bless, *no_cache),
        PluginsCommand::New {
            name,
            lang,
            dir,
            sdk_path,
        } => return new(name, *lang, dir.as_deref(), sdk_path.as_deref()),
    };
    let setup = plugins.setup(LimitsConfig::default())?;
    for info in &setup.infos() {
        println!(
            "{:<16} {:<10} {:>3} checks  {}  ({})",
            info.id,
            info.version,
            info.checks.len(),
            info.name,
            info.source
        );
        if show_imports {
            for import in &info.imports {
                println!("    imports {import}");
            }
        }
    }
    Ok(super::report_load_failures(&setup.failures))
}

fn test(plugin: &str, fixtures: &std::path::Path, bless: bool, no_cache: bool) -> Result<ExitCode> {
    let source = match plugin.strip_prefix("builtin:") {
        Some(name) => parapet::builtin::builtin_plugins()
            .into_iter()
            .find(|p| p.expected_id.as_deref() == Some(name))
            .with_context(|| {
                format!("there is no built-in plugin '{name}'; `parapet plugins list` shows them")
            })?,
        None => {
            let bytes =
                std::fs::read(plugin).with_context(|| format!("cannot read plugin '{plugin}'"))?;
            PluginSource::new(plugin, bytes)
        }
    };
    let runtime = super::runtime(no_cache)?;
    let (loaded, failures) = parapet::scan::load_plugins(&runtime, &[source], 1);
    let Some(loaded) = loaded.into_iter().next() else {
        let why = failures
            .first()
            .map_or_else(String::new, |f| f.message.clone());
        bail!("{why}");
    };
    let results = parapet::fixtures::run_fixtures(&loaded, fixtures, bless);
    let failed: Vec<_> = results.iter().filter(|r| r.problem.is_some()).collect();
    for result in &failed {
        println!(
            "FAIL {}\n{}",
            result.fixture.display(),
            result.problem.as_deref().unwrap_or_default().trim_end()
        );
    }
    println!(
        "{} passed, {} failed",
        results.len() - failed.len(),
        failed.len()
    );
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_FINDINGS)
    })
}

fn new(
    name: &str,
    lang: Lang,
    dir: Option<&std::path::Path>,
    sdk_path: Option<&std::path::Path>,
) -> Result<ExitCode> {
    let built_from = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../sdk/rust"));
    let sdk = match sdk_path {
        Some(path) => Some(
            path.canonicalize()
                .with_context(|| format!("--sdk-path '{}' does not exist", path.display()))?,
        ),
        None => built_from.canonicalize().ok(),
    };
    let files = scaffold::project(lang, name, sdk.as_deref()).map_err(anyhow::Error::msg)?;
    let dir = dir.map_or_else(|| PathBuf::from(name), std::path::Path::to_owned);
    scaffold::write(&dir, &files).map_err(anyhow::Error::msg)?;
    println!(
        "created {} ({} files); see {}/README.md",
        dir.display(),
        files.len(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
