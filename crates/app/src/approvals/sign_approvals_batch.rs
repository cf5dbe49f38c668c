use hoso_api_types::workflow::{BatchSignItem, BatchSignRequest, BatchSignResult};
use hoso_domain::FieldError;

use crate::error::AppError;
use crate::session::Session;
use crate::workflow::Signing;
use crate::App;

/// Sign many reviews in one action with the built-in signer (CTX-5): the password once, then
/// each dossier gets its own signature over its own statement. One that cannot be signed (moved
/// on, out of scope, outside the window) is reported with its reason; the others are signed.
pub async fn sign_approvals_batch(
    app: &std::sync::Arc<App>,
    session: Session,
    body: BatchSignRequest,
) -> Result<BatchSignResult, AppError> {
    if body.review_ids.is_empty() || body.review_ids.len() > 500 {
        return Err(FieldError::new("review_ids", "out_of_range", "Chọn từ 1 đến 500 hồ sơ để ký.").into());
    }
    let shared = app.clone();
    let result = app
        .db(move |conn| {
            crate::workflow::confirm_password(conn, &session, &body.password)?;
            let context = crate::workflow::SigningContext::load(conn, &shared, true)?;
            let mut items = Vec::new();
            for id in &body.review_ids {
                let item =
                    match crate::workflow::sign(conn, &shared, &context, &session, id, Signing::BuiltIn) {
                        Ok(signature) => BatchSignItem {
                            review_id: id.clone(),
                            ok: true,
                            code: None,
                            message: None,
                            signature: Some(signature),
                        },
                        Err(error) => BatchSignItem {
                            review_id: id.clone(),
                            ok: false,
                            code: Some(error.code().into()),
                            message: Some(error.message()),
                            signature: None,
                        },
                    };
                items.push(item);
            }
            Ok(BatchSignResult {
                signed: items.iter().filter(|i| i.ok).count(),
                items,
            })
        })
        .await?;
    Ok(result)
}
