use hoso_api_types::national::DifferenceView;
use hoso_domain::org::check_national_sync;
use hoso_store::national as store;

use crate::error::AppError;
use crate::jobs::QueuedBy;
use crate::session::Session;
use crate::App;

/// Acts on a difference a reconciliation found for a dossier here (lost there, or held there
/// with another content): queues a new message of the dossier's approved version, after the
/// person's earlier ones, and marks the difference resent. Audited.
pub async fn resend_difference(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
) -> Result<DifferenceView, AppError> {
    check_national_sync(&session.actor)?;
    super::connection(app)?;
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let app = &shared;
            let difference = store::find_difference(conn, &id)?.ok_or(AppError::NotFound)?;
            if difference.resolution.is_some() {
                return Err(AppError::Conflict {
                    code: "already_resolved",
                    message: "Chênh lệch này đã được xử lý.".into(),
                });
            }
            let Some(dossier_id) = difference.dossier_id.clone() else {
                return Err(AppError::Conflict {
                    code: "nothing_to_resend",
                    message: "Hồ sơ này không có trong hệ thống nên không có gì để gửi lại; hãy đối chiếu với Bộ Nội vụ."
                        .into(),
                });
            };
            let found = hoso_store::dossiers::find(conn, &dossier_id)?.ok_or(AppError::NotFound)?;
            if found.dossier.current_version == 0 {
                return Err(AppError::Conflict {
                    code: "nothing_to_resend",
                    message: "Hồ sơ chưa có phiên bản được phê duyệt để gửi.".into(),
                });
            }
            let by = QueuedBy::account(&session);
            conn.write_transaction(|conn| -> Result<(), AppError> {
                let message = super::queue_message(
                    conn,
                    app,
                    &dossier_id,
                    super::MessageKind::VersionApproved,
                    Some(found.dossier.current_version),
                    &by,
                )?;
                let now = app.clock.now_naive();
                if !store::resolve_difference(
                    conn,
                    &difference.id,
                    "resent",
                    &session.actor.account_id,
                    Some(&message.id),
                    now,
                )? {
                    return Err(AppError::Conflict {
                        code: "already_resolved",
                        message: "Chênh lệch này đã được xử lý.".into(),
                    });
                }
                let mut event = crate::dossiers::event(&session, "national.difference_resent", &found);
                event.details = Some(
                    serde_json::json!({"difference_id": difference.id, "kind": difference.kind, "message_id": message.id})
                        .to_string(),
                );
                crate::audit::record(conn, event)
            })?;
            let row = store::find_difference(conn, &id)?.ok_or(AppError::NotFound)?;
            Ok(super::difference_view(
                row,
                Some(found.dossier.dossier_number),
                Some(found.person.full_name),
            ))
        })
        .await?;
    app.jobs.bump();
    Ok(view)
}
