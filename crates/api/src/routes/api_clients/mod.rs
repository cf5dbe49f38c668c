//! Service accounts of other systems: provincial portals and the data-sharing platform (LGSP),
//! each resting on a written consent (INT-3). Managed by Sở Nội vụ's administrators.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_api_clients;
pub mod post_api_client;
pub mod post_api_client_revoke;
pub mod post_api_client_rotate_secret;

pub const TAG: &str = "api-clients";

pub use hoso_app::api_clients::SCOPES;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_api_clients::get_api_clients)
        .service(post_api_client::post_api_client)
        .service(post_api_client_rotate_secret::post_api_client_rotate_secret)
        .service(post_api_client_revoke::post_api_client_revoke);
}
