//! Tables as files (USE-1…4): CSV (UTF-8 with a byte-order mark, so that Excel reads the
//! Vietnamese letters) and Excel .xlsx with the title, unit and date above Vietnamese headers, the
//! header row frozen and columns sized — written by the `csv` and `rust_xlsxwriter` crates.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::HttpResponse;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};

use crate::error::ApiError;

pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    pub fn text(value: Option<impl Into<String>>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.into()))
    }

    fn plain(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

pub struct Table {
    pub title: String,
    /// The unit and the date the figures are as of.
    pub subtitle: String,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// The format asked for with `format=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    /// `None` for `json` (or absent); 422 for anything else.
    pub fn parse(text: Option<&str>) -> Result<Option<FileFormat>, ApiError> {
        match text {
            None | Some("json") => Ok(None),
            Some("csv") => Ok(Some(FileFormat::Csv)),
            Some("xlsx") => Ok(Some(FileFormat::Xlsx)),
            Some(_) => Err(hoso_domain::FieldError::new(
                "format",
                "invalid_choice",
                "Định dạng là json, csv hoặc xlsx.",
            )
            .into()),
        }
    }
}

pub fn csv(table: &Table) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let internal = |e: csv::Error| ApiError::Internal(format!("csv: {e}"));
    writer.write_record(&table.headers).map_err(internal)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(Cell::plain))
            .map_err(internal)?;
    }
    writer
        .into_inner()
        .map_err(|e| ApiError::Internal(format!("csv: {e}")))
}

pub fn xlsx(table: &Table) -> Result<Vec<u8>, ApiError> {
    let internal = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(format!("xlsx: {e}"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new()
        .set_bold()
        .set_background_color(0xDDEBF7)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_string_with_format(0, 0, &table.title, &title)
        .map_err(internal)?;
    sheet.write_string(1, 0, &table.subtitle).map_err(internal)?;
    const HEADER_ROW: u32 = 3;
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count()).collect();
    for (col, header) in table.headers.iter().enumerate() {
        sheet
            .write_string_with_format(HEADER_ROW, col as u16, *header, &bold)
            .map_err(internal)?;
    }
    for (i, row) in table.rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            match cell {
                Cell::Text(t) => {
                    sheet.write_string(r, c, t).map_err(internal)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n).map_err(internal)?;
                }
                Cell::Date(d) => {
                    let excel = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        chrono::Datelike::year(d) as u16,
                        chrono::Datelike::month(d) as u8,
                        chrono::Datelike::day(d) as u8,
                    )
                    .map_err(internal)?;
                    sheet
                        .write_datetime_with_format(r, c, &excel, &date)
                        .map_err(internal)?;
                }
                Cell::Empty => {}
            }
            if let Some(w) = widths.get_mut(col) {
                *w = (*w).max(cell.plain().chars().count());
            }
        }
    }
    for (col, width) in widths.iter().enumerate() {
        sheet
            .set_column_width(col as u16, (*width).clamp(8, 60) as f64 + 2.0)
            .map_err(internal)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0).map_err(internal)?;
    workbook.save_to_buffer().map_err(internal)
}

/// The table as a file download named `stem`.
pub fn respond(table: &Table, format: FileFormat, stem: &str) -> Result<HttpResponse, ApiError> {
    let (bytes, content_type, extension) = match format {
        FileFormat::Csv => (csv(table)?, "text/csv; charset=utf-8", "csv"),
        FileFormat::Xlsx => (
            xlsx(table)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(format!("{stem}.{extension}"))],
        })
        .body(bytes))
}
