use hoso_api_types::system::{DatabaseStatus, Readiness};
use hoso_store::migrations;

use crate::App;

/// Whether this instance can serve: the database answers and its schema is current.
pub async fn readiness(app: &App) -> Readiness {
    let status = app.db(|conn| Ok(migrations::status(conn)?)).await;
    let database = match &status {
        Ok(status) => DatabaseStatus {
            backend: app.backend.to_string(),
            reachable: true,
            applied_migrations: status.applied as u32,
            pending_migrations: status.pending as u32,
        },
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            DatabaseStatus {
                backend: app.backend.to_string(),
                reachable: false,
                applied_migrations: 0,
                pending_migrations: 0,
            }
        }
    };
    let ready = database.reachable && database.pending_migrations == 0;
    Readiness { ready, database }
}
