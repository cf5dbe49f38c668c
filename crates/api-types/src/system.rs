//! Bodies of the system endpoints: liveness, readiness and what this deployment is.

use serde::{Deserialize, Serialize};

/// The process is up and answering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `ok` when the server answers at all.
    pub status: String,
    /// Version of the running `hoso` binary.
    pub version: String,
    /// Seconds since the process started.
    pub uptime_seconds: u64,
}

/// Whether the server can do its work: the database answers and its schema is current.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// True when every check passed.
    pub ready: bool,
    pub database: DatabaseStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatabaseStatus {
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The database answered a query.
    pub reachable: bool,
    /// Migrations applied to the database.
    pub applied_migrations: u32,
    /// Migrations this binary knows but the database has not applied yet; 0 when current.
    pub pending_migrations: u32,
}

/// What this deployment is, for the application's header and the About page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SystemInfo {
    /// Name of the system as shown to users.
    pub system_name: String,
    /// The province this deployment serves, e.g. `Tỉnh Hưng Yên`.
    pub province_name: String,
    /// Version of the running `hoso` binary.
    pub version: String,
    /// True when the database holds the demo province, not real people.
    pub demo_data: bool,
}
