//! Facts about the deployment itself, as keys and values.

use chrono::Utc;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::system_meta;

/// Set when `hoso seed-demo` has loaded the demo province; the SPA then warns every user that
/// the data is not real.
pub const DEMO_DATA_KEY: &str = "demo_data_loaded_at";

/// The deployment's regulation profile, as JSON (`hoso_domain::regulation::RegulationProfile`).
pub const REGULATION_PROFILE_KEY: &str = "regulation_profile";

pub fn get(conn: &mut DbConnection, key: &str) -> StoreResult<Option<String>> {
    Ok(system_meta::table
        .find(key)
        .select(system_meta::value)
        .first::<String>(conn)
        .optional()?)
}

/// Inserts or replaces the value of `key` (the last writer's value stays).
pub fn set(conn: &mut DbConnection, key: &str, value: &str) -> StoreResult<()> {
    let now = Utc::now().naive_utc();
    conn.transaction(|conn| {
        let update = |conn: &mut DbConnection| {
            diesel::update(system_meta::table.find(key))
                .set((system_meta::value.eq(value), system_meta::updated_at.eq(now)))
                .execute(conn)
        };
        if update(conn)? == 0 && !insert_if_absent(conn, key, value)? {
            // Another writer inserted it between the two statements: replace theirs.
            update(conn)?;
        }
        Ok(())
    })
}

/// Sets `key` only if it has no value yet; `false` when one was there (another writer's, kept).
pub fn insert_if_absent(conn: &mut DbConnection, key: &str, value: &str) -> diesel::QueryResult<bool> {
    let now = Utc::now().naive_utc();
    conn.insert_unless_taken(|conn| {
        diesel::insert_into(system_meta::table)
            .values((
                system_meta::key.eq(key),
                system_meta::value.eq(value),
                system_meta::updated_at.eq(now),
            ))
            .execute(conn)
    })
}

pub fn delete(conn: &mut DbConnection, key: &str) -> StoreResult<()> {
    diesel::delete(system_meta::table.find(key)).execute(conn)?;
    Ok(())
}
