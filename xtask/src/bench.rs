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
    process::cargo(&["build", "--release", "-p", "hoso-server"])?;
    let data = std::env::temp_dir().join(format!("hoso-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    process::run(hoso(&data, None).arg("seed-demo").stdout(Stdio::null()))?;
    let server = Server::start(hoso(&data, None).args(["--listen", "127.0.0.1:0", "serve"]))?;
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
    let mut table = String::from(TABLE_HEAD);
    for (name, args) in scenarios {
        table.push_str(&measure(name, &args)?);
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
    println!("\n{table}");
    Ok(())
}

/// `cargo xtask bench-search [PEOPLE]`: search, reports and lists on PostgreSQL with the demo
/// province plus PEOPLE generated dossiers (default 100,000), database `hoso_bench` on
/// 127.0.0.1:5432 (or `HOSO_BENCH_DATABASE_URL`), created and filled once, reused afterwards.
pub fn run_search(args: &[String]) -> Result {
    let people: usize = match args.first() {
        Some(n) => n.parse().map_err(|_| format!("not a number of people: {n}"))?,
        None => 100_000,
    };
    ensure_wrk()?;
    process::cargo(&["build", "--release", "-p", "hoso-server"])?;
    let url = std::env::var("HOSO_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/hoso_bench".into());
    if std::env::var("HOSO_BENCH_DATABASE_URL").is_err() {
        // Created when missing; an existing one is kept with its data.
        let _ = Command::new("createdb")
            .args(["-h", "127.0.0.1", "-U", "postgres", "hoso_bench"])
            .stderr(Stdio::null())
            .status();
    }
    let data = std::env::temp_dir().join("hoso-bench-search");
    process::run(hoso(&data, Some(&url)).arg("seed-demo").stdout(Stdio::null()))?;
    let have: usize = output_of("psql", &[&url, "-tAc", "SELECT COUNT(*) FROM dossiers"])
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    if have < people {
        let started = std::time::Instant::now();
        process::run(
            hoso(&data, Some(&url))
                .args(["seed-bulk", "--people", &(people - have).to_string()])
                .stdout(Stdio::null()),
        )?;
        println!(
            "generated {} dossiers in {:.0?}",
            people - have,
            started.elapsed()
        );
    }
    let _ = output_of("psql", &[&url, "-tAc", "ANALYZE"]);
    let server = Server::start(hoso(&data, Some(&url)).args(["--listen", "127.0.0.1:0", "serve"]))?;
    let base = server.base_url.clone();
    let auth = format!("Authorization: Bearer {}", sign_in(&base, "quantri")?);
    let education = output_of(
        "psql",
        &[&url, "-tAc", "SELECT id FROM units WHERE code = 'HY.SGDDT'"],
    )
    .ok_or("no education department")?
    .trim()
    .to_owned();
    let paths = [
        (
            "five criteria: gender, born 1975–1990, Party member, university degree, province",
            "/api/v1/search?gender=2&born_from=1975-01-01&born_until=1990-12-31&party_member=true&qualification=DH".to_owned(),
        ),
        (
            "five criteria: a department's subtree, gender, age 30–50, has a reward",
            format!("/api/v1/search?unit_id={education}&gender=1&age_from=30&age_to=50&has_reward=true"),
        ),
        (
            "five criteria: name part, gender, age 40–60, Party member, no discipline",
            "/api/v1/search?q=nguyen&gender=2&age_from=40&age_to=60&party_member=true&has_discipline=false".to_owned(),
        ),
        ("report by grade, whole province", "/api/v1/reports/grade".to_owned()),
        ("age pyramid, whole province", "/api/v1/reports/age".to_owned()),
        ("list of step raises due, whole province", "/api/v1/lists/salary_step".to_owned()),
    ];
    let mut table =
        format!("{people} generated dossiers on PostgreSQL, 4 connections, {DURATION} each:\n\n{TABLE_HEAD}");
    for (name, path) in paths {
        let args = [
            "-c4".to_owned(),
            "-H".to_owned(),
            auth.clone(),
            format!("{base}{path}"),
        ];
        table.push_str(&measure(name, &args)?);
    }
    drop(server);
    println!("\n{table}");
    Ok(())
}

/// The release binary with the bench's data directory and quiet logs; on `database` when given,
/// else on the SQLite file in the data directory.
fn hoso(data: &std::path::Path, database: Option<&str>) -> Command {
    let mut command = Command::new(root().join("target/release/hoso"));
    command
        .env("HOSO_DATA_DIR", data)
        .env("HOSO_LOG", "warn")
        .env("HOSO_STATIC_DIR", root().join("frontend/dist"));
    if let Some(url) = database {
        command.env("HOSO_DATABASE_URL", url);
    }
    command
}

const TABLE_HEAD: &str = "| Scenario | Requests/s | Latency p50 | Latency p99 |\n|---|---|---|---|\n";

/// One scenario under wrk (2 threads, `DURATION`), as a row of the table; any error or non-2xx
/// answer fails the benchmark.
fn measure(name: &str, args: &[String]) -> Result<String> {
    let output = Command::new("wrk")
        .args(["-t2", "-d", DURATION, "--latency"])
        .args(args)
        .output()
        .map_err(|e| format!("wrk: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() || text.contains("Non-2xx") {
        return Err(format!("{name}: wrk failed or saw errors:\n{text}"));
    }
    Ok(format!(
        "| {name} | {} | {} | {} |\n",
        field(&text, "Requests/sec:"),
        field(&text, "50%"),
        field(&text, "99%")
    ))
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
