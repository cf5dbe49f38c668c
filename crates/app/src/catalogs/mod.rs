//! Catalogue checks for every write that stores a code (CTX-2): an unknown code, or one not in
//! force on the day it is used for, is a 422 naming the field.

pub mod create_catalog_entry;
pub mod list_catalogs;
pub mod read_catalog;
pub mod retire_catalog_entry;
pub use create_catalog_entry::create_catalog_entry;
pub use list_catalogs::list_catalogs;
pub use read_catalog::read_catalog;
pub use retire_catalog_entry::retire_catalog_entry;

use std::collections::HashSet;

use chrono::NaiveDate;
use hoso_domain::catalog::{not_in_force, unknown_code};
use hoso_store::catalogs::{self, EntryRow};
use hoso_store::DbConnection;

use crate::error::AppError;

/// The entry for `code` in one of `kinds`, in force on `on`.
pub fn require(
    conn: &mut DbConnection,
    field: &str,
    kinds: &[&str],
    code: &str,
    on: NaiveDate,
) -> Result<EntryRow, AppError> {
    let row = catalogs::find_in(conn, kinds, code)?.ok_or_else(|| unknown_code(field, code))?;
    let entry = row.entry();
    if !entry.applies_on(on) {
        let successor = match entry.replaced_by.as_deref() {
            Some(next) => catalogs::find_in(conn, kinds, next)?.map(|r| r.entry()),
            None => None,
        };
        return Err(not_in_force(field, &entry, on, successor.as_ref()).into());
    }
    Ok(row)
}

/// Which of the `(kind, code)` pairs (skipping incomplete ones) are in the catalogues.
pub fn existing(
    conn: &mut DbConnection,
    pairs: &[(Option<&str>, Option<&str>)],
) -> Result<HashSet<(String, String)>, AppError> {
    let mut found = HashSet::new();
    for (kind, code) in pairs {
        if let (Some(kind), Some(code)) = (kind, code) {
            if catalogs::find_entry(conn, kind, code)?.is_some() {
                found.insert(((*kind).to_owned(), (*code).to_owned()));
            }
        }
    }
    Ok(found)
}

/// Every catalogue entry but the communes, indexed for the dossier checks.
pub fn index(conn: &mut DbConnection) -> Result<hoso_domain::dossier::validation::CatalogIndex, AppError> {
    let mut index = hoso_domain::dossier::validation::CatalogIndex::default();
    for row in catalogs::all_entries_but(conn, "communes")? {
        index.insert(&row.kind, row.entry());
    }
    Ok(index)
}

/// The index for checking `content`: every entry but the communes, and the communes its places
/// name (3,321 rows are not read for every save).
pub fn index_for(
    conn: &mut DbConnection,
    content: &hoso_domain::dossier::content::DossierContent,
) -> Result<hoso_domain::dossier::validation::CatalogIndex, AppError> {
    let mut index = index(conn)?;
    let id = &content.identity;
    for place in [&id.birth_place, &id.hometown, &id.residence_place] {
        if let Some(code) = place.commune_code.as_deref() {
            if let Some(row) = catalogs::find_entry(conn, "communes", code)? {
                index.insert(&row.kind, row.entry());
            }
        }
    }
    Ok(index)
}

/// A catalogue by its kind; 404 when there is none.
pub fn load(conn: &mut DbConnection, kind: &str) -> Result<hoso_store::catalogs::CatalogRow, AppError> {
    hoso_store::catalogs::find(conn, kind)?.ok_or(AppError::NotFound)
}
