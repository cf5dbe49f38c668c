use hoso_api_types::campaigns::{CampaignView, NewCampaign};
use hoso_domain::access::UnitPath;
use hoso_domain::workflow::{check_open_campaign, SECTIONS};
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::accounts::AccountFilter;
use hoso_store::campaigns::{self, NewCampaign as StoreCampaign};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Open an update campaign (`update_dossiers` over the unit): from today to `closes_on`, the
/// people under the unit (or only `person_ids`, who must be under it) may update `sections`
/// without separate evidence; each of their personal accounts is notified in the app, and the
/// deadline dashboard tracks who has not yet submitted.
pub async fn create_campaign(
    app: &std::sync::Arc<App>,
    session: Session,
    body: NewCampaign,
) -> Result<CampaignView, AppError> {
    body.validate()?;
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let unit = hoso_store::units::find(conn, &body.unit_id)?.ok_or(AppError::NotFound)?;
            let path = UnitPath::parse(&unit.path).map_err(AppError::Internal)?;
            let mut event = session.event("campaign.opened");
            event.unit_id = Some(unit.id.clone());
            event.right_used = Some("update_dossiers".into());
            if let Err(denial) = check_open_campaign(&session.actor, &path) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let today = shared.clock.today();
            let mut errors = FieldErrors::new();
            if body.sections.is_empty() {
                errors.push(FieldError::new("sections", "required", "Chọn ít nhất một phần của hồ sơ."));
            }
            for (index, section) in body.sections.iter().enumerate() {
                if !SECTIONS.iter().any(|(key, _)| key == section) {
                    errors.push(FieldError::new(format!("sections[{index}]"), "unknown_section", "Không có phần hồ sơ này."));
                }
            }
            if body.closes_on < today {
                errors.push(FieldError::new("closes_on", "in_past", "Ngày kết thúc không được trước hôm nay."));
            }
            for (index, person) in body.person_ids.iter().enumerate() {
                let under = hoso_store::people::find_with_unit_path(conn, person)?
                    .is_some_and(|(_, person_path)| person_path.starts_with(&unit.path));
                if !under {
                    errors.push(FieldError::new(format!("person_ids[{index}]"), "not_in_unit", "Người này không thuộc đơn vị đã chọn."));
                }
            }
            errors.into_result()?;
            let now = shared.clock.now_naive();
            let sections = serde_json::to_string(&body.sections).expect("sections serialise");
            let people = serde_json::to_string(&body.person_ids).expect("ids serialise");
            let accounts = hoso_store::accounts::list(
                conn,
                &AccountFilter {
                    within: Some(unit.path.clone()),
                    kinds: vec!["personal".into()],
                    limit: 100_000,
                    ..Default::default()
                },
            )?
            .0;
            let row = conn.write_transaction(|conn| -> Result<_, AppError> {
                let row = campaigns::create(
                    conn,
                    StoreCampaign {
                        unit_id: &unit.id,
                        title: &body.title,
                        sections: &sections,
                        person_ids: &people,
                        opens_on: today,
                        closes_on: body.closes_on,
                        created_by: &session.actor.account_id,
                        at: now,
                    },
                )?;
                let text = format!(
                    "Cập nhật hồ sơ đến hết ngày {}: {}.",
                    body.closes_on.format("%d/%m/%Y"),
                    body.sections
                        .iter()
                        .filter_map(|s| SECTIONS.iter().find(|(k, _)| k == s).map(|(_, label)| *label))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                let mut notified = 0;
                for account in accounts.iter().filter(|a| {
                    body.person_ids.is_empty()
                        || a.account.person_id.as_ref().is_some_and(|p| body.person_ids.contains(p))
                }) {
                    campaigns::notify(conn, &account.account.id, "campaign_opened", &body.title, &text, Some("/ho-so-cua-toi"), now)?;
                    notified += 1;
                }
                event.target_type = Some("campaign".into());
                event.target_id = Some(row.id.clone());
                event.details = Some(serde_json::json!({"sections": body.sections, "closes_on": body.closes_on, "notified": notified}).to_string());
                crate::audit::record(conn, event)?;
                Ok(row)
            })?;
            Ok(super::view(&row, &unit.name, today))
        })
        .await?;
    Ok(view)
}
