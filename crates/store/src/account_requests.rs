//! Requests from agencies to Sở Nội vụ for accounts or rights for subordinate units (ACC-7).

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};
use crate::ids::new_id;
use crate::schema::{account_requests, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, AsChangeset)]
#[diesel(table_name = account_requests, treat_none_as_null = true)]
pub struct AccountRequestRow {
    pub id: String,
    pub requested_by: String,
    pub unit_id: String,
    pub kind: String,
    pub username: String,
    pub display_name: String,
    pub rights: String,
    pub justification: String,
    pub status: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_note: Option<String>,
    pub created_account_id: Option<String>,
    pub created_at: NaiveDateTime,
}

pub struct NewAccountRequest {
    pub requested_by: String,
    pub unit_id: String,
    pub kind: String,
    pub username: String,
    pub display_name: String,
    pub rights: String,
    pub justification: String,
}

pub fn insert(conn: &mut DbConnection, new: NewAccountRequest) -> StoreResult<AccountRequestRow> {
    let row = AccountRequestRow {
        id: new_id(),
        requested_by: new.requested_by,
        unit_id: new.unit_id,
        kind: new.kind,
        username: new.username,
        display_name: new.display_name,
        rights: new.rights,
        justification: new.justification,
        status: "pending".into(),
        decided_by: None,
        decided_at: None,
        decision_note: None,
        created_account_id: None,
        created_at: Utc::now().naive_utc(),
    };
    diesel::insert_into(account_requests::table)
        .values((
            account_requests::id.eq(&row.id),
            account_requests::requested_by.eq(&row.requested_by),
            account_requests::unit_id.eq(&row.unit_id),
            account_requests::kind.eq(&row.kind),
            account_requests::username.eq(&row.username),
            account_requests::display_name.eq(&row.display_name),
            account_requests::rights.eq(&row.rights),
            account_requests::justification.eq(&row.justification),
            account_requests::status.eq(&row.status),
            account_requests::created_at.eq(row.created_at),
        ))
        .execute(conn)?;
    Ok(row)
}

/// The request with its unit's ancestry path.
pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<(AccountRequestRow, String)>> {
    Ok(account_requests::table
        .inner_join(units::table.on(units::id.eq(account_requests::unit_id)))
        .filter(account_requests::id.eq(id))
        .select((AccountRequestRow::as_select(), units::path))
        .first(conn)
        .optional()?)
}

/// Requests for units inside `within` (`None`: the province), newest first.
pub fn list(
    conn: &mut DbConnection,
    within: Option<&str>,
    status: Option<&str>,
) -> StoreResult<Vec<AccountRequestRow>> {
    let mut query = account_requests::table
        .inner_join(units::table.on(units::id.eq(account_requests::unit_id)))
        .select(AccountRequestRow::as_select())
        .order(account_requests::created_at.desc())
        .into_boxed();
    if let Some(prefix) = within {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    if let Some(status) = status {
        query = query.filter(account_requests::status.eq(status.to_owned()));
    }
    Ok(query.load(conn)?)
}

/// Records the decision, once: a request already decided is not decided again.
pub fn decide(conn: &mut DbConnection, decided: &AccountRequestRow) -> StoreResult<()> {
    let updated = diesel::update(
        account_requests::table
            .filter(account_requests::id.eq(&decided.id))
            .filter(account_requests::status.eq("pending")),
    )
    .set(decided)
    .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::StaleVersion);
    }
    Ok(())
}
