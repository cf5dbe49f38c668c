//! The extractors that authenticate a request. Every protected handler takes one of them as an
//! argument, so it cannot run for a caller that has not proved who it is.
//!
//! The token alone is not trusted: the account (or API client) is loaded for every request and
//! must be active with the same `auth_version` the token was issued with. Locking, revoking,
//! restricting, resetting or handing over an account raises that version, ending every session
//! at once.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use hoso_domain::access::{AccountKind, Actor, RightSet, Scope, UnitPath};
use hoso_store::accounts::{self, AccountWithUnit, STATUS_ACTIVE};
use hoso_store::api_clients::{self, ApiClientRow};
use hoso_store::audit::NewAuditEvent;

use super::tokens::{SUBJECT_ACCOUNT, SUBJECT_CLIENT};
use crate::error::ApiError;
use crate::request_id;
use crate::state::AppState;

/// Where a request came from, for the audit trail.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

impl RequestMeta {
    pub fn of(req: &HttpRequest) -> Self {
        Self {
            ip: req.peer_addr().map(|a| a.ip().to_string()),
            request_id: request_id::current(),
        }
    }

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

/// A signed-in account that may still have to change its temporary password: only for the
/// endpoints that let it do so (change password, who am I, sign out).
pub struct SessionAllowingTemporaryPassword(pub Session);

/// An API client signed in with client credentials.
pub struct ClientSession {
    pub client: ApiClientRow,
    pub scopes: Vec<String>,
    pub meta: RequestMeta,
}

/// Either kind of caller, for endpoints open to other systems as well as to people.
// One per request, moved once: boxing the larger variant would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Caller {
    Account(Session),
    Client(ClientSession),
}

type LocalFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// Authenticates the request, then lets `accept` decide whether this kind of caller may use
/// the endpoint.
fn extract<T: 'static>(req: &HttpRequest, accept: fn(Caller) -> Result<T, ApiError>) -> LocalFuture<T> {
    let req = req.clone();
    Box::pin(async move { accept(authenticate(&req).await?) })
}

impl FromRequest for Session {
    type Error = ApiError;
    type Future = LocalFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        extract(req, |caller| match caller {
            Caller::Account(session) if session.account.account.must_change_password => {
                Err(ApiError::PasswordChangeRequired)
            }
            Caller::Account(session) => Ok(session),
            Caller::Client(_) => Err(ApiError::Forbidden),
        })
    }
}

impl FromRequest for SessionAllowingTemporaryPassword {
    type Error = ApiError;
    type Future = LocalFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        extract(req, |caller| match caller {
            Caller::Account(session) => Ok(SessionAllowingTemporaryPassword(session)),
            Caller::Client(_) => Err(ApiError::Forbidden),
        })
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        extract(req, |caller| match caller {
            Caller::Account(session) if session.account.account.must_change_password => {
                Err(ApiError::PasswordChangeRequired)
            }
            caller => Ok(caller),
        })
    }
}

async fn authenticate(req: &HttpRequest) -> Result<Caller, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal("no application state".into()))?
        .clone();
    let token = bearer_token(req).ok_or(ApiError::Unauthenticated)?;
    let claims = state.auth.jwt.verify(token).ok_or(ApiError::Unauthenticated)?;
    let meta = RequestMeta::of(req);
    match claims.typ.as_str() {
        SUBJECT_ACCOUNT => {
            let id = claims.sub.clone();
            let account = state
                .db(move |conn| Ok(accounts::find(conn, &id)?))
                .await?
                .ok_or(ApiError::Unauthenticated)?;
            let current =
                account.account.status == STATUS_ACTIVE && account.account.auth_version == claims.ver;
            if !current {
                return Err(ApiError::Unauthenticated);
            }
            let actor = actor_of(&account)?;
            Ok(Caller::Account(Session { actor, account, meta }))
        }
        SUBJECT_CLIENT => {
            let id = claims.sub.clone();
            let client = state
                .db(move |conn| Ok(api_clients::find(conn, &id)?))
                .await?
                .ok_or(ApiError::Unauthenticated)?;
            if client.status != "active" || client.auth_version != claims.ver {
                return Err(ApiError::Unauthenticated);
            }
            let scopes = claims
                .scope
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            Ok(Caller::Client(ClientSession { client, scopes, meta }))
        }
        _ => Err(ApiError::Unauthenticated),
    }
}

fn bearer_token(req: &HttpRequest) -> Option<&str> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// The actor the policy judges, from the account as stored.
pub fn actor_of(account: &AccountWithUnit) -> Result<Actor, ApiError> {
    let row = &account.account;
    let kind: AccountKind = row.kind.parse().map_err(ApiError::Internal)?;
    let scope = match &account.unit_path {
        None => Scope::Province,
        Some(path) => Scope::Subtree(UnitPath::parse(path).map_err(ApiError::Internal)?),
    };
    Ok(Actor {
        account_id: row.id.clone(),
        kind,
        scope,
        rights: RightSet::from_storage(&row.rights).map_err(ApiError::Internal)?,
        person_id: row.person_id.clone(),
    })
}
