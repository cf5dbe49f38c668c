//! The real `hoso` binary: a wrong configuration stops it with one clear line (exit code 2),
//! and a right one serves.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Output, Stdio};

use hoso_store::testing::{backends, TestDatabase};

fn hoso(data_dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hoso"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOSO_DATA_DIR", data_dir)
        .env("HOSO_LOG", "warn")
        .current_dir(data_dir);
    command
}

/// The one `error:` line a failed start prints, after checking it is the only one and the
/// exit code says failure.
fn the_error_line(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "expected one error line, got: {stderr}");
    assert_eq!(
        stderr.lines().last(),
        Some(errors[0]),
        "the error line must be last: {stderr}"
    );
    errors[0].to_owned()
}

#[test]
fn a_database_url_of_another_kind_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = hoso(dir.path())
        .args(["--database-url", "mysql://root:pw@localhost/x", "serve"])
        .output()
        .unwrap();
    let line = the_error_line(&output);
    assert!(
        line.contains("HOSO_DATABASE_URL") && line.contains("sqlite://") && line.contains("postgres://"),
        "{line}"
    );
    assert!(!line.contains("pw@"), "password shown: {line}");
}

#[test]
fn an_unreachable_postgres_is_reported_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let output = hoso(dir.path())
        .args([
            "--database-url",
            "postgres://hoso:s3cret@127.0.0.1:1/hoso",
            "serve",
        ])
        .output()
        .unwrap();
    let line = the_error_line(&output);
    assert!(
        line.contains("HOSO_DATABASE_URL") && line.contains("127.0.0.1:1"),
        "{line}"
    );
    assert!(!line.contains("s3cret"), "password shown: {line}");
}

#[test]
fn a_data_directory_that_cannot_be_made_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a directory").unwrap();
    let output = hoso(dir.path())
        .env("HOSO_DATA_DIR", file.join("data"))
        .arg("serve")
        .output()
        .unwrap();
    let line = the_error_line(&output);
    assert!(
        line.contains("HOSO_DATA_DIR") && line.contains("a-file"),
        "{line}"
    );
}

#[test]
fn a_port_in_use_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let output = hoso(dir.path())
        .args(["--listen", &address, "serve"])
        .output()
        .unwrap();
    let line = the_error_line(&output);
    assert!(line.contains("HOSO_LISTEN") && line.contains(&address), "{line}");
}

#[test]
fn invalid_values_and_unknown_file_options_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = hoso(dir.path())
        .env("HOSO_DATABASE_POOL_SIZE", "many")
        .arg("serve")
        .output()
        .unwrap();
    assert!(the_error_line(&output).contains("many"));

    let output = hoso(dir.path())
        .env("HOSO_LISTEN", "localhost")
        .arg("serve")
        .output()
        .unwrap();
    assert!(the_error_line(&output).contains("HOSO_LISTEN"));

    std::fs::write(dir.path().join("hoso.toml"), "databse_url = \"sqlite://x.db\"\n").unwrap();
    let output = hoso(dir.path()).arg("serve").output().unwrap();
    let line = the_error_line(&output);
    assert!(
        line.contains("databse_url") && line.contains("database_url"),
        "{line}"
    );
}

struct Server {
    child: Child,
    base_url: String,
}

impl Server {
    fn start(data_dir: &std::path::Path, database_url: &str) -> Server {
        let mut child = hoso(data_dir)
            .args(["--listen", "127.0.0.1:0", "serve"])
            .env("HOSO_DATABASE_URL", database_url)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        // The server prints this line once it is listening: wait for it, not for time.
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base_url = line
            .trim()
            .strip_prefix("hoso listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Server { child, base_url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[actix_web::test]
async fn the_server_migrates_and_serves_on_every_backend() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let db = TestDatabase::empty(backend);
        let server = Server::start(dir.path(), &db.url_string());
        let ready: serde_json::Value = reqwest::get(format!("{}/api/v1/ready", server.base_url))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(ready["ready"], true, "{backend}: {ready}");
        assert_eq!(ready["database"]["backend"], backend.as_str());
    }
}

#[test]
fn the_default_database_is_sqlite_in_the_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let output = hoso(dir.path()).args(["migrate", "--status"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("hoso.db") && stdout.contains("0 migrations applied"),
        "{stdout}"
    );

    let output = hoso(dir.path()).arg("migrate").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(dir.path().join("hoso.db").is_file());
    let output = hoso(dir.path()).args(["migrate", "--status"]).output().unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains(", 0 pending"));
}

#[test]
fn seed_demo_is_idempotent() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let db = TestDatabase::empty(backend);
        for expected in ["demo data loaded", "demo data already loaded"] {
            let output = hoso(dir.path())
                .env("HOSO_DATABASE_URL", db.url_string())
                .arg("seed-demo")
                .output()
                .unwrap();
            assert!(output.status.success(), "{backend}: {output:?}");
            assert!(
                String::from_utf8_lossy(&output.stdout).starts_with(expected),
                "{backend}: {output:?}"
            );
        }
    }
}

#[test]
fn the_openapi_command_writes_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let output = hoso(dir.path()).arg("openapi").output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        hoso_api::openapi::document_json()
    );
}

/// CTX-2: the 3,321 communes of the 2025 reform ship with the build; later entries (a commune
/// created by a new decision) are loaded in one run, and one bad entry means nothing is stored.
#[test]
fn import_catalog_loads_all_entries_or_none() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let db = TestDatabase::migrated(backend);
        let write = |name: &str, entries: serde_json::Value| {
            let path = dir.path().join(name);
            let file = serde_json::json!({"kind": "communes", "source": "Quyết định 19/2025/QĐ-TTg, Phụ lục", "entries": entries});
            std::fs::write(&path, file.to_string()).unwrap();
            path
        };
        let bad = write(
            "bad.json",
            serde_json::json!([
                {"code": "99901", "label": "Phường Mới Lập", "parent": "33"},
                {"code": "99902", "label": "Xã Không Tỉnh", "parent": "99"}
            ]),
        );
        let output = hoso(dir.path())
            .env("HOSO_DATABASE_URL", db.url_string())
            .arg("import-catalog")
            .arg(&bad)
            .output()
            .unwrap();
        assert!(!output.status.success(), "{backend}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("entry 2 ('99902') refused"),
            "{output:?}"
        );
        let mut conn = db.connect();
        assert_eq!(
            hoso_store::catalogs::entries(&mut conn, "communes")
                .unwrap()
                .len(),
            3321,
            "{backend}: nothing stored"
        );

        let good = write(
            "good.json",
            serde_json::json!([
                {"code": "99901", "label": "Phường Mới Lập", "parent": "33"},
                {"code": "99902", "label": "Xã Mới Lập", "parent": "33"}
            ]),
        );
        let output = hoso(dir.path())
            .env("HOSO_DATABASE_URL", db.url_string())
            .arg("import-catalog")
            .arg(&good)
            .output()
            .unwrap();
        assert!(output.status.success(), "{backend}: {output:?}");
        assert_eq!(
            hoso_store::catalogs::entries(&mut conn, "communes")
                .unwrap()
                .len(),
            3323
        );
    }
}

/// ORG-1: `hoso init` on an empty database sets the province up; the same run again changes
/// nothing; another province is refused.
#[test]
fn hoso_init_sets_up_once_and_refuses_another_province() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let db = TestDatabase::migrated(backend);
        let init = |province: &str| {
            hoso(dir.path())
                .env("HOSO_DATABASE_URL", db.url_string())
                .args(["init", "--province-code", province, "--admin", "quantri"])
                .output()
                .unwrap()
        };
        let first = init("33");
        assert!(first.status.success(), "{backend}: {first:?}");
        let printed = String::from_utf8_lossy(&first.stdout);
        assert!(printed.contains("Tỉnh Hưng Yên set up"), "{printed}");
        assert!(printed.contains("temporary password"), "{printed}");
        let again = init("33");
        assert!(again.status.success(), "{again:?}");
        assert!(String::from_utf8_lossy(&again.stdout).contains("nothing changed"));
        let other = init("01");
        assert!(!other.status.success(), "{other:?}");
        assert!(
            String::from_utf8_lossy(&other.stderr).contains("already_initialised"),
            "{other:?}"
        );
        let mut conn = db.connect();
        assert_eq!(
            hoso_store::units::list_within(&mut conn, None).unwrap().len(),
            2,
            "{backend}"
        );
    }
}

/// Waits (up to a minute) until the job satisfies `done`, reading the database as a worker
/// would; the job's row is the synchronisation, not time.
fn wait_for_job(
    db: &TestDatabase,
    id: &str,
    what: &str,
    done: impl Fn(&hoso_store::jobs::JobRow) -> bool,
) -> hoso_store::jobs::JobRow {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut conn = db.connect();
    loop {
        let row = hoso_store::jobs::find(&mut conn, id).unwrap().unwrap();
        if done(&row) {
            return row;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the job never became {what}: {row:?}"
        );
        std::thread::yield_now();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn start_worker(dir: &std::path::Path, db: &TestDatabase) -> Child {
    start_worker_with(dir, db, &[])
}

pub(crate) fn start_worker_with(dir: &std::path::Path, db: &TestDatabase, env: &[(&str, &str)]) -> Child {
    let mut command = hoso(dir);
    command.envs(env.iter().copied());
    let mut child = command
        .arg("worker")
        .env("HOSO_DATABASE_URL", db.url_string())
        .env("HOSO_TEST_JOB_KINDS", "1")
        .env("HOSO_JOB_LEASE_SECONDS", "3")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(
        line.starts_with("hoso worker running"),
        "unexpected first line: {line:?}"
    );
    child
}

/// Issue #16: a `hoso worker` process killed (SIGKILL) in the middle of a job loses its lease;
/// another worker process runs the job again, and its effect happens once.
#[test]
fn a_worker_process_killed_mid_job_has_its_job_run_again_with_one_effect() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let db = TestDatabase::migrated(backend);
        let job = hoso_app::jobs::enqueue(
            &mut db.connect(),
            hoso_app::jobs::JobRequest::new("test.hold_first_attempt", serde_json::json!({})),
            &hoso_app::jobs::QueuedBy::system(),
            chrono::Utc::now().naive_utc(),
        )
        .unwrap();
        let mut first = start_worker(dir.path(), &db);
        let held = wait_for_job(&db, &job.id, "running", |j| j.state == "running");
        assert_eq!(held.attempts, 1);
        first.kill().unwrap(); // SIGKILL: no clean-up runs
        first.wait().unwrap();
        let mut second = start_worker(dir.path(), &db);
        let done = wait_for_job(&db, &job.id, "succeeded", |j| j.state == "succeeded");
        second.kill().unwrap();
        second.wait().unwrap();
        assert_eq!(done.attempts, 2, "{backend}: run again after the lease ran out");
        let filter = hoso_store::audit::AuditFilter {
            action: Some("test.job_effect".into()),
            limit: 10,
            ..Default::default()
        };
        let effects = hoso_store::audit::list(&mut db.connect(), &filter).unwrap();
        assert_eq!(effects.len(), 1, "{backend}: the effect happened once");
        assert_eq!(effects[0].target_id.as_deref(), Some(job.id.as_str()));
    }
}

/// Issue #16: nightly work missed while no instance ran (the server down three nights) runs
/// once when two `hoso worker` processes start together; the older nights are recorded skipped.
#[test]
fn a_scheduled_occurrence_missed_while_down_runs_once_when_two_workers_start() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let db = TestDatabase::migrated(backend);
        let now = chrono::Utc::now().naive_utc();
        // The last night the deployment saw before it went down.
        let last_seen = now - chrono::Duration::days(3) - chrono::Duration::hours(1);
        hoso_store::jobs::record_occurrence(
            &mut db.connect(),
            &hoso_store::jobs::ScheduleRunRow {
                schedule: "housekeeping.nightly".into(),
                occurrence: last_seen,
                outcome: "baseline".into(),
                job_id: None,
                recorded_at: last_seen,
            },
        )
        .unwrap();
        let mut first = start_worker(dir.path(), &db);
        let mut second = start_worker(dir.path(), &db);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let mut conn = db.connect();
        let filter = hoso_store::jobs::JobFilter {
            kind: Some("system.housekeeping".into()),
            ..Default::default()
        };
        let ran = loop {
            let jobs = hoso_store::jobs::list(&mut conn, &filter, 10).unwrap();
            if jobs.iter().any(|j| j.state == "succeeded") {
                break jobs;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{backend}: the missed night never ran: {jobs:?}"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        for worker in [&mut first, &mut second] {
            worker.kill().unwrap();
            worker.wait().unwrap();
        }
        assert_eq!(ran.len(), 1, "{backend}: one job for the missed nights");
        assert_eq!(ran[0].attempts, 1, "{backend}");
        let runs = hoso_store::jobs::runs_of(&mut conn, "housekeeping.nightly", 10).unwrap();
        let caught_up: Vec<_> = runs.iter().filter(|r| r.outcome == "caught_up").collect();
        assert_eq!(caught_up.len(), 1, "{backend}: {runs:?}");
        assert_eq!(caught_up[0].job_id.as_deref(), Some(ran[0].id.as_str()));
        assert!(
            runs.iter().filter(|r| r.outcome == "skipped").count() >= 2,
            "{backend}: {runs:?}"
        );
    }
}

pub(crate) fn count_rows(db: &TestDatabase, sql: &str) -> i64 {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {sql}"))
        .get_result::<Count>(&mut db.connect())
        .unwrap()
        .n
}

/// A runtime for calling the application's operations from a synchronous test.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn session_of(ctx: &crate::support::TestContext, username: &str) -> hoso_app::Session {
    let mut conn = ctx.db.connect();
    let row = hoso_store::accounts::find_by_username(&mut conn, username)
        .unwrap()
        .unwrap();
    hoso_app::session::for_account(&mut conn, &row.id).unwrap()
}

/// Issue #15: the process committing an import is killed (SIGKILL) after its first batch; every
/// person it wrote is whole (dossier, placement, category), nobody is half-written, and the
/// worker that takes the job over writes the rest, each person once.
#[test]
fn an_import_killed_mid_commit_resumes_and_writes_each_person_once() {
    let schools = [
        ("HY.SGDDT.THPTHY", "Trường THPT Hưng Yên"),
        ("HY.SGDDT.THPTPC", "Trường THPT Phù Cừ"),
    ];
    for backend in backends() {
        let ctx = crate::support::TestContext::new(backend).with_demo();
        let data_dir = ctx.static_dir.parent().unwrap().to_owned();
        let app = ctx.state().app.clone();
        let runtime = runtime();
        let rows = hoso_app::seed::staff_rows(&schools, 250, 42);
        let catalogs =
            hoso_domain::dossier::validation::CatalogIndex::from_files(hoso_domain::catalog::shipped());
        let bytes =
            hoso_app::imports::sheets::filled(hoso_domain::import::ImportKind::Staff, &catalogs, &rows)
                .unwrap();
        let upload = hoso_app::imports::ImportUpload {
            kind: "staff".into(),
            file_name: "nhan-su.xlsx".into(),
            bytes,
        };
        let checked = runtime
            .block_on(hoso_app::imports::check_import(
                &app,
                session_of(&ctx, "sogddt"),
                upload,
            ))
            .unwrap();
        assert_eq!(checked.dry_run.new, 250, "{backend}: {:?}", checked.issues);
        let committing = runtime
            .block_on(hoso_app::imports::commit_import(
                &app,
                session_of(&ctx, "sogddt"),
                checked.id.clone(),
                Default::default(),
            ))
            .unwrap();
        let job = committing.job_id.unwrap();
        let dossiers_before = count_rows(&ctx.db, "dossiers");
        let people_before = count_rows(&ctx.db, "people");
        let keys = ("HOSO_DATA_KEYS", crate::support::TEST_DATA_KEYS);
        let mut first = start_worker_with(
            &data_dir,
            &ctx.db,
            &[keys, ("HOSO_TEST_IMPORT_STALL_AFTER", "100")],
        );
        wait_for_job(&ctx.db, &job, "past its first batch", |j| j.progress_done >= 100);
        first.kill().unwrap(); // SIGKILL mid-commit
        first.wait().unwrap();
        let written = count_rows(
            &ctx.db,
            &format!("import_records WHERE import_id = '{}'", checked.id),
        );
        assert_eq!(written, 100, "{backend}: one batch was committed");
        assert_eq!(
            count_rows(&ctx.db, "dossiers") - dossiers_before,
            written,
            "{backend}: whole people only"
        );
        assert_eq!(
            count_rows(&ctx.db, "people") - people_before,
            written,
            "{backend}: nobody half-imported"
        );
        let placements = count_rows(
            &ctx.db,
            &format!("person_placements pp JOIN import_records i ON i.import_id = '{}' JOIN dossiers d ON d.id = i.target_id AND d.person_id = pp.person_id", checked.id),
        );
        assert_eq!(placements, written, "{backend}: each written person is placed");

        let mut second = start_worker_with(
            &data_dir,
            &ctx.db,
            &[keys, ("HOSO_TEST_IMPORT_STALL_AFTER", "100")],
        );
        let done = wait_for_job(&ctx.db, &job, "succeeded", |j| j.state == "succeeded");
        second.kill().unwrap();
        second.wait().unwrap();
        assert_eq!(done.attempts, 2, "{backend}: taken over after the lease ran out");
        assert_eq!(
            count_rows(&ctx.db, "dossiers") - dossiers_before,
            250,
            "{backend}: each person once"
        );
        let ended = hoso_store::imports::find(&mut ctx.db.connect(), &checked.id)
            .unwrap()
            .unwrap();
        assert_eq!(ended.status, "committed");
        assert_eq!(
            count_rows(
                &ctx.db,
                &format!(
                    "import_records WHERE import_id = '{}' AND outcome = 'new'",
                    checked.id
                )
            ),
            250
        );
    }
}

/// Issue #18: a `hoso worker` killed (SIGKILL) while writing a backup leaves only a temporary
/// file and a record still `running` — nothing that lists as a good backup; the job is taken
/// over after its lease, the archive written again and verified, and it restores.
#[test]
fn a_backup_killed_mid_way_leaves_nothing_that_lists_as_good_and_the_next_run_succeeds() {
    for backend in backends() {
        let ctx = crate::support::TestContext::new(backend).with_demo();
        let data_dir = ctx.static_dir.parent().unwrap().to_owned();
        let app = ctx.state().app.clone();
        let runtime = runtime();
        let job = runtime
            .block_on(hoso_app::backups::start_backup(&app, session_of(&ctx, "quantri")))
            .unwrap();
        let env = [
            ("HOSO_DATA_KEYS", crate::support::TEST_DATA_KEYS),
            ("HOSO_TEST_BACKUP_STALL", "1"),
        ];
        let archives = || -> (Vec<String>, Vec<String>) {
            let names: Vec<String> = std::fs::read_dir(data_dir.join("backups"))
                .map(|dir| {
                    dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            names.into_iter().partition(|n| n.ends_with(".partial"))
        };
        let mut first = start_worker_with(&data_dir, &ctx.db, &env);
        wait_for_job(&ctx.db, &job.id, "past its tables", |j| {
            j.progress_total > 0 && j.progress_done == j.progress_total - 1
        });
        first.kill().unwrap(); // SIGKILL with the archive half written
        first.wait().unwrap();
        let (partial, done) = archives();
        assert_eq!(
            (partial.len(), done.len()),
            (1, 0),
            "{backend}: {partial:?} {done:?}"
        );
        let rows = hoso_store::backups::list(&mut ctx.db.connect(), 10).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].state, "running", "{backend}: not listed as good");

        let mut second = start_worker_with(&data_dir, &ctx.db, &env);
        let ended = wait_for_job(&ctx.db, &job.id, "succeeded", |j| j.state == "succeeded");
        second.kill().unwrap();
        second.wait().unwrap();
        assert_eq!(ended.attempts, 2, "{backend}: taken over after the lease ran out");
        let rows = hoso_store::backups::list(&mut ctx.db.connect(), 10).unwrap();
        assert_eq!(rows.len(), 1, "{backend}: one backup, made once");
        assert_eq!(rows[0].state, "verified");
        assert_eq!(archives(), (vec![], vec![rows[0].file_name.clone()]), "{backend}");
        // It opens with the worker's own identity and restores (a dry run).
        let identities = hoso_app::backups::keys::read_identities(&data_dir.join("backup-identity")).unwrap();
        let report = hoso_app::backups::restore_backup(
            &app,
            hoso_app::backups::RestoreOptions {
                archive: data_dir.join("backups").join(&rows[0].file_name),
                identities,
                into: ctx.db.url().clone(),
                dry_run: true,
                replace: false,
                restored_by: "test".into(),
            },
        )
        .unwrap();
        assert!(report.verification.ok && !report.restored, "{backend}");
    }
}
