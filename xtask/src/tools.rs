//! Installing the tools the build needs, only when they are missing. Everything comes from the
//! registries this project may use: rustup's targets, crates.io, npm and Debian.

use std::path::Path;
use std::process::Command;

use crate::process::{self, output_of, root, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything `build-spa` needs: the wasm target, wasm-bindgen-cli matching the library, and
/// the npm tools (wasm-opt, Swagger UI assets).
pub fn ensure_spa_tools() -> Result {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages(&root().join("frontend"))
}

fn ensure_wasm_target() -> Result {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    process::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// wasm-bindgen's command-line tool must be exactly the version of the library in Cargo.lock.
fn ensure_wasm_bindgen() -> Result {
    let wanted = locked_version("wasm-bindgen")?;
    let installed = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    if installed.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    // No --locked: the registry mirror lacks some of the newest transitive versions.
    process::run(Command::new(process::cargo_bin()).args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
    ]))
}

/// Installs the npm packages of `dir` from its lock file when they are missing or stale.
pub fn ensure_npm_packages(dir: &Path) -> Result {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let fresh = match (modified(&lock), modified(&installed)) {
        (Some(lock), Some(installed)) => installed >= lock,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if output_of("npm", &["--version"]).is_none() {
        return Err(
            "npm is missing: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)"
                .into(),
        );
    }
    // --ignore-scripts: no package of ours needs one, and one dependency's would phone home.
    process::run(
        Command::new("npm")
            .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
            .current_dir(dir),
    )
}

/// The Chromium the browser tests drive: Debian's. Under CI it is installed when missing.
pub fn chromium() -> Result<Option<String>> {
    let path = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Path::new(&path).is_file() {
        return Ok(Some(path));
    }
    if !process::is_ci() {
        return Ok(None);
    }
    process::run(Command::new("apt-get").args(["update", "-qq"]))?;
    process::run(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    Ok(Path::new(&path).is_file().then_some(path))
}

/// The S3-compatible server the backup tests store archives in: moto's server, from PyPI, in a
/// virtual environment of its own under `target/tools` (made once, pinned).
pub fn s3_test_server() -> Result<std::path::PathBuf> {
    python_tool("moto", "moto[server]==5.2.5", "moto_server")
}

/// The SMTP server the email tests send to (issue #23 point 10): aiosmtpd, from PyPI.
pub fn smtp_test_server() -> Result<std::path::PathBuf> {
    python_tool("aiosmtpd", "aiosmtpd==1.4.6", "aiosmtpd")
}

/// The OpenAPI fuzzer of the spec-fuzz step (issue #19, defect 17): schemathesis, from PyPI.
pub fn spec_fuzzer() -> Result<std::path::PathBuf> {
    python_tool("schemathesis", "schemathesis==4.32.5", "schemathesis")
}

/// A Python tool pinned to `requirement` in a virtual environment of its own under
/// `target/tools/<name>` (made once); the path of its `program`.
fn python_tool(name: &str, requirement: &str, program: &str) -> Result<std::path::PathBuf> {
    let venv = root().join("target/tools").join(name);
    let binary = venv.join("bin").join(program);
    let marker = venv.join("installed");
    if binary.is_file() && std::fs::read_to_string(&marker).is_ok_and(|v| v == requirement) {
        return Ok(binary);
    }
    process::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    process::run(Command::new(venv.join("bin/pip")).args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        requirement,
    ]))?;
    std::fs::write(&marker, requirement).map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok(binary)
}

fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
