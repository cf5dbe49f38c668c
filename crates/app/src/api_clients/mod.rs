//! Service accounts of other systems: provincial portals and the data-sharing platform (LGSP),
//! each resting on a written consent (INT-3). Managed by Sở Nội vụ's administrators.

pub mod create_api_client;
pub mod list_api_clients;
pub mod revoke_api_client;
pub mod rotate_api_client_secret;
pub use create_api_client::create_api_client;
pub use list_api_clients::list_api_clients;
pub use revoke_api_client::revoke_api_client;
pub use rotate_api_client_secret::rotate_api_client_secret;

/// The scopes a client may hold. Each later capability that opens data to other systems adds
/// its scope here.
pub const SCOPES: &[&str] = &["units.read"];
