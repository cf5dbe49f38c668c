//! Importing a province's existing staff from spreadsheets (DOS-1, DOS-5, ORG-1, USE-1): the
//! sheets and columns of the templates, how one cell is read, and how a person's rows become
//! dossier content. Pure: the application reads the file, looks codes up and writes.
//!
//! One workbook holds one kind of import. The staff workbook has a sheet of people (one row per
//! person, keyed by citizen ID) and one sheet per repeating section of the form, whose rows name
//! their person by the same citizen ID.

use std::collections::HashMap;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::dossier::content::*;
use crate::dossier::validation::CatalogIndex;

/// Caps checked before anything is allocated for a sheet: a file declaring more is refused.
pub const MAX_ROWS: u32 = 300_000;
pub const MAX_COLUMNS: u32 = 64;
/// Uncompressed size of the whole workbook; a zip bomb declares (or inflates to) more.
pub const MAX_UNCOMPRESSED_BYTES: u64 = 400 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    /// People and their dossiers (the sheet of people and the sections).
    Staff,
    /// The organisation tree: units with their parent's code, kind and effective date.
    Units,
}

impl ImportKind {
    pub const ALL: [ImportKind; 2] = [ImportKind::Staff, ImportKind::Units];

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == key)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Staff => "staff",
            ImportKind::Units => "units",
        }
    }

    /// The file names of its template say it: `mau-nhap-nhan-su.xlsx`.
    pub fn file_stem(self) -> &'static str {
        match self {
            ImportKind::Staff => "nhan-su",
            ImportKind::Units => "don-vi",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Staff => "Nhân sự và hồ sơ",
            ImportKind::Units => "Cơ cấu tổ chức",
        }
    }

    /// The sheets of its template, the main one first.
    pub fn sheets(self) -> &'static [SheetSpec] {
        match self {
            ImportKind::Staff => STAFF_SHEETS,
            ImportKind::Units => UNIT_SHEETS,
        }
    }
}

/// The sheets a workbook can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sheet {
    People,
    WorkHistory,
    SalaryHistory,
    Training,
    Family,
    Rewards,
    Discipline,
    Ratings,
    Units,
}

pub struct SheetSpec {
    pub sheet: Sheet,
    /// The sheet's name in the workbook (Vietnamese, at most 31 characters).
    pub name: &'static str,
    pub columns: &'static [Column],
}

impl SheetSpec {
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The column that names a row's record: the citizen ID, or a unit's code.
    pub fn key_column(&self) -> usize {
        self.column(CITIZEN_ID)
            .or_else(|| self.column("code"))
            .expect("every sheet is keyed")
    }
}

pub struct Column {
    /// Where the value goes: a dossier field (`identity.birth_date`), a placement fact
    /// (`placement.unit`) or a section row's field (`from`).
    pub key: &'static str,
    pub header: &'static str,
    pub value: ValueKind,
    pub required: bool,
}

#[derive(Debug, Clone, Copy)]
pub enum ValueKind {
    /// One line of text, at most this many characters.
    Text(usize),
    Date,
    Year,
    Integer {
        min: i64,
        max: i64,
    },
    /// A salary coefficient, two decimals (`2,34` or `2.34`), kept in hundredths.
    Coefficient,
    /// 12 digits.
    CitizenId,
    /// A code of these catalogues, given as its code or its label.
    Code(&'static [&'static str]),
    /// The level of a training row: the catalogue depends on the row's kind.
    TrainingLevel,
    /// One of a fixed list (code, label), given as either.
    Choice(&'static [(&'static str, &'static str)]),
}

impl ValueKind {
    /// The catalogues a drop-down list offers for this column.
    pub fn catalogs(&self) -> &'static [&'static str] {
        match self {
            ValueKind::Code(kinds) => kinds,
            _ => &[],
        }
    }
}

const fn col(key: &'static str, header: &'static str, value: ValueKind) -> Column {
    Column {
        key,
        header,
        value,
        required: false,
    }
}

const fn req(key: &'static str, header: &'static str, value: ValueKind) -> Column {
    Column {
        key,
        header,
        value,
        required: true,
    }
}

pub const CITIZEN_ID: &str = "citizen_id";

pub const CATEGORIES: &[(&str, &str)] = &[
    ("civil_servant", "Công chức"),
    ("public_employee", "Viên chức"),
    ("contract_worker", "Người lao động hợp đồng"),
];

pub const TRAINING_KINDS: &[(&str, &str)] = &[
    ("professional", "Chuyên môn"),
    ("political_theory", "Lý luận chính trị"),
    ("state_management", "Quản lý nhà nước"),
    ("defence_security", "Quốc phòng - an ninh"),
    ("information_technology", "Tin học"),
    ("language", "Ngoại ngữ"),
];

pub const FAMILY_SIDES: &[(&str, &str)] = &[("own", "Bản thân"), ("spouse", "Bên vợ hoặc chồng")];

const GRADES: &[&str] = crate::catalog::GRADE_KINDS;
/// A place's province: today's, or one of before the 2025 merger (as old records say).
const PROVINCES: &[&str] = &["provinces", "former_provinces"];

/// Unit kinds a file may create: every kind but the province, which only the first run makes.
const NEW_UNIT_KINDS: &[(&str, &str)] = crate::recruitment::UNIT_KINDS.split_at(1).1;

const UNIT_SHEETS: &[SheetSpec] = &[SheetSpec {
    sheet: Sheet::Units,
    name: "Đơn vị",
    columns: &[
        req("code", "Mã đơn vị", ValueKind::Text(64)),
        req("name", "Tên đơn vị", ValueKind::Text(300)),
        req("kind", "Loại đơn vị", ValueKind::Choice(NEW_UNIT_KINDS)),
        req("parent_code", "Mã đơn vị cấp trên", ValueKind::Text(64)),
        req("effective_date", "Ngày có hiệu lực", ValueKind::Date),
        col("decision_number", "Số quyết định", ValueKind::Text(64)),
        col("decision_date", "Ngày quyết định", ValueKind::Date),
        col("decision_signer", "Người ký quyết định", ValueKind::Text(128)),
    ],
}];

const STAFF_SHEETS: &[SheetSpec] = &[
    SheetSpec {
        sheet: Sheet::People,
        name: "Nhân sự",
        columns: &[
            req(CITIZEN_ID, "Số định danh cá nhân (CCCD)", ValueKind::CitizenId),
            req("identity.full_name", "Họ và tên", ValueKind::Text(100)),
            col("identity.other_names", "Tên gọi khác", ValueKind::Text(100)),
            req("identity.gender", "Giới tính", ValueKind::Code(&["genders"])),
            req("identity.birth_date", "Ngày sinh", ValueKind::Date),
            col(
                "identity.birth_place.commune",
                "Nơi sinh: xã, phường",
                ValueKind::Text(200),
            ),
            col(
                "identity.birth_place.province",
                "Nơi sinh: tỉnh, thành phố",
                ValueKind::Code(PROVINCES),
            ),
            col(
                "identity.hometown.commune",
                "Quê quán: xã, phường",
                ValueKind::Text(200),
            ),
            col(
                "identity.hometown.province",
                "Quê quán: tỉnh, thành phố",
                ValueKind::Code(PROVINCES),
            ),
            col("identity.citizen_id_issued_on", "Ngày cấp CCCD", ValueKind::Date),
            col("identity.ethnicity", "Dân tộc", ValueKind::Code(&["ethnicities"])),
            col("identity.religion", "Tôn giáo", ValueKind::Code(&["religions"])),
            col("identity.phone", "Số điện thoại", ValueKind::Text(20)),
            col(
                "identity.social_insurance_number",
                "Số sổ BHXH",
                ValueKind::Text(20),
            ),
            col("identity.residence", "Nơi ở hiện nay", ValueKind::Text(300)),
            req("placement.unit", "Mã đơn vị", ValueKind::Text(64)),
            req("placement.category", "Đối tượng", ValueKind::Choice(CATEGORIES)),
            col("placement.position", "Mã vị trí việc làm", ValueKind::Text(64)),
            col(
                "placement.decision",
                "Số quyết định tuyển dụng",
                ValueKind::Text(64),
            ),
            col("career.recruited_on", "Ngày tuyển dụng", ValueKind::Date),
            col(
                "career.recruiting_body",
                "Cơ quan tuyển dụng",
                ValueKind::Text(200),
            ),
            col(
                "career.joined_agency_on",
                "Ngày về cơ quan hiện nay",
                ValueKind::Date,
            ),
            col("career.party_joined_on", "Ngày vào Đảng", ValueKind::Date),
            col(
                "career.party_official_on",
                "Ngày chính thức vào Đảng",
                ValueKind::Date,
            ),
            col(
                "career.general_education",
                "Giáo dục phổ thông",
                ValueKind::Code(&["general_education"]),
            ),
            col(
                "career.qualification",
                "Trình độ chuyên môn cao nhất",
                ValueKind::Code(&["qualifications"]),
            ),
            col("career.qualification_field", "Chuyên ngành", ValueKind::Text(200)),
            col(
                "career.position",
                "Chức vụ",
                ValueKind::Code(&["leadership_positions"]),
            ),
            col(
                "career.position_appointed_on",
                "Ngày bổ nhiệm chức vụ",
                ValueKind::Date,
            ),
            col(
                "salary.grade",
                "Ngạch hoặc chức danh nghề nghiệp",
                ValueKind::Code(GRADES),
            ),
            col(
                "salary.grade_appointed_on",
                "Ngày bổ nhiệm ngạch",
                ValueKind::Date,
            ),
            col("salary.step", "Bậc lương", ValueKind::Integer { min: 1, max: 20 }),
            col("salary.coefficient", "Hệ số lương", ValueKind::Coefficient),
            col("salary.effective_on", "Ngày hưởng bậc", ValueKind::Date),
            col(
                "salary.percent_received",
                "Phần trăm hưởng",
                ValueKind::Integer { min: 1, max: 100 },
            ),
        ],
    },
    SheetSpec {
        sheet: Sheet::WorkHistory,
        name: "Quá trình công tác",
        columns: &[
            req(CITIZEN_ID, "Số định danh cá nhân (CCCD)", ValueKind::CitizenId),
            req("from", "Từ ngày", ValueKind::Date),
            col("to", "Đến ngày", ValueKind::Date),
            req("unit", "Đơn vị công tác", ValueKind::Text(300)),
            col("title", "Chức danh, chức vụ", ValueKind::Text(300)),
        ],
    },
    SheetSpec {
        sheet: Sheet::SalaryHistory,
        name: "Diễn biến lương",
        columns: &[
            req(CITIZEN_ID, "Số định danh cá nhân (CCCD)", ValueKind::CitizenId),
            req("from", "Từ ngày", ValueKind::Date),
            col("to", "Đến ngày", ValueKind::Date),
            req(
                "grade",
                "Ngạch hoặc chức danh nghề nghiệp",
                ValueKind::Code(GRADES),
            ),
            col("step", "Bậc lương", ValueKind::Integer { min: 1, max: 20 }),
            col("coefficient", "Hệ số lương", ValueKind::Coefficient),
        ],
    },
    SheetSpec {
        sheet: Sheet::Training,
        name: "Đào tạo, bồi dưỡng",
        columns: &[
            req(CITIZEN_ID, "Số định danh cá nhân (CCCD)", ValueKind::CitizenId),
            req("kind", "Loại đào tạo", ValueKind::Choice(TRAINING_KINDS)),
            col("from", "Từ ngày", ValueKind::Date),
            col("to", "Đến ngày", ValueKind::Date),
            col("institution", "Cơ sở đào tạo", ValueKind::Text(300)),
            col("field", "Chuyên ngành", ValueKind::Text(200)),
            col("mode", "Hình thức đào tạo", ValueKind::Code(&["training_modes"])),
            col("level", "Văn bằng, trình độ", ValueKind::TrainingLevel),
            col("language", "Ngoại ngữ", ValueKind::Code(&["languages"])),
            col("score", "Điểm hoặc chứng chỉ", ValueKind::Text(100)),
        ],
    },
    SheetSpec {
        sheet: Sheet::Family,
        name: "Quan hệ gia đình",
        columns: &[
            req(CITIZEN_ID, "Số định danh cá nhân (CCCD)", ValueKind::CitizenId),
            req("side", "Bên", ValueKind::Choice(FAMILY_SIDES)),
            req("relation", "Quan hệ", ValueKind::Code(&["family_relations"])),
            req("full_name", "Họ và tên", ValueKind::Text(100)),
            col("birth_year", "Năm sinh", ValueKind::Year),
            col("hometown", "Quê quán", ValueKind::Text(300)),
            col("occupation", "Nghề nghiệp", ValueKind::Text(300)),
            col("workplace", "Nơi công tác", ValueKind::Text(300)),
            col("residence", "Nơi ở", ValueKind::Text(300)),
        ],
    },
    SheetSpec {
        sheet: Sheet::Rewards,
        name: "Khen thưởng",
        columns: &[
            req(CITIZEN_ID, "Số định danh cá nhân (CCCD)", ValueKind::CitizenId),
            req("decided_on", "Ngày quyết định", ValueKind::Date),
            req(
                "form",
                "Hình thức khen thưởng",
                ValueKind::Code(&["reward_forms"]),
            ),
            col("level", "Cấp khen thưởng", ValueKind::Text(200)),
            col("decision", "Số quyết định", ValueKind::Text(100)),
        ],
    },
    SheetSpec {
        sheet: Sheet::Discipline,
        name: "Kỷ luật",
        columns: &[
            req(CITIZEN_ID, "Số định danh cá nhân (CCCD)", ValueKind::CitizenId),
            req("decided_on", "Ngày quyết định", ValueKind::Date),
            req(
                "form",
                "Hình thức kỷ luật",
                ValueKind::Code(&["discipline_forms"]),
            ),
            col("violation", "Hành vi vi phạm", ValueKind::Text(500)),
            col("deciding_body", "Cơ quan quyết định", ValueKind::Text(300)),
            col("decision", "Số quyết định", ValueKind::Text(100)),
        ],
    },
    SheetSpec {
        sheet: Sheet::Ratings,
        name: "Đánh giá, xếp loại",
        columns: &[
            req(CITIZEN_ID, "Số định danh cá nhân (CCCD)", ValueKind::CitizenId),
            req("year", "Năm", ValueKind::Year),
            req("rating", "Xếp loại", ValueKind::Code(&["ratings"])),
            col(
                "emulation_title",
                "Danh hiệu thi đua",
                ValueKind::Code(&["emulation_titles"]),
            ),
        ],
    },
];

/// A cell as the reader found it.
#[derive(Debug, Clone, PartialEq)]
pub enum CellInput {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date (or a date-time: the time is dropped).
    Date(NaiveDate),
    Bool(bool),
    /// An error value (`#REF!`, `#N/A`…).
    Error(String),
}

/// A cell's value, read for its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Date(NaiveDate),
    Int(i64),
    Code(String),
}

impl Value {
    fn text(&self) -> Option<String> {
        match self {
            Value::Text(t) | Value::Code(t) => Some(t.clone()),
            _ => None,
        }
    }

    fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    fn int(&self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }
}

/// Why a cell was refused: a stable code and the Vietnamese message shown on the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub code: String,
    pub message: String,
}

impl CellError {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        CellError {
            code: code.into(),
            message: message.into(),
        }
    }
}

/// Text as one value: Unicode NFC (so "Nguyễn" typed with combining marks is the same name),
/// trimmed, inner runs of spaces made one.
pub fn normalise(text: &str) -> String {
    let composed: String = text.nfc().collect();
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The form in which labels and codes are compared: normalised and lower-case.
pub fn comparable(text: &str) -> String {
    normalise(text).to_lowercase()
}

/// Codes and labels of the catalogues, to read a catalogue column written either way.
#[derive(Debug, Default)]
pub struct CodeBook(HashMap<String, HashMap<String, String>>);

impl CodeBook {
    pub fn from_index(index: &CatalogIndex, kinds: &[&str]) -> Self {
        let mut book = CodeBook::default();
        for kind in kinds {
            let by = book.0.entry((*kind).to_owned()).or_default();
            for entry in index.entries(&[kind]) {
                by.insert(comparable(&entry.label), entry.code.clone());
                by.insert(comparable(&entry.code), entry.code.clone());
            }
        }
        book
    }

    pub fn resolve(&self, kinds: &[&str], text: &str) -> Option<String> {
        let key = comparable(text);
        // "code — label" as the drop-down lists show them.
        let code_part = key.split(" — ").next().unwrap_or(&key).to_owned();
        kinds.iter().find_map(|k| {
            let by = self.0.get(*k)?;
            by.get(&key).or_else(|| by.get(&code_part)).cloned()
        })
    }
}

/// Every catalogue a kind's columns use (for the drop-down lists and the code book).
pub fn catalogs_of(kind: ImportKind) -> Vec<&'static str> {
    let mut kinds: Vec<&'static str> = Vec::new();
    for sheet in kind.sheets() {
        for column in sheet.columns {
            let used: &[&'static str] = match column.value {
                ValueKind::Code(k) => k,
                ValueKind::TrainingLevel => &TRAINING_LEVEL_CATALOGS,
                _ => &[],
            };
            for k in used {
                if !kinds.contains(k) {
                    kinds.push(k);
                }
            }
        }
    }
    kinds
}

const TRAINING_LEVEL_CATALOGS: [&str; 6] = [
    "qualifications",
    "political_theory",
    "state_management",
    "defence_security",
    "it_levels",
    "language_levels",
];

/// The day of an Excel serial number (the 1900 date system, as Excel and LibreOffice write).
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

/// A day written `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` and ISO
/// `yyyy-mm-dd`). `Err` says why not.
pub fn parse_day(text: &str) -> Result<NaiveDate, CellError> {
    let invalid = || {
        CellError::new(
            "invalid_date",
            format!("«{text}» không phải ngày dạng dd/mm/yyyy."),
        )
    };
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(invalid());
    };
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.chars().all(|c| c.is_ascii_digit()))
    };
    let (day, month, year) = if a.len() == 4 {
        (number(c), number(b), number(a))
    } else {
        (number(a), number(b), number(c))
    };
    let (Some(day), Some(month), Some(year)) = (day, month, year) else {
        return Err(invalid());
    };
    if !(1900..=2200).contains(&year) {
        return Err(CellError::new(
            "invalid_date",
            format!("Năm {year} không hợp lệ."),
        ));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        CellError::new(
            "invalid_date",
            format!("Ngày {day:02}/{month:02}/{year} không có thật."),
        )
    })
}

/// The text of a cell that should hold text (a number typed where text is expected keeps its
/// digits: `2024` → "2024").
fn cell_text(cell: &CellInput) -> Result<Option<String>, CellError> {
    Ok(match cell {
        CellInput::Empty => None,
        CellInput::Text(t) => Some(normalise(t)).filter(|t| !t.is_empty()),
        CellInput::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        CellInput::Number(n) => Some(n.to_string()),
        CellInput::Date(d) => Some(d.format("%d/%m/%Y").to_string()),
        CellInput::Bool(b) => Some(b.to_string()),
        CellInput::Error(e) => {
            return Err(CellError::new(
                "cell_error",
                format!("Ô có giá trị lỗi {e}; nhập giá trị thật."),
            ))
        }
    })
}

/// Reads one cell for its column. `Ok(None)` for an empty cell (the caller decides whether the
/// column is required). `level_kinds`: the catalogue of a training row's level.
pub fn read_cell(
    column: &Column,
    cell: &CellInput,
    codes: &CodeBook,
    level_kinds: &[&str],
) -> Result<Option<Value>, CellError> {
    if let CellInput::Text(t) = cell {
        if let Some(c) = crate::text::forbidden_control(t, false) {
            return Err(CellError::new(
                "control_character",
                format!("Ô có ký tự điều khiển U+{:04X}.", c as u32),
            ));
        }
    }
    match column.value {
        ValueKind::Date => match cell {
            CellInput::Empty => Ok(None),
            CellInput::Date(d) => Ok(Some(Value::Date(*d))),
            CellInput::Number(n) => excel_serial_date(*n).map(|d| Some(Value::Date(d))).ok_or_else(|| {
                CellError::new("invalid_date", format!("Số {n} không phải một ngày."))
            }),
            other => match cell_text(other)? {
                None => Ok(None),
                Some(text) => parse_day(&text).map(|d| Some(Value::Date(d))),
            },
        },
        ValueKind::Year => read_integer(cell, 1900, 2200, "Năm gồm 4 chữ số."),
        ValueKind::Integer { min, max } => {
            read_integer(cell, min, max, &format!("Nhập số nguyên từ {min} đến {max}."))
        }
        ValueKind::Coefficient => {
            let hundredths = match cell {
                CellInput::Number(n) => Some((n * 100.0).round()).filter(|h| (h - n * 100.0).abs() < 1e-6),
                other => match cell_text(other)? {
                    None => return Ok(None),
                    Some(text) => text
                        .replace(',', ".")
                        .parse::<f64>()
                        .ok()
                        .filter(|_| text.split([',', '.']).nth(1).is_none_or(|d| d.len() <= 2))
                        .map(|n| (n * 100.0).round()),
                },
            };
            match hundredths {
                Some(h) if (1.0..=2000.0).contains(&h) => Ok(Some(Value::Int(h as i64))),
                _ => Err(CellError::new(
                    "invalid_coefficient",
                    "Hệ số lương là số có tối đa hai chữ số thập phân, ví dụ 2,34.",
                )),
            }
        }
        ValueKind::CitizenId => match cell_text(cell)? {
            None => Ok(None),
            Some(text) if text.len() == 12 && text.chars().all(|c| c.is_ascii_digit()) => {
                Ok(Some(Value::Text(text)))
            }
            Some(text) => Err(CellError::new(
                "invalid_citizen_id",
                format!(
                    "Số định danh cá nhân gồm đúng 12 chữ số (ô này có {} ký tự); định dạng cột là Văn bản để giữ số 0 đầu.",
                    text.chars().count()
                ),
            )),
        },
        ValueKind::Text(max) => match cell_text(cell)? {
            None => Ok(None),
            Some(text) if text.chars().count() > max => {
                Err(CellError::new("too_long", format!("Tối đa {max} ký tự.")))
            }
            Some(text) => Ok(Some(Value::Text(text))),
        },
        ValueKind::Code(kinds) => read_code(cell, codes, kinds),
        ValueKind::TrainingLevel => read_code(cell, codes, level_kinds),
        ValueKind::Choice(choices) => match cell_text(cell)? {
            None => Ok(None),
            Some(text) => {
                let key = comparable(&text);
                choices
                    .iter()
                    .find(|(code, label)| comparable(code) == key || comparable(label) == key)
                    .map(|(code, _)| Some(Value::Code((*code).to_owned())))
                    .ok_or_else(|| {
                        let allowed: Vec<&str> = choices.iter().map(|(_, l)| *l).collect();
                        CellError::new(
                            "invalid_choice",
                            format!("«{text}» không hợp lệ; chọn một trong: {}.", allowed.join(", ")),
                        )
                    })
            }
        },
    }
}

fn read_integer(cell: &CellInput, min: i64, max: i64, message: &str) -> Result<Option<Value>, CellError> {
    let refuse = || CellError::new("out_of_range", message.to_owned());
    let n = match cell {
        CellInput::Number(n) if n.fract() == 0.0 => *n as i64,
        CellInput::Number(_) => return Err(refuse()),
        other => match cell_text(other)? {
            None => return Ok(None),
            Some(text) => text.parse::<i64>().map_err(|_| refuse())?,
        },
    };
    if (min..=max).contains(&n) {
        Ok(Some(Value::Int(n)))
    } else {
        Err(refuse())
    }
}

fn read_code(cell: &CellInput, codes: &CodeBook, kinds: &[&str]) -> Result<Option<Value>, CellError> {
    match cell_text(cell)? {
        None => Ok(None),
        Some(text) => codes
            .resolve(kinds, &text)
            .map(|code| Some(Value::Code(code)))
            .ok_or_else(|| {
                CellError::new(
                    "unknown_code",
                    format!("«{text}» không có trong danh mục (nhập mã hoặc tên đúng như danh mục)."),
                )
            }),
    }
}

/// A row of a sheet, read: the values by column key, and each refused cell by column index.
#[derive(Debug, Clone, Default)]
pub struct ReadRow {
    pub values: HashMap<&'static str, Value>,
    pub errors: Vec<(usize, CellError)>,
}

impl ReadRow {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.get(key)
    }

    /// The text (or code) read under `key`.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(Value::text)
    }

    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        self.get(key).and_then(Value::date)
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        self.get(key).and_then(Value::int)
    }
}

/// Reads every cell of a row; `cells[i]` is the cell under `columns[i]`.
pub fn read_row(spec: &SheetSpec, cells: &[CellInput], codes: &CodeBook) -> ReadRow {
    let mut row = ReadRow::default();
    let level: Vec<&str> = spec
        .column("kind")
        .and_then(|i| match read_cell(&spec.columns[i], &cells[i], codes, &[]) {
            Ok(Some(Value::Code(kind))) => training_kind(&kind),
            _ => None,
        })
        .map(|k| vec![k.level_catalog()])
        .unwrap_or_default();
    let level_kinds = level.as_slice();
    for (i, column) in spec.columns.iter().enumerate() {
        match read_cell(column, &cells[i], codes, level_kinds) {
            Ok(Some(value)) => {
                row.values.insert(column.key, value);
            }
            Ok(None) if column.required => row.errors.push((
                i,
                CellError::new(
                    "required",
                    format!("Cột «{}» không được để trống.", column.header),
                ),
            )),
            Ok(None) => {}
            Err(error) => row.errors.push((i, error)),
        }
    }
    row
}

fn training_kind(code: &str) -> Option<TrainingKind> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

fn family_side(code: &str) -> FamilySide {
    if code == "spouse" {
        FamilySide::Spouse
    } else {
        FamilySide::Own
    }
}

/// Writes the dossier fields of a people row into `content`: a value in the file replaces the
/// stored one; an empty cell leaves it as it was.
pub fn apply_person(content: &mut DossierContent, row: &ReadRow) {
    let id = &mut content.identity;
    let career = &mut content.career;
    let salary = &mut content.salary;
    for (key, value) in &row.values {
        let text = || value.text();
        let date = || value.date();
        match *key {
            CITIZEN_ID => id.citizen_id = text(),
            "identity.full_name" => id.full_name = text(),
            "identity.other_names" => id.other_names = text(),
            "identity.gender" => id.gender = text(),
            "identity.birth_date" => id.birth_date = date(),
            "identity.citizen_id_issued_on" => id.citizen_id_issued_on = date(),
            "identity.ethnicity" => id.ethnicity = text(),
            "identity.religion" => id.religion = text(),
            "identity.phone" => id.phone = text(),
            "identity.social_insurance_number" => id.social_insurance_number = text(),
            "identity.residence" => id.residence = text(),
            "identity.birth_place.commune" => id.birth_place.commune = text(),
            "identity.birth_place.province" => id.birth_place.province = text(),
            "identity.hometown.commune" => id.hometown.commune = text(),
            "identity.hometown.province" => id.hometown.province = text(),
            "career.recruited_on" => career.recruited_on = date(),
            "career.recruiting_body" => career.recruiting_body = text(),
            "career.joined_agency_on" => career.joined_agency_on = date(),
            "career.party_joined_on" => career.party_joined_on = date(),
            "career.party_official_on" => career.party_official_on = date(),
            "career.general_education" => career.general_education = text(),
            "career.qualification" => career.qualification = text(),
            "career.qualification_field" => career.qualification_field = text(),
            "career.position" => career.position = text(),
            "career.position_appointed_on" => career.position_appointed_on = date(),
            "salary.grade" => salary.grade = text(),
            "salary.grade_appointed_on" => salary.grade_appointed_on = date(),
            "salary.step" => salary.step = value.int().map(|n| n as u32),
            "salary.coefficient" => salary.coefficient = value.int().map(|n| n as u32),
            "salary.effective_on" => salary.effective_on = date(),
            "salary.percent_received" => salary.percent_received = value.int().map(|n| n as u32),
            "placement.position" => {
                salary.job_position = text();
                if salary.job_position_on.is_none() {
                    salary.job_position_on = career.joined_agency_on.or(career.recruited_on);
                }
            }
            _ => {}
        }
    }
}

/// Replaces one section of `content` with the file's rows for the person (in file order).
pub fn apply_section(content: &mut DossierContent, sheet: Sheet, rows: &[&ReadRow]) {
    let t = |r: &ReadRow, k: &str| r.text(k);
    let d = |r: &ReadRow, k: &str| r.date(k);
    let n = |r: &ReadRow, k: &str| r.int(k);
    match sheet {
        Sheet::People | Sheet::Units => {}
        Sheet::WorkHistory => {
            content.work_history = rows
                .iter()
                .map(|r| WorkRow {
                    from: d(r, "from"),
                    to: d(r, "to"),
                    unit: t(r, "unit"),
                    title: t(r, "title"),
                })
                .collect()
        }
        Sheet::SalaryHistory => {
            content.salary_history = rows
                .iter()
                .map(|r| SalaryRow {
                    from: d(r, "from"),
                    to: d(r, "to"),
                    grade: t(r, "grade"),
                    step: n(r, "step").map(|v| v as u32),
                    coefficient: n(r, "coefficient").map(|v| v as u32),
                    ..SalaryRow::default()
                })
                .collect()
        }
        Sheet::Training => {
            content.training = rows
                .iter()
                .map(|r| TrainingRow {
                    kind: t(r, "kind").and_then(|k| training_kind(&k)).unwrap_or_default(),
                    from: d(r, "from"),
                    to: d(r, "to"),
                    institution: t(r, "institution"),
                    field: t(r, "field"),
                    mode: t(r, "mode"),
                    level: t(r, "level"),
                    language: t(r, "language"),
                    score: t(r, "score"),
                })
                .collect()
        }
        Sheet::Family => {
            content.family = rows
                .iter()
                .map(|r| FamilyRow {
                    side: t(r, "side").map(|s| family_side(&s)).unwrap_or_default(),
                    relation: t(r, "relation"),
                    full_name: t(r, "full_name"),
                    birth_year: n(r, "birth_year").map(|v| v as i32),
                    hometown: t(r, "hometown"),
                    occupation: t(r, "occupation"),
                    workplace: t(r, "workplace"),
                    residence: t(r, "residence"),
                })
                .collect()
        }
        Sheet::Rewards => {
            content.rewards = rows
                .iter()
                .map(|r| RewardRow {
                    decided_on: d(r, "decided_on"),
                    form: t(r, "form"),
                    level: t(r, "level"),
                    decision: t(r, "decision"),
                })
                .collect()
        }
        Sheet::Discipline => {
            content.discipline = rows
                .iter()
                .map(|r| DisciplineRow {
                    decided_on: d(r, "decided_on"),
                    form: t(r, "form"),
                    violation: t(r, "violation"),
                    deciding_body: t(r, "deciding_body"),
                    decision: t(r, "decision"),
                })
                .collect()
        }
        Sheet::Ratings => {
            content.ratings = rows
                .iter()
                .map(|r| RatingRow {
                    year: n(r, "year").map(|v| v as i32),
                    rating: t(r, "rating"),
                    emulation_title: t(r, "emulation_title"),
                })
                .collect()
        }
    }
}

/// Where a person serves, as the people sheet says it.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    pub unit_code: String,
    pub category: String,
    pub position_code: Option<String>,
    pub decision_number: Option<String>,
}

fn text_cell(value: &Option<String>) -> CellInput {
    value.clone().map_or(CellInput::Empty, CellInput::Text)
}

fn date_cell(value: Option<NaiveDate>) -> CellInput {
    value.map_or(CellInput::Empty, CellInput::Date)
}

fn number_cell(value: Option<i64>) -> CellInput {
    value.map_or(CellInput::Empty, |n| CellInput::Number(n as f64))
}

fn coefficient_cell(value: Option<u32>) -> CellInput {
    value.map_or(CellInput::Empty, |h| CellInput::Number(f64::from(h) / 100.0))
}

fn label_of(choices: &[(&str, &str)], code: &str) -> CellInput {
    let label = choices.iter().find(|(c, _)| *c == code).map_or(code, |(_, l)| *l);
    CellInput::Text(label.to_owned())
}

/// The cell of people-sheet column `key` for a dossier (the inverse of [`apply_person`]).
fn person_cell(content: &DossierContent, placement: &Placement, key: &str) -> CellInput {
    let id = &content.identity;
    let career = &content.career;
    let salary = &content.salary;
    match key {
        CITIZEN_ID => text_cell(&id.citizen_id),
        "identity.full_name" => text_cell(&id.full_name),
        "identity.other_names" => text_cell(&id.other_names),
        "identity.gender" => text_cell(&id.gender),
        "identity.birth_date" => date_cell(id.birth_date),
        "identity.citizen_id_issued_on" => date_cell(id.citizen_id_issued_on),
        "identity.ethnicity" => text_cell(&id.ethnicity),
        "identity.religion" => text_cell(&id.religion),
        "identity.phone" => text_cell(&id.phone),
        "identity.social_insurance_number" => text_cell(&id.social_insurance_number),
        "identity.residence" => text_cell(&id.residence),
        "identity.birth_place.commune" => text_cell(&id.birth_place.commune),
        "identity.birth_place.province" => text_cell(&id.birth_place.province),
        "identity.hometown.commune" => text_cell(&id.hometown.commune),
        "identity.hometown.province" => text_cell(&id.hometown.province),
        "placement.unit" => CellInput::Text(placement.unit_code.clone()),
        "placement.category" => label_of(CATEGORIES, &placement.category),
        "placement.position" => text_cell(&placement.position_code),
        "placement.decision" => text_cell(&placement.decision_number),
        "career.recruited_on" => date_cell(career.recruited_on),
        "career.recruiting_body" => text_cell(&career.recruiting_body),
        "career.joined_agency_on" => date_cell(career.joined_agency_on),
        "career.party_joined_on" => date_cell(career.party_joined_on),
        "career.party_official_on" => date_cell(career.party_official_on),
        "career.general_education" => text_cell(&career.general_education),
        "career.qualification" => text_cell(&career.qualification),
        "career.qualification_field" => text_cell(&career.qualification_field),
        "career.position" => text_cell(&career.position),
        "career.position_appointed_on" => date_cell(career.position_appointed_on),
        "salary.grade" => text_cell(&salary.grade),
        "salary.grade_appointed_on" => date_cell(salary.grade_appointed_on),
        "salary.step" => number_cell(salary.step.map(i64::from)),
        "salary.coefficient" => coefficient_cell(salary.coefficient),
        "salary.effective_on" => date_cell(salary.effective_on),
        "salary.percent_received" => number_cell(salary.percent_received.map(i64::from)),
        _ => CellInput::Empty,
    }
}

fn enum_code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Every row a dossier fills in the staff workbook, by sheet, each in its sheet's column order
/// (the inverse of reading: an export of dossiers can be corrected and imported again).
pub fn person_rows(content: &DossierContent, placement: &Placement) -> Vec<(Sheet, Vec<CellInput>)> {
    let citizen = text_cell(&content.identity.citizen_id);
    let mut rows = Vec::new();
    for spec in STAFF_SHEETS {
        let mut push = |cells: &dyn Fn(&str) -> CellInput| {
            let row = spec
                .columns
                .iter()
                .map(|c| {
                    if c.key == CITIZEN_ID {
                        citizen.clone()
                    } else {
                        cells(c.key)
                    }
                })
                .collect();
            rows.push((spec.sheet, row));
        };
        match spec.sheet {
            Sheet::People => push(&|key| person_cell(content, placement, key)),
            Sheet::Units => {}
            Sheet::WorkHistory => {
                for w in &content.work_history {
                    push(&|key| match key {
                        "from" => date_cell(w.from),
                        "to" => date_cell(w.to),
                        "unit" => text_cell(&w.unit),
                        "title" => text_cell(&w.title),
                        _ => CellInput::Empty,
                    })
                }
            }
            Sheet::SalaryHistory => {
                for w in &content.salary_history {
                    push(&|key| match key {
                        "from" => date_cell(w.from),
                        "to" => date_cell(w.to),
                        "grade" => text_cell(&w.grade),
                        "step" => number_cell(w.step.map(i64::from)),
                        "coefficient" => coefficient_cell(w.coefficient),
                        _ => CellInput::Empty,
                    })
                }
            }
            Sheet::Training => {
                for t in &content.training {
                    push(&|key| match key {
                        "kind" => label_of(TRAINING_KINDS, &enum_code(&t.kind)),
                        "from" => date_cell(t.from),
                        "to" => date_cell(t.to),
                        "institution" => text_cell(&t.institution),
                        "field" => text_cell(&t.field),
                        "mode" => text_cell(&t.mode),
                        "level" => text_cell(&t.level),
                        "language" => text_cell(&t.language),
                        "score" => text_cell(&t.score),
                        _ => CellInput::Empty,
                    })
                }
            }
            Sheet::Family => {
                for f in &content.family {
                    push(&|key| match key {
                        "side" => label_of(FAMILY_SIDES, &enum_code(&f.side)),
                        "relation" => text_cell(&f.relation),
                        "full_name" => text_cell(&f.full_name),
                        "birth_year" => number_cell(f.birth_year.map(i64::from)),
                        "hometown" => text_cell(&f.hometown),
                        "occupation" => text_cell(&f.occupation),
                        "workplace" => text_cell(&f.workplace),
                        "residence" => text_cell(&f.residence),
                        _ => CellInput::Empty,
                    })
                }
            }
            Sheet::Rewards => {
                for w in &content.rewards {
                    push(&|key| match key {
                        "decided_on" => date_cell(w.decided_on),
                        "form" => text_cell(&w.form),
                        "level" => text_cell(&w.level),
                        "decision" => text_cell(&w.decision),
                        _ => CellInput::Empty,
                    })
                }
            }
            Sheet::Discipline => {
                for w in &content.discipline {
                    push(&|key| match key {
                        "decided_on" => date_cell(w.decided_on),
                        "form" => text_cell(&w.form),
                        "violation" => text_cell(&w.violation),
                        "deciding_body" => text_cell(&w.deciding_body),
                        "decision" => text_cell(&w.decision),
                        _ => CellInput::Empty,
                    })
                }
            }
            Sheet::Ratings => {
                for w in &content.ratings {
                    push(&|key| match key {
                        "year" => number_cell(w.year.map(i64::from)),
                        "rating" => text_cell(&w.rating),
                        "emulation_title" => text_cell(&w.emulation_title),
                        _ => CellInput::Empty,
                    })
                }
            }
        }
    }
    rows
}

/// The section (and its rows in the content) a validation error names, e.g.
/// `training[2].level` → (Training, 2, "level"); `identity.birth_date` → (People, 0, key).
pub fn locate(field: &str) -> (Sheet, usize, String) {
    let sections = [
        ("work_history", Sheet::WorkHistory),
        ("salary_history", Sheet::SalaryHistory),
        ("training", Sheet::Training),
        ("family", Sheet::Family),
        ("rewards", Sheet::Rewards),
        ("discipline", Sheet::Discipline),
        ("ratings", Sheet::Ratings),
    ];
    for (prefix, sheet) in sections {
        if let Some(rest) = field.strip_prefix(prefix).and_then(|r| r.strip_prefix('[')) {
            if let Some((index, key)) = rest.split_once(']') {
                if let Ok(index) = index.parse() {
                    return (sheet, index, key.trim_start_matches('.').to_owned());
                }
            }
        }
    }
    (Sheet::People, 0, field.to_owned())
}

/// The column letters Excel shows for a zero-based index: 0 → A, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> CodeBook {
        let mut index = CatalogIndex::default();
        index.insert(
            "genders",
            crate::catalog::CatalogEntry {
                code: "2".into(),
                label: "Nữ".into(),
                ..Default::default()
            },
        );
        CodeBook::from_index(&index, &["genders"])
    }

    fn column(value: ValueKind) -> Column {
        col("x", "X", value)
    }

    #[test]
    fn dates_are_read_from_serials_date_cells_and_text() {
        let c = column(ValueKind::Date);
        let day = NaiveDate::from_ymd_opt(2026, 2, 28).unwrap();
        let read = |cell| read_cell(&c, &cell, &codes(), &[]);
        assert_eq!(read(CellInput::Number(46081.0)), Ok(Some(Value::Date(day))));
        assert_eq!(read(CellInput::Date(day)), Ok(Some(Value::Date(day))));
        assert_eq!(
            read(CellInput::Text("28/02/2026".into())),
            Ok(Some(Value::Date(day)))
        );
        assert_eq!(
            read(CellInput::Text("2026-02-28".into())),
            Ok(Some(Value::Date(day)))
        );
        let refused = read(CellInput::Text("30/02/2026".into())).unwrap_err();
        assert_eq!(refused.code, "invalid_date");
        assert!(refused.message.contains("30/02/2026"), "{}", refused.message);
        assert_eq!(
            read(CellInput::Text("hôm qua".into())).unwrap_err().code,
            "invalid_date"
        );
    }

    #[test]
    fn names_typed_two_ways_are_one_name() {
        let composed = "Nguyễn";
        let decomposed = "Nguye\u{0302}\u{0303}n";
        assert_ne!(composed, decomposed);
        assert_eq!(normalise(decomposed), composed);
        assert_eq!(normalise("  Trần   Thị  "), "Trần Thị");
    }

    #[test]
    fn catalogue_columns_take_the_code_or_the_label() {
        let c = column(ValueKind::Code(&["genders"]));
        let read = |text: &str| read_cell(&c, &CellInput::Text(text.into()), &codes(), &[]);
        assert_eq!(read("2"), Ok(Some(Value::Code("2".into()))));
        assert_eq!(read("nữ"), Ok(Some(Value::Code("2".into()))));
        assert_eq!(read("2 — Nữ"), Ok(Some(Value::Code("2".into()))));
        assert_eq!(read("Khác").unwrap_err().code, "unknown_code");
    }

    #[test]
    fn a_citizen_id_is_twelve_digits_kept_as_text() {
        let c = column(ValueKind::CitizenId);
        let read = |cell| read_cell(&c, &cell, &codes(), &[]);
        assert_eq!(
            read(CellInput::Text("001234567890".into())),
            Ok(Some(Value::Text("001234567890".into())))
        );
        // A number cell lost the leading zero: 11 digits, refused with the reason.
        assert_eq!(
            read(CellInput::Number(1234567890.0 + 1e10)).unwrap_err().code,
            "invalid_citizen_id"
        );
        assert_eq!(
            read(CellInput::Text("01234567890".into())).unwrap_err().code,
            "invalid_citizen_id"
        );
    }

    #[test]
    fn coefficients_have_two_decimals_at_most() {
        let c = column(ValueKind::Coefficient);
        let read = |cell| read_cell(&c, &cell, &codes(), &[]);
        assert_eq!(read(CellInput::Number(2.34)), Ok(Some(Value::Int(234))));
        assert_eq!(read(CellInput::Text("2,34".into())), Ok(Some(Value::Int(234))));
        assert_eq!(
            read(CellInput::Text("2,345".into())).unwrap_err().code,
            "invalid_coefficient"
        );
    }

    #[test]
    fn an_error_value_or_a_control_character_is_refused() {
        let c = column(ValueKind::Text(10));
        assert_eq!(
            read_cell(&c, &CellInput::Error("#REF!".into()), &codes(), &[])
                .unwrap_err()
                .code,
            "cell_error"
        );
        assert_eq!(
            read_cell(&c, &CellInput::Text("a\u{1b}b".into()), &codes(), &[])
                .unwrap_err()
                .code,
            "control_character"
        );
    }

    #[test]
    fn validation_fields_point_at_sheets_and_rows() {
        assert_eq!(locate("training[2].level"), (Sheet::Training, 2, "level".into()));
        assert_eq!(
            locate("identity.birth_date"),
            (Sheet::People, 0, "identity.birth_date".into())
        );
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(27), "AB");
    }
}
