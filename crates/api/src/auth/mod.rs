//! Authentication: passwords, tokens, and the extractors that turn a request's bearer token
//! into the actor the policy in `hoso_domain::access` judges.

pub use hoso_app::{passwords, secrets};
pub mod session;
pub use hoso_app::tokens::{self, AuthConfig, JwtKeys};

pub use session::{Caller, Session, SessionAllowingTemporaryPassword};
