use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{get, web, HttpResponse};
use hoso_domain::approval::Step;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::print::SignedAppendix;

/// A version as the printed form with its signatures (USE-5): a page listing each signature
/// (step, signer, time) and the signed export embedded as a file, so the PDF alone can be
/// verified offline (`hoso verify FILE.pdf --trust roots.pem`). Same readers as the JSON export.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("id" = String, Path, description = "Dossier id"),
        ("number" = i32, Path, description = "Version number"),
    ),
    responses((status = 200, description = "The signed form.", content_type = "application/pdf")),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/versions/{number}/signed.pdf")]
pub async fn get_dossier_version_signed_pdf(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, HttpError> {
    let (id, number) = path.into_inner();
    let app = state.clone();
    let (bytes, file_name) = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.exported")?;
            let (export, content) =
                super::get_dossier_version_signed::signed_export(conn, &app, &session, &r, number)?;
            let json = serde_json::to_vec_pretty(&export).expect("an export serialises");
            let lines = export
                .signatures
                .iter()
                .map(|s| {
                    let step = match s.step {
                        Step::Head => "Thủ trưởng cơ quan ký duyệt",
                        Step::HomeAffairs => "Sở Nội vụ phê duyệt",
                    };
                    let at = (s.signed_at + chrono::Duration::hours(7)).format("%d/%m/%Y %H:%M");
                    format!("{step}: {} ({}), lúc {at}", s.signer_name, s.signer_username)
                })
                .collect();
            let base = format!("{}-v{number}", export.dossier_number);
            let status = format!(
                "Phiên bản {number} có chữ ký số — SHA-256 {}",
                export.content_sha256
            );
            let appendix = SignedAppendix {
                lines,
                file_name: format!("{base}-signed.json"),
                export_json: &json,
            };
            let pdf = super::get_dossier_print::render(
                conn,
                app.blobs.as_ref(),
                &r,
                &content,
                status,
                Some(appendix),
            )?;
            Ok((pdf, format!("{base}-signed.pdf")))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(file_name)],
        })
        .body(bytes))
}
