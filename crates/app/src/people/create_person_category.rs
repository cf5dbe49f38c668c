use hoso_api_types::golive::{CategoryChangeRequest, CategoryPeriodView};
use hoso_domain::access::UnitPath;
use hoso_domain::recruitment::{check_category, check_change_category, CategoryFacts};
use hoso_domain::FieldError;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Change a person's employment category on a decision (ORG-2), e.g. a contract worker
/// recruited as a public employee: the period in force ends the day the new one starts; the
/// decision and its scan are required; audited. Requires `update_dossiers` over the person's
/// unit. Reports as of any day count the category of that day.
pub async fn create_person_category(
    app: &App,
    session: Session,
    id: String,
    body: CategoryChangeRequest,
) -> Result<Vec<CategoryPeriodView>, AppError> {
    body.validate()?;
    let today = app.clock.today();
    let periods = app
        .db(move |conn| {
            let (person, path) =
                hoso_store::people::find_with_unit_path(conn, &id)?.ok_or(AppError::NotFound)?;
            let unit_path = UnitPath::parse(&path).map_err(AppError::Internal)?;
            let mut event = session.event("person.category_changed");
            event.target_type = Some("person".into());
            event.target_id = Some(person.id.clone());
            event.subject_person_id = Some(person.id.clone());
            event.unit_id = Some(person.unit_id.clone());
            event.right_used = Some("update_dossiers".into());
            if let Err(denial) = check_change_category(&session.actor, &unit_path) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            if !hoso_domain::transfer::IN_SERVICE.contains(&person.service_status.as_str()) {
                return Err(AppError::Conflict {
                    code: "dossier_archived",
                    message: "Người này đã thôi công tác; hồ sơ ở kho lưu trữ.".into(),
                });
            }
            let category = check_category(
                &CategoryFacts {
                    category: &body.category,
                    contract_type: body.contract_type.as_deref(),
                    contract_ends_on: body.contract_ends_on,
                    starts_on: body.starts_on,
                    decision_date: body.decision.date,
                },
                today,
            )?;
            if body.starts_on > today {
                return Err(FieldError::new(
                    "starts_on",
                    "future_date",
                    "Ngày bắt đầu không được sau hôm nay.",
                )
                .into());
            }
            if let Some(kind) = &body.contract_type {
                crate::catalogs::require(conn, "contract_type", &["contract_types"], kind, body.starts_on)?;
            }
            let current = hoso_store::people::categories_of(conn, &person.id)?
                .into_iter()
                .rfind(|p| p.valid_to.is_none());
            if current.as_ref().is_some_and(|p| body.starts_on <= p.valid_from) {
                return Err(FieldError::new(
                    "starts_on",
                    "date_order",
                    "Ngày bắt đầu phải sau ngày bắt đầu của loại hiện tại.",
                )
                .into());
            }
            let document_id = crate::documents::require_decision_scan(conn, &session, &body.decision)?;
            conn.write_transaction(|conn| -> Result<(), AppError> {
                hoso_store::people::change_category(
                    conn,
                    &person.id,
                    &super::period_on_decision(
                        category,
                        body.contract_type.clone(),
                        body.contract_ends_on,
                        body.starts_on,
                        &body.decision,
                        &document_id,
                        &session.actor.account_id,
                    ),
                )?;
                event.decision_number = Some(body.decision.number.clone());
                event.decision_date = Some(body.decision.date.to_string());
                event.decision_signer = Some(body.decision.signer.clone());
                event.decision_document_id = Some(document_id.clone());
                event.details = Some(
                    serde_json::json!({
                        "from": current.map(|p| p.category),
                        "to": category.as_str(),
                        "starts_on": body.starts_on,
                    })
                    .to_string(),
                );
                crate::audit::record(conn, event)
            })?;
            Ok(super::periods(conn, &person.id)?)
        })
        .await?;
    Ok(periods)
}
