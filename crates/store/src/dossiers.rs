//! Dossiers (DOS-1…5): one per person for life, a draft that is edited, and immutable approved
//! versions. Content arrives here already split: clear JSON and the sealed sensitive part.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};
use crate::ids::new_id;
use crate::people::PersonRow;
use crate::schema::{
    documents, dossier_attachments, dossier_drafts, dossier_versions, dossiers, people, units,
};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = dossiers)]
pub struct DossierRow {
    pub id: String,
    pub person_id: String,
    pub dossier_number: String,
    pub national_identifier: Option<String>,
    pub citizen_id_hash: Option<String>,
    pub search_name: String,
    pub status: String,
    pub current_version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The national dossier code (số hiệu hồ sơ, CTX-1), entered by Sở Nội vụ or the national sync.
    pub national_dossier_code: Option<String>,
    /// How the name sorts in a Vietnamese list (`hoso_domain::text::sort_key`).
    pub sort_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = dossier_drafts)]
pub struct DraftRow {
    pub dossier_id: String,
    pub content: String,
    pub sealed: Option<String>,
    pub revision: i32,
    pub based_on: i32,
    pub updated_by: Option<String>,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = dossier_versions)]
pub struct VersionRow {
    pub dossier_id: String,
    pub number: i32,
    pub content: String,
    pub sealed: Option<String>,
    pub content_hash: String,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub note: Option<String>,
}

/// Content as stored: clear JSON, the sealed sensitive fields, and what is derived from them.
pub struct StoredContent<'a> {
    pub content: &'a str,
    pub sealed: Option<&'a str>,
    pub search_name: &'a str,
    pub sort_name: &'a str,
    pub citizen_id_hash: Option<&'a str>,
}

/// A dossier with its person and the person's unit (name and ancestry path).
#[derive(Debug, Clone)]
pub struct DossierWithPerson {
    pub dossier: DossierRow,
    pub person: PersonRow,
    pub unit_name: String,
    pub unit_path: String,
}

/// Opens the dossier of `person_id` with its first draft (revision 1).
pub fn create(
    conn: &mut DbConnection,
    person_id: &str,
    dossier_number: &str,
    draft: StoredContent<'_>,
    actor: &str,
) -> StoreResult<DossierRow> {
    let now = Utc::now().naive_utc();
    let row = DossierRow {
        id: new_id(),
        person_id: person_id.to_owned(),
        dossier_number: dossier_number.to_owned(),
        national_identifier: None,
        citizen_id_hash: draft.citizen_id_hash.map(str::to_owned),
        search_name: draft.search_name.to_owned(),
        status: "draft".into(),
        current_version: 0,
        created_at: now,
        updated_at: now,
        national_dossier_code: None,
        sort_name: draft.sort_name.to_owned(),
    };
    diesel::insert_into(dossiers::table)
        .values((
            dossiers::id.eq(&row.id),
            dossiers::person_id.eq(&row.person_id),
            dossiers::dossier_number.eq(&row.dossier_number),
            dossiers::citizen_id_hash.eq(&row.citizen_id_hash),
            dossiers::search_name.eq(&row.search_name),
            dossiers::sort_name.eq(&row.sort_name),
            dossiers::status.eq(&row.status),
            dossiers::current_version.eq(0),
            dossiers::created_at.eq(now),
            dossiers::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::insert_into(dossier_drafts::table)
        .values((
            dossier_drafts::dossier_id.eq(&row.id),
            dossier_drafts::content.eq(draft.content),
            dossier_drafts::sealed.eq(draft.sealed),
            dossier_drafts::revision.eq(1),
            dossier_drafts::based_on.eq(0),
            dossier_drafts::updated_by.eq(actor),
            dossier_drafts::updated_at.eq(now),
        ))
        .execute(conn)?;
    crate::search::first_facts_of_content(
        conn,
        &row.id,
        crate::search::FactsSource::Draft,
        1,
        draft.content,
    )?;
    Ok(row)
}

/// Where `system_meta` keeps how many dossiers were ever opened: counting them for every new
/// one made a bulk import quadratic.
pub const OPENED_KEY: &str = "dossiers_opened";

#[derive(diesel::QueryableByName)]
struct Counter {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

/// The next dossier number: `HS` and six digits, in order of opening. The counter's row stays
/// locked until the caller's transaction ends, so two openers never get one number; a number
/// already taken (dossiers opened by a writer that did not count, such as an older seeder) sets
/// the counter right from the dossiers themselves.
pub fn next_number(conn: &mut DbConnection) -> StoreResult<String> {
    use crate::schema::system_meta;
    let bumped: Option<Counter> = diesel::sql_query(
        "UPDATE system_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = $1 RETURNING value",
    )
    .bind::<diesel::sql_types::Text, _>(OPENED_KEY)
    .get_result(conn)
    .optional()?;
    let opened = bumped.and_then(|c| c.value.parse::<i64>().ok()).map(|n| n - 1);
    let number = opened.map(number_after);
    let taken = match &number {
        Some(n) => {
            dossiers::table
                .filter(dossiers::dossier_number.eq(n))
                .count()
                .get_result::<i64>(conn)?
                > 0
        }
        None => true,
    };
    if !taken {
        return Ok(number.expect("checked"));
    }
    let opened = count(conn)?;
    let now = Utc::now().naive_utc();
    let value = (opened + 1).to_string();
    let updated = diesel::update(system_meta::table.find(OPENED_KEY))
        .set((system_meta::value.eq(&value), system_meta::updated_at.eq(now)))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(system_meta::table)
            .values((
                system_meta::key.eq(OPENED_KEY),
                system_meta::value.eq(&value),
                system_meta::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(number_after(opened))
}

/// How many dossiers were ever opened (none is ever deleted).
pub fn count(conn: &mut DbConnection) -> StoreResult<i64> {
    Ok(dossiers::table.count().get_result(conn)?)
}

/// The number of the dossier opened after `opened` others.
pub fn number_after(opened: i64) -> String {
    format!("HS{:06}", opened + 1)
}

/// The keyed hashes of every citizen-ID number on file (for generators that must not repeat one).
pub fn citizen_id_hashes(conn: &mut DbConnection) -> StoreResult<std::collections::HashSet<String>> {
    let hashes: Vec<Option<String>> = dossiers::table.select(dossiers::citizen_id_hash).load(conn)?;
    Ok(hashes.into_iter().flatten().collect())
}

/// Fills the sort names of dossiers made before they were kept (the migration
/// `dossier_sort_name`), from their person's name; how many.
pub fn backfill_sort_names(conn: &mut DbConnection) -> StoreResult<usize> {
    let missing: Vec<(String, String)> = dossiers::table
        .inner_join(people::table)
        .filter(dossiers::sort_name.eq(""))
        .select((dossiers::id, people::full_name))
        .load(conn)?;
    conn.write_transaction(|conn| {
        for (id, name) in &missing {
            diesel::update(dossiers::table.find(id))
                .set(dossiers::sort_name.eq(hoso_domain::text::sort_key(name)))
                .execute(conn)?;
        }
        Ok(missing.len())
    })
}

/// The number and the person's name of each of these dossiers: how an audit line names the
/// dossier it is about.
pub fn labels(conn: &mut DbConnection, ids: &[String]) -> StoreResult<Vec<(String, String, String)>> {
    Ok(dossiers::table
        .inner_join(people::table)
        .filter(dossiers::id.eq_any(ids.to_vec()))
        .select((dossiers::id, dossiers::dossier_number, people::full_name))
        .load(conn)?)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<DossierWithPerson>> {
    let found = dossiers::table
        .inner_join(people::table.inner_join(units::table))
        .filter(dossiers::id.eq(id))
        .select((
            DossierRow::as_select(),
            PersonRow::as_select(),
            units::name,
            units::path,
        ))
        .first::<(DossierRow, PersonRow, String, String)>(conn)
        .optional()?;
    Ok(
        found.map(|(dossier, person, unit_name, unit_path)| DossierWithPerson {
            dossier,
            person,
            unit_name,
            unit_path,
        }),
    )
}

pub fn find_by_person(conn: &mut DbConnection, person_id: &str) -> StoreResult<Option<DossierRow>> {
    Ok(dossiers::table
        .filter(dossiers::person_id.eq(person_id))
        .select(DossierRow::as_select())
        .first(conn)
        .optional()?)
}

/// The dossier whose citizen-ID number has this keyed hash.
pub fn find_by_citizen_hash(conn: &mut DbConnection, hash: &str) -> StoreResult<Option<String>> {
    Ok(dossiers::table
        .filter(dossiers::citizen_id_hash.eq(hash))
        .select(dossiers::id)
        .first(conn)
        .optional()?)
}

/// The dossier holding this keyed citizen-ID hash, with whether its person is still in service.
pub fn holder_of_citizen_hash(
    conn: &mut DbConnection,
    hash: &str,
) -> StoreResult<Option<(DossierRow, String)>> {
    Ok(dossiers::table
        .inner_join(people::table)
        .filter(dossiers::citizen_id_hash.eq(hash))
        .select((DossierRow::as_select(), people::service_status))
        .first(conn)
        .optional()?)
}

/// Sets the national identifier and national dossier code (CTX-1); `None` clears one. A value
/// another dossier holds is refused by the unique indexes (`StoreError::Duplicate`).
pub fn set_national_ids(
    conn: &mut DbConnection,
    id: &str,
    national_identifier: Option<&str>,
    national_dossier_code: Option<&str>,
) -> StoreResult<()> {
    diesel::update(dossiers::table.find(id))
        .set((
            dossiers::national_identifier.eq(national_identifier),
            dossiers::national_dossier_code.eq(national_dossier_code),
            dossiers::updated_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The dossier with this national identifier or national dossier code.
pub fn find_by_national_id(conn: &mut DbConnection, value: &str) -> StoreResult<Option<String>> {
    Ok(dossiers::table
        .filter(
            dossiers::national_identifier
                .eq(value)
                .or(dossiers::national_dossier_code.eq(value)),
        )
        .select(dossiers::id)
        .first(conn)
        .optional()?)
}

/// What a list may be narrowed to.
#[derive(Debug, Clone, Default)]
pub struct DossierFilter {
    /// Ancestry-path prefix of the caller's scope (`None`: the province).
    pub within: Option<String>,
    /// One unit and everything under it.
    pub under_path: Option<String>,
    /// Any of these workflow states (all when empty).
    pub statuses: Vec<String>,
    /// Accent-free, lower-case part of the name.
    pub name: Option<String>,
    /// Exactly this national identifier or national dossier code.
    pub national_id: Option<String>,
    /// Only archived dossiers (service ended, TRF-5), or only those in service.
    pub archived: Option<bool>,
    pub limit: i64,
    pub offset: i64,
}

pub fn list(conn: &mut DbConnection, filter: &DossierFilter) -> StoreResult<Vec<DossierWithPerson>> {
    let mut query = dossiers::table
        .inner_join(people::table.inner_join(units::table))
        .select((
            DossierRow::as_select(),
            PersonRow::as_select(),
            units::name,
            units::path,
        ))
        .order((dossiers::sort_name.asc(), dossiers::id.asc()))
        .limit(filter.limit)
        .offset(filter.offset)
        .into_boxed();
    for prefix in [&filter.within, &filter.under_path].into_iter().flatten() {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    if !filter.statuses.is_empty() {
        query = query.filter(dossiers::status.eq_any(filter.statuses.clone()));
    }
    match filter.archived {
        Some(true) => query = query.filter(people::service_status.ne_all(hoso_domain::transfer::IN_SERVICE)),
        Some(false) => query = query.filter(people::service_status.eq_any(hoso_domain::transfer::IN_SERVICE)),
        None => {}
    }
    if let Some(name) = filter.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        query = query.filter(dossiers::search_name.like(format!("%{}%", name.replace(['%', '_'], ""))));
    }
    if let Some(code) = filter.national_id.clone() {
        query = query.filter(
            dossiers::national_identifier
                .eq(code.clone())
                .or(dossiers::national_dossier_code.eq(code)),
        );
    }
    let rows = query.load::<(DossierRow, PersonRow, String, String)>(conn)?;
    Ok(rows
        .into_iter()
        .map(|(dossier, person, unit_name, unit_path)| DossierWithPerson {
            dossier,
            person,
            unit_name,
            unit_path,
        })
        .collect())
}

pub fn draft(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<DraftRow> {
    Ok(dossier_drafts::table
        .find(dossier_id)
        .select(DraftRow::as_select())
        .first(conn)?)
}

/// Replaces the draft if it is still at `expected_revision`; otherwise `StaleVersion` and
/// nothing changes (two editors never overwrite each other).
pub fn save_draft(
    conn: &mut DbConnection,
    dossier_id: &str,
    expected_revision: i32,
    draft: StoredContent<'_>,
    actor: &str,
) -> StoreResult<DraftRow> {
    let now = Utc::now().naive_utc();
    let changed = diesel::update(
        dossier_drafts::table
            .filter(dossier_drafts::dossier_id.eq(dossier_id))
            .filter(dossier_drafts::revision.eq(expected_revision)),
    )
    .set((
        dossier_drafts::content.eq(draft.content),
        dossier_drafts::sealed.eq(draft.sealed),
        dossier_drafts::revision.eq(expected_revision + 1),
        dossier_drafts::updated_by.eq(actor),
        dossier_drafts::updated_at.eq(now),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(StoreError::StaleVersion);
    }
    diesel::update(dossiers::table.find(dossier_id))
        .set((
            dossiers::search_name.eq(draft.search_name),
            dossiers::sort_name.eq(draft.sort_name),
            dossiers::citizen_id_hash.eq(draft.citizen_id_hash),
            dossiers::updated_at.eq(now),
        ))
        .execute(conn)?;
    crate::search::store_facts_of_content(
        conn,
        dossier_id,
        crate::search::FactsSource::Draft,
        expected_revision + 1,
        draft.content,
    )?;
    self::draft(conn, dossier_id)
}

/// Makes the draft at `expected_revision` the next approved version; the draft carries on from
/// it. `StaleVersion` if the draft changed since it was read.
pub fn approve_draft(
    conn: &mut DbConnection,
    dossier_id: &str,
    expected_revision: i32,
    content_hash: &str,
    full_name: Option<&str>,
    actor: &str,
    note: Option<&str>,
) -> StoreResult<VersionRow> {
    let draft = self::draft(conn, dossier_id)?;
    if draft.revision != expected_revision {
        return Err(StoreError::StaleVersion);
    }
    let current: i32 = dossiers::table
        .find(dossier_id)
        .select(dossiers::current_version)
        .first(conn)?;
    let now = Utc::now().naive_utc();
    let version = VersionRow {
        dossier_id: dossier_id.to_owned(),
        number: current + 1,
        content: draft.content,
        sealed: draft.sealed,
        content_hash: content_hash.to_owned(),
        created_by: Some(actor.to_owned()),
        created_at: now,
        note: note.map(str::to_owned),
    };
    diesel::insert_into(dossier_versions::table)
        .values((
            dossier_versions::dossier_id.eq(&version.dossier_id),
            dossier_versions::number.eq(version.number),
            dossier_versions::content.eq(&version.content),
            dossier_versions::sealed.eq(&version.sealed),
            dossier_versions::content_hash.eq(&version.content_hash),
            dossier_versions::created_by.eq(&version.created_by),
            dossier_versions::created_at.eq(now),
            dossier_versions::note.eq(&version.note),
        ))
        .execute(conn)?;
    crate::search::store_facts_of_content(
        conn,
        dossier_id,
        crate::search::FactsSource::Approved,
        version.number,
        &version.content,
    )?;
    // The version number doubles as a guard: a concurrent approval finds `current` moved on.
    let moved = diesel::update(
        dossiers::table
            .filter(dossiers::id.eq(dossier_id))
            .filter(dossiers::current_version.eq(current)),
    )
    .set((
        dossiers::current_version.eq(version.number),
        dossiers::status.eq("approved"),
        dossiers::updated_at.eq(now),
    ))
    .execute(conn)?;
    if moved == 0 {
        return Err(StoreError::StaleVersion);
    }
    diesel::update(dossier_drafts::table.find(dossier_id))
        .set((
            dossier_drafts::based_on.eq(version.number),
            dossier_drafts::revision.eq(expected_revision + 1),
        ))
        .execute(conn)?;
    // The approved name is the person's name everywhere else (lists, accounts, transfers).
    if let Some(name) = full_name {
        let person: String = dossiers::table
            .find(dossier_id)
            .select(dossiers::person_id)
            .first(conn)?;
        crate::people::rename(conn, &person, name)?;
    }
    Ok(version)
}

/// Every version of a dossier, oldest first.
pub fn versions(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<Vec<VersionRow>> {
    Ok(dossier_versions::table
        .filter(dossier_versions::dossier_id.eq(dossier_id))
        .select(VersionRow::as_select())
        .order(dossier_versions::number.asc())
        .load(conn)?)
}

pub fn version(conn: &mut DbConnection, dossier_id: &str, number: i32) -> StoreResult<Option<VersionRow>> {
    Ok(dossier_versions::table
        .find((dossier_id, number))
        .select(VersionRow::as_select())
        .first(conn)
        .optional()?)
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = dossier_attachments)]
pub struct AttachmentRow {
    pub id: String,
    pub dossier_id: String,
    pub document_id: String,
    pub kind: String,
    pub item: Option<String>,
    pub note: Option<String>,
    pub added_by: String,
    pub added_at: NaiveDateTime,
}

pub struct NewAttachment<'a> {
    pub dossier_id: &'a str,
    pub document_id: &'a str,
    pub kind: &'a str,
    pub item: Option<&'a str>,
    pub note: Option<&'a str>,
    pub added_by: &'a str,
}

pub fn attach(conn: &mut DbConnection, new: NewAttachment<'_>) -> StoreResult<AttachmentRow> {
    let row = AttachmentRow {
        id: new_id(),
        dossier_id: new.dossier_id.to_owned(),
        document_id: new.document_id.to_owned(),
        kind: new.kind.to_owned(),
        item: new.item.map(str::to_owned),
        note: new.note.map(str::to_owned),
        added_by: new.added_by.to_owned(),
        added_at: Utc::now().naive_utc(),
    };
    diesel::insert_into(dossier_attachments::table)
        .values((
            dossier_attachments::id.eq(&row.id),
            dossier_attachments::dossier_id.eq(&row.dossier_id),
            dossier_attachments::document_id.eq(&row.document_id),
            dossier_attachments::kind.eq(&row.kind),
            dossier_attachments::item.eq(&row.item),
            dossier_attachments::note.eq(&row.note),
            dossier_attachments::added_by.eq(&row.added_by),
            dossier_attachments::added_at.eq(row.added_at),
        ))
        .execute(conn)?;
    Ok(row)
}

/// A dossier's attachments with their documents, oldest first.
pub fn attachments(
    conn: &mut DbConnection,
    dossier_id: &str,
) -> StoreResult<Vec<(AttachmentRow, crate::documents::DocumentRow)>> {
    Ok(dossier_attachments::table
        .inner_join(documents::table)
        .filter(dossier_attachments::dossier_id.eq(dossier_id))
        .select((
            AttachmentRow::as_select(),
            crate::documents::DocumentRow::as_select(),
        ))
        .order(dossier_attachments::added_at.asc())
        .load(conn)?)
}
