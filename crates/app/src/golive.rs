//! The first run of a real province (ORG-1, issue #14): one function that `hoso init` and the
//! SPA's first-run page (`POST /setup`) both call. It makes the province's root unit from the
//! provinces catalogue, Sở Nội vụ under it and the first administrator, in one transaction.

use hoso_domain::access::{AccountKind, RightSet};
use hoso_domain::password::check_new_password;
use hoso_domain::FieldError;
use hoso_store::accounts::{self, NewAccount};
use hoso_store::audit::NewAuditEvent;
use hoso_store::units::{self, NewUnitEvent, UnitRow};
use hoso_store::{meta, DbConnection};

use crate::error::AppError;
use crate::{passwords, secrets};

/// The digest of the one-time set-up token, while the first run has not happened.
pub const SETUP_TOKEN_KEY: &str = "setup_token_sha256";

pub struct InitRequest {
    /// `provinces` code, e.g. `33`.
    pub province_code: String,
    pub admin_username: String,
    pub admin_display_name: String,
    /// The administrator's password; `None` makes a temporary one to be changed at first sign-in.
    pub admin_password: Option<String>,
}

pub struct InitOutcome {
    pub province: UnitRow,
    pub home_affairs: UnitRow,
    pub admin_username: String,
    /// Set when a temporary password was made (shown once).
    pub temporary_password: Option<String>,
    /// False when the same province and administrator were already there (nothing changed).
    pub created: bool,
}

/// The province's root unit, if the tree has one.
pub fn province(conn: &mut DbConnection) -> Result<Option<UnitRow>, AppError> {
    Ok(units::root(conn)?)
}

/// Whether the deployment still waits for its first run: no province and no administrator.
pub fn setup_needed(conn: &mut DbConnection) -> Result<bool, AppError> {
    Ok(province(conn)?.is_none() && !accounts::any_of_kind(conn, AccountKind::Admin.as_str())?)
}

/// Sets up the province. Running it again with the same province and administrator changes
/// nothing; once a province exists, any other first run is refused (`already_initialised`).
pub fn init_province(conn: &mut DbConnection, request: &InitRequest) -> Result<InitOutcome, AppError> {
    conn.write_transaction(|conn| {
        let entry = hoso_store::catalogs::find_entry(conn, "provinces", &request.province_code)?
            .filter(|e| e.valid_to.is_none())
            .ok_or_else(|| {
                FieldError::new(
                    "province_code",
                    "unknown_code",
                    format!(
                        "Không có tỉnh, thành phố mã «{}» trong danh mục 34 tỉnh, thành phố.",
                        request.province_code
                    ),
                )
            })?;
        let existing_admin = accounts::find_by_username(conn, &request.admin_username)?;
        if let Some(root) = province(conn)? {
            let same = root.code == entry.code
                && existing_admin
                    .as_ref()
                    .is_some_and(|a| a.kind == AccountKind::Admin.as_str());
            if !same {
                return Err(AppError::Conflict {
                    code: "already_initialised",
                    message: format!(
                        "Hệ thống đã được khởi tạo cho {}; không thể khởi tạo lại.",
                        root.name
                    ),
                });
            }
            let home_affairs = units::find_by_code(conn, &home_affairs_code(&entry.code))?
                .ok_or_else(|| AppError::Internal("the province has no Sở Nội vụ".into()))?;
            return Ok(InitOutcome {
                province: root,
                home_affairs,
                admin_username: request.admin_username.clone(),
                temporary_password: None,
                created: false,
            });
        }
        if existing_admin.is_some() {
            return Err(AppError::Conflict {
                code: "username_taken",
                message: "Tên đăng nhập đã được dùng.".into(),
            });
        }
        let (password, temporary) = match &request.admin_password {
            Some(password) => {
                check_new_password("admin_password", password, &request.admin_username)?;
                (password.clone(), false)
            }
            None => (passwords::temporary(), true),
        };
        // The province exists from the day its catalogue entry took effect (1 July 2025).
        let since = entry.valid_from.unwrap_or_else(crate::clock::today);
        let event = units::record_event(
            conn,
            NewUnitEvent {
                kind: "create",
                effective_date: since,
                decision_number: None,
                decision_date: None,
                decision_signer: None,
                document_id: None,
                reason: "Khởi tạo hệ thống (hoso init)".into(),
                actor_id: None,
            },
        )?;
        let root = units::insert(
            conn,
            &entry.code,
            &entry.label,
            "province",
            None,
            since,
            Some(&event),
        )?;
        let home_affairs = units::insert(
            conn,
            &home_affairs_code(&entry.code),
            "Sở Nội vụ",
            "department",
            Some(&root),
            since,
            Some(&event),
        )?;
        let account = accounts::insert(
            conn,
            administrator(
                &request.admin_username,
                &request.admin_display_name,
                &password,
                temporary,
            ),
        )?;
        crate::audit::record(
            conn,
            NewAuditEvent {
                actor_type: "system".into(),
                action: "system.initialised".into(),
                outcome: "success".into(),
                target_type: Some("unit".into()),
                target_id: Some(root.id.clone()),
                unit_id: Some(root.id.clone()),
                reason: Some("hoso init".into()),
                details: Some(
                    serde_json::json!({
                        "province_code": entry.code,
                        "home_affairs_id": home_affairs.id,
                        "admin_account_id": account.id,
                    })
                    .to_string(),
                ),
                ..NewAuditEvent::default()
            },
        )?;
        meta::delete(conn, SETUP_TOKEN_KEY)?;
        Ok(InitOutcome {
            province: root,
            home_affairs,
            admin_username: account.username,
            temporary_password: temporary.then_some(password),
            created: true,
        })
    })
}

/// An administrator of Sở Nội vụ (every right, the whole province), as the first run and
/// `hoso create-admin` make one.
pub fn administrator(username: &str, display_name: &str, password: &str, temporary: bool) -> NewAccount {
    NewAccount {
        username: username.to_owned(),
        display_name: display_name.to_owned(),
        kind: AccountKind::Admin.as_str().into(),
        unit_id: None,
        person_id: None,
        rights: RightSet::all().to_storage(),
        holder_name: None,
        password_hash: passwords::hash(password),
        must_change_password: temporary,
    }
}

/// Sở Nội vụ's unit code under the province.
fn home_affairs_code(province_code: &str) -> String {
    format!("{province_code}.SNV")
}

/// At start, while the first run has not happened: a new one-time token (its digest stored, so
/// any instance accepts it), to be printed for whoever installs the system.
pub fn issue_setup_token(conn: &mut DbConnection) -> Result<Option<String>, AppError> {
    if !setup_needed(conn)? {
        return Ok(None);
    }
    let token = passwords::temporary();
    meta::set(conn, SETUP_TOKEN_KEY, &secrets::digest(&token))?;
    Ok(Some(token))
}

/// Whether `token` is the set-up token in force (compared by digest, in constant time).
pub fn setup_token_matches(conn: &mut DbConnection, token: &str) -> Result<bool, AppError> {
    let Some(stored) = meta::get(conn, SETUP_TOKEN_KEY)? else {
        return Ok(false);
    };
    Ok(secrets::digests_match(&stored, &secrets::digest(token)))
}
