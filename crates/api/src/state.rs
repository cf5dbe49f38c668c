//! What every request handler may use, shared by all workers.

use std::path::PathBuf;
use std::time::Instant;

use actix_web::web;
use hoso_store::{Backend, DbConnection, DbPool, StoreError};

use crate::auth::AuthConfig;
use crate::error::ApiError;

pub struct AppState {
    pub pool: DbPool,
    pub backend: Backend,
    pub started_at: Instant,
    pub province_name: String,
    pub static_dir: PathBuf,
    pub auth: AuthConfig,
    /// Where document bytes are kept (`<data dir>/documents` on the filesystem).
    pub blobs: std::sync::Arc<dyn hoso_store::documents::BlobStore>,
    pub max_upload_bytes: usize,
    /// Seal the sensitive fields of dossiers (SEC-2).
    pub data_keys: crate::sealing::DataKeys,
    /// Roots trusted for approval signatures besides the built-in CA (CTX-5).
    pub trusted_roots: Vec<hoso_signatures::Certificate>,
    /// The workflow's idea of now: deadlines, windows and signing times.
    pub clock: crate::clock::Clock,
    /// Wakes requests waiting for a report job to end.
    pub report_jobs: JobSignal,
}

/// A counter bumped whenever a background report job ends, so that a request can wait for one
/// without polling the database.
#[derive(Debug, Clone)]
pub struct JobSignal(tokio::sync::watch::Sender<u64>);

impl Default for JobSignal {
    fn default() -> Self {
        JobSignal(tokio::sync::watch::channel(0).0)
    }
}

impl JobSignal {
    pub fn finished(&self) {
        self.0.send_modify(|n| *n += 1);
    }

    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.0.subscribe()
    }
}

impl AppState {
    /// Runs blocking database work on actix's thread pool, never on an async worker, with a
    /// connection from the pool. The closure owns whatever transaction it needs.
    pub async fn db<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(StoreError::from)?;
            work(&mut conn)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
    }
}
