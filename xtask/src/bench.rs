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
    process::run(
        hoso(&data, None)
            .args(["seed-demo", "--no-stories"])
            .stdout(Stdio::null()),
    )?;
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
    process::run(
        hoso(&data, Some(&url))
            .args(["seed-demo", "--no-stories"])
            .stdout(Stdio::null()),
    )?;
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

/// Tables an import writes: the physical limit copies their rows.
const IMPORT_TABLES: &[&str] = &[
    "people",
    "person_placements",
    "person_categories",
    "dossiers",
    "dossier_drafts",
    "dossier_facts",
    "audit_events",
    "import_records",
];

/// `cargo xtask bench-import [PEOPLE]`: a generated workbook of PEOPLE teachers (default
/// 50,000) with their sections, checked (dry run) and committed through the release server on
/// SQLite and on PostgreSQL (database `hoso_bench_import`, made afresh), with the server's peak
/// memory; beside each, the same rows copied raw into clones of the same tables (COPY on
/// PostgreSQL, INSERT … SELECT in one transaction on SQLite) as the physical limit.
pub fn run_import(args: &[String]) -> Result {
    let people: usize = match args.first() {
        Some(n) => n.parse().map_err(|_| format!("not a number of people: {n}"))?,
        None => 50_000,
    };
    process::cargo(&["build", "--release", "-p", "hoso-server"])?;
    let data = std::env::temp_dir().join("hoso-bench-import");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    let workbook = data.join("nhan-su.xlsx");
    let started = std::time::Instant::now();
    process::run(
        hoso(&data, None)
            .args(["sample-workbook", "--people", &people.to_string(), "--out"])
            .arg(&workbook)
            .stdout(Stdio::null()),
    )?;
    let size = std::fs::metadata(&workbook).map_err(|e| e.to_string())?.len();
    println!(
        "workbook of {people} people: {:.1} MB, generated in {:.1?}",
        size as f64 / 1e6,
        started.elapsed()
    );
    let mut table = String::from(
        "| Backend | Dry run | People/s | Commit | People/s | Server peak RSS | Raw copy of the same rows | Commit ÷ raw |\n|---|---|---|---|---|---|---|---|\n",
    );
    let postgres = std::env::var("HOSO_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/hoso_bench_import".into());
    for backend in ["sqlite", "postgres"] {
        let dir = data.join(backend);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let url = (backend == "postgres").then_some(postgres.as_str());
        if url.is_some() && std::env::var("HOSO_BENCH_DATABASE_URL").is_err() {
            let quiet = |args: &[&str]| {
                Command::new(args[0])
                    .args(&args[1..])
                    .stderr(Stdio::null())
                    .status()
            };
            let _ = quiet(&[
                "dropdb",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "--if-exists",
                "hoso_bench_import",
            ]);
            let _ = quiet(&[
                "createdb",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "hoso_bench_import",
            ]);
        }
        process::run(
            hoso(&dir, url)
                .args(["seed-demo", "--no-stories"])
                .stdout(Stdio::null()),
        )?;
        let server = Server::start(hoso(&dir, url).env("HOSO_MAX_IMPORT_BYTES", "2000000000").args([
            "--listen",
            "127.0.0.1:0",
            "serve",
        ]))?;
        let base = server.base_url.clone();
        let auth = format!("Authorization: Bearer {}", sign_in(&base, "sogddt")?);
        let started = std::time::Instant::now();
        let checked = output_of(
            "curl",
            &[
                "-sf",
                "--max-time",
                "3600",
                "-H",
                &auth,
                "-H",
                "Content-Type: application/octet-stream",
                "--data-binary",
                &format!("@{}", workbook.display()),
                &format!("{base}/api/v1/imports?kind=staff&file_name=nhan-su.xlsx"),
            ],
        )
        .ok_or("the dry run failed")?;
        let dry_run = started.elapsed();
        if !checked.contains(&format!("\"new\":{people}")) {
            return Err(format!(
                "the dry run did not find {people} new people: {}",
                &checked[..checked.len().min(2000)]
            ));
        }
        let id = json_string(&checked, "id").ok_or("no import id")?;
        let started = std::time::Instant::now();
        output_of(
            "curl",
            &[
                "-sf",
                "-H",
                &auth,
                "-H",
                "Content-Type: application/json",
                "-d",
                "{}",
                &format!("{base}/api/v1/imports/{id}/commit"),
            ],
        )
        .ok_or("the commit was refused")?;
        loop {
            let state = output_of(
                "curl",
                &[
                    "-sf",
                    "-H",
                    &auth,
                    &format!("{base}/api/v1/imports/{id}?wait=true"),
                ],
            )
            .ok_or("reading the import failed")?;
            match json_string(&state, "status").as_deref() {
                Some("committing") => continue,
                Some("committed") => break,
                other => return Err(format!("the commit ended {other:?}: {state}")),
            }
        }
        let commit = started.elapsed();
        let peak = peak_rss_mb(server.child.id());
        drop(server);
        let raw = match url {
            Some(url) => raw_copy_postgres(url, &dir)?,
            None => raw_copy_sqlite(&dir.join("hoso.db"))?,
        };
        let rate = |d: std::time::Duration| people as f64 / d.as_secs_f64();
        let line = format!(
            "| {backend} | {:.1} s | {:.0} | {:.1} s | {:.0} | {peak} MB | {:.2} s | {:.1} |\n",
            dry_run.as_secs_f64(),
            rate(dry_run),
            commit.as_secs_f64(),
            rate(commit),
            raw.as_secs_f64(),
            commit.as_secs_f64() / raw.as_secs_f64()
        );
        println!("{line}");
        table.push_str(&line);
    }
    println!(
        "\n{people} people ({:.1} MB workbook), sections included:\n\n{table}",
        size as f64 / 1e6
    );
    Ok(())
}

/// `cargo xtask bench-backup [PEOPLE]`: `hoso backup` (write, then verify by a restore into a
/// scratch SQLite database) and `hoso restore` into an empty PostgreSQL database, of the
/// `hoso_bench` database of `bench-search` (the demo plus PEOPLE generated dossiers, default
/// 100,000; made when missing), with peak memory; beside them PostgreSQL's own `pg_dump -Fc`
/// and `pg_restore` of the same database as the physical limit.
pub fn run_backup(args: &[String]) -> Result {
    let people: usize = match args.first() {
        Some(n) => n.parse().map_err(|_| format!("not a number of people: {n}"))?,
        None => 100_000,
    };
    process::cargo(&["build", "--release", "-p", "hoso-server"])?;
    let url = "postgres://postgres@127.0.0.1:5432/hoso_bench";
    let _ = Command::new("createdb")
        .args(["-h", "127.0.0.1", "-U", "postgres", "hoso_bench"])
        .stderr(Stdio::null())
        .status();
    let data = std::env::temp_dir().join("hoso-bench-backup");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    process::run(
        hoso(&data, Some(url))
            .args(["seed-demo", "--no-stories"])
            .stdout(Stdio::null()),
    )?;
    let count = |url: &str, sql: &str| -> usize {
        output_of("psql", &[url, "-tAc", sql])
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    let have = count(url, "SELECT COUNT(*) FROM dossiers");
    if have < people {
        process::run(
            hoso(&data, Some(url))
                .args(["seed-bulk", "--people", &(people - have).to_string()])
                .stdout(Stdio::null()),
        )?;
    }
    let dossiers = count(url, "SELECT COUNT(*) FROM dossiers");
    let rows = count(
        url,
        "SELECT SUM(n_live_tup)::bigint FROM pg_stat_user_tables WHERE relname <> '__diesel_schema_migrations'",
    );
    let _ = output_of("psql", &[url, "-tAc", "VACUUM ANALYZE"]);

    let backup = timed(hoso(&data, Some(url)).arg("backup"))?;
    let archive = std::fs::read_dir(data.join("backups"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "age"))
        .ok_or("no archive was written")?;
    let archive_mb = std::fs::metadata(&archive).map_err(|e| e.to_string())?.len() as f64 / 1e6;
    let verify_s: f64 = output_of(
        "psql",
        &[
            url,
            "-tAc",
            "SELECT verification FROM backups ORDER BY started_at DESC LIMIT 1",
        ],
    )
    .and_then(|v| {
        let start = v.find("\"seconds\":")? + 10;
        v[start..]
            .trim_end_matches(['}', '\n', ' '])
            .split([',', '}'])
            .next()?
            .parse()
            .ok()
    })
    .ok_or("no verification recorded")?;

    let dump = data.join("bench.dump");
    let pg_dump = timed(
        Command::new("pg_dump")
            .args(["-Fc", "-Z1", "-f"])
            .arg(&dump)
            .arg(url),
    )?;
    let dump_mb = std::fs::metadata(&dump).map_err(|e| e.to_string())?.len() as f64 / 1e6;

    let fresh = |name: &str| -> Result<String> {
        let _ = Command::new("dropdb")
            .args(["-h", "127.0.0.1", "-U", "postgres", "--if-exists", name])
            .status();
        process::run(Command::new("createdb").args(["-h", "127.0.0.1", "-U", "postgres", name]))?;
        Ok(format!("postgres://postgres@127.0.0.1:5432/{name}"))
    };
    let target = fresh("hoso_bench_restore")?;
    let restore = timed(
        hoso(&data, Some(url))
            .args(["restore", "--into", &target])
            .arg(&archive),
    )?;
    let target = fresh("hoso_bench_restore")?;
    let pg_restore = timed(Command::new("pg_restore").args(["-d", &target]).arg(&dump))?;
    let _ = Command::new("dropdb")
        .args(["-h", "127.0.0.1", "-U", "postgres", "hoso_bench_restore"])
        .status();

    let write_s = backup.0 - verify_s;
    println!(
        "\n{dossiers} dossiers, {rows} rows on PostgreSQL; archive {archive_mb:.0} MB (pg_dump -Fc -Z1: {dump_mb:.0} MB)\n\n\
         | Step | hoso | Peak memory | Physical limit (same run) | Ratio |\n|---|---|---|---|---|\n\
         | backup: write the encrypted archive | {write_s:.1} s | — | pg_dump -Fc -Z1: {:.1} s | {:.2}× |\n\
         | backup: verify (restore into scratch SQLite, re-read, signatures) | {verify_s:.1} s | — | — | — |\n\
         | `hoso backup` in all | {:.1} s | {} MB | pg_dump -Fc -Z1: {:.1} s | {:.2}× |\n\
         | `hoso restore` (verify, then load into empty PostgreSQL) | {:.1} s | {} MB | pg_restore: {:.1} s | {:.2}× |",
        pg_dump.0,
        write_s / pg_dump.0,
        backup.0,
        backup.1,
        pg_dump.0,
        backup.0 / pg_dump.0,
        restore.0,
        restore.1,
        pg_restore.0,
        restore.0 / pg_restore.0,
    );
    Ok(())
}

/// Runs a command to its end: seconds taken and its peak resident memory in MB (the child's
/// `ru_maxrss`, read by Python's `resource`, as std does not expose it).
fn timed(command: &mut Command) -> Result<(f64, u64)> {
    let script = "import resource, subprocess, sys, time\n\
start = time.perf_counter()\n\
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n\
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)";
    let mut python = Command::new("python3");
    python
        .args(["-c", script])
        .arg(command.get_program())
        .args(command.get_args());
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => python.env(key, value),
            None => python.env_remove(key),
        };
    }
    let output = python.output().map_err(|e| format!("python3: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{:?} failed: {}",
            command.get_program(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut parts = text.split_whitespace();
    let seconds = parts.next().and_then(|s| s.parse().ok()).ok_or("no time")?;
    let megabytes = parts.next().and_then(|s| s.parse().ok()).ok_or("no memory")?;
    Ok((seconds, megabytes))
}

/// The string value of the first `"key":"…"` in a JSON text (enough for ids and states).
fn json_string(json: &str, key: &str) -> Option<String> {
    let start = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let end = json[start..].find('"')? + start;
    Some(json[start..end].to_owned())
}

/// The peak resident memory of a process, in MB (Linux `VmHWM`).
fn peak_rss_mb(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{}", kb / 1024))
        })
        .unwrap_or_else(|| "?".into())
}

/// The rows of the import's tables copied out, then `COPY … FROM` into clones of the tables
/// (same columns, same indexes) in one transaction: the time of that load.
fn raw_copy_postgres(url: &str, dir: &std::path::Path) -> Result<std::time::Duration> {
    let mut prepare = String::new();
    let mut load = String::from("BEGIN;\n");
    for table in IMPORT_TABLES {
        let file = dir.join(format!("{table}.copy"));
        prepare.push_str(&format!(
            "DROP TABLE IF EXISTS bench_{table};\nCREATE TABLE bench_{table} (LIKE {table} INCLUDING ALL);\n\\copy {table} TO '{}'\n",
            file.display()
        ));
        load.push_str(&format!("\\copy bench_{table} FROM '{}'\n", file.display()));
    }
    load.push_str("COMMIT;\n");
    let run = |script: &str| -> Result {
        let path = dir.join("bench.sql");
        std::fs::write(&path, script).map_err(|e| e.to_string())?;
        process::run(
            Command::new("psql")
                .args([url, "-q", "-v", "ON_ERROR_STOP=1", "-f"])
                .arg(&path)
                .stdout(Stdio::null()),
        )
    };
    run(&prepare)?;
    let started = std::time::Instant::now();
    run(&load)?;
    Ok(started.elapsed())
}

/// SQLite has no COPY: the rows of the import's tables inserted by `INSERT … SELECT` into
/// clones of the tables (same columns, same indexes) in one transaction.
fn raw_copy_sqlite(file: &std::path::Path) -> Result<std::time::Duration> {
    let script = r#"
import re, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
tables = sys.argv[2].split(",")
for t in tables:
    db.execute(f"DROP TABLE IF EXISTS bench_{t}")
    for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('table', 'index') AND sql IS NOT NULL", (t,)).fetchall():
        sql = re.sub(r"\b" + t + r"\b", "bench_" + t, sql, count=1) if sql.upper().startswith("CREATE TABLE") else re.sub(r"(INDEX\s+(IF NOT EXISTS\s+)?)(\S+)(\s+ON\s+)" + t + r"\b", lambda m: m.group(1) + "bench_" + m.group(3) + m.group(4) + "bench_" + t, sql)
        db.execute(sql)
db.commit()
started = time.perf_counter()
db.execute("BEGIN")
for t in tables:
    db.execute(f"INSERT INTO bench_{t} SELECT * FROM {t}")
db.commit()
print(time.perf_counter() - started)
"#;
    let seconds = output_of(
        "python3",
        &[
            "-c",
            script,
            &file.display().to_string(),
            &IMPORT_TABLES.join(","),
        ],
    )
    .ok_or("the raw copy on SQLite failed")?;
    let seconds: f64 = seconds
        .trim()
        .parse()
        .map_err(|_| format!("raw copy: {seconds}"))?;
    Ok(std::time::Duration::from_secs_f64(seconds))
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

/// Writes `per_dossier` approval messages for every approved dossier into the outbox, as
/// approvals made while no connection was configured would have (the worker gives them jobs
/// when it starts). Python's sqlite3 or psql: the bench needs no Rust database client.
const QUEUE_MESSAGES_SQL: &str = "INSERT INTO national_messages (id, person_id, dossier_id, sequence, kind, \
version_number, person_status, state, attempts, created_at) \
SELECT d.id || '-' || n.i, d.person_id, d.id, n.i, 'version_approved', d.current_version, 'in_service', \
'queued', 0, CURRENT_TIMESTAMP FROM dossiers d CROSS JOIN (SERIES) n WHERE d.current_version > 0";

fn queue_bench_messages(database: &str, data: &std::path::Path, per_dossier: usize) -> Result {
    if database == "sqlite" {
        let series = format!(
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {per_dossier}) SELECT i FROM s"
        );
        let sql = QUEUE_MESSAGES_SQL.replace("SERIES", &series);
        let script =
            "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\ndb.execute(sys.argv[2])\ndb.commit()";
        process::run(
            Command::new("python3")
                .args(["-c", script])
                .arg(data.join("hoso.db"))
                .arg(sql),
        )
    } else {
        let series = format!("SELECT generate_series(1, {per_dossier}) AS i");
        let sql = QUEUE_MESSAGES_SQL.replace("SERIES", &series);
        process::run(
            Command::new("psql")
                .args([database, "-qtAc", &sql])
                .stdout(Stdio::null()),
        )
    }
}

/// A count from the bench database (SQLite through Python, PostgreSQL through psql).
fn count_of(database: &str, data: &std::path::Path, sql: &str) -> usize {
    let text = if database == "sqlite" {
        let script =
            "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])";
        output_of_command(
            Command::new("python3")
                .args(["-c", script])
                .arg(data.join("hoso.db"))
                .arg(sql),
        )
    } else {
        output_of("psql", &[database, "-tAc", sql])
    };
    text.and_then(|n| n.trim().parse().ok()).unwrap_or(0)
}

fn output_of_command(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A simulator (release build) in the `access_key` profile on a free port; its address.
fn start_simulator() -> Result<(std::process::Child, String)> {
    use std::io::BufRead;
    let mut child = Command::new(root().join("target/release/hoso-national-sim"))
        .args([
            "--listen",
            "127.0.0.1:0",
            "--profile",
            "access_key",
            "--user",
            "hoso",
            "--secret",
            "bench",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("hoso-national-sim: {e}"))?;
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().ok_or("no stdout")?)
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let url = line
        .trim()
        .strip_prefix("hoso-national-sim listening on ")
        .ok_or_else(|| format!("unexpected line from the simulator: {line}"))?
        .to_owned();
    Ok((child, url))
}

/// Sends the packets hoso sent (read back from its message log) to a fresh simulator with a
/// minimal keep-alive HTTP client on two connections, each person's packets in order on one of
/// them: what the simulator and loopback take without hoso. Seconds taken.
const REPLAY: &str = r#"
import http.client, json, sys, threading, time, urllib.parse
url, bodies = urllib.parse.urlparse(sys.argv[1]), [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
lanes = [[], []]
for body in bodies:
    lanes[hash(body["person"]["citizen_id"]) % 2].append(json.dumps(body))
headers = {"Content-Type": "application/json", "AppName": "hoso", "AccessKey": "hoso", "SecretKey": "bench"}
def send(lane):
    c = http.client.HTTPConnection(url.hostname, url.port)
    for body in lane:
        c.request("POST", "/cbccvc/v1/packets", body, headers)
        r = c.getresponse(); r.read()
        assert r.status == 200, r.status
start = time.perf_counter()
threads = [threading.Thread(target=send, args=(lane,)) for lane in lanes]
[t.start() for t in threads]; [t.join() for t in threads]
print(time.perf_counter() - start)
"#;

/// `cargo xtask bench-sync [PER_DOSSIER]`: `hoso worker` delivering the demo's 360 approved
/// dossiers' messages (PER_DOSSIER each, default 10: 3,600) to a local `hoso-national-sim`,
/// signed, logged and acknowledged, on SQLite and on PostgreSQL; beside it, the simulator taking
/// the same signed packets from a minimal client (the physical limit of the other side and
/// loopback).
pub fn run_sync(args: &[String]) -> Result {
    let per_dossier: usize = match args.first() {
        Some(n) => n.parse().map_err(|_| format!("not a number of messages: {n}"))?,
        None => 10,
    };
    process::cargo(&[
        "build",
        "--release",
        "-p",
        "hoso-server",
        "-p",
        "hoso-national-sim",
    ])?;
    let mut rows = String::new();
    for database in ["sqlite", "postgres://postgres@127.0.0.1:5432/hoso_bench_sync"] {
        let data = std::env::temp_dir().join("hoso-bench-sync");
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
        let url = (database != "sqlite").then_some(database);
        if url.is_some() {
            let _ = Command::new("dropdb")
                .args([
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "--if-exists",
                    "hoso_bench_sync",
                ])
                .status();
            process::run(Command::new("createdb").args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "hoso_bench_sync",
            ]))?;
        }
        process::run(
            hoso(&data, url)
                .args(["seed-demo", "--no-stories"])
                .stdout(Stdio::null()),
        )?;
        queue_bench_messages(database, &data, per_dossier)?;
        let total = count_of(database, &data, "SELECT COUNT(*) FROM national_messages");
        let (mut simulator, sim_url) = start_simulator()?;
        let started = std::time::Instant::now();
        let mut worker = hoso(&data, url)
            .arg("worker")
            .env("HOSO_NATIONAL_URL", &sim_url)
            .env("HOSO_NATIONAL_AUTH", "access_key")
            .env("HOSO_NATIONAL_USER", "hoso")
            .env("HOSO_NATIONAL_SECRET", "bench")
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("hoso worker: {e}"))?;
        let acknowledged = "SELECT COUNT(*) FROM national_messages WHERE state = 'acknowledged'";
        // Polled every 50 ms: the measured run lasts tens of seconds.
        while count_of(database, &data, acknowledged) < total {
            if started.elapsed() > std::time::Duration::from_secs(1800) {
                return Err("the messages were not delivered in 30 minutes".into());
            }
            if let Some(status) = worker.try_wait().map_err(|e| e.to_string())? {
                return Err(format!("hoso worker ended: {status}"));
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let seconds = started.elapsed().as_secs_f64();
        let memory = peak_rss_mb(worker.id());
        let _ = worker.kill();
        let _ = worker.wait();
        let _ = simulator.kill();
        let _ = simulator.wait();

        let bodies = data.join("packets.jsonl");
        let sql = "SELECT body FROM national_log WHERE direction = 'out' AND path = '/cbccvc/v1/packets' ORDER BY seq";
        let text = if url.is_some() {
            output_of("psql", &[database, "-tAc", sql]).ok_or("reading the message log")?
        } else {
            let script = "import sqlite3, sys\nfor (b,) in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(b)";
            output_of_command(
                Command::new("python3")
                    .args(["-c", script])
                    .arg(data.join("hoso.db"))
                    .arg(sql),
            )
            .ok_or("reading the message log")?
        };
        std::fs::write(&bodies, text).map_err(|e| e.to_string())?;
        let (mut simulator, sim_url) = start_simulator()?;
        let replay: f64 = output_of_command(
            Command::new("python3")
                .args(["-c", REPLAY, &sim_url])
                .arg(&bodies),
        )
        .and_then(|s| s.trim().parse().ok())
        .ok_or("the replay failed")?;
        let _ = simulator.kill();
        let _ = simulator.wait();
        let rate = total as f64 / seconds;
        let limit = total as f64 / replay;
        rows.push_str(&format!(
            "| {} | {total} | {seconds:.1} s | {rate:.0} | {memory} | {limit:.0} messages/s | {:.2}× |\n",
            if url.is_some() { "PostgreSQL" } else { "SQLite" },
            rate / limit
        ));
    }
    println!(
        "\n| Database | Messages | hoso worker, all acknowledged | Messages/s | Peak memory | Simulator fed the same packets by a bare client | Ratio |\n\
         |---|---|---|---|---|---|---|\n{rows}"
    );
    Ok(())
}
