use crate::error::AppError;
use crate::sealing::DataKeys;
use crate::session::Session;
use crate::App;
use chrono::{NaiveDate, Utc};
use hoso_api_types::golive::{RecruitRequest, RecruitmentView};
use hoso_domain::access::UnitPath;
use hoso_domain::dossier::content::{Contract, DossierContent};
use hoso_domain::recruitment::{
    account_due, check_category, check_recruit, old_enough, Category, CategoryFacts,
};
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::recruitments::RecruitmentRow;
use hoso_store::{dossiers, people, positions, recruitments, DbConnection};
use validator::Validate;

/// Record a new recruit (ACC-6, DOS-1): the person, their dossier draft prefilled with what the
/// decision says, their placement in the unit and their category from the first day, in one
/// transaction and in the audit trail. Requires `create_dossiers` over the unit. A citizen ID
/// that already has a dossier is 409 `person_exists` naming it (never a second dossier); the
/// decision's scan is required and its date not in the future; the recruit is at least 18 on
/// the first day. The personal account is then due within the profile's working days.
pub async fn create_recruitment(
    app: &App,
    session: Session,
    body: RecruitRequest,
) -> Result<RecruitmentView, AppError> {
    body.validate()?;
    let keys = app.data_keys.clone();
    let today = app.clock.today();
    let view = app
        .db(move |conn| recruit(conn, &session, &keys, today, body))
        .await?;
    Ok(view)
}

/// The one recruitment operation (the HTTP handler and, later, the import call it).
pub fn recruit(
    conn: &mut DbConnection,
    session: &Session,
    keys: &DataKeys,
    today: NaiveDate,
    body: RecruitRequest,
) -> Result<RecruitmentView, AppError> {
    let unknown_unit = || FieldError::new("unit_id", "unknown_unit", "Không tìm thấy đơn vị.");
    let unit = hoso_store::units::find(conn, &body.unit_id)?.ok_or_else(unknown_unit)?;
    let path = UnitPath::parse(&unit.path).map_err(AppError::Internal)?;
    let mut event = session.event("person.recruited");
    event.unit_id = Some(unit.id.clone());
    event.right_used = Some("create_dossiers".into());
    if let Err(denial) = check_recruit(&session.actor, &path) {
        let refused = crate::audit::refuse(conn, event, denial);
        return Err(match refused {
            AppError::NotFound => unknown_unit().into(),
            other => other,
        });
    }
    if unit.ended_on.is_some() {
        return Err(FieldError::new("unit_id", "unit_ended", "Đơn vị này không còn tồn tại.").into());
    }
    let starts_on = body.starts_on.unwrap_or(body.decision.date);
    let category = check_category(
        &CategoryFacts {
            category: &body.category,
            contract_type: body.contract_type.as_deref(),
            contract_ends_on: body.contract_ends_on,
            starts_on,
            decision_date: body.decision.date,
        },
        today,
    )?;
    let mut errors = FieldErrors::new();
    if !old_enough(body.birth_date, starts_on) {
        errors.push(FieldError::new(
            "birth_date",
            "too_young",
            "Người được tuyển dụng phải đủ 18 tuổi vào ngày bắt đầu làm việc.",
        ));
    }
    errors.into_result()?;
    let document_id = crate::documents::require_decision_scan(conn, session, &body.decision)?;
    if let Some(kind) = &body.contract_type {
        crate::catalogs::require(conn, "contract_type", &["contract_types"], kind, starts_on)?;
    }
    let position = match &body.job_position_id {
        Some(id) => Some(
            positions::find(conn, id)?
                .filter(|p| p.unit_id == unit.id)
                .ok_or_else(|| {
                    FieldError::new(
                        "job_position_id",
                        "unknown_position",
                        "Vị trí việc làm không thuộc đơn vị này.",
                    )
                })?,
        ),
        None => None,
    };
    if let Some((holder, status)) =
        dossiers::holder_of_citizen_hash(conn, &keys.lookup_hash(body.citizen_id.trim()))?
    {
        return Err(AppError::PersonExists {
            dossier_id: holder.id,
            dossier_number: holder.dossier_number,
            in_service: hoso_domain::transfer::IN_SERVICE.contains(&status.as_str()),
        });
    }
    let full_name = body.full_name.trim().to_owned();
    let content = prefilled(
        &body,
        category,
        &unit.name,
        starts_on,
        position.as_ref().map(|p| p.code.clone()),
    );
    // Every item the draft holds is checked as a draft save would check it (gender, citizen-ID
    // format against the birth date and gender), with the names of the request's fields.
    match crate::dossiers::check(conn, session, keys, &content, None, None, &unit.id) {
        Err(AppError::Validation(failed)) => {
            let mut errors = FieldErrors::new();
            for mut field in failed.into_vec() {
                field.field = field.field.trim_start_matches("identity.").to_owned();
                errors.push(field);
            }
            return Err(errors.into());
        }
        other => other?,
    }
    let rules = crate::workflow::rules(conn)?;
    let due_on = account_due(&rules.0, &rules.1, body.decision.date);
    let sealed = crate::dossiers::seal(keys, &content, &full_name);
    let basis = if category == Category::ContractWorker {
        "contract"
    } else {
        "decision"
    };
    let (recruitment, dossier) = conn.write_transaction(|conn| -> Result<_, AppError> {
        let person = people::insert_with(
            conn,
            &full_name,
            &unit.id,
            &crate::people::period_on_decision(
                category,
                body.contract_type.clone(),
                body.contract_ends_on,
                starts_on,
                &body.decision,
                &document_id,
                &session.actor.account_id,
            ),
        )?;
        if let Some(position) = &position {
            positions::assign(conn, &person.id, Some(&position.id))?;
        }
        let number = dossiers::next_number(conn)?;
        let dossier = dossiers::create(
            conn,
            &person.id,
            &number,
            sealed.stored(),
            &session.actor.account_id,
        )?;
        let row = RecruitmentRow {
            id: hoso_store::ids::new_id(),
            person_id: person.id.clone(),
            unit_id: unit.id.clone(),
            job_position_id: position.as_ref().map(|p| p.id.clone()),
            category: category.as_str().into(),
            basis: basis.into(),
            decision_number: body.decision.number.clone(),
            decision_date: body.decision.date,
            decision_signer: body.decision.signer.clone(),
            decision_document_id: document_id.clone(),
            account_due_on: due_on,
            recruited_by: session.actor.account_id.clone(),
            recruited_at: Utc::now().naive_utc(),
        };
        recruitments::insert(conn, &row)?;
        event.target_type = Some("person".into());
        event.target_id = Some(person.id.clone());
        event.subject_person_id = Some(person.id.clone());
        event.decision_number = Some(body.decision.number.clone());
        event.decision_date = Some(body.decision.date.to_string());
        event.decision_signer = Some(body.decision.signer.clone());
        event.decision_document_id = Some(document_id.clone());
        event.details = Some(
            serde_json::json!({
                "dossier_id": dossier.id,
                "dossier_number": number,
                "category": category.as_str(),
                "account_due_on": due_on,
            })
            .to_string(),
        );
        crate::audit::record(conn, event)?;
        Ok((row, dossier))
    })?;
    let listed = hoso_store::recruitments::RecruitmentListed {
        recruitment,
        full_name,
        dossier_id: dossier.id,
        dossier_number: dossier.dossier_number,
        unit_id: unit.id,
        unit_name: unit.name,
        unit_path: unit.path,
        account_id: None,
    };
    Ok(super::view(listed, today))
}

/// What the decision already says, so nobody types it again (DOS-5).
fn prefilled(
    body: &RecruitRequest,
    category: Category,
    unit_name: &str,
    starts_on: NaiveDate,
    job_position: Option<String>,
) -> DossierContent {
    let mut content = DossierContent::default();
    let id = &mut content.identity;
    id.full_name = Some(body.full_name.trim().to_owned());
    id.gender = Some(body.gender.clone());
    id.birth_date = Some(body.birth_date);
    id.citizen_id = Some(body.citizen_id.trim().to_owned());
    content.career.recruited_on = Some(starts_on);
    content.career.recruiting_body = Some(unit_name.to_owned());
    content.career.joined_agency_on = Some(starts_on);
    content.salary.job_position_on = job_position.as_ref().map(|_| starts_on);
    content.salary.job_position = job_position;
    if category == Category::ContractWorker {
        content.contract = Some(Contract {
            number: Some(body.decision.number.clone()),
            kind: body.contract_type.clone(),
            signed_on: Some(body.decision.date),
            starts_on: Some(starts_on),
            ends_on: body.contract_ends_on,
            workplace: Some(unit_name.to_owned()),
            employer_signatory: Some(body.decision.signer.clone()),
            ..Contract::default()
        });
    }
    content
}
