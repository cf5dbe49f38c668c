//! Account management (ACC-1…5, SEC-4). Every change records who, when, why and the decision
//! it rests on, in the same transaction as the change.

use hoso_api_types::accounts::{AccountActionRequest, DecisionRef, IssuedCredentials};
use hoso_domain::access::{check_manage_account, AccountFacts, AccountKind, RightSet, Scope, UnitPath};
use hoso_store::accounts::{self, AccountRow, AccountWithUnit};
use hoso_store::audit::NewAuditEvent;
use hoso_store::{refresh_tokens, DbConnection};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{passwords, Session};
use crate::error::ApiError;
use crate::views;

pub mod get_account;
pub mod get_accounts;
pub mod patch_account;
pub mod post_account;
pub mod post_account_hand_over;
pub mod post_account_lock;
pub mod post_account_reset_password;
pub mod post_account_revoke;
pub mod post_account_unlock;

pub const TAG: &str = "accounts";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_accounts::get_accounts)
        .service(post_account::post_account)
        .service(get_account::get_account)
        .service(patch_account::patch_account)
        .service(post_account_lock::post_account_lock)
        .service(post_account_unlock::post_account_unlock)
        .service(post_account_revoke::post_account_revoke)
        .service(post_account_reset_password::post_account_reset_password)
        .service(post_account_hand_over::post_account_hand_over);
}

/// What the policy knows of a stored account.
pub(crate) fn facts(found: &AccountWithUnit) -> Result<AccountFacts, ApiError> {
    let actor = crate::auth::session::actor_of(found)?;
    Ok(AccountFacts {
        account_id: actor.account_id,
        kind: actor.kind,
        scope: actor.scope,
        rights: actor.rights,
    })
}

pub(crate) fn scope_of(unit_path: Option<&str>) -> Result<Scope, ApiError> {
    match unit_path {
        None => Ok(Scope::Province),
        Some(path) => Ok(Scope::Subtree(UnitPath::parse(path).map_err(ApiError::Internal)?)),
    }
}

/// An audit event about `account`, by the session's account.
pub(crate) fn event_about(
    session: &Session,
    action: &str,
    account: &AccountRow,
    reason: &str,
    decision: Option<&DecisionRef>,
) -> NewAuditEvent {
    let mut event = session.event(action);
    event.target_type = Some("account".into());
    event.target_id = Some(account.id.clone());
    event.unit_id = account.unit_id.clone();
    event.subject_person_id = account.person_id.clone();
    event.right_used = Some(hoso_domain::access::Right::ManageAccounts.as_str().into());
    event.reason = Some(reason.to_owned());
    crate::audit::with_decision(event, decision)
}

/// Loads an account the session may manage; otherwise records the refusal and answers 403/404.
pub(crate) fn load_managed(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    action: &str,
) -> Result<AccountWithUnit, ApiError> {
    let found = accounts::find(conn, id)?.ok_or(ApiError::NotFound)?;
    if let Err(denial) = check_manage_account(&session.actor, &facts(&found)?) {
        let event = event_about(session, action, &found.account, "", None);
        return Err(crate::audit::refuse(conn, event, denial));
    }
    Ok(found)
}

/// A state change of a managed account: load and authorise (a refusal is recorded on its own,
/// outside the change's transaction, so it is never rolled back), then in one transaction let
/// `change` alter the row (or refuse), end its sessions when asked, save against the version
/// the client read, and audit. Returns the account as saved and any temporary password issued.
pub(crate) fn change_account(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    action: &str,
    request: &AccountActionRequest,
    change: impl FnOnce(&mut AccountRow) -> Result<Option<String>, ApiError>,
) -> Result<(AccountWithUnit, Option<String>), ApiError> {
    use diesel::Connection;
    let found = load_managed(conn, session, id, action)?;
    check_decision_document(conn, request.decision.as_ref())?;
    if found.account.version != request.version {
        return Err(ApiError::stale());
    }
    if found.account.status == accounts::STATUS_REVOKED {
        return Err(invalid_state("Tài khoản đã bị thu hồi, không thể thay đổi."));
    }
    conn.transaction(|conn| {
        let mut row = found.account.clone();
        let temporary_password = change(&mut row)?;
        let ends_sessions = row.auth_version != found.account.auth_version;
        // Saved only if nobody changed the account since it was read.
        accounts::save(conn, &row, request.version)?;
        if ends_sessions {
            refresh_tokens::revoke_all_for_account(conn, id)?;
        }
        crate::audit::record(
            conn,
            event_about(session, action, &row, &request.reason, request.decision.as_ref()),
        )?;
        let saved = accounts::find(conn, id)?.ok_or(ApiError::NotFound)?;
        Ok((saved, temporary_password))
    })
}

/// A decision's scanned copy, when named, must be a stored document.
pub(crate) fn check_decision_document(
    conn: &mut DbConnection,
    decision: Option<&DecisionRef>,
) -> Result<(), ApiError> {
    if let Some(id) = decision.and_then(|d| d.document_id.as_deref()) {
        if hoso_store::documents::find(conn, id)?.is_none() {
            return Err(hoso_domain::FieldError::new(
                "decision.document_id",
                "unknown_document",
                "Không tìm thấy bản scan quyết định; hãy tải lên lại.",
            )
            .into());
        }
    }
    Ok(())
}

/// Replaces the password by a temporary one that must be changed at the next sign-in, and
/// ends every session (ACC-5).
pub(crate) fn issue_temporary_password(row: &mut AccountRow) -> String {
    let password = passwords::temporary();
    row.password_hash = passwords::hash(&password);
    row.must_change_password = true;
    row.failed_logins = 0;
    row.locked_until = None;
    row.auth_version += 1;
    password
}

pub(crate) fn credentials(saved: &AccountWithUnit, temporary_password: String) -> IssuedCredentials {
    IssuedCredentials {
        account: views::account(saved),
        temporary_password,
    }
}

pub(crate) fn invalid_state(message: &str) -> ApiError {
    ApiError::Conflict {
        code: "invalid_state",
        message: message.to_owned(),
    }
}

pub(crate) fn rights_of(list: &[hoso_domain::access::Right]) -> RightSet {
    list.iter().copied().collect()
}

pub(crate) fn is_agency(row: &AccountRow) -> bool {
    row.kind == AccountKind::Agency.as_str()
}
