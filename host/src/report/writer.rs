//! Every report format a scan was asked for, written side by side as the
//! accounts are scanned, each file replaced atomically at the end.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::ScanMeta;
use super::asff::AsffWriter;
use super::csv::CsvWriter;
use super::finops::FinOps;
use super::junit::JunitWriter;
use super::ocsf::OcsfWriter;
use super::sarif::SarifWriter;
use crate::output::{AtomicFile, WriteError};
use crate::scan::ScanOutcome;

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// A Security Hub BatchImportFindings request: {"Findings": [...]}.
    Asff,
    /// parapet's own report: findings with check metadata, failures, summary (one account).
    Json,
    /// OCSF 1.6.0 Compliance Finding events, for the new Security Hub and security data lakes.
    Ocsf,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// JUnit XML, for CI test reports.
    Junit,
    /// CSV, one row per finding.
    Csv,
}

impl Format {
    /// The file name `--output-dir` gives this format.
    #[must_use]
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Asff => "parapet-asff.json",
            Self::Json => "parapet-report.json",
            Self::Ocsf => "parapet-ocsf.json",
            Self::Sarif => "parapet.sarif",
            Self::Junit => "parapet-junit.xml",
            Self::Csv => "parapet.csv",
        }
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Asff => "ASFF",
            Self::Json => "JSON",
            Self::Ocsf => "OCSF",
            Self::Sarif => "SARIF",
            Self::Junit => "JUnit",
            Self::Csv => "CSV",
        }
    }
}

enum Sink {
    Asff(AsffWriter),
    Json { accounts: usize },
    Ocsf(OcsfWriter),
    Sarif(SarifWriter),
    Junit(JunitWriter),
    Csv(CsvWriter),
}

enum Target {
    File(AtomicFile),
    Stdout(std::io::BufWriter<std::io::Stdout>),
}

impl Target {
    fn out(&mut self) -> &mut dyn Write {
        match self {
            Self::File(file) => file,
            Self::Stdout(out) => out,
        }
    }
}

struct Output {
    format: Format,
    /// `None`: standard output.
    path: Option<PathBuf>,
    target: Target,
    sink: Sink,
}

impl Output {
    fn error(&self, source: std::io::Error) -> WriteError {
        match &self.target {
            Target::File(file) => file.error(source),
            Target::Stdout(_) => WriteError::new("standard output", source),
        }
    }
}

/// The reports of one scan, open for writing.
pub struct ReportSet {
    outputs: Vec<Output>,
}

impl ReportSet {
    /// Opens one output per (format, path); a path of `-` is standard output.
    ///
    /// # Errors
    /// When a file cannot be created, or a header cannot be written.
    pub fn open(outputs: &[(Format, PathBuf)]) -> Result<Self, WriteError> {
        let mut open = Vec::new();
        for (format, path) in outputs {
            let (path, mut target) = if path.as_os_str() == "-" {
                (
                    None,
                    Target::Stdout(std::io::BufWriter::new(std::io::stdout())),
                )
            } else {
                (Some(path.clone()), Target::File(AtomicFile::create(path)?))
            };
            let out = target.out();
            let sink = match format {
                Format::Asff => AsffWriter::begin(out).map(Sink::Asff),
                Format::Json => Ok(Sink::Json { accounts: 0 }),
                Format::Ocsf => OcsfWriter::begin(out).map(Sink::Ocsf),
                Format::Sarif => SarifWriter::begin(out).map(Sink::Sarif),
                Format::Junit => JunitWriter::begin(out).map(Sink::Junit),
                Format::Csv => CsvWriter::begin(out).map(Sink::Csv),
            };
            let mut output = Output {
                format: *format,
                path,
                target,
                sink: Sink::Json { accounts: 0 },
            };
            output.sink = sink.map_err(|e| output.error(e))?;
            open.push(output);
        }
        Ok(Self { outputs: open })
    }

    /// Adds one account's scan to every report.
    ///
    /// # Errors
    /// When a report cannot be written, or the JSON report would need a
    /// second account.
    pub fn account(
        &mut self,
        outcome: &ScanOutcome,
        meta: &ScanMeta,
        finops: &FinOps,
    ) -> Result<(), WriteError> {
        for output in &mut self.outputs {
            let out = output.target.out();
            let written = match &mut output.sink {
                Sink::Asff(w) => w.account(out, outcome, meta),
                Sink::Ocsf(w) => w.account(out, outcome, meta),
                Sink::Sarif(w) => w.account(out, outcome, meta),
                Sink::Junit(w) => w.account(out, outcome, meta),
                Sink::Csv(w) => w.account(out, outcome, meta),
                Sink::Json { accounts } => {
                    *accounts += 1;
                    if *accounts > 1 {
                        Err(std::io::Error::other(
                            "a JSON report covers one account; use --format asff, ocsf, sarif, junit or csv for several",
                        ))
                    } else {
                        serde_json::to_writer_pretty(
                            &mut *out,
                            &super::native_report(outcome, meta, finops),
                        )
                        .map_err(std::io::Error::from)
                        .and_then(|()| out.write_all(b"\n"))
                    }
                }
            };
            written.map_err(|e| output.error(e))?;
        }
        Ok(())
    }

    /// Ends every report and moves the files into place; returns what was
    /// written where (`None`: standard output).
    ///
    /// # Errors
    /// When a report cannot be finished; files not yet committed keep
    /// their old content.
    pub fn finish(self) -> Result<Vec<(Format, Option<PathBuf>)>, WriteError> {
        let mut done = Vec::new();
        for mut output in self.outputs {
            let out = output.target.out();
            let ended = match std::mem::replace(&mut output.sink, Sink::Json { accounts: 1 }) {
                Sink::Asff(w) => w.end(out),
                Sink::Ocsf(w) => w.end(out),
                Sink::Sarif(w) => w.end(out),
                Sink::Junit(w) => w.end(out),
                Sink::Csv(w) => w.end(out),
                Sink::Json { .. } => Ok(()),
            };
            ended.map_err(|e| output.error(e))?;
            match output.target {
                Target::File(file) => file.commit()?,
                Target::Stdout(mut out) => out
                    .flush()
                    .map_err(|e| WriteError::new("standard output", e))?,
            }
            done.push((output.format, output.path));
        }
        Ok(done)
    }
}

/// Where each format goes: `output` for a single format, else
/// `dir/<format's file name>`.
#[must_use]
pub fn destinations(
    formats: &[Format],
    output: &Path,
    dir: Option<&Path>,
) -> Vec<(Format, PathBuf)> {
    let mut unique: Vec<Format> = Vec::new();
    for format in formats {
        if !unique.contains(format) {
            unique.push(*format);
        }
    }
    unique
        .into_iter()
        .map(|format| {
            let path = dir.map_or_else(|| output.to_owned(), |d| d.join(format.file_name()));
            (format, path)
        })
        .collect()
}
