//! The national catalogues (danh mục) that dossier fields take their codes from: grades and
//! professional titles with their salary scales, ethnic groups, provinces before and after the
//! 2025 reform, ratings, reward and discipline forms, … Each ships as a versioned data file in
//! `crates/domain/catalogs/` with its legal source and effective date; administrators add
//! entries. A code, once in a catalogue, keeps its meaning for ever: entries are retired, never
//! renamed into something else or deleted (so a dossier written years ago still reads right).

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::access::{AccountKind, Actor, Decision, Denial, Right};
use crate::validation::{FieldError, FieldErrors};

/// A catalogue as shipped: its description and its entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    #[serde(flatten)]
    pub meta: CatalogMeta,
    pub entries: Vec<CatalogEntry>,
}

/// What a catalogue is and where its content comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogMeta {
    /// Stable identifier, e.g. `grades`.
    pub kind: String,
    /// Name for people, in Vietnamese.
    pub name: String,
    /// Raised whenever the shipped file changes, so deployments pick the change up.
    pub version: i32,
    /// The legal text that defines the entries.
    pub source: String,
    pub effective_date: NaiveDate,
    /// Shape every code must have: `9` a digit, `A` a capital letter, anything else itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_format: Option<String>,
    /// Catalogue that each entry's `parent` names (a grade's salary scale, a commune's province).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_kind: Option<String>,
    /// Catalogue that `replaced_by` names when it is not this one (former → current provinces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One code of a catalogue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    pub code: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// Last day the entry applies; afterwards it only explains old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<String>,
    /// Kind-specific facts, e.g. a salary scale's coefficients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
    /// The legal text (document number and article) that defines this entry, where it is not
    /// the catalogue's own source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The code was made by hoso because no national code is published for the entry; the
    /// national sync maps it (docs/catalogs.md).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub local_code: bool,
}

impl CatalogEntry {
    /// Whether the entry applies on `day` (new records may only use entries that apply).
    pub fn applies_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| from <= day) && self.valid_to.is_none_or(|to| day <= to)
    }
}

/// The error for an entry used on a day it does not apply, naming its replacement when it has
/// one (CTX-2: a retired code explains old records but is refused on new writes).
pub fn not_in_force(
    field: &str,
    entry: &CatalogEntry,
    on: NaiveDate,
    successor: Option<&CatalogEntry>,
) -> FieldError {
    let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let code = &entry.code;
    let label = &entry.label;
    if let Some(from) = entry.valid_from.filter(|from| on < *from) {
        return FieldError::new(
            field,
            "code_not_yet_valid",
            format!("Mã «{code}» ({label}) chỉ có hiệu lực từ ngày {}.", day(from)),
        );
    }
    let ended = entry.valid_to.map_or_else(String::new, |to| {
        format!(" từ ngày {}", day(to + chrono::Days::new(1)))
    });
    let instead = match (successor, entry.replaced_by.as_deref()) {
        (Some(next), _) => format!(" Thay bằng «{}» ({}).", next.code, next.label),
        (None, Some(next)) => format!(" Thay bằng «{next}»."),
        (None, None) => String::new(),
    };
    FieldError::new(
        field,
        "retired_code",
        format!("Mã «{code}» ({label}) không còn hiệu lực{ended}.{instead}"),
    )
}

/// The catalogue files in the order people look for them (identity first, as on the form).
const SHIPPED_FILES: &[(&str, &str)] = &[
    ("genders", include_str!("../catalogs/genders.json")),
    ("ethnicities", include_str!("../catalogs/ethnicities.json")),
    ("religions", include_str!("../catalogs/religions.json")),
    ("provinces", include_str!("../catalogs/provinces.json")),
    (
        "former_provinces",
        include_str!("../catalogs/former_provinces.json"),
    ),
    ("communes", include_str!("../catalogs/communes.json")),
    ("salary_scales", include_str!("../catalogs/salary_scales.json")),
    ("grades", include_str!("../catalogs/grades.json")),
    (
        "professional_titles",
        include_str!("../catalogs/professional_titles.json"),
    ),
    ("allowances", include_str!("../catalogs/allowances.json")),
    (
        "leadership_positions",
        include_str!("../catalogs/leadership_positions.json"),
    ),
    (
        "general_education",
        include_str!("../catalogs/general_education.json"),
    ),
    ("qualifications", include_str!("../catalogs/qualifications.json")),
    (
        "academic_titles",
        include_str!("../catalogs/academic_titles.json"),
    ),
    (
        "political_theory",
        include_str!("../catalogs/political_theory.json"),
    ),
    (
        "state_management",
        include_str!("../catalogs/state_management.json"),
    ),
    (
        "defence_security",
        include_str!("../catalogs/defence_security.json"),
    ),
    ("it_levels", include_str!("../catalogs/it_levels.json")),
    ("languages", include_str!("../catalogs/languages.json")),
    (
        "language_levels",
        include_str!("../catalogs/language_levels.json"),
    ),
    ("training_modes", include_str!("../catalogs/training_modes.json")),
    ("ratings", include_str!("../catalogs/ratings.json")),
    (
        "emulation_titles",
        include_str!("../catalogs/emulation_titles.json"),
    ),
    ("reward_forms", include_str!("../catalogs/reward_forms.json")),
    ("state_honours", include_str!("../catalogs/state_honours.json")),
    (
        "discipline_forms",
        include_str!("../catalogs/discipline_forms.json"),
    ),
    (
        "family_relations",
        include_str!("../catalogs/family_relations.json"),
    ),
    ("military_ranks", include_str!("../catalogs/military_ranks.json")),
    (
        "policy_beneficiaries",
        include_str!("../catalogs/policy_beneficiaries.json"),
    ),
    (
        "party_positions",
        include_str!("../catalogs/party_positions.json"),
    ),
    ("blood_groups", include_str!("../catalogs/blood_groups.json")),
    ("contract_types", include_str!("../catalogs/contract_types.json")),
    ("document_kinds", include_str!("../catalogs/document_kinds.json")),
];

/// Every shipped catalogue, parsed once. The files are part of the build; a test checks each
/// one, so a malformed file fails the test suite rather than a deployment.
pub fn shipped() -> &'static [CatalogFile] {
    static PARSED: OnceLock<Vec<CatalogFile>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SHIPPED_FILES
            .iter()
            .map(|(kind, text)| {
                let file: CatalogFile =
                    serde_json::from_str(text).unwrap_or_else(|e| panic!("catalogs/{kind}.json: {e}"));
                assert_eq!(file.meta.kind, *kind, "catalogs/{kind}.json names another kind");
                file
            })
            .collect()
    })
}

/// The raw text of the shipped files, for fingerprints.
pub fn shipped_texts() -> impl Iterator<Item = &'static str> {
    SHIPPED_FILES.iter().map(|(_, text)| *text)
}

/// Catalogue kinds that hold grades and professional titles (what a job position requires and
/// what item 30.1 of the form records).
pub const GRADE_KINDS: &[&str] = &["grades", "professional_titles"];

/// Whether `code` has the shape `format` describes.
pub fn code_matches(format: &str, code: &str) -> bool {
    format.chars().count() == code.chars().count()
        && format.chars().zip(code.chars()).all(|(f, c)| match f {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_uppercase(),
            other => other == c,
        })
}

/// Catalogues are the province's shared reference: administrators with `administer_catalogs`
/// extend them.
pub fn check_administer_catalogs(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin || !actor.rights.contains(Right::AdministerCatalogs) {
        return Err(Denial::Forbidden(
            "only administrators with administer_catalogs change catalogues".into(),
        ));
    }
    Ok(())
}

/// Checks an entry before it joins catalogue `meta`. `exists(kind, code)` answers whether a
/// code is already in a catalogue (including retired entries: codes are never reused).
pub fn check_new_entry(
    meta: &CatalogMeta,
    entry: &CatalogEntry,
    exists: impl Fn(&str, &str) -> bool,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let code = entry.code.as_str();
    if code.is_empty() || code.len() > 32 || code.chars().any(|c| c.is_whitespace() || c.is_control()) {
        errors.push(FieldError::new(
            "code",
            "invalid_format",
            "Mã phải có từ 1 đến 32 ký tự, không chứa khoảng trắng.",
        ));
    } else if let Some(format) = meta.code_format.as_deref().filter(|f| !code_matches(f, code)) {
        errors.push(FieldError::new(
            "code",
            "invalid_format",
            format!("Mã của danh mục này có dạng {format} (9 là một chữ số, A là một chữ cái in hoa)."),
        ));
    } else if exists(&meta.kind, code) {
        errors.push(FieldError::new(
            "code",
            "code_taken",
            "Mã này đã có (hoặc đã từng có) trong danh mục; mã đã dùng không được dùng lại.",
        ));
    }
    let label = entry.label.trim();
    if label.is_empty() || label.chars().count() > 300 {
        errors.push(FieldError::new(
            "label",
            "required",
            "Tên mục phải có, tối đa 300 ký tự.",
        ));
    }
    match (&meta.parent_kind, &entry.parent) {
        (Some(_), None) => errors.push(FieldError::new(
            "parent",
            "required",
            "Mục của danh mục này phải thuộc một mục cha (ví dụ ngạch thuộc một bảng lương).",
        )),
        (Some(kind), Some(parent)) if !exists(kind, parent) => errors.push(unknown_code("parent", parent)),
        (None, Some(_)) => errors.push(FieldError::new(
            "parent",
            "not_allowed",
            "Danh mục này không có mục cha.",
        )),
        _ => {}
    }
    if let Some(successor) = &entry.replaced_by {
        let kind = meta.successor_kind.as_deref().unwrap_or(&meta.kind);
        if !exists(kind, successor) {
            errors.push(unknown_code("replaced_by", successor));
        }
    }
    if let (Some(from), Some(to)) = (entry.valid_from, entry.valid_to) {
        if to < from {
            errors.push(FieldError::new(
                "valid_to",
                "before_start",
                "Ngày hết hiệu lực phải sau ngày có hiệu lực.",
            ));
        }
    }
    if meta.kind == "salary_scales" && salary_coefficients(entry).is_none() {
        errors.push(FieldError::new(
            "data.coefficients",
            "invalid_format",
            "Bảng lương phải có dãy hệ số tăng dần theo bậc, ghi bằng số nguyên phần trăm (234 = 2,34).",
        ));
    }
    errors.into_result()
}

/// The error for a code a catalogue does not hold.
pub fn unknown_code(field: &str, code: &str) -> FieldError {
    FieldError::new(
        field,
        "unknown_code",
        format!("Mã «{code}» không có trong danh mục."),
    )
}

/// A salary coefficient kept in hundredths, as Vietnamese write it: 434 → `4,34`.
pub fn coefficient_text(hundredths: i64) -> String {
    format!("{},{:02}", hundredths / 100, hundredths % 100)
}

/// A salary scale's coefficients by step (step 1 first), in hundredths; `None` unless they are
/// a non-empty, strictly increasing list of positive integers.
pub fn salary_coefficients(scale: &CatalogEntry) -> Option<Vec<u32>> {
    let values = scale.data.as_ref()?.get("coefficients")?.as_array()?;
    let coefficients: Vec<u32> = values
        .iter()
        .map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok()).filter(|n| *n > 0))
        .collect::<Option<_>>()?;
    let increasing = coefficients.windows(2).all(|w| w[0] < w[1]);
    (!coefficients.is_empty() && increasing).then_some(coefficients)
}

#[cfg(test)]
mod tests;
