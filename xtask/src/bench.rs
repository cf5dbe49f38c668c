//! `cargo xtask bench`: the release server on a fresh SQLite database with the demo province,
//! driven over loopback by `wrk` (Debian's package, installed when missing) on the paths every
//! request or every person takes. Prints a Markdown table for docs/performance.md.
//! Bounded: each scenario runs a fixed time against 127.0.0.1 only.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use crate::process::{self, output_of, root, Result};

const DURATION: &str = "10s";
const DEMO_PASSWORD: &str = "HoSo@demo2026";

pub fn run() -> Result {
    ensure_wrk()?;
    process::cargo(&["build", "--release", "-p", "hoso-api"])?;
    let data = std::env::temp_dir().join(format!("hoso-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let hoso = root().join("target/release/hoso");
    let env = |command: &mut Command| {
        command
            .env("HOSO_DATA_DIR", &data)
            .env("HOSO_LOG", "warn")
            .env("HOSO_STATIC_DIR", root().join("frontend/dist"));
    };
    let mut seed = Command::new(&hoso);
    env(&mut seed);
    process::run(seed.arg("seed-demo").stdout(Stdio::null()))?;
    let mut serve = Command::new(&hoso);
    env(&mut serve);
    let server = Server::start(serve.args(["--listen", "127.0.0.1:0", "serve"]))?;
    let base = server.base_url.clone();

    let token = sign_in(&base, "quantri")?;
    let script = data.join("login.lua");
    std::fs::write(
        &script,
        format!(
            "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = '{{\"username\":\"sogddt\",\"password\":\"{DEMO_PASSWORD}\"}}'\n"
        ),
    )
    .map_err(|e| e.to_string())?;
    let auth = format!("Authorization: Bearer {token}");
    let dossier = first_dossier(&base, &auth)?;
    let scenarios: Vec<(&str, Vec<String>)> = vec![
        (
            "GET /api/v1/health (no database)",
            vec!["-c32".into(), format!("{base}/api/v1/health")],
        ),
        (
            "GET /api/v1/me (token + account re-read)",
            vec![
                "-c32".into(),
                "-H".into(),
                auth.clone(),
                format!("{base}/api/v1/me"),
            ],
        ),
        (
            "GET /api/v1/accounts (list, admin)",
            vec![
                "-c32".into(),
                "-H".into(),
                auth.clone(),
                format!("{base}/api/v1/accounts"),
            ],
        ),
        (
            "GET /api/v1/dossiers?q=nguyen (accent-free search over the demo's 360 dossiers)",
            vec![
                "-c32".into(),
                "-H".into(),
                auth.clone(),
                format!("{base}/api/v1/dossiers?q=nguyen"),
            ],
        ),
        (
            "GET /api/v1/dossiers/{id} (unseal, redact, audit the read)",
            vec![
                "-c32".into(),
                "-H".into(),
                auth.clone(),
                format!("{base}/api/v1/dossiers/{dossier}"),
            ],
        ),
        (
            "GET /api/v1/dossiers/{id}/print (the PDF form)",
            vec![
                "-c8".into(),
                "-H".into(),
                auth.clone(),
                format!("{base}/api/v1/dossiers/{dossier}/print"),
            ],
        ),
        (
            "GET /api/v1/deadlines (WF-8 dashboard, whole province, officers resolved)",
            vec![
                "-c8".into(),
                "-H".into(),
                auth.clone(),
                format!("{base}/api/v1/deadlines"),
            ],
        ),
        (
            "POST /api/v1/auth/login (Argon2id)",
            vec![
                "-c4".into(),
                "-s".into(),
                script.display().to_string(),
                format!("{base}/api/v1/auth/login"),
            ],
        ),
    ];
    let mut table =
        String::from("| Scenario | Requests/s | Latency p50 | Latency p99 |\n|---|---|---|---|\n");
    for (name, args) in scenarios {
        let mut command = Command::new("wrk");
        command.args(["-t2", "-d", DURATION, "--latency"]).args(&args);
        let output = command.output().map_err(|e| format!("wrk: {e}"))?;
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        if !output.status.success() || text.contains("Non-2xx") {
            return Err(format!("{name}: wrk failed or saw errors:\n{text}"));
        }
        table.push_str(&format!(
            "| {name} | {} | {} | {} |\n",
            field(&text, "Requests/sec:"),
            field(&text, "50%"),
            field(&text, "99%")
        ));
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
    println!("\n{table}");
    Ok(())
}

fn ensure_wrk() -> Result {
    if output_of("wrk", &["--version"]).is_some() || Command::new("wrk").arg("-v").output().is_ok() {
        return Ok(());
    }
    process::run(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "wrk"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn sign_in(base: &str, username: &str) -> Result<String> {
    let body = format!("{{\"username\":\"{username}\",\"password\":\"{DEMO_PASSWORD}\"}}");
    let answer = output_of(
        "curl",
        &[
            "-sf",
            "-H",
            "Content-Type: application/json",
            "-d",
            &body,
            &format!("{base}/api/v1/auth/login"),
        ],
    )
    .ok_or("sign-in for the benchmark failed")?;
    let start = answer.find("\"access_token\":\"").ok_or("no access token")? + 16;
    let end = answer[start..].find('"').ok_or("no access token")? + start;
    Ok(answer[start..end].to_owned())
}

/// The id of the first dossier the benchmark's account lists.
fn first_dossier(base: &str, auth: &str) -> Result<String> {
    let answer = output_of(
        "curl",
        &["-sf", "-H", auth, &format!("{base}/api/v1/dossiers?limit=1")],
    )
    .ok_or("listing dossiers for the benchmark failed")?;
    let start = answer.find("\"id\":\"").ok_or("no dossier in the demo")? + 6;
    let end = answer[start..].find('"').ok_or("no dossier id")? + start;
    Ok(answer[start..end].to_owned())
}

/// The value after `label` on wrk's output line that starts with it.
fn field(text: &str, label: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|line| line.starts_with(label))
        .and_then(|line| line[label.len()..].split_whitespace().next())
        .unwrap_or("?")
        .to_owned()
}

/// The server, stopped when dropped.
struct Server {
    child: Child,
    base_url: String,
}

impl Server {
    fn start(command: &mut Command) -> Result<Server> {
        let mut child = command
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        let mut line = String::new();
        BufReader::new(child.stdout.take().ok_or("no stdout")?)
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        let base_url = line
            .trim()
            .strip_prefix("hoso listening on ")
            .ok_or(format!("unexpected: {line}"))?
            .to_owned();
        Ok(Server { child, base_url })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
