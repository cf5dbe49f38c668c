//! Statutory reports and breakdowns (USE-2…4): headcount by grade, job position, gender, age
//! band, ethnicity, religion, qualification, political theory, state management, Party
//! membership and rating, for a unit and its subtree, today or as of a past date; quotas
//! against headcount; the update status of dossiers (WF-8) and Tiền Giang's agency report on the
//! use, update, approval and sync of data. Aggregates are shared (USE-6): every unit sees the
//! province's figures; individual rows stay within scope (`/search`, `/lists`).
//!
//! Today's figures are counted by the database from the facts of the versions in force. A past
//! date is counted from what stood then: the unit tree of that day (`unit_versions`), where each
//! person was placed (`person_placements`) and the dossier version then in force — slower, so
//! such reports can also run as jobs with progress (`/report-jobs`).

pub mod create_report_job;
pub mod list_report_jobs;
pub mod list_report_schedule;
pub mod make_annual_report;
pub mod make_report;
pub mod read_report_job;
pub use create_report_job::create_report_job;
pub use list_report_jobs::list_report_jobs;
pub use list_report_schedule::list_report_schedule;
pub use make_annual_report::make_annual_report;
pub use make_report::make_report;
pub use read_report_job::read_report_job;

use crate::error::AppError;
use crate::export::{Cell, Table};
use chrono::{Datelike, NaiveDate};
use hoso_api_types::reports::{ReportRow, ReportView};
use hoso_api_types::units::UnitRef;
use hoso_domain::dossier::facts::Facts;
use hoso_domain::report::{self, Dimension, AGE_BANDS};
use hoso_domain::FieldError;
use hoso_store::units::UnitRow;
use hoso_store::{search, DbConnection};
use std::collections::{BTreeMap, HashSet};

/// Where a report's figures come from.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    /// People counted by one fact, labelled from these catalogues.
    Count(Dimension, &'static [&'static str]),
    /// People by the job position of their dossier (item 30.3), with the units' posts: how
    /// many each position has, are held and are free (ORG-3).
    Posts,
    Age,
    Party,
    /// Per unit below: headcount against the year's quota.
    Quota,
    /// Per unit below: dossiers by workflow state (WF-8).
    Status,
    /// Per unit below, from 1 January to the date: Tiền Giang's agency report.
    Activity,
}

pub struct Kind {
    pub key: &'static str,
    pub title: &'static str,
    /// The start of its files' names (`bao-cao-<slug>-…`), in Vietnamese without diacritics.
    pub slug: &'static str,
    pub source: Source,
}

pub const KINDS: &[Kind] = &[
    Kind {
        key: "grade",
        slug: "theo-ngach",
        title: "Số lượng theo ngạch, chức danh nghề nghiệp",
        source: Source::Count(Dimension::Grade, hoso_domain::catalog::GRADE_KINDS),
    },
    Kind {
        key: "job_position",
        slug: "theo-vi-tri-viec-lam",
        title: "Số lượng theo vị trí việc làm",
        source: Source::Posts,
    },
    Kind {
        key: "gender",
        slug: "theo-gioi-tinh",
        title: "Số lượng theo giới tính",
        source: Source::Count(Dimension::Gender, &["genders"]),
    },
    Kind {
        key: "age",
        slug: "thap-tuoi",
        title: "Tháp tuổi theo giới tính",
        source: Source::Age,
    },
    Kind {
        key: "ethnicity",
        slug: "theo-dan-toc",
        title: "Số lượng theo dân tộc",
        source: Source::Count(Dimension::Ethnicity, &["ethnicities"]),
    },
    Kind {
        key: "religion",
        slug: "theo-ton-giao",
        title: "Số lượng theo tôn giáo",
        source: Source::Count(Dimension::Religion, &["religions"]),
    },
    Kind {
        key: "qualification",
        slug: "theo-trinh-do-chuyen-mon",
        title: "Số lượng theo trình độ chuyên môn",
        source: Source::Count(Dimension::Qualification, &["qualifications"]),
    },
    Kind {
        key: "political_theory",
        slug: "theo-ly-luan-chinh-tri",
        title: "Số lượng theo trình độ lý luận chính trị",
        source: Source::Count(Dimension::PoliticalTheory, &["political_theory"]),
    },
    Kind {
        key: "state_management",
        slug: "theo-quan-ly-nha-nuoc",
        title: "Số lượng theo trình độ quản lý nhà nước",
        source: Source::Count(Dimension::StateManagement, &["state_management"]),
    },
    Kind {
        key: "party",
        slug: "dang-vien",
        title: "Số lượng đảng viên",
        source: Source::Party,
    },
    Kind {
        key: "rating",
        slug: "theo-xep-loai",
        title: "Số lượng theo xếp loại chất lượng gần nhất",
        source: Source::Count(Dimension::Rating, &["ratings"]),
    },
    Kind {
        key: "quota",
        slug: "bien-che-va-so-co-mat",
        title: "Biên chế được giao và số có mặt",
        source: Source::Quota,
    },
    Kind {
        key: "update_status",
        slug: "tinh-hinh-cap-nhat-ho-so",
        title: "Tình hình cập nhật, phê duyệt hồ sơ",
        source: Source::Status,
    },
    Kind {
        key: "agency_activity",
        slug: "tinh-hinh-khai-thac-du-lieu",
        title: "Báo cáo tình hình khai thác, cập nhật, phê duyệt và đồng bộ dữ liệu",
        source: Source::Activity,
    },
];

/// Kinds as the OpenAPI document lists them.
pub const KIND_LIST: &str = "grade, job_position, gender, age, ethnicity, religion, qualification, political_theory, state_management, party, rating, quota, update_status, agency_activity";

pub fn kind(key: &str) -> Result<&'static Kind, AppError> {
    KINDS.iter().find(|k| k.key == key).ok_or(AppError::NotFound)
}

/// What to report: the kind, the unit (the province when `None`) and the date.
pub struct ReportRequest {
    pub kind: &'static Kind,
    pub unit: Option<UnitRow>,
    pub as_of: NaiveDate,
    pub today: NaiveDate,
}

impl ReportRequest {
    /// Checks the unit and the date before any work starts.
    pub fn new(
        conn: &mut DbConnection,
        kind: &'static Kind,
        unit_id: Option<&str>,
        as_of: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<ReportRequest, AppError> {
        let unit = match unit_id {
            Some(id) => Some(hoso_store::units::find(conn, id)?.ok_or(AppError::NotFound)?),
            None => None,
        };
        let as_of = as_of.unwrap_or(today);
        if as_of > today {
            return Err(
                FieldError::new("as_of", "as_of_in_future", "Ngày báo cáo không được sau hôm nay.").into(),
            );
        }
        // Quotas count placements and categories of the day (ORG-2); workflow states have no past.
        if as_of != today && matches!(kind.source, Source::Status) {
            return Err(FieldError::new(
                "as_of",
                "as_of_not_supported",
                "Báo cáo này chỉ lập theo số liệu hiện tại.",
            )
            .into());
        }
        Ok(ReportRequest {
            kind,
            unit,
            as_of,
            today,
        })
    }

    /// Counted from what stood on a past day rather than today's facts.
    pub fn is_historical(&self) -> bool {
        self.as_of != self.today
            && matches!(
                self.kind.source,
                Source::Count(..) | Source::Posts | Source::Age | Source::Party
            )
    }
}

fn row(key: impl Into<String>, label: impl Into<String>, count: i64, values: Vec<i64>) -> ReportRow {
    ReportRow {
        key: key.into(),
        label: label.into(),
        count,
        values,
        suppressed: false,
    }
}

/// Makes the report. `progress(done, total)` is told how many people are counted so far when the
/// report is counted person by person (a past date).
pub fn make(
    conn: &mut DbConnection,
    request: &ReportRequest,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ReportView, AppError> {
    let under = request.unit.as_ref().map(|u| u.path.as_str());
    let (count_label, columns, rows): (&str, Vec<&str>, Vec<ReportRow>) = match request.kind.source {
        Source::Count(dimension, catalogs) => {
            let counts = counted_by(conn, request, dimension, progress)?;
            let index = crate::catalogs::index(conn)?;
            let rows = counts
                .into_iter()
                .map(|(code, count)| {
                    let label = match &code {
                        None => "Chưa khai".to_owned(),
                        Some(code) => index
                            .find(catalogs, code)
                            .map_or_else(|| code.clone(), |e| e.label.clone()),
                    };
                    row(code.unwrap_or_default(), label, count, vec![])
                })
                .collect();
            ("Số lượng", vec![], rows)
        }
        Source::Posts => {
            let counts = counted_by(conn, request, Dimension::JobPosition, progress)?;
            ("Số người", POST_COLUMNS.to_vec(), post_rows(conn, under, counts)?)
        }
        Source::Age | Source::Party => {
            let people: Vec<(Option<String>, Option<NaiveDate>, bool)> = if request.is_historical() {
                facts_then(conn, request, progress)?
                    .into_iter()
                    .map(|f| (f.gender, f.birth_date, f.party_member))
                    .collect()
            } else {
                search::people_facts(conn, under)?
            };
            if matches!(request.kind.source, Source::Party) {
                let members = people.iter().filter(|(_, _, party)| *party).count() as i64;
                let rows = vec![
                    row("yes", "Đảng viên", members, vec![]),
                    row("no", "Chưa là đảng viên", people.len() as i64 - members, vec![]),
                ];
                ("Số lượng", vec![], rows)
            } else {
                let pairs: Vec<_> = people.into_iter().map(|(g, b, _)| (g, b)).collect();
                let bands = report::pyramid(&pairs, request.as_of);
                let rows = AGE_BANDS
                    .iter()
                    .zip(bands)
                    .map(|((key, label, ..), (men, women))| {
                        row(*key, *label, (men + women) as i64, vec![men as i64, women as i64])
                    })
                    .collect();
                ("Số lượng", vec!["Nam", "Nữ"], rows)
            }
        }
        Source::Quota => ("Số có mặt", QUOTA_COLUMNS.to_vec(), quota_rows(conn, request)?),
        Source::Status => {
            let rollup = Rollup::new(conn, request.unit.as_ref())?;
            let mut values = rollup.zeroed(STATUSES.len());
            for (path, status, n) in hoso_store::reports::status_by_unit(conn, under)? {
                if let (Some(i), Some(s)) = (
                    rollup.row_of(&path),
                    STATUSES.iter().position(|(k, _)| *k == status),
                ) {
                    values[i][s] += n;
                }
            }
            let rows = rollup.rows(values.into_iter().map(|v| (v.iter().sum(), v)).collect());
            (
                "Tổng số hồ sơ",
                STATUSES.iter().map(|(_, label)| *label).collect(),
                rows,
            )
        }
        Source::Activity => {
            let rollup = Rollup::new(conn, request.unit.as_ref())?;
            let mut values = rollup.zeroed(5);
            let from = NaiveDate::from_ymd_opt(request.as_of.year(), 1, 1).expect("1 January exists");
            let until = request.as_of.succ_opt().expect("a next day");
            for (path, a) in hoso_store::reports::activity_by_unit(
                conn,
                under,
                crate::clock::vietnam_day_start(from),
                crate::clock::vietnam_day_start(until),
            )? {
                if let Some(i) = rollup.row_of(&path) {
                    for (slot, n) in
                        values[i]
                            .iter_mut()
                            .zip([a.dossiers, a.updated, a.approved, a.consulted, a.synced])
                    {
                        *slot += n;
                    }
                }
            }
            // The first figure (the dossiers) is the count; the rest are the columns.
            let rows = rollup.rows(values.into_iter().map(|mut v| (v.remove(0), v)).collect());
            (
                "Số hồ sơ",
                vec![
                    "Cập nhật trong năm",
                    "Phê duyệt trong năm",
                    "Lượt khai thác",
                    "Đã đồng bộ",
                ],
                rows,
            )
        }
    };
    let totals = (0..columns.len())
        .map(|c| rows.iter().map(|r| r.values[c]).sum())
        .collect();
    Ok(ReportView {
        kind: request.kind.key.into(),
        title: request.kind.title.into(),
        unit: request.unit.as_ref().map(|u| UnitRef {
            id: u.id.clone(),
            name: u.name.clone(),
        }),
        as_of: request.as_of,
        count_label: count_label.into(),
        columns: columns.into_iter().map(str::to_owned).collect(),
        total: rows.iter().map(|r| r.count).sum(),
        totals,
        rows,
        total_suppressed: false,
        file_name: file_name(
            request.kind,
            request.unit.as_ref().map(|u| u.name.as_str()),
            request.as_of,
        ),
    })
}

/// `bao-cao-theo-ngach-so-giao-duc-va-dao-tao-2026-12-01`: what the report is, for which unit
/// and as of which day, readable in a folder of downloads.
pub fn file_name(kind: &Kind, unit: Option<&str>, as_of: chrono::NaiveDate) -> String {
    match unit {
        Some(unit) => format!("bao-cao-{}-{}-{as_of}", kind.slug, hoso_domain::text::slug(unit)),
        None => format!("bao-cao-{}-{as_of}", kind.slug),
    }
}

/// People counted by one fact: today's by the database, a past day's from the versions then.
fn counted_by(
    conn: &mut DbConnection,
    request: &ReportRequest,
    dimension: Dimension,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<(Option<String>, i64)>, AppError> {
    if request.is_historical() {
        Ok(report::tally(dimension, &facts_then(conn, request, progress)?))
    } else {
        let under = request.unit.as_ref().map(|u| u.path.as_str());
        Ok(search::counts(conn, dimension, under)?)
    }
}

/// USE-6: a report of religion, ethnicity or Party membership for a unit the reader does not
/// manage (or the whole province, for a reader with a unit scope) shows counts from 1 to 4 as
/// "< 5", with the cells that would give them away. `unit_path` is the report's unit (`None`:
/// the province). Applied to whoever reads, however the report was made.
pub fn protect(report: &mut ReportView, actor: &hoso_domain::access::Actor, unit_path: Option<&str>) {
    use hoso_domain::access::{Scope, UnitPath};
    let in_scope = match (unit_path, &actor.scope) {
        (_, Scope::Province) => true,
        (None, Scope::Subtree(_)) => false,
        (Some(path), scope) => UnitPath::parse(path).is_ok_and(|p| scope.covers(&p)),
    };
    if in_scope || !report::SENSITIVE_REPORTS.contains(&report.kind.as_str()) {
        return;
    }
    let counts: Vec<i64> = report.rows.iter().map(|r| r.count).collect();
    let (hidden, total_hidden) = report::small_cells(&counts);
    for (row, hide) in report.rows.iter_mut().zip(hidden) {
        if hide {
            row.suppressed = true;
            row.count = 0;
        }
    }
    if total_hidden {
        report.total_suppressed = true;
        report.total = 0;
    }
}

/// Dossier states in the update-status report, in workflow order.
const STATUSES: &[(&str, &str)] = &[
    ("draft", "Chưa nộp"),
    ("returned", "Bị trả lại"),
    ("submitted", "Chờ kiểm tra"),
    ("locked", "Chờ thủ trưởng ký"),
    ("signed", "Chờ Sở Nội vụ duyệt"),
    ("approved", "Đã duyệt"),
];

/// The facts of the people placed in the unit's subtree (as it stood) on the report's date,
/// from the dossier versions then in force; people without an approved version then are not
/// counted, as today's figures count only approved dossiers.
fn facts_then(
    conn: &mut DbConnection,
    request: &ReportRequest,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Facts>, AppError> {
    let day = request.as_of;
    let units = match &request.unit {
        None => None,
        Some(unit) => Some(subtree_on(conn, unit, day)?),
    };
    let people: Vec<String> = hoso_store::people::placed_on(conn, day, units.as_deref())?
        .into_iter()
        .map(|(person, _)| person)
        .collect();
    let total = people.len();
    progress(0, total);
    let until = crate::clock::vietnam_day_start(day.succ_opt().expect("a next day"));
    let facts = search::facts_as_of(conn, until, &people, &mut |done| progress(done, total))?;
    Ok(facts.into_iter().filter_map(|(_, f)| f).collect())
}

/// The unit and every unit under it on `day`, with the parents they had then.
fn subtree_on(conn: &mut DbConnection, unit: &UnitRow, day: NaiveDate) -> Result<Vec<String>, AppError> {
    let then = hoso_store::units::list_as_of(conn, day, None)?;
    if !then.iter().any(|(u, _)| u.id == unit.id) {
        return Err(FieldError::new(
            "as_of",
            "unit_not_existing",
            "Đơn vị chưa tồn tại hoặc đã giải thể vào ngày này.",
        )
        .into());
    }
    let mut children = BTreeMap::<&str, Vec<&str>>::new();
    for (u, version) in &then {
        if let Some(parent) = &version.parent_id {
            children.entry(parent.as_str()).or_default().push(u.id.as_str());
        }
    }
    let mut found = vec![unit.id.clone()];
    let mut seen: HashSet<String> = found.iter().cloned().collect();
    let mut i = 0;
    while i < found.len() {
        for child in children.get(found[i].as_str()).into_iter().flatten() {
            if seen.insert((*child).to_owned()) {
                found.push((*child).to_owned());
            }
        }
        i += 1;
    }
    Ok(found)
}

/// Reports counted per unit: one row for each unit directly below the chosen one (its whole
/// subtree), one for the chosen unit's own people; for the province, one per top unit.
struct Rollup {
    rows: Vec<RollupRow>,
}

struct RollupRow {
    unit_id: String,
    code: String,
    label: String,
    path: String,
    /// Only the unit's own people, not its subtree.
    exact: bool,
}

impl RollupRow {
    fn of(unit: UnitRow, label: String, exact: bool) -> RollupRow {
        RollupRow {
            unit_id: unit.id,
            code: unit.code,
            label,
            path: unit.path,
            exact,
        }
    }
}

impl Rollup {
    fn new(conn: &mut DbConnection, unit: Option<&UnitRow>) -> Result<Rollup, AppError> {
        let mut rows = Vec::new();
        let below = match unit {
            Some(unit) => {
                rows.push(RollupRow::of(
                    unit.clone(),
                    format!("{} (trực tiếp)", unit.name),
                    true,
                ));
                hoso_store::units::current_children(conn, &unit.id)?
            }
            None => {
                let roots: Vec<UnitRow> = hoso_store::units::list_within(conn, None)?
                    .into_iter()
                    .filter(|u| u.parent_id.is_none() && u.ended_on.is_none())
                    .collect();
                // A province is usually one root (the provincial people's committee): its
                // agencies are the rows.
                if let [root] = roots.as_slice() {
                    return Rollup::new(conn, Some(root));
                }
                roots
            }
        };
        let mut below = below;
        below.sort_by(|a, b| a.code.cmp(&b.code));
        rows.extend(below.into_iter().map(|u| {
            let name = u.name.clone();
            RollupRow::of(u, name, false)
        }));
        Ok(Rollup { rows })
    }

    fn row_of(&self, path: &str) -> Option<usize> {
        self.rows.iter().position(|row| {
            if row.exact {
                row.path == path
            } else {
                path.starts_with(row.path.as_str())
            }
        })
    }

    fn zeroed(&self, columns: usize) -> Vec<Vec<i64>> {
        vec![vec![0; columns]; self.rows.len()]
    }

    /// The rows with their (count, further values).
    fn rows(&self, figures: Vec<(i64, Vec<i64>)>) -> Vec<ReportRow> {
        self.rows
            .iter()
            .zip(figures)
            .map(|(unit, (count, values))| row(unit.code.clone(), unit.label.clone(), count, values))
            .collect()
    }
}

/// The job-position report's columns after the people counted.
pub const POST_COLUMNS: &[&str] = &["Số vị trí", "Đang có người giữ", "Còn trống"];

/// A row per job-position code of the units counted (their names; the posts, holders and free
/// posts of every unit with that code), and one for dossiers that name none ("Chưa khai").
fn post_rows(
    conn: &mut DbConnection,
    under: Option<&str>,
    counts: Vec<(Option<String>, i64)>,
) -> Result<Vec<ReportRow>, AppError> {
    let held: std::collections::HashMap<String, i64> =
        hoso_store::positions::holder_counts(conn)?.into_iter().collect();
    // code → (name, posts, held)
    let mut posts = BTreeMap::<String, (String, i64, i64)>::new();
    for position in hoso_store::positions::under(conn, under)? {
        let holders = held.get(&position.id).copied().unwrap_or(0);
        let entry = posts
            .entry(position.code.clone())
            .or_insert_with(|| (position.name.clone(), 0, 0));
        entry.1 += i64::from(position.posts);
        entry.2 += holders;
    }
    let counted: BTreeMap<Option<String>, i64> = counts.into_iter().collect();
    let mut rows = Vec::new();
    if let Some(n) = counted.get(&None) {
        rows.push(row("", "Chưa khai", *n, vec![0, 0, 0]));
    }
    let codes: std::collections::BTreeSet<&String> = posts.keys().chain(counted.keys().flatten()).collect();
    for code in codes {
        let (name, total, holders) = posts.get(code).cloned().unwrap_or_else(|| (code.clone(), 0, 0));
        let count = counted.get(&Some(code.clone())).copied().unwrap_or(0);
        rows.push(row(
            code.clone(),
            name,
            count,
            vec![total, holders, (total - holders).max(0)],
        ));
    }
    Ok(rows)
}

/// The quota report's columns after the headcount: the whole quota and what is left of it,
/// then each category (ORG-2) present and assigned.
pub const QUOTA_COLUMNS: &[&str] = &[
    "Biên chế được giao",
    "Còn trống",
    "Công chức có mặt",
    "Biên chế công chức",
    "Viên chức có mặt",
    "Biên chế viên chức",
    "Hợp đồng lao động có mặt",
    "Số hợp đồng lao động được giao",
];

fn quota_rows(conn: &mut DbConnection, request: &ReportRequest) -> Result<Vec<ReportRow>, AppError> {
    use hoso_store::quotas;
    let rollup = Rollup::new(conn, request.unit.as_ref())?;
    let year = request.as_of.year();
    let mut figures = Vec::new();
    for RollupRow {
        unit_id, path, exact, ..
    } in &rollup.rows
    {
        let (quota, headcount) = if *exact {
            let quota = quotas::find(conn, unit_id, year)?
                .as_ref()
                .map(quotas::as_counts)
                .unwrap_or_default();
            (quota, quotas::headcount(conn, request.as_of, path, true)?)
        } else {
            (
                quotas::subtree_quota(conn, path, year)?,
                quotas::headcount(conn, request.as_of, path, false)?,
            )
        };
        let whole = quota.civil_servants + quota.public_employees + quota.contract_workers;
        let present = headcount.civil_servants + headcount.public_employees + headcount.contract_workers;
        figures.push((
            present,
            vec![
                whole,
                whole - present,
                headcount.civil_servants,
                quota.civil_servants,
                headcount.public_employees,
                quota.public_employees,
                headcount.contract_workers,
                quota.contract_workers,
            ],
        ));
    }
    Ok(rollup.rows(figures))
}

/// The report as a table for files: code, label, the count, then its further columns, and a
/// total row.
/// How a hidden small count reads, on screen and in files.
pub const SUPPRESSED: &str = "< 5";

pub fn table(report: &ReportView, province: &str) -> Table {
    let place = report.unit.as_ref().map_or(province, |u| u.name.as_str());
    let mut headers = vec!["Mã".to_owned(), "Nội dung".to_owned(), report.count_label.clone()];
    headers.extend(report.columns.iter().cloned());
    let numbers = |count: i64, values: &[i64]| {
        std::iter::once(count)
            .chain(values.iter().copied())
            .map(|n| Cell::Number(n as f64))
            .collect::<Vec<_>>()
    };
    Table {
        title: report.title.clone(),
        subtitle: format!("{place} — tính đến ngày {}", report.as_of.format("%d/%m/%Y")),
        headers,
        rows: report
            .rows
            .iter()
            .map(|r| {
                let mut cells = vec![Cell::Text(r.key.clone()), Cell::Text(r.label.clone())];
                cells.extend(numbers(r.count, &r.values));
                if r.suppressed {
                    cells[2] = Cell::Text(SUPPRESSED.into());
                }
                cells
            })
            .chain(std::iter::once({
                let mut cells = vec![Cell::Empty, Cell::Text("Tổng cộng".into())];
                cells.extend(numbers(report.total, &report.totals));
                if report.total_suppressed {
                    cells[2] = Cell::Text(SUPPRESSED.into());
                }
                cells
            }))
            .collect(),
    }
}

/// The queued job that makes a report in the background (`/report-jobs`).
pub const REPORT_JOB: crate::jobs::JobKind = crate::jobs::JobKind {
    name: "report",
    run: run_report_job,
    on_dead: Some(report_job_dead),
};

#[derive(serde::Serialize, serde::Deserialize)]
struct ReportJobPayload {
    report_job_id: String,
}

/// Starts a report in the background for the caller (USE-2): the unit and date are checked now;
/// the report row and its job are written in one transaction.
pub fn start_report_job(
    conn: &mut DbConnection,
    session: &crate::Session,
    kind_key: &str,
    unit_id: Option<&str>,
    as_of: Option<NaiveDate>,
    now: chrono::NaiveDateTime,
) -> Result<hoso_store::reports::ReportJobRow, AppError> {
    let kind = kind(kind_key)
        .map_err(|_| FieldError::new("kind", "invalid_choice", "Không có loại báo cáo này."))?;
    let today = crate::clock::vietnam_date(now);
    let request = ReportRequest::new(conn, kind, unit_id, as_of, today)?;
    diesel::Connection::transaction(conn, |conn| {
        let report_job_id = hoso_store::ids::new_id();
        let job = crate::jobs::enqueue(
            conn,
            crate::jobs::JobRequest::new(
                REPORT_JOB.name,
                serde_json::to_value(ReportJobPayload {
                    report_job_id: report_job_id.clone(),
                })
                .expect("a payload serialises"),
            )
            .attempts(3),
            &crate::jobs::QueuedBy::account(session),
            now,
        )?;
        Ok(hoso_store::reports::insert_job_with_id(
            conn,
            &report_job_id,
            &session.actor.account_id,
            kind.key,
            unit_id,
            request.as_of,
            now,
            &job.id,
        )?)
    })
}

fn run_report_job(
    context: &crate::jobs::JobContext,
    conn: &mut DbConnection,
) -> Result<Option<serde_json::Value>, AppError> {
    let payload: ReportJobPayload = context.payload()?;
    let row = hoso_store::reports::find_job(conn, &payload.report_job_id)?.ok_or(AppError::NotFound)?;
    // The day it was asked for decides whether it counts today's facts or a past day's.
    let today = crate::clock::vietnam_date(row.created_at);
    let request = ReportRequest::new(
        conn,
        kind(&row.kind)?,
        row.unit_id.as_deref(),
        Some(row.as_of),
        today,
    )?;
    let mut stopped = None;
    let report = {
        // The job's progress and the report's (for `GET /report-jobs/{id}`) on one other
        // connection: this one is busy reading.
        let mut progress = |done: usize, total: usize| {
            if stopped.is_some() {
                return;
            }
            let (done_i, total_i) = (done as i32, total as i32);
            let written = context.progress_with(done, total, |other| {
                hoso_store::reports::job_progress(other, &row.id, done_i, total_i)
            });
            if let Err(error) = written {
                stopped = Some(error);
            }
        };
        make(conn, &request, &mut progress)?
    };
    if let Some(error) = stopped {
        return Err(error);
    }
    let json = serde_json::to_string(&report).expect("a report serialises");
    let finished_at = context.app.clock.now_naive();
    context.finish(conn, None, |conn| {
        Ok(hoso_store::reports::finish_job(
            conn,
            &row.id,
            Ok(&json),
            finished_at,
        )?)
    })?;
    Ok(None)
}

fn report_job_dead(
    conn: &mut DbConnection,
    job: &hoso_store::jobs::JobRow,
    error: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let payload: ReportJobPayload = serde_json::from_str(&job.payload)
        .map_err(|e| AppError::Internal(format!("job {} payload: {e}", job.id)))?;
    Ok(hoso_store::reports::finish_job(
        conn,
        &payload.report_job_id,
        Err(error),
        at,
    )?)
}

/// Aggregates may be read by any account but a personal one (USE-6).
pub fn require_report_reader(session: &crate::Session) -> Result<(), AppError> {
    if session.actor.kind == hoso_domain::access::AccountKind::Personal
        || !session
            .actor
            .rights
            .contains(hoso_domain::access::Right::ViewReports)
    {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Reports, lists and search results as files leave the system: they need `export_data`.
pub fn require_exporter(session: &crate::Session) -> Result<(), AppError> {
    if !session
        .actor
        .rights
        .contains(hoso_domain::access::Right::ExportData)
    {
        return Err(AppError::Forbidden);
    }
    Ok(())
}
