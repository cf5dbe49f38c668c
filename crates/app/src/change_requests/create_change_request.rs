use hoso_api_types::workflow::{NewChangeRequest, ReviewView};
use hoso_domain::workflow::ReviewKind;
use hoso_domain::{FieldError, FieldErrors};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// File a change to an approved dossier (WF-4): the draft at `revision` (edited beforehand),
/// what changed and when, and at least one scanned proof (uploaded to `/documents`, typed from
/// `document_kinds`) — or, under an open update campaign covering the person, changes to the
/// campaign's sections only (422 `outside_campaign` per other field; evidence then optional).
/// It is checked and approved like the first entry, within the profile's change-approval period.
pub async fn create_change_request(
    app: &std::sync::Arc<App>,
    session: Session,
    body: NewChangeRequest,
) -> Result<ReviewView, AppError> {
    body.validate()?;
    let shared = app.clone();
    let view: ReviewView = app
        .db(move |conn| {
            let (found, event) = crate::workflow::load_for_submission(
                conn,
                &session,
                &body.dossier_id,
                "dossier.change_requested",
            )?;
            if found.dossier.current_version == 0 {
                return Err(AppError::Conflict {
                    code: "invalid_state",
                    message: "Hồ sơ chưa được phê duyệt lần đầu; hãy gửi hồ sơ để kiểm tra.".into(),
                });
            }
            let today = shared.clock.today();
            let mut errors = FieldErrors::new();
            if body.event_date > today {
                errors.push(FieldError::new(
                    "event_date",
                    "in_future",
                    "Ngày phát sinh thay đổi không được ở tương lai.",
                ));
            }
            if body.evidence.is_empty() && body.campaign_id.is_none() {
                errors.push(FieldError::new(
                    "evidence",
                    "required",
                    "Cần đính kèm bản scan giấy tờ chứng minh thay đổi.",
                ));
            }
            errors.into_result()?;
            if let Some(campaign_id) = &body.campaign_id {
                crate::campaigns::check_change_in_campaign(conn, &shared, campaign_id, &found, today)?;
            }
            let mut evidence = Vec::new();
            for (index, item) in body.evidence.iter().enumerate() {
                let field = format!("evidence[{index}]");
                crate::dossiers::readable_document(
                    conn,
                    &session,
                    &item.document_id,
                    &format!("{field}.document_id"),
                )?;
                crate::catalogs::require(
                    conn,
                    &format!("{field}.kind"),
                    &["document_kinds"],
                    &item.kind,
                    today,
                )?;
                evidence.push((item.document_id.clone(), item.kind.clone()));
            }
            let submission = crate::workflow::Submission {
                kind: ReviewKind::Change,
                revision: body.revision,
                reason: Some(&body.reason),
                event_date: Some(body.event_date),
                evidence: &evidence,
                campaign_id: body.campaign_id.as_deref(),
            };
            crate::workflow::submit(conn, &shared, &session, &found, submission, event)
        })
        .await?;
    Ok(view)
}
