//! The national catalogues (CTX-2): shipped files loaded by version, administrators' additions,
//! and the lookups every coded field's check uses.

use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use hoso_domain::catalog::{CatalogEntry, CatalogFile, CatalogMeta};

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::{catalog_entries, catalogs};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = catalogs)]
pub struct CatalogRow {
    pub kind: String,
    pub name: String,
    pub version: i32,
    pub source: String,
    pub effective_date: NaiveDate,
    pub code_format: Option<String>,
    pub parent_kind: Option<String>,
    pub successor_kind: Option<String>,
    pub note: Option<String>,
    pub loaded_at: NaiveDateTime,
    /// The national version the catalogue was last brought to (issue #17).
    pub national_version: Option<i32>,
}

impl CatalogRow {
    pub fn meta(&self) -> CatalogMeta {
        CatalogMeta {
            kind: self.kind.clone(),
            name: self.name.clone(),
            version: self.version,
            source: self.source.clone(),
            effective_date: self.effective_date,
            code_format: self.code_format.clone(),
            parent_kind: self.parent_kind.clone(),
            successor_kind: self.successor_kind.clone(),
            note: self.note.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = catalog_entries)]
pub struct EntryRow {
    pub kind: String,
    pub code: String,
    pub label: String,
    pub parent: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub replaced_by: Option<String>,
    pub data: Option<String>,
    pub origin: String,
    pub added_by: Option<String>,
    pub added_at: NaiveDateTime,
    pub source: Option<String>,
    pub local_code: bool,
}

impl EntryRow {
    pub fn entry(&self) -> CatalogEntry {
        CatalogEntry {
            code: self.code.clone(),
            label: self.label.clone(),
            parent: self.parent.clone(),
            valid_from: self.valid_from,
            valid_to: self.valid_to,
            replaced_by: self.replaced_by.clone(),
            // Written by `insert_entry` from a JSON value, so it parses.
            data: self.data.as_deref().and_then(|d| serde_json::from_str(d).ok()),
            source: self.source.clone(),
            local_code: self.local_code,
        }
    }
}

/// Brings the stored catalogues up to the shipped files: a file whose version is newer than the
/// stored one adds its new codes and updates its own (shipped) entries. Nothing is deleted and
/// an administrator's entry is never overwritten. Returns the kinds loaded.
pub fn sync_shipped(conn: &mut DbConnection, files: &[CatalogFile]) -> StoreResult<Vec<String>> {
    conn.write_transaction(|conn| {
        let mut loaded = Vec::new();
        for file in files {
            let stored = catalogs::table
                .find(&file.meta.kind)
                .select(catalogs::version)
                .first::<i32>(conn)
                .optional()?;
            if stored.is_some_and(|v| v >= file.meta.version) {
                continue;
            }
            save_meta(conn, &file.meta, stored.is_some())?;
            // Who owns each stored code of the kind, read once rather than per entry.
            let origins: std::collections::HashMap<String, String> = catalog_entries::table
                .filter(catalog_entries::kind.eq(&file.meta.kind))
                .select((catalog_entries::code, catalog_entries::origin))
                .load::<(String, String)>(conn)?
                .into_iter()
                .collect();
            for entry in &file.entries {
                match origins.get(&entry.code).map(String::as_str) {
                    None => insert_entry(conn, &file.meta.kind, entry, "shipped", None)?,
                    Some("shipped") => update_shipped(conn, &file.meta.kind, entry)?,
                    Some(_) => tracing::warn!(
                        kind = file.meta.kind,
                        code = entry.code,
                        "a shipped catalogue code is already an administrator's entry; kept theirs"
                    ),
                }
            }
            loaded.push(file.meta.kind.clone());
        }
        Ok(loaded)
    })
}

fn save_meta(conn: &mut DbConnection, meta: &CatalogMeta, exists: bool) -> StoreResult<()> {
    let values = (
        catalogs::name.eq(&meta.name),
        catalogs::version.eq(meta.version),
        catalogs::source.eq(&meta.source),
        catalogs::effective_date.eq(meta.effective_date),
        catalogs::code_format.eq(&meta.code_format),
        catalogs::parent_kind.eq(&meta.parent_kind),
        catalogs::successor_kind.eq(&meta.successor_kind),
        catalogs::note.eq(&meta.note),
        catalogs::loaded_at.eq(Utc::now().naive_utc()),
    );
    if exists {
        diesel::update(catalogs::table.find(&meta.kind))
            .set(values)
            .execute(conn)?;
    } else {
        diesel::insert_into(catalogs::table)
            .values((catalogs::kind.eq(&meta.kind), values))
            .execute(conn)?;
    }
    Ok(())
}

fn data_text(entry: &CatalogEntry) -> Option<String> {
    entry.data.as_ref().map(|d| d.to_string())
}

fn update_shipped(conn: &mut DbConnection, kind: &str, entry: &CatalogEntry) -> StoreResult<()> {
    diesel::update(catalog_entries::table.find((kind, &entry.code)))
        .set((
            catalog_entries::label.eq(&entry.label),
            catalog_entries::parent.eq(&entry.parent),
            catalog_entries::valid_from.eq(entry.valid_from),
            catalog_entries::valid_to.eq(entry.valid_to),
            catalog_entries::replaced_by.eq(&entry.replaced_by),
            catalog_entries::data.eq(data_text(entry)),
            catalog_entries::source.eq(&entry.source),
            catalog_entries::local_code.eq(entry.local_code),
        ))
        .execute(conn)?;
    Ok(())
}

/// Adds an entry; `origin` is `shipped` or `local`. A code already present (retired or not) is
/// refused by the primary key as `Duplicate`.
pub fn insert_entry(
    conn: &mut DbConnection,
    kind: &str,
    entry: &CatalogEntry,
    origin: &str,
    added_by: Option<&str>,
) -> StoreResult<()> {
    diesel::insert_into(catalog_entries::table)
        .values((
            catalog_entries::kind.eq(kind),
            catalog_entries::code.eq(&entry.code),
            catalog_entries::label.eq(&entry.label),
            catalog_entries::parent.eq(&entry.parent),
            catalog_entries::valid_from.eq(entry.valid_from),
            catalog_entries::valid_to.eq(entry.valid_to),
            catalog_entries::replaced_by.eq(&entry.replaced_by),
            catalog_entries::data.eq(data_text(entry)),
            catalog_entries::origin.eq(origin),
            catalog_entries::added_by.eq(added_by),
            catalog_entries::added_at.eq(Utc::now().naive_utc()),
            catalog_entries::source.eq(&entry.source),
            catalog_entries::local_code.eq(entry.local_code),
        ))
        .execute(conn)?;
    Ok(())
}

/// Ends an entry's validity (it stays, to explain older records).
pub fn retire(
    conn: &mut DbConnection,
    kind: &str,
    code: &str,
    valid_to: NaiveDate,
    replaced_by: Option<&str>,
) -> StoreResult<()> {
    diesel::update(catalog_entries::table.find((kind, code)))
        .set((
            catalog_entries::valid_to.eq(valid_to),
            catalog_entries::replaced_by.eq(replaced_by),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every catalogue with its number of entries, unordered (callers use the shipped order).
pub fn list(conn: &mut DbConnection) -> StoreResult<Vec<(CatalogRow, i64)>> {
    let rows: Vec<CatalogRow> = catalogs::table.select(CatalogRow::as_select()).load(conn)?;
    let counts: Vec<(String, i64)> = catalog_entries::table
        .group_by(catalog_entries::kind)
        .select((catalog_entries::kind, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let count = counts.iter().find(|(k, _)| *k == row.kind).map_or(0, |(_, c)| *c);
            (row, count)
        })
        .collect())
}

pub fn find(conn: &mut DbConnection, kind: &str) -> StoreResult<Option<CatalogRow>> {
    Ok(catalogs::table
        .find(kind)
        .select(CatalogRow::as_select())
        .first(conn)
        .optional()?)
}

/// A catalogue's entries by code.
pub fn entries(conn: &mut DbConnection, kind: &str) -> StoreResult<Vec<EntryRow>> {
    Ok(catalog_entries::table
        .filter(catalog_entries::kind.eq(kind))
        .select(EntryRow::as_select())
        .order(catalog_entries::code.asc())
        .load(conn)?)
}

pub fn find_entry(conn: &mut DbConnection, kind: &str, code: &str) -> StoreResult<Option<EntryRow>> {
    Ok(catalog_entries::table
        .find((kind, code))
        .select(EntryRow::as_select())
        .first(conn)
        .optional()?)
}

/// The first of `kinds` that holds `code`, with the entry.
pub fn find_in(conn: &mut DbConnection, kinds: &[&str], code: &str) -> StoreResult<Option<EntryRow>> {
    Ok(catalog_entries::table
        .filter(catalog_entries::kind.eq_any(kinds))
        .filter(catalog_entries::code.eq(code))
        .select(EntryRow::as_select())
        .order(catalog_entries::kind.asc())
        .first(conn)
        .optional()?)
}

/// Every entry of every catalogue, for checks that touch many catalogues at once.
/// Every entry but those of `kind` (the 3,321 communes are looked up one by one instead).
pub fn all_entries_but(conn: &mut DbConnection, kind: &str) -> StoreResult<Vec<EntryRow>> {
    Ok(catalog_entries::table
        .filter(catalog_entries::kind.ne(kind))
        .select(EntryRow::as_select())
        .load(conn)?)
}

pub fn all_entries(conn: &mut DbConnection) -> StoreResult<Vec<EntryRow>> {
    Ok(catalog_entries::table.select(EntryRow::as_select()).load(conn)?)
}
