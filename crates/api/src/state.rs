//! What every request handler may use, shared by all workers: the application's services, and
//! what only HTTP needs (the SPA's files).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

pub struct AppState {
    /// The application layer's services (database, keys, clock, documents, job signal).
    pub app: Arc<hoso_app::App>,
    pub started_at: Instant,
    pub static_dir: PathBuf,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`client_address`).
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

impl std::ops::Deref for AppState {
    type Target = hoso_app::App;

    fn deref(&self) -> &hoso_app::App {
        &self.app
    }
}
