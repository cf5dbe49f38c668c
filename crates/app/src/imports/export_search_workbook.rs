use std::collections::HashMap;

use hoso_api_types::search::SearchCriteria;
use hoso_domain::access::Right;
use hoso_domain::dossier::protection::{level_for, RestrictionLevel};
use hoso_domain::import::{person_rows, ImportKind, Placement};

use crate::error::AppError;
use crate::files::File;
use crate::session::Session;
use crate::App;

/// The results of a search (any criteria, up to 50,000 people) written into the staff import
/// template — each person's working draft on «Nhân sự» and every section sheet — so that a unit
/// can download its people, correct them in Excel and import the file again (a round trip: an
/// unchanged file changes nothing). The whole form is written, restricted fields included, so
/// the caller needs `export_data`, `update_dossiers` and `read_sensitive_fields` (SEC-2).
pub async fn export_search_workbook(
    app: &App,
    session: Session,
    criteria: SearchCriteria,
) -> Result<File, AppError> {
    crate::dossiers::require_list_right(&session)?;
    crate::reports::require_exporter(&session)?;
    super::require_importer(&session)?;
    // The citizen ID that keys every row is a restricted field.
    let whole_form = level_for(&session.actor, false) >= RestrictionLevel::Sensitive;
    if !session.actor.rights.contains(Right::UpdateDossiers) || !whole_form {
        return Err(AppError::Forbidden);
    }
    let keys = app.data_keys.clone();
    let today = app.clock.today();
    let (rows, catalogs) = app
        .db(move |conn| {
            let c = crate::search::criteria(conn, &session, &criteria, today)?;
            let found =
                hoso_store::search::search(conn, &c, None, crate::search::search_dossiers::EXPORT_ROWS)?;
            let mut unit_codes: HashMap<String, String> = HashMap::new();
            let mut rows = Vec::new();
            for (hit, _) in found {
                let person = &hit.person;
                if !unit_codes.contains_key(&person.unit_id) {
                    let code = hoso_store::units::find(conn, &person.unit_id)?
                        .map(|u| u.code)
                        .unwrap_or_default();
                    unit_codes.insert(person.unit_id.clone(), code);
                }
                let position_code = match &person.position_id {
                    Some(id) => hoso_store::positions::find(conn, id)?.map(|p| p.code),
                    None => None,
                };
                let draft = hoso_store::dossiers::draft(conn, &hit.dossier.id)?;
                let content = crate::dossiers::typed(&crate::dossiers::open_content(
                    &keys,
                    &draft.content,
                    draft.sealed.as_deref(),
                )?)?;
                let placement = Placement {
                    unit_code: unit_codes[&person.unit_id].clone(),
                    category: person.category.clone(),
                    position_code,
                    decision_number: None,
                };
                rows.extend(person_rows(&content, &placement));
                // Each person sees the export in "Ai đã xem hồ sơ của tôi".
                let mut event = crate::dossiers::event(&session, "dossier.exported", &hit);
                event.details = Some(serde_json::json!({"format": "import_template"}).to_string());
                crate::audit::record(conn, event)?;
            }
            Ok((rows, crate::catalogs::index(conn)?))
        })
        .await?;
    Ok(File {
        name: format!("nhan-su-{today}.xlsx"),
        content_type: super::sheets::XLSX.into(),
        bytes: super::sheets::filled(ImportKind::Staff, &catalogs, &rows)?,
        inline: false,
    })
}
