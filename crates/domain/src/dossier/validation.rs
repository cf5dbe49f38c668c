//! Checks of dossier content on every save (DOS-1, DOS-4): catalogue codes, the citizen-ID
//! number against birth date and gender, dates that make sense together, periods that do not
//! overlap where the form forbids it, salary step and coefficient against the grade's scale.
//! Every failure names its field, so a form shows each message beside it.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::content::*;
use crate::catalog::{salary_coefficients, CatalogEntry, GRADE_KINDS};
use crate::validation::{FieldError, FieldErrors};

/// Catalogue entries by kind and code, as loaded for one check.
#[derive(Debug, Clone, Default)]
pub struct CatalogIndex(HashMap<String, HashMap<String, CatalogEntry>>);

impl CatalogIndex {
    pub fn insert(&mut self, kind: &str, entry: CatalogEntry) {
        self.0
            .entry(kind.to_owned())
            .or_default()
            .insert(entry.code.clone(), entry);
    }

    /// The index of catalogue files (the shipped ones, in tests and generators).
    pub fn from_files(files: &[crate::catalog::CatalogFile]) -> Self {
        let mut index = CatalogIndex::default();
        for file in files {
            for entry in &file.entries {
                index.insert(&file.meta.kind, entry.clone());
            }
        }
        index
    }

    /// Every entry of the kinds, in no particular order.
    pub fn entries<'a>(&'a self, kinds: &'a [&str]) -> impl Iterator<Item = &'a CatalogEntry> + 'a {
        kinds
            .iter()
            .filter_map(|k| self.0.get(*k))
            .flat_map(|m| m.values())
    }

    pub fn find(&self, kinds: &[&str], code: &str) -> Option<&CatalogEntry> {
        kinds
            .iter()
            .find_map(|k| self.0.get(*k).and_then(|m| m.get(code)))
    }
}

struct Checker<'a> {
    catalogs: &'a CatalogIndex,
    today: NaiveDate,
    errors: FieldErrors,
}

impl Checker<'_> {
    fn fail(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// A code of a current fact (the grade held, a position, an allowance received): known,
    /// and in force today.
    fn code(&mut self, field: &str, kinds: &[&str], code: &Option<String>) -> Option<CatalogEntry> {
        let today = self.today;
        self.code_on(field, kinds, code, Some(today))
    }

    /// A code of something attained once (a qualification, a title): known; a code retired
    /// since still says what was attained then.
    fn attained(&mut self, field: &str, kinds: &[&str], code: &Option<String>) -> Option<CatalogEntry> {
        self.code_on(field, kinds, code, None)
    }

    /// A code known to the catalogues and, when the row has a date, in force on that date.
    fn code_on(
        &mut self,
        field: &str,
        kinds: &[&str],
        code: &Option<String>,
        on: Option<NaiveDate>,
    ) -> Option<CatalogEntry> {
        let code = code.as_deref()?;
        let Some(entry) = self.catalogs.find(kinds, code) else {
            self.errors.push(crate::catalog::unknown_code(field, code));
            return None;
        };
        if let Some(day) = on.filter(|day| !entry.applies_on(*day)) {
            let successor = entry
                .replaced_by
                .as_deref()
                .and_then(|next| self.catalogs.find(kinds, next));
            self.errors
                .push(crate::catalog::not_in_force(field, entry, day, successor));
        }
        Some(entry.clone())
    }

    fn not_future(&mut self, field: &str, day: Option<NaiveDate>) {
        if day.is_some_and(|d| d > self.today) {
            self.fail(field, "future_date", "Ngày này chưa đến.");
        }
    }

    /// `earlier` must not come after `later` (both optional).
    fn order(
        &mut self,
        later_field: &str,
        earlier: Option<NaiveDate>,
        later: Option<NaiveDate>,
        message: &str,
    ) {
        if let (Some(a), Some(b)) = (earlier, later) {
            if b < a {
                self.fail(later_field, "date_order", message);
            }
        }
    }

    fn text(&mut self, field: &str, value: &Option<String>, max: usize) {
        if value.as_deref().is_some_and(|v| v.chars().count() > max) {
            self.fail(field, "too_long", format!("Tối đa {max} ký tự."));
        }
    }
}

/// Every problem of `content`, or `Ok`. `today` is Vietnam's date.
pub fn validate(
    content: &DossierContent,
    catalogs: &CatalogIndex,
    today: NaiveDate,
) -> Result<(), FieldErrors> {
    let mut c = Checker {
        catalogs,
        today,
        errors: FieldErrors::new(),
    };
    sane_years(
        &mut c,
        &serde_json::to_value(content).expect("content serialises"),
    );
    identity(&mut c, &content.identity);
    career(&mut c, &content.career, content.identity.birth_date);
    salary(&mut c, &content.salary);
    if let Some(group) = &content.health.blood_group {
        c.code("health.blood_group", &["blood_groups"], &Some(group.clone()));
    }
    for (i, row) in content.training.iter().enumerate() {
        let at = |f: &str| format!("training[{i}].{f}");
        // A course is coded as it stood when it began.
        c.code_on(&at("level"), &[row.kind.level_catalog()], &row.level, row.from);
        c.code_on(&at("mode"), &["training_modes"], &row.mode, row.from);
        if row.kind == TrainingKind::Language {
            c.attained(&at("language"), &["languages"], &row.language);
        }
        c.order(
            &at("to"),
            row.from,
            row.to,
            "Ngày kết thúc phải sau ngày bắt đầu.",
        );
    }
    periods(
        &mut c,
        "work_history",
        content.work_history.iter().map(|r| (r.from, r.to)).collect(),
        true,
    );
    for (i, row) in content.ratings.iter().enumerate() {
        let year_end = row.year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31));
        c.code_on(
            &format!("ratings[{i}].rating"),
            &["ratings"],
            &row.rating,
            year_end,
        );
        c.code_on(
            &format!("ratings[{i}].emulation_title"),
            &["emulation_titles"],
            &row.emulation_title,
            year_end,
        );
        if row.year.is_some_and(|y| y < 1945 || y > today.year()) {
            c.fail(&format!("ratings[{i}].year"), "out_of_range", "Năm không hợp lệ.");
        }
    }
    for (i, row) in content.rewards.iter().enumerate() {
        c.code_on(
            &format!("rewards[{i}].form"),
            &["reward_forms"],
            &row.form,
            row.decided_on,
        );
        c.not_future(&format!("rewards[{i}].decided_on"), row.decided_on);
    }
    for (i, row) in content.discipline.iter().enumerate() {
        c.code_on(
            &format!("discipline[{i}].form"),
            &["discipline_forms"],
            &row.form,
            row.decided_on,
        );
        c.not_future(&format!("discipline[{i}].decided_on"), row.decided_on);
    }
    for (i, row) in content.family.iter().enumerate() {
        c.attained(
            &format!("family[{i}].relation"),
            &["family_relations"],
            &row.relation,
        );
        if row.birth_year.is_some_and(|y| y < 1850 || y > today.year()) {
            c.fail(
                &format!("family[{i}].birth_year"),
                "out_of_range",
                "Năm sinh không hợp lệ.",
            );
        }
    }
    periods(
        &mut c,
        "salary_history",
        content.salary_history.iter().map(|r| (r.from, r.to)).collect(),
        true,
    );
    for (i, row) in content.salary_history.iter().enumerate() {
        step_on_scale(
            &mut c,
            &format!("salary_history[{i}]"),
            &row.grade,
            (row.step, row.coefficient),
            row.from,
        );
    }
    for (i, row) in content.allowance_history.iter().enumerate() {
        c.code_on(
            &format!("allowance_history[{i}].kind"),
            &["allowances"],
            &row.kind,
            row.from,
        );
        c.order(
            &format!("allowance_history[{i}].to"),
            row.from,
            row.to,
            "Ngày kết thúc phải sau ngày bắt đầu.",
        );
    }
    c.text("assessment", &content.assessment, 10_000);
    if let Some(contract) = &content.contract {
        c.code_on(
            "contract.kind",
            &["contract_types"],
            &contract.kind,
            contract.signed_on.or(contract.starts_on),
        );
        c.order(
            "contract.starts_on",
            contract.signed_on,
            contract.starts_on,
            "Ngày bắt đầu làm việc không thể trước ngày ký hợp đồng.",
        );
        c.order(
            "contract.ends_on",
            contract.starts_on,
            contract.ends_on,
            "Ngày hết hạn phải sau ngày bắt đầu.",
        );
        if contract.kind.as_deref() == Some("KXDTH") && contract.ends_on.is_some() {
            c.fail(
                "contract.ends_on",
                "not_allowed",
                "Hợp đồng không xác định thời hạn không có ngày hết hạn.",
            );
        }
        if contract.kind.as_deref() == Some("XDTH") && contract.term_months.is_some_and(|m| m == 0 || m > 36)
        {
            c.fail(
                "contract.term_months",
                "out_of_range",
                "Hợp đồng xác định thời hạn không quá 36 tháng (Bộ luật Lao động, Điều 20).",
            );
        }
        let mut previous_end = contract.ends_on;
        for (i, renewal) in contract.renewals.iter().enumerate() {
            c.order(
                &format!("contract.renewals[{i}].ends_on"),
                previous_end,
                renewal.ends_on,
                "Gia hạn phải kéo dài thời hạn hợp đồng.",
            );
            previous_end = renewal.ends_on.or(previous_end);
        }
        if let Some(end) = &contract.termination {
            c.order(
                "contract.termination.on",
                contract.starts_on,
                end.on,
                "Ngày chấm dứt phải sau ngày bắt đầu.",
            );
        }
    }
    c.errors.into_result()
}

/// Every date of the content lies in the years a record can mean (issue #19, defect 5): a
/// birth in year 0 or a decision in 9999 is a typing error, whatever the field.
fn sane_years(c: &mut Checker<'_>, value: &serde_json::Value) {
    use chrono::Datelike;
    let years = crate::dates::MIN_YEAR..=crate::dates::MAX_YEAR;
    crate::text::find_in_json(value, "", &mut |path, text, key| -> Option<()> {
        if !key
            && text
                .parse::<NaiveDate>()
                .is_ok_and(|d| !years.contains(&d.year()))
        {
            c.fail(path, "invalid_date", crate::dates::message());
        }
        None
    });
}

fn identity(c: &mut Checker<'_>, id: &Identity) {
    if let Some(name) = &id.full_name {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 || name.chars().any(|ch| ch.is_ascii_digit()) {
            c.fail(
                "identity.full_name",
                "invalid_format",
                "Họ và tên gồm chữ cái, tối đa 100 ký tự.",
            );
        }
    }
    let gender = c.code("identity.gender", &["genders"], &id.gender);
    c.not_future("identity.birth_date", id.birth_date);
    if let Some(birth) = id.birth_date {
        if c.today.year() - birth.year() > 100 {
            c.fail("identity.birth_date", "out_of_range", "Ngày sinh không hợp lệ.");
        }
    }
    for (field, place) in [
        ("identity.birth_place", &id.birth_place),
        ("identity.hometown", &id.hometown),
        ("identity.residence_place", &id.residence_place),
    ] {
        self::place(c, field, place);
    }
    c.code("identity.ethnicity", &["ethnicities"], &id.ethnicity);
    c.code("identity.religion", &["religions"], &id.religion);
    if let Some(number) = &id.citizen_id {
        citizen_id(c, number, id.birth_date, gender.as_ref().map(|g| g.code.as_str()));
    }
    c.order(
        "identity.citizen_id_issued_on",
        id.birth_date,
        id.citizen_id_issued_on,
        "Ngày cấp phải sau ngày sinh.",
    );
    c.not_future("identity.citizen_id_issued_on", id.citizen_id_issued_on);
    if let Some(phone) = &id.phone {
        let digits: String = phone
            .chars()
            .filter(|ch| !matches!(ch, ' ' | '.' | '-'))
            .collect();
        let national = digits
            .strip_prefix("+84")
            .map(|rest| format!("0{rest}"))
            .unwrap_or(digits);
        if national.len() != 10
            || !national.starts_with('0')
            || !national.chars().all(|ch| ch.is_ascii_digit())
        {
            c.fail(
                "identity.phone",
                "invalid_format",
                "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84).",
            );
        }
    }
    if let Some(number) = &id.social_insurance_number {
        if number.len() != 10 || !number.chars().all(|ch| ch.is_ascii_digit()) {
            c.fail(
                "identity.social_insurance_number",
                "invalid_format",
                "Mã số bảo hiểm xã hội gồm 10 chữ số.",
            );
        }
    }
    c.text("identity.residence", &id.residence, 500);
}

/// A place as the form prints it (CTX-2): "Xã X, Tỉnh Y"; a place named before the 2025 reform
/// keeps its old names, followed by what it is now: "Xã A, Tỉnh Thái Bình (nay là Xã B, Tỉnh
/// Hưng Yên)".
pub fn place_text(place: &Place, catalogs: &CatalogIndex) -> String {
    let label = |kinds: &[&str], code: &Option<String>| {
        code.as_deref().map(|c| {
            catalogs
                .find(kinds, c)
                .map_or_else(|| c.to_owned(), |e| e.label.clone())
        })
    };
    let province = place
        .province
        .as_deref()
        .and_then(|c| catalogs.find(&["provinces", "former_provinces"], c));
    let commune = label(&["communes"], &place.commune_code);
    let written = place.commune.clone().filter(|c| !c.trim().is_empty());
    let join = |parts: [Option<String>; 2]| parts.into_iter().flatten().collect::<Vec<_>>().join(", ");
    match province {
        Some(former) if former.replaced_by.is_some() => {
            let old = join([written, Some(former.label.clone())]);
            let now = join([commune, label(&["provinces"], &former.replaced_by)]);
            format!("{old} (nay là {now})")
        }
        Some(current) => join([commune.or(written), Some(current.label.clone())]),
        None => join([commune.or(written), place.province.clone()]),
    }
}

/// A coded place: a known province, and a commune code of that province — or, for a province
/// before the 2025 reform, of the province it became.
fn place(c: &mut Checker<'_>, field: &str, place: &Place) {
    // A place keeps the names it had: a province merged in 2025 is still where someone was born.
    let province = c.attained(
        &format!("{field}.province"),
        &["provinces", "former_provinces"],
        &place.province,
    );
    c.text(&format!("{field}.commune"), &place.commune, 200);
    let commune_field = format!("{field}.commune_code");
    let Some(commune) = c.attained(&commune_field, &["communes"], &place.commune_code) else {
        return;
    };
    let Some(province) = province else {
        c.fail(
            &format!("{field}.province"),
            "required",
            "Chọn tỉnh, thành phố của xã, phường.",
        );
        return;
    };
    let now_in = province.replaced_by.as_deref().unwrap_or(&province.code);
    if commune.parent.as_deref() != Some(now_in) {
        c.fail(
            &commune_field,
            "commune_not_in_province",
            format!("{} không thuộc {}.", commune.label, province.label),
        );
    }
}

/// Citizen-ID number (Circular 59/2021/TT-BCA): 3 digits of the birth-registration province,
/// 1 digit of century and gender, 2 digits of the birth year, 6 random digits.
fn citizen_id(c: &mut Checker<'_>, number: &str, birth: Option<NaiveDate>, gender: Option<&str>) {
    const FIELD: &str = "identity.citizen_id";
    if number.len() != 12 || !number.chars().all(|ch| ch.is_ascii_digit()) {
        c.fail(
            FIELD,
            "invalid_format",
            "Số căn cước công dân gồm đúng 12 chữ số.",
        );
        return;
    }
    let province = &number[1..3];
    if !number.starts_with('0') || c.catalogs.find(&["former_provinces"], province).is_none() {
        c.fail(
            FIELD,
            "unknown_province",
            format!("Mã tỉnh «{}» ở 3 chữ số đầu không tồn tại.", &number[..3]),
        );
    }
    let marker = u32::from(number.as_bytes()[3] - b'0');
    let century_start = 1900 + 100 * (marker / 2) as i32;
    let female = marker % 2 == 1;
    if let Some(birth) = birth {
        let year = century_start + number[4..6].parse::<i32>().unwrap_or(0);
        if year != birth.year() {
            c.fail(
                FIELD,
                "inconsistent_birth_year",
                format!(
                    "Chữ số thứ 4 đến 6 ({}) ứng với năm sinh {year}, khác năm sinh đã khai ({}).",
                    &number[3..6],
                    birth.year()
                ),
            );
        }
    }
    if let Some(gender) = gender {
        if (gender == "2") != female {
            c.fail(
                FIELD,
                "inconsistent_gender",
                "Chữ số thứ 4 của số căn cước không khớp với giới tính đã khai.",
            );
        }
    }
}

fn career(c: &mut Checker<'_>, career: &Career, birth: Option<NaiveDate>) {
    for (field, day) in [
        ("career.recruited_on", career.recruited_on),
        ("career.joined_agency_on", career.joined_agency_on),
        ("career.party_joined_on", career.party_joined_on),
        ("career.party_official_on", career.party_official_on),
        (
            "career.socio_political_org_joined_on",
            career.socio_political_org_joined_on,
        ),
        ("career.military_enlisted_on", career.military_enlisted_on),
        ("career.military_discharged_on", career.military_discharged_on),
        ("career.position_appointed_on", career.position_appointed_on),
        ("career.position_reappointed_on", career.position_reappointed_on),
    ] {
        c.not_future(field, day);
        c.order(field, birth, day, "Ngày này phải sau ngày sinh.");
    }
    if let (Some(birth), Some(recruited)) = (birth, career.recruited_on) {
        if recruited < birth + chrono::Months::new(18 * 12) {
            c.fail(
                "career.recruited_on",
                "under_age",
                "Người được tuyển dụng phải đủ 18 tuổi.",
            );
        }
    }
    c.order(
        "career.joined_agency_on",
        career.recruited_on,
        career.joined_agency_on,
        "Ngày về cơ quan hiện nay không thể trước ngày tuyển dụng lần đầu.",
    );
    c.order(
        "career.party_official_on",
        career.party_joined_on,
        career.party_official_on,
        "Ngày chính thức phải sau ngày vào Đảng.",
    );
    c.order(
        "career.military_discharged_on",
        career.military_enlisted_on,
        career.military_discharged_on,
        "Ngày xuất ngũ phải sau ngày nhập ngũ.",
    );
    c.order(
        "career.position_reappointed_on",
        career.position_appointed_on,
        career.position_reappointed_on,
        "Ngày bổ nhiệm lại phải sau ngày bổ nhiệm.",
    );
    c.attained("career.military_rank", &["military_ranks"], &career.military_rank);
    c.attained(
        "career.policy_beneficiary",
        &["policy_beneficiaries"],
        &career.policy_beneficiary,
    );
    c.attained(
        "career.general_education",
        &["general_education"],
        &career.general_education,
    );
    c.attained("career.qualification", &["qualifications"], &career.qualification);
    c.attained(
        "career.academic_title",
        &["academic_titles"],
        &career.academic_title,
    );
    c.attained("career.state_honour", &["state_honours"], &career.state_honour);
    c.code("career.position", &["leadership_positions"], &career.position);
    c.code(
        "career.party_position",
        &["party_positions"],
        &career.party_position,
    );
    if career.academic_title.is_some() && career.academic_title_year.is_none() {
        c.fail(
            "career.academic_title_year",
            "required",
            "Ghi năm được công nhận học hàm.",
        );
    }
}

fn salary(c: &mut Checker<'_>, salary: &Salary) {
    step_on_scale(
        c,
        "salary",
        &salary.grade,
        (salary.step, salary.coefficient),
        Some(c.today),
    );
    c.not_future("salary.effective_on", salary.effective_on);
    if salary.percent_received.is_some_and(|p| p == 0 || p > 100) {
        c.fail(
            "salary.percent_received",
            "out_of_range",
            "Phần trăm hưởng từ 1 đến 100.",
        );
    }
    if salary
        .beyond_frame_percent
        .is_some_and(|p| !(5..=40).contains(&p))
    {
        c.fail(
            "salary.beyond_frame_percent",
            "out_of_range",
            "Phụ cấp thâm niên vượt khung từ 5% (Nghị định 204/2004/NĐ-CP).",
        );
    }
    for (i, allowance) in salary.allowances.iter().enumerate() {
        c.code(
            &format!("salary.allowances[{i}].kind"),
            &["allowances"],
            &allowance.kind,
        );
    }
}

/// Step and coefficient of a grade must sit on the grade's salary scale (Decree 204/2004); the
/// grade must be in force on `on` (today for the grade held, a row's start for the history).
fn step_on_scale(
    c: &mut Checker<'_>,
    at: &str,
    grade: &Option<String>,
    (step, coefficient): (Option<u32>, Option<u32>),
    on: Option<NaiveDate>,
) {
    let Some(grade) = c.code_on(&format!("{at}.grade"), GRADE_KINDS, grade, on) else {
        return;
    };
    let Some(scale) = grade
        .parent
        .as_deref()
        .and_then(|s| c.catalogs.find(&["salary_scales"], s))
    else {
        return;
    };
    let Some(coefficients) = salary_coefficients(scale) else {
        return;
    };
    let Some(step) = step else {
        return;
    };
    let Some(expected) = step
        .checked_sub(1)
        .and_then(|i| coefficients.get(i as usize).copied())
    else {
        c.fail(
            &format!("{at}.step"),
            "out_of_range",
            format!(
                "Ngạch {} (bảng lương {}) có {} bậc.",
                grade.code,
                scale.code,
                coefficients.len()
            ),
        );
        return;
    };
    if coefficient.is_some_and(|k| k != expected) {
        c.fail(
            &format!("{at}.coefficient"),
            "not_on_scale",
            format!(
                "Bậc {step} của ngạch {} có hệ số {}.",
                grade.code,
                crate::catalog::coefficient_text(expected.into())
            ),
        );
    }
}

/// Periods of a table: each must start before it ends and, when `disjoint`, none may overlap
/// another (an open end means "until now").
fn periods(
    c: &mut Checker<'_>,
    table: &str,
    rows: Vec<(Option<NaiveDate>, Option<NaiveDate>)>,
    disjoint: bool,
) {
    let mut spans = Vec::new();
    for (i, (from, to)) in rows.into_iter().enumerate() {
        c.order(
            &format!("{table}[{i}].to"),
            from,
            to,
            "Ngày kết thúc phải sau ngày bắt đầu.",
        );
        c.not_future(&format!("{table}[{i}].from"), from);
        if let Some(from) = from {
            spans.push((from, to.unwrap_or(NaiveDate::MAX), i));
        }
    }
    if !disjoint {
        return;
    }
    spans.sort();
    // Against the latest end so far, so a period inside a long earlier one is caught too.
    let mut latest_end: Option<NaiveDate> = None;
    for (start, end, i) in spans {
        if latest_end.is_some_and(|latest| start < latest) {
            c.fail(
                &format!("{table}[{i}].from"),
                "overlap",
                "Khoảng thời gian này trùng với một dòng khác.",
            );
        }
        latest_end = latest_end.max(Some(end));
    }
}
