//! `hoso-national-sim [--listen 127.0.0.1:8090] [--profile token] [--user hoso]
//! [--secret …] [--trusted-roots roots.pem] [--tls-dir DIR]`: the national database as
//! docs/integration.md describes it, for `cargo xtask run` and for trying a deployment's
//! connection settings. With `--tls-dir` it serves HTTPS and lets in only the client
//! certificate of `DIR/client.pem` (made there with its CA on first use).

use hoso_national_sim::{Config, Profile, Simulator, Tls};

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut listen = "127.0.0.1:8090".to_owned();
    let mut config = Config::new(Profile::Token);
    let mut roots = Vec::new();
    let mut tls = None;
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--listen" => listen = value()?,
            "--profile" => {
                let text = value()?;
                config.profile = Profile::parse(&text).ok_or(format!(
                    "unknown profile {text}: token, system_key, oauth2, access_key or xroad"
                ))?;
            }
            "--user" => config.user = value()?,
            "--secret" => config.secret = value()?,
            "--trusted-roots" => {
                let path = value()?;
                let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
                roots = hoso_signatures::certificates::parse_certificates(&bytes)
                    .map_err(|e| format!("{path}: {e}"))?;
            }
            "--tls-dir" => {
                let dir = std::path::PathBuf::from(value()?);
                tls = Some(Tls::in_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let listener = std::net::TcpListener::bind(&listen).map_err(|e| format!("{listen}: {e}"))?;
    let simulator = Simulator::new(config);
    simulator.trust(roots);
    let running = simulator
        .serve_on(listener, tls.as_ref())
        .map_err(|e| e.to_string())?;
    println!("hoso-national-sim listening on {}", running.url);
    // Serves until the process is stopped.
    loop {
        std::thread::park();
    }
}
