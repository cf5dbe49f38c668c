use hoso_api_types::national_catalogs::NationalCatalogUpdateView;
use hoso_domain::catalog::check_administer_catalogs;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// One national catalogue version with every change it makes. Administrators with
/// `administer_catalogs`.
pub async fn read_catalog_update(
    app: &App,
    session: Session,
    id: String,
) -> Result<NationalCatalogUpdateView, AppError> {
    check_administer_catalogs(&session.actor)?;
    app.db(move |conn| {
        let row = hoso_store::national_catalogs::find_update(conn, &id)?.ok_or(AppError::NotFound)?;
        super::view(conn, row)
    })
    .await
}
