//! The durable job queue and the record of scheduled occurrences, on both backends.
//!
//! A worker claims a job with one `UPDATE … WHERE id IN (oldest claimable) AND claimable
//! RETURNING *`: on SQLite writes are serialised; on PostgreSQL a second worker that picked the
//! same row waits for the first one's lock, re-checks the condition on the row as the first one
//! left it, and updates nothing. So a job is held by one worker at a time, under a lease the
//! worker renews; a job whose lease ran out (its worker died) is claimable again.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::error::StoreResult;
use crate::schema::{jobs, schedule_runs};
use crate::{DbConnection, StoreError};

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const SUCCEEDED: &str = "succeeded";
pub const DEAD: &str = "dead";
pub const CANCELLED: &str = "cancelled";

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = jobs)]
pub struct JobRow {
    pub id: String,
    pub kind: String,
    pub payload: String,
    pub state: String,
    pub idempotency_key: Option<String>,
    pub attempts: i32,
    pub max_attempts: i32,
    pub run_after: NaiveDateTime,
    pub lease_owner: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub cancel_requested: bool,
    pub progress_done: i32,
    pub progress_total: i32,
    pub last_error: Option<String>,
    pub result: Option<String>,
    pub queued_by_type: String,
    pub queued_by_id: Option<String>,
    pub queued_by_name: Option<String>,
    pub created_at: NaiveDateTime,
    pub started_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
}

/// A job to queue.
#[derive(Debug, Clone, Default)]
pub struct NewJob {
    pub kind: String,
    pub payload: String,
    pub idempotency_key: Option<String>,
    pub max_attempts: i32,
    pub run_after: Option<NaiveDateTime>,
    pub queued_by_type: String,
    pub queued_by_id: Option<String>,
    pub queued_by_name: Option<String>,
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<JobRow>> {
    Ok(jobs::table
        .find(id)
        .select(JobRow::as_select())
        .first(conn)
        .optional()?)
}

fn find_by_key(conn: &mut DbConnection, key: &str) -> StoreResult<Option<JobRow>> {
    Ok(jobs::table
        .filter(jobs::idempotency_key.eq(key))
        .select(JobRow::as_select())
        .first(conn)
        .optional()?)
}

/// Queues a job in the caller's transaction, or returns the job already queued under the same
/// idempotency key (whatever its state). The second element says whether this call queued it.
pub fn insert(conn: &mut DbConnection, job: &NewJob, now: NaiveDateTime) -> StoreResult<(JobRow, bool)> {
    if let Some(key) = &job.idempotency_key {
        if let Some(existing) = find_by_key(conn, key)? {
            return Ok((existing, false));
        }
    }
    let id = crate::ids::new_id();
    // A savepoint: a concurrent enqueue under the same key must not abort the caller's
    // transaction on PostgreSQL.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(jobs::table)
            .values((
                jobs::id.eq(&id),
                jobs::kind.eq(&job.kind),
                jobs::payload.eq(&job.payload),
                jobs::state.eq(QUEUED),
                jobs::idempotency_key.eq(&job.idempotency_key),
                jobs::attempts.eq(0),
                jobs::max_attempts.eq(job.max_attempts.max(1)),
                jobs::run_after.eq(job.run_after.unwrap_or(now)),
                jobs::cancel_requested.eq(false),
                jobs::progress_done.eq(0),
                jobs::progress_total.eq(0),
                jobs::queued_by_type.eq(&job.queued_by_type),
                jobs::queued_by_id.eq(&job.queued_by_id),
                jobs::queued_by_name.eq(&job.queued_by_name),
                jobs::created_at.eq(now),
            ))
            .execute(conn)
            .map_err(StoreError::from)
    });
    match (inserted, &job.idempotency_key) {
        (Ok(_), _) => Ok((find(conn, &id)?.ok_or(StoreError::NotFound)?, true)),
        (Err(StoreError::Duplicate(_)), Some(key)) => {
            Ok((find_by_key(conn, key)?.ok_or(StoreError::NotFound)?, false))
        }
        (Err(error), _) => Err(error),
    }
}

/// Claims the job that has waited longest among those due (queued with `run_after` passed, or
/// running under a lease that ran out), for `owner` until `lease_until`. `kinds` limits it to
/// the kinds this worker can run.
pub fn claim(
    conn: &mut DbConnection,
    owner: &str,
    kinds: &[&str],
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> StoreResult<Option<JobRow>> {
    let due = || {
        jobs::kind.eq_any(kinds.to_vec()).and(
            jobs::state
                .eq(QUEUED)
                .and(jobs::run_after.le(now))
                .or(jobs::state.eq(RUNNING).and(jobs::lease_until.lt(now))),
        )
    };
    let oldest = || {
        jobs::table
            .filter(due())
            .order((jobs::run_after, jobs::created_at, jobs::id))
            .select(jobs::id)
    };
    let take = |conn: &mut DbConnection, id: &str| -> StoreResult<bool> {
        let changed = diesel::update(jobs::table.filter(jobs::id.eq(id)).filter(due()))
            .set((
                jobs::state.eq(RUNNING),
                jobs::lease_owner.eq(owner),
                jobs::lease_until.eq(lease_until),
                jobs::attempts.eq(jobs::attempts + 1),
                jobs::started_at.eq(now),
            ))
            .execute(conn)?;
        Ok(changed == 1)
    };
    let claimed = match conn {
        // Rows another worker is claiming right now are skipped rather than waited for.
        DbConnection::Postgres(_) => conn.transaction(|conn| {
            let DbConnection::Postgres(pg) = conn else {
                unreachable!("matched above")
            };
            let candidate: Option<String> = oldest()
                .limit(1)
                .for_update()
                .skip_locked()
                .first(pg)
                .optional()?;
            match candidate {
                Some(id) => Ok::<_, StoreError>(take(conn, &id)?.then_some(id)),
                None => Ok(None),
            }
        })?,
        // Writes are serialised: the conditional update either takes the row or finds it taken.
        DbConnection::Sqlite(_) => {
            let mut claimed = None;
            for _ in 0..3 {
                let candidate: Option<String> = oldest().first(conn).optional()?;
                let Some(id) = candidate else { break };
                if take(conn, &id)? {
                    claimed = Some(id);
                    break;
                }
            }
            claimed
        }
    };
    match claimed {
        Some(id) => find(conn, &id),
        None => Ok(None),
    }
}

/// The job `id` while `owner` holds it running.
type HeldBy<'a> = diesel::dsl::Filter<
    diesel::dsl::Filter<
        diesel::dsl::Filter<jobs::table, diesel::dsl::Eq<jobs::id, &'a str>>,
        diesel::dsl::Eq<jobs::lease_owner, &'a str>,
    >,
    diesel::dsl::Eq<jobs::state, &'static str>,
>;

fn held_by<'a>(id: &'a str, owner: &'a str) -> HeldBy<'a> {
    jobs::table
        .filter(jobs::id.eq(id))
        .filter(jobs::lease_owner.eq(owner))
        .filter(jobs::state.eq(RUNNING))
}

/// Extends the lease, and reports progress when given. False when the job is no longer held by
/// `owner` (its lease ran out and another worker took it, or it was cancelled and ended).
pub fn renew(
    conn: &mut DbConnection,
    id: &str,
    owner: &str,
    lease_until: NaiveDateTime,
    progress: Option<(i32, i32)>,
) -> StoreResult<bool> {
    let target = held_by(id, owner);
    let changed = match progress {
        Some((done, total)) => diesel::update(target)
            .set((
                jobs::lease_until.eq(lease_until),
                jobs::progress_done.eq(done),
                jobs::progress_total.eq(total),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set(jobs::lease_until.eq(lease_until))
            .execute(conn)?,
    };
    Ok(changed == 1)
}

/// Whether someone asked to cancel the job.
pub fn cancel_requested(conn: &mut DbConnection, id: &str) -> StoreResult<bool> {
    Ok(jobs::table
        .find(id)
        .select(jobs::cancel_requested)
        .first(conn)
        .optional()?
        .unwrap_or(true))
}

/// The job ended well. False (and nothing changed) when `owner` no longer held it: then its
/// effect, written in the same transaction, must be rolled back by the caller.
pub fn succeed(
    conn: &mut DbConnection,
    id: &str,
    owner: &str,
    result: Option<&str>,
    now: NaiveDateTime,
) -> StoreResult<bool> {
    let changed = diesel::update(held_by(id, owner))
        .set((
            jobs::state.eq(SUCCEEDED),
            jobs::result.eq(result),
            jobs::last_error.eq(None::<String>),
            jobs::lease_owner.eq(None::<String>),
            jobs::lease_until.eq(None::<NaiveDateTime>),
            jobs::finished_at.eq(now),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// An attempt failed: queued again at `retry_at`, or dead (or cancelled) when `retry_at` is
/// `None`. False when `owner` no longer held it.
pub fn fail(
    conn: &mut DbConnection,
    id: &str,
    owner: &str,
    error: &str,
    retry_at: Option<NaiveDateTime>,
    end_state: &str,
    now: NaiveDateTime,
) -> StoreResult<bool> {
    let changed = match retry_at {
        Some(at) => diesel::update(held_by(id, owner))
            .set((
                jobs::state.eq(QUEUED),
                jobs::run_after.eq(at),
                jobs::last_error.eq(error),
                jobs::lease_owner.eq(None::<String>),
                jobs::lease_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?,
        None => diesel::update(held_by(id, owner))
            .set((
                jobs::state.eq(end_state),
                jobs::last_error.eq(error),
                jobs::lease_owner.eq(None::<String>),
                jobs::lease_until.eq(None::<NaiveDateTime>),
                jobs::finished_at.eq(now),
            ))
            .execute(conn)?,
    };
    Ok(changed == 1)
}

/// Cancels a queued job at once, or asks a running one to stop (it ends `cancelled` when it
/// next reports progress). The job as it now stands; `None` when it had already ended.
pub fn cancel(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> StoreResult<Option<JobRow>> {
    let queued = diesel::update(jobs::table.filter(jobs::id.eq(id)).filter(jobs::state.eq(QUEUED)))
        .set((
            jobs::state.eq(CANCELLED),
            jobs::cancel_requested.eq(true),
            jobs::finished_at.eq(now),
        ))
        .execute(conn)?;
    let running = diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::state.eq(RUNNING)),
    )
    .set(jobs::cancel_requested.eq(true))
    .execute(conn)?;
    if queued + running == 0 {
        return Ok(None);
    }
    find(conn, id)
}

/// Queues a dead or cancelled job again with a fresh count of attempts. `None` when it was in
/// another state.
pub fn retry(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> StoreResult<Option<JobRow>> {
    let changed = diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::state.eq_any([DEAD, CANCELLED])),
    )
    .set((
        jobs::state.eq(QUEUED),
        jobs::attempts.eq(0),
        jobs::run_after.eq(now),
        jobs::cancel_requested.eq(false),
        jobs::finished_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Ok(None);
    }
    find(conn, id)
}

/// Which jobs to list.
#[derive(Debug, Clone, Default)]
pub struct JobFilter {
    pub state: Option<String>,
    pub kind: Option<String>,
    /// Only jobs created before this one (`created_at`, `id`), for the next page.
    pub before: Option<(NaiveDateTime, String)>,
}

/// Jobs newest first.
pub fn list(conn: &mut DbConnection, filter: &JobFilter, limit: i64) -> StoreResult<Vec<JobRow>> {
    let mut query = jobs::table.select(JobRow::as_select()).into_boxed();
    if let Some(state) = &filter.state {
        query = query.filter(jobs::state.eq(state.clone()));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(jobs::kind.eq(kind.clone()));
    }
    if let Some((at, id)) = &filter.before {
        query = query.filter(
            jobs::created_at
                .lt(*at)
                .or(jobs::created_at.eq(*at).and(jobs::id.lt(id.clone()))),
        );
    }
    Ok(query
        .order((jobs::created_at.desc(), jobs::id.desc()))
        .limit(limit)
        .load(conn)?)
}

/// How many jobs are in each state.
pub fn count_by_state(conn: &mut DbConnection) -> StoreResult<Vec<(String, i64)>> {
    Ok(jobs::table
        .group_by(jobs::state)
        .select((jobs::state, diesel::dsl::count_star()))
        .load(conn)?)
}

/// Deletes jobs that ended before `before` and that nothing refers to (report rows keep their
/// job). How many were deleted.
pub fn purge_ended(conn: &mut DbConnection, before: NaiveDateTime) -> StoreResult<usize> {
    use crate::schema::report_jobs;
    let referenced_by_reports = report_jobs::table
        .filter(report_jobs::job_id.is_not_null())
        .select(report_jobs::job_id.assume_not_null());
    let referenced_by_schedules = schedule_runs::table
        .filter(schedule_runs::job_id.is_not_null())
        .select(schedule_runs::job_id.assume_not_null());
    Ok(diesel::delete(
        jobs::table
            .filter(jobs::state.eq_any([SUCCEEDED, CANCELLED]))
            .filter(jobs::finished_at.lt(before))
            .filter(jobs::id.ne_all(referenced_by_reports))
            .filter(jobs::id.ne_all(referenced_by_schedules)),
    )
    .execute(conn)?)
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = schedule_runs)]
pub struct ScheduleRunRow {
    pub schedule: String,
    pub occurrence: NaiveDateTime,
    pub outcome: String,
    pub job_id: Option<String>,
    pub recorded_at: NaiveDateTime,
}

/// The latest occurrence recorded for a schedule.
pub fn last_occurrence(conn: &mut DbConnection, schedule: &str) -> StoreResult<Option<NaiveDateTime>> {
    Ok(schedule_runs::table
        .filter(schedule_runs::schedule.eq(schedule))
        .select(diesel::dsl::max(schedule_runs::occurrence))
        .first::<Option<NaiveDateTime>>(conn)?)
}

/// Records an occurrence; false when another instance recorded it first (the caller then rolls
/// back whatever it queued for it).
pub fn record_occurrence(conn: &mut DbConnection, run: &ScheduleRunRow) -> StoreResult<bool> {
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(schedule_runs::table)
            .values((
                schedule_runs::schedule.eq(&run.schedule),
                schedule_runs::occurrence.eq(run.occurrence),
                schedule_runs::outcome.eq(&run.outcome),
                schedule_runs::job_id.eq(&run.job_id),
                schedule_runs::recorded_at.eq(run.recorded_at),
            ))
            .execute(conn)
            .map_err(StoreError::from)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(StoreError::Duplicate(_)) => Ok(false),
        Err(error) => Err(error),
    }
}

/// A schedule's recorded occurrences, newest first.
pub fn runs_of(conn: &mut DbConnection, schedule: &str, limit: i64) -> StoreResult<Vec<ScheduleRunRow>> {
    Ok(schedule_runs::table
        .filter(schedule_runs::schedule.eq(schedule))
        .order(schedule_runs::occurrence.desc())
        .limit(limit)
        .select(ScheduleRunRow::as_select())
        .load(conn)?)
}
