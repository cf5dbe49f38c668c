//! The personal-history form (Circular 06/2023) as data: each tab's sections and tables with
//! their items, labels in the form's own words and numbering, and the catalogue of each coded
//! item. The editor renders these; nothing here knows about HTTP.

use serde_json::{json, Value};

use crate::components::json_form::{FieldSpec, Kind};

pub const IDENTITY: &[FieldSpec] = &[
    ("full_name", "1. Họ và tên khai sinh", Kind::Text),
    ("gender", "1. Giới tính", Kind::Code(&["genders"])),
    ("other_names", "2. Các tên gọi khác", Kind::Text),
    ("birth_date", "3. Sinh ngày", Kind::Date),
    (
        "birth_place/province",
        "4. Nơi sinh: tỉnh, thành phố (tỉnh cũ nếu nơi sinh mang tên trước 01/7/2025)",
        Kind::Code(&["provinces", "former_provinces"]),
    ),
    (
        "birth_place/commune",
        "4. Nơi sinh: xã, phường (ghi theo tên lúc đó)",
        Kind::Text,
    ),
    (
        "birth_place/commune_code",
        "4. Nơi sinh: xã, phường hiện nay (nay là)",
        Kind::Commune,
    ),
    (
        "hometown/province",
        "5. Quê quán: tỉnh, thành phố (tỉnh cũ nếu mang tên trước 01/7/2025)",
        Kind::Code(&["provinces", "former_provinces"]),
    ),
    (
        "hometown/commune",
        "5. Quê quán: xã, phường (ghi theo tên lúc đó)",
        Kind::Text,
    ),
    (
        "hometown/commune_code",
        "5. Quê quán: xã, phường hiện nay (nay là)",
        Kind::Commune,
    ),
    ("ethnicity", "6. Dân tộc", Kind::Code(&["ethnicities"])),
    ("religion", "7. Tôn giáo", Kind::Code(&["religions"])),
    ("citizen_id", "8. Số căn cước công dân", Kind::Text),
    ("citizen_id_issued_on", "8. Ngày cấp", Kind::Date),
    ("phone", "8. Số điện thoại", Kind::Text),
    ("social_insurance_number", "9. Số sổ bảo hiểm xã hội", Kind::Text),
    ("health_insurance_number", "9. Số thẻ bảo hiểm y tế", Kind::Text),
    (
        "residence",
        "10. Nơi ở hiện nay: số nhà, đường, thôn, tổ",
        Kind::Text,
    ),
    (
        "residence_place/province",
        "10. Nơi ở hiện nay: tỉnh, thành phố",
        Kind::Code(&["provinces"]),
    ),
    (
        "residence_place/commune_code",
        "10. Nơi ở hiện nay: xã, phường",
        Kind::Commune,
    ),
    (
        "family_background",
        "11. Thành phần gia đình xuất thân",
        Kind::Text,
    ),
    (
        "occupation_before_recruitment",
        "12. Nghề nghiệp trước khi được tuyển dụng",
        Kind::Text,
    ),
];

pub const CAREER: &[FieldSpec] = &[
    ("recruited_on", "13. Ngày được tuyển dụng lần đầu", Kind::Date),
    ("recruiting_body", "13. Cơ quan, đơn vị tuyển dụng", Kind::Text),
    (
        "joined_agency_on",
        "14. Ngày vào cơ quan hiện đang công tác",
        Kind::Date,
    ),
    (
        "party_joined_on",
        "15. Ngày vào Đảng Cộng sản Việt Nam",
        Kind::Date,
    ),
    ("party_official_on", "15. Ngày chính thức", Kind::Date),
    (
        "socio_political_org_joined_on",
        "16. Ngày tham gia tổ chức chính trị - xã hội đầu tiên",
        Kind::Date,
    ),
    ("military_enlisted_on", "17. Ngày nhập ngũ", Kind::Date),
    ("military_discharged_on", "17. Ngày xuất ngũ", Kind::Date),
    (
        "military_rank",
        "17. Quân hàm cao nhất",
        Kind::Code(&["military_ranks"]),
    ),
    (
        "policy_beneficiary",
        "18. Đối tượng chính sách",
        Kind::Code(&["policy_beneficiaries"]),
    ),
    (
        "general_education",
        "19. Trình độ giáo dục phổ thông",
        Kind::Code(&["general_education"]),
    ),
    (
        "qualification",
        "20. Trình độ chuyên môn cao nhất",
        Kind::Code(&["qualifications"]),
    ),
    ("qualification_field", "20. Chuyên ngành", Kind::Text),
    ("academic_title", "21. Học hàm", Kind::Code(&["academic_titles"])),
    ("academic_title_year", "21. Năm phong", Kind::Number),
    (
        "state_honour",
        "22. Danh hiệu được phong tặng cao nhất",
        Kind::Code(&["state_honours"]),
    ),
    (
        "position",
        "23. Chức vụ hiện tại",
        Kind::Code(&["leadership_positions"]),
    ),
    ("position_appointed_on", "23. Ngày bổ nhiệm", Kind::Date),
    ("position_reappointed_on", "23. Ngày bổ nhiệm lại", Kind::Date),
    ("planned_position", "24. Được quy hoạch chức danh", Kind::Text),
    ("concurrent_positions", "25. Chức vụ kiêm nhiệm", Kind::Text),
    (
        "party_position",
        "26. Chức vụ Đảng hiện tại",
        Kind::Code(&["party_positions"]),
    ),
    (
        "concurrent_party_position",
        "27. Chức vụ Đảng kiêm nhiệm",
        Kind::Text,
    ),
    ("main_duties", "28. Công việc chính được giao", Kind::LongText),
    ("strengths", "29. Sở trường công tác", Kind::Text),
    ("longest_job", "29. Công việc làm lâu nhất", Kind::Text),
];

pub const GRADES: &[&str] = hoso_domain::catalog::GRADE_KINDS;

pub const SALARY: &[FieldSpec] = &[
    ("grade", "30.1 Ngạch, chức danh nghề nghiệp", Kind::Code(GRADES)),
    ("grade_appointed_on", "30.1 Ngày bổ nhiệm ngạch", Kind::Date),
    ("step", "30.1 Bậc lương", Kind::Number),
    ("coefficient", "30.1 Hệ số lương", Kind::Coefficient),
    ("effective_on", "30.1 Ngày hưởng", Kind::Date),
    ("percent_received", "30.1 Phần trăm hưởng", Kind::Number),
    (
        "beyond_frame_percent",
        "30.1 Phụ cấp thâm niên vượt khung (%)",
        Kind::Number,
    ),
    ("beyond_frame_on", "30.1 Ngày hưởng vượt khung", Kind::Date),
    ("job_position", "30.3 Vị trí việc làm", Kind::JobPosition),
    (
        "job_position_pay",
        "30.3 Lương theo vị trí việc làm (đồng)",
        Kind::Number,
    ),
    ("job_position_on", "30.3 Ngày hưởng", Kind::Date),
];

pub const CURRENT_ALLOWANCES: &[FieldSpec] = &[
    ("kind", "Loại phụ cấp", Kind::Code(&["allowances"])),
    ("coefficient", "Hệ số", Kind::Coefficient),
    ("percent", "Phần trăm", Kind::Number),
    ("since", "Từ ngày", Kind::Date),
];

pub const HEALTH: &[FieldSpec] = &[
    ("status", "31. Tình trạng sức khỏe", Kind::Text),
    ("height_cm", "31. Chiều cao (cm)", Kind::Number),
    ("weight_kg", "31. Cân nặng (kg)", Kind::Number),
    ("blood_group", "31. Nhóm máu", Kind::Code(&["blood_groups"])),
];

/// One table per kind of training (item 32), each with its own catalogue of levels.
pub const TRAINING_KINDS: &[(&str, &str, &[&str])] = &[
    (
        "professional",
        "32.1 Chuyên môn (từ trung cấp trở lên)",
        &["qualifications"],
    ),
    (
        "political_theory",
        "32.2 Lý luận chính trị",
        &["political_theory"],
    ),
    ("state_management", "32.3 Quản lý nhà nước", &["state_management"]),
    (
        "defence_security",
        "32.4 Quốc phòng, an ninh",
        &["defence_security"],
    ),
    ("information_technology", "32.5 Tin học", &["it_levels"]),
    ("language", "32.6 Ngoại ngữ, tiếng dân tộc", &["language_levels"]),
];

pub const WORK: &[FieldSpec] = &[
    ("from", "Từ ngày", Kind::Date),
    ("to", "Đến ngày", Kind::Date),
    ("unit", "Đơn vị công tác", Kind::Text),
    ("title", "Chức danh, chức vụ", Kind::Text),
];

pub const PERSONAL_HISTORY: &[FieldSpec] = &[
    (
        "arrests",
        "34. Khai rõ: bị bắt, bị tù (từ ngày nào đến ngày nào, ở đâu)",
        Kind::LongText,
    ),
    (
        "former_regime_service",
        "34. Làm việc trong chế độ cũ",
        Kind::LongText,
    ),
    (
        "foreign_organisations",
        "34. Tham gia hoặc có quan hệ với tổ chức nước ngoài",
        Kind::LongText,
    ),
];

pub const RATINGS: &[FieldSpec] = &[
    ("year", "Năm", Kind::Number),
    ("rating", "Xếp loại chất lượng", Kind::Code(&["ratings"])),
    (
        "emulation_title",
        "Danh hiệu thi đua",
        Kind::Code(&["emulation_titles"]),
    ),
];

pub const REWARDS: &[FieldSpec] = &[
    ("decided_on", "Ngày quyết định", Kind::Date),
    ("form", "Hình thức khen thưởng", Kind::Code(&["reward_forms"])),
    ("level", "Cấp khen", Kind::Text),
    ("decision", "Số quyết định", Kind::Text),
];

pub const DISCIPLINE: &[FieldSpec] = &[
    ("decided_on", "Ngày quyết định", Kind::Date),
    ("form", "Hình thức kỷ luật", Kind::Code(&["discipline_forms"])),
    ("violation", "Hành vi vi phạm", Kind::Text),
    ("deciding_body", "Cơ quan quyết định", Kind::Text),
    ("decision", "Số quyết định", Kind::Text),
];

pub const FAMILY: &[FieldSpec] = &[
    ("relation", "Quan hệ", Kind::Code(&["family_relations"])),
    ("full_name", "Họ và tên", Kind::Text),
    ("birth_year", "Năm sinh", Kind::Number),
    ("hometown", "Quê quán", Kind::Text),
    ("occupation", "Nghề nghiệp", Kind::Text),
    ("workplace", "Nơi công tác", Kind::Text),
    ("residence", "Nơi ở", Kind::Text),
];

pub const SALARY_HISTORY: &[FieldSpec] = &[
    ("from", "Từ ngày", Kind::Date),
    ("to", "Đến ngày", Kind::Date),
    ("grade", "Mã ngạch, chức danh", Kind::Code(GRADES)),
    ("step", "Bậc", Kind::Number),
    ("coefficient", "Hệ số", Kind::Coefficient),
    ("job_position_pay", "Lương theo vị trí việc làm", Kind::Number),
];

pub const ALLOWANCE_HISTORY: &[FieldSpec] = &[
    ("from", "Từ ngày", Kind::Date),
    ("to", "Đến ngày", Kind::Date),
    ("kind", "Loại phụ cấp", Kind::Code(&["allowances"])),
    ("coefficient", "Hệ số", Kind::Coefficient),
    ("percent", "Phần trăm", Kind::Number),
];

pub const INCOME: &[FieldSpec] = &[
    ("salary_income", "37.3 Thu nhập từ lương", Kind::Text),
    ("other_income", "37.3 Các nguồn thu nhập khác", Kind::Text),
    ("housing", "37.3 Nhà ở", Kind::Text),
    ("land", "37.3 Đất ở, đất sản xuất", Kind::Text),
];

pub const CONTRACT: &[FieldSpec] = &[
    ("number", "Số hợp đồng", Kind::Text),
    ("kind", "Loại hợp đồng", Kind::Code(&["contract_types"])),
    ("term_months", "Thời hạn (tháng)", Kind::Number),
    ("signed_on", "Ngày ký", Kind::Date),
    ("starts_on", "Ngày bắt đầu làm việc", Kind::Date),
    ("ends_on", "Ngày hết hạn", Kind::Date),
    ("job", "Công việc", Kind::Text),
    ("workplace", "Địa điểm làm việc", Kind::Text),
    ("working_hours", "Thời giờ làm việc", Kind::Text),
    ("pay", "Mức lương", Kind::Text),
    ("allowances", "Phụ cấp", Kind::Text),
    ("insurance", "Bảo hiểm", Kind::Text),
    ("employer_signatory", "Người ký phía cơ quan, đơn vị", Kind::Text),
];

pub fn training_row(kind: &'static str) -> Value {
    json!({ "kind": kind })
}

/// The sections and tables of the form by their place in the content, for naming an item.
const PLACES: &[(&str, &[FieldSpec])] = &[
    ("identity", IDENTITY),
    ("career", CAREER),
    ("salary/allowances", CURRENT_ALLOWANCES),
    ("salary", SALARY),
    ("health", HEALTH),
    ("work_history", WORK),
    ("personal_history", PERSONAL_HISTORY),
    ("ratings", RATINGS),
    ("rewards", REWARDS),
    ("discipline", DISCIPLINE),
    ("family", FAMILY),
    ("salary_history", SALARY_HISTORY),
    ("allowance_history", ALLOWANCE_HISTORY),
    ("income_assets", INCOME),
];

/// The form's label of an item the server names (`identity.birth_date`, `work_history[0].unit`),
/// with the row of a table; the name itself when the form has no such input.
pub fn item_label(item: &str) -> String {
    let pointer = hoso_domain::national::pointer_of(item);
    for (place, fields) in PLACES {
        let Some(rest) = pointer.strip_prefix(&format!("/{place}/")) else {
            continue;
        };
        let (row, key) = match rest.split_once('/') {
            Some((index, key)) if index.chars().all(|c| c.is_ascii_digit()) => {
                (index.parse::<usize>().ok(), key)
            }
            _ => (None, rest),
        };
        if let Some((_, label, _)) = fields.iter().find(|(k, _, _)| *k == key) {
            return match row {
                Some(row) => format!("{label} (dòng {})", row + 1),
                None => (*label).to_owned(),
            };
        }
    }
    item.to_owned()
}
