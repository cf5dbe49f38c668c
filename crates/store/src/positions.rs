//! Job positions of units (ORG-3) and their current holders.

use chrono::Utc;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::ids::new_id;
use crate::people::PersonRow;
use crate::schema::{job_positions, people};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = job_positions)]
pub struct PositionRow {
    pub id: String,
    pub unit_id: String,
    pub code: String,
    pub name: String,
    pub position_group: String,
    pub required_grade: Option<String>,
    pub posts: i32,
    pub created_at: chrono::NaiveDateTime,
}

pub struct NewPosition<'a> {
    pub unit_id: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub group: &'a str,
    pub required_grade: Option<&'a str>,
    pub posts: i32,
}

pub fn insert(conn: &mut DbConnection, new: NewPosition<'_>) -> StoreResult<PositionRow> {
    let row = PositionRow {
        id: new_id(),
        unit_id: new.unit_id.to_owned(),
        code: new.code.to_owned(),
        name: new.name.to_owned(),
        position_group: new.group.to_owned(),
        required_grade: new.required_grade.map(str::to_owned),
        posts: new.posts,
        created_at: Utc::now().naive_utc(),
    };
    diesel::insert_into(job_positions::table)
        .values((
            job_positions::id.eq(&row.id),
            job_positions::unit_id.eq(&row.unit_id),
            job_positions::code.eq(&row.code),
            job_positions::name.eq(&row.name),
            job_positions::position_group.eq(&row.position_group),
            job_positions::required_grade.eq(&row.required_grade),
            job_positions::posts.eq(row.posts),
            job_positions::created_at.eq(row.created_at),
        ))
        .execute(conn)?;
    Ok(row)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<PositionRow>> {
    Ok(job_positions::table
        .find(id)
        .select(PositionRow::as_select())
        .first(conn)
        .optional()?)
}

/// The unit's positions by code.
pub fn in_unit(conn: &mut DbConnection, unit_id: &str) -> StoreResult<Vec<PositionRow>> {
    Ok(job_positions::table
        .filter(job_positions::unit_id.eq(unit_id))
        .select(PositionRow::as_select())
        .order(job_positions::code.asc())
        .load(conn)?)
}

/// Every unit's positions, by unit then code.
pub fn all(conn: &mut DbConnection) -> StoreResult<Vec<PositionRow>> {
    under(conn, None)
}

/// The positions of the units under `under_path` (every unit when `None`), by unit then code.
pub fn under(conn: &mut DbConnection, under_path: Option<&str>) -> StoreResult<Vec<PositionRow>> {
    use crate::schema::units;
    let mut query = job_positions::table
        .inner_join(units::table)
        .select(PositionRow::as_select())
        .order((job_positions::unit_id.asc(), job_positions::code.asc()))
        .into_boxed();
    if let Some(prefix) = under_path {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    Ok(query.load(conn)?)
}

/// How many people in service hold each position: (position id, holders).
pub fn holder_counts(conn: &mut DbConnection) -> StoreResult<Vec<(String, i64)>> {
    let counts: Vec<(Option<String>, i64)> = people::table
        .filter(people::position_id.is_not_null())
        .filter(people::service_status.eq_any(hoso_domain::transfer::IN_SERVICE))
        .group_by(people::position_id)
        .select((people::position_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(counts
        .into_iter()
        .filter_map(|(id, n)| id.map(|id| (id, n)))
        .collect())
}

/// The unit's post with this code.
pub fn find_by_code(conn: &mut DbConnection, unit_id: &str, code: &str) -> StoreResult<Option<PositionRow>> {
    Ok(job_positions::table
        .filter(job_positions::unit_id.eq(unit_id))
        .filter(job_positions::code.eq(code))
        .select(PositionRow::as_select())
        .first(conn)
        .optional()?)
}

/// The unit's positions by code, each with its current holders.
pub fn of_unit(conn: &mut DbConnection, unit_id: &str) -> StoreResult<Vec<(PositionRow, Vec<PersonRow>)>> {
    let positions = in_unit(conn, unit_id)?;
    let mut result = Vec::with_capacity(positions.len());
    for position in positions {
        let holders = people::table
            .filter(people::position_id.eq(&position.id))
            .select(PersonRow::as_select())
            .order(people::full_name.asc())
            .load(conn)?;
        result.push((position, holders));
    }
    Ok(result)
}

/// The person holds this position from now on (or none).
pub fn assign(conn: &mut DbConnection, person_id: &str, position_id: Option<&str>) -> StoreResult<()> {
    diesel::update(people::table.find(person_id))
        .set(people::position_id.eq(position_id))
        .execute(conn)?;
    Ok(())
}
