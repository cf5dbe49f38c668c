//! Agencies ask Sở Nội vụ for accounts or rights for their subordinate units; Sở Nội vụ
//! approves (creating the account) or rejects (ACC-7).

pub mod approve_account_request;
pub mod create_account_request;
pub mod list_account_requests;
pub mod reject_account_request;
pub use approve_account_request::approve_account_request;
pub use create_account_request::create_account_request;
pub use list_account_requests::list_account_requests;
pub use reject_account_request::reject_account_request;
