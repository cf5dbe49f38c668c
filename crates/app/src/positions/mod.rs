//! Job positions (ORG-3): who holds which.

pub mod create_position_holder;
pub use create_position_holder::create_position_holder;
