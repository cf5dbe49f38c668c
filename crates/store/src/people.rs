//! People: one per employee, for life. The dossier capability hangs the dossier's content on
//! this identity.

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::ids::new_id;
use crate::schema::{people, person_categories, person_placements, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = people)]
pub struct PersonRow {
    pub id: String,
    pub full_name: String,
    pub unit_id: String,
    pub created_at: chrono::NaiveDateTime,
    /// `civil_servant`, `public_employee` or `contract_worker`.
    pub category: String,
    /// The job position held now.
    pub position_id: Option<String>,
    /// `active`, `seconded`, or how service ended (TRF-5); see `hoso_domain::transfer`.
    pub service_status: String,
}

pub fn insert(conn: &mut DbConnection, full_name: &str, unit_id: &str) -> StoreResult<PersonRow> {
    insert_in_category(conn, full_name, unit_id, "public_employee")
}

pub fn insert_in_category(
    conn: &mut DbConnection,
    full_name: &str,
    unit_id: &str,
    category: &str,
) -> StoreResult<PersonRow> {
    let today = Utc::now().date_naive();
    insert_with(conn, full_name, unit_id, &CategoryPeriod::plain(category, today))
}

/// A new person in `unit_id`, in the category of `period` from its first day (placed there
/// from the same day).
pub fn insert_with(
    conn: &mut DbConnection,
    full_name: &str,
    unit_id: &str,
    period: &CategoryPeriod,
) -> StoreResult<PersonRow> {
    let category = period.category.as_str();
    let row = PersonRow {
        id: new_id(),
        full_name: full_name.to_owned(),
        unit_id: unit_id.to_owned(),
        created_at: Utc::now().naive_utc(),
        category: category.to_owned(),
        position_id: None,
        service_status: "active".into(),
    };
    diesel::insert_into(people::table)
        .values((
            people::id.eq(&row.id),
            people::full_name.eq(&row.full_name),
            people::search_name.eq(hoso_domain::text::fold(&row.full_name)),
            people::unit_id.eq(&row.unit_id),
            people::created_at.eq(row.created_at),
            people::category.eq(&row.category),
        ))
        .execute(conn)?;
    open_placement(conn, &row.id, unit_id, period.valid_from)?;
    insert_category(conn, &row.id, period)?;
    Ok(row)
}

/// A period of a person's employment category (ORG-2) and the decision that began it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Queryable, Selectable, Insertable)]
#[diesel(table_name = person_categories)]
pub struct CategoryPeriod {
    /// `civil_servant`, `public_employee` or `contract_worker`.
    pub category: String,
    /// `contract_types` code, for contract workers.
    pub contract_type: Option<String>,
    pub contract_ends_on: Option<NaiveDate>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: Option<String>,
    pub decision_document_id: Option<String>,
    pub recorded_by: Option<String>,
}

impl CategoryPeriod {
    /// A category with no decision recorded (initial data, the demo).
    pub fn plain(category: &str, from: NaiveDate) -> Self {
        Self {
            category: category.to_owned(),
            valid_from: from,
            ..Self::default()
        }
    }
}

fn insert_category(conn: &mut DbConnection, person_id: &str, period: &CategoryPeriod) -> StoreResult<()> {
    diesel::insert_into(person_categories::table)
        .values((
            person_categories::id.eq(new_id()),
            person_categories::person_id.eq(person_id),
            person_categories::recorded_at.eq(Utc::now().naive_utc()),
            period,
        ))
        .execute(conn)?;
    Ok(())
}

/// Every period of the person's category, the earliest first.
pub fn categories_of(conn: &mut DbConnection, person_id: &str) -> StoreResult<Vec<CategoryPeriod>> {
    Ok(person_categories::table
        .filter(person_categories::person_id.eq(person_id))
        .order((
            person_categories::valid_from.asc(),
            person_categories::recorded_at.asc(),
        ))
        .select(CategoryPeriod::as_select())
        .load(conn)?)
}

/// The person's category changes from `period.valid_from`: the period in force ends that day
/// and the new one begins; the person's current category follows.
pub fn change_category(conn: &mut DbConnection, person_id: &str, period: &CategoryPeriod) -> StoreResult<()> {
    diesel::update(
        person_categories::table
            .filter(person_categories::person_id.eq(person_id))
            .filter(person_categories::valid_to.is_null()),
    )
    .set(person_categories::valid_to.eq(Some(period.valid_from)))
    .execute(conn)?;
    insert_category(conn, person_id, period)?;
    diesel::update(people::table.find(person_id))
        .set(people::category.eq(&period.category))
        .execute(conn)?;
    Ok(())
}

/// How many people placed on `day` in units whose ancestry path starts with `path_prefix` (or
/// is it, with `exact`) were of each category that day: (category, count).
pub fn categories_on(
    conn: &mut DbConnection,
    day: NaiveDate,
    path_prefix: &str,
    exact: bool,
) -> StoreResult<Vec<(String, i64)>> {
    let mut query = person_placements::table
        .inner_join(units::table.on(units::id.eq(person_placements::unit_id)))
        .inner_join(
            person_categories::table.on(person_categories::person_id.eq(person_placements::person_id)),
        )
        .filter(person_placements::valid_from.le(day))
        .filter(
            person_placements::valid_to
                .is_null()
                .or(person_placements::valid_to.gt(day)),
        )
        .filter(person_categories::valid_from.le(day))
        .filter(
            person_categories::valid_to
                .is_null()
                .or(person_categories::valid_to.gt(day)),
        )
        .group_by(person_categories::category)
        .select((person_categories::category, diesel::dsl::count_star()))
        .into_boxed();
    query = if exact {
        query.filter(units::path.eq(path_prefix.to_owned()))
    } else {
        query.filter(units::path.like(format!("{path_prefix}%")))
    };
    Ok(query.load(conn)?)
}

/// The person is managed by `unit_id` from `from` (see `person_placements`).
fn open_placement(
    conn: &mut DbConnection,
    person_id: &str,
    unit_id: &str,
    from: NaiveDate,
) -> StoreResult<()> {
    diesel::insert_into(person_placements::table)
        .values((
            person_placements::id.eq(new_id()),
            person_placements::person_id.eq(person_id),
            person_placements::unit_id.eq(unit_id),
            person_placements::valid_from.eq(from),
        ))
        .execute(conn)?;
    Ok(())
}

/// Ends the placement in force on `on` (never before it began: a change dated earlier than the
/// record of the placement ends it the day it began). Returns the day used.
fn close_placement(conn: &mut DbConnection, person_id: &str, on: NaiveDate) -> StoreResult<NaiveDate> {
    let open: Option<(String, NaiveDate)> = person_placements::table
        .filter(person_placements::person_id.eq(person_id))
        .filter(person_placements::valid_to.is_null())
        .select((person_placements::id, person_placements::valid_from))
        .first(conn)
        .optional()?;
    let Some((id, from)) = open else { return Ok(on) };
    let on = on.max(from);
    diesel::update(person_placements::table.find(id))
        .set(person_placements::valid_to.eq(Some(on)))
        .execute(conn)?;
    Ok(on)
}

/// A new placement from `on`, ending the one before.
fn replace_placement(
    conn: &mut DbConnection,
    person_id: &str,
    unit_id: &str,
    on: NaiveDate,
) -> StoreResult<()> {
    let on = close_placement(conn, person_id, on)?;
    open_placement(conn, person_id, unit_id, on)
}

/// The unit that managed each person on `day`, for the people placed in one of `unit_ids`
/// (every unit when `None`): (person id, unit id).
pub fn placed_on(
    conn: &mut DbConnection,
    day: NaiveDate,
    unit_ids: Option<&[String]>,
) -> StoreResult<Vec<(String, String)>> {
    let mut query = person_placements::table
        .filter(person_placements::valid_from.le(day))
        .filter(
            person_placements::valid_to
                .is_null()
                .or(person_placements::valid_to.gt(day)),
        )
        .select((person_placements::person_id, person_placements::unit_id))
        .order(person_placements::person_id.asc())
        .into_boxed();
    if let Some(units) = unit_ids {
        query = query.filter(person_placements::unit_id.eq_any(units.to_vec()));
    }
    Ok(query.load(conn)?)
}

/// The person and the ancestry path of the unit that manages them.
pub fn find_with_unit_path(conn: &mut DbConnection, id: &str) -> StoreResult<Option<(PersonRow, String)>> {
    Ok(people::table
        .inner_join(units::table)
        .filter(people::id.eq(id))
        .select((PersonRow::as_select(), units::path))
        .first(conn)
        .optional()?)
}

/// A person as lists show them: with their unit's name and whether they have an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonListed {
    pub person: PersonRow,
    pub unit_name: String,
    pub has_account: bool,
}

/// Fills the folded names of people made before they were kept (see the migration
/// `people_search_name`); how many.
pub fn backfill_search_names(conn: &mut DbConnection) -> StoreResult<usize> {
    let missing: Vec<(String, String)> = people::table
        .filter(people::search_name.eq(""))
        .select((people::id, people::full_name))
        .load(conn)?;
    conn.write_transaction(|conn| {
        for (id, name) in &missing {
            diesel::update(people::table.find(id))
                .set(people::search_name.eq(hoso_domain::text::fold(name)))
                .execute(conn)?;
        }
        Ok(missing.len())
    })
}

/// A person's name from now on, as lists and pickers find it.
pub fn rename(conn: &mut DbConnection, person_id: &str, full_name: &str) -> StoreResult<()> {
    diesel::update(people::table.find(person_id))
        .set((
            people::full_name.eq(full_name),
            people::search_name.eq(hoso_domain::text::fold(full_name)),
        ))
        .execute(conn)?;
    Ok(())
}

/// People of units inside `within` (`None`: the province), by name; `text` matches part of the
/// name; `unit_id` keeps only the people of that one unit.
pub fn list(
    conn: &mut DbConnection,
    within: Option<&str>,
    text: Option<&str>,
    unit_id: Option<&str>,
    limit: i64,
) -> StoreResult<Vec<PersonListed>> {
    use crate::schema::accounts;
    let mut query = people::table
        .inner_join(units::table)
        .left_join(accounts::table.on(accounts::person_id.eq(people::id.nullable())))
        .select((PersonRow::as_select(), units::name, accounts::id.nullable()))
        .order(people::full_name.asc())
        .limit(limit)
        .into_boxed();
    if let Some(prefix) = within {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    if let Some(unit_id) = unit_id {
        query = query.filter(people::unit_id.eq(unit_id.to_owned()));
    }
    if let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) {
        // Folded on both sides, so "nguyen van" and "Nguyễn Văn" find "Nguyễn Văn An".
        let folded = hoso_domain::text::fold(&text.replace(['%', '_'], ""));
        query = query.filter(people::search_name.like(format!("%{folded}%")));
    }
    let rows = query.load::<(PersonRow, String, Option<String>)>(conn)?;
    Ok(rows
        .into_iter()
        .map(|(person, unit_name, account)| PersonListed {
            person,
            unit_name,
            has_account: account.is_some(),
        })
        .collect())
}

/// Everyone managed by one of these units.
pub fn in_units(conn: &mut DbConnection, unit_ids: &[String]) -> StoreResult<Vec<PersonRow>> {
    Ok(people::table
        .filter(people::unit_id.eq_any(unit_ids.to_vec()))
        .select(PersonRow::as_select())
        .order(people::full_name.asc())
        .load(conn)?)
}

/// The person is managed by `unit_id` from `on`; their personal account follows, and its
/// sessions end so the new scope applies at once.
pub fn move_to_unit(
    conn: &mut DbConnection,
    person_id: &str,
    unit_id: &str,
    on: NaiveDate,
) -> StoreResult<()> {
    use crate::schema::accounts;
    move_to(conn, person_id, unit_id, on)?;
    diesel::update(accounts::table.filter(accounts::person_id.eq(person_id)))
        .set(accounts::auth_version.eq(accounts::auth_version + 1))
        .execute(conn)?;
    Ok(())
}

/// Moves a person to another unit from `on`; their personal account follows (it answers to the
/// unit that manages the person, TRF-2).
pub fn move_to(conn: &mut DbConnection, person_id: &str, unit_id: &str, on: NaiveDate) -> StoreResult<()> {
    use crate::schema::accounts;
    // A post is of a unit: whoever leaves the unit leaves the post free (ORG-3).
    diesel::update(people::table.find(person_id).filter(people::unit_id.ne(unit_id)))
        .set((
            people::unit_id.eq(unit_id),
            people::position_id.eq(None::<String>),
        ))
        .execute(conn)?;
    replace_placement(conn, person_id, unit_id, on)?;
    diesel::update(accounts::table.filter(accounts::person_id.eq(person_id)))
        .set(accounts::unit_id.eq(unit_id))
        .execute(conn)?;
    Ok(())
}

/// The person's service status from `on`; when service ends, so does their placement (they
/// are no longer counted from that day).
pub fn set_service_status(
    conn: &mut DbConnection,
    person_id: &str,
    status: &str,
    on: NaiveDate,
) -> StoreResult<()> {
    diesel::update(people::table.find(person_id))
        .set(people::service_status.eq(status))
        .execute(conn)?;
    if !hoso_domain::transfer::IN_SERVICE.contains(&status) {
        close_placement(conn, person_id, on)?;
        // Out of service, out of the post: the unit may fill it (ORG-3).
        diesel::update(people::table.find(person_id))
            .set(people::position_id.eq(None::<String>))
            .execute(conn)?;
    }
    Ok(())
}
