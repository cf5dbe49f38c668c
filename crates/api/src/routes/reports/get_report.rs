use actix_web::{get, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use hoso_api_types::reports::{ReportRow, ReportView};
use hoso_api_types::units::UnitRef;
use hoso_domain::access::AccountKind;
use hoso_store::search::{self, Dimension};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::ApiError;
use crate::export::{Cell, FileFormat, Table};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct ReportQuery {
    /// The unit whose subtree is counted; the whole province when absent.
    pub unit_id: Option<String>,
    /// `json` (default), `csv` or `xlsx`.
    pub format: Option<String>,
}

/// (kind, title, what it counts by, the catalogues its codes come from)
const KINDS: &[(&str, &str, Option<Dimension>, &[&str])] = &[
    (
        "grade",
        "Số lượng theo ngạch, chức danh nghề nghiệp",
        Some(Dimension::Grade),
        hoso_domain::catalog::GRADE_KINDS,
    ),
    (
        "job_position",
        "Số lượng theo vị trí việc làm",
        Some(Dimension::JobPosition),
        &[],
    ),
    (
        "gender",
        "Số lượng theo giới tính",
        Some(Dimension::Gender),
        &["genders"],
    ),
    ("age", "Tháp tuổi theo giới tính", None, &[]),
    (
        "ethnicity",
        "Số lượng theo dân tộc",
        Some(Dimension::Ethnicity),
        &["ethnicities"],
    ),
    (
        "religion",
        "Số lượng theo tôn giáo",
        Some(Dimension::Religion),
        &["religions"],
    ),
    (
        "qualification",
        "Số lượng theo trình độ chuyên môn",
        Some(Dimension::Qualification),
        &["qualifications"],
    ),
    (
        "political_theory",
        "Số lượng theo trình độ lý luận chính trị",
        Some(Dimension::PoliticalTheory),
        &["political_theory"],
    ),
    (
        "state_management",
        "Số lượng theo trình độ quản lý nhà nước",
        Some(Dimension::StateManagement),
        &["state_management"],
    ),
    ("party", "Số lượng đảng viên", None, &[]),
    (
        "rating",
        "Số lượng theo xếp loại chất lượng gần nhất",
        Some(Dimension::Rating),
        &["ratings"],
    ),
];

/// Age bands of the pyramid: (key, label, lowest age, highest age).
const BANDS: &[(&str, &str, u32, u32)] = &[
    ("<30", "Dưới 30", 0, 29),
    ("30-39", "30 – 39", 30, 39),
    ("40-49", "40 – 49", 40, 49),
    ("50-59", "50 – 59", 50, 59),
    (">=60", "Từ 60", 60, 200),
];

fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age.max(0) as u32
}

/// One report as of today, for a unit's subtree or the province: counted from the approved
/// dossiers of people in service; archived dossiers are not counted. Any account but a personal
/// one may see any unit's figures (aggregates only, USE-6).
#[utoipa::path(
    tag = super::TAG,
    params(("kind" = String, Path, description = "grade, job_position, gender, age, ethnicity, religion, qualification, political_theory, state_management, party, rating"), ReportQuery),
    responses((status = 200, description = "The report (or its file).", body = ReportView)),
    security(("bearer" = []))
)]
#[get("/reports/{kind}")]
pub async fn get_report(
    session: Session,
    state: web::Data<AppState>,
    kind: web::Path<String>,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    if session.actor.kind == AccountKind::Personal {
        return Err(ApiError::Forbidden);
    }
    let &(kind, title, dimension, catalogs) = KINDS
        .iter()
        .find(|(k, ..)| *k == kind.as_str())
        .ok_or(ApiError::NotFound)?;
    let format = FileFormat::parse(query.format.as_deref())?;
    let today = state.clock.today();
    let unit_id = query.unit_id.clone();
    let province = state.province_name.clone();
    let report = state
        .db(move |conn| {
            let unit = match unit_id {
                Some(id) => Some(hoso_store::units::find(conn, &id)?.ok_or(ApiError::NotFound)?),
                None => None,
            };
            let under = unit.as_ref().map(|u| u.path.clone());
            let index = crate::catalogs::index(conn)?;
            let label = |code: &Option<String>| match code {
                None => "Chưa khai".to_owned(),
                Some(code) => index
                    .find(catalogs, code)
                    .map_or_else(|| code.clone(), |e| e.label.clone()),
            };
            let rows: Vec<ReportRow> = match dimension {
                Some(dimension) => search::counts(conn, dimension, under.as_deref())?
                    .into_iter()
                    .map(|(code, count)| ReportRow {
                        label: label(&code),
                        key: code.unwrap_or_default(),
                        count,
                        men: None,
                        women: None,
                    })
                    .collect(),
                None => {
                    let people = search::people_facts(conn, under.as_deref())?;
                    if kind == "party" {
                        let members = people.iter().filter(|(_, _, party)| *party).count() as i64;
                        vec![
                            ReportRow {
                                key: "yes".into(),
                                label: "Đảng viên".into(),
                                count: members,
                                men: None,
                                women: None,
                            },
                            ReportRow {
                                key: "no".into(),
                                label: "Chưa là đảng viên".into(),
                                count: people.len() as i64 - members,
                                men: None,
                                women: None,
                            },
                        ]
                    } else {
                        BANDS
                            .iter()
                            .map(|(key, band, low, high)| {
                                let within = |g: &str| {
                                    people
                                        .iter()
                                        .filter(|(gender, birth, _)| {
                                            gender.as_deref() == Some(g)
                                                && birth.is_some_and(|b| {
                                                    (*low..=*high).contains(&age_on(b, today))
                                                })
                                        })
                                        .count() as i64
                                };
                                let (men, women) = (within("1"), within("2"));
                                ReportRow {
                                    key: (*key).into(),
                                    label: (*band).into(),
                                    count: men + women,
                                    men: Some(men),
                                    women: Some(women),
                                }
                            })
                            .collect()
                    }
                }
            };
            Ok(ReportView {
                kind: kind.into(),
                title: title.into(),
                total: rows.iter().map(|r| r.count).sum(),
                unit: unit.map(|u| UnitRef {
                    id: u.id,
                    name: u.name,
                }),
                as_of: today,
                rows,
            })
        })
        .await?;
    if let Some(format) = format {
        let place = report.unit.as_ref().map_or(province, |u| u.name.clone());
        let pyramid = report.kind == "age";
        let mut headers = vec!["Mã", "Nội dung", "Số lượng"];
        if pyramid {
            headers.extend(["Nam", "Nữ"]);
        }
        let table = Table {
            title: report.title.clone(),
            subtitle: format!("{place} — tính đến ngày {}", report.as_of.format("%d/%m/%Y")),
            headers,
            rows: report
                .rows
                .iter()
                .map(|r| {
                    let mut row = vec![
                        Cell::Text(r.key.clone()),
                        Cell::Text(r.label.clone()),
                        Cell::Number(r.count as f64),
                    ];
                    if pyramid {
                        row.push(Cell::Number(r.men.unwrap_or_default() as f64));
                        row.push(Cell::Number(r.women.unwrap_or_default() as f64));
                    }
                    row
                })
                .chain(std::iter::once(vec![
                    Cell::Empty,
                    Cell::Text("Tổng cộng".into()),
                    Cell::Number(report.total as f64),
                ]))
                .collect(),
        };
        return crate::export::respond(
            &table,
            format,
            &format!("bao-cao-{}-{}", report.kind, report.as_of),
        );
    }
    Ok(HttpResponse::Ok().json(report))
}
