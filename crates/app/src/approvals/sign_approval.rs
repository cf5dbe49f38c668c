use hoso_api_types::workflow::{SignRequest, SignatureView};
use hoso_domain::FieldError;

use crate::error::AppError;
use crate::session::Session;
use crate::workflow::Signing;
use crate::App;

/// Sign the step the review waits for: the head's approval of locked data, which makes the
/// immutable version (WF-3), or Sở Nội vụ's approval for the national database (WF-6/7).
/// Either `cms` — a CMS detached signature over the signing payload's statement, made with a
/// certificate registered to the caller and chaining to a trusted root — or `password` for the
/// built-in signer. Outside the monthly window: 409 `window_closed` with the window's dates
/// (or, under a warn-only profile, signed with a warning).
pub async fn sign_approval(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
    body: SignRequest,
) -> Result<SignatureView, AppError> {
    let shared = app.clone();
    let signature: SignatureView = app
        .db(
            move |conn| match (body.cms.as_deref(), body.password.as_deref()) {
                (Some(cms), None) => {
                    let context = crate::workflow::SigningContext::load(conn, &shared, false)?;
                    crate::workflow::sign(conn, &shared, &context, &session, &id, Signing::External(cms))
                }
                (None, Some(password)) => {
                    crate::workflow::confirm_password(conn, &session, password)?;
                    let context = crate::workflow::SigningContext::load(conn, &shared, true)?;
                    crate::workflow::sign(conn, &shared, &context, &session, &id, Signing::BuiltIn)
                }
                _ => Err(FieldError::new(
                    "cms",
                    "one_of",
                    "Gửi chữ ký số (cms) hoặc mật khẩu để ký bằng chữ ký số của hệ thống, không gửi cả hai.",
                )
                .into()),
            },
        )
        .await?;
    Ok(signature)
}
