//! Authentication: passwords, tokens, and the extractors that turn a request's bearer token
//! into the actor the policy in `hoso_domain::access` judges.

pub use hoso_app::{passwords, secrets};
pub mod session;
pub mod tokens;

use std::time::Duration;

pub use session::{Caller, Session, SessionAllowingTemporaryPassword};
pub use tokens::JwtKeys;

/// How sessions are issued and checked.
pub struct AuthConfig {
    pub jwt: JwtKeys,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    /// Hold back the answer to a failed sign-in (doubling with each failure, see
    /// `hoso_domain::password::penalty_after`). Off only in tests.
    pub slow_down_failures: bool,
}
