//! Stored rows as the API shows them.

use chrono::{DateTime, NaiveDateTime, Utc};
use hoso_api_types::accounts::{AccountRequestView, AccountView, ApiClientView};
use hoso_api_types::audit::AuditEventView;
use hoso_api_types::units::{UnitRef, UnitView};
use hoso_domain::access::{AccountKind, Right, RightSet};
use hoso_store::account_requests::AccountRequestRow;
use hoso_store::accounts::AccountWithUnit;
use hoso_store::api_clients::ApiClientRow;
use hoso_store::audit::AuditRow;
use hoso_store::documents::DocumentRow;
use hoso_store::units::UnitRow;

pub fn utc(time: NaiveDateTime) -> DateTime<Utc> {
    time.and_utc()
}

fn rights(stored: &str) -> Vec<Right> {
    // Stored rights were validated on the way in; an unknown one (from a newer version) is
    // left out of the view rather than failing the whole page.
    RightSet::from_storage(stored)
        .map(|set| set.iter().collect())
        .unwrap_or_else(|_| stored.split_whitespace().filter_map(|r| r.parse().ok()).collect())
}

fn kind(stored: &str) -> AccountKind {
    stored.parse().unwrap_or(AccountKind::Personal)
}

pub fn account(found: &AccountWithUnit) -> AccountView {
    let row = &found.account;
    AccountView {
        id: row.id.clone(),
        username: row.username.clone(),
        display_name: row.display_name.clone(),
        kind: kind(&row.kind),
        unit: row.unit_id.clone().map(|id| UnitRef {
            id,
            name: found.unit_name.clone().unwrap_or_default(),
        }),
        person_id: row.person_id.clone(),
        rights: rights(&row.rights),
        holder_name: row.holder_name.clone(),
        status: row.status.clone(),
        read_only_since: row.read_only_since,
        must_change_password: row.must_change_password,
        locked_until: row.locked_until.map(utc),
        last_login_at: row.last_login_at.map(utc),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        version: row.version,
    }
}

pub fn audit_event(row: AuditRow) -> AuditEventView {
    AuditEventView {
        id: row.id,
        at: utc(row.at),
        actor_type: row.actor_type,
        actor_id: row.actor_id,
        actor_name: row.actor_name,
        action: row.action,
        outcome: row.outcome,
        target_type: row.target_type,
        target_id: row.target_id,
        unit_id: row.unit_id,
        subject_person_id: row.subject_person_id,
        right_used: row.right_used,
        ip: row.ip,
        request_id: row.request_id,
        reason: row.reason,
        decision_number: row.decision_number,
        decision_date: row.decision_date,
        decision_signer: row.decision_signer,
        decision_document_id: row.decision_document_id,
        actor_unit: None,
        target_label: None,
    }
}

/// A unit with the name and parent of one of its versions.
pub fn unit(row: UnitRow, version: hoso_store::units::UnitVersionRow) -> UnitView {
    let depth = row.path.trim_matches('/').split('/').count().saturating_sub(1) as u32;
    UnitView {
        id: row.id,
        code: row.code,
        name: version.name,
        kind: row.kind,
        parent_id: version.parent_id,
        depth,
        valid_from: version.valid_from,
        valid_to: version.valid_to,
    }
}

pub fn api_client(row: &ApiClientRow) -> ApiClientView {
    ApiClientView {
        id: row.id.clone(),
        client_id: row.client_id.clone(),
        name: row.name.clone(),
        scopes: row.scopes.split_whitespace().map(str::to_owned).collect(),
        consent_reference: row.consent_reference.clone(),
        status: row.status.clone(),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    }
}

pub fn account_request(row: &AccountRequestRow) -> AccountRequestView {
    AccountRequestView {
        id: row.id.clone(),
        requested_by: row.requested_by.clone(),
        unit_id: row.unit_id.clone(),
        kind: kind(&row.kind),
        username: row.username.clone(),
        display_name: row.display_name.clone(),
        rights: rights(&row.rights),
        justification: row.justification.clone(),
        status: row.status.clone(),
        decided_by: row.decided_by.clone(),
        decided_at: row.decided_at.map(utc),
        decision_note: row.decision_note.clone(),
        created_account_id: row.created_account_id.clone(),
        created_at: utc(row.created_at),
    }
}

pub fn document(row: &DocumentRow) -> hoso_api_types::documents::DocumentView {
    hoso_api_types::documents::DocumentView {
        id: row.id.clone(),
        file_name: row.file_name.clone(),
        content_type: row.content_type.clone(),
        size_bytes: row.size_bytes,
        sha256: row.sha256.clone(),
        uploaded_at: utc(row.uploaded_at),
    }
}

pub fn position(
    row: hoso_store::positions::PositionRow,
    holders: Vec<hoso_store::people::PersonRow>,
) -> hoso_api_types::units::PositionView {
    use hoso_api_types::units::{PersonRef, PositionGroup, PositionView};
    let group = match row.position_group.as_str() {
        "leadership" => PositionGroup::Leadership,
        "shared_professional" => PositionGroup::SharedProfessional,
        "support" => PositionGroup::Support,
        _ => PositionGroup::Professional,
    };
    PositionView {
        vacancies: i64::from(row.posts) - holders.len() as i64,
        holders: holders
            .into_iter()
            .map(|p| PersonRef {
                id: p.id,
                full_name: p.full_name,
            })
            .collect(),
        id: row.id,
        unit_id: row.unit_id,
        code: row.code,
        name: row.name,
        group,
        required_grade: row.required_grade,
        posts: row.posts.into(),
    }
}

pub fn catalog(
    row: &hoso_store::catalogs::CatalogRow,
    entries: i64,
) -> hoso_api_types::catalogs::CatalogSummary {
    hoso_api_types::catalogs::CatalogSummary {
        kind: row.kind.clone(),
        name: row.name.clone(),
        version: row.version,
        source: row.source.clone(),
        effective_date: row.effective_date,
        code_format: row.code_format.clone(),
        parent_kind: row.parent_kind.clone(),
        successor_kind: row.successor_kind.clone(),
        note: row.note.clone(),
        national_version: row.national_version,
        entries,
    }
}

pub fn catalog_entry(row: &hoso_store::catalogs::EntryRow) -> hoso_api_types::catalogs::CatalogEntryView {
    let entry = row.entry();
    hoso_api_types::catalogs::CatalogEntryView {
        code: entry.code,
        label: entry.label,
        parent: entry.parent,
        valid_from: entry.valid_from,
        valid_to: entry.valid_to,
        replaced_by: entry.replaced_by,
        data: entry.data,
        origin: row.origin.clone(),
        source: entry.source,
        local_code: entry.local_code,
    }
}

pub fn dossier_version(row: &hoso_store::dossiers::VersionRow) -> hoso_api_types::dossiers::VersionSummary {
    hoso_api_types::dossiers::VersionSummary {
        number: row.number,
        content_hash: row.content_hash.clone(),
        created_by: row.created_by.clone(),
        created_at: utc(row.created_at),
        note: row.note.clone(),
    }
}

pub fn certificate(row: &hoso_store::signing::CertificateRow) -> hoso_api_types::workflow::CertificateView {
    hoso_api_types::workflow::CertificateView {
        id: row.id.clone(),
        subject: row.subject.clone(),
        issuer: row.issuer.clone(),
        serial: row.serial.clone(),
        fingerprint: row.fingerprint.clone(),
        not_before: utc(row.not_before),
        not_after: utc(row.not_after),
        source: row.source.clone(),
        revoked_at: row.revoked_at.map(utc),
        pem: row.certificate.clone(),
    }
}
