//! Update campaigns (issue #6): an HR officer opens a window in which chosen people update
//! chosen sections of their dossier until a date; they are notified in the app.

pub mod create_campaign;
pub mod list_campaigns;
pub use create_campaign::create_campaign;
pub use list_campaigns::list_campaigns;

use crate::error::AppError;
use crate::App;
use chrono::NaiveDate;
use hoso_api_types::campaigns::CampaignView;
use hoso_api_types::units::UnitRef;
use hoso_domain::workflow::outside_sections;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::campaigns::CampaignRow;
use hoso_store::dossiers::{self, DossierWithPerson};
use hoso_store::DbConnection;

pub fn list_of(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

pub fn view(row: &CampaignRow, unit_name: &str, today: NaiveDate) -> CampaignView {
    CampaignView {
        id: row.id.clone(),
        unit: UnitRef {
            id: row.unit_id.clone(),
            name: unit_name.to_owned(),
        },
        title: row.title.clone(),
        sections: list_of(&row.sections),
        person_ids: list_of(&row.person_ids),
        opens_on: row.opens_on,
        closes_on: row.closes_on,
        open: (row.opens_on..=row.closes_on).contains(&today),
        created_at: crate::views::utc(row.created_at),
    }
}

/// Whether a campaign (under `unit_path`) covers a person of the unit at `person_path`.
pub fn covers(row: &CampaignRow, unit_path: &str, person_id: &str, person_path: &str) -> bool {
    let people = list_of(&row.person_ids);
    person_path.starts_with(unit_path) && (people.is_empty() || people.iter().any(|p| p == person_id))
}

/// A change filed under a campaign: the campaign is open, covers the person, and the draft
/// differs from the version in force only in the campaign's sections.
pub fn check_change_in_campaign(
    conn: &mut DbConnection,
    state: &App,
    campaign_id: &str,
    found: &DossierWithPerson,
    today: NaiveDate,
) -> Result<(), AppError> {
    let unknown = || FieldError::new("campaign_id", "unknown_campaign", "Không có đợt cập nhật này.");
    let (row, _, unit_path) = hoso_store::campaigns::find(conn, campaign_id)?.ok_or_else(unknown)?;
    if !covers(&row, &unit_path, &found.person.id, &found.unit_path) {
        return Err(unknown().into());
    }
    if !(row.opens_on..=row.closes_on).contains(&today) {
        return Err(FieldError::new(
            "campaign_id",
            "campaign_closed",
            format!(
                "Đợt cập nhật đã kết thúc ngày {}.",
                row.closes_on.format("%d/%m/%Y")
            ),
        )
        .into());
    }
    let keys = &state.data_keys;
    let version = dossiers::version(conn, &found.dossier.id, found.dossier.current_version)?
        .ok_or(AppError::NotFound)?;
    let before = crate::dossiers::open_content(keys, &version.content, version.sealed.as_deref())?;
    let draft = dossiers::draft(conn, &found.dossier.id)?;
    let after = crate::dossiers::open_content(keys, &draft.content, draft.sealed.as_deref())?;
    let changes = hoso_domain::dossier::diff::diff(&before, &after);
    let outside = outside_sections(changes.iter().map(|c| c.path.as_str()), &list_of(&row.sections));
    let mut errors = FieldErrors::new();
    for path in outside {
        errors.push(FieldError::new(
            path,
            "outside_campaign",
            "Mục này không thuộc đợt cập nhật; thay đổi cần gửi riêng kèm minh chứng.",
        ));
    }
    errors.into_result()?;
    Ok(())
}
