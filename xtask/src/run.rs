//! `cargo xtask run`: the whole system on this machine, with the demo province, on SQLite.

use std::process::Command;

use crate::process::{self, root, Result};
use crate::{build_spa, tools};

/// Where the demo's national-database simulator listens.
const SIMULATOR: &str = "127.0.0.1:8090";

/// Stops the simulator when `cargo xtask run` ends.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn run(args: &[String]) -> Result {
    let release = args.iter().any(|a| a == "--release");
    let serve_args: Vec<&String> = args.iter().skip_while(|a| *a != "--").skip(1).collect();

    tools::ensure_spa_tools()?;
    let dist = build_spa::build()?;
    let mut build = vec!["build", "-p", "hoso-server", "-p", "hoso-national-sim"];
    if release {
        build.push("--release");
    }
    process::cargo(&build)?;
    let hoso = root().join(if release {
        "target/release/hoso"
    } else {
        "target/debug/hoso"
    });

    // The national database is played by the simulator (docs/integration.md), unless a real
    // connection is configured: approvals in the demo reach it and come back acknowledged.
    let simulated = std::env::var_os("HOSO_NATIONAL_URL").is_none();
    let _simulator = if simulated {
        let simulator = root().join(if release {
            "target/release/hoso-national-sim"
        } else {
            "target/debug/hoso-national-sim"
        });
        let child = Command::new(simulator)
            .args([
                "--listen",
                SIMULATOR,
                "--user",
                "hoso",
                "--secret",
                "demo-ket-noi",
            ])
            .spawn()
            .map_err(|e| format!("hoso-national-sim: {e}"))?;
        Some(KillOnDrop(child))
    } else {
        None
    };
    let hoso_command = || {
        let mut command = Command::new(&hoso);
        command.current_dir(root()).env("HOSO_STATIC_DIR", &dist);
        if simulated {
            command
                .env("HOSO_NATIONAL_URL", format!("http://{SIMULATOR}"))
                .env("HOSO_NATIONAL_USER", "hoso")
                .env("HOSO_NATIONAL_SECRET", "demo-ket-noi");
        }
        command
    };
    process::run(hoso_command().arg("seed-demo"))?;
    eprintln!(
        "\nxtask: starting hoso with the demo province (SQLite in ./data).\n\
         xtask: open http://127.0.0.1:8080 (unless --listen says otherwise); the API documentation is at /api/docs.\n\
         xtask: the national CBCCVC database is played by hoso-national-sim on 127.0.0.1:8090.\n\
         xtask: demo data only — never use ./data for real people. Stop with Ctrl+C.\n"
    );
    process::run(hoso_command().arg("serve").args(serve_args))
}
