use hoso_api_types::workflow::{CertificateView, EnrolRequest};
use hoso_domain::access::{Denial, Right};
use hoso_domain::FieldError;
use hoso_signatures::ca::{Key, Subject};
use hoso_signatures::certificates;
use hoso_store::signing::{self, NewCertificate};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Enrol for signing approvals (CTX-5), for accounts holding `approve_dossiers`, after
/// re-confirming the password. With `certificate` (PEM, the signer's certificate first, then
/// any intermediates) the certificate of a USB token or remote signing service is registered:
/// it must be for signing and chain to a trusted root. Without, the built-in CA issues one (the
/// key is generated and kept sealed on the server; an earlier built-in one is revoked).
pub async fn create_my_certificate(
    app: &std::sync::Arc<App>,
    session: Session,
    body: EnrolRequest,
) -> Result<CertificateView, AppError> {
    let shared = app.clone();
    let row = app
        .db(move |conn| {
            let mut event = session.event("signing.certificate_registered");
            event.target_type = Some("account".into());
            event.target_id = Some(session.actor.account_id.clone());
            event.right_used = Some("approve_dossiers".into());
            if !session.actor.rights.contains(Right::ApproveDossiers) {
                return Err(crate::audit::refuse(
                    conn,
                    event,
                    Denial::Forbidden("only approvers sign".into()),
                ));
            }
            crate::workflow::confirm_password(conn, &session, &body.password)?;
            let account = hoso_store::accounts::find(conn, &session.actor.account_id)?
                .ok_or(AppError::Unauthenticated)?;
            let now = shared.clock.now();
            let (certificate, sealed_key, source) = match body.certificate.as_deref() {
                Some(pem) => {
                    let bad =
                        |message: String| FieldError::new("certificate", "invalid_certificate", message);
                    let mut chain = certificates::parse_certificates(pem.as_bytes())
                        .map_err(|_| bad("Không đọc được chứng thư số (cần định dạng PEM).".into()))?;
                    if chain.is_empty() {
                        return Err(bad("Không có chứng thư số nào trong tệp.".into()).into());
                    }
                    let cert = chain.remove(0);
                    let roots = crate::workflow::trusted_roots(conn, &shared)?;
                    hoso_signatures::verify::check_signing_certificate(&cert, &chain, &roots, now)
                        .map_err(|f| FieldError::new("certificate", f.code(), f.message_vi()))?;
                    (cert, None, "external")
                }
                None => {
                    let ca = crate::workflow::authority(conn, &shared)?;
                    let key = Key::generate();
                    let unit = account
                        .unit_name
                        .clone()
                        .unwrap_or_else(|| shared.province_name.clone());
                    let cert = ca.issue(
                        &Subject {
                            common_name: &account.account.display_name,
                            uid: Some(&account.account.username),
                            organisation: &unit,
                        },
                        &key,
                        now,
                        3,
                    );
                    (cert, Some(shared.data_keys.seal(&key.to_bytes())), "builtin")
                }
            };
            let fingerprint = certificates::fingerprint(&certificate);
            if signing::certificate_by_fingerprint(conn, &fingerprint)?.is_some() {
                return Err(FieldError::new(
                    "certificate",
                    "certificate_taken",
                    "Chứng thư số này đã được đăng ký.",
                )
                .into());
            }
            let (not_before, not_after) = certificates::validity(&certificate);
            conn.write_transaction(|conn| -> Result<_, AppError> {
                if source == "builtin" {
                    signing::revoke_built_in(conn, &session.actor.account_id, now.naive_utc())?;
                }
                let row = signing::add_certificate(
                    conn,
                    NewCertificate {
                        account_id: &session.actor.account_id,
                        fingerprint: &fingerprint,
                        subject: &certificates::subject(&certificate),
                        issuer: &certificates::issuer(&certificate),
                        serial: &certificates::serial(&certificate),
                        not_before: not_before.naive_utc(),
                        not_after: not_after.naive_utc(),
                        certificate: &certificates::to_pem(&certificate),
                        sealed_key: sealed_key.as_deref(),
                        source,
                        at: now.naive_utc(),
                    },
                )?;
                event.details =
                    Some(serde_json::json!({"source": source, "fingerprint": fingerprint}).to_string());
                crate::audit::record(conn, event)?;
                Ok(row)
            })
        })
        .await?;
    Ok(crate::views::certificate(&row))
}
