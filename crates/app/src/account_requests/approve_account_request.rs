use chrono::Utc;
use hoso_api_types::accounts::{ApprovedAccountRequest, DecideRequest};
use hoso_domain::access::{check_decide_account_request, check_grant, AccountFacts, AccountKind, RightSet};
use hoso_store::account_requests;
use hoso_store::accounts::{self, NewAccount};
use validator::Validate;

use crate::error::AppError;
use crate::passwords;
use crate::session::Session;
use crate::views;
use crate::App;

/// Approve a pending request (Sở Nội vụ, ACC-7): the account is created as asked, with a
/// temporary password shown once, subject to the same limits as any grant (SEC-4).
pub async fn approve_account_request(
    app: &App,
    session: Session,
    id: String,
    body: DecideRequest,
) -> Result<ApprovedAccountRequest, AppError> {
    body.validate()?;
    check_decide_account_request(&session.actor)?;
    let (id, note) = (id, body.note);
    let password = passwords::temporary();
    let hash = {
        let password = password.clone();
        tokio::task::spawn_blocking(move || passwords::hash(&password))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
    };
    let (request, account) = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let (mut request, path) = account_requests::find(conn, &id)?.ok_or(AppError::NotFound)?;
                if request.status != "pending" {
                    return Err(AppError::Conflict {
                        code: "already_decided",
                        message: "Đề nghị này đã được xử lý.".into(),
                    });
                }
                let kind: AccountKind = request.kind.parse().map_err(AppError::Internal)?;
                let rights = RightSet::from_storage(&request.rights).map_err(AppError::Internal)?;
                let target = AccountFacts {
                    account_id: String::new(),
                    kind,
                    scope: super::super::accounts::scope_of(Some(&path))?,
                    rights: rights.clone(),
                };
                check_grant(&session.actor, &target)?;
                if accounts::find_by_username(conn, &request.username)?.is_some() {
                    return Err(AppError::Conflict {
                        code: "username_taken",
                        message: "Tên đăng nhập đã được dùng.".into(),
                    });
                }
                let account = accounts::insert(
                    conn,
                    NewAccount {
                        username: request.username.clone(),
                        display_name: request.display_name.clone(),
                        kind: request.kind.clone(),
                        unit_id: Some(request.unit_id.clone()),
                        person_id: None,
                        rights: rights.to_storage(),
                        holder_name: None,
                        password_hash: hash,
                        must_change_password: true,
                    },
                )?;
                request.status = "approved".into();
                request.decided_by = Some(session.account.account.id.clone());
                request.decided_at = Some(Utc::now().naive_utc());
                request.decision_note = Some(note.clone());
                request.created_account_id = Some(account.id.clone());
                account_requests::decide(conn, &request)?;
                let mut event = super::super::accounts::event_about(
                    &session,
                    "account_request.approved",
                    &account,
                    &note,
                    None,
                );
                event.details = Some(serde_json::json!({ "request_id": request.id }).to_string());
                crate::audit::record(conn, event)?;
                let account = accounts::find(conn, &account.id)?.ok_or(AppError::NotFound)?;
                Ok((request, account))
            })
        })
        .await?;
    Ok(ApprovedAccountRequest {
        request: views::account_request(&request),
        credentials: super::super::accounts::credentials(&account, password),
    })
}
