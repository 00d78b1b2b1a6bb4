//! The `parapet` command. Everything but argument parsing and exit codes
//! lives in the library and in `cli/`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("parapet: error: {error:#}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
