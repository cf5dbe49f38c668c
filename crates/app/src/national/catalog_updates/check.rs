//! The job that reads the national catalogues: nightly (when a connection is configured) or
//! when an administrator asks. Only versions newer than the last one read are fetched.

use hoso_domain::catalog::CatalogEntry;
use hoso_domain::national_catalogs::{check_national_entries, compare_catalog, Comparison};
use hoso_store::national_catalogs::{self as store, UpdateRow};
use hoso_store::DbConnection;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::AppError;
use crate::jobs::{JobContext, JobKind};
use crate::App;

pub const CATALOG_CHECK_JOB: JobKind = JobKind {
    name: "national.catalogs",
    run,
    on_dead: None,
};

/// Every night at 02:30: a list of versions is a small answer, read once a day.
pub fn schedule() -> crate::scheduler::Schedule {
    crate::scheduler::Schedule {
        name: "national.catalogs.daily",
        recurrence: hoso_domain::schedule::Recurrence::Daily {
            at: chrono::NaiveTime::from_hms_opt(2, 30, 0).expect("a time of day"),
        },
        kind: CATALOG_CHECK_JOB.name,
        payload: json!({}),
    }
}

#[derive(Deserialize)]
struct Payload {
    /// Asked for by an administrator (the schedule's run skips quietly what cannot be done).
    #[serde(default)]
    asked: bool,
}

/// A version as the national side lists it.
#[derive(Deserialize)]
struct Listed {
    name: String,
    version: i32,
}

/// A catalogue's version as the national side serves it.
#[derive(Deserialize)]
struct Served {
    version: i32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    effective_date: Option<chrono::NaiveDate>,
    entries: Vec<CatalogEntry>,
}

fn run(context: &JobContext, conn: &mut DbConnection) -> Result<Option<Value>, AppError> {
    let payload: Payload = context.payload()?;
    let app = &context.app;
    let Some(connection) = app.national.connection.clone() else {
        if !payload.asked {
            return Ok(Some(json!({ "skipped": "national_not_configured" })));
        }
        return Err(crate::national::not_configured());
    };
    if crate::national::consent::current(conn)?.is_none() {
        if !payload.asked {
            return Ok(Some(json!({ "skipped": "national_consent_missing" })));
        }
        return Err(crate::national::consent::missing());
    }
    // Each exchange is logged under the job that made it.
    let log_id = context.job.id.clone();
    let answer = crate::national::read_ok(conn, app, &connection, "/cbccvc/v1/catalogs", &log_id)?;
    let listed: Vec<Listed> = answer
        .body
        .get("catalogs")
        .cloned()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| unreadable(&format!("danh sách danh mục: {e}")))?
        .unwrap_or_default();
    let mut outcome = json!({ "read": [], "not_listed": [] });
    for link in &app.national.mapping.catalogs {
        let Some(version) = listed.iter().find(|l| l.name == link.name).map(|l| l.version) else {
            push(&mut outcome, "not_listed", json!(link.name));
            continue;
        };
        if hoso_store::catalogs::find(conn, &link.kind)?.is_none() {
            push(&mut outcome, "not_listed", json!(link.kind));
            continue;
        }
        if store::last_version(conn, &link.kind)?.is_some_and(|last| last >= version) {
            continue;
        }
        let path = format!("/cbccvc/v1/catalogs/{}", urlencoding(&link.name));
        let answer = crate::national::read_ok(conn, app, &connection, &path, &log_id)?;
        let row = compared(conn, app, &context.job.id, link, version, answer.body)?;
        let state = row.state.clone();
        conn.write_transaction(|conn| -> Result<(), AppError> {
            if !store::insert_update(conn, &row)? {
                // Another check kept this version first.
                return Ok(());
            }
            if state == store::PENDING {
                store::supersede_older(conn, &row.kind, row.national_version)?;
            }
            if state == store::UNCHANGED {
                hoso_store::national_catalogs::set_national_version(conn, &row.kind, row.national_version)?;
            }
            let mut event = crate::session::system_event("catalog.national_version_read");
            event.target_type = Some("national_catalog_update".into());
            event.target_id = Some(row.id.clone());
            event.details =
                Some(json!({"kind": row.kind, "version": row.national_version, "state": state}).to_string());
            crate::audit::record(conn, event)
        })?;
        push(
            &mut outcome,
            "read",
            json!({"kind": link.kind, "version": version, "state": state}),
        );
    }
    Ok(Some(outcome))
}

fn push(outcome: &mut Value, key: &str, value: Value) {
    if let Some(list) = outcome.get_mut(key).and_then(Value::as_array_mut) {
        list.push(value);
    }
}

fn unreadable(what: &str) -> AppError {
    AppError::Conflict {
        code: "national_record_unreadable",
        message: format!("Không đọc được trả lời của cơ sở dữ liệu quốc gia ({what})."),
    }
}

/// A catalogue name in a path (names are plain identifiers in the contract; anything else is
/// escaped rather than trusted).
fn urlencoding(name: &str) -> String {
    form_urlencoded::byte_serialize(name.as_bytes()).collect()
}

/// The update a served version makes: `pending` with its changes, `unchanged`, or `invalid`
/// when it cannot be reviewed.
fn compared(
    conn: &mut DbConnection,
    app: &App,
    job_id: &str,
    link: &hoso_domain::national::CatalogLink,
    listed_version: i32,
    body: Value,
) -> Result<UpdateRow, AppError> {
    let mut row = UpdateRow {
        id: hoso_store::ids::new_id(),
        kind: link.kind.clone(),
        national_name: link.name.clone(),
        national_version: listed_version,
        title: String::new(),
        source: String::new(),
        effective_date: None,
        state: store::INVALID.into(),
        entries: "[]".into(),
        changes: "[]".into(),
        only_here: "[]".into(),
        error: None,
        job_id: Some(job_id.to_owned()),
        fetched_at: app.clock.now_naive(),
        decided_by: None,
        decided_at: None,
        reason: None,
        skipped: None,
    };
    let served: Served = match serde_json::from_value(body) {
        Ok(served) => served,
        Err(e) => {
            row.error = Some(format!("Không đọc được danh mục: {e}"));
            return Ok(row);
        }
    };
    row.national_version = served.version;
    row.title = served.title;
    row.source = served.source;
    row.effective_date = served.effective_date;
    row.entries = serde_json::to_string(&served.entries).map_err(|e| AppError::Internal(e.to_string()))?;
    if let Err(why) = check_national_entries(&served.entries) {
        row.error = Some(format!("Danh mục không hợp lệ: {why}."));
        return Ok(row);
    }
    let Comparison { changes, only_here } =
        compare_catalog(&super::our_entries(conn, &link.kind)?, &served.entries);
    row.state = if changes.is_empty() {
        store::UNCHANGED
    } else {
        store::PENDING
    }
    .into();
    row.changes = serde_json::to_string(&changes).map_err(|e| AppError::Internal(e.to_string()))?;
    row.only_here = serde_json::to_string(&only_here).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(row)
}
