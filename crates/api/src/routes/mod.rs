//! Every endpoint under `/api/v1`, one file per endpoint, grouped by resource. Each resource
//! module registers its handlers in `configure`; registering through utoipa-actix-web puts every
//! handler in the OpenAPI document as well (a test checks none is missed).

use utoipa_actix_web::service_config::ServiceConfig;

pub mod account_requests;
pub mod accounts;
pub mod api_clients;
pub mod approvals;
pub mod archive;
pub mod audit;
pub mod auth;
pub mod backups;
pub mod calendar;
pub mod campaigns;
pub mod catalogs;
pub mod change_requests;
pub mod deadlines;
pub mod documents;
pub mod dossiers;
pub mod imports;
pub mod jobs;
pub mod lists;
pub mod me;
pub mod national_sync;
pub mod people;
pub mod positions;
pub mod recruitments;
pub mod reports;
pub mod search;
pub mod settings;
pub mod setup;
pub mod signatures;
pub mod system;
pub mod transfers;
pub mod unit_requests;
pub mod units;

pub const PREFIX: &str = "/api/v1";

pub fn configure(cfg: &mut ServiceConfig) {
    system::configure(cfg);
    setup::configure(cfg);
    auth::configure(cfg);
    me::configure(cfg);
    accounts::configure(cfg);
    account_requests::configure(cfg);
    api_clients::configure(cfg);
    audit::configure(cfg);
    units::configure(cfg);
    people::configure(cfg);
    documents::configure(cfg);
    settings::configure(cfg);
    positions::configure(cfg);
    catalogs::configure(cfg);
    dossiers::configure(cfg);
    calendar::configure(cfg);
    approvals::configure(cfg);
    change_requests::configure(cfg);
    campaigns::configure(cfg);
    deadlines::configure(cfg);
    signatures::configure(cfg);
    transfers::configure(cfg);
    archive::configure(cfg);
    search::configure(cfg);
    reports::configure(cfg);
    imports::configure(cfg);
    jobs::configure(cfg);
    backups::configure(cfg);
    national_sync::configure(cfg);
    lists::configure(cfg);
    recruitments::configure(cfg);
    unit_requests::configure(cfg);
}
