//! Statutory reports and breakdowns (USE-2…4, USE-6), report jobs, and the lists HR officers
//! need (USE-3, WF-8).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::dossiers::DossierSummary;
use crate::units::UnitRef;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRow {
    /// The catalogue code, band or unit counted; empty for "not stated".
    pub key: String,
    pub label: String,
    /// The main figure (headed `count_label`).
    pub count: i64,
    /// The further figures, one per entry of the report's `columns`.
    pub values: Vec<i64>,
    /// A count from 1 to 4 of religion, ethnicity or Party membership in a unit outside the
    /// reader's scope (or the cell that would give it away): `count` is 0 and shows as "< 5" (USE-6).
    #[serde(default)]
    pub suppressed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub kind: String,
    pub title: String,
    /// The unit whose subtree is counted; absent for the whole province.
    pub unit: Option<UnitRef>,
    pub as_of: NaiveDate,
    /// The heading of `count`.
    pub count_label: String,
    /// The headings of each row's `values` (men and women of the age pyramid; the quota…).
    pub columns: Vec<String>,
    pub rows: Vec<ReportRow>,
    pub total: i64,
    /// The sums of `values`, column by column.
    pub totals: Vec<i64>,
    /// The total too would give a hidden count away (everyone in one small cell): `total` is 0.
    #[serde(default)]
    pub total_suppressed: bool,
    /// The name its files are given, without the extension: the title in Vietnamese without
    /// diacritics, the unit and the day (`bao-cao-theo-ngach-so-giao-duc-va-dao-tao-2026-12-01`).
    #[serde(default)]
    pub file_name: String,
}

/// A report to make in the background (a past date, or the whole province).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewReportJob {
    pub kind: String,
    pub unit_id: Option<String>,
    /// Default: today.
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportJobView {
    pub id: String,
    pub kind: String,
    pub unit_id: Option<String>,
    pub as_of: NaiveDate,
    /// `running`, `done` or `failed`.
    pub status: String,
    /// People counted so far, of `total`.
    pub done: i64,
    pub total: i64,
    pub error: Option<String>,
    pub created_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    /// The report, once done.
    pub report: Option<ReportView>,
    /// The name its files are given, without the extension (as `ReportView::file_name`).
    #[serde(default)]
    pub file_name: String,
}

/// One person on an HR list, with what makes them due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListItem {
    pub dossier: DossierSummary,
    /// When the raise, retirement or contract end falls; absent on the update-status list.
    pub due_on: Option<NaiveDate>,
    /// What holds now (step and coefficient, contract end, workflow state…).
    pub current: String,
    /// What comes (the next step, retirement, …).
    pub next: String,
    /// Something the officer should check (a discipline that may postpone a raise…).
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListView {
    pub kind: String,
    pub title: String,
    pub unit: Option<UnitRef>,
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// How many people the whole list holds; `items` holds the first `limit` of them by due
    /// date (the exported file holds all).
    pub total: usize,
    pub items: Vec<ListItem>,
}

/// A yearly report the regulation asks for, in its next occurrence (USE-3, USE-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduledReport {
    pub title: String,
    /// Who sends it, to whom.
    pub by: String,
    /// The report kinds that make it up (`GET /reports/{kind}`).
    pub kinds: Vec<String>,
    pub opens_on: NaiveDate,
    pub due_on: NaiveDate,
    /// The day it counts as of (31 December of the past year); absent: the day it is made.
    pub as_of: Option<NaiveDate>,
    /// Today falls between `opens_on` and `due_on`.
    pub open_now: bool,
}

/// The annual headcount report as it is sent to the Ministry of Home Affairs (HY 14.1, TG 16.8):
/// headcount by grade, by professional title and by job position, for a unit and each unit
/// under it, with subtotals and the total, as of 31 December of the year (today for the year
/// not yet ended).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "year": 2025, "as_of": "2025-12-31", "unit": {"id": "0f5c…", "name": "Sở Giáo dục và Đào tạo"},
    "reporting_unit": "Sở Giáo dục và Đào tạo", "recipient": "Bộ Nội vụ", "made_on": "2026-01-10",
    "signer": "Nguyễn Văn Hải", "title": "Báo cáo số lượng cán bộ, công chức, viên chức năm 2025",
    "sections": [{"key": "grade", "title": "Theo ngạch công chức",
        "columns": [{"code": "01.003", "label": "Chuyên viên"}],
        "rows": [{"unit_id": "0f5c…", "label": "Sở Giáo dục và Đào tạo (trực tiếp)", "depth": 0, "kind": "unit", "values": [12], "total": 12},
                 {"unit_id": null, "label": "Tổng cộng", "depth": 0, "kind": "total", "values": [12], "total": 12}],
        "totals": [12], "total": 12}]
})))]
pub struct AnnualReportView {
    pub year: i32,
    /// 31 December of the year, or today while the year runs.
    pub as_of: NaiveDate,
    /// The unit reported on; absent for the whole province.
    pub unit: Option<UnitRef>,
    pub title: String,
    /// The header of a report to the Ministry: who reports, to whom, when, who signs.
    pub reporting_unit: String,
    pub recipient: String,
    pub made_on: NaiveDate,
    pub signer: Option<String>,
    /// `grade` (civil-service grades), `professional_title` (public employees' titles),
    /// `job_position` (the units' job positions), in that order.
    pub sections: Vec<AnnualSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnualSection {
    pub key: String,
    pub title: String,
    /// The codes held by someone in the units reported on, in code order.
    pub columns: Vec<AnnualColumn>,
    pub rows: Vec<AnnualRow>,
    /// The last row's figures (the total), column by column.
    pub totals: Vec<i64>,
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnualColumn {
    pub code: String,
    pub label: String,
}

/// One unit's own people (`unit`), a unit with everything under it (`subtotal`) or the whole
/// report (`total`, no unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnualRow {
    pub unit_id: Option<String>,
    pub label: String,
    /// Depth below the unit reported on (for indenting).
    pub depth: u32,
    pub kind: String,
    /// By column.
    pub values: Vec<i64>,
    pub total: i64,
}
