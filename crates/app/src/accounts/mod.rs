//! Account management (ACC-1…5, SEC-4). Every change records who, when, why and the decision
//! it rests on, in the same transaction as the change.

pub mod create_account;
pub mod hand_over_account;
pub mod list_accounts;
pub mod list_sign_in_failures;
pub mod lock_account;
pub mod read_account;
pub mod reset_account_password;
pub mod revoke_account;
pub mod unlock_account;
pub mod update_account;
pub use create_account::create_account;
pub use hand_over_account::hand_over_account;
pub use list_accounts::list_accounts;
pub use list_sign_in_failures::list_sign_in_failures;
pub use lock_account::lock_account;
pub use read_account::read_account;
pub use reset_account_password::reset_account_password;
pub use revoke_account::revoke_account;
pub use unlock_account::unlock_account;
pub use update_account::update_account;

use crate::error::AppError;
use crate::passwords;
use crate::session::Session;
use crate::views;
use hoso_api_types::accounts::{AccountActionRequest, DecisionRef, IssuedCredentials};
use hoso_domain::access::{check_manage_account, AccountFacts, AccountKind, RightSet, Scope, UnitPath};
use hoso_store::accounts::{self, AccountRow, AccountWithUnit};
use hoso_store::audit::NewAuditEvent;
use hoso_store::{refresh_tokens, DbConnection};

/// What the policy knows of a stored account.
pub fn facts(found: &AccountWithUnit) -> Result<AccountFacts, AppError> {
    let actor = crate::session::actor_of(found)?;
    Ok(AccountFacts {
        account_id: actor.account_id,
        kind: actor.kind,
        scope: actor.scope,
        rights: actor.rights,
    })
}

pub fn scope_of(unit_path: Option<&str>) -> Result<Scope, AppError> {
    match unit_path {
        None => Ok(Scope::Province),
        Some(path) => Ok(Scope::Subtree(UnitPath::parse(path).map_err(AppError::Internal)?)),
    }
}

/// An audit event about `account`, by the session's account.
pub fn event_about(
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
pub fn load_managed(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    action: &str,
) -> Result<AccountWithUnit, AppError> {
    let found = accounts::find(conn, id)?.ok_or(AppError::NotFound)?;
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
pub fn change_account(
    conn: &mut DbConnection,
    session: &Session,
    id: &str,
    action: &str,
    request: &AccountActionRequest,
    change: impl FnOnce(&mut AccountRow) -> Result<Option<String>, AppError>,
) -> Result<(AccountWithUnit, Option<String>), AppError> {
    let found = load_managed(conn, session, id, action)?;
    check_decision_document(conn, request.decision.as_ref())?;
    if found.account.version != request.version {
        return Err(AppError::stale());
    }
    if found.account.status == accounts::STATUS_REVOKED {
        return Err(invalid_state("Tài khoản đã bị thu hồi, không thể thay đổi."));
    }
    conn.write_transaction(|conn| {
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
        let saved = accounts::find(conn, id)?.ok_or(AppError::NotFound)?;
        Ok((saved, temporary_password))
    })
}

/// A decision's scanned copy, when named, must be a stored document.
pub fn check_decision_document(
    conn: &mut DbConnection,
    decision: Option<&DecisionRef>,
) -> Result<(), AppError> {
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
pub fn issue_temporary_password(row: &mut AccountRow) -> String {
    let password = passwords::temporary();
    row.password_hash = passwords::hash(&password);
    row.must_change_password = true;
    row.failed_logins = 0;
    row.locked_until = None;
    row.auth_version += 1;
    password
}

pub fn credentials(saved: &AccountWithUnit, temporary_password: String) -> IssuedCredentials {
    IssuedCredentials {
        account: views::account(saved),
        temporary_password,
    }
}

pub fn invalid_state(message: &str) -> AppError {
    AppError::Conflict {
        code: "invalid_state",
        message: message.to_owned(),
    }
}

pub fn rights_of(list: &[hoso_domain::access::Right]) -> RightSet {
    list.iter().copied().collect()
}

pub fn is_agency(row: &AccountRow) -> bool {
    row.kind == AccountKind::Agency.as_str()
}
