use base64::Engine;
use hoso_api_types::workflow::SigningPayload;
use hoso_domain::workflow::{signer_for, Action};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// What to sign for the step the review waits for (CTX-5): the approval statement's exact bytes
/// and their SHA-256, for a USB-token plugin or remote signing service, with the signing window.
pub async fn read_approval_signing_payload(
    app: &App,
    session: Session,
    id: String,
) -> Result<SigningPayload, AppError> {
    let today = app.clock.today();
    let payload = app
        .db(move |conn| {
            let loaded = crate::workflow::load(conn, &id)?;
            let (step, statement) = crate::workflow::statement_for(conn, &loaded)?;
            let event = crate::workflow::event(&session, "dossier.signing_payload", &loaded);
            let (profile, calendar) = crate::workflow::rules(conn)?;
            crate::workflow::authorize(conn, &session, &loaded, Action::Sign(step), &event, &profile)?;
            let bytes = statement.to_bytes();
            Ok(SigningPayload {
                step,
                statement_base64: base64::engine::general_purpose::STANDARD.encode(&bytes),
                digest_sha256: hoso_signatures::export::sha256_hex(&bytes),
                statement: String::from_utf8(bytes).expect("canonical JSON is UTF-8"),
                content_sha256: statement.content_sha256,
                version: statement.version,
                window: profile.window_status(signer_for(step, &session.actor.scope), today, &calendar),
            })
        })
        .await?;
    Ok(payload)
}
