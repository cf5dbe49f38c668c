//! The demo province, loaded into the configured database so a newcomer sees a living system:
//! a small organisation tree, a few people, and an account of every kind (ACC-1), all with the
//! password [`DEMO_PASSWORD`]. Idempotent: once loaded, running it again changes nothing.
//! Each capability adds its own demo records here as it lands.

use chrono::Utc;
use diesel::Connection;
use hoso_domain::access::{AccountKind, Right, RightSet};
use hoso_store::accounts::{self, NewAccount};
use hoso_store::{meta, people, positions, quotas, units, DbConnection, StoreError};

use crate::auth::passwords;
use crate::config::Settings;
use crate::telemetry;

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
        &[Right::ReadDossiers, Right::ManageAccounts, Right::ViewAudit],
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

/// (code, name, kind, parent code)
const DEMO_UNITS: &[(&str, &str, &str, Option<&str>)] = &[
    ("HY", "Tỉnh Hưng Yên", "province", None),
    ("HY.SNV", "Sở Nội vụ", "department", Some("HY")),
    ("HY.SGDDT", "Sở Giáo dục và Đào tạo", "department", Some("HY")),
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
    ("HY.SYT", "Sở Y tế", "department", Some("HY")),
    (
        "HY.SYT.BVDK",
        "Bệnh viện Đa khoa tỉnh",
        "public_service_unit",
        Some("HY.SYT"),
    ),
    ("HY.XPC", "UBND xã Phụng Công", "commune", Some("HY")),
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
];

pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let mut conn = pool.get()?;
    if let Some(at) = meta::get(&mut conn, meta::DEMO_DATA_KEY)? {
        println!("demo data already loaded ({at}) in {}", config.database);
        return Ok(());
    }
    let password_hash = passwords::hash(DEMO_PASSWORD);
    conn.transaction(|conn| load(conn, &password_hash))?;
    println!("demo data loaded in {}", config.database);
    println!("demo sign-ins (password {DEMO_PASSWORD}):");
    for (username, name, kind, ..) in DEMO_ACCOUNTS {
        println!("  {username:<20} {:<11} {name}", kind.as_str());
    }
    Ok(())
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
    meta::set(conn, meta::DEMO_DATA_KEY, &Utc::now().to_rfc3339())
}
