use hoso_api_types::search::{chosen_columns, column_header, SearchCriteria, SearchPage, RESULT_COLUMNS};
use hoso_domain::FieldError;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::export::{Cell, FileFormat, Table};
use crate::files::PageOrFile;
use crate::session::Session;
use crate::App;

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
pub const EXPORT_ROWS: i64 = 50_000;

/// Dossiers in service within the caller's scope matching every criterion given — their
/// approved versions, or their working drafts with `drafts=true` (`update_dossiers`) — in the
/// chosen order, a page at a time (`read_dossiers`); or all of them as CSV, Excel or PDF. Only
/// fields every reader may see are searched and shown (SEC-2).
pub async fn search_dossiers(
    app: &App,
    session: Session,
    criteria: SearchCriteria,
    page: PageQuery,
) -> Result<PageOrFile<SearchPage>, AppError> {
    crate::dossiers::require_list_right(&session)?;
    let format = FileFormat::parse(page.format.as_deref())?;
    if format.is_some() {
        crate::reports::require_exporter(&session)?;
    }
    let all: Vec<&str> = RESULT_COLUMNS.iter().map(|(key, _)| *key).collect();
    let columns = chosen_columns(criteria.columns.as_deref(), &all).map_err(|key| {
        FieldError::new(
            "columns",
            "invalid_choice",
            format!("Không có cột “{key}” trong kết quả tìm kiếm."),
        )
    })?;
    let after = page.after.as_deref().map(super::parse_cursor).transpose()?;
    let limit = match format {
        Some(_) => EXPORT_ROWS,
        None => page.limit.unwrap_or(50).clamp(1, 500),
    };
    let today = app.clock.today();
    let province = app.province_name.clone();
    let export_event = session.event("search.exported");
    let first_page = after.is_none() && format.is_none();
    let (rows, catalogs, sort, total) = app
        .db(move |conn| {
            let c = super::criteria(conn, &session, &criteria, today)?;
            let sort = c.sort;
            let rows = hoso_store::search::search(conn, &c, after.as_ref(), limit + 1)?;
            // A first page that holds everything needs no second query to be counted.
            let total = match (first_page, rows.len() as i64 <= limit) {
                (false, _) => None,
                (true, true) => Some(rows.len() as i64),
                (true, false) => Some(hoso_store::search::count(conn, &c)?),
            };
            let catalogs = match format {
                Some(_) => Some(crate::catalogs::index(conn)?),
                None => None,
            };
            Ok((rows, catalogs, sort, total))
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
        let cell = |key: &str, f: &hoso_domain::dossier::facts::Facts| match key {
            "gender" => label(&["genders"], &f.gender),
            "birth_date" => f.birth_date.map_or(Cell::Empty, Cell::Date),
            "grade" => label(hoso_domain::catalog::GRADE_KINDS, &f.grade),
            "salary_step" => f.salary_step.map_or(Cell::Empty, |s| Cell::Number(s.into())),
            "coefficient" => f
                .coefficient
                .map_or(Cell::Empty, |c| Cell::Number(f64::from(c) / 100.0)),
            "position" => label(&["leadership_positions"], &f.position),
            "qualification" => label(&["qualifications"], &f.qualification),
            "political_theory" => label(&["political_theory"], &f.political_theory),
            "party_member" => Cell::Text(if f.party_member { "Có" } else { "Không" }.into()),
            "rating" => label(&["ratings"], &f.latest_rating),
            "recruited_on" => f.recruited_on.map_or(Cell::Empty, Cell::Date),
            _ => Cell::Empty,
        };
        let table = Table {
            title: "Danh sách cán bộ, công chức, viên chức".into(),
            subtitle: format!("{province} — ngày {}", today.format("%d/%m/%Y")),
            headers: ["Số hiệu hồ sơ", "Họ và tên", "Đơn vị"]
                .into_iter()
                .chain(columns.iter().copied().map(column_header))
                .map(String::from)
                .collect(),
            rows: rows
                .iter()
                .take(limit as usize)
                .map(|(found, f)| {
                    [
                        Cell::Text(found.dossier.dossier_number.clone()),
                        Cell::Text(found.person.full_name.clone()),
                        Cell::Text(found.unit_name.clone()),
                    ]
                    .into_iter()
                    .chain(columns.iter().map(|key| cell(key, f)))
                    .collect()
                })
                .collect(),
        };
        let file = crate::files::table(&table, format, &format!("danh-sach-{today}"))?;
        let people = rows
            .iter()
            .take(limit as usize)
            .map(|(found, _)| found.person.id.clone())
            .collect();
        let details =
            serde_json::json!({"format": format.as_str(), "rows": table.rows.len(), "columns": columns});
        crate::audit::record_export(app, export_event, details, people).await?;
        return Ok(PageOrFile::File(file));
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
    Ok(PageOrFile::Page(SearchPage { items, next, total }))
}
