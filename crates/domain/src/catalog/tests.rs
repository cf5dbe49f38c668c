use std::collections::{BTreeMap, BTreeSet};

use super::*;

fn by_kind() -> BTreeMap<&'static str, &'static CatalogFile> {
    shipped().iter().map(|f| (f.meta.kind.as_str(), f)).collect()
}

fn shipped_exists(kind: &str, code: &str) -> bool {
    by_kind()
        .get(kind)
        .is_some_and(|f| f.entries.iter().any(|e| e.code == code))
}

#[test]
fn every_shipped_entry_passes_the_rules_admins_must_follow() {
    for file in shipped() {
        let mut seen = BTreeSet::new();
        for entry in &file.entries {
            assert!(
                seen.insert(&entry.code),
                "{}: duplicate code {}",
                file.meta.kind,
                entry.code
            );
            // Check as if the entry were new: its own code must not count as taken.
            let result = check_new_entry(&file.meta, entry, |kind, code| {
                !(kind == file.meta.kind && code == entry.code) && shipped_exists(kind, code)
            });
            assert_eq!(result, Ok(()), "{}/{}", file.meta.kind, entry.code);
        }
        assert!(
            !file.meta.source.trim().is_empty(),
            "{} has no legal source",
            file.meta.kind
        );
    }
}

#[test]
fn the_counts_the_law_fixes() {
    let kinds = by_kind();
    assert_eq!(kinds["ethnicities"].entries.len(), 54);
    assert_eq!(kinds["provinces"].entries.len(), 34, "Resolution 202/2025/QH15");
    assert_eq!(kinds["former_provinces"].entries.len(), 63);
    // CTX-1, CTX-2: the communes of Decision 19/2025/QĐ-TTg, each under a current province.
    let communes = &kinds["communes"].entries;
    assert_eq!(communes.len(), 3321, "Decision 19/2025/QĐ-TTg");
    let in_province = |code: &str| {
        communes
            .iter()
            .filter(|c| c.parent.as_deref() == Some(code))
            .count()
    };
    assert_eq!(in_province("33"), 104, "Hưng Yên after it absorbed Thái Bình");
    assert_eq!(in_province("01"), 126, "Hà Nội");
    let provinces: BTreeSet<&str> = kinds["provinces"]
        .entries
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    assert!(communes
        .iter()
        .all(|c| c.parent.as_deref().is_some_and(|p| provinces.contains(p))));
    // Every former province went into exactly one current province, and each current one lists
    // the former ones it replaced.
    for former in &kinds["former_provinces"].entries {
        let successor = former.replaced_by.as_deref().expect("replaced_by");
        let current = kinds["provinces"]
            .entries
            .iter()
            .find(|p| p.code == successor)
            .unwrap();
        let replaces = current.data.as_ref().unwrap()["replaces"].as_array().unwrap();
        assert!(
            replaces.iter().any(|c| c == former.code.as_str()),
            "{}",
            former.code
        );
    }
}

#[test]
fn salary_scales_match_decree_204() {
    let kinds = by_kind();
    let scale = |code: &str| {
        salary_coefficients(
            kinds["salary_scales"]
                .entries
                .iter()
                .find(|e| e.code == code)
                .unwrap(),
        )
        .unwrap()
    };
    assert_eq!(scale("A1"), vec![234, 267, 300, 333, 366, 399, 432, 465, 498]);
    assert_eq!(scale("A3.1").first(), Some(&620));
    assert_eq!(scale("B").len(), 12);
    // Specialist (01.003) is paid on A1.
    let specialist = kinds["grades"]
        .entries
        .iter()
        .find(|e| e.code == "01.003")
        .unwrap();
    assert_eq!(specialist.parent.as_deref(), Some("A1"));
}

#[test]
fn code_formats() {
    assert!(code_matches("99.999", "01.003"));
    assert!(!code_matches("99.999", "01.0031"));
    assert!(!code_matches("99.999", "01-003"));
    assert!(code_matches("V.99.99.99", "V.07.01.03"));
    assert!(!code_matches("V.99.99.99", "v.07.01.03"));
}

#[test]
fn a_new_entry_is_refused_for_each_broken_rule() {
    let kinds = by_kind();
    let grades = &kinds["grades"].meta;
    let entry = |code: &str, parent: Option<&str>| CatalogEntry {
        code: code.into(),
        label: "Thử".into(),
        parent: parent.map(Into::into),
        valid_from: None,
        valid_to: None,
        replaced_by: None,
        data: None,
        source: None,
        local_code: true,
    };
    let fields = |r: Result<(), FieldErrors>| -> Vec<(String, String)> {
        r.unwrap_err()
            .into_vec()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    };
    assert_eq!(
        check_new_entry(grades, &entry("09.999", Some("A1")), shipped_exists),
        Ok(())
    );
    assert_eq!(
        fields(check_new_entry(
            grades,
            &entry("01.003", Some("A1")),
            shipped_exists
        )),
        vec![("code".into(), "code_taken".into())]
    );
    assert_eq!(
        fields(check_new_entry(grades, &entry("1.3", Some("A1")), shipped_exists)),
        vec![("code".into(), "invalid_format".into())]
    );
    assert_eq!(
        fields(check_new_entry(
            grades,
            &entry("09.999", Some("Z9")),
            shipped_exists
        )),
        vec![("parent".into(), "unknown_code".into())]
    );
    assert_eq!(
        fields(check_new_entry(grades, &entry("09.999", None), shipped_exists)),
        vec![("parent".into(), "required".into())]
    );
    let scales = &kinds["salary_scales"].meta;
    let mut decreasing = entry("X1", None);
    decreasing.data = Some(serde_json::json!({"coefficients": [300, 200]}));
    assert_eq!(
        fields(check_new_entry(scales, &decreasing, shipped_exists)),
        vec![("data.coefficients".into(), "invalid_format".into())]
    );
}

#[test]
fn only_catalogue_administrators_extend_catalogues() {
    use crate::access::{RightSet, Scope};
    let actor = |kind, rights: &[Right]| Actor {
        account_id: "a".into(),
        kind,
        person_id: None,
        read_only: false,
        scope: Scope::Province,
        rights: rights.iter().copied().collect::<RightSet>(),
    };
    assert!(check_administer_catalogs(&actor(AccountKind::Admin, &[Right::AdministerCatalogs])).is_ok());
    assert!(check_administer_catalogs(&actor(AccountKind::Admin, &[])).is_err());
    assert!(check_administer_catalogs(&actor(AccountKind::Agency, &[Right::AdministerCatalogs])).is_err());
}

/// Issue #24: grades and professional titles of every sector the province employs, each with
/// the document and article it comes from and a salary scale; codes re-coded by a later
/// circular stay, retired, naming their successor.
#[test]
fn grades_and_titles_cover_the_sectors_with_their_sources() {
    let kinds = by_kind();
    let grades = &kinds["grades"].entries;
    let titles = &kinds["professional_titles"].entries;
    assert_eq!(grades.len(), 37);
    assert_eq!(titles.len(), 105);
    let in_series = |prefix: &str| titles.iter().filter(|t| t.code.starts_with(prefix)).count();
    // Education, health, science, agriculture, culture, information, social work, archives.
    for (prefix, count) in [
        ("V.07.", 25),
        ("V.08.", 29),
        ("V.05.", 8),
        ("V.03.", 6),
        ("V.10.", 11),
        ("V.11.", 20),
        ("V.09.04.", 3),
        ("V.01.02.", 3),
    ] {
        assert_eq!(in_series(prefix), count, "{prefix}");
    }
    let scales: BTreeSet<&str> = kinds["salary_scales"]
        .entries
        .iter()
        .map(|s| s.code.as_str())
        .collect();
    for entry in grades.iter().chain(titles) {
        assert!(
            entry.source.as_deref().is_some_and(|s| s.contains("Điều")),
            "{}: article",
            entry.code
        );
        assert!(
            scales.contains(entry.parent.as_deref().unwrap_or_default()),
            "{}",
            entry.code
        );
        if let Some(next) = &entry.replaced_by {
            assert!(entry.valid_to.is_some(), "{} is replaced, so retired", entry.code);
            let successor = titles.iter().chain(grades).find(|e| &e.code == next).unwrap();
            assert!(
                successor.valid_to.is_none(),
                "{} is replaced by a code in force",
                entry.code
            );
        }
    }
    let retired = titles.iter().filter(|t| t.valid_to.is_some()).count();
    assert_eq!(retired, 9, "the teachers' codes of 2015, re-coded in 2021");
    // Each scale says when beyond-frame seniority starts.
    for scale in &kinds["salary_scales"].entries {
        let rule = &scale.data.as_ref().unwrap()["beyond_frame"];
        let months = if scale.code.starts_with('A') { 36 } else { 24 };
        assert_eq!(rule["after_last_step_months"], months, "{}", scale.code);
        assert_eq!(
            (rule["first_percent"].as_u64(), rule["yearly_percent"].as_u64()),
            (Some(5), Some(1))
        );
    }
    // Codes hoso had to make say so.
    for kind in [
        "ratings",
        "religions",
        "training_modes",
        "leadership_positions",
        "allowances",
    ] {
        assert!(kinds[kind].entries.iter().all(|e| e.local_code), "{kind}");
    }
    assert!(grades.iter().chain(titles).all(|e| !e.local_code));
}
