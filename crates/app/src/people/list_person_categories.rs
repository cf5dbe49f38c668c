use hoso_api_types::golive::CategoryPeriodView;
use hoso_domain::access::{check_read_person, UnitPath};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// A person's employment category through time (ORG-2), the earliest period first, each with
/// the decision that began it. Readable by whoever may read the person.
pub async fn list_person_categories(
    app: &App,
    session: Session,
    id: String,
) -> Result<Vec<CategoryPeriodView>, AppError> {
    let periods = app
        .db(move |conn| {
            let (person, path) =
                hoso_store::people::find_with_unit_path(conn, &id)?.ok_or(AppError::NotFound)?;
            let path = UnitPath::parse(&path).map_err(AppError::Internal)?;
            check_read_person(&session.actor, &person.id, &path)?;
            Ok(super::periods(conn, &person.id)?)
        })
        .await?;
    Ok(periods)
}
