use actix_web::{get, web, HttpResponse};
use hoso_api_types::search::{SearchCriteria, SearchPage};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::ApiError;
use crate::export::{Cell, FileFormat, Table};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct PageQuery {
    /// The `next` of the previous page.
    pub after: Option<String>,
    /// 1–500, default 50.
    pub limit: Option<i64>,
    /// `json` (default, one page) or `csv` / `xlsx` / `pdf` (every row, up to 50,000, as a file).
    pub format: Option<String>,
}

/// Most rows a file export holds.
const EXPORT_ROWS: i64 = 50_000;

/// Dossiers in service within the caller's scope matching every criterion given — their
/// approved versions, or their working drafts with `drafts=true` (`update_dossiers`) — in the
/// chosen order, a page at a time (`read_dossiers`); or all of them as CSV, Excel or PDF. Only
/// fields every reader may see are searched and shown (SEC-2).
#[utoipa::path(
    tag = super::TAG,
    params(SearchCriteria, PageQuery),
    responses((status = 200, description = "A page of results, or the file.", body = SearchPage)),
    security(("bearer" = []))
)]
#[get("/search")]
pub async fn get_search(
    session: Session,
    state: web::Data<AppState>,
    criteria: web::Query<SearchCriteria>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    crate::routes::dossiers::require_list_right(&session)?;
    let format = FileFormat::parse(page.format.as_deref())?;
    let after = page.after.as_deref().map(super::parse_cursor).transpose()?;
    let limit = match format {
        Some(_) => EXPORT_ROWS,
        None => page.limit.unwrap_or(50).clamp(1, 500),
    };
    let today = state.clock.today();
    let criteria = criteria.into_inner();
    let province = state.province_name.clone();
    let (rows, catalogs, sort) = state
        .db(move |conn| {
            let c = super::criteria(conn, &session, &criteria, today)?;
            let sort = c.sort;
            let rows = hoso_store::search::search(conn, &c, after.as_ref(), limit + 1)?;
            let catalogs = match format {
                Some(_) => Some(crate::catalogs::index(conn)?),
                None => None,
            };
            Ok((rows, catalogs, sort))
        })
        .await?;
    if let (Some(format), Some(catalogs)) = (format, catalogs) {
        let label = |kinds: &[&str], code: &Option<String>| {
            Cell::text(code.as_ref().map(|c| {
                catalogs
                    .find(kinds, c)
                    .map_or_else(|| c.clone(), |e| e.label.clone())
            }))
        };
        let table = Table {
            title: "Danh sách cán bộ, công chức, viên chức".into(),
            subtitle: format!("{province} — ngày {}", today.format("%d/%m/%Y")),
            headers: vec![
                "Số hiệu hồ sơ",
                "Họ và tên",
                "Đơn vị",
                "Giới tính",
                "Ngày sinh",
                "Ngạch, chức danh",
                "Bậc",
                "Hệ số",
                "Chức vụ",
                "Trình độ chuyên môn",
                "Lý luận chính trị",
                "Đảng viên",
                "Xếp loại gần nhất",
                "Ngày tuyển dụng",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            rows: rows
                .iter()
                .take(limit as usize)
                .map(|(found, f)| {
                    vec![
                        Cell::Text(found.dossier.dossier_number.clone()),
                        Cell::Text(found.person.full_name.clone()),
                        Cell::Text(found.unit_name.clone()),
                        label(&["genders"], &f.gender),
                        f.birth_date.map_or(Cell::Empty, Cell::Date),
                        label(hoso_domain::catalog::GRADE_KINDS, &f.grade),
                        f.salary_step.map_or(Cell::Empty, |s| Cell::Number(s.into())),
                        f.coefficient
                            .map_or(Cell::Empty, |c| Cell::Number(f64::from(c) / 100.0)),
                        label(&["leadership_positions"], &f.position),
                        label(&["qualifications"], &f.qualification),
                        label(&["political_theory"], &f.political_theory),
                        Cell::Text(if f.party_member { "Có" } else { "Không" }.into()),
                        label(&["ratings"], &f.latest_rating),
                        f.recruited_on.map_or(Cell::Empty, Cell::Date),
                    ]
                })
                .collect(),
        };
        return crate::export::respond(&table, format, &format!("danh-sach-{today}"));
    }
    let more = rows.len() as i64 > limit;
    let page_rows: Vec<_> = rows.into_iter().take(limit as usize).collect();
    let next = more
        .then(|| {
            page_rows
                .last()
                .map(|(found, facts)| super::cursor(sort, found, facts))
        })
        .flatten();
    let items = page_rows
        .into_iter()
        .map(|(found, facts)| super::hit(&found, facts))
        .collect();
    Ok(HttpResponse::Ok().json(SearchPage { items, next }))
}
