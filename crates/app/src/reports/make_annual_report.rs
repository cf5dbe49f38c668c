use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use hoso_api_types::reports::{AnnualColumn, AnnualReportView, AnnualRow, AnnualSection};
use hoso_api_types::units::UnitRef;
use hoso_domain::report::{by_unit, UnitNode};
use hoso_domain::FieldError;
use hoso_store::DbConnection;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::export::{Cell, FileFormat, Letterhead, Table};
use crate::files::{File, PageOrFile};
use crate::session::Session;
use crate::App;

#[derive(Debug, Deserialize, IntoParams)]
pub struct AnnualReportQuery {
    /// The unit reported on with every unit under it; the whole province when absent.
    pub unit_id: Option<String>,
    /// Who signs the report (name and title), printed at its foot; at most 200 characters.
    pub signer: Option<String>,
    /// `json` (default), `csv`, `xlsx` (a sheet per breakdown) or `pdf`.
    pub format: Option<String>,
}

/// The three breakdowns, in the order the report gives them: (key, title, sheet name).
const SECTIONS: [(&str, &str, &str); 3] = [
    ("grade", "Số lượng công chức theo ngạch", "Theo ngach"),
    (
        "professional_title",
        "Số lượng viên chức theo chức danh nghề nghiệp",
        "Theo chuc danh",
    ),
    (
        "job_position",
        "Số lượng theo vị trí việc làm",
        "Theo vi tri viec lam",
    ),
];

/// The annual headcount report (HY 14.1, TG 16.8) for `year`: people in service with an
/// approved dossier by grade, by professional title and by job position, per unit with
/// subtotals and the total, as of 31 December (today while the year runs: the tree, the
/// placements and the versions of that day). Anyone who reads reports; files need `export`.
pub async fn make_annual_report(
    app: &App,
    session: Session,
    year: i32,
    query: AnnualReportQuery,
) -> Result<PageOrFile<AnnualReportView>, AppError> {
    super::require_report_reader(&session)?;
    let format = FileFormat::parse(query.format.as_deref())?;
    if format.is_some() {
        super::require_exporter(&session)?;
    }
    let today = app.clock.today();
    if !(1945..=today.year()).contains(&year) {
        return Err(FieldError::new(
            "year",
            "out_of_range",
            format!("Năm báo cáo từ 1945 đến {}.", today.year()),
        )
        .into());
    }
    let signer = query
        .signer
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    if signer.as_ref().is_some_and(|s| s.chars().count() > 200) {
        return Err(FieldError::new("signer", "too_long", "Tối đa 200 ký tự.").into());
    }
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).expect("31 December exists");
    let as_of = year_end.min(today);
    let province = app.province_name.clone();
    let unit_id = query.unit_id;
    let report = app
        .db(move |conn| {
            let unit = match &unit_id {
                Some(id) => Some(hoso_store::units::find(conn, id)?.ok_or(AppError::NotFound)?),
                None => None,
            };
            let nodes: Vec<UnitNode> = hoso_store::units::list_as_of(conn, as_of, None)?
                .into_iter()
                .map(|(u, version)| UnitNode {
                    id: u.id,
                    parent_id: version.parent_id,
                    code: u.code,
                    name: version.name,
                })
                .collect();
            let tops: Vec<String> = match &unit {
                Some(unit) if nodes.iter().any(|n| n.id == unit.id) => vec![unit.id.clone()],
                Some(_) => {
                    return Err(FieldError::new(
                        "unit_id",
                        "unit_not_existing",
                        "Đơn vị chưa tồn tại hoặc đã giải thể vào ngày báo cáo.",
                    )
                    .into())
                }
                None => nodes
                    .iter()
                    .filter(|n| n.parent_id.is_none())
                    .map(|n| n.id.clone())
                    .collect(),
            };
            let people = counted(conn, as_of, as_of == today)?;
            let sections = sections(conn, &nodes, &tops, &people)?;
            let reporting_unit = unit.as_ref().map_or_else(|| "Sở Nội vụ".to_owned(), |u| u.name.clone());
            Ok(AnnualReportView {
                year,
                as_of,
                unit: unit.map(|u| UnitRef { id: u.id, name: u.name }),
                title: format!(
                    "Báo cáo số lượng cán bộ, công chức, viên chức năm {year} theo ngạch, chức danh nghề nghiệp, vị trí việc làm"
                ),
                reporting_unit,
                recipient: "Bộ Nội vụ".into(),
                made_on: today,
                signer,
                sections,
            })
        })
        .await?;
    Ok(match format {
        None => PageOrFile::Page(report),
        Some(format) => PageOrFile::File(annual_file(&report, format, &province)?),
    })
}

/// Each counted person: (managing unit, grade or title, job position).
type Counted = Vec<hoso_store::search::GradeAndPost>;

/// Today's facts, or those of the versions in force on a past day, with where each person was
/// placed that day.
fn counted(conn: &mut DbConnection, as_of: NaiveDate, today: bool) -> Result<Counted, AppError> {
    if today {
        return Ok(hoso_store::search::grades_and_posts(conn)?);
    }
    let placed = hoso_store::people::placed_on(conn, as_of, None)?;
    let ids: Vec<String> = placed.iter().map(|(person, _)| person.clone()).collect();
    let until = crate::clock::vietnam_day_start(as_of.succ_opt().expect("a next day"));
    let facts: HashMap<String, hoso_domain::dossier::facts::Facts> =
        hoso_store::search::facts_as_of(conn, until, &ids, &mut |_| {})?
            .into_iter()
            .filter_map(|(person, facts)| facts.map(|f| (person, f)))
            .collect();
    Ok(placed
        .into_iter()
        .filter_map(|(person, unit)| {
            facts
                .get(&person)
                .map(|f| (unit, f.grade.clone(), f.job_position.clone()))
        })
        .collect())
}

fn sections(
    conn: &mut DbConnection,
    nodes: &[UnitNode],
    tops: &[String],
    people: &Counted,
) -> Result<Vec<AnnualSection>, AppError> {
    let index = crate::catalogs::index(conn)?;
    let post_names: HashMap<String, String> = hoso_store::positions::all(conn)?
        .into_iter()
        .map(|p| (p.code, p.name))
        .collect();
    let tops: Vec<&str> = tops.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for (key, title, _) in SECTIONS {
        // unit → code → people
        let mut counts = HashMap::<&str, BTreeMap<&str, i64>>::new();
        for (unit, grade, post) in people {
            let code = match key {
                "grade" => grade.as_deref().filter(|g| index.find(&["grades"], g).is_some()),
                "professional_title" => grade
                    .as_deref()
                    .filter(|g| index.find(&["professional_titles"], g).is_some()),
                _ => post.as_deref(),
            };
            if let Some(code) = code {
                *counts.entry(unit.as_str()).or_default().entry(code).or_default() += 1;
            }
        }
        let every: Vec<&str> = {
            let mut all: Vec<&str> = counts.values().flat_map(|m| m.keys().copied()).collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let mut rows = by_unit(nodes, &tops, every.len(), &|unit: &str| {
            let of_unit = counts.get(unit);
            every
                .iter()
                .map(|c| of_unit.and_then(|m| m.get(c)).copied().unwrap_or(0))
                .collect()
        });
        // The columns are the codes someone holds in the units reported on (the total row):
        // people of units outside them were counted above but add nothing there.
        let kept: Vec<usize> = rows
            .last()
            .map(|total| (0..every.len()).filter(|&i| total.values[i] > 0).collect())
            .unwrap_or_default();
        for row in &mut rows {
            row.values = kept.iter().map(|&i| row.values[i]).collect();
        }
        let codes: Vec<&str> = kept.iter().map(|&i| every[i]).collect();
        let label = |code: &str| match key {
            "job_position" => post_names.get(code).cloned(),
            _ => index
                .find(hoso_domain::catalog::GRADE_KINDS, code)
                .map(|e| e.label.clone()),
        };
        let totals = rows.last().map(|r| r.values.clone()).unwrap_or_default();
        out.push(AnnualSection {
            key: key.into(),
            title: title.into(),
            columns: codes
                .iter()
                .map(|c| AnnualColumn {
                    code: (*c).to_owned(),
                    label: label(c).unwrap_or_else(|| (*c).to_owned()),
                })
                .collect(),
            total: totals.iter().sum(),
            totals,
            rows: rows
                .into_iter()
                .map(|r| AnnualRow {
                    unit_id: r.unit_id,
                    label: r.label,
                    depth: r.depth,
                    kind: r.kind.as_str().into(),
                    total: r.values.iter().sum(),
                    values: r.values,
                })
                .collect(),
        });
    }
    Ok(out)
}

/// The report as a file: the Ministry's letterhead, a table per breakdown (the codes as column
/// headings, their names in a line under the table's title), the signature block.
pub fn annual_file(report: &AnnualReportView, format: FileFormat, province: &str) -> Result<File, AppError> {
    let place = province
        .trim_start_matches("Tỉnh ")
        .trim_start_matches("Thành phố ");
    let d = report.made_on;
    let head = Letterhead {
        issuer: vec![
            format!("ỦY BAN NHÂN DÂN {}", province.to_uppercase()),
            report.reporting_unit.to_uppercase(),
        ],
        title: report.title.to_uppercase(),
        period: format!(
            "Kỳ báo cáo: năm {} — số liệu tính đến ngày {}; đơn vị báo cáo: {}",
            report.year,
            report.as_of.format("%d/%m/%Y"),
            report.reporting_unit
        ),
        recipient: report.recipient.clone(),
        place_and_date: format!(
            "{place}, ngày {:02} tháng {:02} năm {}",
            d.day(),
            d.month(),
            d.year()
        ),
        signer_title: "THỦ TRƯỞNG ĐƠN VỊ".into(),
        signer: report.signer.clone(),
    };
    let parts: Vec<(String, Table)> = report
        .sections
        .iter()
        .zip(SECTIONS)
        .map(|(section, (_, _, sheet))| {
            let legend = section
                .columns
                .iter()
                .map(|c| format!("{}: {}", c.code, c.label))
                .collect::<Vec<_>>()
                .join("; ");
            let mut headers = vec!["Đơn vị".to_owned()];
            headers.extend(section.columns.iter().map(|c| c.code.clone()));
            headers.push("Tổng số".into());
            let rows = section
                .rows
                .iter()
                .map(|r| {
                    let mut cells = vec![Cell::Text(format!(
                        "{}{}",
                        "  ".repeat(r.depth as usize),
                        r.label
                    ))];
                    cells.extend(r.values.iter().map(|n| Cell::Number(*n as f64)));
                    cells.push(Cell::Number(r.total as f64));
                    cells
                })
                .collect();
            (
                sheet.to_owned(),
                Table {
                    title: section.title.clone(),
                    subtitle: if legend.is_empty() {
                        "Không có người nào được tính.".into()
                    } else {
                        legend
                    },
                    headers,
                    rows,
                },
            )
        })
        .collect();
    let (bytes, content_type, extension) = crate::export::render_report(&head, &parts, format)?;
    let stem = match &report.unit {
        Some(unit) => format!(
            "bao-cao-so-luong-nam-{}-{}",
            report.year,
            hoso_domain::text::slug(&unit.name)
        ),
        None => format!("bao-cao-so-luong-nam-{}", report.year),
    };
    Ok(File {
        name: format!("{stem}.{extension}"),
        content_type: content_type.into(),
        bytes,
        inline: false,
    })
}
