use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{BatchSignItem, BatchSignRequest, BatchSignResult};
use hoso_domain::FieldError;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::workflow::Signing;

/// Sign many reviews in one action with the built-in signer (CTX-5): the password once, then
/// each dossier gets its own signature over its own statement. One that cannot be signed (moved
/// on, out of scope, outside the window) is reported with its reason; the others are signed.
#[utoipa::path(
    tag = super::TAG,
    request_body = BatchSignRequest,
    responses((status = 200, description = "What was signed and what was not.", body = BatchSignResult)),
    security(("bearer" = []))
)]
#[post("/approvals/batch-sign")]
pub async fn post_approvals_batch_sign(
    session: Session,
    state: web::Data<AppState>,
    body: web::Json<BatchSignRequest>,
) -> Result<HttpResponse, HttpError> {
    let body = body.into_inner();
    if body.review_ids.is_empty() || body.review_ids.len() > 500 {
        return Err(FieldError::new("review_ids", "out_of_range", "Chọn từ 1 đến 500 hồ sơ để ký.").into());
    }
    let app = state.clone();
    let result = state
        .db(move |conn| {
            hoso_app::workflow::confirm_password(conn, &session, &body.password)?;
            let context = hoso_app::workflow::SigningContext::load(conn, &app, true)?;
            let mut items = Vec::new();
            for id in &body.review_ids {
                let item =
                    match hoso_app::workflow::sign(conn, &app, &context, &session, id, Signing::BuiltIn) {
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
    Ok(HttpResponse::Ok().json(result))
}
