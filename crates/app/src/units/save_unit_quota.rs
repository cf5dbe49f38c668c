use hoso_api_types::units::SetQuotaRequest;
use hoso_domain::org::check_manage_units;
use hoso_store::quotas::{self, ByCategory};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Set a unit's staffing quota for a year (ORG-2): civil servants, public employees, contract
/// workers, with the decision it rests on (Sở Nội vụ). Audited.
pub async fn save_unit_quota(
    app: &App,
    session: Session,
    path: (String, i32),
    body: SetQuotaRequest,
) -> Result<(), AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let ((id, year), body) = (path, body);
    if !(2000..=2100).contains(&year) {
        return Err(hoso_domain::FieldError::new("year", "out_of_range", "Năm không hợp lệ.").into());
    }
    app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let unit = super::load(conn, &id, "unit_id")?;
                let quota = ByCategory {
                    civil_servants: body.civil_servants,
                    public_employees: body.public_employees,
                    contract_workers: body.contract_workers,
                };
                quotas::set(conn, &unit.id, year, quota, body.decision_number.as_deref(), &session.account.account.id)?;
                let mut event = session.event("unit.quota_set");
                event.target_type = Some("unit".into());
                event.target_id = Some(unit.id.clone());
                event.unit_id = Some(unit.id.clone());
                event.right_used = Some("manage_units".into());
                event.reason = Some(body.reason.clone());
                event.decision_number = body.decision_number.clone();
                event.details = Some(serde_json::json!({"year": year, "civil_servants": body.civil_servants, "public_employees": body.public_employees, "contract_workers": body.contract_workers}).to_string());
                crate::audit::record(conn, event)
            })
        })
        .await?;
    Ok(())
}
