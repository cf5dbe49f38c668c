//! Change requests (WF-4): a change to an approved dossier, with its scanned evidence, filed by
//! the employee or by the HR unit on their behalf, then reviewed on the approval path.

pub mod create_change_request;
pub mod list_change_requests;
pub use create_change_request::create_change_request;
pub use list_change_requests::list_change_requests;
