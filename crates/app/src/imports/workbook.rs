//! Reading an uploaded workbook (.xlsx streamed cell by cell, or .csv) into the sheets an
//! import knows, with every cap checked before the cells are kept: the archive's uncompressed
//! size (a zip bomb), the size a sheet declares, and each cell's own position (a declaration
//! can lie). Formula cells and merged header cells are found here too.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use hoso_domain::import::{self, CellInput, ImportKind, Sheet, SheetSpec};
use hoso_domain::FieldError;

use crate::error::AppError;

/// A cell as kept while an import is checked: 16 bytes, its text interned in the book (a
/// workbook of 50,000 people holds millions of cells, most of them codes repeated over and
/// over).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Date(chrono::NaiveDate),
    Bool(bool),
    Text(u32),
    Error(u32),
}

/// Every distinct text of a workbook, once.
#[derive(Default)]
pub struct Texts {
    all: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl Texts {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        let i = self.all.len() as u32;
        self.all.push(text.into());
        self.index.insert(text.into(), i);
        i
    }

    fn cell(&mut self, input: CellInput) -> Cell {
        match input {
            CellInput::Empty => Cell::Empty,
            CellInput::Number(n) => Cell::Number(n),
            CellInput::Date(d) => Cell::Date(d),
            CellInput::Bool(b) => Cell::Bool(b),
            CellInput::Text(t) => Cell::Text(self.intern(&t)),
            CellInput::Error(e) => Cell::Error(self.intern(&e)),
        }
    }
}

/// A sheet the import knows, as read: its header row and its data rows (Excel's row number,
/// cells by column index).
pub struct ReadSheet {
    pub spec: &'static SheetSpec,
    /// The name as written in the workbook.
    pub name: String,
    pub headers: Vec<CellInput>,
    pub rows: Vec<(u32, Vec<Cell>)>,
    /// Cells holding a formula (zero-based row, column): refused, since their value is
    /// whatever the last program to save the file computed.
    pub formulas: Vec<(u32, u32)>,
}

/// The sheets of one workbook, in the order of the kind's template.
pub struct Book {
    pub sheets: Vec<ReadSheet>,
    /// Sheets the import ignores (instructions, the hidden list of codes, the list of errors).
    pub ignored: Vec<String>,
    texts: Texts,
}

impl Book {
    /// The cell as read, for the checks.
    pub fn input(&self, cell: Cell) -> CellInput {
        match cell {
            Cell::Empty => CellInput::Empty,
            Cell::Number(n) => CellInput::Number(n),
            Cell::Date(d) => CellInput::Date(d),
            Cell::Bool(b) => CellInput::Bool(b),
            Cell::Text(i) => CellInput::Text(self.texts.all[i as usize].to_string()),
            Cell::Error(i) => CellInput::Error(self.texts.all[i as usize].to_string()),
        }
    }

    /// The cell under column `column` of row `r` of sheet `s`.
    pub fn cell(&self, s: usize, r: usize, column: usize) -> CellInput {
        let cell = self.sheets[s].rows[r]
            .1
            .get(column)
            .copied()
            .unwrap_or(Cell::Empty);
        self.input(cell)
    }

    pub fn sheet(&self, sheet: Sheet) -> Option<&ReadSheet> {
        self.sheets.iter().find(|s| s.spec.sheet == sheet)
    }
}

fn refuse(code: &str, message: impl Into<String>) -> AppError {
    FieldError::new("file", code, message).into()
}

fn not_a_workbook() -> AppError {
    refuse(
        "not_a_workbook",
        "Tệp không phải bảng tính Excel (.xlsx) hoặc CSV đọc được. Hãy lưu lại bằng Excel dưới dạng .xlsx.",
    )
}

/// What the bytes are: an .xlsx (a zip archive) or CSV text; anything else is refused.
pub fn read(kind: ImportKind, file_name: &str, bytes: &[u8]) -> Result<Book, AppError> {
    if bytes.is_empty() {
        return Err(refuse("empty_file", "Tệp rỗng."));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(kind, bytes)
    } else if file_name.to_ascii_lowercase().ends_with(".csv") {
        read_csv(kind, bytes)
    } else {
        Err(not_a_workbook())
    }
}

fn read_xlsx(kind: ImportKind, bytes: &[u8]) -> Result<Book, AppError> {
    check_archive(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let mut book = Book {
        sheets: Vec::new(),
        ignored: Vec::new(),
        texts: Texts::default(),
    };
    for name in workbook.sheet_names() {
        let Some(spec) = spec_named(kind, &name) else {
            book.ignored.push(name);
            continue;
        };
        if book.sheets.iter().any(|s| s.spec.sheet == spec.sheet) {
            return Err(refuse(
                "duplicate_sheet",
                format!("Bảng tính có hai trang «{}».", spec.name),
            ));
        }
        let merged = workbook
            .worksheet_merge_cells(&name)
            .transpose()
            .map_err(|_| not_a_workbook())?
            .unwrap_or_default();
        if merged.iter().any(|region| region.start.0 == 0) {
            return Err(refuse(
                "merged_header",
                format!(
                    "Trang «{name}» có ô tiêu đề gộp. Dòng 1 phải là tiêu đề cột, mỗi cột một ô, như trong mẫu."
                ),
            ));
        }
        let mut reader = workbook
            .worksheet_cells_reader(&name)
            .map_err(|_| not_a_workbook())?;
        let declared = reader.dimensions();
        check_size(&name, declared.end.0, declared.end.1)?;
        let mut headers = Vec::new();
        let mut rows: Vec<(u32, Vec<Cell>)> = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(|_| not_a_workbook())? {
            let (row, column) = cell.get_position();
            check_size(&name, row, column)?;
            let value = cell_input(cell.get_value());
            if value == CellInput::Empty {
                continue;
            }
            let column = column as usize;
            if row == 0 {
                if headers.len() <= column {
                    headers.resize(column + 1, CellInput::Empty);
                }
                headers[column] = value;
                continue;
            }
            if rows.last().is_none_or(|(r, _)| *r != row + 1) {
                if let Some((_, done)) = rows.last_mut() {
                    done.shrink_to_fit();
                }
                rows.push((row + 1, Vec::new()));
            }
            let cells = &mut rows.last_mut().expect("a row was just pushed").1;
            if cells.len() <= column {
                cells.resize(column + 1, Cell::Empty);
            }
            cells[column] = book.texts.cell(value);
        }
        drop(reader);
        let mut formulas = Vec::new();
        let mut reader = workbook
            .worksheet_cells_reader(&name)
            .map_err(|_| not_a_workbook())?;
        while let Some(cell) = reader.next_formula().map_err(|_| not_a_workbook())? {
            if !cell.get_value().is_empty() {
                let (row, column) = cell.get_position();
                check_size(&name, row, column)?;
                formulas.push((row, column));
            }
        }
        book.sheets.push(ReadSheet {
            spec,
            name,
            headers,
            rows,
            formulas,
        });
    }
    book.sheets.sort_by_key(|s| s.spec.sheet);
    if book.sheets.is_empty() {
        return Err(no_known_sheet(kind));
    }
    Ok(book)
}

fn no_known_sheet(kind: ImportKind) -> AppError {
    let names: Vec<&str> = kind.sheets().iter().map(|s| s.name).collect();
    refuse(
        "no_known_sheet",
        format!(
            "Bảng tính không có trang nào của mẫu nhập «{}» ({}).",
            kind.label(),
            names.join(", ")
        ),
    )
}

/// The sizes the archive declares for its parts, before any is inflated.
fn check_archive(bytes: &[u8]) -> Result<(), AppError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|_| not_a_workbook())?;
        total = total.saturating_add(entry.size());
        // A real sheet's XML compresses perhaps 10 to 50:1; 400:1 is a bomb.
        let ratio_bomb = entry.size() > 1024 * 1024 && entry.size() / entry.compressed_size().max(1) > 400;
        if total > import::MAX_UNCOMPRESSED_BYTES || ratio_bomb {
            return Err(refuse(
                "workbook_too_large",
                format!(
                    "Tệp giải nén ra quá lớn (giới hạn {} MB); hãy chia thành nhiều tệp.",
                    import::MAX_UNCOMPRESSED_BYTES / 1024 / 1024
                ),
            ));
        }
    }
    Ok(())
}

fn check_size(sheet: &str, last_row: u32, last_column: u32) -> Result<(), AppError> {
    if last_column >= import::MAX_COLUMNS {
        return Err(refuse(
            "too_many_columns",
            format!(
                "Trang «{sheet}» có hơn {} cột; mẫu nhập không có nhiều cột như vậy.",
                import::MAX_COLUMNS
            ),
        ));
    }
    if last_row >= import::MAX_ROWS {
        return Err(refuse(
            "too_many_rows",
            format!(
                "Trang «{sheet}» có hơn {} dòng; hãy chia thành nhiều tệp.",
                import::MAX_ROWS
            ),
        ));
    }
    Ok(())
}

fn spec_named(kind: ImportKind, name: &str) -> Option<&'static SheetSpec> {
    let name = import::comparable(name);
    kind.sheets().iter().find(|s| import::comparable(s.name) == name)
}

fn cell_input(value: &DataRef<'_>) -> CellInput {
    match value {
        DataRef::Empty => CellInput::Empty,
        DataRef::Int(n) => CellInput::Number(*n as f64),
        DataRef::Float(n) => CellInput::Number(*n),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => CellInput::Bool(*b),
        DataRef::DateTime(d) if d.is_datetime() => import::excel_serial_date(d.as_f64())
            .map(CellInput::Date)
            .unwrap_or(CellInput::Number(d.as_f64())),
        DataRef::DateTime(d) => CellInput::Number(d.as_f64()),
        DataRef::Error(e) => CellInput::Error(e.to_string()),
    }
}

fn text(s: &str) -> CellInput {
    if s.trim().is_empty() {
        CellInput::Empty
    } else {
        CellInput::Text(s.to_owned())
    }
}

/// A CSV file is the kind's main sheet (UTF-8, with or without a byte-order mark; comma or
/// semicolon separated, as Excel writes it with Vietnamese regional settings).
fn read_csv(kind: ImportKind, bytes: &[u8]) -> Result<Book, AppError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let content = std::str::from_utf8(bytes).map_err(|_| {
        refuse(
            "not_utf8",
            "Tệp CSV phải mã hóa UTF-8 (trong Excel: Lưu thành → CSV UTF-8).",
        )
    })?;
    let first_line = content.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let spec = &kind.sheets()[0];
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(content.as_bytes());
    let mut headers = Vec::new();
    let mut rows = Vec::new();
    let mut texts = Texts::default();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|_| not_a_workbook())?;
        check_size(spec.name, i as u32, record.len().saturating_sub(1) as u32)?;
        let cells: Vec<CellInput> = record.iter().map(text).collect();
        if i == 0 {
            headers = cells;
        } else if cells.iter().any(|c| *c != CellInput::Empty) {
            rows.push((i as u32 + 1, cells.into_iter().map(|c| texts.cell(c)).collect()));
        }
    }
    Ok(Book {
        texts,
        sheets: vec![ReadSheet {
            spec,
            name: spec.name.to_owned(),
            headers,
            rows,
            formulas: Vec::new(),
        }],
        ignored: Vec::new(),
    })
}
