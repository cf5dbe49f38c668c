//! What statutory reports count (USE-2…4), as pure functions over dossier facts, so that the
//! report of today (counted by the database) and the report as of a past date (counted here
//! from the versions then in force) cannot disagree on what a row means.

use chrono::{Datelike, NaiveDate};

use crate::dossier::facts::Facts;

/// A fact that a report counts people by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Grade,
    JobPosition,
    Gender,
    Ethnicity,
    Religion,
    Qualification,
    PoliticalTheory,
    StateManagement,
    Rating,
}

impl Dimension {
    /// The code this person is counted under; `None` is "not stated".
    pub fn key_of(self, facts: &Facts) -> Option<&str> {
        match self {
            Dimension::Grade => facts.grade.as_deref(),
            Dimension::JobPosition => facts.job_position.as_deref(),
            Dimension::Gender => facts.gender.as_deref(),
            Dimension::Ethnicity => facts.ethnicity.as_deref(),
            Dimension::Religion => facts.religion.as_deref(),
            Dimension::Qualification => facts.qualification.as_deref(),
            Dimension::PoliticalTheory => facts.political_theory.as_deref(),
            Dimension::StateManagement => facts.state_management.as_deref(),
            Dimension::Rating => facts.latest_rating.as_deref(),
        }
    }
}

/// People counted by one dimension, in code order ("not stated" first).
pub fn tally<'a>(
    dimension: Dimension,
    people: impl IntoIterator<Item = &'a Facts>,
) -> Vec<(Option<String>, i64)> {
    let mut counts = std::collections::BTreeMap::<Option<String>, i64>::new();
    for facts in people {
        *counts
            .entry(dimension.key_of(facts).map(str::to_owned))
            .or_default() += 1;
    }
    counts.into_iter().collect()
}

/// Age bands of the pyramid: (key, label, lowest age, highest age).
/// Counts from 1 to 4 of a personal characteristic, in a unit outside the reader's own scope,
/// are shown as "< 5" (USE-6: aggregates are shared, but a unit of three people must not tell
/// each one's religion).
pub const SMALL_CELL: i64 = 5;

/// Reports whose small counts tell something personal of identifiable people.
pub const SENSITIVE_REPORTS: &[&str] = &["ethnicity", "religion", "party"];

/// Which cells of a one-way table to hide, and whether its total too: every count from 1 to
/// [`SMALL_CELL`]` - 1`; when exactly one is hidden, also the smallest other cell (zero
/// included), or the total when there is none, so that no hidden count can be worked out from
/// the total and the counts shown.
pub fn small_cells(counts: &[i64]) -> (Vec<bool>, bool) {
    let mut hidden: Vec<bool> = counts.iter().map(|&n| n > 0 && n < SMALL_CELL).collect();
    let mut total_hidden = false;
    if hidden.iter().filter(|&&h| h).count() == 1 {
        let complement = counts
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden[*i])
            .min_by_key(|(_, &n)| n)
            .map(|(i, _)| i);
        match complement {
            Some(i) => hidden[i] = true,
            None => total_hidden = true,
        }
    }
    (hidden, total_hidden)
}

pub const AGE_BANDS: &[(&str, &str, u32, u32)] = &[
    ("<30", "Dưới 30", 0, 29),
    ("30-39", "30 – 39", 30, 39),
    ("40-49", "40 – 49", 40, 49),
    ("50-59", "50 – 59", 50, 59),
    (">=60", "Từ 60", 60, 200),
];

/// Age in whole years on a day.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age.max(0) as u32
}

/// Men and women in each of `AGE_BANDS` on a day, from (gender code, birth date) pairs; people
/// without both are left out.
pub fn pyramid(people: &[(Option<String>, Option<NaiveDate>)], on: NaiveDate) -> Vec<(u64, u64)> {
    let mut bands = vec![(0, 0); AGE_BANDS.len()];
    for (gender, birth) in people {
        let Some(birth) = birth else { continue };
        let age = age_on(*birth, on);
        let Some(band) = AGE_BANDS
            .iter()
            .position(|(.., low, high)| (*low..=*high).contains(&age))
        else {
            continue;
        };
        match gender.as_deref() {
            Some("1") => bands[band].0 += 1,
            Some("2") => bands[band].1 += 1,
            _ => {}
        }
    }
    bands
}

/// A report the regulation asks for every year (USE-3, USE-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnualReport {
    /// The report kinds that make it up (`grade`, `job_position`, `agency_activity`).
    pub kinds: &'static [&'static str],
    pub title: &'static str,
    /// Who sends it, to whom.
    pub by: &'static str,
    /// (month, day) from which it is made, and by which it is due.
    pub opens: (u32, u32),
    pub due: (u32, u32),
    /// Counted as of 31 December of the year before it is due; otherwise as of the day it is
    /// made (the year so far).
    pub as_of_year_end: bool,
}

const HEADCOUNT_KINDS: &[&str] = &["grade", "job_position"];

/// HY 14.1: every agency reports the past year's headcount by grade, professional title and
/// job position, with its subordinate units, between 10 and 20 January.
const HY_REPORTS: &[AnnualReport] = &[AnnualReport {
    kinds: HEADCOUNT_KINDS,
    title: "Báo cáo số lượng cán bộ, công chức, viên chức năm trước theo ngạch, chức danh nghề nghiệp, vị trí việc làm",
    by: "Các cơ quan, đơn vị gửi Sở Nội vụ",
    opens: (1, 10),
    due: (1, 20),
    as_of_year_end: true,
}];

/// TG 15.5 and 16.8: agencies report on the use, update, approval and sync of their data before
/// 15 December; Sở Nội vụ reports the headcount to the Ministry by 20 January.
const TG_REPORTS: &[AnnualReport] = &[
    AnnualReport {
        kinds: &["agency_activity"],
        title: "Báo cáo tình hình khai thác, sử dụng, cập nhật, phê duyệt và đồng bộ dữ liệu",
        by: "Các cơ quan, đơn vị gửi Sở Nội vụ",
        opens: (12, 1),
        due: (12, 14),
        as_of_year_end: false,
    },
    AnnualReport {
        kinds: HEADCOUNT_KINDS,
        title: "Báo cáo số lượng cán bộ, công chức, viên chức năm trước theo ngạch, chức danh nghề nghiệp, vị trí việc làm",
        by: "Sở Nội vụ gửi Bộ Nội vụ",
        opens: (1, 1),
        due: (1, 20),
        as_of_year_end: true,
    },
];

/// The yearly reports of a regulation profile (a custom profile keeps Hưng Yên's).
pub fn annual_reports(profile: crate::regulation::ProfileName) -> &'static [AnnualReport] {
    match profile {
        crate::regulation::ProfileName::TienGiang => TG_REPORTS,
        _ => HY_REPORTS,
    }
}

/// One occurrence of a yearly report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDue {
    pub report: AnnualReport,
    pub opens_on: NaiveDate,
    pub due_on: NaiveDate,
    /// The day it counts as of; `None`: the day it is made.
    pub as_of: Option<NaiveDate>,
}

/// The next occurrence of each report not yet past its due day, the soonest first.
pub fn upcoming(reports: &[AnnualReport], today: NaiveDate) -> Vec<ReportDue> {
    let on =
        |year: i32, (month, day): (u32, u32)| NaiveDate::from_ymd_opt(year, month, day).expect("a fixed day");
    let mut due: Vec<ReportDue> = reports
        .iter()
        .map(|report| {
            let year = if on(today.year(), report.due) >= today {
                today.year()
            } else {
                today.year() + 1
            };
            let due_on = on(year, report.due);
            // A window that starts in December and ends in January opens the year before.
            let opens_year = if report.opens > report.due { year - 1 } else { year };
            ReportDue {
                report: *report,
                opens_on: on(opens_year, report.opens),
                due_on,
                as_of: report.as_of_year_end.then(|| on(year - 1, (12, 31))),
            }
        })
        .collect();
    due.sort_by_key(|d| d.due_on);
    due
}

/// A unit of the tree an annual report is broken down by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitNode {
    pub id: String,
    pub parent_id: Option<String>,
    pub code: String,
    pub name: String,
}

/// What a row of a broken-down report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// One unit's own people (not those of the units under it).
    Unit,
    /// A unit and everything under it.
    Subtotal,
    /// Everything the report covers.
    Total,
}

impl RowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Unit => "unit",
            RowKind::Subtotal => "subtotal",
            RowKind::Total => "total",
        }
    }
}

/// A row of a report broken down by unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub unit_id: Option<String>,
    pub label: String,
    pub depth: u32,
    pub kind: RowKind,
    pub values: Vec<i64>,
}

/// Rows per unit for the report of `tops` and everything under them, as the annual headcount
/// report to the Ministry lays them out (HY 14.1, TG 16.8: "kể cả đơn vị trực thuộc"): a unit
/// without units under it is one row; a unit with some is a row of its own people, then its
/// units in code order, then its subtotal; the total last. `own(unit)` is a unit's own figures
/// (`width` of them).
pub fn by_unit(
    nodes: &[UnitNode],
    tops: &[&str],
    width: usize,
    own: &dyn Fn(&str) -> Vec<i64>,
) -> Vec<UnitRow> {
    let mut children = std::collections::HashMap::<&str, Vec<&UnitNode>>::new();
    for node in nodes {
        if let Some(parent) = node.parent_id.as_deref() {
            children.entry(parent).or_default().push(node);
        }
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| a.code.cmp(&b.code));
    }
    fn add(into: &mut [i64], values: &[i64]) {
        for (sum, v) in into.iter_mut().zip(values) {
            *sum += v;
        }
    }
    fn walk(
        node: &UnitNode,
        depth: u32,
        children: &std::collections::HashMap<&str, Vec<&UnitNode>>,
        own: &dyn Fn(&str) -> Vec<i64>,
        rows: &mut Vec<UnitRow>,
    ) -> Vec<i64> {
        let mine = own(&node.id);
        let below = children.get(node.id.as_str()).map_or(&[][..], Vec::as_slice);
        let row = |label: String, kind, values: Vec<i64>| UnitRow {
            unit_id: Some(node.id.clone()),
            label,
            depth,
            kind,
            values,
        };
        if below.is_empty() {
            rows.push(row(node.name.clone(), RowKind::Unit, mine.clone()));
            return mine;
        }
        rows.push(row(
            format!("{} (trực tiếp)", node.name),
            RowKind::Unit,
            mine.clone(),
        ));
        let mut sum = mine;
        for child in below {
            let theirs = walk(child, depth + 1, children, own, rows);
            add(&mut sum, &theirs);
        }
        rows.push(row(format!("Cộng {}", node.name), RowKind::Subtotal, sum.clone()));
        sum
    }
    let mut rows = Vec::new();
    let mut total = vec![0; width];
    for top in tops {
        if let Some(node) = nodes.iter().find(|n| n.id == *top) {
            let sum = walk(node, 0, &children, own, &mut rows);
            add(&mut total, &sum);
        }
    }
    rows.push(UnitRow {
        unit_id: None,
        label: "Tổng cộng".into(),
        depth: 0,
        kind: RowKind::Total,
        values: total,
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_are_hidden_with_a_complement_so_the_total_tells_nothing() {
        // Two people of a religion among 44: both cells hidden, or 44 − 42 would give it away.
        assert_eq!(small_cells(&[42, 2]), (vec![true, true], false));
        // Two small cells hide each other.
        assert_eq!(small_cells(&[40, 3, 1]), (vec![false, true, true], false));
        // A zero is the complement when it is the smallest other cell.
        assert_eq!(small_cells(&[30, 0, 4]), (vec![false, true, true], false));
        // Everyone in one small cell: the total is hidden.
        assert_eq!(small_cells(&[3]), (vec![true], true));
        // Nothing small: nothing hidden.
        assert_eq!(small_cells(&[12, 32, 0]), (vec![false, false, false], false));
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_unit_with_units_under_it_has_its_own_row_and_a_subtotal() {
        let node = |id: &str, parent: Option<&str>| UnitNode {
            id: id.into(),
            parent_id: parent.map(Into::into),
            code: id.into(),
            name: format!("Đơn vị {id}"),
        };
        // Sở (own 1) with schools a (2) and b (3, with annex c: 4); d is elsewhere.
        let nodes = [
            node("so", None),
            node("b", Some("so")),
            node("a", Some("so")),
            node("c", Some("b")),
            node("d", None),
        ];
        let own = |id: &str| match id {
            "so" => vec![1, 0],
            "a" => vec![2, 0],
            "b" => vec![0, 3],
            "c" => vec![4, 0],
            _ => vec![100, 100],
        };
        let rows = by_unit(&nodes, &["so"], 2, &own);
        let shown: Vec<(&str, RowKind, u32, Vec<i64>)> = rows
            .iter()
            .map(|r| (r.label.as_str(), r.kind, r.depth, r.values.clone()))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("Đơn vị so (trực tiếp)", RowKind::Unit, 0, vec![1, 0]),
                ("Đơn vị a", RowKind::Unit, 1, vec![2, 0]),
                ("Đơn vị b (trực tiếp)", RowKind::Unit, 1, vec![0, 3]),
                ("Đơn vị c", RowKind::Unit, 2, vec![4, 0]),
                ("Cộng Đơn vị b", RowKind::Subtotal, 1, vec![4, 3]),
                ("Cộng Đơn vị so", RowKind::Subtotal, 0, vec![7, 3]),
                ("Tổng cộng", RowKind::Total, 0, vec![7, 3]),
            ]
        );
    }

    #[test]
    fn tally_counts_not_stated_apart() {
        let people = [
            Facts {
                grade: Some("01.003".into()),
                ..Facts::default()
            },
            Facts {
                grade: Some("01.003".into()),
                ..Facts::default()
            },
            Facts::default(),
        ];
        assert_eq!(
            tally(Dimension::Grade, &people),
            vec![(None, 1), (Some("01.003".into()), 2)]
        );
    }

    #[test]
    fn age_turns_on_the_birthday() {
        assert_eq!(age_on(day(1990, 5, 10), day(2020, 5, 9)), 29);
        assert_eq!(age_on(day(1990, 5, 10), day(2020, 5, 10)), 30);
        let people = vec![
            (Some("1".into()), Some(day(1990, 5, 10))),
            (Some("2".into()), Some(day(1990, 5, 11))),
            (Some("2".into()), None),
        ];
        // On 10/5/2020 the man is 30, the woman still 29.
        assert_eq!(pyramid(&people, day(2020, 5, 10))[..2], [(0, 1), (1, 0)]);
    }

    #[test]
    fn yearly_reports_fall_due_in_turn() {
        use crate::regulation::ProfileName;
        // Hưng Yên, mid-January: the report on last year, due on the 20th.
        let hy = upcoming(annual_reports(ProfileName::HungYen), day(2027, 1, 15));
        assert_eq!(
            (hy[0].opens_on, hy[0].due_on, hy[0].as_of),
            (day(2027, 1, 10), day(2027, 1, 20), Some(day(2026, 12, 31)))
        );
        // The day after it is due, the next one is a year away and counts 2027.
        let next = upcoming(annual_reports(ProfileName::HungYen), day(2027, 1, 21));
        assert_eq!(
            (next[0].due_on, next[0].as_of),
            (day(2028, 1, 20), Some(day(2027, 12, 31)))
        );
        // Tiền Giang in late November: the agencies' activity report first, then the headcount.
        let tg = upcoming(annual_reports(ProfileName::TienGiang), day(2026, 11, 23));
        assert_eq!(tg[0].report.kinds, ["agency_activity"]);
        assert_eq!(
            (tg[0].opens_on, tg[0].due_on, tg[0].as_of),
            (day(2026, 12, 1), day(2026, 12, 14), None)
        );
        assert_eq!(
            (tg[1].due_on, tg[1].as_of),
            (day(2027, 1, 20), Some(day(2026, 12, 31)))
        );
    }
}
