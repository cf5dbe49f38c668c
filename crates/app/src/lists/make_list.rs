use chrono::{Months, NaiveDate};
use hoso_api_types::reports::{ListItem, ListView};
use hoso_api_types::units::UnitRef;
use hoso_domain::career::{self, PayPosition, Raise};
use hoso_domain::catalog::coefficient_text;
use hoso_domain::dossier::facts::Facts;
use hoso_domain::dossier::validation::CatalogIndex;
use hoso_domain::FieldError;
use hoso_store::dossiers::{DossierFilter, DossierWithPerson};
use hoso_store::search::{Criteria, DueWindow, StepWindows};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::export::{Cell, FileFormat, Table};
use crate::files::PageOrFile;
use crate::session::Session;
use crate::App;

/// One of the lists, within the caller's scope (`read_dossiers`), by due date then name; or as
/// a file. Raises follow the grade's scale (36 months for A0–A3, 24 for B and C; beyond-frame
/// 5 % then 1 % a year); retirement follows the roadmap of Decree 135/2020.
pub async fn make_list(
    app: &App,
    session: Session,
    kind: String,
    query: ListQuery,
) -> Result<PageOrFile<ListView>, AppError> {
    crate::dossiers::require_list_right(&session)?;
    let &(kind, title) = KINDS
        .iter()
        .find(|(k, _)| *k == kind.as_str())
        .ok_or(AppError::NotFound)?;
    let format = FileFormat::parse(query.format.as_deref())?;
    if format.is_some() {
        crate::reports::require_exporter(&session)?;
    }
    let from = query.from.unwrap_or_else(|| app.clock.today());
    let until = query
        .until
        .unwrap_or_else(|| from + Months::new(12) - chrono::Days::new(1));
    if from > until {
        return Err(
            FieldError::new("until", "invalid_period", "Ngày kết thúc phải sau ngày bắt đầu.").into(),
        );
    }
    let shown = query.limit.unwrap_or(SHOWN_BY_DEFAULT).min(SHOWN_AT_MOST);
    let unit_id = query.unit_id.clone();
    let export_event = session.event("list.exported");
    let view = app
        .db(move |conn| {
            let unit = match &unit_id {
                Some(id) => Some(hoso_store::units::find(conn, id)?.ok_or(AppError::NotFound)?),
                None => None,
            };
            let within = session.actor.scope.prefix().map(str::to_owned);
            let under_path = unit.as_ref().map(|u| u.path.clone());
            let mut items: Vec<(NaiveDate, ListItem)> = Vec::new();
            let summary = |found: &DossierWithPerson| crate::dossiers::summary(found);
            if kind == "not_approved" {
                let filter = DossierFilter {
                    within,
                    under_path,
                    statuses: WAITING.iter().map(|(status, ..)| (*status).to_owned()).collect(),
                    name: None,
                    national_id: None,
                    archived: Some(false),
                    limit: MOST,
                    offset: 0,
                };
                for found in hoso_store::dossiers::list(conn, &filter)? {
                    if let Some((_, now, next)) = WAITING.iter().find(|(s, ..)| *s == found.dossier.status) {
                        items.push((
                            NaiveDate::MIN,
                            ListItem {
                                dossier: summary(&found),
                                due_on: None,
                                current: (*now).into(),
                                next: (*next).into(),
                                note: None,
                            },
                        ));
                    }
                }
            } else if kind == "position_requirement" {
                let index = crate::catalogs::index(conn)?;
                let posts: std::collections::HashMap<String, hoso_store::positions::PositionRow> =
                    hoso_store::positions::under(conn, under_path.as_deref().or(within.as_deref()))?
                        .into_iter()
                        .map(|p| (p.id.clone(), p))
                        .collect();
                let criteria = Criteria {
                    within,
                    under_path,
                    ..Criteria::default()
                };
                for (found, facts) in hoso_store::search::search(conn, &criteria, None, MOST)? {
                    if let Some((current, next, note)) = requirement_unmet(&index, &posts, &found, &facts) {
                        items.push((
                            NaiveDate::MIN,
                            ListItem {
                                dossier: summary(&found),
                                due_on: None,
                                current,
                                next,
                                note: Some(note),
                            },
                        ));
                    }
                }
            } else {
                let index = crate::catalogs::index(conn)?;
                let criteria = Criteria {
                    within,
                    under_path,
                    ..narrowed_to((from, until), kind, &index)
                };
                for (found, facts) in hoso_store::search::search(conn, &criteria, None, MOST)? {
                    if let Some((due, current, next, note)) = entry(kind, &index, &facts, (from, until)) {
                        items.push((
                            due,
                            ListItem {
                                dossier: summary(&found),
                                due_on: Some(due),
                                current,
                                next,
                                note,
                            },
                        ));
                    }
                }
            }
            // The store gives them by name: a stable sort keeps that order within a day.
            items.sort_by_key(|(due, _)| *due);
            let total = items.len();
            if format.is_none() {
                items.truncate(shown);
            }
            Ok(ListView {
                kind: kind.into(),
                title: title.into(),
                unit: unit.map(|u| UnitRef {
                    id: u.id,
                    name: u.name,
                }),
                from,
                until,
                total,
                items: items.into_iter().map(|(_, item)| item).collect(),
            })
        })
        .await?;
    Ok(match format {
        None => PageOrFile::Page(view),
        Some(format) => {
            let place = view
                .unit
                .as_ref()
                .map_or(app.province_name.clone(), |u| u.name.clone());
            let table = Table {
                title: view.title.clone(),
                subtitle: format!("{place} — từ {} đến {}", date(view.from), date(view.until)),
                headers: [
                    "Số hiệu hồ sơ",
                    "Họ và tên",
                    "Đơn vị",
                    "Ngày đến hạn",
                    "Hiện tại",
                    "Tiếp theo",
                    "Ghi chú",
                ]
                .into_iter()
                .map(String::from)
                .collect(),
                rows: view
                    .items
                    .iter()
                    .map(|item| {
                        vec![
                            Cell::Text(item.dossier.dossier_number.clone()),
                            Cell::Text(item.dossier.full_name.clone()),
                            Cell::Text(item.dossier.unit.name.clone()),
                            item.due_on.map_or(Cell::Empty, Cell::Date),
                            Cell::Text(item.current.clone()),
                            Cell::Text(item.next.clone()),
                            Cell::text(item.note.clone()),
                        ]
                    })
                    .collect(),
            };
            let file =
                crate::files::table(&table, format, &format!("danh-sach-{}-{}", view.kind, view.from))?;
            let people = view
                .items
                .iter()
                .map(|item| item.dossier.person_id.clone())
                .collect();
            let details = serde_json::json!({"format": format.as_str(), "list": view.kind, "rows": view.items.len(), "from": view.from, "until": view.until});
            crate::audit::record_export(app, export_event, details, people).await?;
            PageOrFile::File(file)
        }
    })
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ListQuery {
    /// A unit and everything under it; the caller's whole scope when absent.
    pub unit_id: Option<String>,
    /// The period the raise, retirement or contract end falls in: default from today for a year.
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub until: Option<NaiveDate>,
    /// `json` (default), `csv`, `xlsx` or `pdf`.
    pub format: Option<String>,
    /// How many people the JSON answer shows, first by due date (default 500, at most 5,000);
    /// a file always holds the whole list.
    pub limit: Option<usize>,
}

pub const SHOWN_BY_DEFAULT: usize = 500;

pub const SHOWN_AT_MOST: usize = 5_000;

/// (kind, title)
pub const KINDS: &[(&str, &str)] = &[
    ("salary_step", "Danh sách đến hạn nâng bậc lương thường xuyên"),
    (
        "beyond_frame",
        "Danh sách đến hạn hưởng phụ cấp thâm niên vượt khung",
    ),
    ("retirement", "Danh sách đến tuổi nghỉ hưu"),
    ("contract_expiring", "Danh sách hợp đồng lao động hết hạn"),
    (
        "not_approved",
        "Danh sách hồ sơ chưa nộp, chưa kiểm tra, chưa phê duyệt",
    ),
    (
        "position_requirement",
        "Danh sách chưa đáp ứng ngạch, chức danh nghề nghiệp yêu cầu của vị trí việc làm",
    ),
];

/// A holder of a post whose approved grade does not meet the post's requirement (ORG-3): what
/// they hold, what the post requires, and the post.
fn requirement_unmet(
    index: &CatalogIndex,
    posts: &std::collections::HashMap<String, hoso_store::positions::PositionRow>,
    found: &DossierWithPerson,
    facts: &Facts,
) -> Option<(String, String, String)> {
    let post = posts.get(found.person.position_id.as_deref()?)?;
    let required = post.required_grade.as_deref()?;
    if hoso_domain::position::grade_meets(facts.grade.as_deref(), required, index) {
        return None;
    }
    let named = |code: &str| {
        index
            .find(hoso_domain::catalog::GRADE_KINDS, code)
            .map_or_else(|| code.to_owned(), |e| format!("{} ({code})", e.label))
    };
    Some((
        facts
            .grade
            .as_deref()
            .map_or_else(|| "Chưa xếp ngạch, chức danh".to_owned(), named),
        format!("Yêu cầu {}", named(required)),
        format!("Vị trí {} — {}", post.code, post.name),
    ))
}

/// Most people a list holds.
pub const MOST: i64 = 100_000;

pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The raise a person is next due, from their grade's scale in the catalogue.
pub fn next_raise(index: &CatalogIndex, facts: &Facts) -> Option<career::RaiseDue> {
    let grade = index.find(hoso_domain::catalog::GRADE_KINDS, facts.grade.as_deref()?)?;
    let scale = index.find(&["salary_scales"], grade.parent.as_deref()?)?;
    let coefficients = hoso_domain::catalog::salary_coefficients(scale)?;
    career::next_raise(PayPosition {
        scale: &scale.code,
        coefficients: &coefficients,
        step: u32::try_from(facts.salary_step?).ok()?,
        step_since: facts.step_since?,
        beyond_frame_percent: facts.beyond_frame_percent.and_then(|p| u32::try_from(p).ok()),
        beyond_frame_since: facts.beyond_frame_since,
    })
}

/// What puts one person on the list, if they are on it.
pub fn entry(
    kind: &str,
    index: &CatalogIndex,
    facts: &Facts,
    period: (NaiveDate, NaiveDate),
) -> Option<(NaiveDate, String, String, Option<String>)> {
    let within = |d: NaiveDate| (period.0..=period.1).contains(&d);
    let discipline = facts
        .has_discipline
        .then(|| "Có kỷ luật: kiểm tra việc kéo dài thời hạn nâng lương.".to_owned());
    match kind {
        "salary_step" | "beyond_frame" => {
            let due = next_raise(index, facts)?;
            let step = facts.salary_step.unwrap_or_default();
            let now = format!(
                "Bậc {step}, hệ số {}",
                coefficient_text(facts.coefficient.unwrap_or_default().into())
            );
            let (now, next) = match (kind, due.raise) {
                ("salary_step", Raise::Step { step, coefficient: c }) => {
                    (now, format!("Bậc {step}, hệ số {}", coefficient_text(c.into())))
                }
                ("beyond_frame", Raise::BeyondFrame { percent }) => {
                    let held = facts
                        .beyond_frame_percent
                        .map_or(now, |p| format!("Vượt khung {p}%"));
                    (held, format!("Vượt khung {percent}%"))
                }
                _ => return None,
            };
            within(due.due_on).then_some((due.due_on, now, next, discipline))
        }
        "retirement" => {
            let male = match facts.gender.as_deref()? {
                "1" => true,
                "2" => false,
                _ => return None,
            };
            let birth = facts.birth_date?;
            let starts = hoso_domain::retirement::retirement_starts(male, birth);
            within(starts).then(|| {
                (
                    starts,
                    format!("Sinh ngày {}", date(birth)),
                    format!("Nghỉ hưu từ {}", date(starts)),
                    None,
                )
            })
        }
        "contract_expiring" => {
            let ends = facts.contract_ends_on?;
            within(ends).then(|| {
                (
                    ends,
                    format!("Hợp đồng đến {}", date(ends)),
                    "Gia hạn hoặc chấm dứt hợp đồng".to_owned(),
                    None,
                )
            })
        }
        _ => None,
    }
}

/// The rows of the province whose date may fall in the period, so that the database, not the
/// rules, passes over everyone else.
pub fn narrowed_to(period: (NaiveDate, NaiveDate), kind: &str, catalogs: &CatalogIndex) -> Criteria {
    let (short, long) = career::STEP_WAITS;
    let steps = StepWindows {
        long_wait_grades: career::long_wait_grades(catalogs),
        long: career::since_window(period, (long, long)),
        short: career::since_window(period, (short, short)),
    };
    let mut criteria = Criteria::default();
    match kind {
        "salary_step" => criteria.due = Some(DueWindow::StepSince(steps)),
        "beyond_frame" => {
            criteria.due = Some(DueWindow::StepOrBeyondFrameSince {
                step: steps,
                beyond_frame: career::since_window(period, career::BEYOND_FRAME_WAIT),
            })
        }
        "retirement" => {
            let born = hoso_domain::retirement::born_window(period);
            criteria.born_from = Some(born.0);
            criteria.born_until = Some(born.1);
        }
        "contract_expiring" => criteria.due = Some(DueWindow::ContractEnds(period.0, period.1)),
        _ => {}
    }
    criteria
}

/// Workflow states on the update-status list, and what each waits for.
pub const WAITING: &[(&str, &str, &str)] = &[
    ("draft", "Chưa nộp", "Người lao động nộp hồ sơ"),
    ("returned", "Bị trả lại", "Người lao động sửa và nộp lại"),
    ("submitted", "Chờ kiểm tra", "Cán bộ đầu mối kiểm tra, khóa hồ sơ"),
    ("locked", "Chờ thủ trưởng ký", "Thủ trưởng ký duyệt"),
    ("signed", "Chờ Sở Nội vụ duyệt", "Sở Nội vụ phê duyệt"),
];
