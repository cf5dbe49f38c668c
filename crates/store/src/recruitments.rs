//! Recruitments (ACC-6, DOS-1): the decision or labour contract by which a person entered
//! service, and the day their personal account is due.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::{accounts, dossiers, people, recruitments, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = recruitments)]
pub struct RecruitmentRow {
    pub id: String,
    pub person_id: String,
    pub unit_id: String,
    pub job_position_id: Option<String>,
    pub category: String,
    /// `decision` or `contract`.
    pub basis: String,
    pub decision_number: String,
    pub decision_date: NaiveDate,
    pub decision_signer: String,
    pub decision_document_id: String,
    pub account_due_on: NaiveDate,
    pub recruited_by: String,
    pub recruited_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &RecruitmentRow) -> StoreResult<()> {
    diesel::insert_into(recruitments::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// A recruitment as the lists show it: the person's name and dossier, their unit now, and
/// whether their personal account exists.
#[derive(Debug, Clone)]
pub struct RecruitmentListed {
    pub recruitment: RecruitmentRow,
    pub full_name: String,
    pub dossier_id: String,
    pub dossier_number: String,
    pub unit_id: String,
    pub unit_name: String,
    pub unit_path: String,
    pub account_id: Option<String>,
}

/// Recruitments of people now managed by units inside `within` (`None`: the province), the
/// earliest account deadline first; `without_account` keeps those still waiting for theirs.
pub fn list(
    conn: &mut DbConnection,
    within: Option<&str>,
    under_path: Option<&str>,
    without_account: bool,
    limit: i64,
) -> StoreResult<Vec<RecruitmentListed>> {
    let mut query = recruitments::table
        .inner_join(people::table)
        .inner_join(units::table.on(units::id.eq(people::unit_id)))
        .inner_join(dossiers::table.on(dossiers::person_id.eq(people::id)))
        .left_join(accounts::table.on(accounts::person_id.eq(people::id.nullable())))
        .select((
            RecruitmentRow::as_select(),
            people::full_name,
            dossiers::id,
            dossiers::dossier_number,
            units::id,
            units::name,
            units::path,
            accounts::id.nullable(),
        ))
        .order((recruitments::account_due_on.asc(), people::full_name.asc()))
        .limit(limit)
        .into_boxed();
    for prefix in [within, under_path].into_iter().flatten() {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    if without_account {
        query = query.filter(accounts::id.is_null());
    }
    type Row = (
        RecruitmentRow,
        String,
        String,
        String,
        String,
        String,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = query.load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(
                recruitment,
                full_name,
                dossier_id,
                dossier_number,
                unit_id,
                unit_name,
                unit_path,
                account_id,
            )| RecruitmentListed {
                recruitment,
                full_name,
                dossier_id,
                dossier_number,
                unit_id,
                unit_name,
                unit_path,
                account_id,
            },
        )
        .collect())
}
