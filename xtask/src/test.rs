//! `cargo xtask test`: every check CI runs, in order of speed, stopping at the first failure.

use std::process::Command;

use crate::process::{self, is_ci, root, Result};
use crate::{build_spa, tools};

const CI_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

pub fn run() -> Result {
    let ci = is_ci();
    if ci && std::env::var_os("HOSO_TEST_DATABASE_URL").is_none() {
        // The machine's PostgreSQL, as .ci/run and docs/development.md describe.
        std::env::set_var("HOSO_TEST_DATABASE_URL", CI_POSTGRES_URL);
    }
    match std::env::var("HOSO_TEST_DATABASE_URL") {
        Ok(url) => eprintln!("xtask: database tests run on SQLite and on PostgreSQL ({url})"),
        Err(_) => eprintln!(
            "xtask: database tests run on SQLite only (set HOSO_TEST_DATABASE_URL to add PostgreSQL)"
        ),
    }
    tools::ensure_spa_tools()?;
    // Backups into an S3-compatible object store are tested against a real one.
    std::env::set_var("HOSO_TEST_S3_SERVER", tools::s3_test_server()?);
    std::env::set_var("HOSO_TEST_SMTP_SERVER", tools::smtp_test_server()?);

    process::cargo(&["fmt", "--all", "--", "--check"])?;
    process::cargo(&[
        "clippy",
        "--workspace",
        "--exclude",
        "hoso-frontend",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    process::cargo(&[
        "clippy",
        "-p",
        "hoso-frontend",
        "--target",
        tools::WASM_TARGET,
        "--",
        "-D",
        "warnings",
    ])?;
    process::cargo(&["test", "--workspace", "--exclude", "hoso-frontend"])?;
    process::cargo(&["test", "-p", "hoso-frontend"])?;
    spec_fuzz()?;

    browser_tests(ci)
}

/// A bounded fuzz of the OpenAPI document against the real binary (`tests/fuzz/spec_fuzz.py`):
/// a server error or an answer contradicting the document fails the build.
fn spec_fuzz() -> Result {
    let fuzzer = tools::spec_fuzzer()?;
    process::cargo(&["build", "-p", "hoso-server"])?;
    process::run(
        Command::new("python3")
            .arg(root().join("tests/fuzz/spec_fuzz.py"))
            .env("HOSO_BIN", root().join("target/debug/hoso"))
            .env("SCHEMATHESIS", fuzzer),
    )
}

/// The SPA in a real headless Chromium, against the real binary.
fn browser_tests(ci: bool) -> Result {
    let Some(chromium) = tools::chromium()? else {
        eprintln!("xtask: browser tests not run: no Chromium here (CI=true installs it; or apt-get install chromium)");
        return Ok(());
    };
    let dist = build_spa::build()?;
    process::cargo(&["build", "-p", "hoso-server", "-p", "hoso-national-sim"])?;
    let browser_dir = root().join("tests/browser");
    tools::ensure_npm_packages(&browser_dir)?;
    let mut node = Command::new("node");
    node.args(["--test", "--test-concurrency=1"])
        .current_dir(&browser_dir)
        .env("HOSO_BIN", root().join("target/debug/hoso"))
        .env("HOSO_STATIC_DIR", dist)
        .env("HOSO_SIM_BIN", root().join("target/debug/hoso-national-sim"))
        .env("CHROMIUM", chromium);
    if ci {
        node.env("CI", "true");
    }
    process::run(&mut node)
}
