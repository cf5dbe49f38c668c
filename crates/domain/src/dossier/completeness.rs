//! What a dossier still lacks before it can be approved (DOS-4: complete, like the paper file).
//! Drafts may be saved incomplete; a version is only made of a complete dossier.

use serde::{Deserialize, Serialize};

use super::content::DossierContent;

/// One required item that is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MissingItem {
    /// Field path, as in validation errors.
    pub field: String,
    /// The item of the form, in Vietnamese.
    pub label: String,
}

/// The required items that are empty, in the order of the form. Contract workers need their
/// contract instead of grade and salary.
pub fn missing(content: &DossierContent, contract_worker: bool) -> Vec<MissingItem> {
    let id = &content.identity;
    let mut checks: Vec<(&str, &str, bool)> = vec![
        (
            "photo_document_id",
            "Ảnh 4×6",
            content.photo_document_id.is_some(),
        ),
        (
            "identity.full_name",
            "1. Họ và tên khai sinh",
            id.full_name.is_some(),
        ),
        ("identity.gender", "1. Giới tính", id.gender.is_some()),
        ("identity.birth_date", "3. Ngày sinh", id.birth_date.is_some()),
        (
            "identity.birth_place.province",
            "4. Nơi sinh",
            id.birth_place.province.is_some(),
        ),
        (
            "identity.hometown.province",
            "5. Quê quán",
            id.hometown.province.is_some(),
        ),
        ("identity.ethnicity", "6. Dân tộc", id.ethnicity.is_some()),
        ("identity.religion", "7. Tôn giáo", id.religion.is_some()),
        (
            "identity.citizen_id",
            "8. Số căn cước công dân",
            id.citizen_id.is_some(),
        ),
        ("identity.residence", "10. Nơi ở hiện nay", id.residence.is_some()),
        (
            "career.general_education",
            "19. Trình độ giáo dục phổ thông",
            content.career.general_education.is_some(),
        ),
        (
            "work_history",
            "33. Tóm tắt quá trình công tác",
            !content.work_history.is_empty(),
        ),
        ("family", "36. Quan hệ gia đình", !content.family.is_empty()),
    ];
    if contract_worker {
        checks.push(("contract", "Hợp đồng lao động", content.contract.is_some()));
    } else {
        checks.extend([
            (
                "career.recruited_on",
                "13. Ngày tuyển dụng lần đầu",
                content.career.recruited_on.is_some(),
            ),
            (
                "career.qualification",
                "20. Trình độ chuyên môn cao nhất",
                content.career.qualification.is_some(),
            ),
            (
                "salary.grade",
                "30.1 Ngạch, chức danh nghề nghiệp",
                content.salary.grade.is_some(),
            ),
            ("salary.step", "30.1 Bậc lương", content.salary.step.is_some()),
            (
                "salary.coefficient",
                "30.1 Hệ số lương",
                content.salary.coefficient.is_some(),
            ),
            (
                "salary_history",
                "37.1 Quá trình lương",
                !content.salary_history.is_empty(),
            ),
        ]);
    }
    checks
        .into_iter()
        .filter(|(_, _, present)| !present)
        .map(|(field, label, _)| MissingItem {
            field: field.into(),
            label: label.into(),
        })
        .collect()
}

/// The scans a dossier must hold (Circular 06/2023, Article 5: the components of a dossier),
/// by `document_kinds` code, given the kinds already attached. What the content claims needs
/// its paper proof: a recruitment decision (or the labour contract), the diploma of the
/// qualification declared, the grade appointment and salary decisions once a grade is held.
pub fn missing_evidence(
    content: &DossierContent,
    contract_worker: bool,
    attached: &[&str],
) -> Vec<MissingItem> {
    let mut needed: Vec<(&str, &str)> = vec![("SYLL", "Sơ yếu lý lịch có xác nhận")];
    if contract_worker {
        needed.push(("HOP_DONG", "Hợp đồng lao động"));
    } else {
        needed.push(("TUYEN_DUNG", "Quyết định tuyển dụng"));
    }
    if content.career.qualification.is_some() {
        needed.push(("VAN_BANG", "Văn bằng, chứng chỉ"));
    }
    if content.salary.grade.is_some() {
        needed.push(("NGACH", "Quyết định bổ nhiệm ngạch, chức danh nghề nghiệp"));
        needed.push(("LUONG", "Quyết định nâng lương, xếp lương"));
    }
    if content.career.position.is_some() {
        needed.push(("BO_NHIEM", "Quyết định bổ nhiệm chức vụ"));
    }
    needed
        .into_iter()
        .filter(|(kind, _)| !attached.contains(kind))
        .map(|(kind, label)| MissingItem {
            field: format!("attachments.{kind}"),
            label: label.into(),
        })
        .collect()
}
