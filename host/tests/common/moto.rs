//! A real moto server (AWS APIs on loopback) per test, from
//! `scripts/moto-server`, and `parapet` pointed at it.

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{cache_dir, workspace};

pub(crate) struct Moto {
    child: Child,
    pub(crate) url: String,
    port: u16,
}

impl Moto {
    /// Installs moto on first use (once, whatever the number of tests) and
    /// starts a server of this test's own on a free port.
    pub(crate) fn start() -> Self {
        install();
        let script = workspace().join("scripts/moto-server");
        let port = free_port();
        let log = std::fs::File::create(
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("moto-{port}.log")),
        )
        .expect("create the moto log");
        let child = Command::new(&script)
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start moto");
        let moto = Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
            port,
        };
        moto.wait_until_ready();
        moto
    }

    fn wait_until_ready(&self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if self
                .get("/moto-api/data.json")
                .is_some_and(|r| r.starts_with("HTTP/1.1 200"))
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("moto did not answer on port {} within 60 s", self.port);
    }

    fn get(&self, path: &str) -> Option<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        Some(response)
    }

    /// Runs `host/tests/moto/seed.py` with `args`; returns what it made.
    pub(crate) fn seed(&self, args: &[&str]) -> Value {
        self.script("seed.py", args)
    }

    /// Runs `host/tests/moto/<name>` against this server with `args`;
    /// returns the JSON it prints.
    pub(crate) fn script(&self, name: &str, args: &[&str]) -> Value {
        let mut all = vec![self.url.as_str()];
        all.extend_from_slice(args);
        python(name, &all)
    }

    /// Runs `parapet` against this server with test credentials; `env`
    /// overrides the environment (an empty value removes the variable).
    pub(crate) fn parapet(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_parapet"));
        command
            .args(args)
            .env("PARAPET_CACHE_DIR", cache_dir())
            .env("AWS_ENDPOINT_URL", &self.url)
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_REGION", "us-east-1")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", "/nonexistent/parapet-test")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/parapet-test")
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_SESSION_TOKEN")
            .env("CI", "true");
        for (name, value) in env {
            if value.is_empty() {
                command.env_remove(name);
            } else {
                command.env(name, value);
            }
        }
        command.output().expect("run the parapet binary")
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        // The script execs moto_server, so this is the server itself.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Installs moto and the tests' other Python tools (once, whatever the
/// number of tests asking at the same time).
pub(crate) fn install() {
    let installed = Command::new(workspace().join("scripts/moto-server"))
        .arg("--install")
        .status()
        .expect("run scripts/moto-server --install");
    assert!(installed.success(), "scripts/moto-server --install failed");
}

/// Runs `host/tests/moto/<name>` with the tests' Python; returns the JSON
/// it prints, or fails the test with what it wrote on standard error.
pub(crate) fn python(name: &str, args: &[&str]) -> Value {
    install();
    let output = Command::new(workspace().join("target/moto/bin/python"))
        .arg(workspace().join("host/tests/moto").join(name))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run {name}: {e}"));
    assert!(
        output.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{name} prints JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("find a free port")
}
