//! Who acts: a signed-in account as the policy judges it, and where the request came from, for
//! the audit trail. The HTTP layer builds a [`Session`] from a verified token; the command line
//! and jobs from the account they act for.

use hoso_domain::access::{AccountKind, Actor, RightSet, Scope, UnitPath};
use hoso_store::accounts::AccountWithUnit;
use hoso_store::audit::NewAuditEvent;

use crate::error::AppError;

/// Where a request came from, for the audit trail.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

impl RequestMeta {
    /// An audit event by nobody signed in (sign-in attempts).
    pub fn anonymous_event(&self, action: &str, outcome: &str) -> NewAuditEvent {
        NewAuditEvent {
            actor_type: "anonymous".into(),
            action: action.into(),
            outcome: outcome.into(),
            ip: self.ip.clone(),
            request_id: self.request_id.clone(),
            ..NewAuditEvent::default()
        }
    }
}

/// A signed-in account whose password is not temporary.
pub struct Session {
    pub actor: Actor,
    pub account: AccountWithUnit,
    pub meta: RequestMeta,
}

impl Session {
    /// An audit event by this account, `success` unless changed.
    pub fn event(&self, action: &str) -> NewAuditEvent {
        NewAuditEvent {
            actor_type: "account".into(),
            actor_id: Some(self.account.account.id.clone()),
            actor_name: Some(self.account.account.username.clone()),
            action: action.into(),
            outcome: "success".into(),
            ip: self.meta.ip.clone(),
            request_id: self.meta.request_id.clone(),
            ..NewAuditEvent::default()
        }
    }
}

/// An audit event by hoso itself (scheduled and background work).
pub fn system_event(action: &str) -> NewAuditEvent {
    NewAuditEvent {
        actor_type: "system".into(),
        actor_name: Some("hoso".into()),
        action: action.into(),
        outcome: "success".into(),
        ..NewAuditEvent::default()
    }
}

/// The actor the policy judges, from the account as stored.
pub fn actor_of(account: &AccountWithUnit) -> Result<Actor, AppError> {
    let row = &account.account;
    let kind: AccountKind = row.kind.parse().map_err(AppError::Internal)?;
    let scope = match &account.unit_path {
        None => Scope::Province,
        Some(path) => Scope::Subtree(UnitPath::parse(path).map_err(AppError::Internal)?),
    };
    Ok(Actor {
        account_id: row.id.clone(),
        kind,
        scope,
        rights: RightSet::from_storage(&row.rights).map_err(AppError::Internal)?,
        person_id: row.person_id.clone(),
    })
}
