//! Staffing quotas per unit and year (ORG-2), and the headcount they are compared with.

use chrono::Utc;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::{unit_quotas, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = unit_quotas)]
pub struct QuotaRow {
    pub unit_id: String,
    pub year: i32,
    pub civil_servants: i32,
    pub public_employees: i32,
    pub contract_workers: i32,
    pub decision_number: Option<String>,
    pub updated_by: Option<String>,
    pub updated_at: chrono::NaiveDateTime,
}

/// Numbers by employment category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByCategory {
    pub civil_servants: i64,
    pub public_employees: i64,
    pub contract_workers: i64,
}

impl ByCategory {
    pub fn add(&mut self, other: ByCategory) {
        self.civil_servants += other.civil_servants;
        self.public_employees += other.public_employees;
        self.contract_workers += other.contract_workers;
    }
}

pub fn find(conn: &mut DbConnection, unit_id: &str, year: i32) -> StoreResult<Option<QuotaRow>> {
    Ok(unit_quotas::table
        .find((unit_id, year))
        .select(QuotaRow::as_select())
        .first(conn)
        .optional()?)
}

/// Sets the unit's quota for the year, replacing any earlier one.
pub fn set(
    conn: &mut DbConnection,
    unit_id: &str,
    year: i32,
    quota: ByCategory,
    decision_number: Option<&str>,
    updated_by: &str,
) -> StoreResult<()> {
    diesel::delete(unit_quotas::table.find((unit_id, year))).execute(conn)?;
    diesel::insert_into(unit_quotas::table)
        .values((
            unit_quotas::unit_id.eq(unit_id),
            unit_quotas::year.eq(year),
            unit_quotas::civil_servants.eq(quota.civil_servants as i32),
            unit_quotas::public_employees.eq(quota.public_employees as i32),
            unit_quotas::contract_workers.eq(quota.contract_workers as i32),
            unit_quotas::decision_number.eq(decision_number),
            unit_quotas::updated_by.eq(updated_by),
            unit_quotas::updated_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn as_counts(row: &QuotaRow) -> ByCategory {
    ByCategory {
        civil_servants: row.civil_servants.into(),
        public_employees: row.public_employees.into(),
        contract_workers: row.contract_workers.into(),
    }
}

/// Quotas for the year summed over the existing units of a subtree (by ancestry path prefix).
/// Units that ended are left out: a merge has re-based their quota into the receiving unit.
pub fn subtree_quota(conn: &mut DbConnection, path_prefix: &str, year: i32) -> StoreResult<ByCategory> {
    let rows: Vec<QuotaRow> = unit_quotas::table
        .inner_join(units::table)
        .filter(units::path.like(format!("{path_prefix}%")))
        .filter(units::ended_on.is_null())
        .filter(unit_quotas::year.eq(year))
        .select(QuotaRow::as_select())
        .load(conn)?;
    let mut total = ByCategory::default();
    for row in &rows {
        total.add(as_counts(row));
    }
    Ok(total)
}

/// People managed on `day` by units whose ancestry path starts with `path_prefix` (one unit:
/// its own path and `exact`), by their category that day (ORG-2): placements end with service,
/// so whoever is placed that day was in service.
pub fn headcount(
    conn: &mut DbConnection,
    day: chrono::NaiveDate,
    path_prefix: &str,
    exact: bool,
) -> StoreResult<ByCategory> {
    let mut count = ByCategory::default();
    for (category, n) in crate::people::categories_on(conn, day, path_prefix, exact)? {
        match category.as_str() {
            "civil_servant" => count.civil_servants += n,
            "contract_worker" => count.contract_workers += n,
            _ => count.public_employees += n,
        }
    }
    Ok(count)
}
