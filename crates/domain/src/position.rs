//! Job positions (vị trí việc làm, ORG-3) as the dossier records them: item 30.3 of the form is
//! one of the posts of the person's unit, and a post may require a grade or professional title
//! (Decree 62/2020/NĐ-CP, Decree 106/2020/NĐ-CP).

use crate::catalog::{CatalogEntry, GRADE_KINDS};
use crate::dossier::content::Salary;
use crate::dossier::validation::CatalogIndex;
use crate::validation::FieldError;

/// A post of a unit, as the checks need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub code: String,
    pub name: String,
    /// A grade or professional-title code.
    pub required_grade: Option<String>,
}

/// Item 30.3 must name a post of the person's unit: a code typed by hand or kept from another
/// unit would reach the national database as a position nobody has.
pub fn check_job_position(salary: &Salary, posts: &[Post]) -> Result<(), FieldError> {
    let Some(code) = salary.job_position.as_deref() else {
        return Ok(());
    };
    if posts.iter().any(|post| post.code == code) {
        return Ok(());
    }
    Err(FieldError::new(
        "salary.job_position",
        "unknown_position",
        if posts.is_empty() {
            format!("Đơn vị chưa có vị trí việc làm nào; không ghi được «{code}».")
        } else {
            format!("«{code}» không phải vị trí việc làm của đơn vị; chọn trong danh sách vị trí việc làm của đơn vị.")
        },
    ))
}

/// Whether a person holding `held` meets a post requiring `required`: the same grade, or a
/// higher one of the same series (a chuyên viên chính holds a chuyên viên post; a teacher of
/// another level or a doctor does not).
pub fn grade_meets(held: Option<&str>, required: &str, catalogs: &CatalogIndex) -> bool {
    let Some(held) = held else {
        return false;
    };
    if held == required {
        return true;
    }
    let (Some(held_entry), Some(required_entry)) = (
        catalogs.find(GRADE_KINDS, held),
        catalogs.find(GRADE_KINDS, required),
    ) else {
        return false;
    };
    series(held) == series(required) && rank(held_entry) >= rank(required_entry)
}

/// The series of a grade code: `01` of `01.003`, `V.07.05` of `V.07.05.14`.
fn series(code: &str) -> &str {
    code.rsplit_once('.').map_or(code, |(series, _)| series)
}

/// The rank of an entry's salary scale: A3 highest, C lowest (Decree 204/2004, Tables 2 and 3).
fn rank(entry: &CatalogEntry) -> u8 {
    match entry.parent.as_deref().unwrap_or_default() {
        s if s.starts_with("A3") => 6,
        s if s.starts_with("A2") => 5,
        "A1" => 4,
        "A0" => 3,
        "B" => 2,
        s if s.starts_with('C') => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> CatalogIndex {
        CatalogIndex::from_files(crate::catalog::shipped())
    }

    fn post(code: &str) -> Post {
        Post {
            code: code.into(),
            name: format!("Vị trí {code}"),
            required_grade: None,
        }
    }

    #[test]
    fn the_job_position_must_be_a_post_of_the_unit() {
        let mut salary = Salary::default();
        assert!(check_job_position(&salary, &[]).is_ok(), "not stated is allowed");
        salary.job_position = Some("GV-THPT".into());
        assert!(check_job_position(&salary, &[post("GV-THPT")]).is_ok());
        let error = check_job_position(&salary, &[post("KT")]).unwrap_err();
        assert_eq!(
            (error.field.as_str(), error.code.as_str()),
            ("salary.job_position", "unknown_position")
        );
        assert!(
            check_job_position(&salary, &[]).is_err(),
            "a unit without posts takes none"
        );
    }

    #[test]
    fn a_higher_grade_of_the_same_series_meets_the_requirement() {
        let index = index();
        // Chuyên viên chính (01.002) holds a chuyên viên (01.003) post; a cán sự does not.
        assert!(grade_meets(Some("01.003"), "01.003", &index));
        assert!(grade_meets(Some("01.002"), "01.003", &index));
        assert!(!grade_meets(Some("01.004"), "01.003", &index));
        // A high-school teacher of rank II meets rank III, not a doctor's post, nor without a grade.
        assert!(grade_meets(Some("V.07.05.14"), "V.07.05.15", &index));
        assert!(!grade_meets(Some("V.07.05.14"), "V.08.01.03", &index));
        assert!(!grade_meets(None, "01.003", &index));
    }
}
