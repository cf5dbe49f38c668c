//! The durable job queue and the scheduler on both backends (issue #16): a job exists if and
//! only if its cause committed, runs once however many workers share the queue, is retried and
//! then dead with its error, and a scheduled occurrence runs once even after downtime.

use std::sync::Arc;
use std::time::Duration;

use chrono::{Duration as Span, NaiveDate, NaiveDateTime};
use diesel::Connection;
use hoso_app::clock::Clock;
use hoso_app::jobs::{self, JobRequest, QueuedBy, Registry, Worker};
use hoso_app::{App, AppError};
use hoso_domain::backup::BackupKind;
use hoso_store::audit::{self, AuditFilter};
use hoso_store::jobs as store;
use hoso_store::testing::{backends, TestDatabase};
use hoso_store::DbConnection;

const TEST_DATA_KEYS: &str = "lookup=1111111111111111111111111111111111111111111111111111111111111111;k1=2222222222222222222222222222222222222222222222222222222222222222";

fn app(db: &TestDatabase) -> Arc<App> {
    let holder = Box::leak(Box::new(tempfile::tempdir().unwrap()));
    Arc::new(App {
        pool: db.pool(),
        backend: db.backend(),
        province_name: "Tỉnh Thử Nghiệm".into(),
        blobs: hoso_app::sealed_blobs::in_directory(
            holder.path().join("documents"),
            &hoso_app::sealing::DataKeys::parse(TEST_DATA_KEYS).unwrap(),
        ),
        max_upload_bytes: 1 << 20,
        max_import_bytes: 1 << 20,
        data_keys: hoso_app::sealing::DataKeys::parse(TEST_DATA_KEYS).unwrap(),
        trusted_roots: Vec::new(),
        auth: hoso_app::tokens::AuthConfig {
            jwt: hoso_app::tokens::JwtKeys::new(b"test secret that is long enough for HS256"),
            access_ttl: Duration::from_secs(900),
            refresh_ttl: Duration::from_secs(3600),
            slow_down_failures: false,
        },
        clock: Clock::system(),
        backups: hoso_app::backups::BackupSettings::in_directory(holder.path()),
        national: Default::default(),
        mail: Default::default(),
        jobs: Default::default(),
    })
}

fn registry() -> Arc<Registry> {
    let mut registry = Registry::standard();
    for kind in jobs::test_kinds() {
        registry.add(kind);
    }
    Arc::new(registry)
}

fn worker(app: &Arc<App>) -> Worker {
    Worker::new(app.clone(), registry(), Duration::from_secs(60))
}

fn effects(conn: &mut DbConnection) -> Vec<String> {
    let filter = AuditFilter {
        action: Some("test.job_effect".into()),
        limit: 100_000,
        ..AuditFilter::default()
    };
    audit::list(conn, &filter)
        .unwrap()
        .into_iter()
        .filter_map(|e| e.target_id)
        .collect()
}

fn queue(conn: &mut DbConnection, kind: &'static str, now: NaiveDateTime) -> store::JobRow {
    jobs::enqueue(
        conn,
        JobRequest::new(kind, serde_json::json!({})),
        &QueuedBy::system(),
        now,
    )
    .unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn a_job_queued_in_a_rolled_back_transaction_never_runs() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let app = app(&db);
        let now = app.clock.now_naive();
        let mut conn = db.connect();
        let failed: Result<(), AppError> = conn.transaction(|conn| {
            queue(conn, "test.effect", now);
            Err(AppError::Internal("the cause failed".into()))
        });
        assert!(failed.is_err());
        let committed = conn
            .transaction(|conn| Ok::<_, AppError>(queue(conn, "test.effect", now)))
            .unwrap();
        let ran = runtime().block_on(worker(&app).run_until_idle()).unwrap();
        assert_eq!(ran, 1, "{backend}: only the committed job runs");
        assert_eq!(effects(&mut conn), vec![committed.id], "{backend}");
    }
}

#[test]
fn two_workers_on_one_queue_run_each_of_a_thousand_jobs_once() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let app = app(&db);
        let now = app.clock.now_naive();
        let mut conn = db.connect();
        conn.transaction(|conn| {
            for _ in 0..1000 {
                queue(conn, "test.effect", now);
            }
            Ok::<_, AppError>(())
        })
        .unwrap();
        let (first, second) = (worker(&app), worker(&app));
        let (a, b) = runtime().block_on(async {
            let a = tokio::spawn(async move { first.run_until_idle().await.unwrap() });
            let b = tokio::spawn(async move { second.run_until_idle().await.unwrap() });
            (a.await.unwrap(), b.await.unwrap())
        });
        assert_eq!(a + b, 1000, "{backend}: every job ran once ({a} + {b})");
        let mut seen = effects(&mut conn);
        assert_eq!(seen.len(), 1000, "{backend}: one effect per job");
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 1000, "{backend}: no job had two effects");
        let rows = store::list(&mut conn, &store::JobFilter::default(), 2000).unwrap();
        assert!(
            rows.iter()
                .all(|j| j.state == store::SUCCEEDED && j.attempts == 1),
            "{backend}"
        );
    }
}

#[test]
fn a_job_whose_worker_died_runs_again_after_its_lease_with_one_effect() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let app = app(&db);
        let start = app.clock.now_naive();
        let mut conn = db.connect();
        let job = queue(&mut conn, "test.effect", start);
        // A worker claims it and dies before finishing: nothing but its claim is left.
        let claimed = store::claim(
            &mut conn,
            "dead-worker",
            &["test.effect"],
            start,
            start + Span::seconds(60),
        )
        .unwrap()
        .unwrap();
        assert_eq!(claimed.id, job.id);
        let rt = runtime();
        assert_eq!(
            rt.block_on(worker(&app).run_until_idle()).unwrap(),
            0,
            "{backend}: held under its lease"
        );
        app.clock.set((start + Span::seconds(61)).and_utc());
        assert_eq!(
            rt.block_on(worker(&app).run_until_idle()).unwrap(),
            1,
            "{backend}: claimed again"
        );
        // The dead worker's late finish changes nothing.
        assert!(!store::succeed(&mut conn, &job.id, "dead-worker", None, start).unwrap());
        assert_eq!(effects(&mut conn), vec![job.id.clone()], "{backend}");
        let row = store::find(&mut conn, &job.id).unwrap().unwrap();
        assert_eq!(
            (row.state.as_str(), row.attempts),
            (store::SUCCEEDED, 2),
            "{backend}"
        );
    }
}

#[test]
fn a_job_that_always_fails_is_retried_with_backoff_then_dead_with_its_error() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let app = app(&db);
        let start = at(2026, 12, 1, 3, 0);
        app.clock.set(start.and_utc());
        let mut conn = db.connect();
        let job = jobs::enqueue(
            &mut conn,
            JobRequest::new("test.always_fail", serde_json::json!({})).attempts(3),
            &QueuedBy::system(),
            start,
        )
        .unwrap();
        let rt = runtime();
        let w = worker(&app);
        let (_, first) = rt.block_on(w.run_once()).unwrap().unwrap();
        assert_eq!(first, jobs::Outcome::Retrying);
        let row = store::find(&mut conn, &job.id).unwrap().unwrap();
        assert_eq!(row.state, store::QUEUED);
        assert_eq!(
            row.run_after,
            start + Span::seconds(30),
            "{backend}: first backoff 30 s"
        );
        assert!(
            rt.block_on(w.run_once()).unwrap().is_none(),
            "{backend}: not before its backoff"
        );
        app.clock.set((start + Span::seconds(31)).and_utc());
        let (_, second) = rt.block_on(w.run_once()).unwrap().unwrap();
        assert_eq!(second, jobs::Outcome::Retrying);
        app.clock.set((start + Span::seconds(31 + 61)).and_utc());
        let (_, third) = rt.block_on(w.run_once()).unwrap().unwrap();
        assert_eq!(third, jobs::Outcome::Dead, "{backend}");
        let row = store::find(&mut conn, &job.id).unwrap().unwrap();
        assert_eq!((row.state.as_str(), row.attempts), (store::DEAD, 3), "{backend}");
        assert!(
            row.last_error.unwrap().contains("always fails"),
            "{backend}: the error is kept"
        );
        let filter = AuditFilter {
            action: Some("job.dead".into()),
            limit: 10,
            ..AuditFilter::default()
        };
        let dead = audit::list(&mut conn, &filter).unwrap();
        assert_eq!(dead.len(), 1, "{backend}: an audit event for the dead job");
        assert_eq!(dead[0].target_id.as_deref(), Some(job.id.as_str()));
        // Retried by an administrator: attempts start again.
        let again = store::retry(&mut conn, &job.id, app.clock.now_naive())
            .unwrap()
            .unwrap();
        assert_eq!((again.state.as_str(), again.attempts), (store::QUEUED, 0));
    }
}

#[test]
fn an_idempotency_key_queues_one_job_and_a_cancelled_job_never_runs() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let app = app(&db);
        let now = app.clock.now_naive();
        let mut conn = db.connect();
        let request = || JobRequest::new("test.effect", serde_json::json!({})).key("monthly-sync:2026-12");
        let first = jobs::enqueue(&mut conn, request(), &QueuedBy::system(), now).unwrap();
        let again = conn
            .transaction(|conn| jobs::enqueue(conn, request(), &QueuedBy::system(), now))
            .unwrap();
        assert_eq!(first.id, again.id, "{backend}");
        let cancelled = queue(&mut conn, "test.effect", now);
        assert_eq!(
            store::cancel(&mut conn, &cancelled.id, now)
                .unwrap()
                .unwrap()
                .state,
            store::CANCELLED
        );
        assert_eq!(
            runtime().block_on(worker(&app).run_until_idle()).unwrap(),
            1,
            "{backend}"
        );
        assert_eq!(effects(&mut conn), vec![first.id], "{backend}");
    }
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

#[test]
fn a_scheduled_occurrence_missed_during_downtime_runs_once_after_restart() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let mut conn = db.connect();
        let schedules: Vec<_> = hoso_app::scheduler::standard()
            .into_iter()
            .filter(|s| s.name == "housekeeping.nightly")
            .collect();
        // First start at 10:00 UTC on 1 December: the starting point is recorded, nothing runs.
        let first = hoso_app::scheduler::tick(&mut conn, &schedules, at(2026, 12, 1, 10, 0)).unwrap();
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].outcome, "baseline");
        assert!(
            hoso_app::scheduler::tick(&mut conn, &schedules, at(2026, 12, 1, 10, 1))
                .unwrap()
                .is_empty()
        );
        // Down from then until 3 December 09:00 UTC: the nights of the 1st/2nd (18:00 UTC) and
        // 2nd/3rd were missed. Two instances start and tick at once.
        let restart = at(2026, 12, 3, 9, 0);
        let mut other = db.connect();
        let a = hoso_app::scheduler::tick(&mut conn, &schedules, restart).unwrap();
        let b = hoso_app::scheduler::tick(&mut other, &schedules, restart).unwrap();
        assert!(b.is_empty(), "{backend}: the second instance finds them recorded");
        let outcomes: Vec<(&str, NaiveDateTime)> =
            a.iter().map(|r| (r.outcome.as_str(), r.occurrence)).collect();
        assert_eq!(
            outcomes,
            vec![
                ("skipped", at(2026, 12, 1, 18, 0)),
                ("caught_up", at(2026, 12, 2, 18, 0))
            ],
            "{backend}"
        );
        let queued = store::list(
            &mut conn,
            &store::JobFilter {
                kind: Some("system.housekeeping".into()),
                ..Default::default()
            },
            10,
        )
        .unwrap();
        assert_eq!(queued.len(), 1, "{backend}: one job for the missed nights");
        assert_eq!(queued[0].queued_by_type, "schedule");
        assert_eq!(a[1].job_id.as_deref(), Some(queued[0].id.as_str()));
        // And the next night runs on time, once.
        let next = hoso_app::scheduler::tick(&mut other, &schedules, at(2026, 12, 3, 18, 0)).unwrap();
        assert_eq!(next.len(), 1);
        assert_eq!(next[0].outcome, "queued");
    }
}

/// SEC-5 (HY 12, TG 9): the backup runs once on the last working day of each month, by the
/// calendar — a month ending on a holiday, a month ending on a swapped working Saturday — and
/// the one ending a quarter is the quarterly backup.
#[test]
fn the_monthly_backup_is_queued_once_on_the_last_working_day_by_the_calendar() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let mut conn = db.connect();
        // Saturday 31 July 2027 is a working day in this year's plan (swapped for a day off).
        let swapped = NaiveDate::from_ymd_opt(2027, 7, 31).unwrap();
        let admin = hoso_store::accounts::insert(
            &mut conn,
            hoso_app::golive::administrator("quantri", "Quản trị", "Mat-khau-rat-dai-2027", false),
        )
        .unwrap();
        hoso_store::calendar::replace_year(&mut conn, 2027, &[(swapped, "working", "Làm bù")], &admin.id)
            .unwrap();
        let schedules = vec![hoso_app::backups::schedule()];
        let tick = |conn: &mut DbConnection, at: NaiveDateTime| {
            hoso_app::scheduler::tick(conn, &schedules, at)
                .unwrap()
                .into_iter()
                .map(|r| (r.outcome, r.occurrence, r.job_id))
                .collect::<Vec<_>>()
        };
        assert_eq!(tick(&mut conn, at(2027, 3, 1, 0, 0))[0].0, "baseline");
        assert_eq!(
            tick(&mut conn, at(2027, 3, 31, 11, 0))[0].0,
            "queued",
            "{backend}: March 31st"
        );
        // 18:00 in Vietnam is 11:00 UTC. April 2027 ends on Friday the 30th, a public holiday
        // (Ngày Chiến thắng): the backup is on Thursday the 29th, not before, and once.
        assert!(tick(&mut conn, at(2027, 4, 29, 10, 59)).is_empty(), "{backend}");
        let april = tick(&mut conn, at(2027, 4, 29, 11, 0));
        assert_eq!(april.len(), 1, "{backend}: {april:?}");
        assert_eq!(
            (april[0].0.as_str(), april[0].1),
            ("queued", at(2027, 4, 29, 11, 0))
        );
        assert!(
            tick(&mut conn, at(2027, 4, 30, 11, 0)).is_empty(),
            "{backend}: once"
        );
        // May ends on Monday the 31st; June on Wednesday the 30th (the quarter's end).
        assert_eq!(tick(&mut conn, at(2027, 5, 31, 11, 0)).len(), 1);
        let june = tick(&mut conn, at(2027, 6, 30, 11, 0));
        // July ends on the swapped Saturday: the backup is then, not on Friday the 30th.
        assert!(tick(&mut conn, at(2027, 7, 30, 11, 0)).is_empty(), "{backend}");
        let july = tick(&mut conn, at(2027, 7, 31, 11, 0));
        assert_eq!(july.len(), 1, "{backend}: {july:?}");
        // Each job says which occurrence it is for, and so which kind of backup it makes.
        let payload_of = |conn: &mut DbConnection, job: &Option<String>| -> serde_json::Value {
            let job = store::find(conn, job.as_deref().unwrap()).unwrap().unwrap();
            assert_eq!(job.kind, "backup");
            serde_json::from_str(&job.payload).unwrap()
        };
        for (run, kind) in [
            (&april[0], BackupKind::Monthly),
            (&june[0], BackupKind::Quarterly),
            (&july[0], BackupKind::Monthly),
        ] {
            let payload = payload_of(&mut conn, &run.2);
            let occurrence: NaiveDateTime = serde_json::from_value(payload["occurrence"].clone()).unwrap();
            assert_eq!(occurrence, run.1);
            let local = hoso_domain::schedule::local_of_utc(occurrence).date();
            assert_eq!(BackupKind::scheduled_on(local), kind, "{local}");
        }
    }
}
