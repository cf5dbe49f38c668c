//! `hoso worker`: runs background jobs and the scheduler without serving HTTP, for a deployment
//! that keeps them apart from the web instances (any number of workers share one queue).

use std::io::Write;
use std::sync::Arc;

use crate::config::Settings;
use crate::telemetry;

pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let app = super::application(&config, pool);
    let mut conn = pool_connection(&app)?;
    super::serve::queue_waiting_national_messages(&mut conn, &app)?;
    drop(conn);
    let registry = Arc::new(hoso_app::jobs::Registry::from_environment());
    let workers = config.job_workers.max(1);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let _stop = hoso_app::jobs::start_background(app, registry, workers, config.job_lease);
        tracing::info!(workers, "hoso worker is running jobs");
        // The contract with scripts and tests that start a worker: they wait for this line.
        println!("hoso worker running {workers} job workers");
        std::io::stdout().flush()?;
        std::future::pending::<anyhow::Result<()>>().await
    })
}

fn pool_connection(app: &hoso_app::App) -> anyhow::Result<hoso_store::pool::PooledConnection> {
    app.pool
        .get()
        .map_err(|e| anyhow::anyhow!("no database connection: {e}"))
}
