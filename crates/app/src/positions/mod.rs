//! Job positions (ORG-3): who holds which.

pub mod create_position_holder;
pub use create_position_holder::create_position_holder;

use hoso_domain::position::Post;
use hoso_store::positions::PositionRow;
use hoso_store::DbConnection;

use crate::error::AppError;

/// A stored position as the dossier checks see it.
pub fn post(row: &PositionRow) -> Post {
    Post {
        code: row.code.clone(),
        name: row.name.clone(),
        required_grade: row.required_grade.clone(),
    }
}

/// The posts of a unit, for checking item 30.3 of its people's dossiers.
pub fn posts_of(conn: &mut DbConnection, unit_id: &str) -> Result<Vec<Post>, AppError> {
    Ok(hoso_store::positions::in_unit(conn, unit_id)?
        .iter()
        .map(post)
        .collect())
}

/// An approved version's item 30.3 becomes the post the person holds (ORG-3): the dossier and
/// the unit's list of holders name the same post. A code the unit no longer has leaves the
/// holder list as it was.
pub fn hold_approved_post(
    conn: &mut DbConnection,
    person: &hoso_store::people::PersonRow,
    job_position: Option<&str>,
) -> Result<(), AppError> {
    let Some(code) = job_position else {
        return Ok(());
    };
    if let Some(position) = hoso_store::positions::find_by_code(conn, &person.unit_id, code)? {
        if person.position_id.as_deref() != Some(position.id.as_str()) {
            hoso_store::positions::assign(conn, &person.id, Some(&position.id))?;
        }
    }
    Ok(())
}
