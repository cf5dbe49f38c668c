//! Approvals (WF-2, WF-3, WF-5, WF-6/7, CTX-5): the queues of reviews waiting for each actor,
//! the focal officer's lock or return, the head's and Sở Nội vụ's signatures, batch signing.

pub mod lock_approval;
pub use lock_approval::lock_approval;
pub mod return_approval;
pub use return_approval::return_approval;

pub mod list_approvals;
pub use list_approvals::list_approvals;
