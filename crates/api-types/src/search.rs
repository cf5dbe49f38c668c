//! Search by any criteria over approved dossiers, saved searches (USE-1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::dossiers::DossierSummary;

/// Any combination narrows the result; catalogue fields take codes. Also the stored form of a
/// saved search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[serde(default)]
pub struct SearchCriteria {
    /// A unit and everything under it.
    pub unit_id: Option<String>,
    /// Part of the name, without regard to case or diacritics.
    pub q: Option<String>,
    pub gender: Option<String>,
    /// Age in whole years on `as_of` (default today), from…to; 0–150 (others: 422
    /// `out_of_range`).
    #[cfg_attr(feature = "openapi", schema(maximum = 150), param(maximum = 150))]
    pub age_from: Option<u32>,
    #[cfg_attr(feature = "openapi", schema(maximum = 150), param(maximum = 150))]
    pub age_to: Option<u32>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub as_of: Option<NaiveDate>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub born_from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub born_until: Option<NaiveDate>,
    pub ethnicity: Option<String>,
    pub religion: Option<String>,
    /// Grade or professional title.
    pub grade: Option<String>,
    pub job_position: Option<String>,
    pub position: Option<String>,
    pub salary_step: Option<i32>,
    /// In hundredths (434 = 4.34).
    pub coefficient_min: Option<i32>,
    pub coefficient_max: Option<i32>,
    pub qualification: Option<String>,
    pub political_theory: Option<String>,
    pub state_management: Option<String>,
    /// A language code from `languages`.
    pub language: Option<String>,
    pub party_member: Option<bool>,
    pub rating: Option<String>,
    pub has_reward: Option<bool>,
    pub has_discipline: Option<bool>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub recruited_from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub recruited_until: Option<NaiveDate>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub appointed_from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub appointed_until: Option<NaiveDate>,
    /// The workflow state of the dossier.
    pub status: Option<String>,
    /// Archived dossiers instead of those in service.
    pub archived: Option<bool>,
    /// Search the working drafts (latest edits, approved or not) instead of the approved
    /// versions; for accounts that may edit dossiers (`update_dossiers`).
    pub drafts: Option<bool>,
    /// `name` (default), `birth_date` (oldest first), `recruited_on` (longest serving first) or
    /// `coefficient_desc` (highest first); ties by name. Unknown values sort last.
    pub sort: Option<String>,
    /// The columns shown and exported besides number, name and unit: keys of
    /// `RESULT_COLUMNS`, comma-separated, in the order given. A file without it holds them
    /// all; the screen shows `SHOWN_COLUMNS`. Kept with a saved search.
    pub columns: Option<String>,
}

/// The columns a result can show besides number, name and unit: (key, Vietnamese header).
pub const RESULT_COLUMNS: &[(&str, &str)] = &[
    ("gender", "Giới tính"),
    ("birth_date", "Ngày sinh"),
    ("grade", "Ngạch, chức danh"),
    ("salary_step", "Bậc"),
    ("coefficient", "Hệ số"),
    ("position", "Chức vụ"),
    ("qualification", "Trình độ chuyên môn"),
    ("political_theory", "Lý luận chính trị"),
    ("party_member", "Đảng viên"),
    ("rating", "Xếp loại gần nhất"),
    ("recruited_on", "Ngày tuyển dụng"),
];

/// The Vietnamese header of a result column (the key itself if unknown).
pub fn column_header(key: &'static str) -> &'static str {
    RESULT_COLUMNS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, header)| *header)
}

/// The columns on screen until the reader chooses others.
pub const SHOWN_COLUMNS: &[&str] = &["birth_date", "grade", "salary_step", "party_member"];

/// The columns named by `columns` (see `SearchCriteria::columns`), or `Err` with the first
/// unknown key; `None` gives `default`.
pub fn chosen_columns<'a>(
    columns: Option<&'a str>,
    default: &[&'static str],
) -> Result<Vec<&'static str>, &'a str> {
    let Some(columns) = columns.filter(|c| !c.trim().is_empty()) else {
        return Ok(default.to_vec());
    };
    let mut chosen = Vec::new();
    for key in columns.split(',').map(str::trim) {
        let known = RESULT_COLUMNS.iter().find(|(k, _)| *k == key).ok_or(key)?;
        if !chosen.contains(&known.0) {
            chosen.push(known.0);
        }
    }
    Ok(chosen)
}

/// What a result row shows besides the summary (catalogue fields with their labels).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub dossier: DossierSummary,
    pub gender: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub grade: Option<String>,
    pub salary_step: Option<i32>,
    pub coefficient: Option<i32>,
    pub position: Option<String>,
    pub qualification: Option<String>,
    pub political_theory: Option<String>,
    pub party_member: bool,
    pub rating: Option<String>,
    pub recruited_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchPage {
    pub items: Vec<SearchHit>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<String>,
    /// How many dossiers match, every page together: on the first page (no `after`) only.
    #[serde(default)]
    pub total: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSavedSearch {
    #[validate(length(min = 1, max = 200, message = "Đặt tên cho tìm kiếm."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: String,
    pub criteria: SearchCriteria,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedSearchView {
    pub id: String,
    pub name: String,
    pub criteria: SearchCriteria,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_taken_in_the_order_given_once_each() {
        assert_eq!(chosen_columns(None, SHOWN_COLUMNS), Ok(SHOWN_COLUMNS.to_vec()));
        assert_eq!(
            chosen_columns(Some("coefficient, gender,coefficient"), &[]),
            Ok(vec!["coefficient", "gender"])
        );
        assert_eq!(chosen_columns(Some("gender,salary"), &[]), Err("salary"));
    }
}
