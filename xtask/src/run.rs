//! `cargo xtask run`: the whole system on this machine, with the demo province, on SQLite.

use std::process::Command;

use crate::process::{self, root, Result};
use crate::{build_spa, tools};

pub fn run(args: &[String]) -> Result {
    let release = args.iter().any(|a| a == "--release");
    let serve_args: Vec<&String> = args.iter().skip_while(|a| *a != "--").skip(1).collect();

    tools::ensure_spa_tools()?;
    let dist = build_spa::build()?;
    let mut build = vec!["build", "-p", "hoso-server"];
    if release {
        build.push("--release");
    }
    process::cargo(&build)?;
    let hoso = root().join(if release {
        "target/release/hoso"
    } else {
        "target/debug/hoso"
    });

    let hoso_command = || {
        let mut command = Command::new(&hoso);
        command.current_dir(root()).env("HOSO_STATIC_DIR", &dist);
        command
    };
    process::run(hoso_command().arg("seed-demo"))?;
    eprintln!(
        "\nxtask: starting hoso with the demo province (SQLite in ./data).\n\
         xtask: open http://127.0.0.1:8080 (unless --listen says otherwise); the API documentation is at /api/docs.\n\
         xtask: demo data only — never use ./data for real people. Stop with Ctrl+C.\n"
    );
    process::run(hoso_command().arg("serve").args(serve_args))
}
