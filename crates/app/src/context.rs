//! What every operation may use besides its connection: the database pool, the data keys, the
//! trusted roots, the clock and the document store, shared by the HTTP workers, the command line
//! and the background workers.

use std::sync::Arc;

use hoso_store::{Backend, DbConnection, DbPool, StoreError};

use crate::clock::Clock;
use crate::error::AppError;
use crate::sealing::DataKeys;

pub struct App {
    pub pool: DbPool,
    pub backend: Backend,
    pub province_name: String,
    /// Where document bytes are kept (`<data dir>/documents` on the filesystem).
    pub blobs: Arc<dyn hoso_store::documents::BlobStore>,
    pub max_upload_bytes: usize,
    /// Largest workbook an import accepts.
    pub max_import_bytes: usize,
    /// Seal the sensitive fields of dossiers (SEC-2).
    pub data_keys: DataKeys,
    /// Roots trusted for approval signatures besides the built-in CA (CTX-5).
    pub trusted_roots: Vec<hoso_signatures::Certificate>,
    /// How sign-in sessions are issued and checked (access and refresh tokens).
    pub auth: crate::tokens::AuthConfig,
    /// The workflow's idea of now: deadlines, windows and signing times.
    pub clock: Clock,
    /// Where backups are written and who can open them (SEC-5).
    pub backups: crate::backups::BackupSettings,
    /// The connection to the national CBCCVC database and how packets are made (INT-1…4).
    pub national: crate::national::NationalSettings,
    /// The SMTP server messages go out through, and the address their links lead to.
    pub mail: crate::mail::MailSettings,
    /// Bumped whenever a job is queued or ends here, so that workers and waiting requests wake
    /// without polling this process's own queue.
    pub jobs: JobSignal,
}

/// A counter bumped whenever a background job is queued or ends in this process.
#[derive(Debug, Clone)]
pub struct JobSignal(tokio::sync::watch::Sender<u64>);

impl Default for JobSignal {
    fn default() -> Self {
        JobSignal(tokio::sync::watch::channel(0).0)
    }
}

impl JobSignal {
    pub fn bump(&self) {
        self.0.send_modify(|n| *n += 1);
    }

    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.0.subscribe()
    }
}

impl App {
    /// Runs blocking database work on the runtime's blocking pool, never on an async worker,
    /// with a connection from the pool. The closure owns whatever transaction it needs.
    pub async fn db<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(StoreError::from)?;
            work(&mut conn)
        })
        .await
        .map_err(|e| AppError::Internal(format!("blocking task failed: {e}")))?
    }
}
