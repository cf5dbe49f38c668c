//! Approvals (WF-2, WF-3, WF-5, WF-6/7, CTX-5): the queues of reviews waiting for each actor,
//! the focal officer's lock or return, the head's and Sở Nội vụ's signatures, batch signing.

pub mod list_approvals;
pub mod lock_approval;
pub mod read_approval;
pub mod read_approval_signing_payload;
pub mod return_approval;
pub mod sign_approval;
pub mod sign_approvals_batch;
pub use list_approvals::list_approvals;
pub use lock_approval::lock_approval;
pub use read_approval::read_approval;
pub use read_approval_signing_payload::read_approval_signing_payload;
pub use return_approval::return_approval;
pub use sign_approval::sign_approval;
pub use sign_approvals_batch::sign_approvals_batch;
