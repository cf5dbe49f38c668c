//! Counters of failed sign-ins per (account, client address) and per client address (issue #19,
//! defect 3). The policy — how many failures lock, for how long, when a counter starts over — is
//! `hoso_domain::password`; this module only keeps the counts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::{accounts, sign_in_throttles, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = sign_in_throttles, treat_none_as_null = true)]
pub struct ThrottleRow {
    pub throttle_key: String,
    pub account_id: Option<String>,
    pub address: String,
    pub failures: i32,
    pub first_failure_at: NaiveDateTime,
    pub last_failure_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
}

impl ThrottleRow {
    pub fn locked_at(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        self.locked_until.filter(|until| *until > now)
    }
}

/// The counter of one account's failures from one address.
pub fn account_key(account_id: &str, address: &str) -> String {
    format!("account:{account_id}@{address}")
}

/// The counter of one username no account has, from one address (counted like an account, so
/// that refusals do not tell which usernames exist).
pub fn name_key(username: &str, address: &str) -> String {
    format!("name:{}@{address}", username.to_lowercase())
}

/// Whether the counter is an address's, whatever the username.
pub fn is_address_key(key: &str) -> bool {
    key.starts_with("address:")
}

/// The counter of every failure from one address, whatever the username.
pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

pub fn find(conn: &mut DbConnection, key: &str) -> StoreResult<Option<ThrottleRow>> {
    Ok(sign_in_throttles::table
        .find(key)
        .select(ThrottleRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores the counter as the caller computed it (inside the caller's write transaction).
pub fn save(conn: &mut DbConnection, row: &ThrottleRow) -> StoreResult<()> {
    let updated = diesel::update(sign_in_throttles::table.find(&row.throttle_key))
        .set(row)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(sign_in_throttles::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Forgets one counter (the right password from that address).
pub fn clear(conn: &mut DbConnection, key: &str) -> StoreResult<()> {
    diesel::delete(sign_in_throttles::table.find(key)).execute(conn)?;
    Ok(())
}

/// Forgets every counter of an account (an administrator unlocked it).
pub fn clear_account(conn: &mut DbConnection, account_id: &str) -> StoreResult<usize> {
    Ok(
        diesel::delete(sign_in_throttles::table.filter(sign_in_throttles::account_id.eq(account_id)))
            .execute(conn)?,
    )
}

/// The account's counters (one per address) with a failure since `since`.
pub fn of_account(
    conn: &mut DbConnection,
    account_id: &str,
    since: NaiveDateTime,
) -> StoreResult<Vec<ThrottleRow>> {
    Ok(sign_in_throttles::table
        .filter(sign_in_throttles::account_id.eq(account_id))
        .filter(sign_in_throttles::last_failure_at.ge(since))
        .select(ThrottleRow::as_select())
        .load(conn)?)
}

/// A counter with what an administrator needs to judge it: the account and its unit's path.
#[derive(Debug, Clone, Queryable)]
pub struct ThrottleWithAccount {
    pub throttle: ThrottleRow,
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub kind: Option<String>,
    pub unit_path: Option<String>,
}

/// Every counter with a failure since `since`, newest first (a handful: counters start over
/// after an hour and a success clears its own).
pub fn recent(conn: &mut DbConnection, since: NaiveDateTime) -> StoreResult<Vec<ThrottleWithAccount>> {
    Ok(sign_in_throttles::table
        .left_join(accounts::table.left_join(units::table))
        .filter(sign_in_throttles::last_failure_at.ge(since))
        .order((
            sign_in_throttles::last_failure_at.desc(),
            sign_in_throttles::throttle_key,
        ))
        .select((
            ThrottleRow::as_select(),
            accounts::username.nullable(),
            accounts::display_name.nullable(),
            accounts::kind.nullable(),
            units::path.nullable(),
        ))
        .load(conn)?)
}

/// Removes counters quiet since `before` and not locked any more (kept small by sign-in itself).
pub fn prune(conn: &mut DbConnection, before: NaiveDateTime) -> StoreResult<usize> {
    Ok(diesel::delete(
        sign_in_throttles::table
            .filter(sign_in_throttles::last_failure_at.lt(before))
            .filter(
                sign_in_throttles::locked_until
                    .is_null()
                    .or(sign_in_throttles::locked_until.lt(before)),
            ),
    )
    .execute(conn)?)
}
