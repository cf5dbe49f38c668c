//! Service accounts of other systems (provincial portals, the data-sharing platform), which
//! obtain tokens with OAuth2 client credentials.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};
use crate::ids::new_id;
use crate::schema::api_clients;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, AsChangeset)]
#[diesel(table_name = api_clients)]
pub struct ApiClientRow {
    pub id: String,
    pub client_id: String,
    pub name: String,
    pub scopes: String,
    pub consent_reference: String,
    pub secret_hash: String,
    pub status: String,
    pub auth_version: i32,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(
    conn: &mut DbConnection,
    client_id: &str,
    name: &str,
    scopes: &str,
    consent_reference: &str,
    secret_hash: &str,
    created_by: &str,
) -> StoreResult<ApiClientRow> {
    let now = Utc::now().naive_utc();
    let row = ApiClientRow {
        id: new_id(),
        client_id: client_id.to_owned(),
        name: name.to_owned(),
        scopes: scopes.to_owned(),
        consent_reference: consent_reference.to_owned(),
        secret_hash: secret_hash.to_owned(),
        status: "active".into(),
        auth_version: 1,
        created_by: created_by.to_owned(),
        created_at: now,
        updated_at: now,
    };
    diesel::insert_into(api_clients::table)
        .values((
            api_clients::id.eq(&row.id),
            api_clients::client_id.eq(&row.client_id),
            api_clients::name.eq(&row.name),
            api_clients::scopes.eq(&row.scopes),
            api_clients::consent_reference.eq(&row.consent_reference),
            api_clients::secret_hash.eq(&row.secret_hash),
            api_clients::status.eq(&row.status),
            api_clients::auth_version.eq(row.auth_version),
            api_clients::created_by.eq(&row.created_by),
            api_clients::created_at.eq(row.created_at),
            api_clients::updated_at.eq(row.updated_at),
        ))
        .execute(conn)?;
    Ok(row)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ApiClientRow>> {
    Ok(api_clients::table
        .find(id)
        .select(ApiClientRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_client_id(conn: &mut DbConnection, client_id: &str) -> StoreResult<Option<ApiClientRow>> {
    Ok(api_clients::table
        .filter(api_clients::client_id.eq(client_id))
        .select(ApiClientRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn list(conn: &mut DbConnection) -> StoreResult<Vec<ApiClientRow>> {
    Ok(api_clients::table
        .select(ApiClientRow::as_select())
        .order(api_clients::name.asc())
        .load(conn)?)
}

/// Writes a changed client (secret rotated, revoked); `auth_version` must have been raised by
/// the caller when existing tokens are to stop working.
pub fn save(conn: &mut DbConnection, changed: &ApiClientRow) -> StoreResult<ApiClientRow> {
    let mut row = changed.clone();
    row.updated_at = Utc::now().naive_utc();
    let updated = diesel::update(api_clients::table.find(&row.id))
        .set(&row)
        .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(row)
}
