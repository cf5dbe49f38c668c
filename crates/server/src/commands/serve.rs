use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

use actix_web::{web, HttpServer};
use anyhow::anyhow;

use crate::config::{Config, Settings};
use crate::telemetry;
use hoso_api::app;
use hoso_api::state::AppState;

pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let mut conn = pool.get()?;
    // An empty deployment: a one-time token for the SPA's first-run page (`hoso init` needs none).
    if let Some(token) = hoso_app::golive::issue_setup_token(&mut conn).map_err(|e| anyhow!("{e}"))? {
        // On standard error: standard output's first line is the "listening" contract.
        eprintln!("hoso setup token (first run at /thiet-lap, or run `hoso init`): {token}");
    }
    let app = super::application(&config, pool);
    let sealed = hoso_app::sealed_blobs::seal_stored_documents(&mut conn, app.blobs.as_ref())
        .map_err(|e| anyhow!("sealing stored documents: {e}"))?;
    if sealed > 0 {
        tracing::info!(sealed, "documents stored in clear are now sealed at rest");
    }
    queue_waiting_national_messages(&mut conn, &app)?;
    drop(conn);
    actix_web::rt::System::new().block_on(serve(config, app))
}

async fn serve(config: Config, app: Arc<hoso_app::App>) -> anyhow::Result<()> {
    if !config.static_dir.join("index.html").is_file() {
        tracing::warn!(static_dir = %config.static_dir.display(), "no SPA in the static directory; the API still works (build it with `cargo xtask build-spa`)");
    }
    // Jobs run here unless the deployment runs `hoso worker` processes apart.
    let _background = hoso_app::jobs::start_background(
        app.clone(),
        Arc::new(hoso_app::jobs::Registry::from_environment()),
        config.job_workers,
        config.job_lease,
    );
    let state = web::Data::new(AppState {
        app,
        started_at: Instant::now(),
        static_dir: config.static_dir.clone(),
        trusted_proxies: config.trusted_proxies.clone(),
    });
    let max_json_bytes = config.max_json_bytes;
    let mut server = HttpServer::new(move || app::build(state.clone(), max_json_bytes));
    if let Some(workers) = config.workers {
        server = server.workers(workers);
    }
    let server = server.bind(config.listen).map_err(|e| {
        anyhow!(
            "HOSO_LISTEN (--listen) cannot listen on {}: {e}; stop the program using it or choose another address",
            config.listen
        )
    })?;
    let address = server.addrs()[0];
    tracing::info!(%address, database = %config.database, "hoso is serving");
    // This line is the contract with scripts and tests that start the server: they wait for it.
    println!("hoso listening on http://{address}");
    std::io::stdout().flush()?;
    server.run().await?;
    Ok(())
}

/// Messages of the national sync that wait without a job (a connection configured since they
/// were written) are given one, here and in `hoso worker`.
pub(crate) fn queue_waiting_national_messages(
    conn: &mut hoso_store::DbConnection,
    app: &hoso_app::App,
) -> anyhow::Result<()> {
    let queued = hoso_app::national::queue_waiting(conn, app)
        .map_err(|e| anyhow!("queueing the national sync's waiting messages: {e}"))?;
    if queued > 0 {
        tracing::info!(queued, "national sync: waiting messages queued for delivery");
    }
    Ok(())
}
