//! Tables as files (USE-1…4): CSV (UTF-8 with a byte-order mark, so that Excel reads the
//! Vietnamese letters) and Excel .xlsx with the title, unit and date above Vietnamese headers, the
//! header row frozen and columns sized — written by the `csv` and `rust_xlsxwriter` crates — and
//! PDF for printing, on the print module's writer (A4, the header repeated on every page).

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};

use crate::error::AppError;

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
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The format asked for with `format=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
    Pdf,
}

impl FileFormat {
    /// `None` for `json` (or absent); 422 for anything else.
    pub fn parse(text: Option<&str>) -> Result<Option<FileFormat>, AppError> {
        match text {
            None | Some("json") => Ok(None),
            Some("csv") => Ok(Some(FileFormat::Csv)),
            Some("xlsx") => Ok(Some(FileFormat::Xlsx)),
            Some("pdf") => Ok(Some(FileFormat::Pdf)),
            Some(_) => Err(hoso_domain::FieldError::new(
                "format",
                "invalid_choice",
                "Định dạng là json, csv, xlsx hoặc pdf.",
            )
            .into()),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Xlsx => "xlsx",
            FileFormat::Pdf => "pdf",
        }
    }
}

pub fn csv(table: &Table) -> Result<Vec<u8>, AppError> {
    let mut writer = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let internal = |e: csv::Error| AppError::Internal(format!("csv: {e}"));
    writer.write_record(&table.headers).map_err(internal)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(Cell::plain))
            .map_err(internal)?;
    }
    writer
        .into_inner()
        .map_err(|e| AppError::Internal(format!("csv: {e}")))
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> AppError {
    AppError::Internal(format!("xlsx: {e}"))
}

pub fn xlsx(table: &Table) -> Result<Vec<u8>, AppError> {
    let mut workbook = Workbook::new();
    write_sheet(workbook.add_worksheet(), table, 0)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// The table on a sheet from row `top`; returns the row after its last.
fn write_sheet(sheet: &mut rust_xlsxwriter::Worksheet, table: &Table, top: u32) -> Result<u32, AppError> {
    let internal = xlsx_error;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new()
        .set_bold()
        .set_background_color(0xDDEBF7)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_string_with_format(top, 0, &table.title, &title)
        .map_err(internal)?;
    sheet
        .write_string(top + 1, 0, &table.subtitle)
        .map_err(internal)?;
    let header_row: u32 = top + 3;
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count()).collect();
    for (col, header) in table.headers.iter().enumerate() {
        sheet
            .write_string_with_format(header_row, col as u16, header, &bold)
            .map_err(internal)?;
    }
    for (i, row) in table.rows.iter().enumerate() {
        let r = header_row + 1 + i as u32;
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
    sheet.set_freeze_panes(header_row + 1, 0).map_err(internal)?;
    Ok(header_row + 1 + table.rows.len() as u32)
}

/// The table on A4 pages: title and subtitle, then the rows under a bold header that is
/// repeated on each page; numbers right-aligned; a cell too wide for its column is cut with "…".
pub fn pdf(table: &Table) -> Vec<u8> {
    let mut doc = crate::print::pdf::Document::new();
    draw_table(&mut doc, table);
    doc.finish(&table.title, None, None)
}

/// The table drawn from the document's current line on.
fn draw_table(doc: &mut crate::print::pdf::Document, table: &Table) {
    use crate::print::pdf::{Document, MARGIN, PAGE_WIDTH};
    const SIZE: f32 = 9.0;
    const GAP: f32 = 6.0;
    let leading = SIZE * 1.6;
    let usable = PAGE_WIDTH - 2.0 * MARGIN;
    doc.wrapped(MARGIN, usable, &table.title, 13.0, true);
    doc.wrapped(MARGIN, usable, &table.subtitle, 10.0, false);
    doc.y -= 6.0;
    // Each column as wide as its widest cell, then scaled down together to fit the page.
    let mut widths: Vec<f32> = table.headers.iter().map(|h| doc.width(h, SIZE, true)).collect();
    for row in &table.rows {
        for (col, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(col) {
                *w = w.max(doc.width(&cell.plain(), SIZE, false));
            }
        }
    }
    let natural: f32 = widths.iter().map(|w| w + GAP).sum();
    let scale = (usable / natural).min(1.0);
    let widths: Vec<f32> = widths.iter().map(|w| (w + GAP) * scale - GAP).collect();
    let fit = |doc: &Document, text: &str, width: f32, bold: bool| -> String {
        if doc.width(text, SIZE, bold) <= width {
            return text.to_owned();
        }
        let mut cut: String = text.to_owned();
        while !cut.is_empty() && doc.width(&format!("{cut}…"), SIZE, bold) > width {
            cut.pop();
        }
        format!("{cut}…")
    };
    let header = |doc: &mut Document| {
        let y = doc.y;
        let mut x = MARGIN;
        for (col, text) in table.headers.iter().enumerate() {
            let text = fit(doc, text, widths[col], true);
            doc.text_at(x, y, &text, SIZE, true);
            x += widths[col] + GAP;
        }
        doc.y -= 3.0;
        doc.rule();
        doc.y -= leading - 3.0;
    };
    doc.ensure(leading * 2.0);
    header(doc);
    for row in &table.rows {
        let before = doc.y;
        doc.ensure(leading);
        if doc.y > before {
            header(doc);
        }
        let y = doc.y;
        let mut x = MARGIN;
        for (col, cell) in row.iter().enumerate().take(widths.len()) {
            let text = fit(doc, &cell.plain(), widths[col], false);
            let indent = match cell {
                Cell::Number(_) => widths[col] - doc.width(&text, SIZE, false),
                _ => 0.0,
            };
            doc.text_at(x + indent, y, &text, SIZE, false);
            x += widths[col] + GAP;
        }
        doc.y -= leading;
    }
}

/// The head and foot of a report sent to a ministry, laid out as administrative documents are
/// (Decree 30/2020/NĐ-CP, Annex I): the issuing body on the left and the national motto on the
/// right, the title; the place and date, who signs and their name at the foot.
pub struct Letterhead {
    /// The body above the issuer and the issuer: `UBND TỈNH HƯNG YÊN`, `SỞ NỘI VỤ`.
    pub issuer: Vec<String>,
    pub title: String,
    /// The period and the day the figures stand on.
    pub period: String,
    pub recipient: String,
    /// `Hưng Yên, ngày 10 tháng 01 năm 2026`.
    pub place_and_date: String,
    pub signer_title: String,
    pub signer: Option<String>,
}

const MOTTO: [&str; 2] = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
];

impl Letterhead {
    fn head_lines(&self) -> Vec<String> {
        vec![
            self.title.clone(),
            self.period.clone(),
            format!("Kính gửi: {}", self.recipient),
        ]
    }

    fn foot_lines(&self) -> Vec<String> {
        vec![
            self.place_and_date.clone(),
            self.signer_title.clone(),
            "(Ký, ghi rõ họ tên, đóng dấu)".into(),
            self.signer.clone().unwrap_or_default(),
        ]
    }
}

/// A report in parts under one letterhead, as a file: an Excel workbook with a sheet per part
/// (each under the letterhead), or a PDF with the parts one after the other.
pub fn render_report(
    head: &Letterhead,
    parts: &[(String, Table)],
    format: FileFormat,
) -> Result<(Vec<u8>, &'static str, &'static str), AppError> {
    Ok(match format {
        FileFormat::Pdf => (report_pdf(head, parts), "application/pdf", "pdf"),
        FileFormat::Xlsx => (
            report_xlsx(head, parts)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        FileFormat::Csv => {
            let mut bytes = Vec::new();
            for (i, (_, table)) in parts.iter().enumerate() {
                let part = csv(table)?;
                // One byte-order mark, at the start; a blank line between parts.
                bytes.extend_from_slice(if i == 0 { &part[..] } else { &part[3..] });
                bytes.extend_from_slice(b"\r\n");
            }
            (bytes, "text/csv; charset=utf-8", "csv")
        }
    })
}

fn report_xlsx(head: &Letterhead, parts: &[(String, Table)]) -> Result<Vec<u8>, AppError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for (sheet_name, table) in parts {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name).map_err(xlsx_error)?;
        let right = (table.headers.len().max(4) - 2) as u16;
        for (row, line) in head.issuer.iter().enumerate() {
            sheet
                .write_string_with_format(row as u32, 0, line, &bold)
                .map_err(xlsx_error)?;
        }
        for (row, line) in MOTTO.iter().enumerate() {
            sheet
                .write_string_with_format(row as u32, right, *line, &bold)
                .map_err(xlsx_error)?;
        }
        let first = head.issuer.len().max(2) as u32 + 1;
        let lines = head.head_lines();
        for (row, line) in (first..).zip(&lines) {
            sheet
                .write_string_with_format(row, 0, line, &bold)
                .map_err(xlsx_error)?;
        }
        let after = write_sheet(sheet, table, first + lines.len() as u32 + 1)? + 1;
        for (row, line) in (after..).zip(head.foot_lines()) {
            sheet
                .write_string_with_format(row, right, &line, &bold)
                .map_err(xlsx_error)?;
        }
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

fn report_pdf(head: &Letterhead, parts: &[(String, Table)]) -> Vec<u8> {
    use crate::print::pdf::{Document, MARGIN, PAGE_WIDTH};
    let mut doc = Document::new();
    let half = (PAGE_WIDTH - 2.0 * MARGIN) / 2.0;
    let top = doc.y;
    for line in &head.issuer {
        doc.wrapped(MARGIN, half - 10.0, line, 10.0, true);
    }
    let left_end = doc.y;
    doc.y = top;
    for line in MOTTO {
        doc.wrapped(MARGIN + half, half, line, 10.0, true);
    }
    doc.y = doc.y.min(left_end) - 10.0;
    let usable = PAGE_WIDTH - 2.0 * MARGIN;
    let lines = head.head_lines();
    doc.wrapped(MARGIN, usable, &lines[0], 13.0, true);
    for line in &lines[1..] {
        doc.wrapped(MARGIN, usable, line, 10.0, false);
    }
    for (_, table) in parts {
        doc.y -= 10.0;
        draw_table(&mut doc, table);
    }
    doc.y -= 14.0;
    doc.ensure(80.0);
    for line in head.foot_lines() {
        doc.wrapped(MARGIN + half, half, &line, 10.0, false);
    }
    doc.finish(&head.title, None, None)
}

/// The table as a file in `format`: its bytes, content type and file extension.
pub fn render(table: &Table, format: FileFormat) -> Result<(Vec<u8>, &'static str, &'static str), AppError> {
    Ok(match format {
        FileFormat::Csv => (csv(table)?, "text/csv; charset=utf-8", "csv"),
        FileFormat::Xlsx => (
            xlsx(table)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        FileFormat::Pdf => (pdf(table), "application/pdf", "pdf"),
    })
}
