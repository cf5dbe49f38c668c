use hoso_api_types::workflow::{ReviewView, SubmitRequest};
use hoso_domain::workflow::ReviewKind;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Submit a new employee's first entry for the agency's check (WF-1, WF-2): by the person, or
/// by the HR unit on their behalf (recorded). The draft must be complete and valid and still
/// at the revision read; from now until locked-and-signed or returned it cannot be edited.
/// Later changes go through `POST /change-requests` with their evidence.
pub async fn submit_dossier(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
    body: SubmitRequest,
) -> Result<ReviewView, AppError> {
    body.validate()?;
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let (found, event) =
                crate::workflow::load_for_submission(conn, &session, &id, "dossier.submitted")?;
            if found.dossier.current_version > 0 {
                return Err(AppError::Conflict {
                    code: "invalid_state",
                    message:
                        "Hồ sơ đã được phê duyệt; thay đổi về sau gửi bằng yêu cầu điều chỉnh kèm minh chứng."
                            .into(),
                });
            }
            let submission = crate::workflow::Submission {
                kind: ReviewKind::Initial,
                revision: body.revision,
                reason: body.note.as_deref(),
                event_date: None,
                evidence: &[],
                campaign_id: None,
            };
            crate::workflow::submit(conn, &shared, &session, &found, submission, event)
        })
        .await?;
    Ok(view)
}
