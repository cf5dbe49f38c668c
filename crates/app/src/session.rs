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

/// A signed-in account whose password is not temporary. Cloned only where one operation is
/// made of others (a correction applied through the draft save).
#[derive(Clone)]
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

/// An API client signed in with client credentials (another provincial system, INT-3).
pub struct ClientSession {
    pub client: hoso_store::api_clients::ApiClientRow,
    pub scopes: Vec<String>,
    pub meta: RequestMeta,
}

/// Either kind of caller, for operations open to other systems as well as to people.
// One per request, moved once: boxing the larger variant would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Caller {
    Account(Session),
    Client(ClientSession),
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
        read_only: row.read_only_since.is_some(),
    })
}

/// The session of an active account, for work done on its behalf outside a request (a job it
/// queued, the command line); a locked or revoked account is refused.
pub fn for_account(conn: &mut hoso_store::DbConnection, account_id: &str) -> Result<Session, AppError> {
    let account = hoso_store::accounts::find(conn, account_id)?.ok_or(AppError::Forbidden)?;
    if account.account.status != hoso_store::accounts::STATUS_ACTIVE {
        return Err(AppError::Forbidden);
    }
    Ok(Session {
        actor: actor_of(&account)?,
        account,
        meta: RequestMeta::default(),
    })
}

/// Who a verified bearer token names: an account still active at the `auth_version` the token
/// was issued with, within a sign-in that has not ended, or an active API client with the
/// token's scopes. Locking, revoking,
/// restricting or resetting raises the version and so ends every session at once.
pub async fn caller_of(app: &crate::App, token: &str, meta: RequestMeta) -> Result<Caller, AppError> {
    use crate::tokens::{SUBJECT_ACCOUNT, SUBJECT_CLIENT};
    let claims = app.auth.jwt.verify(token).ok_or(AppError::Unauthenticated)?;
    let id = claims.sub.clone();
    match claims.typ.as_str() {
        SUBJECT_ACCOUNT => {
            let sign_in = claims.sid.clone().ok_or(AppError::Unauthenticated)?;
            let (account, signed_in) = app
                .db(move |conn| {
                    let account = hoso_store::accounts::find(conn, &id)?;
                    let signed_in = hoso_store::refresh_tokens::sign_in_active(conn, &sign_in, &id)?;
                    Ok((account, signed_in))
                })
                .await?;
            let account = account.ok_or(AppError::Unauthenticated)?;
            let current = signed_in
                && account.account.status == hoso_store::accounts::STATUS_ACTIVE
                && account.account.auth_version == claims.ver;
            if !current {
                return Err(AppError::Unauthenticated);
            }
            let actor = actor_of(&account)?;
            Ok(Caller::Account(Session { actor, account, meta }))
        }
        SUBJECT_CLIENT => {
            let client = app
                .db(move |conn| Ok(hoso_store::api_clients::find(conn, &id)?))
                .await?
                .ok_or(AppError::Unauthenticated)?;
            if client.status != "active" || client.auth_version != claims.ver {
                return Err(AppError::Unauthenticated);
            }
            let scopes = claims
                .scope
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            Ok(Caller::Client(ClientSession { client, scopes, meta }))
        }
        _ => Err(AppError::Unauthenticated),
    }
}
