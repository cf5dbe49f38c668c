//! The demo province, loaded into the configured database so a newcomer sees a living system:
//! a small organisation tree, a few people, and an account of every kind (ACC-1), all with the
//! password [`DEMO_PASSWORD`]. Idempotent: once loaded, running it again changes nothing.
//! Each capability adds its own demo records here as it lands.

use chrono::Utc;
use hoso_domain::access::{AccountKind, Right, RightSet};
use hoso_domain::dossier::canonical_json;
use hoso_domain::synthetic::{self, Post, Rng};
use hoso_store::accounts::{self, NewAccount};
use hoso_store::dossiers;
use hoso_store::{meta, people, positions, quotas, units, DbConnection, StoreError};

use crate::sealing::DataKeys;

pub mod stories;

/// Every demo account's password. Demo data only: never on a real deployment.
pub const DEMO_PASSWORD: &str = "HoSo@demo2026";

/// (username, display name, kind, unit code, person's name for personal accounts, rights)
type DemoAccount = (
    &'static str,
    &'static str,
    AccountKind,
    Option<&'static str>,
    Option<&'static str>,
    &'static [Right],
);

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    (
        "quantri",
        "Quản trị hệ thống — Sở Nội vụ",
        AccountKind::Admin,
        None,
        None,
        Right::ALL,
    ),
    (
        "kiemtra.snv",
        "Lê Thị Hoa — chuyên viên kiểm tra hồ sơ, Sở Nội vụ",
        AccountKind::Admin,
        None,
        None,
        &[Right::ReadDossiers, Right::ReviewDossiers, Right::ViewReports],
    ),
    (
        "sogddt",
        "Sở Giáo dục và Đào tạo",
        AccountKind::Agency,
        Some("HY.SGDDT"),
        None,
        &[
            Right::ReadDossiers,
            Right::CreateDossiers,
            Right::UpdateDossiers,
            Right::ReviewDossiers,
            Right::ApproveDossiers,
            Right::ManageAccounts,
            Right::ViewReports,
            Right::ExportData,
            Right::ViewAudit,
            Right::ManagePositions,
        ],
    ),
    (
        "chuyenvien.sogddt",
        "Trần Thị Bình — chuyên viên tổ chức cán bộ",
        AccountKind::Specialist,
        Some("HY.SGDDT"),
        None,
        &[
            Right::ReadDossiers,
            Right::UpdateDossiers,
            Right::ReviewDossiers,
            Right::ViewReports,
        ],
    ),
    (
        "syte",
        "Sở Y tế",
        AccountKind::Agency,
        Some("HY.SYT"),
        None,
        &[
            Right::ReadDossiers,
            Right::CreateDossiers,
            Right::UpdateDossiers,
            Right::ManageAccounts,
            Right::ViewAudit,
        ],
    ),
    (
        "nguyenvanan",
        "Nguyễn Văn An",
        AccountKind::Personal,
        Some("HY.SGDDT.THPTHY"),
        Some("Nguyễn Văn An"),
        &[],
    ),
];

/// The demo tree as it stands since the 2025 reform took effect (CTX-2).
const DEMO_UNITS_SINCE: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(date) => date,
    None => panic!("a valid date"),
};

/// (code, name, kind, parent code): a merged province as it stands since 1 July 2025 — Sở Nội
/// vụ and the other departments with their divisions and public service units, and twenty
/// communes and wards (no district level). Names are illustrative, not an official list.
const DEMO_UNITS: &[(&str, &str, &str, Option<&str>)] = &[
    ("HY", "Tỉnh Hưng Yên", "province", None),
    ("HY.SNV", "Sở Nội vụ", "department", Some("HY")),
    ("HY.SNV.P01", "Văn phòng Sở", "division", Some("HY.SNV")),
    (
        "HY.SNV.P02",
        "Phòng Tổ chức, biên chế và tổ chức phi chính phủ",
        "division",
        Some("HY.SNV"),
    ),
    (
        "HY.SNV.P03",
        "Phòng Công chức, viên chức",
        "division",
        Some("HY.SNV"),
    ),
    (
        "HY.SNV.P04",
        "Phòng Xây dựng chính quyền và công tác thanh niên",
        "division",
        Some("HY.SNV"),
    ),
    ("HY.STC", "Sở Tài chính", "department", Some("HY")),
    ("HY.STC.P01", "Văn phòng Sở", "division", Some("HY.STC")),
    (
        "HY.STC.P02",
        "Phòng Quản lý ngân sách",
        "division",
        Some("HY.STC"),
    ),
    (
        "HY.STC.P03",
        "Phòng Quản lý giá và công sản",
        "division",
        Some("HY.STC"),
    ),
    ("HY.STP", "Sở Tư pháp", "department", Some("HY")),
    ("HY.STP.P01", "Văn phòng Sở", "division", Some("HY.STP")),
    (
        "HY.STP.P02",
        "Phòng Xây dựng và kiểm tra văn bản",
        "division",
        Some("HY.STP"),
    ),
    (
        "HY.STP.TTTGPL",
        "Trung tâm Trợ giúp pháp lý nhà nước",
        "public_service_unit",
        Some("HY.STP"),
    ),
    ("HY.SXD", "Sở Xây dựng", "department", Some("HY")),
    ("HY.SXD.P01", "Văn phòng Sở", "division", Some("HY.SXD")),
    (
        "HY.SXD.P02",
        "Phòng Quản lý hạ tầng kỹ thuật",
        "division",
        Some("HY.SXD"),
    ),
    ("HY.SCT", "Sở Công Thương", "department", Some("HY")),
    ("HY.SCT.P01", "Văn phòng Sở", "division", Some("HY.SCT")),
    (
        "HY.SCT.P02",
        "Phòng Quản lý công nghiệp",
        "division",
        Some("HY.SCT"),
    ),
    (
        "HY.SNNMT",
        "Sở Nông nghiệp và Môi trường",
        "department",
        Some("HY"),
    ),
    ("HY.SNNMT.P01", "Văn phòng Sở", "division", Some("HY.SNNMT")),
    (
        "HY.SNNMT.P02",
        "Phòng Quản lý đất đai",
        "division",
        Some("HY.SNNMT"),
    ),
    ("HY.SNNMT.P03", "Phòng Thủy lợi", "division", Some("HY.SNNMT")),
    ("HY.SKHCN", "Sở Khoa học và Công nghệ", "department", Some("HY")),
    ("HY.SKHCN.P01", "Văn phòng Sở", "division", Some("HY.SKHCN")),
    (
        "HY.SKHCN.P02",
        "Phòng Chuyển đổi số",
        "division",
        Some("HY.SKHCN"),
    ),
    (
        "HY.SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "department",
        Some("HY"),
    ),
    ("HY.SVHTTDL.P01", "Văn phòng Sở", "division", Some("HY.SVHTTDL")),
    (
        "HY.SVHTTDL.P02",
        "Phòng Quản lý văn hóa",
        "division",
        Some("HY.SVHTTDL"),
    ),
    (
        "HY.SVHTTDL.BTT",
        "Bảo tàng tỉnh",
        "public_service_unit",
        Some("HY.SVHTTDL"),
    ),
    ("HY.SGDDT", "Sở Giáo dục và Đào tạo", "department", Some("HY")),
    ("HY.SGDDT.P01", "Văn phòng Sở", "division", Some("HY.SGDDT")),
    (
        "HY.SGDDT.P02",
        "Phòng Tổ chức cán bộ",
        "division",
        Some("HY.SGDDT"),
    ),
    (
        "HY.SGDDT.THPTHY",
        "Trường THPT chuyên Hưng Yên",
        "public_service_unit",
        Some("HY.SGDDT"),
    ),
    (
        "HY.SGDDT.THPTTB",
        "Trường THPT Thái Bình",
        "public_service_unit",
        Some("HY.SGDDT"),
    ),
    (
        "HY.SGDDT.THPTPC",
        "Trường THPT Phù Cừ",
        "public_service_unit",
        Some("HY.SGDDT"),
    ),
    ("HY.SYT", "Sở Y tế", "department", Some("HY")),
    ("HY.SYT.P01", "Văn phòng Sở", "division", Some("HY.SYT")),
    ("HY.SYT.P02", "Phòng Nghiệp vụ Y", "division", Some("HY.SYT")),
    (
        "HY.SYT.TTKSBT",
        "Trung tâm Kiểm soát bệnh tật tỉnh",
        "public_service_unit",
        Some("HY.SYT"),
    ),
    (
        "HY.SYT.BVDK",
        "Bệnh viện Đa khoa tỉnh",
        "public_service_unit",
        Some("HY.SYT"),
    ),
    ("HY.SDTTG", "Sở Dân tộc và Tôn giáo", "department", Some("HY")),
    ("HY.SDTTG.P01", "Văn phòng Sở", "division", Some("HY.SDTTG")),
    ("HY.TTR", "Thanh tra tỉnh", "department", Some("HY")),
    ("HY.TTR.P01", "Văn phòng", "division", Some("HY.TTR")),
    ("HY.TTR.P02", "Phòng Nghiệp vụ 1", "division", Some("HY.TTR")),
    ("HY.VPUB", "Văn phòng UBND tỉnh", "department", Some("HY")),
    (
        "HY.VPUB.P01",
        "Phòng Hành chính - Tổ chức",
        "division",
        Some("HY.VPUB"),
    ),
    ("HY.VPUB.P02", "Phòng Tổng hợp", "division", Some("HY.VPUB")),
    (
        "HY.VPUB.TTPVHCC",
        "Trung tâm Phục vụ hành chính công",
        "public_service_unit",
        Some("HY.VPUB"),
    ),
    ("HY.PPHOHIEN", "UBND phường Phố Hiến", "commune", Some("HY")),
    ("HY.PSONNAM", "UBND phường Sơn Nam", "commune", Some("HY")),
    ("HY.PHONGCHAU", "UBND phường Hồng Châu", "commune", Some("HY")),
    ("HY.PMYHAO", "UBND phường Mỹ Hào", "commune", Some("HY")),
    ("HY.PDUONGHAO", "UBND phường Đường Hào", "commune", Some("HY")),
    ("HY.PTHUONGHONG", "UBND phường Thượng Hồng", "commune", Some("HY")),
    ("HY.PTRANLAM", "UBND phường Trần Lãm", "commune", Some("HY")),
    ("HY.PTHAIBINH", "UBND phường Thái Bình", "commune", Some("HY")),
    ("HY.PTRALY", "UBND phường Trà Lý", "commune", Some("HY")),
    ("HY.PVUPHUC", "UBND phường Vũ Phúc", "commune", Some("HY")),
    ("HY.XPC", "UBND xã Phụng Công", "commune", Some("HY")),
    ("HY.XVANGIANG", "UBND xã Văn Giang", "commune", Some("HY")),
    ("HY.XNGHIATRU", "UBND xã Nghĩa Trụ", "commune", Some("HY")),
    ("HY.XMESO", "UBND xã Mễ Sở", "commune", Some("HY")),
    ("HY.XKHOAICHAU", "UBND xã Khoái Châu", "commune", Some("HY")),
    ("HY.XKIMDONG", "UBND xã Kim Động", "commune", Some("HY")),
    ("HY.XTIENLU", "UBND xã Tiên Lữ", "commune", Some("HY")),
    ("HY.XQUYNHPHU", "UBND xã Quỳnh Phụ", "commune", Some("HY")),
    ("HY.XDONGHUNG", "UBND xã Đông Hưng", "commune", Some("HY")),
    ("HY.XTIENHAI", "UBND xã Tiền Hải", "commune", Some("HY")),
];

/// (name, unit code, category): people without accounts yet, for agencies to issue them.
const DEMO_PEOPLE: &[(&str, &str, &str)] = &[
    ("Lê Thị Cúc", "HY.SGDDT.THPTHY", "public_employee"),
    ("Phạm Văn Dũng", "HY.SGDDT.THPTTB", "public_employee"),
    ("Hoàng Thị Em", "HY.SYT.BVDK", "public_employee"),
    ("Vũ Thị Giang", "HY.SGDDT", "civil_servant"),
    ("Đinh Văn Hùng", "HY.SGDDT.THPTHY", "contract_worker"),
];

/// (unit code, position code, name, group, required grade or title, posts, holders' names)
type DemoPosition = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    i32,
    &'static [&'static str],
);

const DEMO_POSITIONS: &[DemoPosition] = &[
    ("HY.SGDDT.THPTHY", "HT", "Hiệu trưởng", "leadership", None, 1, &[]),
    (
        "HY.SGDDT.THPTHY",
        "GV-THPT-II",
        "Giáo viên trung học phổ thông hạng II",
        "professional",
        Some("V.07.05.14"),
        60,
        &["Nguyễn Văn An", "Lê Thị Cúc"],
    ),
    (
        "HY.SGDDT.THPTHY",
        "KT",
        "Kế toán",
        "shared_professional",
        Some("06.032"),
        1,
        &[],
    ),
    (
        "HY.SGDDT.THPTHY",
        "BV",
        "Bảo vệ",
        "support",
        None,
        2,
        &["Đinh Văn Hùng"],
    ),
    (
        "HY.SNV",
        "GD",
        "Giám đốc Sở",
        "leadership",
        Some("01.001"),
        1,
        &[],
    ),
    (
        "HY.SNV",
        "PGD",
        "Phó Giám đốc Sở",
        "leadership",
        Some("01.002"),
        3,
        &[],
    ),
    (
        "HY.SNV.P03",
        "CV-QLCCVC",
        "Chuyên viên quản lý công chức, viên chức",
        "professional",
        Some("01.003"),
        6,
        &[],
    ),
    ("HY.XPC", "CT", "Chủ tịch UBND xã", "leadership", None, 1, &[]),
    (
        "HY.XPC",
        "CV-VP",
        "Chuyên viên Văn phòng HĐND và UBND",
        "professional",
        Some("01.003"),
        4,
        &[],
    ),
    (
        "HY.SGDDT",
        "CV-TCCB",
        "Chuyên viên tổ chức cán bộ",
        "professional",
        Some("01.003"),
        3,
        &["Vũ Thị Giang"],
    ),
];

/// (unit code, civil servants, public employees, contract workers): this year's quotas.
const DEMO_QUOTAS: &[(&str, i64, i64, i64)] = &[
    ("HY.SGDDT", 30, 0, 2),
    ("HY.SGDDT.THPTHY", 0, 85, 6),
    ("HY.SGDDT.THPTTB", 0, 70, 5),
    ("HY.SYT", 35, 0, 2),
    ("HY.SYT.BVDK", 0, 420, 40),
    ("HY.SNV", 42, 0, 3),
    ("HY.STC", 48, 0, 3),
    ("HY.STP", 30, 12, 2),
    ("HY.VPUB", 55, 20, 8),
    ("HY.XPC", 22, 0, 2),
    ("HY.PPHOHIEN", 24, 0, 2),
];

/// Seed of the generated demo people: the same people on every machine.
pub const DEMO_SEED: u64 = 2026;

/// Where generated people work: (unit code, kind of post, how many). The units the tests act on
/// (the two named schools, the hospital) keep only the named cast.
const DEMO_STAFFING: &[(&str, Post, u32)] = &[
    ("HY.SGDDT.THPTPC", Post::Teacher, 40),
    ("HY.SGDDT.THPTPC", Post::ContractWorker, 3),
    ("HY.SYT.TTKSBT", Post::Health, 30),
    ("HY.SYT.TTKSBT", Post::ContractWorker, 2),
];

/// Generates people across the province, each with a dossier approved as version 1 by the
/// administrator: civil servants in every department, division and commune, teachers, health
/// workers and contract workers. Returns how many.
pub fn load_people(conn: &mut DbConnection, keys: &DataKeys, seed: u64) -> anyhow::Result<usize> {
    let today = crate::clock::today();
    let approver = accounts::find_by_username(conn, "quantri")?
        .ok_or(StoreError::NotFound)?
        .id;
    let catalogs = crate::catalogs::index(conn).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let cast: Vec<&str> = DEMO_PEOPLE
        .iter()
        .map(|(name, ..)| *name)
        .chain(DEMO_ACCOUNTS.iter().filter_map(|a| a.4))
        .chain(stories::story_names())
        .collect();
    let mut rng = Rng::new(seed);
    let mut plan: Vec<(String, String, Post, u32)> = Vec::new();
    for (code, name, kind, _) in DEMO_UNITS {
        match *kind {
            "department" => plan.push(((*code).into(), (*name).into(), Post::CivilServant, 6)),
            "division" => plan.push(((*code).into(), (*name).into(), Post::CivilServant, 3)),
            "commune" => {
                plan.push(((*code).into(), (*name).into(), Post::CivilServant, 5));
                plan.push(((*code).into(), (*name).into(), Post::ContractWorker, 1));
            }
            _ => {}
        }
    }
    for (code, post, count) in DEMO_STAFFING {
        let name = DEMO_UNITS
            .iter()
            .find(|u| u.0 == *code)
            .map(|u| u.1)
            .unwrap_or(code);
        plan.push(((*code).into(), name.into(), *post, *count));
    }
    let mut made = 0;
    let mut generator = Generator::new(conn, keys, &catalogs, &approver, &cast, today, &mut rng)?;
    for (code, unit_name, post, count) in plan {
        let unit = units::find_by_code(conn, &code)?.ok_or(StoreError::NotFound)?;
        for _ in 0..count {
            generator.person(conn, &unit.id, &unit_name, post)?;
            made += 1;
        }
    }
    Ok(made)
}

/// Makes generated people with approved dossiers, the way the demo and the bulk load do.
struct Generator<'a> {
    keys: &'a DataKeys,
    catalogs: &'a hoso_domain::dossier::validation::CatalogIndex,
    approver: &'a str,
    /// Names of the demo's cast, never given to a generated person.
    cast: &'a [&'a str],
    today: chrono::NaiveDate,
    rng: &'a mut Rng,
    /// Citizen-ID hashes on file: a generated number must not repeat one (unique by law).
    taken: std::collections::HashSet<String>,
    /// Dossiers opened so far, for the next number.
    opened: i64,
}

impl<'a> Generator<'a> {
    fn new(
        conn: &mut DbConnection,
        keys: &'a DataKeys,
        catalogs: &'a hoso_domain::dossier::validation::CatalogIndex,
        approver: &'a str,
        cast: &'a [&'a str],
        today: chrono::NaiveDate,
        rng: &'a mut Rng,
    ) -> anyhow::Result<Self> {
        Ok(Generator {
            keys,
            catalogs,
            approver,
            cast,
            today,
            rng,
            taken: dossiers::citizen_id_hashes(conn)?,
            opened: dossiers::count(conn)?,
        })
    }

    /// One person in the unit, with a dossier approved as version 1 by the administrator.
    fn person(
        &mut self,
        conn: &mut DbConnection,
        unit_id: &str,
        unit_name: &str,
        post: Post,
    ) -> anyhow::Result<()> {
        let (generated, sealed) = loop {
            let candidate = synthetic::person(self.rng, post, unit_name, self.today);
            if self.cast.contains(&candidate.full_name.as_str()) {
                continue;
            }
            let sealed = crate::dossiers::seal(self.keys, &candidate.content, &candidate.full_name);
            if let Some(hash) = &sealed.citizen_id_hash {
                if !self.taken.insert(hash.clone()) {
                    continue;
                }
            }
            break (candidate, sealed);
        };
        hoso_domain::dossier::validation::validate(&generated.content, self.catalogs, self.today)
            .map_err(|e| anyhow::anyhow!("generated dossier invalid: {:?}", e.into_vec()))?;
        let person = people::insert_in_category(conn, &generated.full_name, unit_id, post.category())?;
        let number = dossiers::number_after(self.opened);
        self.opened += 1;
        let dossier = dossiers::create(conn, &person.id, &number, sealed.stored(), self.approver)?;
        let hash = crate::secrets::digest_bytes(canonical_json(&sealed.whole).as_bytes());
        dossiers::approve_draft(
            conn,
            &dossier.id,
            1,
            &hash,
            None,
            self.approver,
            Some("Dữ liệu mẫu"),
        )?;
        Ok(())
    }
}

/// Adds `count` generated people with approved dossiers to the demo province, spread over its
/// departments, divisions, communes and service units (for benchmarks at scale, issue #7), in
/// transactions of 1,000; prints progress. Returns how many.
/// `count` generated people with approved dossiers spread over the demo's agencies, schools,
/// hospitals and communes — or all in the unit `only_unit` (a unit of hundreds, for the tests
/// of what a large unit needs).
pub fn load_bulk(
    conn: &mut DbConnection,
    keys: &DataKeys,
    count: usize,
    seed: u64,
    only_unit: Option<&str>,
) -> anyhow::Result<usize> {
    let today = crate::clock::today();
    let approver = accounts::find_by_username(conn, "quantri")?
        .ok_or_else(|| anyhow::anyhow!("load the demo province first (hoso seed-demo)"))?
        .id;
    let catalogs = crate::catalogs::index(conn).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let cast: Vec<&str> = DEMO_PEOPLE
        .iter()
        .map(|(name, ..)| *name)
        .chain(stories::story_names())
        .collect();
    let places: Vec<(String, String, Post)> = DEMO_UNITS
        .iter()
        .filter_map(|(code, name, kind, _)| {
            let post = match *kind {
                "department" | "division" | "commune" => Post::CivilServant,
                "public_service_unit" if code.starts_with("HY.SGDDT") => Post::Teacher,
                "public_service_unit" => Post::Health,
                _ => return None,
            };
            Some(((*code).to_owned(), (*name).to_owned(), post))
        })
        .filter(|(code, ..)| only_unit.is_none_or(|only| only == code))
        .collect();
    if places.is_empty() {
        anyhow::bail!("no demo unit has the code {}", only_unit.unwrap_or_default());
    }
    let mut unit_ids = Vec::new();
    for (code, ..) in &places {
        unit_ids.push(units::find_by_code(conn, code)?.ok_or(StoreError::NotFound)?.id);
    }
    let mut rng = Rng::new(seed);
    let mut generator = Generator::new(conn, keys, &catalogs, &approver, &cast, today, &mut rng)?;
    let mut made = 0;
    while made < count {
        let batch = (count - made).min(1000);
        conn.write_transaction(|conn| -> anyhow::Result<()> {
            for i in 0..batch {
                let at = (made + i) % places.len();
                // One in twelve is a contract worker, wherever they work.
                let post = if (made + i) % 12 == 11 {
                    Post::ContractWorker
                } else {
                    places[at].2
                };
                generator.person(conn, &unit_ids[at], &places[at].1, post)?;
            }
            Ok(())
        })?;
        made += batch;
        conn.refresh_statistics()?;
        println!("{made} / {count}");
    }
    Ok(made)
}

/// Loads the demo province in one transaction. Public for tests that want the same cast.
pub fn load(conn: &mut DbConnection, password_hash: &str) -> Result<(), StoreError> {
    for (code, name, kind, parent) in DEMO_UNITS {
        let parent = match parent {
            Some(code) => Some(units::find_by_code(conn, code)?.ok_or(StoreError::NotFound)?),
            None => None,
        };
        units::insert(conn, code, name, kind, parent.as_ref(), DEMO_UNITS_SINCE, None)?;
    }
    for (name, unit_code, category) in DEMO_PEOPLE {
        let unit = units::find_by_code(conn, unit_code)?.ok_or(StoreError::NotFound)?;
        people::insert_in_category(conn, name, &unit.id, category)?;
    }
    for (username, display_name, kind, unit_code, person_name, rights) in DEMO_ACCOUNTS {
        let unit = match unit_code {
            Some(code) => Some(units::find_by_code(conn, code)?.ok_or(StoreError::NotFound)?),
            None => None,
        };
        let person = match (person_name, &unit) {
            (Some(name), Some(unit)) => Some(people::insert(conn, name, &unit.id)?),
            _ => None,
        };
        accounts::insert(
            conn,
            NewAccount {
                username: (*username).into(),
                display_name: (*display_name).into(),
                kind: kind.as_str().into(),
                unit_id: unit.map(|u| u.id),
                person_id: person.map(|p| p.id),
                rights: rights.iter().copied().collect::<RightSet>().to_storage(),
                holder_name: (*kind == AccountKind::Agency)
                    .then(|| "Cán bộ đầu mối (dữ liệu mẫu)".to_owned()),
                password_hash: password_hash.to_owned(),
                must_change_password: false,
            },
        )?;
    }
    for (unit_code, code, name, group, required_grade, posts, holders) in DEMO_POSITIONS {
        let unit = units::find_by_code(conn, unit_code)?.ok_or(StoreError::NotFound)?;
        let position = positions::insert(
            conn,
            positions::NewPosition {
                unit_id: &unit.id,
                code,
                name,
                group,
                required_grade: *required_grade,
                posts: *posts,
            },
        )?;
        for holder in *holders {
            let person = people::in_units(conn, std::slice::from_ref(&unit.id))?
                .into_iter()
                .find(|p| p.full_name == *holder)
                .ok_or(StoreError::NotFound)?;
            positions::assign(conn, &person.id, Some(&position.id))?;
        }
    }
    let admin = accounts::find_by_username(conn, "quantri")?.ok_or(StoreError::NotFound)?;
    let year = chrono::Datelike::year(&crate::clock::today());
    for (code, civil_servants, public_employees, contract_workers) in DEMO_QUOTAS {
        let unit = units::find_by_code(conn, code)?.ok_or(StoreError::NotFound)?;
        let quota = quotas::ByCategory {
            civil_servants: *civil_servants,
            public_employees: *public_employees,
            contract_workers: *contract_workers,
        };
        quotas::set(conn, &unit.id, year, quota, Some("Dữ liệu mẫu"), &admin.id)?;
    }
    // The demo's connection to the national database (the simulator) runs under a sample
    // consent, so that `cargo xtask run` shows the whole flow (INT-3).
    let consent = crate::national::consent::Consent {
        number: "45/QĐ-UBND".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 10, 15).expect("a day"),
        signer: "Chủ tịch UBND tỉnh (dữ liệu mẫu)".into(),
        document_id: None,
        covers_sensitive: false,
        recorded_by: "quantri".into(),
        recorded_at: Utc::now(),
    };
    meta::set(
        conn,
        crate::national::consent::KEY,
        &serde_json::to_string(&consent).expect("a consent serialises"),
    )?;
    meta::set(conn, meta::DEMO_DATA_KEY, &Utc::now().to_rfc3339())
}

/// The demo province's upper-secondary schools (code, name): where generated teachers of a
/// sample import work.
pub fn demo_schools() -> Vec<(&'static str, &'static str)> {
    DEMO_UNITS
        .iter()
        .filter(|(code, ..)| code.starts_with("HY.SGDDT.THPT"))
        .map(|(code, name, ..)| (*code, *name))
        .collect()
}

/// A staff workbook (the import template filled) of `count` generated teachers of the demo
/// schools, with their sections.
pub fn sample_workbook(count: usize, seed: u64) -> Result<Vec<u8>, crate::AppError> {
    let catalogs =
        hoso_domain::dossier::validation::CatalogIndex::from_files(hoso_domain::catalog::shipped());
    let rows = staff_rows(&demo_schools(), count, seed);
    crate::imports::sheets::filled(hoso_domain::import::ImportKind::Staff, &catalogs, &rows)
}

/// The rows of a staff workbook (issue #15) of `count` generated people spread over `units`
/// (code, name) as teachers, each with their sections: for the import's tests and
/// `cargo xtask bench-import`. Citizen IDs are distinct.
pub fn staff_rows(
    units: &[(&str, &str)],
    count: usize,
    seed: u64,
) -> Vec<(hoso_domain::import::Sheet, Vec<hoso_domain::import::CellInput>)> {
    let today = crate::clock::today();
    let mut rng = Rng::new(seed);
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    while seen.len() < count {
        let (code, name) = units[seen.len() % units.len()];
        let person = hoso_domain::synthetic::person(&mut rng, Post::Teacher, name, today);
        let citizen = person.content.identity.citizen_id.clone().unwrap_or_default();
        if !seen.insert(citizen) {
            continue;
        }
        let placement = hoso_domain::import::Placement {
            unit_code: code.to_owned(),
            category: Post::Teacher.category().to_owned(),
            ..Default::default()
        };
        rows.extend(hoso_domain::import::person_rows(&person.content, &placement));
    }
    rows
}
