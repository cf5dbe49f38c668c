use std::sync::Arc;

use hoso_domain::access::Denial;
use hoso_domain::approval::{ExportSignature, SignedExport, Step, EXPORT_FORMAT};
use hoso_domain::dossier::protection::RestrictionLevel;
use hoso_store::{dossiers, signing, DbConnection};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The signed export of an approved version (the content with its signatures, verifiable
/// offline) for a reader who may see every field; recorded as `dossier.exported`.
pub async fn read_signed_export(
    app: &Arc<App>,
    session: Session,
    id: String,
    number: i32,
) -> Result<SignedExport, AppError> {
    let shared = app.clone();
    app.db(move |conn| {
        let r = super::load_readable(conn, &session, &id, "dossier.exported")?;
        Ok(signed_export(conn, &shared, &session, &r, number)?.0)
    })
    .await
}

/// The signed export of version `number` for a reader at level `sensitive` (403 below it,
/// audited), with the version's whole content.
pub fn signed_export(
    conn: &mut DbConnection,
    app: &App,
    session: &Session,
    r: &super::Readable,
    number: i32,
) -> Result<(SignedExport, serde_json::Value), AppError> {
    if r.level < RestrictionLevel::Sensitive {
        let event = super::event(session, "dossier.exported", &r.found);
        return Err(crate::audit::refuse(
            conn,
            event,
            Denial::Forbidden("a signed export holds every field; the reader may not see them all".into()),
        ));
    }
    let version = dossiers::version(conn, &r.found.dossier.id, number)?.ok_or(AppError::NotFound)?;
    let content = super::open_content(&app.data_keys, &version.content, version.sealed.as_deref())?;
    let signatures = signing::of_version(conn, &r.found.dossier.id, number)?
        .into_iter()
        .map(|(row, username, name)| ExportSignature {
            step: Step::parse(&row.step).unwrap_or(Step::Head),
            signer_name: name,
            signer_username: username,
            signed_at: crate::views::utc(row.signed_at),
            statement: row.statement,
            cms: row.cms,
        })
        .collect();
    let export = SignedExport {
        format: EXPORT_FORMAT.into(),
        province: app.province_name.clone(),
        dossier_number: r.found.dossier.dossier_number.clone(),
        version: number,
        content: content.clone(),
        content_sha256: version.content_hash,
        exported_at: app.clock.now(),
        signatures,
    };
    Ok((export, content))
}
