//! Realistic synthetic people for the demo and for scale tests: Vietnamese surnames by their
//! real frequency, given names by gender, plausible dates and careers, grades and salary steps
//! consistent with the salary scales, families, training and ratings. Deterministic: the same
//! seed gives the same people, on any machine. Every dossier it makes passes `validate` and is
//! complete.

use chrono::{Datelike, Months, NaiveDate};

use crate::catalog::{salary_coefficients, shipped};
use crate::dossier::content::*;

/// SplitMix64: tiny, fast, and the same everywhere (no dependency, no platform variation).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An item chosen with the given weights.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut roll = self.below(total);
        for (item, weight) in items {
            if roll < u64::from(*weight) {
                return item;
            }
            roll -= u64::from(*weight);
        }
        &items[items.len() - 1].0
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Surnames with their share of the population in tenths of a percent (approximate, from
/// published surveys of Vietnamese family names).
const SURNAMES: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 71),
    ("Hoàng", 51),
    ("Huỳnh", 20),
    ("Phan", 45),
    ("Vũ", 39),
    ("Võ", 20),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 8),
    ("Trịnh", 6),
    ("Lương", 5),
    ("Đào", 6),
];
const MALE_MIDDLE: &[&str] = &[
    "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thành", "Công", "Mạnh",
];
const FEMALE_MIDDLE: &[&str] = &[
    "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Thùy",
];
const MALE_GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa", "Long", "Minh",
    "Nam", "Phong", "Phúc", "Quân", "Sơn", "Thắng", "Thành", "Trung", "Tuấn", "Tùng", "Việt",
];
const FEMALE_GIVEN: &[&str] = &[
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngân",
    "Nhung", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Uyên", "Vân", "Yến",
];
/// Former provinces people of a Red River delta province are mostly born in.
const BIRTH_PROVINCES: &[(&str, u32)] = &[("33", 45), ("34", 35), ("01", 8), ("30", 5), ("35", 4), ("36", 3)];
const COMMUNES: &[&str] = &[
    "Xã Phụng Công",
    "Xã Nghĩa Trụ",
    "Xã Mễ Sở",
    "Phường Hiến Nam",
    "Xã Tân Hưng",
    "Xã Vũ Phúc",
    "Xã Đông Hòa",
    "Phường Quang Trung",
    "Xã Tiền Phong",
    "Xã Minh Khai",
];

/// What kind of post a generated person holds, which decides their grade and training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Post {
    /// Công chức of a department or commune.
    CivilServant,
    /// Viên chức teaching in an upper-secondary school.
    Teacher,
    /// Viên chức doctor or nurse of a hospital.
    Health,
    /// Người lao động hợp đồng.
    ContractWorker,
}

impl Post {
    /// The employment category stored on the person.
    pub fn category(self) -> &'static str {
        match self {
            Post::CivilServant => "civil_servant",
            Post::Teacher | Post::Health => "public_employee",
            Post::ContractWorker => "contract_worker",
        }
    }
}

/// One generated person with a complete, valid dossier.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticPerson {
    pub full_name: String,
    pub content: DossierContent,
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid generated date")
}

fn some(s: impl AsRef<str>) -> Option<String> {
    Some(s.as_ref().to_owned())
}

/// A person holding `post` in `unit_name`, as of `today`, from `rng`.
pub fn person(rng: &mut Rng, post: Post, unit_name: &str, today: NaiveDate) -> SyntheticPerson {
    let female = rng.chance(if post == Post::Teacher || post == Post::Health {
        65
    } else {
        48
    });
    let surname = *rng.weighted(SURNAMES);
    let middle = *rng.pick(if female { FEMALE_MIDDLE } else { MALE_MIDDLE });
    let given = *rng.pick(if female { FEMALE_GIVEN } else { MALE_GIVEN });
    let full_name = format!("{surname} {middle} {given}");
    let age = 24 + rng.below(34) as i32;
    let birth = day(
        today.year() - age,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    );
    let recruited = birth + Months::new(12 * (22 + rng.below(6) as u32) + rng.below(12) as u32);
    let recruited = recruited.min(today - chrono::Duration::days(30));
    let province = *rng.weighted(BIRTH_PROVINCES);
    let century_gender = (if birth.year() >= 2000 { 2 } else { 0 }) + u32::from(female);
    let citizen_id = format!(
        "0{province}{century_gender}{:02}{:06}",
        birth.year() % 100,
        rng.below(1_000_000)
    );

    let mut content = DossierContent::default();
    let id = &mut content.identity;
    id.full_name = Some(full_name.clone());
    id.gender = some(if female { "2" } else { "1" });
    id.birth_date = Some(birth);
    id.birth_place = Place {
        commune: some(rng.pick(COMMUNES)),
        province: Some(province.to_owned()),
        commune_code: None,
    };
    id.hometown = id.birth_place.clone();
    id.ethnicity = some(if rng.chance(97) { "01" } else { "06" });
    id.religion = some(if rng.chance(90) { "00" } else { "02" });
    id.citizen_id = Some(citizen_id);
    id.citizen_id_issued_on =
        Some(day(2021, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32).max(birth + Months::new(14 * 12)));
    id.phone = Some(format!("09{:08}", rng.below(100_000_000)));
    id.social_insurance_number = Some(format!("33{:08}", rng.below(100_000_000)));
    id.residence = Some(format!("{}, tỉnh Hưng Yên", rng.pick(COMMUNES)));
    id.family_background = some(rng.pick(&["Nông dân", "Công nhân", "Viên chức", "Cán bộ"]));
    id.occupation_before_recruitment = some("Sinh viên");

    let career = &mut content.career;
    career.recruited_on = Some(recruited);
    career.recruiting_body = Some(unit_name.to_owned());
    career.joined_agency_on = Some(recruited);
    career.general_education = some("12/12");
    if rng.chance(40) && post != Post::ContractWorker {
        let joined = recruited + Months::new(12 * (1 + rng.below(5) as u32));
        if joined < today - chrono::Duration::days(400) {
            career.party_joined_on = Some(joined);
            career.party_official_on = Some(joined + Months::new(12));
        }
    }

    let (grade, qualification, field) = match post {
        Post::CivilServant => (
            if age > 45 && rng.chance(40) {
                "01.002"
            } else {
                "01.003"
            },
            "DH",
            "Quản lý nhà nước",
        ),
        Post::Teacher => (
            if age > 40 { "V.07.05.14" } else { "V.07.05.15" },
            "DH",
            "Sư phạm",
        ),
        Post::Health => (
            if rng.chance(50) {
                "V.08.01.03"
            } else {
                "V.08.05.12"
            },
            "DH",
            "Y khoa",
        ),
        Post::ContractWorker => ("", "TC", "Kỹ thuật"),
    };
    career.qualification = some(if qualification == "DH" && rng.chance(20) {
        "ThS"
    } else {
        qualification
    });
    career.qualification_field = some(field);
    content.training.push(TrainingRow {
        kind: TrainingKind::Professional,
        from: Some(recruited - Months::new(48)),
        to: Some(recruited - Months::new(3)),
        institution: some(match post {
            Post::Teacher => "Đại học Sư phạm Hà Nội",
            Post::Health => "Đại học Y Thái Bình",
            Post::ContractWorker => "Trường Cao đẳng Kỹ thuật",
            Post::CivilServant => "Học viện Hành chính Quốc gia",
        }),
        field: some(field),
        mode: some("CQ"),
        level: some(if qualification == "DH" { "DH" } else { "TC" }),
        ..TrainingRow::default()
    });
    content.work_history.push(WorkRow {
        from: Some(recruited),
        to: None,
        unit: Some(unit_name.to_owned()),
        title: some(match post {
            Post::CivilServant => "Chuyên viên",
            Post::Teacher => "Giáo viên",
            Post::Health => "Bác sĩ, điều dưỡng",
            Post::ContractWorker => "Nhân viên hợp đồng",
        }),
    });

    if post == Post::ContractWorker {
        // Half on indefinite contracts since recruitment; half on a fixed term of 12, 24 or 36
        // months signed lately and still running (for the list of contracts ending). Drawn
        // from the contract number, so the generator's sequence — and every later person —
        // stays as it was before contracts had terms.
        let drawn = 1 + rng.below(999);
        let number = Some(format!("{drawn:03}/HĐLĐ"));
        let (kind, signed, term_months, ends_on) = if drawn.is_multiple_of(2) {
            ("KXDTH", recruited, None, None)
        } else {
            let term = 12 * (1 + (drawn / 2 % 3) as u32);
            let signed = (today - Months::new((drawn / 6) as u32 % (term - 1))).max(recruited);
            let ends = signed + Months::new(term) - chrono::Duration::days(1);
            ("XDTH", signed, Some(term), Some(ends))
        };
        content.contract = Some(Contract {
            number,
            kind: some(kind),
            term_months,
            ends_on,
            signed_on: Some(signed),
            starts_on: Some(signed),
            job: some("Bảo vệ, phục vụ"),
            workplace: Some(unit_name.to_owned()),
            working_hours: some("8 giờ/ngày, 40 giờ/tuần"),
            pay: some("Theo Nghị định 111/2022/NĐ-CP"),
            insurance: some("BHXH, BHYT, BHTN"),
            employer_signatory: some("Thủ trưởng đơn vị"),
            ..Contract::default()
        });
    } else {
        salary(&mut content, grade, recruited, today);
    }

    // Family: parents, and a spouse and children for most.
    let father_surname = surname;
    content.family.push(FamilyRow {
        side: FamilySide::Own,
        relation: some("BO"),
        full_name: Some(format!("{father_surname} Văn {}", rng.pick(MALE_GIVEN))),
        birth_year: Some(birth.year() - 25 - rng.below(8) as i32),
        occupation: some("Nghỉ hưu"),
        ..FamilyRow::default()
    });
    content.family.push(FamilyRow {
        side: FamilySide::Own,
        relation: some("ME"),
        full_name: Some(format!(
            "{} Thị {}",
            rng.weighted(SURNAMES),
            rng.pick(FEMALE_GIVEN)
        )),
        birth_year: Some(birth.year() - 22 - rng.below(8) as i32),
        occupation: some("Nông dân"),
        ..FamilyRow::default()
    });
    if age > 27 && rng.chance(80) {
        let spouse_female = !female;
        content.family.push(FamilyRow {
            side: FamilySide::Own,
            relation: some(if spouse_female { "VO" } else { "CHONG" }),
            full_name: Some(format!(
                "{} {} {}",
                rng.weighted(SURNAMES),
                rng.pick(if spouse_female { FEMALE_MIDDLE } else { MALE_MIDDLE }),
                rng.pick(if spouse_female { FEMALE_GIVEN } else { MALE_GIVEN })
            )),
            birth_year: Some(birth.year() - 2 + rng.below(5) as i32),
            occupation: some(rng.pick(&["Giáo viên", "Kỹ sư", "Kinh doanh", "Công chức"])),
            ..FamilyRow::default()
        });
        for _ in 0..rng.below(3) {
            content.family.push(FamilyRow {
                side: FamilySide::Own,
                relation: some("CON"),
                full_name: Some(format!(
                    "{surname} {} {}",
                    rng.pick(MALE_MIDDLE),
                    rng.pick(MALE_GIVEN)
                )),
                birth_year: Some((birth.year() + 26 + rng.below(8) as i32).min(today.year())),
                occupation: some("Học sinh"),
                ..FamilyRow::default()
            });
        }
    }
    // Ratings of the last three years they worked.
    for year in (today.year() - 3)..today.year() {
        if year > recruited.year() {
            content.ratings.push(RatingRow {
                year: Some(year),
                rating: some(*rng.weighted(&[("HTXS", 15), ("HTT", 70), ("HT", 14), ("KHT", 1)])),
                emulation_title: if rng.chance(60) { some("LDTT") } else { None },
            });
        }
    }
    content.personal_history = PersonalHistory {
        arrests: some("Không"),
        former_regime_service: some("Không"),
        foreign_organisations: some("Không"),
    };
    SyntheticPerson { full_name, content }
}

/// Grade, step and the salary history that led to it: one step every three years (two for
/// scales below A1), never past the scale's last step.
fn salary(content: &mut DossierContent, grade: &str, recruited: NaiveDate, today: NaiveDate) {
    let catalogs = shipped();
    let grade_entry = catalogs
        .iter()
        .flat_map(|f| f.entries.iter())
        .find(|e| e.code == grade)
        .expect("generated grades are shipped");
    let scale_code = grade_entry.parent.as_deref().expect("a grade has a scale");
    let scale = catalogs
        .iter()
        .find(|f| f.meta.kind == "salary_scales")
        .and_then(|f| f.entries.iter().find(|e| e.code == scale_code))
        .expect("the scale is shipped");
    let coefficients = salary_coefficients(scale).expect("shipped scales are valid");
    let years_per_step = if scale_code.starts_with('A') && scale_code != "A0" {
        3
    } else {
        2
    };
    let mut history = Vec::new();
    let mut from = recruited;
    let mut step = 1u32;
    loop {
        let next = from + Months::new(12 * years_per_step);
        let last = step as usize >= coefficients.len() || next > today;
        history.push(SalaryRow {
            from: Some(from),
            to: if last {
                None
            } else {
                Some(next - chrono::Duration::days(1))
            },
            grade: Some(grade.to_owned()),
            step: Some(step),
            coefficient: Some(coefficients[step as usize - 1]),
            job_position_pay: None,
        });
        if last {
            break;
        }
        from = next;
        step += 1;
    }
    content.salary.grade = Some(grade.to_owned());
    content.salary.grade_appointed_on = Some(recruited);
    content.salary.step = Some(step);
    content.salary.coefficient = Some(coefficients[step as usize - 1]);
    content.salary.effective_on = Some(from);
    content.salary.percent_received = Some(100);
    content.salary_history = history;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::completeness::missing;
    use crate::dossier::validation::{validate, CatalogIndex};

    fn catalogs() -> CatalogIndex {
        CatalogIndex::from_files(shipped())
    }

    #[test]
    fn generated_dossiers_are_valid_complete_and_deterministic() {
        let today = day(2026, 11, 23);
        let index = catalogs();
        let mut rng = Rng::new(2026);
        let posts = [
            Post::CivilServant,
            Post::Teacher,
            Post::Health,
            Post::ContractWorker,
        ];
        let mut names = std::collections::BTreeSet::new();
        for i in 0..400 {
            let post = posts[i % posts.len()];
            let mut person = person(&mut rng, post, "Trường THPT chuyên Hưng Yên", today);
            assert_eq!(
                validate(&person.content, &index, today),
                Ok(()),
                "{i}: {}",
                person.full_name
            );
            person.content.photo_document_id = Some("photo".into());
            assert_eq!(
                missing(&person.content, post == Post::ContractWorker),
                vec![],
                "{i}"
            );
            names.insert(person.full_name);
        }
        assert!(names.len() > 250, "names vary: {}", names.len());
        let again = person(&mut Rng::new(7), Post::Teacher, "X", today);
        assert_eq!(again, person(&mut Rng::new(7), Post::Teacher, "X", today));
        let nguyen = (0..1000)
            .filter(|_| {
                person(&mut rng, Post::CivilServant, "X", today)
                    .full_name
                    .starts_with("Nguyễn ")
            })
            .count();
        assert!((300..460).contains(&nguyen), "Nguyễn is about 38%: {nguyen}/1000");
    }
}
