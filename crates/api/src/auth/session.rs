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
pub use hoso_app::session::actor_of;
pub use hoso_app::RequestMeta;

use crate::error::HttpError;
use crate::request_id;
use crate::state::AppState;
use hoso_app::AppError;

/// Where a request came from, read off the request.
pub fn meta_of(req: &HttpRequest) -> RequestMeta {
    RequestMeta {
        ip: crate::client_address::of_request(req),
        request_id: request_id::current(),
    }
}

/// A signed-in account whose password is not temporary: the application's session, as an
/// extractor.
pub struct Session(pub hoso_app::Session);

impl std::ops::Deref for Session {
    type Target = hoso_app::Session;

    fn deref(&self) -> &hoso_app::Session {
        &self.0
    }
}

/// A signed-in account that may still have to change its temporary password: only for the
/// endpoints that let it do so (change password, who am I, sign out).
pub struct SessionAllowingTemporaryPassword(pub Session);

pub use hoso_app::session::ClientSession;

/// Either kind of caller, for endpoints open to other systems as well as to people.
// One per request, moved once: boxing the larger variant would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Caller {
    Account(Session),
    Client(ClientSession),
}

impl Caller {
    /// The caller as the application layer takes it.
    pub fn into_app(self) -> hoso_app::session::Caller {
        match self {
            Caller::Account(session) => hoso_app::session::Caller::Account(session.0),
            Caller::Client(client) => hoso_app::session::Caller::Client(client),
        }
    }
}

type LocalFuture<T> = Pin<Box<dyn Future<Output = Result<T, HttpError>>>>;

/// Authenticates the request, then lets `accept` decide whether this kind of caller may use
/// the endpoint.
fn extract<T: 'static>(req: &HttpRequest, accept: fn(Caller) -> Result<T, AppError>) -> LocalFuture<T> {
    let req = req.clone();
    Box::pin(async move { Ok(accept(authenticate(&req).await?)?) })
}

impl FromRequest for Session {
    type Error = HttpError;
    type Future = LocalFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        extract(req, |caller| match caller {
            Caller::Account(session) if session.account.account.must_change_password => {
                Err(AppError::PasswordChangeRequired)
            }
            Caller::Account(session) => Ok(session),
            Caller::Client(_) => Err(AppError::Forbidden),
        })
    }
}

impl FromRequest for SessionAllowingTemporaryPassword {
    type Error = HttpError;
    type Future = LocalFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        extract(req, |caller| match caller {
            Caller::Account(session) => Ok(SessionAllowingTemporaryPassword(session)),
            Caller::Client(_) => Err(AppError::Forbidden),
        })
    }
}

impl FromRequest for Caller {
    type Error = HttpError;
    type Future = LocalFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        extract(req, |caller| match caller {
            Caller::Account(session) if session.account.account.must_change_password => {
                Err(AppError::PasswordChangeRequired)
            }
            caller => Ok(caller),
        })
    }
}

async fn authenticate(req: &HttpRequest) -> Result<Caller, AppError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| AppError::Internal("no application state".into()))?
        .clone();
    let token = bearer_token(req).ok_or(AppError::Unauthenticated)?;
    Ok(
        match hoso_app::session::caller_of(&state, token, meta_of(req)).await? {
            hoso_app::session::Caller::Account(session) => Caller::Account(Session(session)),
            hoso_app::session::Caller::Client(client) => Caller::Client(client),
        },
    )
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
