//! Durable background jobs: queued in the database inside the transaction of the change that
//! causes them (so a job exists if and only if its cause committed), claimed by one worker at a
//! time under a lease it renews, retried with backoff up to a limit, and ended `succeeded`,
//! `dead` (with its last error, logged and audited) or `cancelled`. Any number of workers, in
//! `hoso serve` or in `hoso worker` processes, share one queue.
//!
//! A job's effect happens once: a kind writes its effect through [`JobContext::finish`], in the
//! same transaction that marks the job succeeded, and only while this worker still holds the
//! job. A worker killed mid-job leaves nothing behind; the job is claimed again once its lease
//! has run out.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use hoso_store::jobs::{self as store, JobRow, NewJob};
use hoso_store::DbConnection;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::AppError;
use crate::session::{system_event, Session};
use crate::App;

/// Who or what queued a job.
#[derive(Debug, Clone)]
pub struct QueuedBy {
    pub kind: &'static str,
    pub id: Option<String>,
    pub name: Option<String>,
}

impl QueuedBy {
    pub fn account(session: &Session) -> Self {
        QueuedBy {
            kind: "account",
            id: Some(session.account.account.id.clone()),
            name: Some(session.account.account.username.clone()),
        }
    }

    pub fn system() -> Self {
        QueuedBy {
            kind: "system",
            id: None,
            name: Some("hoso".into()),
        }
    }

    pub fn schedule(name: &str) -> Self {
        QueuedBy {
            kind: "schedule",
            id: None,
            name: Some(name.into()),
        }
    }
}

/// A job to queue: its kind, its input, and a key that makes queueing it twice queue it once.
#[derive(Debug, Clone)]
pub struct JobRequest {
    pub kind: &'static str,
    pub payload: Value,
    pub idempotency_key: Option<String>,
    pub max_attempts: i32,
}

impl JobRequest {
    pub const DEFAULT_ATTEMPTS: i32 = 5;

    pub fn new(kind: &'static str, payload: Value) -> Self {
        JobRequest {
            kind,
            payload,
            idempotency_key: None,
            max_attempts: Self::DEFAULT_ATTEMPTS,
        }
    }

    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    pub fn attempts(mut self, max_attempts: i32) -> Self {
        self.max_attempts = max_attempts;
        self
    }
}

/// Queues a job in the caller's transaction: if that transaction rolls back, the job was never
/// queued. With an idempotency key already used, the job queued first is returned instead.
pub fn enqueue(
    conn: &mut DbConnection,
    request: JobRequest,
    by: &QueuedBy,
    now: NaiveDateTime,
) -> Result<JobRow, AppError> {
    let job = NewJob {
        kind: request.kind.into(),
        payload: request.payload.to_string(),
        idempotency_key: request.idempotency_key,
        max_attempts: request.max_attempts,
        run_after: None,
        queued_by_type: by.kind.into(),
        queued_by_id: by.id.clone(),
        queued_by_name: by.name.clone(),
    };
    Ok(store::insert(conn, &job, now)?.0)
}

/// What a kind of job does, on a blocking thread with a connection of its own. `Ok` with a
/// result ends the job succeeded (unless the kind already finished it with its effect).
pub type RunJob = fn(&JobContext, &mut DbConnection) -> Result<Option<Value>, AppError>;

/// What to do when a job of this kind is dead (e.g. mark the report it was making as failed),
/// in the transaction that records its death.
pub type OnDead = fn(&mut DbConnection, &JobRow, &str, NaiveDateTime) -> Result<(), AppError>;

pub struct JobKind {
    pub name: &'static str,
    pub run: RunJob,
    pub on_dead: Option<OnDead>,
}

/// The kinds a worker can run.
#[derive(Default)]
pub struct Registry(Vec<JobKind>);

impl Registry {
    /// Every kind of job hoso has.
    pub fn standard() -> Self {
        let mut registry = Registry::default();
        registry.add(crate::reports::REPORT_JOB);
        registry.add(crate::scheduler::HOUSEKEEPING_JOB);
        registry.add(crate::imports::COMMIT_JOB);
        registry.add(crate::backups::BACKUP_JOB);
        registry.add(crate::national::DELIVERY_JOB);
        registry.add(crate::national::RECONCILE_JOB);
        registry.add(crate::national::catalog_updates::CATALOG_CHECK_JOB);
        registry.add(crate::mail::SEND_JOB);
        registry.add(crate::mail::deadline_digest::DIGEST_JOB);
        registry
    }

    /// The standard kinds, and with `HOSO_TEST_JOB_KINDS=1` the kinds the test suite uses to
    /// prove the queue from outside (a worker process killed mid-job, a job that always fails).
    pub fn from_environment() -> Self {
        let mut registry = Self::standard();
        if std::env::var("HOSO_TEST_JOB_KINDS").as_deref() == Ok("1") {
            for kind in test_kinds() {
                registry.add(kind);
            }
        }
        registry
    }

    pub fn add(&mut self, kind: JobKind) {
        self.0.retain(|k| k.name != kind.name);
        self.0.push(kind);
    }

    pub fn get(&self, name: &str) -> Option<&JobKind> {
        self.0.iter().find(|k| k.name == name)
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.0.iter().map(|k| k.name).collect()
    }
}

/// What a running job may use: its row, its input, progress reports and its finish.
pub struct JobContext {
    pub app: Arc<App>,
    pub job: JobRow,
    owner: String,
    lease: Duration,
}

impl JobContext {
    pub fn payload<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        serde_json::from_str(&self.job.payload)
            .map_err(|e| AppError::Internal(format!("job {} payload: {e}", self.job.id)))
    }

    fn lease_until(&self) -> NaiveDateTime {
        self.app.clock.now_naive() + chrono::Duration::from_std(self.lease).expect("a lease of seconds")
    }

    /// Reports progress (and renews the lease) on a connection of its own. Fails when the job
    /// was cancelled or another worker took it over: the kind should stop.
    pub fn progress(&self, done: usize, total: usize) -> Result<(), AppError> {
        self.progress_with(done, total, |_| Ok(()))
    }

    /// [`Self::progress`], writing the kind's own progress (`also`) on the same connection.
    pub fn progress_with<F>(&self, done: usize, total: usize, also: F) -> Result<(), AppError>
    where
        F: FnOnce(&mut DbConnection) -> hoso_store::error::StoreResult<()>,
    {
        let mut conn = self.app.pool.get().map_err(hoso_store::StoreError::from)?;
        let held = store::renew(
            &mut conn,
            &self.job.id,
            &self.owner,
            self.lease_until(),
            Some((done as i32, total as i32)),
        )?;
        if !held {
            return Err(lease_lost());
        }
        if store::cancel_requested(&mut conn, &self.job.id)? {
            return Err(cancelled());
        }
        also(&mut conn)?;
        Ok(())
    }

    /// Ends the job succeeded with `result` and writes its `effect`, in one transaction, only
    /// if this worker still holds the job: so the effect happens once however often the job ran.
    pub fn finish<F>(&self, conn: &mut DbConnection, result: Option<Value>, effect: F) -> Result<(), AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<(), AppError>,
    {
        let now = self.app.clock.now_naive();
        let result = result.map(|r| r.to_string());
        conn.write_transaction(|conn| {
            if !store::succeed(conn, &self.job.id, &self.owner, result.as_deref(), now)? {
                return Err(lease_lost());
            }
            effect(conn)
        })
    }
}

fn lease_lost() -> AppError {
    AppError::Conflict {
        code: "conflict",
        message: "Tác vụ đã được tiến trình khác tiếp nhận.".into(),
    }
}

fn cancelled() -> AppError {
    AppError::Conflict {
        code: "conflict",
        message: "Tác vụ đã bị hủy.".into(),
    }
}

/// The wait before attempt `attempts + 1`: 30 s, doubling, at most an hour.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let exponent = attempts.clamp(1, 8) - 1;
    chrono::Duration::seconds((30_i64 << exponent).min(3600))
}

/// Whether trying again could help: a database that was away, a bug that a restart fixed. A
/// refusal (invalid input, a missing record) will be refused again.
fn retryable(error: &AppError) -> bool {
    matches!(
        error,
        AppError::Unavailable(_) | AppError::RetryLater { .. } | AppError::Internal(_)
    )
}

/// How a claimed job ended this time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    Retrying,
    Dead,
    Cancelled,
    /// Another worker holds it now (this one's lease ran out).
    Lost,
}

/// A worker: claims due jobs of the kinds it knows and runs them, one at a time.
pub struct Worker {
    pub app: Arc<App>,
    pub registry: Arc<Registry>,
    pub owner: String,
    pub lease: Duration,
}

impl Worker {
    pub fn new(app: Arc<App>, registry: Arc<Registry>, lease: Duration) -> Self {
        let owner = format!(
            "{}:{}:{}",
            std::env::var("HOSTNAME").unwrap_or_else(|_| "hoso".into()),
            std::process::id(),
            &crate::secrets::random_token()[..8]
        );
        Worker {
            app,
            registry,
            owner,
            lease,
        }
    }

    /// Claims one due job and runs it to its outcome; `None` when nothing was due.
    pub async fn run_once(&self) -> Result<Option<(JobRow, Outcome)>, AppError> {
        let kinds = self.registry.names();
        let (owner, now) = (self.owner.clone(), self.app.clock.now_naive());
        let lease_until = now + chrono::Duration::from_std(self.lease).expect("a lease of seconds");
        let claimed = self
            .app
            .db(move |conn| Ok(store::claim(conn, &owner, &kinds, now, lease_until)?))
            .await?;
        let Some(job) = claimed else { return Ok(None) };
        let heartbeat = self.heartbeat(&job.id);
        let context = JobContext {
            app: self.app.clone(),
            job: job.clone(),
            owner: self.owner.clone(),
            lease: self.lease,
        };
        let registry = self.registry.clone();
        let ran = self
            .app
            .db(move |conn| {
                let kind = registry
                    .get(&context.job.kind)
                    .ok_or_else(|| AppError::Internal(format!("no job kind {}", context.job.kind)))?;
                Ok((kind.run)(&context, conn))
            })
            .await?;
        heartbeat.abort();
        let outcome = self.conclude(job.clone(), ran).await?;
        self.app.jobs.bump();
        Ok(Some((job, outcome)))
    }

    /// Renews the lease every third of it while the job runs, so a long job keeps its claim.
    fn heartbeat(&self, id: &str) -> tokio::task::JoinHandle<()> {
        let (app, id, owner, lease) = (self.app.clone(), id.to_owned(), self.owner.clone(), self.lease);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(lease / 3);
            tick.tick().await;
            loop {
                tick.tick().await;
                let (id, owner) = (id.clone(), owner.clone());
                let until =
                    app.clock.now_naive() + chrono::Duration::from_std(lease).expect("a lease of seconds");
                let renewed = app
                    .db(move |conn| Ok(store::renew(conn, &id, &owner, until, None)?))
                    .await;
                if !matches!(renewed, Ok(true)) {
                    break;
                }
            }
        })
    }

    async fn conclude(&self, job: JobRow, ran: Result<Option<Value>, AppError>) -> Result<Outcome, AppError> {
        let owner = self.owner.clone();
        let now = self.app.clock.now_naive();
        let registry = self.registry.clone();
        self.app
            .db(move |conn| {
                match ran {
                    Ok(result) => {
                        let result = result.map(|r| r.to_string());
                        let still_running = store::find(conn, &job.id)?.is_some_and(|j| j.state == store::RUNNING);
                        if !still_running {
                            // The kind finished the job itself, with its effect.
                            return Ok(Outcome::Succeeded);
                        }
                        Ok(if store::succeed(conn, &job.id, &owner, result.as_deref(), now)? {
                            Outcome::Succeeded
                        } else {
                            Outcome::Lost
                        })
                    }
                    Err(error) => {
                        // A refusal's own sentence is what an administrator needs to act on.
                        let message = match &error {
                            AppError::Conflict { code, message } => format!("{message} [{code}]"),
                            other => other.to_string(),
                        };
                        if store::cancel_requested(conn, &job.id)? {
                            return Ok(if store::fail(conn, &job.id, &owner, "Đã hủy.", None, store::CANCELLED, now)? {
                                Outcome::Cancelled
                            } else {
                                Outcome::Lost
                            });
                        }
                        if retryable(&error) && job.attempts < job.max_attempts {
                            // No sooner than the other side asked (429 Retry-After).
                            let asked = match &error {
                                AppError::RetryLater { after_secs, .. } => {
                                    chrono::Duration::seconds(*after_secs as i64)
                                }
                                _ => chrono::Duration::zero(),
                            };
                            let at = now + backoff(job.attempts).max(asked);
                            tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, error = %message, "job failed; it will be retried");
                            return Ok(if store::fail(conn, &job.id, &owner, &message, Some(at), store::QUEUED, now)? {
                                Outcome::Retrying
                            } else {
                                Outcome::Lost
                            });
                        }
                        let died = conn.write_transaction(|conn| -> Result<bool, AppError> {
                            if !store::fail(conn, &job.id, &owner, &message, None, store::DEAD, now)? {
                                return Ok(false);
                            }
                            let mut event = system_event("job.dead");
                            event.outcome = "failure".into();
                            event.target_type = Some("job".into());
                            event.target_id = Some(job.id.clone());
                            event.reason = Some(message.clone());
                            event.details = Some(serde_json::json!({"kind": job.kind, "attempts": job.attempts}).to_string());
                            crate::audit::record(conn, event)?;
                            if let Some(on_dead) = registry.get(&job.kind).and_then(|k| k.on_dead) {
                                on_dead(conn, &job, &message, now)?;
                            }
                            Ok(true)
                        })?;
                        if died {
                            tracing::error!(job = %job.id, kind = %job.kind, attempts = job.attempts, error = %message, "job is dead");
                        }
                        Ok(if died { Outcome::Dead } else { Outcome::Lost })
                    }
                }
            })
            .await
    }

    /// Runs due jobs until none is left; how many ran (tests and `hoso worker --once`).
    pub async fn run_until_idle(&self) -> Result<usize, AppError> {
        let mut ran = 0;
        while self.run_once().await?.is_some() {
            ran += 1;
        }
        Ok(ran)
    }

    /// Runs jobs until `stop` turns true: at once when this process queues one, else every
    /// `poll` for jobs queued by other instances and for retries coming due.
    pub async fn run(self, poll: Duration, mut stop: tokio::sync::watch::Receiver<bool>) {
        let mut queued = self.app.jobs.subscribe();
        loop {
            if *stop.borrow() {
                return;
            }
            match self.run_once().await {
                Ok(Some(_)) => continue,
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, "the job queue could not be read"),
            }
            tokio::select! {
                _ = queued.changed() => {}
                changed = stop.changed() => if changed.is_err() { return },
                _ = tokio::time::sleep(poll) => {}
            }
        }
    }
}

/// The longest a request waits for a job (`?wait=true`).
pub const LONGEST_WAIT: Duration = Duration::from_secs(25);

/// Reads with `load` until `running` is false or [`LONGEST_WAIT`] has passed: woken when a job
/// ends on this instance, and re-reading every second for one that ends on another instance.
pub async fn wait_while<T, F, Fut>(app: &App, load: F, running: impl Fn(&T) -> bool) -> Result<T, AppError>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    // Subscribe before reading, so an end between the read and the wait is not missed.
    let mut ended = app.jobs.subscribe();
    let mut value = load().await?;
    let deadline = tokio::time::Instant::now() + LONGEST_WAIT;
    while running(&value) {
        let next = deadline.min(tokio::time::Instant::now() + Duration::from_secs(1));
        let _ = tokio::time::timeout_at(next, ended.changed()).await;
        if tokio::time::Instant::now() >= deadline {
            break;
        }
        value = load().await?;
    }
    Ok(value)
}

/// The test suite's kinds (see [`Registry::from_environment`]).
pub fn test_kinds() -> Vec<JobKind> {
    fn effect(context: &JobContext, conn: &mut DbConnection) -> Result<Option<Value>, AppError> {
        let id = context.job.id.clone();
        context.finish(conn, None, |conn| {
            let mut event = system_event("test.job_effect");
            event.target_type = Some("job".into());
            event.target_id = Some(id);
            crate::audit::record(conn, event)
        })?;
        Ok(None)
    }
    vec![
        JobKind {
            name: "test.effect",
            run: effect,
            on_dead: None,
        },
        JobKind {
            name: "test.hold_first_attempt",
            run: |context, conn| {
                if context.job.attempts == 1 {
                    // Held until the process is killed: the test kills it mid-job.
                    loop {
                        std::thread::park();
                    }
                }
                effect(context, conn)
            },
            on_dead: None,
        },
        JobKind {
            name: "test.always_fail",
            run: |_, _| Err(AppError::Internal("this job always fails".into())),
            on_dead: None,
        },
    ]
}

/// Starts `workers` job workers and the scheduler on the current runtime; they stop when the
/// returned sender sends `true` (or is dropped).
pub fn start_background(
    app: Arc<App>,
    registry: Arc<Registry>,
    workers: usize,
    lease: Duration,
) -> tokio::sync::watch::Sender<bool> {
    const POLL: Duration = Duration::from_secs(2);
    const TICK: Duration = Duration::from_secs(30);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    for _ in 0..workers {
        let worker = Worker::new(app.clone(), registry.clone(), lease);
        tokio::spawn(worker.run(POLL, stopped.clone()));
    }
    if workers > 0 {
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let schedules = crate::scheduler::standard();
            loop {
                let (schedules, now) = (schedules.clone(), app.clock.now_naive());
                match app
                    .db(move |conn| crate::scheduler::tick(conn, &schedules, now))
                    .await
                {
                    Ok(runs) if runs.iter().any(|r| r.job_id.is_some()) => app.jobs.bump(),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "the scheduler could not record its occurrences"),
                }
                tokio::select! {
                    _ = stopped.changed() => return,
                    _ = tokio::time::sleep(TICK) => {}
                }
            }
        });
    }
    stop
}

/// A stored job as administrators see it.
pub fn view(row: &JobRow) -> hoso_api_types::jobs::JobView {
    use crate::views::utc;
    hoso_api_types::jobs::JobView {
        id: row.id.clone(),
        kind: row.kind.clone(),
        state: row.state.clone(),
        attempts: row.attempts,
        max_attempts: row.max_attempts,
        progress_done: row.progress_done,
        progress_total: row.progress_total,
        last_error: row.last_error.clone(),
        cancel_requested: row.cancel_requested,
        queued_by_type: row.queued_by_type.clone(),
        queued_by_name: row.queued_by_name.clone(),
        run_after: utc(row.run_after),
        created_at: utc(row.created_at),
        started_at: row.started_at.map(utc),
        finished_at: row.finished_at.map(utc),
    }
}

const JOB_STATES: &[&str] = &[
    store::QUEUED,
    store::RUNNING,
    store::SUCCEEDED,
    store::DEAD,
    store::CANCELLED,
];

/// One page of the queue, newest first (administrators).
pub async fn list_jobs(
    app: &App,
    session: Session,
    state: Option<String>,
    kind: Option<String>,
    before: Option<String>,
    limit: i64,
) -> Result<hoso_api_types::jobs::JobPage, AppError> {
    hoso_domain::access::check_manage_jobs(&session.actor)?;
    app.db(move |conn| page_of_jobs(conn, state, kind, before.as_deref(), limit))
        .await
}

fn page_of_jobs(
    conn: &mut DbConnection,
    state: Option<String>,
    kind: Option<String>,
    before: Option<&str>,
    limit: i64,
) -> Result<hoso_api_types::jobs::JobPage, AppError> {
    if let Some(state) = &state {
        if !JOB_STATES.contains(&state.as_str()) {
            return Err(hoso_domain::FieldError::new(
                "state",
                "invalid_choice",
                "Trạng thái phải là queued, running, succeeded, dead hoặc cancelled.",
            )
            .into());
        }
    }
    let before = match before {
        Some(id) => {
            let row = store::find(conn, id)?.ok_or_else(|| {
                hoso_domain::FieldError::new("before", "unknown_job", "Không có tác vụ này.")
            })?;
            Some((row.created_at, row.id))
        }
        None => None,
    };
    let filter = store::JobFilter { state, kind, before };
    let mut rows = store::list(conn, &filter, limit + 1)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let counts = store::count_by_state(conn)?
        .into_iter()
        .map(|(state, count)| hoso_api_types::jobs::JobStateCount { state, count })
        .collect();
    Ok(hoso_api_types::jobs::JobPage {
        next_before: more.then(|| rows.last().map(|r| r.id.clone())).flatten(),
        items: rows.iter().map(view).collect(),
        counts,
    })
}

#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct JobQuery {
    /// While the job is queued or running, wait (up to 25 seconds) for it to end before answering.
    pub wait: Option<bool>,
}

/// One job (administrators); with `wait`, answered when it ends.
pub async fn read_job(
    app: &App,
    session: Session,
    id: String,
    query: JobQuery,
) -> Result<hoso_api_types::jobs::JobView, AppError> {
    hoso_domain::access::check_manage_jobs(&session.actor)?;
    let load = || {
        let id = id.clone();
        async move {
            let row = app
                .db(move |conn| store::find(conn, &id)?.ok_or(AppError::NotFound))
                .await?;
            Ok(view(&row))
        }
    };
    if query.wait == Some(true) {
        wait_while(app, load, |job: &hoso_api_types::jobs::JobView| {
            job.state == store::QUEUED || job.state == store::RUNNING
        })
        .await
    } else {
        load().await
    }
}

fn job_event(session: &Session, action: &str, id: &str) -> hoso_store::audit::NewAuditEvent {
    let mut event = session.event(action);
    event.target_type = Some("job".into());
    event.target_id = Some(id.into());
    event
}

/// Queues a dead or cancelled job again, with a fresh count of attempts; audited. Wakes this
/// instance's workers.
pub async fn retry_job(
    app: &App,
    session: Session,
    id: String,
) -> Result<hoso_api_types::jobs::JobView, AppError> {
    let now = app.clock.now_naive();
    let row = app.db(move |conn| requeue(conn, &session, &id, now)).await?;
    app.jobs.bump();
    Ok(view(&row))
}

/// An administrator's change to a job (`change` answers `None` when the job's state does not
/// allow it), audited as `action`; refusals are audited too.
fn administer(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    action: &str,
    change: impl FnOnce(&mut DbConnection) -> hoso_store::error::StoreResult<Option<JobRow>>,
    not_now: fn(&str) -> String,
) -> Result<JobRow, AppError> {
    let event = job_event(session, action, id);
    if let Err(denial) = hoso_domain::access::check_manage_jobs(&session.actor) {
        return Err(crate::audit::refuse(conn, event, denial));
    }
    conn.write_transaction(|conn| {
        let job = store::find(conn, id)?.ok_or(AppError::NotFound)?;
        let changed = change(conn)?.ok_or_else(|| AppError::Conflict {
            code: "invalid_state",
            message: not_now(&job.state),
        })?;
        crate::audit::record(conn, event)?;
        Ok(changed)
    })
}

fn requeue(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    now: NaiveDateTime,
) -> Result<JobRow, AppError> {
    administer(
        conn,
        session,
        id,
        "job.retried",
        |conn| store::retry(conn, id, now),
        |state| {
            format!("Chỉ thử lại được tác vụ đã hỏng hoặc đã hủy; tác vụ này đang ở trạng thái «{state}».")
        },
    )
}

fn stop(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    now: NaiveDateTime,
) -> Result<JobRow, AppError> {
    administer(
        conn,
        session,
        id,
        "job.cancelled",
        |conn| store::cancel(conn, id, now),
        |state| format!("Tác vụ đã kết thúc (trạng thái «{state}»), không hủy được."),
    )
}

/// Cancels a queued job, or asks a running one to stop at its next progress report; audited.
pub async fn cancel_job(
    app: &App,
    session: Session,
    id: String,
) -> Result<hoso_api_types::jobs::JobView, AppError> {
    let now = app.clock.now_naive();
    let row = app.db(move |conn| stop(conn, &session, &id, now)).await?;
    Ok(view(&row))
}
