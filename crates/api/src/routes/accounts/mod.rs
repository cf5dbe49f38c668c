//! Account management (ACC-1…5, SEC-4). Every change records who, when, why and the decision
//! it rests on, in the same transaction as the change.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_account;
pub mod get_accounts;
pub mod get_sign_in_failures;
pub mod patch_account;
pub mod post_account;
pub mod post_account_hand_over;
pub mod post_account_lock;
pub mod post_account_reset_password;
pub mod post_account_revoke;
pub mod post_account_unlock;

pub const TAG: &str = "accounts";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_accounts::get_accounts)
        .service(get_sign_in_failures::get_sign_in_failures)
        .service(post_account::post_account)
        .service(get_account::get_account)
        .service(patch_account::patch_account)
        .service(post_account_lock::post_account_lock)
        .service(post_account_unlock::post_account_unlock)
        .service(post_account_revoke::post_account_revoke)
        .service(post_account_reset_password::post_account_reset_password)
        .service(post_account_hand_over::post_account_hand_over);
}
