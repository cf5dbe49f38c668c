//! `cargo xtask <command>`: the one entry point for building, running and checking hoso.
//! Each command installs what it needs (the wasm target, wasm-bindgen-cli at the version in
//! `Cargo.lock`, the npm build tools, and under `CI=true` Chromium) and is safe to run again.

mod bench;
mod build_spa;
mod process;
mod run;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run [--release] [-- <hoso options>]   build everything, load the demo province into ./data (SQLite)
                                        and serve the API and the SPA on http://127.0.0.1:8080
  test                                  fmt, clippy, every test on SQLite (and PostgreSQL when
                                        HOSO_TEST_DATABASE_URL is set or CI=true), and the browser
                                        tests when CI=true or Chromium is installed
  build-spa                             build the SPA into frontend/dist (release wasm, wasm-opt)
  openapi                               regenerate openapi/openapi.json
  bench                                 load the release server over loopback with wrk and print
                                        the results (docs/performance.md)
  bench-search [PEOPLE]                 search, reports and lists on PostgreSQL over the demo plus
                                        PEOPLE generated dossiers (default 100000; kept between runs)
  bench-import [PEOPLE]                 a generated workbook of PEOPLE (default 50000) checked and
                                        committed on SQLite and PostgreSQL, beside a raw copy
  bench-backup [PEOPLE]                 hoso backup (write, verify) and hoso restore of the bench
                                        database (default 100000 dossiers), beside pg_dump and
                                        pg_restore
  bench-sync [PER_DOSSIER]              hoso worker delivering PER_DOSSIER (default 10) messages of
                                        each of the demo's 360 approved dossiers to
                                        hoso-national-sim, beside the simulator fed by a bare client";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run::run(&args[1..]),
        Some("test") => test::run(),
        Some("build-spa") => tools::ensure_spa_tools().and_then(|()| build_spa::build().map(|_| ())),
        Some("bench") => bench::run(),
        Some("bench-search") => bench::run_search(&args[1..]),
        Some("bench-import") => bench::run_import(&args[1..]),
        Some("bench-backup") => bench::run_backup(&args[1..]),
        Some("bench-sync") => bench::run_sync(&args[1..]),
        Some("openapi") => process::cargo(&[
            "run",
            "--quiet",
            "-p",
            "hoso-server",
            "--",
            "openapi",
            "-o",
            "openapi/openapi.json",
        ]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
