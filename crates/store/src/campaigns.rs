//! Update campaigns and in-app notifications (issue #6).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::ids::new_id;
use crate::schema::{campaigns, notifications, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = campaigns)]
pub struct CampaignRow {
    pub id: String,
    pub unit_id: String,
    pub title: String,
    /// JSON array of section names.
    pub sections: String,
    /// JSON array of person ids; empty for everyone under the unit.
    pub person_ids: String,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

pub struct NewCampaign<'a> {
    pub unit_id: &'a str,
    pub title: &'a str,
    pub sections: &'a str,
    pub person_ids: &'a str,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub created_by: &'a str,
    pub at: NaiveDateTime,
}

pub fn create(conn: &mut DbConnection, new: NewCampaign<'_>) -> StoreResult<CampaignRow> {
    let row = CampaignRow {
        id: new_id(),
        unit_id: new.unit_id.into(),
        title: new.title.into(),
        sections: new.sections.into(),
        person_ids: new.person_ids.into(),
        opens_on: new.opens_on,
        closes_on: new.closes_on,
        created_by: new.created_by.into(),
        created_at: new.at,
    };
    diesel::insert_into(campaigns::table)
        .values((
            campaigns::id.eq(&row.id),
            campaigns::unit_id.eq(&row.unit_id),
            campaigns::title.eq(&row.title),
            campaigns::sections.eq(&row.sections),
            campaigns::person_ids.eq(&row.person_ids),
            campaigns::opens_on.eq(row.opens_on),
            campaigns::closes_on.eq(row.closes_on),
            campaigns::created_by.eq(&row.created_by),
            campaigns::created_at.eq(row.created_at),
        ))
        .execute(conn)?;
    Ok(row)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<(CampaignRow, String, String)>> {
    Ok(campaigns::table
        .inner_join(units::table)
        .filter(campaigns::id.eq(id))
        .select((CampaignRow::as_select(), units::name, units::path))
        .first(conn)
        .optional()?)
}

/// Campaigns of units under `within` (all when `None`), still open on `on` if given, newest
/// first; with the unit's name and path.
pub fn list(
    conn: &mut DbConnection,
    within: Option<&str>,
    open_on: Option<NaiveDate>,
) -> StoreResult<Vec<(CampaignRow, String, String)>> {
    let mut query = campaigns::table
        .inner_join(units::table)
        .select((CampaignRow::as_select(), units::name, units::path))
        .order(campaigns::created_at.desc())
        .into_boxed();
    if let Some(prefix) = within {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    if let Some(day) = open_on {
        query = query
            .filter(campaigns::opens_on.le(day))
            .filter(campaigns::closes_on.ge(day));
    }
    Ok(query.load(conn)?)
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: String,
    pub account_id: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub link: Option<String>,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

pub fn notify(
    conn: &mut DbConnection,
    account_id: &str,
    kind: &str,
    title: &str,
    body: &str,
    link: Option<&str>,
    at: NaiveDateTime,
) -> StoreResult<()> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::id.eq(new_id()),
            notifications::account_id.eq(account_id),
            notifications::kind.eq(kind),
            notifications::title.eq(title),
            notifications::body.eq(body),
            notifications::link.eq(link),
            notifications::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// An account's notifications, newest first.
pub fn notifications_of(
    conn: &mut DbConnection,
    account_id: &str,
    limit: i64,
) -> StoreResult<Vec<NotificationRow>> {
    Ok(notifications::table
        .filter(notifications::account_id.eq(account_id))
        .order((notifications::created_at.desc(), notifications::id.desc()))
        .limit(limit)
        .select(NotificationRow::as_select())
        .load(conn)?)
}

/// Marks one of the account's notifications read; false when it is not theirs.
pub fn mark_read(
    conn: &mut DbConnection,
    account_id: &str,
    id: &str,
    at: NaiveDateTime,
) -> StoreResult<bool> {
    let changed = diesel::update(
        notifications::table
            .filter(notifications::id.eq(id))
            .filter(notifications::account_id.eq(account_id)),
    )
    .set(notifications::read_at.eq(at))
    .execute(conn)?;
    Ok(changed > 0)
}
