//! Signing certificates, the built-in CA and signatures (CTX-5). Keys arrive already sealed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::ids::new_id;
use crate::schema::{accounts, signatures, signing_authority, signing_certificates};

pub const BUILT_IN_AUTHORITY: &str = "builtin";

/// The built-in CA: certificate (PEM) and sealed key, once created.
pub fn authority(conn: &mut DbConnection) -> StoreResult<Option<(String, String)>> {
    Ok(signing_authority::table
        .find(BUILT_IN_AUTHORITY)
        .select((signing_authority::certificate, signing_authority::sealed_key))
        .first(conn)
        .optional()?)
}

/// Stores the built-in CA unless one exists already (then the existing one is kept: two
/// servers creating it at once end with one).
pub fn save_authority(
    conn: &mut DbConnection,
    certificate: &str,
    sealed_key: &str,
    at: NaiveDateTime,
) -> StoreResult<()> {
    if authority(conn)?.is_none() {
        // Another writer's authority, made at the same moment, is kept.
        conn.insert_unless_taken(|conn| {
            diesel::insert_into(signing_authority::table)
                .values((
                    signing_authority::id.eq(BUILT_IN_AUTHORITY),
                    signing_authority::certificate.eq(certificate),
                    signing_authority::sealed_key.eq(sealed_key),
                    signing_authority::created_at.eq(at),
                ))
                .execute(conn)
        })?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = signing_certificates)]
pub struct CertificateRow {
    pub id: String,
    pub account_id: String,
    pub fingerprint: String,
    pub subject: String,
    pub issuer: String,
    pub serial: String,
    pub not_before: NaiveDateTime,
    pub not_after: NaiveDateTime,
    pub certificate: String,
    pub sealed_key: Option<String>,
    pub source: String,
    pub created_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

pub struct NewCertificate<'a> {
    pub account_id: &'a str,
    pub fingerprint: &'a str,
    pub subject: &'a str,
    pub issuer: &'a str,
    pub serial: &'a str,
    pub not_before: NaiveDateTime,
    pub not_after: NaiveDateTime,
    pub certificate: &'a str,
    pub sealed_key: Option<&'a str>,
    pub source: &'a str,
    pub at: NaiveDateTime,
}

pub fn add_certificate(conn: &mut DbConnection, new: NewCertificate<'_>) -> StoreResult<CertificateRow> {
    let id = new_id();
    diesel::insert_into(signing_certificates::table)
        .values((
            signing_certificates::id.eq(&id),
            signing_certificates::account_id.eq(new.account_id),
            signing_certificates::fingerprint.eq(new.fingerprint),
            signing_certificates::subject.eq(new.subject),
            signing_certificates::issuer.eq(new.issuer),
            signing_certificates::serial.eq(new.serial),
            signing_certificates::not_before.eq(new.not_before),
            signing_certificates::not_after.eq(new.not_after),
            signing_certificates::certificate.eq(new.certificate),
            signing_certificates::sealed_key.eq(new.sealed_key),
            signing_certificates::source.eq(new.source),
            signing_certificates::created_at.eq(new.at),
        ))
        .execute(conn)?;
    Ok(signing_certificates::table
        .find(&id)
        .select(CertificateRow::as_select())
        .first(conn)?)
}

/// An account's certificates, newest first, revoked ones included.
pub fn certificates_of(conn: &mut DbConnection, account_id: &str) -> StoreResult<Vec<CertificateRow>> {
    Ok(signing_certificates::table
        .filter(signing_certificates::account_id.eq(account_id))
        .order(signing_certificates::created_at.desc())
        .select(CertificateRow::as_select())
        .load(conn)?)
}

pub fn certificate_by_fingerprint(
    conn: &mut DbConnection,
    fingerprint: &str,
) -> StoreResult<Option<CertificateRow>> {
    Ok(signing_certificates::table
        .filter(signing_certificates::fingerprint.eq(fingerprint))
        .select(CertificateRow::as_select())
        .first(conn)
        .optional()?)
}

/// Ends the use of an account's earlier built-in certificates (a new one replaces them).
pub fn revoke_built_in(conn: &mut DbConnection, account_id: &str, at: NaiveDateTime) -> StoreResult<()> {
    diesel::update(
        signing_certificates::table
            .filter(signing_certificates::account_id.eq(account_id))
            .filter(signing_certificates::source.eq("builtin"))
            .filter(signing_certificates::revoked_at.is_null()),
    )
    .set(signing_certificates::revoked_at.eq(at))
    .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = signatures)]
pub struct SignatureRow {
    pub id: String,
    pub dossier_id: String,
    pub version_number: i32,
    pub step: String,
    pub review_id: String,
    pub account_id: String,
    pub certificate_id: String,
    pub statement: String,
    pub cms: String,
    pub signed_at: NaiveDateTime,
    pub window_warning: Option<String>,
}

pub struct NewSignature<'a> {
    pub dossier_id: &'a str,
    pub version_number: i32,
    pub step: &'a str,
    pub review_id: &'a str,
    pub account_id: &'a str,
    pub certificate_id: &'a str,
    pub statement: &'a str,
    pub cms: &'a str,
    pub signed_at: NaiveDateTime,
    pub window_warning: Option<&'a str>,
}

pub fn add_signature(conn: &mut DbConnection, new: NewSignature<'_>) -> StoreResult<SignatureRow> {
    let row = SignatureRow {
        id: new_id(),
        dossier_id: new.dossier_id.into(),
        version_number: new.version_number,
        step: new.step.into(),
        review_id: new.review_id.into(),
        account_id: new.account_id.into(),
        certificate_id: new.certificate_id.into(),
        statement: new.statement.into(),
        cms: new.cms.into(),
        signed_at: new.signed_at,
        window_warning: new.window_warning.map(str::to_owned),
    };
    diesel::insert_into(signatures::table)
        .values((
            signatures::id.eq(&row.id),
            signatures::dossier_id.eq(&row.dossier_id),
            signatures::version_number.eq(row.version_number),
            signatures::step.eq(&row.step),
            signatures::review_id.eq(&row.review_id),
            signatures::account_id.eq(&row.account_id),
            signatures::certificate_id.eq(&row.certificate_id),
            signatures::statement.eq(&row.statement),
            signatures::cms.eq(&row.cms),
            signatures::signed_at.eq(row.signed_at),
            signatures::window_warning.eq(&row.window_warning),
        ))
        .execute(conn)?;
    Ok(row)
}

/// A version's signatures with the signer's username and display name, in signing order.
pub fn of_version(
    conn: &mut DbConnection,
    dossier_id: &str,
    version: i32,
) -> StoreResult<Vec<(SignatureRow, String, String)>> {
    Ok(signatures::table
        .inner_join(accounts::table)
        .filter(signatures::dossier_id.eq(dossier_id))
        .filter(signatures::version_number.eq(version))
        .order(signatures::signed_at.asc())
        .select((
            SignatureRow::as_select(),
            accounts::username,
            accounts::display_name,
        ))
        .load(conn)?)
}

pub fn certificate_by_id(conn: &mut DbConnection, id: &str) -> StoreResult<Option<CertificateRow>> {
    Ok(signing_certificates::table
        .find(id)
        .select(CertificateRow::as_select())
        .first(conn)
        .optional()?)
}
