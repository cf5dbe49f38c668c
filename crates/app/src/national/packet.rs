//! A message's packet (docs/integration.md, `POST /cbccvc/v1/packets`): the approved version
//! mapped to the national groups, hashed and signed with the connection's key (INT-1).

use base64::Engine;
use hoso_domain::FieldErrors;
use hoso_signatures::ca::{Key, Subject};
use hoso_signatures::certificates::{self, Certificate};
use hoso_store::national::MessageRow;
use hoso_store::DbConnection;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::App;

/// Where the connection's signing key and certificate are kept (the key sealed).
const KEY: &str = "national_signing_key";
const CERTIFICATE: &str = "national_signing_certificate";

/// A packet ready to send.
pub struct Packet {
    pub body: Value,
    /// Canonical JSON of the packet's `person`: what is hashed and signed.
    pub person: String,
    pub sha256: String,
}

/// Why a packet cannot be made: values the national database would refuse (for the agency to
/// correct), or a failure of ours.
pub enum Refusal {
    Uncoded(FieldErrors),
    Failed(AppError),
}

impl From<AppError> for Refusal {
    fn from(error: AppError) -> Self {
        Refusal::Failed(error)
    }
}

impl From<hoso_store::StoreError> for Refusal {
    fn from(error: hoso_store::StoreError) -> Self {
        Refusal::Failed(error.into())
    }
}

/// The `person` object of a message: what the approved version (or, for a change of status,
/// the latest approved version) says, in the mapping's groups, with catalogue codes only.
pub fn person_of(conn: &mut DbConnection, app: &App, message: &MessageRow) -> Result<Value, Refusal> {
    let found = hoso_store::dossiers::find(conn, &message.dossier_id)?.ok_or(AppError::NotFound)?;
    let number = message.version_number.unwrap_or(found.dossier.current_version);
    let version = hoso_store::dossiers::version(conn, &message.dossier_id, number)?.ok_or_else(|| {
        AppError::Internal(format!(
            "dossier {} has no version {number} to send",
            message.dossier_id
        ))
    })?;
    let content = crate::dossiers::open_content(&app.data_keys, &version.content, version.sealed.as_deref())?;
    let typed = crate::dossiers::typed(&content)?;
    let catalogs = crate::catalogs::index_for(conn, &typed)?;
    let unit = hoso_store::units::find(conn, &found.person.unit_id)?.ok_or(AppError::NotFound)?;
    let position = match &found.person.position_id {
        Some(id) => hoso_store::positions::find(conn, id)?.map(|p| p.code),
        None => None,
    };
    let source = json!({
        "content": content,
        "person": {
            "category": found.person.category,
            "unit_code": unit.code,
            "job_position_code": position,
        },
    });
    let groups = hoso_domain::national::build_groups(
        &app.national.mapping,
        &source,
        &catalogs,
        super::consent::sends_sensitive(app, super::consent::current(conn)?.as_ref()),
    )
    .map_err(Refusal::Uncoded)?;
    Ok(json!({
        "citizen_id": typed.identity.citizen_id,
        "national_identifier": found.dossier.national_identifier,
        "dossier_number": found.dossier.dossier_number,
        "version": number,
        "status": message.person_status,
        "groups": groups,
    }))
}

/// The whole packet of a message, signed.
pub fn build(conn: &mut DbConnection, app: &App, message: &MessageRow) -> Result<Packet, Refusal> {
    let person = person_of(conn, app, message)?;
    let bytes = hoso_domain::national::canonical_bytes(&person);
    let sha256 = format!("{:x}", Sha256::digest(&bytes));
    let signer = signer(conn, app)?;
    let cms = hoso_signatures::ca::sign_detached(&bytes, &signer.0, &signer.1, app.clock.now());
    let previous = hoso_store::national::previous(conn, &message.person_id, message.sequence)?;
    let province = hoso_store::units::root(conn)?.map(|u| u.code).unwrap_or_default();
    let body = json!({
        "schema": hoso_domain::national::SCHEMA,
        "message_id": message.id,
        "kind": message.kind,
        "sequence": message.sequence,
        "previous_message_id": previous.map(|p| p.id),
        "sender": {"province": province, "system": "hoso"},
        "sent_at": app.clock.now().to_rfc3339(),
        "person": person,
        "packet_sha256": sha256,
        "signature": base64::engine::general_purpose::STANDARD.encode(cms),
    });
    Ok(Packet {
        body,
        person: String::from_utf8(bytes).expect("canonical JSON is UTF-8"),
        sha256,
    })
}

/// The connection's key and certificate chain: the pair the Ministry issued
/// (`HOSO_NATIONAL_SIGNING_KEY`), or else one made once, issued by the built-in CA, the key
/// sealed with the data keys.
pub fn signer(conn: &mut DbConnection, app: &App) -> Result<super::Signer, AppError> {
    if let Some(pair) = &app.national.signing {
        return Ok(pair.signer.clone());
    }
    if let Some(read) = app.national.built_in.0.get() {
        return Ok(read.clone());
    }
    let read = std::sync::Arc::new(built_in_signer(conn, app)?);
    Ok(app.national.built_in.0.get_or_init(|| read).clone())
}

fn built_in_signer(conn: &mut DbConnection, app: &App) -> Result<(Key, Vec<Certificate>), AppError> {
    let authority = crate::workflow::authority(conn, app)?;
    let stored = (
        hoso_store::meta::get(conn, KEY)?,
        hoso_store::meta::get(conn, CERTIFICATE)?,
    );
    let (sealed, pem) = match stored {
        (Some(sealed), Some(pem)) => (sealed, pem),
        _ => {
            let key = Key::generate();
            let certificate = authority.issue(
                &Subject {
                    common_name: &format!("hoso — kết nối CSDL quốc gia — {}", app.province_name),
                    uid: None,
                    organisation: &app.province_name,
                },
                &key,
                app.clock.now(),
                5,
            );
            let (sealed, pem) = (
                app.data_keys.seal(&key.to_bytes()),
                certificates::to_pem(&certificate),
            );
            conn.write_transaction(|conn| -> Result<(), AppError> {
                // Another worker may have made one at the same moment: the first stored stays,
                // with its certificate.
                if hoso_store::meta::insert_if_absent(conn, KEY, &sealed)? {
                    hoso_store::meta::set(conn, CERTIFICATE, &pem)?;
                }
                Ok(())
            })?;
            (
                hoso_store::meta::get(conn, KEY)?.unwrap_or(sealed),
                hoso_store::meta::get(conn, CERTIFICATE)?.unwrap_or(pem),
            )
        }
    };
    let key_bytes = app
        .data_keys
        .open(&sealed)
        .map_err(|e| AppError::Internal(format!("national signing key: {e}")))?;
    let key = Key::from_bytes(&key_bytes).map_err(AppError::Internal)?;
    let certificate = crate::workflow::first_certificate(&pem)?;
    Ok((key, vec![certificate, authority.certificate.clone()]))
}
