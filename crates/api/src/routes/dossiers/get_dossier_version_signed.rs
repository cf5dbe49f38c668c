use actix_web::{get, web, HttpResponse};
use hoso_domain::access::Denial;
use hoso_domain::approval::{ExportSignature, SignedExport, Step, EXPORT_FORMAT};
use hoso_domain::dossier::protection::RestrictionLevel;
use hoso_store::{dossiers, signing, DbConnection};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// A version with its signatures (USE-5), to hand over and verify offline with `hoso verify`
/// or `POST /signatures/verify`. The signatures cover the whole content, so only a reader who
/// may see every field (or the person) can take it; others get 403.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("id" = String, Path, description = "Dossier id"),
        ("number" = i32, Path, description = "Version number"),
    ),
    responses((status = 200, description = "The signed export (JSON).", body = SignedExport)),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/versions/{number}/signed")]
pub async fn get_dossier_version_signed(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, HttpError> {
    let (id, number) = path.into_inner();
    let app = state.clone();
    let export = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.exported")?;
            Ok(signed_export(conn, &app, &session, &r, number)?.0)
        })
        .await?;
    let file_name = format!("{}-v{}-signed.json", export.dossier_number, export.version);
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .json(export))
}

/// The signed export of version `number` for a reader at level `sensitive` (403 below it,
/// audited), with the version's whole content.
pub(crate) fn signed_export(
    conn: &mut DbConnection,
    state: &AppState,
    session: &Session,
    r: &super::Readable,
    number: i32,
) -> Result<(SignedExport, serde_json::Value), AppError> {
    if r.level < RestrictionLevel::Sensitive {
        let event = super::event(session, "dossier.exported", &r.found);
        return Err(hoso_app::audit::refuse(
            conn,
            event,
            Denial::Forbidden("a signed export holds every field; the reader may not see them all".into()),
        ));
    }
    let version = dossiers::version(conn, &r.found.dossier.id, number)?.ok_or(AppError::NotFound)?;
    let content = super::open_content(&state.data_keys, &version.content, version.sealed.as_deref())?;
    let signatures = signing::of_version(conn, &r.found.dossier.id, number)?
        .into_iter()
        .map(|(row, username, name)| ExportSignature {
            step: Step::parse(&row.step).unwrap_or(Step::Head),
            signer_name: name,
            signer_username: username,
            signed_at: hoso_app::views::utc(row.signed_at),
            statement: row.statement,
            cms: row.cms,
        })
        .collect();
    let export = SignedExport {
        format: EXPORT_FORMAT.into(),
        province: state.province_name.clone(),
        dossier_number: r.found.dossier.dossier_number.clone(),
        version: number,
        content: content.clone(),
        content_sha256: version.content_hash,
        exported_at: state.clock.now(),
        signatures,
    };
    Ok((export, content))
}
