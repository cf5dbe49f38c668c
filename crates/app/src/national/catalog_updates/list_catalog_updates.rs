use hoso_api_types::national_catalogs::NationalCatalogUpdateList;
use hoso_domain::catalog::check_administer_catalogs;
use hoso_store::national_catalogs as store;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// States an update can be in, for the filter.
pub const STATES: &[&str] = &[
    store::PENDING,
    store::UNCHANGED,
    store::INVALID,
    store::ACCEPTED,
    store::REJECTED,
    store::SUPERSEDED,
];

/// The national catalogue versions read so far, newest first (at most 200), with how many
/// wait for review. Administrators with `administer_catalogs`.
pub async fn list_catalog_updates(
    app: &App,
    session: Session,
    state: Option<String>,
) -> Result<NationalCatalogUpdateList, AppError> {
    check_administer_catalogs(&session.actor)?;
    if let Some(state) = &state {
        if !STATES.contains(&state.as_str()) {
            return Err(hoso_domain::FieldError::new(
                "state",
                "invalid_choice",
                format!(
                    "Trạng thái «{state}» không có; chọn một trong {}.",
                    STATES.join(", ")
                ),
            )
            .into());
        }
    }
    app.db(move |conn| {
        let rows = store::list_updates(conn, state.as_deref(), 200)?;
        let pending = store::count_in_state(conn, store::PENDING)?;
        let names = super::catalog_names(conn)?;
        let updates = rows
            .into_iter()
            .map(|row| super::view_named(&names, row))
            .collect::<Result<_, _>>()?;
        Ok(NationalCatalogUpdateList { updates, pending })
    })
    .await
}
