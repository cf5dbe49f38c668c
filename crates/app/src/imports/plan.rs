//! The check of an import, record by record, shared by the dry run and the commit (one code
//! path): every cell read for its column, the checks across rows (a key twice, a section row
//! nobody owns), then each person's dossier content built and checked exactly as a draft save
//! checks it, with the rights the caller has over the unit — or each unit checked as creating it
//! in the organisation tree checks it.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use hoso_api_types::imports::{ImportCounts, ImportIssue};
use hoso_domain::access::{check_edit_dossier, UnitPath};
use hoso_domain::dossier::protection::{level_for, split_sensitive, RestrictionLevel};
use hoso_domain::dossier::validation::CatalogIndex;
use hoso_domain::dossier::DossierContent;
use hoso_domain::import::{self, CellError, CellInput, CodeBook, ReadRow, Sheet, Value, CITIZEN_ID};
use hoso_domain::recruitment::check_recruit;
use hoso_domain::FieldError;
use hoso_store::dossiers::DossierWithPerson;
use hoso_store::positions::PositionRow;
use hoso_store::units::UnitRow;
use hoso_store::DbConnection;

use super::workbook::Book;
use crate::error::AppError;
use crate::sealing::DataKeys;
use crate::session::Session;

/// What the import does with one record.
pub enum Outcome {
    New(Box<NewPerson>),
    NewUnit(Box<NewUnit>),
    Update {
        found: Box<DossierWithPerson>,
        revision: i32,
        content: Box<DossierContent>,
    },
    Unchanged {
        dossier_id: Option<String>,
    },
    Refused,
}

/// A unit to create, and the code of its parent (which this file may create first).
pub struct NewUnit {
    pub request: hoso_api_types::units::CreateUnitRequest,
    pub parent_code: String,
}

pub struct NewPerson {
    pub unit: UnitRow,
    pub category: String,
    pub position: Option<PositionRow>,
    pub since: NaiveDate,
    pub decision_number: Option<String>,
    pub content: DossierContent,
}

pub struct RecordPlan {
    /// The key of the record in the file: a person's citizen ID, a unit's code (absent when it
    /// was unreadable).
    pub key: Option<String>,
    /// Excel's row number of the record on the main sheet.
    pub row: u32,
    pub issues: Vec<ImportIssue>,
    pub outcome: Outcome,
}

impl RecordPlan {
    pub fn outcome_name(&self) -> &'static str {
        match self.outcome {
            Outcome::New(_) | Outcome::NewUnit(_) => "new",
            Outcome::Update { .. } => "updated",
            Outcome::Unchanged { .. } => "unchanged",
            Outcome::Refused => "refused",
        }
    }
}

/// Adds `n` people who ended as `outcome`.
pub fn count(counts: &mut ImportCounts, outcome: &str, n: i32) {
    match outcome {
        "new" => counts.new += n,
        "updated" => counts.updated += n,
        "unchanged" => counts.unchanged += n,
        _ => counts.refused += n,
    }
}

/// A record's rows: its row on the main sheet and (a person's) rows on each section sheet.
pub struct RecordRows {
    pub key: Option<String>,
    main_row: usize,
    sections: Vec<(usize, usize)>,
    duplicate: bool,
}

/// A workbook being checked against the database as the caller sees it.
pub struct Checker<'a> {
    kind: import::ImportKind,
    session: &'a Session,
    keys: &'a DataKeys,
    book: &'a Book,
    codes: CodeBook,
    catalogs: CatalogIndex,
    /// Per sheet of the book: the file's column of each of the spec's columns.
    columns: Vec<Vec<Option<usize>>>,
    /// Per sheet: cells holding a formula (zero-based row, column).
    formulas: Vec<HashSet<(u32, u32)>>,
    pub records: Vec<RecordRows>,
    /// Issues of no one record: headers, section rows nobody owns.
    pub issues: Vec<ImportIssue>,
    units: HashMap<String, Option<UnitRow>>,
    /// Codes of the units this file creates, as far as checked (a unit's parent may be one).
    planned_units: HashSet<String>,
    positions: HashMap<String, Vec<PositionRow>>,
}

impl<'a> Checker<'a> {
    /// Maps the headers (a missing required column refuses the whole file) and groups the rows
    /// by person.
    pub fn new(
        conn: &mut DbConnection,
        session: &'a Session,
        keys: &'a DataKeys,
        book: &'a Book,
        kind: import::ImportKind,
    ) -> Result<Self, AppError> {
        let catalogs = crate::catalogs::index(conn)?;
        let codes = CodeBook::from_index(&catalogs, &import::catalogs_of(kind));
        let mut checker = Checker {
            kind,
            session,
            keys,
            book,
            codes,
            catalogs,
            columns: Vec::new(),
            formulas: Vec::new(),
            records: Vec::new(),
            issues: Vec::new(),
            units: HashMap::new(),
            planned_units: HashSet::new(),
            positions: HashMap::new(),
        };
        for (s, sheet) in book.sheets.iter().enumerate() {
            let mapping = checker.map_headers(s)?;
            checker.columns.push(mapping);
            checker.formulas.push(sheet.formulas.iter().copied().collect());
        }
        if book.sheet(kind.sheets()[0].sheet).is_none() {
            return Err(FieldError::new(
                "file",
                "missing_sheet",
                format!("Bảng tính thiếu trang «{}».", kind.sheets()[0].name),
            )
            .into());
        }
        checker.group();
        Ok(checker)
    }

    fn map_headers(&mut self, s: usize) -> Result<Vec<Option<usize>>, AppError> {
        let sheet = &self.book.sheets[s];
        let mut mapping = vec![None; sheet.spec.columns.len()];
        for (file_column, cell) in sheet.headers.iter().enumerate() {
            let CellInput::Text(text) = cell else {
                continue;
            };
            // The template marks required columns with a trailing `*`.
            let header = import::comparable(text.trim().trim_end_matches('*'));
            if header == "stt" || header == "tt" {
                continue;
            }
            let found = sheet
                .spec
                .columns
                .iter()
                .position(|c| import::comparable(c.header) == header || c.key == header);
            match found {
                Some(i) if mapping[i].is_some() => {
                    return Err(FieldError::new(
                        "file",
                        "duplicate_column",
                        format!(
                            "Trang «{}» có hai cột «{}».",
                            sheet.name, sheet.spec.columns[i].header
                        ),
                    )
                    .into())
                }
                Some(i) => mapping[i] = Some(file_column),
                None => self.issues.push(ImportIssue {
                    sheet: sheet.name.clone(),
                    row: 1,
                    column: import::column_letters(file_column),
                    header: Some(import::normalise(text)),
                    code: "unknown_column".into(),
                    message: "Cột này không có trong mẫu nhập; dữ liệu của cột sẽ không được nhập.".into(),
                }),
            }
        }
        if let Some(missing) = sheet
            .spec
            .columns
            .iter()
            .zip(&mapping)
            .find(|(c, m)| c.required && m.is_none())
        {
            return Err(FieldError::new(
                "file",
                "missing_column",
                format!(
                    "Trang «{}» thiếu cột bắt buộc «{}».",
                    sheet.name, missing.0.header
                ),
            )
            .into());
        }
        Ok(mapping)
    }

    /// The cells of a row in the spec's column order.
    fn cells(&self, s: usize, r: usize) -> Vec<CellInput> {
        self.columns[s]
            .iter()
            .map(|file_column| file_column.map_or(CellInput::Empty, |c| self.book.cell(s, r, c)))
            .collect()
    }

    /// The key a row names its record by (citizen ID or unit code), when readable.
    fn key_of(&self, s: usize, r: usize) -> Option<String> {
        let spec = self.book.sheets[s].spec;
        let i = spec.key_column();
        let cell = self.book.cell(s, r, self.columns[s][i]?);
        match import::read_cell(&spec.columns[i], &cell, &self.codes, &[]) {
            Ok(Some(Value::Text(id))) => Some(id),
            _ => None,
        }
    }

    fn group(&mut self) {
        let main_sheet = self.sheet_index(self.kind.sheets()[0].sheet);
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for r in 0..self.book.sheets[main_sheet].rows.len() {
            let key = self.key_of(main_sheet, r);
            let mut duplicate = false;
            if let Some(id) = &key {
                if let Some(&first) = by_key.get(id) {
                    self.records[first].duplicate = true;
                    duplicate = true;
                } else {
                    by_key.insert(id.clone(), self.records.len());
                }
            }
            self.records.push(RecordRows {
                key,
                main_row: r,
                sections: Vec::new(),
                duplicate,
            });
        }
        for s in 0..self.book.sheets.len() {
            if s == main_sheet {
                continue;
            }
            for r in 0..self.book.sheets[s].rows.len() {
                let owner = self.key_of(s, r).and_then(|id| by_key.get(&id).copied());
                match owner {
                    Some(p) => self.records[p].sections.push((s, r)),
                    None => {
                        // Unreadable or unknown: say which, on the citizen-ID cell.
                        let read = self.read(s, r);
                        let mut issues = self.row_issues(s, r, &read);
                        if issues.is_empty() {
                            let column = self.book.sheets[s].spec.key_column();
                            issues.push(self.issue(
                                s,
                                r,
                                column,
                                CellError::new(
                                    "unknown_person",
                                    "Số định danh này không có dòng nào ở trang «Nhân sự» của tệp.",
                                ),
                            ));
                        }
                        self.issues.extend(issues);
                    }
                }
            }
        }
    }

    fn read(&self, s: usize, r: usize) -> ReadRow {
        import::read_row(self.book.sheets[s].spec, &self.cells(s, r), &self.codes)
    }

    /// An issue on the cell of spec column `column` of row `r` of sheet `s`.
    fn issue(&self, s: usize, r: usize, column: usize, error: CellError) -> ImportIssue {
        let sheet = &self.book.sheets[s];
        ImportIssue {
            sheet: sheet.name.clone(),
            row: sheet.rows[r].0,
            column: self.columns[s][column]
                .map(import::column_letters)
                .unwrap_or_default(),
            header: Some(sheet.spec.columns[column].header.to_owned()),
            code: error.code,
            message: error.message,
        }
    }

    /// The refused cells of a read row, and its formula cells.
    fn row_issues(&self, s: usize, r: usize, read: &ReadRow) -> Vec<ImportIssue> {
        let mut issues: Vec<ImportIssue> = read
            .errors
            .iter()
            .map(|(column, error)| self.issue(s, r, *column, error.clone()))
            .collect();
        let row0 = self.book.sheets[s].rows[r].0 - 1;
        for (column, file_column) in self.columns[s].iter().enumerate() {
            if file_column.is_some_and(|c| self.formulas[s].contains(&(row0, c as u32))) {
                issues.push(self.issue(
                    s,
                    r,
                    column,
                    CellError::new(
                        "formula_cell",
                        "Ô chứa công thức; hãy dán giá trị (Dán đặc biệt → Giá trị) thay cho công thức.",
                    ),
                ));
            }
        }
        issues
    }

    fn unit(&mut self, conn: &mut DbConnection, code: &str) -> Result<Option<UnitRow>, AppError> {
        if !self.units.contains_key(code) {
            let unit = hoso_store::units::find_by_code(conn, code)?;
            self.units.insert(code.to_owned(), unit);
        }
        Ok(self.units[code].clone())
    }

    /// The unit's posts, read once per import.
    fn positions_of(&mut self, conn: &mut DbConnection, unit_id: &str) -> Result<&[PositionRow], AppError> {
        if !self.positions.contains_key(unit_id) {
            let of_unit = hoso_store::positions::in_unit(conn, unit_id)?;
            self.positions.insert(unit_id.to_owned(), of_unit);
        }
        Ok(&self.positions[unit_id])
    }

    fn position(
        &mut self,
        conn: &mut DbConnection,
        unit_id: &str,
        code: &str,
    ) -> Result<Option<PositionRow>, AppError> {
        let wanted = import::comparable(code);
        Ok(self
            .positions_of(conn, unit_id)?
            .iter()
            .find(|p| import::comparable(&p.code) == wanted)
            .cloned())
    }

    /// The key stored for record `p` once written: the keyed hash of a citizen ID (the number
    /// itself is never stored in clear), or `unit:` and a unit's code.
    pub fn stored_key(&self, p: usize) -> Option<String> {
        let key = self.records[p].key.as_deref()?;
        Some(match self.kind {
            import::ImportKind::Staff => self.keys.lookup_hash(key),
            import::ImportKind::Units => format!("unit:{key}"),
        })
    }

    /// Everything the import would do with record `p`, and why not where it would not.
    pub fn plan(&mut self, conn: &mut DbConnection, p: usize) -> Result<RecordPlan, AppError> {
        match self.kind {
            import::ImportKind::Staff => self.plan_person(conn, p),
            import::ImportKind::Units => self.plan_unit(conn, p),
        }
    }

    fn plan_person(&mut self, conn: &mut DbConnection, p: usize) -> Result<RecordPlan, AppError> {
        let people_sheet = self.sheet_index(Sheet::People);
        let person = &self.records[p];
        let (r, duplicate, citizen_id) = (person.main_row, person.duplicate, person.key.clone());
        let sections = person.sections.clone();
        let row = self.book.sheets[people_sheet].rows[r].0;
        let main = self.read(people_sheet, r);
        let mut issues = self.row_issues(people_sheet, r, &main);
        let section_reads: Vec<(usize, usize, ReadRow)> = sections
            .iter()
            .map(|&(s, sr)| (s, sr, self.read(s, sr)))
            .collect();
        for (s, sr, read) in &section_reads {
            issues.extend(self.row_issues(*s, *sr, read));
        }
        let spec = self.book.sheets[people_sheet].spec;
        let column = |key: &str| spec.column(key).expect("a column of the people sheet");
        let refused = |issues: Vec<ImportIssue>| RecordPlan {
            key: citizen_id.clone(),
            row,
            issues,
            outcome: Outcome::Refused,
        };
        if duplicate {
            issues.push(self.issue(
                people_sheet,
                r,
                column(CITIZEN_ID),
                CellError::new(
                    "duplicate_in_file",
                    "Số định danh này có ở nhiều dòng của trang «Nhân sự».",
                ),
            ));
        }
        if !issues.is_empty() {
            return Ok(refused(issues));
        }
        let citizen = citizen_id
            .clone()
            .expect("a row without issues has its citizen ID");
        let text = |key: &str| main.text(key);
        let unit_code = text("placement.unit").expect("required");
        let category = text("placement.category").expect("required");
        let Some(unit) = self.unit(conn, &unit_code)? else {
            issues.push(self.issue(
                people_sheet,
                r,
                column("placement.unit"),
                CellError::new("unknown_unit", format!("Không có đơn vị mã «{unit_code}».")),
            ));
            return Ok(refused(issues));
        };
        let path = UnitPath::parse(&unit.path).map_err(AppError::Internal)?;
        let actor = &self.session.actor;
        if !actor.scope.covers(&path) {
            issues.push(self.issue(
                people_sheet,
                r,
                column("placement.unit"),
                CellError::new(
                    "unit_out_of_scope",
                    format!("Đơn vị «{unit_code}» không thuộc phạm vi quản lý của tài khoản này."),
                ),
            ));
            return Ok(refused(issues));
        }
        if unit.ended_on.is_some() {
            issues.push(self.issue(
                people_sheet,
                r,
                column("placement.unit"),
                CellError::new("unit_ended", format!("Đơn vị «{unit_code}» không còn tồn tại.")),
            ));
        }
        let position = match text("placement.position") {
            None => None,
            Some(code) => {
                let found = self.position(conn, &unit.id, &code)?;
                if found.is_none() {
                    issues.push(self.issue(
                        people_sheet,
                        r,
                        column("placement.position"),
                        CellError::new(
                            "unknown_position",
                            format!("Đơn vị «{unit_code}» không có vị trí việc làm mã «{code}»."),
                        ),
                    ));
                }
                found
            }
        };
        let holder = hoso_store::dossiers::holder_of_citizen_hash(conn, &self.keys.lookup_hash(&citizen))?;
        let mut by_sheet: Vec<(Sheet, Vec<&ReadRow>)> = Vec::new();
        for (s, _, read) in &section_reads {
            let sheet = self.book.sheets[*s].spec.sheet;
            match by_sheet.iter_mut().find(|(k, _)| *k == sheet) {
                Some((_, rows)) => rows.push(read),
                None => by_sheet.push((sheet, vec![read])),
            }
        }
        let post_code = position.as_ref().map(|p| p.code.clone());
        let fill = |content: &mut DossierContent| {
            import::apply_person(content, &main);
            for (sheet, rows) in &by_sheet {
                import::apply_section(content, *sheet, rows);
            }
            // Item 30.3 is the post as the unit codes it, however the cell spelled it.
            if post_code.is_some() {
                content.salary.job_position.clone_from(&post_code);
            }
        };
        let unit_id = unit.id.clone();
        let (outcome, dossier_id, known_photo) = match holder {
            None => {
                if check_recruit(actor, &path).is_err() {
                    issues.push(self.issue(
                        people_sheet,
                        r,
                        column("placement.unit"),
                        CellError::new(
                            "forbidden",
                            "Tài khoản này không có quyền tạo hồ sơ mới ở đơn vị này.",
                        ),
                    ));
                }
                let mut content = DossierContent::default();
                fill(&mut content);
                let since = content.career.joined_agency_on.or(content.career.recruited_on);
                let Some(since) = since.filter(|_| issues.is_empty()) else {
                    if since.is_none() {
                        issues.push(self.issue(
                            people_sheet,
                            r,
                            column("career.joined_agency_on"),
                            CellError::new(
                                "required",
                                "Người mới cần «Ngày về cơ quan hiện nay» hoặc «Ngày tuyển dụng» để xếp vào đơn vị.",
                            ),
                        ));
                    }
                    return Ok(refused(issues));
                };
                let new = NewPerson {
                    unit,
                    category,
                    position,
                    since,
                    decision_number: text("placement.decision"),
                    content,
                };
                (Outcome::New(Box::new(new)), None, None)
            }
            Some((holder, _)) => {
                let found = hoso_store::dossiers::find(conn, &holder.id)?.ok_or(AppError::NotFound)?;
                let their_path = UnitPath::parse(&found.unit_path).map_err(AppError::Internal)?;
                let own = actor.person_id.as_deref() == Some(found.person.id.as_str());
                let may_edit = check_edit_dossier(actor, &found.person.id, &their_path).is_ok()
                    && level_for(actor, own) >= RestrictionLevel::Full;
                let conflict = if !may_edit {
                    Some((
                        CITIZEN_ID,
                        "citizen_id_taken",
                        "Số định danh này đã có hồ sơ ở một đơn vị ngoài phạm vi sửa của tài khoản này."
                            .to_owned(),
                    ))
                } else if found.person.unit_id != unit.id {
                    Some((
                        "placement.unit",
                        "unit_mismatch",
                        format!(
                            "Người này đang thuộc «{}»; chuyển đơn vị bằng chức năng điều động, không bằng nhập tệp.",
                            found.unit_name
                        ),
                    ))
                } else if found.person.category != category {
                    Some((
                        "placement.category",
                        "category_mismatch",
                        "Đối tượng khác với hồ sơ; đổi đối tượng bằng quyết định (chức năng Đổi đối tượng)."
                            .to_owned(),
                    ))
                } else if let Err(AppError::Conflict { code, message }) =
                    crate::workflow::refuse_if_frozen(&found.dossier.status)
                        .and_then(|_| crate::workflow::refuse_if_archived(&found.person.service_status))
                {
                    Some((CITIZEN_ID, code, message))
                } else {
                    None
                };
                if let Some((key, code, message)) = conflict {
                    issues.push(self.issue(people_sheet, r, column(key), CellError::new(code, message)));
                    return Ok(refused(issues));
                }
                let draft = hoso_store::dossiers::draft(conn, &found.dossier.id)?;
                let before_value =
                    crate::dossiers::open_content(self.keys, &draft.content, draft.sealed.as_deref())?;
                let before = crate::dossiers::typed(&before_value)?;
                let mut content = before.clone();
                fill(&mut content);
                // As in a draft save: an editor who may not see the sensitive fields cannot
                // change them either (SEC-2).
                if level_for(actor, own) < RestrictionLevel::Sensitive {
                    let after_value = serde_json::to_value(&content).expect("content serialises");
                    let (_, was) = split_sensitive(&before_value);
                    let (_, now) = split_sensitive(&after_value);
                    let changed = now
                        .iter()
                        .filter(|(k, v)| was.get(*k) != Some(*v))
                        .map(|(k, _)| k.clone());
                    for pointer in changed {
                        let key = pointer.trim_start_matches('/').replace('/', ".");
                        let at = spec.column(&key).unwrap_or(column(CITIZEN_ID));
                        issues.push(self.issue(
                            people_sheet,
                            r,
                            at,
                            CellError::new(
                                "restricted_field",
                                "Tài khoản này không được xem, nên cũng không được sửa thông tin hạn chế tiếp cận này.",
                            ),
                        ));
                    }
                }
                if issues.is_empty() && content == before {
                    let dossier_id = found.dossier.id.clone();
                    return Ok(RecordPlan {
                        key: citizen_id,
                        row,
                        issues,
                        outcome: Outcome::Unchanged {
                            dossier_id: Some(dossier_id),
                        },
                    });
                }
                let dossier_id = found.dossier.id.clone();
                let photo = before.photo_document_id.clone();
                (
                    Outcome::Update {
                        found: Box::new(found),
                        revision: draft.revision,
                        content: Box::new(content),
                    },
                    Some(dossier_id),
                    photo,
                )
            }
        };
        let content = match &outcome {
            Outcome::New(new) => &new.content,
            Outcome::Update { content, .. } => content.as_ref(),
            _ => unreachable!("only writes are checked"),
        };
        let posts: Vec<_> = self
            .positions_of(conn, &unit_id)?
            .iter()
            .map(crate::positions::post)
            .collect();
        let checked = crate::dossiers::check_against(
            conn,
            self.session,
            self.keys,
            content,
            dossier_id.as_deref(),
            known_photo.as_deref(),
            (&self.catalogs, &posts),
        );
        match checked {
            Ok(()) => {}
            Err(AppError::Validation(failed)) => {
                for error in failed.into_vec() {
                    let issue = self.validation_issue(people_sheet, r, &sections, error);
                    issues.push(issue);
                }
            }
            Err(other) => return Err(other),
        }
        if !issues.is_empty() {
            return Ok(refused(issues));
        }
        Ok(RecordPlan {
            key: citizen_id,
            row,
            issues,
            outcome,
        })
    }

    /// A unit of the organisation tree (ORG-1): new under an existing unit or one this file
    /// creates on an earlier row; an existing code with the same name, kind and parent is
    /// unchanged, a different one refused (renames and moves are decisions of their own).
    fn plan_unit(&mut self, conn: &mut DbConnection, p: usize) -> Result<RecordPlan, AppError> {
        let s = self.sheet_index(Sheet::Units);
        let record = &self.records[p];
        let (r, duplicate, key) = (record.main_row, record.duplicate, record.key.clone());
        let row = self.book.sheets[s].rows[r].0;
        let read = self.read(s, r);
        let mut issues = self.row_issues(s, r, &read);
        let spec = self.book.sheets[s].spec;
        let column = |key: &str| spec.column(key).expect("a column of the units sheet");
        if duplicate {
            issues.push(self.issue(
                s,
                r,
                column("code"),
                CellError::new("duplicate_in_file", "Mã đơn vị này có ở nhiều dòng của tệp."),
            ));
        }
        if hoso_domain::org::check_manage_units(&self.session.actor).is_err() {
            issues.push(self.issue(
                s,
                r,
                column("code"),
                CellError::new("forbidden", "Chỉ Sở Nội vụ được tạo đơn vị trong cơ cấu tổ chức."),
            ));
        }
        let refused = |issues| RecordPlan {
            key: key.clone(),
            row,
            issues,
            outcome: Outcome::Refused,
        };
        if !issues.is_empty() {
            return Ok(refused(issues));
        }
        let text = |k: &str| read.text(k);
        let date = |k: &str| read.date(k);
        let code = text("code").expect("required");
        let (name, kind, parent_code) = (
            text("name").expect("required"),
            text("kind").expect("required"),
            text("parent_code").expect("required"),
        );
        let effective_date = date("effective_date").expect("required");
        let parent = self.unit(conn, &parent_code)?;
        if let Some(existing) = self.unit(conn, &code)? {
            let parent_now = match &existing.parent_id {
                Some(id) => hoso_store::units::find(conn, id)?.map(|u| u.code),
                None => None,
            };
            let differs = [
                ("name", existing.name != name),
                ("kind", existing.kind != kind),
                ("parent_code", parent_now.as_deref() != Some(parent_code.as_str())),
            ]
            .into_iter()
            .find(|(_, differs)| *differs);
            if let Some((key, _)) = differs {
                issues.push(self.issue(
                    s,
                    r,
                    column(key),
                    CellError::new(
                        "unit_differs",
                        format!(
                            "Đơn vị mã «{code}» đã có («{}»); đổi tên, chuyển hoặc sáp nhập bằng chức năng Cơ cấu tổ chức.",
                            existing.name
                        ),
                    ),
                ));
                return Ok(refused(issues));
            }
            return Ok(RecordPlan {
                key,
                row,
                issues,
                outcome: Outcome::Unchanged { dossier_id: None },
            });
        }
        let parent_id = match &parent {
            Some(unit) if unit.ended_on.is_some() => {
                issues.push(self.issue(
                    s,
                    r,
                    column("parent_code"),
                    CellError::new("unit_ended", format!("Đơn vị «{parent_code}» không còn tồn tại.")),
                ));
                String::new()
            }
            Some(unit) => unit.id.clone(),
            // Created by an earlier row of this file: known by the time this row is written.
            None if self.planned_units.contains(&parent_code) => String::new(),
            None => {
                issues.push(self.issue(
                    s,
                    r,
                    column("parent_code"),
                    CellError::new(
                        "unknown_parent",
                        format!(
                            "Không có đơn vị mã «{parent_code}», ở hệ thống hoặc ở một dòng trước trong tệp."
                        ),
                    ),
                ));
                String::new()
            }
        };
        if effective_date > crate::clock::today() {
            issues.push(self.issue(
                s,
                r,
                column("effective_date"),
                CellError::new("future_date", "Ngày này chưa đến."),
            ));
        }
        let decision = match text("decision_number") {
            None => None,
            Some(number) => match (date("decision_date"), text("decision_signer")) {
                (Some(date), Some(signer)) => Some(hoso_api_types::accounts::DecisionRef {
                    number,
                    date,
                    signer,
                    document_id: None,
                }),
                (None, _) => {
                    issues.push(self.issue(
                        s,
                        r,
                        column("decision_date"),
                        CellError::new("required", "Có số quyết định thì nhập cả ngày quyết định."),
                    ));
                    None
                }
                (_, None) => {
                    issues.push(self.issue(
                        s,
                        r,
                        column("decision_signer"),
                        CellError::new("required", "Có số quyết định thì nhập cả người ký."),
                    ));
                    None
                }
            },
        };
        if !issues.is_empty() {
            return Ok(refused(issues));
        }
        self.planned_units.insert(code.clone());
        let request = hoso_api_types::units::CreateUnitRequest {
            code,
            name,
            kind,
            parent_id,
            change: hoso_api_types::units::TreeChange {
                effective_date,
                reason: String::new(),
                decision,
            },
        };
        Ok(RecordPlan {
            key,
            row,
            issues,
            outcome: Outcome::NewUnit(Box::new(NewUnit { request, parent_code })),
        })
    }

    fn sheet_index(&self, sheet: Sheet) -> usize {
        self.book
            .sheets
            .iter()
            .position(|s| s.spec.sheet == sheet)
            .expect("a sheet of the book")
    }

    /// Where a failure of the dossier check belongs: the cell that gave the field, or else the
    /// person's citizen-ID cell with the field named.
    fn validation_issue(
        &self,
        people_sheet: usize,
        r: usize,
        sections: &[(usize, usize)],
        error: FieldError,
    ) -> ImportIssue {
        let (sheet, index, key) = import::locate(&error.field);
        let cell = if sheet == Sheet::People {
            let key = if key == "identity.citizen_id" {
                CITIZEN_ID
            } else {
                key.as_str()
            };
            self.book.sheets[people_sheet]
                .spec
                .column(key)
                .filter(|c| self.columns[people_sheet][*c].is_some())
                .map(|c| (people_sheet, r, c))
        } else {
            sections
                .iter()
                .filter(|(s, _)| self.book.sheets[*s].spec.sheet == sheet)
                .nth(index)
                .and_then(|&(s, sr)| {
                    let spec = self.book.sheets[s].spec;
                    spec.column(&key)
                        .filter(|c| self.columns[s][*c].is_some())
                        .or_else(|| spec.column(CITIZEN_ID))
                        .map(|c| (s, sr, c))
                })
        };
        match cell {
            Some((s, sr, c)) => self.issue(s, sr, c, CellError::new(error.code, error.message)),
            None => {
                let c = self.book.sheets[people_sheet]
                    .spec
                    .column(CITIZEN_ID)
                    .expect("keyed");
                self.issue(
                    people_sheet,
                    r,
                    c,
                    CellError::new(error.code.clone(), format!("{}: {}", error.field, error.message)),
                )
            }
        }
    }
}
