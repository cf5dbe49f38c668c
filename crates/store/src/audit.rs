//! The audit trail (SEC-7, CTX-3): append-only. This module can add and read rows; nothing can
//! change or remove them (the database refuses, by triggers).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::{audit_events, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub action: String,
    pub outcome: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub unit_id: Option<String>,
    pub subject_person_id: Option<String>,
    pub right_used: Option<String>,
    pub ip: Option<String>,
    pub request_id: Option<String>,
    pub reason: Option<String>,
    pub decision_number: Option<String>,
    pub decision_date: Option<String>,
    pub decision_signer: Option<String>,
    pub details: Option<String>,
    pub decision_document_id: Option<String>,
}

/// A new event; `at` is set by [`append`].
#[derive(Debug, Clone, Default, Insertable)]
#[diesel(table_name = audit_events)]
pub struct NewAuditEvent {
    pub at: NaiveDateTime,
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub action: String,
    pub outcome: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub unit_id: Option<String>,
    pub subject_person_id: Option<String>,
    pub right_used: Option<String>,
    pub ip: Option<String>,
    pub request_id: Option<String>,
    pub reason: Option<String>,
    pub decision_number: Option<String>,
    pub decision_date: Option<String>,
    pub decision_signer: Option<String>,
    pub details: Option<String>,
    pub decision_document_id: Option<String>,
}

pub fn append(conn: &mut DbConnection, mut event: NewAuditEvent) -> StoreResult<()> {
    event.at = chrono::Utc::now().naive_utc();
    diesel::insert_into(audit_events::table)
        .values(&event)
        .execute(conn)?;
    Ok(())
}

/// Appends an event about many people (an export): each of them finds it among the events
/// about them. Returns the event's id.
pub fn append_about_people(
    conn: &mut DbConnection,
    mut event: NewAuditEvent,
    people: &[String],
) -> StoreResult<i64> {
    event.at = chrono::Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(audit_events::table)
        .values(&event)
        .returning(audit_events::id)
        .get_result(conn)?;
    let mut unique: Vec<&String> = people.iter().collect();
    unique.sort();
    unique.dedup();
    // One statement whatever the count: the ids go in as one JSON array the database unpacks.
    let list = serde_json::to_string(&unique).expect("strings serialise");
    let sql = match conn {
        DbConnection::Sqlite(_) => {
            "INSERT INTO audit_event_people (person_id, event_id) SELECT value, ? FROM json_each(?)"
        }
        DbConnection::Postgres(_) => {
            "INSERT INTO audit_event_people (person_id, event_id) SELECT value, $1 FROM json_array_elements_text($2::json)"
        }
    };
    diesel::sql_query(sql)
        .bind::<diesel::sql_types::BigInt, _>(id)
        .bind::<diesel::sql_types::Text, _>(list)
        .execute(conn)?;
    Ok(id)
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Ancestry path the events' units must lie in; `None` for the whole province (which also
    /// shows events tied to no unit).
    pub within: Option<String>,
    pub actor_id: Option<String>,
    pub target_id: Option<String>,
    /// Events about this person: as their subject, or among the people of an export.
    pub about_person: Option<String>,
    pub unit_id: Option<String>,
    pub action: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    /// Keyset pagination: only events older than this id.
    pub before_id: Option<i64>,
    pub limit: i64,
}

/// Newest first.
pub fn list(conn: &mut DbConnection, filter: &AuditFilter) -> StoreResult<Vec<AuditRow>> {
    let mut query = audit_events::table
        .left_join(units::table.on(units::id.nullable().eq(audit_events::unit_id)))
        .select(AuditRow::as_select())
        .order(audit_events::id.desc())
        .limit(filter.limit)
        .into_boxed();
    if let Some(prefix) = &filter.within {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    if let Some(v) = &filter.actor_id {
        query = query.filter(audit_events::actor_id.eq(v.clone()));
    }
    if let Some(v) = &filter.target_id {
        query = query.filter(audit_events::target_id.eq(v.clone()));
    }
    if let Some(v) = &filter.about_person {
        use crate::schema::audit_event_people;
        let listed = audit_event_people::table
            .filter(audit_event_people::person_id.eq(v.clone()))
            .select(audit_event_people::event_id);
        query = query.filter(
            audit_events::subject_person_id
                .eq(v.clone())
                .or(audit_events::id.eq_any(listed)),
        );
    }
    if let Some(v) = &filter.unit_id {
        query = query.filter(audit_events::unit_id.eq(v.clone()));
    }
    if let Some(v) = &filter.action {
        query = query.filter(audit_events::action.eq(v.clone()));
    }
    if let Some(v) = filter.from {
        query = query.filter(audit_events::at.ge(v));
    }
    if let Some(v) = filter.until {
        query = query.filter(audit_events::at.lt(v));
    }
    if let Some(v) = filter.before_id {
        query = query.filter(audit_events::id.lt(v));
    }
    Ok(query.load(conn)?)
}
