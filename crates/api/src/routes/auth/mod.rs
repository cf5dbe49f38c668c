//! Sign-in, token refresh, sign-out, client credentials and password change.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod post_login;
pub mod post_logout;
pub mod post_password;
pub mod post_refresh;
pub mod post_token;

pub const TAG: &str = "auth";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(post_login::post_login)
        .service(post_refresh::post_refresh)
        .service(post_logout::post_logout)
        .service(post_token::post_token)
        .service(post_password::post_password);
}
