use std::sync::Arc;

use crate::error::AppError;
use crate::files::File;
use crate::session::Session;
use crate::App;

/// The roots this deployment trusts for approval signatures (the built-in CA, made on first use,
/// and the configured roots) as one PEM file, for verifying exports offline.
pub async fn trusted_roots_pem(app: &Arc<App>, _session: Session) -> Result<File, AppError> {
    let shared = app.clone();
    let roots = app
        .db(move |conn| {
            crate::workflow::authority(conn, &shared)?;
            crate::workflow::trusted_roots(conn, &shared)
        })
        .await?;
    Ok(File {
        name: "hoso-trusted-roots.pem".into(),
        content_type: "application/x-pem-file".into(),
        bytes: roots
            .iter()
            .map(hoso_signatures::certificates::to_pem)
            .collect::<String>()
            .into_bytes(),
        inline: false,
    })
}
