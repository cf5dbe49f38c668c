//! The shared national catalogues pulled from the national side (issue #17, CTX-2;
//! docs/integration.md, "Catalogues"): what a national version would change in ours. Nothing
//! takes effect until an administrator has reviewed the changes; a code keeps its meaning for
//! ever, so a national version can add codes, change an entry's facts or retire it, never
//! delete one (a code it no longer lists stays ours, reported as `only_here`).

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::catalog::CatalogEntry;

/// What a national version does to one of our codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A code we do not have.
    Added,
    /// A code we have, with other facts (label, parent, validity, successor, data).
    Changed,
    /// A code we have that the national side ends (a last day we did not have, or a new one).
    Retired,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Changed => "changed",
            ChangeKind::Retired => "retired",
        }
    }
}

/// One change a national version proposes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogChange {
    pub code: String,
    pub kind: ChangeKind,
    /// Which facts differ: `label`, `parent`, `valid_from`, `valid_to`, `replaced_by`, `data`.
    pub fields: Vec<String>,
    pub before: Option<CatalogEntry>,
    pub after: CatalogEntry,
    /// Ours is an administrator's own entry (origin `local`) that the change would replace.
    pub replaces_local: bool,
}

/// What a national version holds beside ours.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Comparison {
    /// In code order.
    pub changes: Vec<CatalogChange>,
    /// Our codes the national version does not list (kept: codes are never deleted).
    pub only_here: Vec<String>,
}

/// One of our entries with whether an administrator added it.
#[derive(Debug, Clone, PartialEq)]
pub struct OurEntry {
    pub entry: CatalogEntry,
    pub local: bool,
}

/// Compares a national version's entries with ours.
pub fn compare_catalog(ours: &[OurEntry], theirs: &[CatalogEntry]) -> Comparison {
    let by_code: BTreeMap<&str, &OurEntry> = ours.iter().map(|o| (o.entry.code.as_str(), o)).collect();
    let mut theirs_sorted: Vec<&CatalogEntry> = theirs.iter().collect();
    theirs_sorted.sort_by(|a, b| a.code.cmp(&b.code));
    let mut changes = Vec::new();
    for after in theirs_sorted {
        match by_code.get(after.code.as_str()) {
            None => changes.push(CatalogChange {
                code: after.code.clone(),
                kind: ChangeKind::Added,
                fields: Vec::new(),
                before: None,
                after: after.clone(),
                replaces_local: false,
            }),
            Some(ours) => {
                let fields = differing_fields(&ours.entry, after);
                if fields.is_empty() {
                    continue;
                }
                let retired = after.valid_to.is_some() && fields.iter().any(|f| f == "valid_to");
                changes.push(CatalogChange {
                    code: after.code.clone(),
                    kind: if retired {
                        ChangeKind::Retired
                    } else {
                        ChangeKind::Changed
                    },
                    fields,
                    before: Some(ours.entry.clone()),
                    after: after.clone(),
                    replaces_local: ours.local,
                });
            }
        }
    }
    let listed: HashSet<&str> = theirs.iter().map(|e| e.code.as_str()).collect();
    let only_here = by_code
        .keys()
        .filter(|code| !listed.contains(*code))
        .map(|code| (*code).to_owned())
        .collect();
    Comparison { changes, only_here }
}

fn differing_fields(ours: &CatalogEntry, theirs: &CatalogEntry) -> Vec<String> {
    let mut fields = Vec::new();
    let mut differs = |name: &str, differ: bool| {
        if differ {
            fields.push(name.to_owned());
        }
    };
    differs("label", ours.label != theirs.label);
    differs("parent", ours.parent != theirs.parent);
    differs("valid_from", ours.valid_from != theirs.valid_from);
    differs("valid_to", ours.valid_to != theirs.valid_to);
    differs("replaced_by", ours.replaced_by != theirs.replaced_by);
    differs("data", ours.data != theirs.data);
    fields
}

/// Why a national version cannot be reviewed at all: an entry without a code or label, a code
/// listed twice, a last day before the first.
pub fn check_national_entries(entries: &[CatalogEntry]) -> Result<(), String> {
    let mut seen = HashSet::new();
    for entry in entries {
        if entry.code.trim().is_empty() || entry.label.trim().is_empty() {
            return Err(format!("một mục không có mã hoặc tên (mã «{}»)", entry.code));
        }
        if !seen.insert(entry.code.as_str()) {
            return Err(format!("mã «{}» có hai lần", entry.code));
        }
        if let (Some(from), Some(to)) = (entry.valid_from, entry.valid_to) {
            if to < from {
                return Err(format!(
                    "mã «{}» hết hiệu lực trước ngày bắt đầu hiệu lực",
                    entry.code
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn entry(code: &str, label: &str) -> CatalogEntry {
        CatalogEntry {
            code: code.into(),
            label: label.into(),
            ..CatalogEntry::default()
        }
    }

    fn ours(entries: &[CatalogEntry], local: &[&str]) -> Vec<OurEntry> {
        entries
            .iter()
            .map(|e| OurEntry {
                entry: e.clone(),
                local: local.contains(&e.code.as_str()),
            })
            .collect()
    }

    #[test]
    fn the_same_catalogue_changes_nothing() {
        let entries = [entry("01", "Kinh"), entry("02", "Tày")];
        let comparison = compare_catalog(&ours(&entries, &[]), &entries);
        assert_eq!(comparison, Comparison::default());
    }

    #[test]
    fn added_changed_retired_and_only_here_are_told_apart() {
        let mine = [
            entry("01", "Kinh"),
            entry("02", "Tay"),
            entry("03", "Thái"),
            entry("90", "Dân tộc của tỉnh"),
        ];
        let mut retired = entry("03", "Thái");
        retired.valid_to = NaiveDate::from_ymd_opt(2026, 6, 30);
        retired.replaced_by = Some("01".into());
        let theirs = [
            entry("01", "Kinh"),
            entry("02", "Tày"),
            retired,
            entry("04", "Hoa"),
        ];
        let comparison = compare_catalog(&ours(&mine, &["90"]), &theirs);
        let kinds: Vec<(&str, ChangeKind, Vec<String>)> = comparison
            .changes
            .iter()
            .map(|c| (c.code.as_str(), c.kind, c.fields.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("02", ChangeKind::Changed, vec!["label".to_owned()]),
                (
                    "03",
                    ChangeKind::Retired,
                    vec!["valid_to".to_owned(), "replaced_by".to_owned()]
                ),
                ("04", ChangeKind::Added, vec![]),
            ]
        );
        assert_eq!(
            comparison.changes[0].before.as_ref().map(|b| b.label.as_str()),
            Some("Tay")
        );
        assert_eq!(comparison.only_here, vec!["90".to_owned()]);
    }

    #[test]
    fn a_change_to_an_administrators_entry_says_so() {
        let mine = [entry("90", "Dân tộc của tỉnh")];
        let theirs = [entry("90", "Dân tộc khác")];
        let comparison = compare_catalog(&ours(&mine, &["90"]), &theirs);
        assert!(comparison.changes[0].replaces_local);
    }

    #[test]
    fn coefficients_are_facts_that_change() {
        let mut mine = entry("A1", "Viên chức loại A1");
        mine.data = Some(serde_json::json!({"coefficients": [234, 267]}));
        let mut theirs = mine.clone();
        theirs.data = Some(serde_json::json!({"coefficients": [240, 270]}));
        let comparison = compare_catalog(&ours(&[mine], &[]), &[theirs]);
        assert_eq!(comparison.changes[0].fields, vec!["data".to_owned()]);
        assert_eq!(comparison.changes[0].kind, ChangeKind::Changed);
    }

    #[test]
    fn a_version_with_a_blank_or_repeated_code_cannot_be_reviewed() {
        assert!(check_national_entries(&[entry("01", "Kinh"), entry("02", "Tày")]).is_ok());
        assert!(check_national_entries(&[entry("", "Kinh")]).is_err());
        assert!(check_national_entries(&[entry("01", "Kinh"), entry("01", "Tày")]).is_err());
        let mut backwards = entry("01", "Kinh");
        backwards.valid_from = NaiveDate::from_ymd_opt(2026, 1, 1);
        backwards.valid_to = NaiveDate::from_ymd_opt(2025, 1, 1);
        assert!(check_national_entries(&[backwards]).is_err());
    }
}
