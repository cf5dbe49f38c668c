use actix_web::{get, web, HttpResponse};
use hoso_api_types::golive::UnitProposalView;
use hoso_domain::access::AccountKind;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

#[derive(Debug, Deserialize, IntoParams)]
pub struct UnitRequestQuery {
    /// `pending`, `approved` or `rejected`.
    pub status: Option<String>,
}

/// Proposals of new units: Sở Nội vụ sees all, an agency those under its own units.
#[utoipa::path(
    tag = super::TAG,
    params(UnitRequestQuery),
    responses((status = 200, description = "Newest first (at most 500).", body = [UnitProposalView])),
    security(("bearer" = []))
)]
#[get("/unit-requests")]
pub async fn get_unit_requests(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<UnitRequestQuery>,
) -> Result<HttpResponse, HttpError> {
    if !matches!(session.actor.kind, AccountKind::Admin | AccountKind::Agency) {
        return Err(AppError::Forbidden.into());
    }
    let within = session.actor.scope.prefix().map(str::to_owned);
    let status = query.into_inner().status;
    let list = state
        .db(move |conn| {
            Ok(
                hoso_store::unit_requests::list(conn, within.as_deref(), status.as_deref())?
                    .into_iter()
                    .map(|(row, parent)| super::view(row, parent))
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}
