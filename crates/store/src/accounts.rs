//! Accounts (ACC-1…5): who may sign in, as what kind, over which scope, with which rights.

use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};
use crate::ids::new_id;
use crate::schema::{accounts, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, AsChangeset)]
#[diesel(table_name = accounts, treat_none_as_null = true)]
pub struct AccountRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub kind: String,
    pub unit_id: Option<String>,
    pub person_id: Option<String>,
    pub rights: String,
    pub holder_name: Option<String>,
    pub password_hash: String,
    pub must_change_password: bool,
    pub status: String,
    pub failed_logins: i32,
    pub locked_until: Option<NaiveDateTime>,
    pub auth_version: i32,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub last_login_at: Option<NaiveDateTime>,
    /// Set when the person's service ended: the account signs in and only reads.
    pub read_only_since: Option<NaiveDate>,
}

pub const STATUS_ACTIVE: &str = "active";
pub const STATUS_LOCKED: &str = "locked";
pub const STATUS_REVOKED: &str = "revoked";

/// An account with the unit it is scoped to (none for administrators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountWithUnit {
    pub account: AccountRow,
    pub unit_path: Option<String>,
    pub unit_name: Option<String>,
}

pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub kind: String,
    pub unit_id: Option<String>,
    pub person_id: Option<String>,
    pub rights: String,
    pub holder_name: Option<String>,
    pub password_hash: String,
    pub must_change_password: bool,
}

pub fn insert(conn: &mut DbConnection, new: NewAccount) -> StoreResult<AccountRow> {
    let now = Utc::now().naive_utc();
    let row = AccountRow {
        id: new_id(),
        username: new.username,
        display_name: new.display_name,
        kind: new.kind,
        unit_id: new.unit_id,
        person_id: new.person_id,
        rights: new.rights,
        holder_name: new.holder_name,
        password_hash: new.password_hash,
        must_change_password: new.must_change_password,
        status: STATUS_ACTIVE.into(),
        failed_logins: 0,
        locked_until: None,
        auth_version: 1,
        version: 1,
        created_at: now,
        updated_at: now,
        last_login_at: None,
        read_only_since: None,
    };
    diesel::insert_into(accounts::table)
        .values((
            accounts::id.eq(&row.id),
            accounts::username.eq(&row.username),
            accounts::display_name.eq(&row.display_name),
            accounts::kind.eq(&row.kind),
            accounts::unit_id.eq(&row.unit_id),
            accounts::person_id.eq(&row.person_id),
            accounts::rights.eq(&row.rights),
            accounts::holder_name.eq(&row.holder_name),
            accounts::password_hash.eq(&row.password_hash),
            accounts::must_change_password.eq(row.must_change_password),
            accounts::status.eq(&row.status),
            accounts::failed_logins.eq(row.failed_logins),
            accounts::locked_until.eq(row.locked_until),
            accounts::auth_version.eq(row.auth_version),
            accounts::version.eq(row.version),
            accounts::created_at.eq(row.created_at),
            accounts::updated_at.eq(row.updated_at),
            accounts::last_login_at.eq(row.last_login_at),
        ))
        .execute(conn)?;
    Ok(row)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<AccountWithUnit>> {
    let found = accounts::table
        .left_join(units::table)
        .filter(accounts::id.eq(id))
        .select((
            AccountRow::as_select(),
            units::path.nullable(),
            units::name.nullable(),
        ))
        .first::<(AccountRow, Option<String>, Option<String>)>(conn)
        .optional()?;
    Ok(found.map(|(account, unit_path, unit_name)| AccountWithUnit {
        account,
        unit_path,
        unit_name,
    }))
}

/// Whether any account of this kind exists (the first run needs none to exist).
/// The name of the unit of each of these accounts that has one: how an audit line says where
/// the officer works.
pub fn unit_names(conn: &mut DbConnection, ids: &[String]) -> StoreResult<Vec<(String, String)>> {
    Ok(accounts::table
        .inner_join(units::table.on(accounts::unit_id.eq(units::id.nullable())))
        .filter(accounts::id.eq_any(ids.to_vec()))
        .select((accounts::id, units::name))
        .load(conn)?)
}

pub fn any_of_kind(conn: &mut DbConnection, kind: &str) -> StoreResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(
        accounts::table.filter(accounts::kind.eq(kind)),
    ))
    .get_result(conn)?)
}

pub fn find_by_username(conn: &mut DbConnection, username: &str) -> StoreResult<Option<AccountRow>> {
    Ok(accounts::table
        .filter(accounts::username.eq(username))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_person(conn: &mut DbConnection, person_id: &str) -> StoreResult<Option<AccountRow>> {
    Ok(accounts::table
        .filter(accounts::person_id.eq(person_id))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()?)
}

#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    /// Ancestry path the accounts' units must lie in; `None` for the whole province.
    pub within: Option<String>,
    /// Kinds the reader may see.
    pub kinds: Vec<String>,
    pub kind: Option<String>,
    pub unit_id: Option<String>,
    pub status: Option<String>,
    /// Part of the username or display name.
    pub text: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of accounts, ordered by username, and how many match in all.
pub fn list(conn: &mut DbConnection, filter: &AccountFilter) -> StoreResult<(Vec<AccountWithUnit>, i64)> {
    let query = || {
        let mut query = accounts::table
            .left_join(units::table)
            .filter(accounts::kind.eq_any(filter.kinds.clone()))
            .into_boxed();
        if let Some(prefix) = &filter.within {
            query = query.filter(units::path.like(format!("{prefix}%")));
        }
        if let Some(kind) = &filter.kind {
            query = query.filter(accounts::kind.eq(kind.clone()));
        }
        if let Some(unit_id) = &filter.unit_id {
            query = query.filter(accounts::unit_id.eq(unit_id.clone()));
        }
        if let Some(status) = &filter.status {
            query = query.filter(accounts::status.eq(status.clone()));
        }
        if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let pattern = format!("%{}%", text.replace(['%', '_'], ""));
            query = query.filter(
                accounts::username
                    .like(pattern.clone())
                    .or(accounts::display_name.like(pattern)),
            );
        }
        query
    };
    let total: i64 = query().count().get_result(conn)?;
    let rows = query()
        .select((
            AccountRow::as_select(),
            units::path.nullable(),
            units::name.nullable(),
        ))
        .order(accounts::username.asc())
        .limit(filter.limit)
        .offset(filter.offset)
        .load::<(AccountRow, Option<String>, Option<String>)>(conn)?;
    let rows = rows
        .into_iter()
        .map(|(account, unit_path, unit_name)| AccountWithUnit {
            account,
            unit_path,
            unit_name,
        })
        .collect();
    Ok((rows, total))
}

/// Writes a changed account if nobody changed it since `expected_version` was read; the
/// version then moves on by one. A stale write is refused, never applied (optimistic lock).
pub fn save(conn: &mut DbConnection, changed: &AccountRow, expected_version: i32) -> StoreResult<AccountRow> {
    let mut row = changed.clone();
    row.version = expected_version + 1;
    row.updated_at = Utc::now().naive_utc();
    let updated = diesel::update(
        accounts::table
            .filter(accounts::id.eq(&row.id))
            .filter(accounts::version.eq(expected_version)),
    )
    .set(&row)
    .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::StaleVersion);
    }
    Ok(row)
}

/// Sign-in bookkeeping, outside the edit version so a failed sign-in never makes an
/// administrator's edit stale.
pub fn record_sign_in(
    conn: &mut DbConnection,
    id: &str,
    failed_logins: i32,
    locked_until: Option<NaiveDateTime>,
    last_login_at: Option<NaiveDateTime>,
) -> StoreResult<()> {
    diesel::update(accounts::table.find(id))
        .set((
            accounts::failed_logins.eq(failed_logins),
            accounts::locked_until.eq(locked_until),
            accounts::last_login_at.eq(last_login_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// An account's recent failed sign-ins over every address and the latest refusal in force, as
/// administrators see them; the last successful sign-in stays as it was.
pub fn record_failures(
    conn: &mut DbConnection,
    id: &str,
    failed_logins: i32,
    locked_until: Option<NaiveDateTime>,
) -> StoreResult<()> {
    diesel::update(accounts::table.find(id))
        .set((
            accounts::failed_logins.eq(failed_logins),
            accounts::locked_until.eq(locked_until),
        ))
        .execute(conn)?;
    Ok(())
}

/// The personal account of a person whose service ended (TRF-4, TRF-5, SEC-3): from `since`
/// it only reads — their dossier and access log stay theirs — and every token it holds stops
/// working at the next request (a new sign-in gets the read-only session).
pub fn make_personal_read_only(
    conn: &mut DbConnection,
    person_id: &str,
    since: NaiveDate,
) -> StoreResult<()> {
    diesel::update(accounts::table.filter(accounts::person_id.eq(person_id)))
        .set((
            accounts::read_only_since.eq(since),
            accounts::auth_version.eq(accounts::auth_version + 1),
            accounts::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Closes the personal account of a person who died: revoked, and every token it holds stops
/// working at the next request.
pub fn close_personal(conn: &mut DbConnection, person_id: &str) -> StoreResult<()> {
    diesel::update(accounts::table.filter(accounts::person_id.eq(person_id)))
        .set((
            accounts::status.eq(STATUS_REVOKED),
            accounts::auth_version.eq(accounts::auth_version + 1),
            accounts::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}
