use hoso_api_types::accounts::{AccountView, ChangeAccountRequest};
use hoso_domain::access::{check_change_account, AccountFacts, AccountKind};
use hoso_domain::FieldError;
use hoso_store::{accounts, refresh_tokens, units};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// Change an account: its name, its rights (restrict or expand) or its unit (ACC-3). The
/// signed-in account must manage the account both as it is and as it will be, and cannot
/// grant what it lacks (SEC-4). A change of rights or unit ends the account's sessions at once.
/// Audited as `account.restricted`, `account.expanded` or `account.changed`.
pub async fn update_account(
    app: &App,
    session: Session,
    id: String,
    body: ChangeAccountRequest,
) -> Result<AccountView, AppError> {
    body.validate()?;
    let saved = app
        .db(move |conn| {
            // Authorisation and its refusal record stay outside the write transaction.
            let found = super::load_managed(conn, &session, &id, "account.changed")?;
            super::check_decision_document(conn, body.decision.as_ref())?;
            {
                let before = super::facts(&found)?;
                if found.account.version != body.version {
                    return Err(AppError::stale());
                }
                if found.account.status == accounts::STATUS_REVOKED {
                    return Err(super::invalid_state(
                        "Tài khoản đã bị thu hồi, không thể thay đổi.",
                    ));
                }
                let mut row = found.account.clone();
                let mut after = AccountFacts { ..before.clone() };
                if let Some(name) = &body.display_name {
                    row.display_name = name.trim().to_owned();
                }
                if let Some(rights) = &body.rights {
                    after.rights = super::rights_of(rights);
                    row.rights = after.rights.to_storage();
                }
                if let Some(unit_id) = &body.unit_id {
                    if before.kind == AccountKind::Personal || before.kind == AccountKind::Admin {
                        return Err(FieldError::new(
                            "unit_id",
                            "not_allowed",
                            "Không đổi đơn vị của tài khoản cá nhân hoặc quản trị tại đây.",
                        )
                        .into());
                    }
                    let unit = units::find(conn, unit_id)?.ok_or(AppError::NotFound)?;
                    after.scope = super::scope_of(Some(&unit.path))?;
                    row.unit_id = Some(unit.id);
                }
                let action = if after.rights == before.rights && after.scope == before.scope {
                    "account.changed"
                } else if after.rights.is_subset(&before.rights) && before.scope.contains(&after.scope) {
                    "account.restricted"
                } else if before.rights.is_subset(&after.rights) && after.scope.contains(&before.scope) {
                    "account.expanded"
                } else {
                    "account.changed"
                };
                let event = super::event_about(&session, action, &row, &body.reason, body.decision.as_ref());
                if let Err(denial) = check_change_account(&session.actor, &before, &after) {
                    return Err(crate::audit::refuse(conn, event, denial));
                }
                let access_changed = after.rights != before.rights || after.scope != before.scope;
                if access_changed {
                    row.auth_version += 1;
                }
                conn.write_transaction(|conn| {
                    // Saved only if nobody changed the account since it was read.
                    accounts::save(conn, &row, body.version)?;
                    if access_changed {
                        refresh_tokens::revoke_all_for_account(conn, &id)?;
                    }
                    crate::audit::record(conn, event)?;
                    accounts::find(conn, &id)?.ok_or(AppError::NotFound)
                })
            }
        })
        .await?;
    Ok(views::account(&saved))
}
