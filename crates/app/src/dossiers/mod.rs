//! The electronic dossier (DOS-1…5, SEC-2). Every handler: authenticate → load → authorise →
//! validate → one transaction. Reads are recorded in the audit trail (who saw whose dossier);
//! fields above the reader's restriction level are removed before anything leaves the server.

pub mod create_dossier;
pub mod create_dossier_attachment;
pub mod list_dossier_attachments;
pub mod list_dossier_reviews;
pub mod list_dossier_transfers;
pub mod list_dossier_versions;
pub mod list_dossiers;
pub mod print_dossier;
pub mod print_signed_version;
pub mod read_dossier;
pub mod read_dossier_attachment;
pub mod read_dossier_diff;
pub mod read_dossier_draft;
pub mod read_dossier_version;
pub mod read_signed_export;
pub mod save_dossier_draft;
pub mod save_dossier_national_ids;
pub mod submit_dossier;
pub use create_dossier::create_dossier;
pub use create_dossier_attachment::create_dossier_attachment;
pub use list_dossier_attachments::list_dossier_attachments;
pub use list_dossier_reviews::list_dossier_reviews;
pub use list_dossier_transfers::list_dossier_transfers;
pub use list_dossier_versions::list_dossier_versions;
pub use list_dossiers::list_dossiers;
pub use print_dossier::print_dossier;
pub use print_signed_version::print_signed_version;
pub use read_dossier::read_dossier;
pub use read_dossier_attachment::read_dossier_attachment;
pub use read_dossier_diff::read_dossier_diff;
pub use read_dossier_draft::read_dossier_draft;
pub use read_dossier_version::read_dossier_version;
pub use read_signed_export::read_signed_export;
pub use save_dossier_draft::save_dossier_draft;
pub use save_dossier_national_ids::save_dossier_national_ids;
pub use submit_dossier::submit_dossier;

use crate::error::AppError;
use crate::sealing::DataKeys;
use crate::session::Session;
use hoso_api_types::dossiers::DossierSummary;
use hoso_api_types::units::UnitRef;
use hoso_domain::access::{check_read_person, UnitPath};
use hoso_domain::dossier::protection::{join_sensitive, level_for, split_sensitive, RestrictionLevel};
use hoso_domain::dossier::validation::validate;
use hoso_domain::dossier::{canonical_json, search_name, DossierContent};
use hoso_store::audit::NewAuditEvent;
use hoso_store::dossiers::{self, DossierWithPerson, StoredContent};
use hoso_store::DbConnection;
use serde_json::{Map, Value};

/// A dossier the caller may read, at the level it may read it.
pub struct Readable {
    pub found: DossierWithPerson,
    pub path: UnitPath,
    pub level: RestrictionLevel,
}

/// An audit event about this dossier and its person.
pub fn event(session: &Session, action: &str, found: &DossierWithPerson) -> NewAuditEvent {
    let mut event = session.event(action);
    event.target_type = Some("dossier".into());
    event.target_id = Some(found.dossier.id.clone());
    event.subject_person_id = Some(found.person.id.clone());
    event.unit_id = Some(found.person.unit_id.clone());
    event
}

/// Loads a dossier for reading and records the read as `action` (refusals too).
pub fn load_readable(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    action: &str,
) -> Result<Readable, AppError> {
    let (readable, event) = check_readable(conn, session, id, action)?;
    crate::audit::record(conn, event)?;
    Ok(readable)
}

/// [`load_readable`] without recording the read: the caller adds what it read to the event
/// (or refuses at a finer level) and records it.
pub fn check_readable(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    action: &str,
) -> Result<(Readable, NewAuditEvent), AppError> {
    let found = dossiers::find(conn, id)?.ok_or(AppError::NotFound)?;
    let path = UnitPath::parse(&found.unit_path).map_err(AppError::Internal)?;
    let mut event = event(session, action, &found);
    event.right_used = Some("read_dossiers".into());
    if let Err(denial) = check_read_person(&session.actor, &found.person.id, &path) {
        return Err(crate::audit::refuse(conn, event, denial));
    }
    let own = session.actor.person_id.as_deref() == Some(found.person.id.as_str());
    let level = level_for(&session.actor, own);
    event.details = Some(serde_json::json!({"level": level.as_str()}).to_string());
    Ok((Readable { found, path, level }, event))
}

pub fn summary(found: &DossierWithPerson) -> DossierSummary {
    DossierSummary {
        id: found.dossier.id.clone(),
        dossier_number: found.dossier.dossier_number.clone(),
        national_identifier: found.dossier.national_identifier.clone(),
        national_dossier_code: found.dossier.national_dossier_code.clone(),
        person_id: found.person.id.clone(),
        full_name: found.person.full_name.clone(),
        unit: UnitRef {
            id: found.person.unit_id.clone(),
            name: found.unit_name.clone(),
        },
        status: found.dossier.status.clone(),
        service_status: found.person.service_status.clone(),
        current_version: found.dossier.current_version,
        updated_at: crate::views::utc(found.dossier.updated_at),
    }
}

/// Stored clear JSON and sealed sensitive fields, joined back into the whole content.
pub fn open_content(keys: &DataKeys, clear: &str, sealed: Option<&str>) -> Result<Value, AppError> {
    let clear: Value =
        serde_json::from_str(clear).map_err(|e| AppError::Internal(format!("stored dossier: {e}")))?;
    let secret: Map<String, Value> = match sealed {
        None => Map::new(),
        Some(sealed) => {
            let bytes = keys
                .open(sealed)
                .map_err(|e| AppError::Internal(format!("sealed dossier fields: {e}")))?;
            serde_json::from_slice(&bytes)
                .map_err(|e| AppError::Internal(format!("sealed dossier fields: {e}")))?
        }
    };
    Ok(join_sensitive(&clear, &secret))
}

/// Content ready to store: clear part, sealed part, and what is derived from it.
pub struct Sealed {
    pub whole: Value,
    pub clear: String,
    pub sealed: Option<String>,
    pub search_name: String,
    pub sort_name: String,
    pub citizen_id_hash: Option<String>,
}

impl Sealed {
    /// The columns the store keeps.
    pub fn stored(&self) -> StoredContent<'_> {
        StoredContent {
            content: &self.clear,
            sealed: self.sealed.as_deref(),
            search_name: &self.search_name,
            sort_name: &self.sort_name,
            citizen_id_hash: self.citizen_id_hash.as_deref(),
        }
    }
}

pub fn seal(keys: &DataKeys, content: &DossierContent, person_name: &str) -> Sealed {
    let whole = serde_json::to_value(content).expect("dossier content serialises");
    let (clear, secret) = split_sensitive(&whole);
    Sealed {
        clear: canonical_json(&clear),
        sealed: (!secret.is_empty()).then(|| keys.seal(canonical_json(&Value::Object(secret)).as_bytes())),
        search_name: search_name(content.identity.full_name.as_deref().unwrap_or(person_name)),
        sort_name: hoso_domain::text::sort_key(content.identity.full_name.as_deref().unwrap_or(person_name)),
        citizen_id_hash: content
            .identity
            .citizen_id
            .as_deref()
            .map(|n| keys.lookup_hash(n)),
        whole,
    }
}

/// Catalogue codes, dates and numbers of `content` (422 naming each field), the job position
/// one of the posts of the person's unit (`unit_id`), a new photo an image the caller may use,
/// and the citizen-ID number not already another person's.
pub fn check(
    conn: &mut DbConnection,
    session: &Session,
    keys: &DataKeys,
    content: &DossierContent,
    dossier_id: Option<&str>,
    known_photo: Option<&str>,
    unit_id: &str,
) -> Result<(), AppError> {
    let catalogs = crate::catalogs::index_for(conn, content)?;
    let posts = crate::positions::posts_of(conn, unit_id)?;
    check_against(
        conn,
        session,
        keys,
        content,
        dossier_id,
        known_photo,
        (&catalogs, &posts),
    )
}

/// [`check`] against catalogues and the unit's posts already loaded (an import checks
/// thousands of dossiers against one index).
pub fn check_against(
    conn: &mut DbConnection,
    session: &Session,
    keys: &DataKeys,
    content: &DossierContent,
    dossier_id: Option<&str>,
    known_photo: Option<&str>,
    (catalogs, posts): (
        &hoso_domain::dossier::validation::CatalogIndex,
        &[hoso_domain::position::Post],
    ),
) -> Result<(), AppError> {
    let mut errors = match validate(content, catalogs, crate::clock::today()) {
        Ok(()) => hoso_domain::FieldErrors::new(),
        Err(errors) => errors,
    };
    if let Err(error) = hoso_domain::position::check_job_position(&content.salary, posts) {
        errors.push(error);
    }
    errors.into_result()?;
    // A photo already in the dossier was checked when it was put there.
    if let Some(photo) = content
        .photo_document_id
        .as_deref()
        .filter(|p| Some(*p) != known_photo)
    {
        let document = readable_document(conn, session, photo, "photo_document_id")?;
        if !document.content_type.starts_with("image/") {
            return Err(hoso_domain::FieldError::new(
                "photo_document_id",
                "not_an_image",
                "Ảnh 4×6 phải là tệp ảnh JPEG hoặc PNG.",
            )
            .into());
        }
    }
    if let Some(number) = content.identity.citizen_id.as_deref() {
        let holder = dossiers::find_by_citizen_hash(conn, &keys.lookup_hash(number))?;
        if holder.is_some_and(|other| Some(other.as_str()) != dossier_id) {
            return Err(hoso_domain::FieldError::new(
                "identity.citizen_id",
                "citizen_id_taken",
                "Số căn cước này đã có trong hồ sơ của một người khác.",
            )
            .into());
        }
    }
    Ok(())
}

/// The typed content of stored JSON (to recompute completeness or re-check it).
pub fn typed(value: &Value) -> Result<DossierContent, AppError> {
    serde_json::from_value(value.clone()).map_err(|e| AppError::Internal(format!("stored dossier: {e}")))
}

/// A stored document the caller may use (their upload, or one of a unit in their scope);
/// anything else is reported as an unknown document on `field`.
pub fn readable_document(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    field: &str,
) -> Result<hoso_store::documents::DocumentRow, AppError> {
    let unknown =
        || hoso_domain::FieldError::new(field, "unknown_document", "Không tìm thấy tài liệu đã tải lên.");
    let (row, unit_path) = hoso_store::documents::find(conn, id)?.ok_or_else(unknown)?;
    if !crate::documents::may_read(&session.actor, &row, unit_path.as_deref())? {
        return Err(unknown().into());
    }
    Ok(row)
}

pub fn attachment_view(
    row: hoso_store::dossiers::AttachmentRow,
    document: &hoso_store::documents::DocumentRow,
) -> hoso_api_types::dossiers::AttachmentView {
    hoso_api_types::dossiers::AttachmentView {
        id: row.id,
        document: crate::views::document(document),
        kind: row.kind,
        item: row.item,
        note: row.note,
        added_at: crate::views::utc(row.added_at),
    }
}

/// The draft as its reader sees it: content at their level, required items and scans missing.
pub fn draft_view(
    conn: &mut DbConnection,
    r: &Readable,
    draft: hoso_store::dossiers::DraftRow,
    whole: &Value,
) -> Result<hoso_api_types::dossiers::DraftView, AppError> {
    use hoso_domain::dossier::completeness::{missing, missing_evidence};
    let content = typed(whole)?;
    let contract_worker = r.found.person.category == "contract_worker";
    let attached = dossiers::attachments(conn, &r.found.dossier.id)?;
    let kinds: Vec<&str> = attached.iter().map(|(a, _)| a.kind.as_str()).collect();
    Ok(hoso_api_types::dossiers::DraftView {
        revision: draft.revision,
        based_on: draft.based_on,
        missing: missing(&content, contract_worker),
        missing_evidence: missing_evidence(&content, contract_worker, &kinds),
        content: hoso_domain::dossier::protection::redact(whole, r.level),
        updated_by: draft.updated_by,
        updated_at: crate::views::utc(draft.updated_at),
    })
}

/// The draft checked as ready to be reviewed: complete (422 naming each empty required item)
/// and valid. Returns the SHA-256 of its whole content's canonical JSON: what the head's
/// signature will cover.
pub fn ready_for_review(
    conn: &mut DbConnection,
    session: &Session,
    keys: &DataKeys,
    found: &DossierWithPerson,
    draft: &hoso_store::dossiers::DraftRow,
) -> Result<String, AppError> {
    use hoso_domain::dossier::completeness::missing;
    let whole = open_content(keys, &draft.content, draft.sealed.as_deref())?;
    let content = typed(&whole)?;
    let gaps = missing(&content, found.person.category == "contract_worker");
    if !gaps.is_empty() {
        let mut errors = hoso_domain::FieldErrors::new();
        for gap in gaps {
            errors.push(hoso_domain::FieldError::new(
                gap.field,
                "required",
                format!("Chưa khai mục «{}».", gap.label),
            ));
        }
        return Err(errors.into());
    }
    check(
        conn,
        session,
        keys,
        &content,
        Some(&found.dossier.id),
        content.photo_document_id.as_deref(),
        &found.person.unit_id,
    )?;
    Ok(crate::secrets::digest_bytes(canonical_json(&whole).as_bytes()))
}

/// Listing or searching dossiers (lists, search, archive): `read_dossiers` on an account that
/// is not a personal one (a person reads only their own, through `/me/dossier`).
pub fn require_list_right(session: &Session) -> Result<(), AppError> {
    let actor = &session.actor;
    if actor.kind == hoso_domain::access::AccountKind::Personal
        || !actor.rights.contains(hoso_domain::access::Right::ReadDossiers)
    {
        return Err(AppError::Forbidden);
    }
    Ok(())
}
