use actix_web::{post, web, HttpResponse};
use hoso_api_types::golive::{RecruitRequest, RecruitmentView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Record a new recruit (ACC-6, DOS-1): the person, their dossier draft prefilled with what the
/// decision says, their placement in the unit and their category from the first day, in one
/// transaction and in the audit trail. Requires `create_dossiers` over the unit. A citizen ID
/// that already has a dossier is 409 `person_exists` naming it (never a second dossier); the
/// decision's scan is required and its date not in the future; the recruit is at least 18 on
/// the first day. The personal account is then due within the profile's working days.
#[utoipa::path(
    tag = super::TAG,
    request_body = RecruitRequest,
    responses(
        (status = 201, description = "Recorded: the person, the dossier and the account deadline.", body = RecruitmentView),
        (status = 409, description = "`person_exists`: the citizen ID has a dossier (`details.dossier_id`).", body = hoso_api_types::ErrorBody),
        (status = 422, description = "A field failed (`unit_id` outside the caller's scope is `unknown_unit`).", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/recruitments")]
pub async fn post_recruitment(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<RecruitRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::recruitments::create_recruitment(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}
