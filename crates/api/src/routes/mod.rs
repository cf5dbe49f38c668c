//! Every endpoint under `/api/v1`, one file per endpoint, grouped by resource. Each resource
//! module registers its handlers in `configure`; registering through utoipa-actix-web puts every
//! handler in the OpenAPI document as well (a test checks none is missed).

use utoipa_actix_web::service_config::ServiceConfig;

pub mod system;

pub const PREFIX: &str = "/api/v1";

pub fn configure(cfg: &mut ServiceConfig) {
    system::configure(cfg);
}
