use hoso_api_types::accounts::{CreateAccountRequest, IssuedCredentials};
use hoso_domain::access::{check_grant, AccountFacts, AccountKind};
use hoso_domain::FieldError;
use hoso_store::accounts::{self, NewAccount};
use hoso_store::{people, units};
use validator::Validate;

use crate::error::AppError;
use crate::passwords;
use crate::session::Session;
use crate::App;

/// Create and issue an account (ACC-3, ACC-6). Administrators create any kind; agencies (and
/// HR specialists with `manage_accounts`) create personal accounts in their subtree. Nobody
/// grants a right they lack or a scope beyond their own (SEC-4); a person has at most one
/// personal account (ACC-2). The answer carries a temporary password, shown once, that must be
/// changed at the first sign-in.
pub async fn create_account(
    app: &App,
    session: Session,
    body: CreateAccountRequest,
) -> Result<IssuedCredentials, AppError> {
    body.validate()?;
    let temporary_password = passwords::temporary();
    let password_hash = tokio::task::spawn_blocking({
        let password = temporary_password.clone();
        move || passwords::hash(&password)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let (mail, now) = (app.mail.clone(), app.clock.now_naive());
    let created = app
        .db(move |conn| {
            // Where the account acts: the province, a unit's subtree, or its person's unit.
            let (unit_id, unit_path) = match body.kind {
                AccountKind::Admin => {
                    if body.unit_id.is_some() {
                        return Err(FieldError::new(
                            "unit_id",
                            "not_allowed",
                            "Tài khoản quản trị có phạm vi toàn tỉnh, không gắn với đơn vị.",
                        )
                        .into());
                    }
                    (None, None)
                }
                AccountKind::Personal => {
                    let person_id = body.person_id.as_deref().ok_or_else(|| {
                        AppError::from(FieldError::new(
                            "person_id",
                            "required",
                            "Tài khoản cá nhân phải gắn với một người.",
                        ))
                    })?;
                    let (person, path) =
                        people::find_with_unit_path(conn, person_id)?.ok_or(AppError::NotFound)?;
                    if body.unit_id.as_ref().is_some_and(|u| *u != person.unit_id) {
                        return Err(FieldError::new(
                            "unit_id",
                            "mismatch",
                            "Tài khoản cá nhân thuộc đơn vị quản lý người đó.",
                        )
                        .into());
                    }
                    (Some(person.unit_id), Some(path))
                }
                AccountKind::Agency | AccountKind::Specialist => {
                    let unit_id = body.unit_id.as_deref().ok_or_else(|| {
                        AppError::from(FieldError::new(
                            "unit_id",
                            "required",
                            "Chọn đơn vị của tài khoản.",
                        ))
                    })?;
                    let unit = units::find(conn, unit_id)?.ok_or(AppError::NotFound)?;
                    (Some(unit.id), Some(unit.path))
                }
            };
            if body.kind != AccountKind::Personal && body.person_id.is_some() {
                return Err(FieldError::new(
                    "person_id",
                    "not_allowed",
                    "Chỉ tài khoản cá nhân gắn với một người.",
                )
                .into());
            }
            let rights = super::rights_of(&body.rights);
            let target = AccountFacts {
                account_id: String::new(),
                kind: body.kind,
                scope: super::scope_of(unit_path.as_deref())?,
                rights: rights.clone(),
            };
            let mut event = session.event("account.created");
            event.target_type = Some("account".into());
            event.unit_id = unit_id.clone();
            event.subject_person_id = body.person_id.clone();
            event.right_used = Some("manage_accounts".into());
            event.reason = Some(body.reason.clone());
            let event = crate::audit::with_decision(event, body.decision.as_ref());
            super::check_decision_document(conn, body.decision.as_ref())?;
            if let Err(denial) = check_grant(&session.actor, &target) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            conn.write_transaction(|conn| {
                if accounts::find_by_username(conn, &body.username)?.is_some() {
                    return Err(AppError::Conflict {
                        code: "username_taken",
                        message: "Tên đăng nhập đã được dùng.".into(),
                    });
                }
                if let Some(person_id) = &body.person_id {
                    if accounts::find_by_person(conn, person_id)?.is_some() {
                        return Err(AppError::Conflict {
                            code: "person_has_account",
                            message: "Người này đã có tài khoản cá nhân (mỗi người chỉ có một tài khoản)."
                                .into(),
                        });
                    }
                }
                let row = accounts::insert(
                    conn,
                    NewAccount {
                        username: body.username.trim().to_owned(),
                        display_name: body.display_name.trim().to_owned(),
                        kind: body.kind.as_str().to_owned(),
                        unit_id,
                        person_id: body.person_id.clone(),
                        rights: rights.to_storage(),
                        holder_name: body
                            .holder_name
                            .clone()
                            .filter(|_| body.kind == AccountKind::Agency),
                        password_hash,
                        must_change_password: true,
                    },
                )?;
                let mut event = event;
                event.target_id = Some(row.id.clone());
                crate::audit::record(conn, event)?;
                if let Some(email) = body.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
                    hoso_store::mail::save(conn, &row.id, Some(email), &[], now)?;
                    crate::mail::queue(conn, &mail, &row.id, issued_letter(&row), &row.id, now)?;
                }
                accounts::find(conn, &row.id)?.ok_or(AppError::NotFound)
            })
        })
        .await?;
    Ok(super::credentials(&created, temporary_password))
}

/// The holder learns their user name and where to sign in; the temporary password reaches them
/// from the officer who issued it, never by email.
fn issued_letter(row: &accounts::AccountRow) -> crate::mail::Letter {
    crate::mail::Letter {
        kind: crate::mail::MailKind::AccountIssued,
        subject: "Tài khoản hồ sơ điện tử của bạn đã được cấp".into(),
        lines: vec![
            format!("Kính gửi {},", row.display_name),
            format!(
                "Tài khoản của bạn trên hệ thống hồ sơ điện tử đã được cấp. Tên đăng nhập: {}",
                row.username
            ),
            "Mật khẩu tạm thời do cán bộ cấp tài khoản trao trực tiếp cho bạn (không gửi qua thư); \
             bạn sẽ đặt mật khẩu mới ở lần đăng nhập đầu tiên."
                .into(),
        ],
        link: "/dang-nhap",
    }
}
