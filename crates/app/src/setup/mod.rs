//! The first run from the SPA (issue #14): while no province and no administrator exist, the
//! one-time token printed by the server lets whoever installs it set the province up.

pub mod read_setup;
pub mod set_up_province;
pub use read_setup::read_setup;
pub use set_up_province::set_up_province;
