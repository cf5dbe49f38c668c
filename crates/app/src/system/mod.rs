//! Liveness, readiness, what this deployment is, and the OpenAPI document itself.

pub mod read_info;
pub mod readiness;
pub use read_info::read_info;
pub use readiness::readiness;
