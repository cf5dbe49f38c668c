//! Organisation units, as far as accounts need them: identity, parent and ancestry path.

use chrono::Utc;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::ids::new_id;
use crate::schema::units;

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
}

pub fn insert(
    conn: &mut DbConnection,
    code: &str,
    name: &str,
    kind: &str,
    parent: Option<&UnitRow>,
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
    Ok(row)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<UnitRow>> {
    Ok(units::table
        .find(id)
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
