use actix_web::{get, HttpResponse};
use hoso_api_types::golive::UnitKindView;
use hoso_domain::recruitment::UNIT_KINDS;

use crate::auth::Session;

/// The kinds of unit of a province's tree (ORG-1) with their Vietnamese names; a new unit may be
/// of any but `province`.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The kinds.", body = [UnitKindView], example = json!([{"code": "department", "label": "Sở, ban, ngành"}]))),
    security(("bearer" = []))
)]
#[get("/unit-kinds")]
pub async fn get_unit_kinds(_session: Session) -> HttpResponse {
    let kinds: Vec<UnitKindView> = UNIT_KINDS
        .iter()
        .map(|(code, label)| UnitKindView {
            code: (*code).into(),
            label: (*label).into(),
        })
        .collect();
    HttpResponse::Ok().json(kinds)
}
