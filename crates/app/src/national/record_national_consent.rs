use hoso_api_types::national::{NationalConsentRequest, NationalConsentView};
use hoso_domain::org::check_national_sync;
use validator::Validate;

use super::consent::{self, Consent};
use crate::error::AppError;
use crate::jobs::QueuedBy;
use crate::session::Session;
use crate::App;

/// Records the written consent the connection runs under (INT-3), replacing the one before:
/// the decision's number, date, signer and scanned copy, and whether it covers the sensitive
/// group. Messages that stopped for want of consent are queued again, in their order. Audited.
pub async fn record_national_consent(
    app: &std::sync::Arc<App>,
    session: Session,
    body: NationalConsentRequest,
) -> Result<NationalConsentView, AppError> {
    check_national_sync(&session.actor)?;
    body.validate()?;
    let Some(document) = body.decision.document_id.clone() else {
        return Err(hoso_domain::FieldError::new(
            "decision.document_id",
            "required",
            "Đính kèm bản scan văn bản đồng ý chia sẻ dữ liệu.",
        )
        .into());
    };
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let app = &shared;
            crate::dossiers::readable_document(conn, &session, &document, "decision.document_id")?;
            let recorded = Consent {
                number: body.decision.number.trim().to_owned(),
                date: body.decision.date,
                signer: body.decision.signer.trim().to_owned(),
                document_id: Some(document),
                covers_sensitive: body.covers_sensitive,
                recorded_by: session.account.account.username.clone(),
                recorded_at: app.clock.now(),
            };
            let by = QueuedBy::account(&session);
            let requeued = conn.write_transaction(|conn| -> Result<usize, AppError> {
                let before = consent::current(conn)?;
                consent::save(conn, &recorded)?;
                let mut requeued = 0;
                if app.national.connection.is_some() {
                    for message in hoso_store::national::dead_with_code(conn, "consent_missing")? {
                        requeued += super::retry_national_message::requeue_from(conn, app, &message, &by)?;
                    }
                }
                let mut event = session.event("national.consent_recorded");
                event.target_type = Some("national_connection".into());
                event.details = Some(
                    serde_json::json!({
                        "number": recorded.number, "date": recorded.date, "signer": recorded.signer,
                        "document_id": recorded.document_id, "covers_sensitive": recorded.covers_sensitive,
                        "replaces": before.map(|b| b.number), "requeued": requeued,
                    })
                    .to_string(),
                );
                crate::audit::record(conn, event)?;
                Ok(requeued)
            })?;
            if requeued > 0 {
                tracing::info!(requeued, "messages held for want of consent queued again");
            }
            Ok(consent::view(app, Some(recorded)))
        })
        .await?;
    app.jobs.bump();
    Ok(view)
}
