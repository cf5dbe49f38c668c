//! Recurring jobs: each schedule names a rule of `hoso_domain::schedule` (the working-day
//! calendar and the regulation profile decide the days) and the job it queues. Every instance
//! ticks; an occurrence is recorded once (its primary key), with its job in the same
//! transaction, so it runs exactly once however many instances tick. Occurrences missed while
//! no instance ran are found at the next tick: the latest is queued as `caught_up`, older ones
//! recorded `skipped` (the latest run covers them: a backup taken now holds the earlier months).

use chrono::{NaiveDateTime, NaiveTime};
use hoso_domain::schedule::Recurrence;
use hoso_store::jobs::{self as store, ScheduleRunRow};
use hoso_store::DbConnection;
use serde_json::Value;

use crate::error::AppError;
use crate::jobs::{enqueue, JobContext, JobKind, JobRequest, QueuedBy};

/// A recurring job.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub name: &'static str,
    pub recurrence: Recurrence,
    pub kind: &'static str,
    pub payload: Value,
}

/// An occurrence queued this late after its time counts as caught up after downtime.
const ON_TIME: chrono::Duration = chrono::Duration::minutes(15);
/// How far back the first tick looks for the occurrence it records as the starting point.
const HORIZON_DAYS: i64 = 400;

fn at(hour: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, 0, 0).expect("an hour of the day")
}

/// The schedules of every deployment.
pub fn standard() -> Vec<Schedule> {
    vec![
        Schedule {
            name: "housekeeping.nightly",
            recurrence: Recurrence::Daily { at: at(1) },
            kind: HOUSEKEEPING_JOB.name,
            payload: Value::Null,
        },
        crate::backups::schedule(),
        crate::national::reconcile::schedule(),
        crate::national::catalog_updates::check::schedule(),
        crate::mail::deadline_digest::schedule(),
    ]
}

/// The job's input: the schedule's payload and, when it is an object, the occurrence it runs for
/// (a backup caught up the next morning is still the backup of the month's last working day).
fn payload_for(schedule: &Schedule, occurrence: NaiveDateTime) -> Value {
    let mut payload = schedule.payload.clone();
    if let Value::Object(map) = &mut payload {
        map.insert("occurrence".into(), serde_json::json!(occurrence));
    }
    payload
}

/// Records and queues every occurrence due by `now`; the occurrences recorded by this call.
pub fn tick(
    conn: &mut DbConnection,
    schedules: &[Schedule],
    now: NaiveDateTime,
) -> Result<Vec<ScheduleRunRow>, AppError> {
    let (profile, calendar) = crate::workflow::rules(conn)?;
    let mut recorded = Vec::new();
    for schedule in schedules {
        let runs = conn.write_transaction(|conn| -> Result<Vec<ScheduleRunRow>, AppError> {
            let record = |conn: &mut DbConnection, run: ScheduleRunRow| -> Result<ScheduleRunRow, AppError> {
                if store::record_occurrence(conn, &run)? {
                    Ok(run)
                } else {
                    // Another instance recorded it first: undo what this one queued for it.
                    Err(AppError::Conflict {
                        code: "conflict",
                        message: "recorded by another instance".into(),
                    })
                }
            };
            let run = |occurrence, outcome: &str, job_id: Option<String>| ScheduleRunRow {
                schedule: schedule.name.into(),
                occurrence,
                outcome: outcome.into(),
                job_id,
                recorded_at: now,
            };
            let Some(last) = store::last_occurrence(conn, schedule.name)? else {
                // First seen: start from the latest past occurrence, without running it.
                let start = schedule
                    .recurrence
                    .latest(now, HORIZON_DAYS, &calendar, &profile)
                    .unwrap_or(now);
                return Ok(vec![record(conn, run(start, "baseline", None))?]);
            };
            let due = schedule.recurrence.occurrences(last, now, &calendar, &profile);
            let Some((latest, older)) = due.split_last() else {
                return Ok(vec![]);
            };
            let mut runs = Vec::new();
            for occurrence in older {
                runs.push(record(conn, run(*occurrence, "skipped", None))?);
            }
            let job = enqueue(
                conn,
                JobRequest::new(schedule.kind, payload_for(schedule, *latest)).key(format!(
                    "schedule:{}:{}",
                    schedule.name,
                    latest.format("%Y-%m-%dT%H:%M")
                )),
                &QueuedBy::schedule(schedule.name),
                now,
            )?;
            let outcome = if now - *latest > ON_TIME {
                "caught_up"
            } else {
                "queued"
            };
            runs.push(record(conn, run(*latest, outcome, Some(job.id)))?);
            Ok(runs)
        });
        match runs {
            Ok(runs) => {
                for r in runs.iter().filter(|r| r.outcome != "baseline") {
                    tracing::info!(schedule = %r.schedule, occurrence = %r.occurrence, outcome = %r.outcome, "scheduled occurrence recorded");
                }
                recorded.extend(runs);
            }
            // Lost the race to another instance: it has queued this occurrence.
            Err(AppError::Conflict { .. }) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(recorded)
}

/// Nightly: deletes finished jobs a month old (reports and schedules keep theirs).
pub const HOUSEKEEPING_JOB: JobKind = JobKind {
    name: "system.housekeeping",
    run: housekeeping,
    on_dead: None,
};

const KEEP_ENDED_JOBS_DAYS: i64 = 30;

fn housekeeping(context: &JobContext, conn: &mut DbConnection) -> Result<Option<Value>, AppError> {
    let before = context.app.clock.now_naive() - chrono::Duration::days(KEEP_ENDED_JOBS_DAYS);
    let purged = store::purge_ended(conn, before)?;
    Ok(Some(serde_json::json!({ "purged_jobs": purged })))
}
