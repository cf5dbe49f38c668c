//! Reconciliation (issue #17): monthly after Sở Nội vụ's window, or when asked, hoso lists what
//! the national database changed for the province since a day, compares each record's packet
//! hash with the last one it had acknowledged, and keeps the differences for Sở Nội vụ to act on
//! (resend the dossier's approved version).

use chrono::NaiveDate;
use hoso_domain::national::{compare_records, OursRecord, TheirsRecord};
use hoso_store::jobs::JobRow;
use hoso_store::national::{self as store, DifferenceRow, ReconciliationRow};
use hoso_store::DbConnection;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::AppError;
use crate::jobs::{JobContext, JobKind, QueuedBy};
use crate::App;

pub const RECONCILE_JOB: JobKind = JobKind {
    name: "national.reconcile",
    run,
    on_dead: Some(on_dead),
};

/// The monthly run: the first working day after Sở Nội vụ's window, at 02:00.
pub fn schedule() -> crate::scheduler::Schedule {
    crate::scheduler::Schedule {
        name: "national.reconcile.monthly",
        recurrence: hoso_domain::schedule::Recurrence::DayAfterApprovalWindow {
            signer: hoso_domain::regulation::Signer::HomeAffairs,
            at: chrono::NaiveTime::from_hms_opt(2, 0, 0).expect("a time of day"),
        },
        kind: RECONCILE_JOB.name,
        payload: json!({}),
    }
}

/// How far back a monthly run looks: the month and its window, with a margin.
const MONTHLY_SPAN_DAYS: i64 = 40;
/// Records asked for per page.
const PAGE: usize = 500;

#[derive(Deserialize)]
struct Payload {
    #[serde(default)]
    reconciliation_id: Option<String>,
    #[serde(default)]
    occurrence: Option<chrono::NaiveDateTime>,
}

/// A reconciliation row, running, for its job.
pub(super) fn new_row(
    app: &App,
    since: NaiveDate,
    requested_by: Option<String>,
    job_id: Option<String>,
) -> ReconciliationRow {
    ReconciliationRow {
        id: hoso_store::ids::new_id(),
        since,
        state: "running".into(),
        job_id,
        requested_by,
        started_at: app.clock.now_naive(),
        finished_at: None,
        theirs: 0,
        ours: 0,
        error: None,
    }
}

fn run(context: &JobContext, conn: &mut DbConnection) -> Result<Option<Value>, AppError> {
    let payload: Payload = context.payload()?;
    let app = &context.app;
    let Some(connection) = app.national.connection.clone() else {
        if payload.reconciliation_id.is_none() {
            // The monthly run of a deployment without a connection has nothing to compare.
            return Ok(Some(json!({ "skipped": "national_not_configured" })));
        }
        return Err(super::not_configured());
    };
    if super::consent::current(conn)?.is_none() {
        if payload.reconciliation_id.is_none() {
            return Ok(Some(json!({ "skipped": "national_consent_missing" })));
        }
        return Err(super::consent::missing());
    }
    let row = match (&payload.reconciliation_id, payload.occurrence) {
        (Some(id), _) => store::find_reconciliation(conn, id)?.ok_or(AppError::NotFound)?,
        (None, occurrence) => {
            let day = hoso_domain::schedule::local_of_utc(occurrence.unwrap_or(app.clock.now_naive())).date();
            let row = new_row(
                app,
                day - chrono::Duration::days(MONTHLY_SPAN_DAYS),
                None,
                Some(context.job.id.clone()),
            );
            // A retried scheduled job reuses the row its first attempt made.
            match store::reconciliation_of_job(conn, &context.job.id)? {
                Some(existing) => existing,
                None => {
                    conn.write_transaction(|conn| store::insert_reconciliation(conn, &row))?;
                    row
                }
            }
        }
    };
    if row.state == "done" {
        return Ok(Some(json!({ "reconciliation_id": row.id })));
    }
    let province = hoso_store::units::root(conn)?.map(|u| u.code).unwrap_or_default();
    let mut theirs = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut path = form_urlencoded::Serializer::new(String::from("/cbccvc/v1/people?"));
        path.append_pair("province", &province)
            .append_pair("changed_since", &row.since.to_string())
            .append_pair("limit", &PAGE.to_string());
        if let Some(after) = &after {
            path.append_pair("after", after);
        }
        let path = path.finish();
        let answer = super::read_ok(conn, app, &connection, &path, &row.id)?;
        for person in answer
            .body
            .get("people")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let text = |key: &str| person.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
            theirs.push((
                TheirsRecord {
                    national_identifier: text("national_identifier"),
                    packet_sha256: text("packet_sha256"),
                },
                person
                    .get("updated_at")
                    .and_then(Value::as_str)
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                    .map(|t| t.naive_utc()),
            ));
        }
        after = answer
            .body
            .get("next_after")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if after.is_none() {
            break;
        }
    }
    let ours: Vec<OursRecord> = store::acknowledged_latest(conn)?
        .into_iter()
        .map(
            |(dossier_id, national_identifier, packet_sha256, at)| OursRecord {
                dossier_id,
                national_identifier,
                packet_sha256,
                acknowledged_on: hoso_domain::schedule::local_of_utc(at).date(),
            },
        )
        .collect();
    let listed: Vec<TheirsRecord> = theirs.iter().map(|(t, _)| t.clone()).collect();
    let updated: std::collections::HashMap<&str, chrono::NaiveDateTime> = theirs
        .iter()
        .filter_map(|(t, at)| Some((t.national_identifier.as_str(), (*at)?)))
        .collect();
    let differences: Vec<DifferenceRow> = compare_records(&ours, &listed, row.since)
        .into_iter()
        .map(|(kind, mine, there)| DifferenceRow {
            id: hoso_store::ids::new_id(),
            reconciliation_id: row.id.clone(),
            kind: kind.as_str().into(),
            dossier_id: mine.map(|m| m.dossier_id.clone()),
            national_identifier: mine
                .map(|m| m.national_identifier.clone())
                .or(there.map(|t| t.national_identifier.clone())),
            ours_sha256: mine.map(|m| m.packet_sha256.clone()),
            theirs_sha256: there.map(|t| t.packet_sha256.clone()),
            theirs_updated_at: there.and_then(|t| updated.get(t.national_identifier.as_str()).copied()),
            resolution: None,
            resolved_by: None,
            resolved_at: None,
            message_id: None,
        })
        .collect();
    let now = app.clock.now_naive();
    conn.write_transaction(|conn| -> Result<(), AppError> {
        store::finish_reconciliation(
            conn,
            &row.id,
            Ok((listed.len() as i32, ours.len() as i32, &differences)),
            now,
        )?;
        let mut event = crate::session::system_event("national.reconciled");
        event.target_type = Some("national_reconciliation".into());
        event.target_id = Some(row.id.clone());
        event.details = Some(
            json!({"since": row.since, "theirs": listed.len(), "ours": ours.len(), "differences": differences.len()})
                .to_string(),
        );
        crate::audit::record(conn, event)
    })?;
    Ok(Some(
        json!({ "reconciliation_id": row.id, "differences": differences.len() }),
    ))
}

fn on_dead(
    conn: &mut DbConnection,
    job: &JobRow,
    error: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    if let Some(row) = store::reconciliation_of_job(conn, &job.id)? {
        store::finish_reconciliation(conn, &row.id, Err(error), at)?;
    }
    Ok(())
}

/// Queues a reconciliation run in the caller's transaction.
pub(super) fn queue(
    conn: &mut DbConnection,
    app: &App,
    since: NaiveDate,
    by: &QueuedBy,
) -> Result<ReconciliationRow, AppError> {
    let mut row = new_row(app, since, by.id.clone(), None);
    let request = crate::jobs::JobRequest::new(RECONCILE_JOB.name, json!({ "reconciliation_id": row.id }));
    let job = crate::jobs::enqueue(conn, request, by, app.clock.now_naive())?;
    row.job_id = Some(job.id);
    store::insert_reconciliation(conn, &row)?;
    Ok(row)
}
