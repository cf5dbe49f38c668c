//! Verifying signatures (CTX-5, USE-5) and the roots they are checked against.

pub mod trusted_roots_pem;
pub mod verify_signature;
pub use trusted_roots_pem::trusted_roots_pem;
pub use verify_signature::verify_signature;
