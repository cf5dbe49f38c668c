use actix_web::{post, web, HttpResponse};
use hoso_api_types::dossiers::{CreateDossierRequest, DossierView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Open the dossier of a person (DOS-1): one per person for life, with its dossier number and an
/// empty draft (or what is already known). Requires `create_dossiers` over the person's unit.
#[utoipa::path(
    tag = super::TAG,
    request_body = CreateDossierRequest,
    responses(
        (status = 201, description = "Opened.", body = DossierView),
        (status = 409, description = "`dossier_exists`: the person already has one.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/dossiers")]
pub async fn post_dossier(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<CreateDossierRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::dossiers::create_dossier(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}
