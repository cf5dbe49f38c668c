//! Workbooks hoso writes for imports: the empty template of a kind (Vietnamese headers in the
//! form's order, drop-down lists of catalogue labels from a hidden sheet, date and text
//! formats), and the user's own workbook handed back with each refused cell marked (a fill and
//! a note with the message and code) plus a sheet listing every issue.

use std::collections::HashMap;

use hoso_api_types::imports::ImportIssue;
use hoso_domain::dossier::validation::CatalogIndex;
use hoso_domain::import::{self, CellInput, ImportKind, Sheet, SheetSpec, ValueKind};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatBorder, Formula, Note,
    Workbook, Worksheet, XlsxError,
};

use super::workbook::Book;
use crate::error::AppError;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// Drop-down lists and formats cover this many data rows of a template.
const TEMPLATE_ROWS: u32 = 20_000;
const LISTS_SHEET: &str = "Danh mục";
pub const ISSUES_SHEET: &str = "Lỗi";

fn internal(e: XlsxError) -> AppError {
    AppError::Internal(format!("xlsx: {e}"))
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
}

fn column_format(value: &ValueKind) -> Option<Format> {
    match value {
        ValueKind::Date => Some(Format::new().set_num_format("dd/mm/yyyy")),
        // Kept as text so that Excel keeps the leading zero of a citizen ID.
        ValueKind::CitizenId | ValueKind::Text(_) => Some(Format::new().set_num_format("@")),
        ValueKind::Coefficient => Some(Format::new().set_num_format("0.00")),
        _ => None,
    }
}

fn write_headers(sheet: &mut Worksheet, spec: &SheetSpec) -> Result<(), AppError> {
    let header = header_format();
    for (i, column) in spec.columns.iter().enumerate() {
        let c = i as u16;
        let title = if column.required {
            format!("{} *", column.header)
        } else {
            column.header.to_owned()
        };
        sheet
            .write_string_with_format(0, c, title, &header)
            .map_err(internal)?;
        sheet.set_column_width(c, 18).map_err(internal)?;
        if let Some(format) = column_format(&column.value) {
            sheet.set_column_format(c, &format).map_err(internal)?;
        }
    }
    sheet.set_row_height(0, 32).map_err(internal)?;
    sheet.set_freeze_panes(1, 0).map_err(internal)?;
    Ok(())
}

/// The template of `kind`: one sheet per sheet of the kind, the lists of codes on a hidden
/// sheet, and a sheet of instructions.
pub fn template(kind: ImportKind, catalogs: &CatalogIndex) -> Result<Vec<u8>, AppError> {
    filled(kind, catalogs, &[])
}

/// The template of `kind` filled with `rows` (each in its sheet's column order): an export
/// that can be corrected in Excel and imported again.
pub fn filled(
    kind: ImportKind,
    catalogs: &CatalogIndex,
    rows: &[(Sheet, Vec<CellInput>)],
) -> Result<Vec<u8>, AppError> {
    let mut workbook = Workbook::new();
    // Each list a drop-down offers: its column on the hidden sheet and its length.
    let mut lists: Vec<(String, Vec<String>)> = Vec::new();
    let mut list_of = |key: String, labels: Vec<String>| -> usize {
        match lists.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                lists.push((key, labels));
                lists.len() - 1
            }
        }
    };
    let mut validations: Vec<(usize, u16, usize)> = Vec::new();
    for (s, spec) in kind.sheets().iter().enumerate() {
        for (i, column) in spec.columns.iter().enumerate() {
            let labels: Option<(String, Vec<String>)> = match column.value {
                ValueKind::Code(kinds) => {
                    let mut labels: Vec<String> = catalogs
                        .entries(kinds)
                        .map(|e| format!("{} — {}", e.code, e.label))
                        .collect();
                    labels.sort();
                    Some((kinds.join(","), labels))
                }
                ValueKind::Choice(choices) => Some((
                    column.key.to_owned(),
                    choices.iter().map(|(_, label)| (*label).to_owned()).collect(),
                )),
                _ => None,
            };
            if let Some((key, labels)) = labels.filter(|(_, l)| !l.is_empty()) {
                let list = list_of(key, labels);
                validations.push((s, i as u16, list));
            }
        }
    }
    for (s, spec) in kind.sheets().iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(spec.name).map_err(internal)?;
        write_headers(sheet, spec)?;
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let of_sheet = rows.iter().filter(|(sheet, _)| *sheet == spec.sheet);
        for (r, (_, cells)) in (1..).zip(of_sheet) {
            for (c, cell) in cells.iter().enumerate() {
                write_cell(sheet, r, c as u16, cell, None, &date)?;
            }
        }
        for &(_, c, list) in validations.iter().filter(|(vs, _, _)| *vs == s) {
            let length = lists[list].1.len() as u32;
            let letters = import::column_letters(list);
            let formula = format!("='{LISTS_SHEET}'!${letters}$2:${letters}${}", length + 1);
            let validation = DataValidation::new()
                .allow_list_formula(Formula::new(formula))
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_title("Giá trị không có trong danh mục")
                .map_err(internal)?
                .set_error_message("Chọn một giá trị trong danh sách, hoặc nhập mã đúng như danh mục.")
                .map_err(internal)?;
            sheet
                .add_data_validation(1, c, TEMPLATE_ROWS, c, &validation)
                .map_err(internal)?;
        }
    }
    let hidden = workbook.add_worksheet();
    hidden.set_name(LISTS_SHEET).map_err(internal)?;
    for (i, (key, labels)) in lists.iter().enumerate() {
        let c = i as u16;
        hidden.write_string(0, c, key.as_str()).map_err(internal)?;
        for (r, label) in labels.iter().enumerate() {
            hidden
                .write_string(r as u32 + 1, c, label.as_str())
                .map_err(internal)?;
        }
    }
    hidden.set_hidden(true);
    let guide = workbook.add_worksheet();
    guide.set_name("Hướng dẫn").map_err(internal)?;
    for (r, line) in guide_lines(kind).iter().enumerate() {
        guide.write_string(r as u32, 0, line.as_str()).map_err(internal)?;
    }
    guide.set_column_width(0, 120).map_err(internal)?;
    workbook.save_to_buffer().map_err(internal)
}

fn guide_lines(kind: ImportKind) -> Vec<String> {
    let mut lines = vec![
        format!("Mẫu nhập dữ liệu: {}", kind.label()),
        "Dòng 1 của mỗi trang là tiêu đề cột; không gộp ô, không đổi tên cột. Cột có dấu * là bắt buộc.".to_owned(),
        "Ngày ghi dạng dd/mm/yyyy. Số định danh cá nhân (CCCD) gồm 12 chữ số, để ở dạng Văn bản.".to_owned(),
        "Cột danh mục nhận mã hoặc tên đúng như danh mục (chọn trong danh sách thả xuống).".to_owned(),
        "Các trang quá trình (công tác, lương, đào tạo, gia đình, khen thưởng, kỷ luật, đánh giá) nối với người bằng Số định danh cá nhân; khi tệp có dòng của một người ở trang nào, trang đó thay toàn bộ mục tương ứng trong hồ sơ nháp.".to_owned(),
        "Ô để trống không xóa thông tin đã có trong hồ sơ. Không dùng công thức: dán giá trị.".to_owned(),
        "Nhập thử trước (không ghi gì), sửa các ô bị đánh dấu trong tệp trả về, rồi mới ghi.".to_owned(),
        String::new(),
    ];
    for spec in kind.sheets() {
        lines.push(format!("Trang «{}»:", spec.name));
        for column in spec.columns {
            let required = if column.required { " (bắt buộc)" } else { "" };
            lines.push(format!("    {}{required}", column.header));
        }
    }
    lines
}

/// The user's workbook with its values as read, every refused cell filled and noted, and the
/// sheet «Lỗi» listing each issue. (Formatting and formulas are not carried over: the values
/// are what hoso read.)
pub fn marked(book: &Book, issues: &[ImportIssue]) -> Result<Vec<u8>, AppError> {
    let mut workbook = Workbook::new();
    let bad = Format::new()
        .set_background_color(Color::RGB(0xFFC7CE))
        .set_font_color(Color::RGB(0x9C0006));
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let header = header_format();
    let mut by_cell: HashMap<(&str, u32, &str), Vec<&ImportIssue>> = HashMap::new();
    for issue in issues {
        by_cell
            .entry((issue.sheet.as_str(), issue.row, issue.column.as_str()))
            .or_default()
            .push(issue);
    }
    for read in &book.sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&read.name).map_err(internal)?;
        // One row's cells at a time, as read (the book keeps them compact).
        let headers = std::iter::once((1u32, read.headers.clone()));
        let rows = headers.chain(
            read.rows
                .iter()
                .map(|(r, cells)| (*r, cells.iter().map(|c| book.input(*c)).collect::<Vec<_>>())),
        );
        for (row, cells) in rows {
            let width = cells.len().max(read.headers.len());
            for c in 0..width {
                let cell = cells.get(c).unwrap_or(&CellInput::Empty);
                let letters = import::column_letters(c);
                let marks = by_cell.get(&(read.name.as_str(), row, letters.as_str()));
                let format = match (marks, row) {
                    (Some(_), _) => Some(&bad),
                    (None, 1) => Some(&header),
                    _ => None,
                };
                write_cell(sheet, row - 1, c as u16, cell, format, &date)?;
                if let Some(marks) = marks {
                    let text: Vec<String> = marks
                        .iter()
                        .map(|m| format!("[{}] {}", m.code, m.message))
                        .collect();
                    let note = Note::new(text.join("\n"))
                        .set_author("hoso")
                        .set_width(320)
                        .set_height(110);
                    sheet.insert_note(row - 1, c as u16, &note).map_err(internal)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(internal)?;
    }
    let list = workbook.add_worksheet();
    list.set_name(ISSUES_SHEET).map_err(internal)?;
    for (c, title) in ["Trang", "Dòng", "Cột", "Tiêu đề cột", "Mã lỗi", "Nội dung"]
        .iter()
        .enumerate()
    {
        list.write_string_with_format(0, c as u16, *title, &header)
            .map_err(internal)?;
    }
    for (i, issue) in issues.iter().enumerate() {
        let r = i as u32 + 1;
        list.write_string(r, 0, issue.sheet.as_str()).map_err(internal)?;
        list.write_number(r, 1, issue.row).map_err(internal)?;
        list.write_string(r, 2, issue.column.as_str()).map_err(internal)?;
        list.write_string(r, 3, issue.header.clone().unwrap_or_default())
            .map_err(internal)?;
        list.write_string(r, 4, issue.code.as_str()).map_err(internal)?;
        list.write_string(r, 5, issue.message.as_str())
            .map_err(internal)?;
    }
    list.set_column_width(3, 28).map_err(internal)?;
    list.set_column_width(5, 90).map_err(internal)?;
    list.set_freeze_panes(1, 0).map_err(internal)?;
    workbook.save_to_buffer().map_err(internal)
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    cell: &CellInput,
    format: Option<&Format>,
    date: &Format,
) -> Result<(), AppError> {
    let plain = Format::new();
    let format = format.unwrap_or(&plain);
    match cell {
        CellInput::Empty => {
            if format != &plain {
                sheet.write_blank(row, column, format).map_err(internal)?;
            }
        }
        CellInput::Text(t) => {
            sheet
                .write_string_with_format(row, column, t.as_str(), format)
                .map_err(internal)?;
        }
        CellInput::Error(e) => {
            sheet
                .write_string_with_format(row, column, e.as_str(), format)
                .map_err(internal)?;
        }
        CellInput::Number(n) => {
            sheet
                .write_number_with_format(row, column, *n, format)
                .map_err(internal)?;
        }
        CellInput::Bool(b) => {
            sheet
                .write_boolean_with_format(row, column, *b, format)
                .map_err(internal)?;
        }
        CellInput::Date(d) => {
            use chrono::Datelike;
            let excel =
                ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(internal)?;
            let format = if format == &plain { date } else { format };
            sheet
                .write_datetime_with_format(row, column, &excel, &format.clone().set_num_format("dd/mm/yyyy"))
                .map_err(internal)?;
        }
    }
    Ok(())
}
