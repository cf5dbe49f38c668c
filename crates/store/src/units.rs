//! Organisation units, as far as accounts need them: identity, parent and ancestry path.

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};
use crate::ids::new_id;
use crate::schema::{unit_events, unit_lineage, unit_versions, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = units)]
pub struct UnitRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<String>,
    pub path: String,
    pub created_at: chrono::NaiveDateTime,
    pub ended_on: Option<NaiveDate>,
}

/// A new unit existing from `valid_from`, with its first version.
pub fn insert(
    conn: &mut DbConnection,
    code: &str,
    name: &str,
    kind: &str,
    parent: Option<&UnitRow>,
    valid_from: NaiveDate,
    event_id: Option<&str>,
) -> StoreResult<UnitRow> {
    let id = new_id();
    let path = match parent {
        Some(parent) => format!("{}{id}/", parent.path),
        None => format!("/{id}/"),
    };
    let row = UnitRow {
        id,
        code: code.to_owned(),
        name: name.to_owned(),
        kind: kind.to_owned(),
        parent_id: parent.map(|p| p.id.clone()),
        path,
        created_at: Utc::now().naive_utc(),
        ended_on: None,
    };
    diesel::insert_into(units::table)
        .values((
            units::id.eq(&row.id),
            units::code.eq(&row.code),
            units::name.eq(&row.name),
            units::kind.eq(&row.kind),
            units::parent_id.eq(&row.parent_id),
            units::path.eq(&row.path),
            units::created_at.eq(row.created_at),
        ))
        .execute(conn)?;
    open_version(
        conn,
        &row.id,
        name,
        row.parent_id.as_deref(),
        valid_from,
        event_id,
    )?;
    Ok(row)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<UnitRow>> {
    Ok(units::table
        .find(id)
        .select(UnitRow::as_select())
        .first(conn)
        .optional()?)
}

/// The root of the tree (the province), while it exists.
pub fn root(conn: &mut DbConnection) -> StoreResult<Option<UnitRow>> {
    Ok(units::table
        .filter(units::parent_id.is_null())
        .filter(units::ended_on.is_null())
        .select(UnitRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_code(conn: &mut DbConnection, code: &str) -> StoreResult<Option<UnitRow>> {
    Ok(units::table
        .filter(units::code.eq(code))
        .select(UnitRow::as_select())
        .first(conn)
        .optional()?)
}

/// Units inside `within` (an ancestry path; `None` for the whole province), tree order.
pub fn list_within(conn: &mut DbConnection, within: Option<&str>) -> StoreResult<Vec<UnitRow>> {
    let mut query = units::table
        .select(UnitRow::as_select())
        .order(units::path.asc())
        .into_boxed();
    if let Some(prefix) = within {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    Ok(query.load(conn)?)
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = unit_versions)]
pub struct UnitVersionRow {
    pub id: String,
    pub unit_id: String,
    pub name: String,
    pub parent_id: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub event_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = unit_events)]
pub struct UnitEventRow {
    pub id: String,
    pub kind: String,
    pub effective_date: NaiveDate,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: Option<String>,
    pub document_id: Option<String>,
    pub reason: String,
    pub actor_id: Option<String>,
    pub created_at: chrono::NaiveDateTime,
}

pub struct NewUnitEvent<'a> {
    pub kind: &'a str,
    pub effective_date: NaiveDate,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: Option<String>,
    pub document_id: Option<String>,
    pub reason: String,
    pub actor_id: Option<String>,
}

pub fn record_event(conn: &mut DbConnection, event: NewUnitEvent<'_>) -> StoreResult<String> {
    let id = new_id();
    diesel::insert_into(unit_events::table)
        .values((
            unit_events::id.eq(&id),
            unit_events::kind.eq(event.kind),
            unit_events::effective_date.eq(event.effective_date),
            unit_events::decision_number.eq(event.decision_number),
            unit_events::decision_date.eq(event.decision_date),
            unit_events::decision_signer.eq(event.decision_signer),
            unit_events::document_id.eq(event.document_id),
            unit_events::reason.eq(event.reason),
            unit_events::actor_id.eq(event.actor_id),
            unit_events::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

fn open_version(
    conn: &mut DbConnection,
    unit_id: &str,
    name: &str,
    parent_id: Option<&str>,
    valid_from: NaiveDate,
    event_id: Option<&str>,
) -> StoreResult<()> {
    diesel::insert_into(unit_versions::table)
        .values((
            unit_versions::id.eq(new_id()),
            unit_versions::unit_id.eq(unit_id),
            unit_versions::name.eq(name),
            unit_versions::parent_id.eq(parent_id),
            unit_versions::valid_from.eq(valid_from),
            unit_versions::event_id.eq(event_id),
        ))
        .execute(conn)?;
    Ok(())
}

/// Ends the unit's current version the day before `from` (i.e. `valid_to = from`).
fn close_current_version(conn: &mut DbConnection, unit_id: &str, from: NaiveDate) -> StoreResult<()> {
    let closed = diesel::update(
        unit_versions::table
            .filter(unit_versions::unit_id.eq(unit_id))
            .filter(unit_versions::valid_to.is_null()),
    )
    .set(unit_versions::valid_to.eq(Some(from)))
    .execute(conn)?;
    if closed != 1 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// The day the unit came into being: the start of its first version.
pub fn founded_on(conn: &mut DbConnection, unit_id: &str) -> StoreResult<NaiveDate> {
    Ok(unit_versions::table
        .filter(unit_versions::unit_id.eq(unit_id))
        .select(unit_versions::valid_from)
        .order(unit_versions::valid_from.asc())
        .first(conn)?)
}

/// The start of the unit's current version.
pub fn current_since(conn: &mut DbConnection, unit_id: &str) -> StoreResult<NaiveDate> {
    Ok(unit_versions::table
        .filter(unit_versions::unit_id.eq(unit_id))
        .filter(unit_versions::valid_to.is_null())
        .select(unit_versions::valid_from)
        .first(conn)?)
}

/// A new name from `from` on; the old one stays in the unit's history.
pub fn rename(
    conn: &mut DbConnection,
    unit: &UnitRow,
    name: &str,
    from: NaiveDate,
    event_id: &str,
) -> StoreResult<()> {
    close_current_version(conn, &unit.id, from)?;
    open_version(
        conn,
        &unit.id,
        name,
        unit.parent_id.as_deref(),
        from,
        Some(event_id),
    )?;
    diesel::update(units::table.find(&unit.id))
        .set(units::name.eq(name))
        .execute(conn)?;
    Ok(())
}

/// Moves the unit (and its whole subtree) under `parent` from `from` on: its version history
/// records the old parent, and the ancestry paths of every unit below it are rewritten, so
/// scopes follow at once.
pub fn move_under(
    conn: &mut DbConnection,
    unit: &UnitRow,
    parent: &UnitRow,
    from: NaiveDate,
    event_id: &str,
) -> StoreResult<()> {
    let current_name = current_name(conn, &unit.id)?;
    close_current_version(conn, &unit.id, from)?;
    open_version(
        conn,
        &unit.id,
        &current_name,
        Some(&parent.id),
        from,
        Some(event_id),
    )?;
    let new_path = format!("{}{}/", parent.path, unit.id);
    let subtree: Vec<(String, String)> = units::table
        .filter(units::path.like(format!("{}%", unit.path)))
        .select((units::id, units::path))
        .load(conn)?;
    for (id, path) in subtree {
        let rewritten = format!("{new_path}{}", &path[unit.path.len()..]);
        diesel::update(units::table.find(&id))
            .set(units::path.eq(rewritten))
            .execute(conn)?;
    }
    diesel::update(units::table.find(&unit.id))
        .set(units::parent_id.eq(Some(&parent.id)))
        .execute(conn)?;
    Ok(())
}

/// The unit no longer exists from `from` on (dissolved or merged away).
pub fn end(conn: &mut DbConnection, unit: &UnitRow, from: NaiveDate) -> StoreResult<()> {
    close_current_version(conn, &unit.id, from)?;
    diesel::update(units::table.find(&unit.id))
        .set(units::ended_on.eq(Some(from)))
        .execute(conn)?;
    Ok(())
}

pub fn record_lineage(
    conn: &mut DbConnection,
    event_id: &str,
    from_unit: &str,
    to_unit: &str,
) -> StoreResult<()> {
    diesel::insert_into(unit_lineage::table)
        .values((
            unit_lineage::event_id.eq(event_id),
            unit_lineage::from_unit_id.eq(from_unit),
            unit_lineage::to_unit_id.eq(to_unit),
        ))
        .execute(conn)?;
    Ok(())
}

fn current_name(conn: &mut DbConnection, unit_id: &str) -> StoreResult<String> {
    Ok(unit_versions::table
        .filter(unit_versions::unit_id.eq(unit_id))
        .filter(unit_versions::valid_to.is_null())
        .select(unit_versions::name)
        .first(conn)?)
}

/// The units that existed on `date`, with the name and parent they had then, inside `within`
/// (current ancestry path; `None` for the province), tree order.
pub fn list_as_of(
    conn: &mut DbConnection,
    date: NaiveDate,
    within: Option<&str>,
) -> StoreResult<Vec<(UnitRow, UnitVersionRow)>> {
    let mut query = units::table
        .inner_join(unit_versions::table.on(unit_versions::unit_id.eq(units::id)))
        .filter(unit_versions::valid_from.le(date))
        .filter(
            unit_versions::valid_to
                .is_null()
                .or(unit_versions::valid_to.gt(date)),
        )
        .select((UnitRow::as_select(), UnitVersionRow::as_select()))
        .order(units::path.asc())
        .into_boxed();
    if let Some(prefix) = within {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    Ok(query.load(conn)?)
}

/// Every version of a unit, oldest first, with the event that began each.
pub fn history(
    conn: &mut DbConnection,
    unit_id: &str,
) -> StoreResult<Vec<(UnitVersionRow, Option<UnitEventRow>)>> {
    Ok(unit_versions::table
        .left_join(unit_events::table.on(unit_events::id.nullable().eq(unit_versions::event_id)))
        .filter(unit_versions::unit_id.eq(unit_id))
        .select((UnitVersionRow::as_select(), Option::<UnitEventRow>::as_select()))
        .order(unit_versions::valid_from.asc())
        .load(conn)?)
}

/// The units this one became (merged into) and those it came from.
pub fn lineage(conn: &mut DbConnection, unit_id: &str) -> StoreResult<(Vec<String>, Vec<String>)> {
    let became = unit_lineage::table
        .filter(unit_lineage::from_unit_id.eq(unit_id))
        .select(unit_lineage::to_unit_id)
        .load(conn)?;
    let came_from = unit_lineage::table
        .filter(unit_lineage::to_unit_id.eq(unit_id))
        .select(unit_lineage::from_unit_id)
        .load(conn)?;
    Ok((became, came_from))
}

/// Current sub-units directly below the unit.
pub fn current_children(conn: &mut DbConnection, unit_id: &str) -> StoreResult<Vec<UnitRow>> {
    Ok(units::table
        .filter(units::parent_id.eq(unit_id))
        .filter(units::ended_on.is_null())
        .select(UnitRow::as_select())
        .load(conn)?)
}
