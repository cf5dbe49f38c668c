use hoso_api_types::dossiers::{CreateDossierRequest, DossierView};
use hoso_domain::access::{check_create_dossier, UnitPath};
use hoso_store::dossiers;
use hoso_store::people;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Open the dossier of a person (DOS-1): one per person for life, with its dossier number and an
/// empty draft (or what is already known). Requires `create_dossiers` over the person's unit.
pub async fn create_dossier(
    app: &App,
    session: Session,
    body: CreateDossierRequest,
) -> Result<DossierView, AppError> {
    let mut body = body;
    let keys = app.data_keys.clone();
    let view = app
        .db(move |conn| {
            let (person, unit_path) =
                people::find_with_unit_path(conn, &body.person_id)?.ok_or_else(|| {
                    hoso_domain::FieldError::new("person_id", "unknown_person", "Không tìm thấy người này.")
                })?;
            let path = UnitPath::parse(&unit_path).map_err(AppError::Internal)?;
            let mut event = session.event("dossier.created");
            event.target_type = Some("person".into());
            event.target_id = Some(person.id.clone());
            event.subject_person_id = Some(person.id.clone());
            event.unit_id = Some(person.unit_id.clone());
            event.right_used = Some("create_dossiers".into());
            if let Err(denial) = check_create_dossier(&session.actor, &path) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            if dossiers::find_by_person(conn, &person.id)?.is_some() {
                return Err(AppError::Conflict {
                    code: "dossier_exists",
                    message: "Người này đã có hồ sơ; mỗi người chỉ có một hồ sơ suốt quá trình công tác."
                        .into(),
                });
            }
            body.content
                .identity
                .full_name
                .get_or_insert_with(|| person.full_name.clone());
            super::check(conn, &session, &keys, &body.content, None, None, &person.unit_id)?;
            let sealed = super::seal(&keys, &body.content, &person.full_name);
            let id = conn.write_transaction(|conn| -> Result<String, AppError> {
                let number = dossiers::next_number(conn)?;
                let row = dossiers::create(
                    conn,
                    &person.id,
                    &number,
                    sealed.stored(),
                    &session.actor.account_id,
                )?;
                event.target_type = Some("dossier".into());
                event.target_id = Some(row.id.clone());
                event.details = Some(serde_json::json!({"dossier_number": number}).to_string());
                crate::audit::record(conn, event)?;
                Ok(row.id)
            })?;
            let found = dossiers::find(conn, &id)?.ok_or(AppError::NotFound)?;
            Ok(DossierView {
                summary: super::summary(&found),
                level: hoso_domain::dossier::protection::level_for(&session.actor, false),
                content: None,
                editable: true,
            })
        })
        .await?;
    Ok(view)
}
