//! Figures for the reports counted per unit (WF-8 update status, Tiền Giang's agency report),
//! and report jobs: reports made in the background with their progress and result (USE-2).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use hoso_domain::transfer::IN_SERVICE;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::{audit_events, dossier_versions, dossiers, people, report_jobs, reviews, units};

fn under(prefix: Option<&str>) -> String {
    format!("{}%", prefix.unwrap_or_default())
}

/// Dossiers of people in service under `under_path` by the path of the unit that manages them
/// and their workflow status.
pub fn status_by_unit(
    conn: &mut DbConnection,
    under_path: Option<&str>,
) -> StoreResult<Vec<(String, String, i64)>> {
    Ok(dossiers::table
        .inner_join(people::table.inner_join(units::table))
        .filter(people::service_status.eq_any(IN_SERVICE))
        .filter(units::path.like(under(under_path)))
        .group_by((units::path, dossiers::status))
        .select((units::path, dossiers::status, diesel::dsl::count_star()))
        .order_by((units::path, dossiers::status))
        .load(conn)?)
}

/// What Tiền Giang's agency report counts for each unit (by path) over a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Activity {
    /// Dossiers of people in service.
    pub dossiers: i64,
    /// Versions made (updates signed) in the period.
    pub updated: i64,
    /// Reviews approved by Sở Nội vụ in the period.
    pub approved: i64,
    /// Dossiers viewed, exported, printed or downloaded from in the period.
    pub consulted: i64,
    /// Dossiers the national database acknowledged receiving (INT-1): an acknowledged message
    /// of the national sync, not an identifier typed in.
    pub synced: i64,
}

/// The figures of every unit under `under_path` with any, over `[from, until)`.
pub fn activity_by_unit(
    conn: &mut DbConnection,
    under_path: Option<&str>,
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> StoreResult<Vec<(String, Activity)>> {
    let mut by_unit = std::collections::BTreeMap::<String, Activity>::new();
    let dossier_counts: Vec<(String, i64)> = dossiers::table
        .inner_join(people::table.inner_join(units::table))
        .filter(people::service_status.eq_any(IN_SERVICE))
        .filter(units::path.like(under(under_path)))
        .group_by(units::path)
        .select((units::path, diesel::dsl::count_star()))
        .load(conn)?;
    for (path, n) in dossier_counts {
        by_unit.entry(path).or_default().dossiers = n;
    }
    let synced: Vec<(String, i64)> = dossiers::table
        .inner_join(people::table.inner_join(units::table))
        .filter(people::service_status.eq_any(IN_SERVICE))
        .filter(diesel::dsl::exists(
            crate::schema::national_messages::table
                .filter(crate::schema::national_messages::dossier_id.eq(dossiers::id))
                .filter(crate::schema::national_messages::state.eq(crate::national::ACKNOWLEDGED)),
        ))
        .filter(units::path.like(under(under_path)))
        .group_by(units::path)
        .select((units::path, diesel::dsl::count_star()))
        .load(conn)?;
    for (path, n) in synced {
        by_unit.entry(path).or_default().synced = n;
    }
    let updated: Vec<(String, i64)> = dossier_versions::table
        .inner_join(dossiers::table.inner_join(people::table.inner_join(units::table)))
        .filter(dossier_versions::created_at.ge(from))
        .filter(dossier_versions::created_at.lt(until))
        .filter(units::path.like(under(under_path)))
        .group_by(units::path)
        .select((units::path, diesel::dsl::count_star()))
        .load(conn)?;
    for (path, n) in updated {
        by_unit.entry(path).or_default().updated = n;
    }
    let approved: Vec<(String, i64)> = reviews::table
        .inner_join(units::table.on(units::id.eq(reviews::unit_id)))
        .filter(reviews::state.eq("approved"))
        .filter(reviews::state_since.ge(from))
        .filter(reviews::state_since.lt(until))
        .filter(units::path.like(under(under_path)))
        .group_by(units::path)
        .select((units::path, diesel::dsl::count_star()))
        .load(conn)?;
    for (path, n) in approved {
        by_unit.entry(path).or_default().approved = n;
    }
    let consulted: Vec<(String, i64)> = audit_events::table
        .inner_join(units::table.on(audit_events::unit_id.eq(units::id.nullable())))
        .filter(audit_events::action.eq_any([
            "dossier.viewed",
            "dossier.exported",
            "dossier.printed",
            "dossier.attachment_downloaded",
        ]))
        .filter(audit_events::outcome.ne("denied"))
        .filter(audit_events::at.ge(from))
        .filter(audit_events::at.lt(until))
        .filter(units::path.like(under(under_path)))
        .group_by(units::path)
        .select((units::path, diesel::dsl::count_star()))
        .load(conn)?;
    for (path, n) in consulted {
        by_unit.entry(path).or_default().consulted = n;
    }
    Ok(by_unit.into_iter().collect())
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = report_jobs)]
pub struct ReportJobRow {
    pub id: String,
    pub account_id: String,
    pub kind: String,
    pub unit_id: Option<String>,
    pub as_of: NaiveDate,
    /// `running`, `done` or `failed`.
    pub status: String,
    pub done: i32,
    pub total: i32,
    /// The report as JSON, once done.
    pub result: Option<String>,
    pub error: Option<String>,
    pub created_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    /// The queued job that makes the report.
    pub job_id: Option<String>,
}

#[allow(clippy::too_many_arguments)]
pub fn insert_job_with_id(
    conn: &mut DbConnection,
    id: &str,
    account_id: &str,
    kind: &str,
    unit_id: Option<&str>,
    as_of: NaiveDate,
    at: NaiveDateTime,
    job_id: &str,
) -> StoreResult<ReportJobRow> {
    let row = ReportJobRow {
        id: id.into(),
        account_id: account_id.into(),
        kind: kind.into(),
        unit_id: unit_id.map(str::to_owned),
        as_of,
        status: "running".into(),
        done: 0,
        total: 0,
        result: None,
        error: None,
        created_at: at,
        finished_at: None,
        job_id: Some(job_id.to_owned()),
    };
    diesel::insert_into(report_jobs::table)
        .values((
            report_jobs::id.eq(&row.id),
            report_jobs::account_id.eq(&row.account_id),
            report_jobs::kind.eq(&row.kind),
            report_jobs::unit_id.eq(&row.unit_id),
            report_jobs::as_of.eq(row.as_of),
            report_jobs::status.eq(&row.status),
            report_jobs::done.eq(0),
            report_jobs::total.eq(0),
            report_jobs::created_at.eq(row.created_at),
            report_jobs::job_id.eq(&row.job_id),
        ))
        .execute(conn)?;
    Ok(row)
}

pub fn find_job(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ReportJobRow>> {
    Ok(report_jobs::table
        .find(id)
        .select(ReportJobRow::as_select())
        .first(conn)
        .optional()?)
}

/// An account's jobs, newest first.
pub fn jobs_of(conn: &mut DbConnection, account_id: &str, limit: i64) -> StoreResult<Vec<ReportJobRow>> {
    Ok(report_jobs::table
        .filter(report_jobs::account_id.eq(account_id))
        .order((report_jobs::created_at.desc(), report_jobs::id.desc()))
        .limit(limit)
        .select(ReportJobRow::as_select())
        .load(conn)?)
}

pub fn job_progress(conn: &mut DbConnection, id: &str, done: i32, total: i32) -> StoreResult<()> {
    diesel::update(report_jobs::table.find(id))
        .set((report_jobs::done.eq(done), report_jobs::total.eq(total)))
        .execute(conn)?;
    Ok(())
}

/// The job ended: with its result, or with the error that stopped it.
pub fn finish_job(
    conn: &mut DbConnection,
    id: &str,
    outcome: Result<&str, &str>,
    at: NaiveDateTime,
) -> StoreResult<()> {
    let (status, result, error) = match outcome {
        Ok(result) => ("done", Some(result), None),
        Err(error) => ("failed", None, Some(error)),
    };
    diesel::update(report_jobs::table.find(id))
        .set((
            report_jobs::status.eq(status),
            report_jobs::result.eq(result),
            report_jobs::error.eq(error),
            report_jobs::finished_at.eq(Some(at)),
        ))
        .execute(conn)?;
    Ok(())
}
