//! Refresh tokens, stored only as hashes. Each use rotates the token; presenting a token that
//! was already rotated means it leaked, and ends its whole family.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::ids::new_id;
use crate::schema::refresh_tokens;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshTokenRow {
    pub id: String,
    pub account_id: String,
    pub family_id: String,
    pub token_hash: String,
    pub issued_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

pub fn insert(
    conn: &mut DbConnection,
    account_id: &str,
    family_id: &str,
    token_hash: &str,
    expires_at: NaiveDateTime,
) -> StoreResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(new_id()),
            refresh_tokens::account_id.eq(account_id),
            refresh_tokens::family_id.eq(family_id),
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::issued_at.eq(Utc::now().naive_utc()),
            refresh_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find_by_hash(conn: &mut DbConnection, token_hash: &str) -> StoreResult<Option<RefreshTokenRow>> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshTokenRow::as_select())
        .first(conn)
        .optional()?)
}

/// Marks the token spent; false when it already was (a concurrent or repeated use).
pub fn revoke(conn: &mut DbConnection, id: &str) -> StoreResult<bool> {
    let updated = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Whether a sign-in is still on: a token of its family is neither revoked nor expired (signing
/// out and a reused token revoke the whole family; rotation keeps one alive).
pub fn sign_in_active(conn: &mut DbConnection, family_id: &str, account_id: &str) -> StoreResult<bool> {
    let alive: i64 = refresh_tokens::table
        .filter(refresh_tokens::family_id.eq(family_id))
        .filter(refresh_tokens::account_id.eq(account_id))
        .filter(refresh_tokens::revoked_at.is_null())
        .filter(refresh_tokens::expires_at.gt(Utc::now().naive_utc()))
        .count()
        .get_result(conn)?;
    Ok(alive > 0)
}

pub fn revoke_family(conn: &mut DbConnection, family_id: &str) -> StoreResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    Ok(())
}

/// Ends every session of an account (revoked, locked, password reset, handed over).
pub fn revoke_all_for_account(conn: &mut DbConnection, account_id: &str) -> StoreResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::account_id.eq(account_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    Ok(())
}
