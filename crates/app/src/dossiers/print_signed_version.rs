use std::sync::Arc;

use hoso_domain::approval::Step;

use crate::error::AppError;
use crate::files::File;
use crate::print::SignedAppendix;
use crate::session::Session;
use crate::App;

/// An approved version printed with its signatures page and the signed export embedded, for a
/// reader who may see every field; recorded as `dossier.exported`.
pub async fn print_signed_version(
    app: &Arc<App>,
    session: Session,
    id: String,
    number: i32,
) -> Result<File, AppError> {
    let shared = app.clone();
    let (bytes, name) = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.exported")?;
            let (export, content) =
                super::read_signed_export::signed_export(conn, &shared, &session, &r, number)?;
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
            let pdf = super::print_dossier::render(
                conn,
                shared.blobs.as_ref(),
                &r,
                &content,
                status,
                Some(appendix),
            )?;
            Ok((pdf, format!("{base}-signed.pdf")))
        })
        .await?;
    Ok(File {
        name,
        content_type: "application/pdf".into(),
        bytes,
        inline: false,
    })
}
