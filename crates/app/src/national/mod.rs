//! The national sync (INT-1…4, WF-6/7, CTX-1; docs/integration.md): Sở Nội vụ's approval of a
//! version, and the end of a person's service, write a message to the outbox in their own
//! transaction; a durable job delivers each person's messages in order through the platform's
//! transport profile, signed; every exchange goes to the hash-chained message log; the
//! acknowledgement's national identifier and dossier code are written to the dossier.

pub mod apply_national_correction;
pub mod catalog_updates;
pub mod client;
pub mod consent;
mod deliver;
pub mod dismiss_national_correction;
pub mod list_national_messages;
pub mod list_reconciliations;
pub mod packet;
pub mod pull_national_record;
pub mod read_dossier_national_log;
pub mod read_dossier_national_state;
pub mod read_national_consent;
pub mod read_national_message;
pub mod read_reconciliation;
pub mod receive_national_correction;
pub mod reconcile;
pub mod record_national_consent;
pub mod resend_difference;
pub mod retry_national_message;
pub mod start_reconciliation;
pub mod verify_national_log;

use std::sync::Arc;

pub use apply_national_correction::apply_national_correction;
pub use dismiss_national_correction::dismiss_national_correction;
pub use list_national_messages::list_national_messages;
pub use list_reconciliations::list_reconciliations;
pub(crate) use pull_national_record::open_dossier_from_record;
pub use pull_national_record::pull_national_record;
pub use read_dossier_national_log::read_dossier_national_log;
pub use read_dossier_national_state::read_dossier_national_state;
pub use read_national_consent::read_national_consent;
pub use read_national_message::read_national_message;
pub use read_reconciliation::read_reconciliation;
pub use receive_national_correction::receive_national_correction;
pub use reconcile::RECONCILE_JOB;
pub use record_national_consent::record_national_consent;
pub use resend_difference::resend_difference;
pub use retry_national_message::retry_national_message;
pub use start_reconciliation::start_reconciliation;
pub use verify_national_log::{verify_log, verify_national_log};

use hoso_api_types::national::{
    DifferenceView, NationalLogEntryView, NationalMessageView, ReconciliationView,
};
use hoso_domain::national::Mapping;
use hoso_store::national::{self as store, MessageRow};
use hoso_store::DbConnection;

use crate::error::AppError;
use crate::jobs::{JobKind, JobRequest, QueuedBy};
use crate::App;

/// The national connection and how packets are made.
#[derive(Clone, Debug)]
pub struct NationalSettings {
    /// `None`: no connection is configured; messages wait in the outbox until one is.
    pub connection: Option<client::Connection>,
    pub mapping: Arc<Mapping>,
    /// Whether the consent recorded for the connection covers sensitive data (group 10).
    pub include_sensitive: bool,
    /// Delivery attempts before a message is dead (transient failures only).
    pub attempts: i32,
    /// The key pair the Ministry issued for the connection (INT-1); `None`: one of the built-in
    /// CA, made once.
    pub signing: Option<SigningKeyPair>,
    /// The built-in key pair once read (it never changes once made): read and opened for every
    /// packet it was a tenth of the delivery's work.
    pub(crate) built_in: SignerCache,
}

/// A signing key with its certificate chain, the key's certificate first.
pub type Signer = Arc<(
    hoso_signatures::ca::Key,
    Vec<hoso_signatures::certificates::Certificate>,
)>;

#[derive(Clone, Default)]
pub(crate) struct SignerCache(pub(crate) Arc<std::sync::OnceLock<Signer>>);

impl std::fmt::Debug for SignerCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "SignerCache(read)"
        } else {
            "SignerCache(empty)"
        })
    }
}

/// A connection's key pair from a PEM file: a P-256 private key and its certificate first,
/// then the chain up to the issuing root.
#[derive(Clone)]
pub struct SigningKeyPair {
    pub signer: Signer,
}

impl std::fmt::Debug for SigningKeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let subject = self.signer.1.first().map(hoso_signatures::certificates::subject);
        f.debug_struct("SigningKeyPair")
            .field("subject", &subject)
            .finish()
    }
}

impl SigningKeyPair {
    /// Reads the key and the certificates; the first certificate must be the key's.
    pub fn from_pem(text: &str) -> Result<SigningKeyPair, String> {
        use hoso_signatures::ca::{pem_blocks, Key};
        let key = Key::from_pem(text)?;
        let certificates: String = pem_blocks(text)
            .into_iter()
            .filter(|b| b.starts_with("-----BEGIN CERTIFICATE-----"))
            .collect();
        if certificates.is_empty() {
            return Err("no CERTIFICATE block beside the key".into());
        }
        let chain = hoso_signatures::certificates::parse_certificates(certificates.as_bytes())?;
        if !key.matches(&chain[0]) {
            return Err("the first certificate is not the key's".into());
        }
        Ok(SigningKeyPair {
            signer: Arc::new((key, chain)),
        })
    }
}

impl Default for NationalSettings {
    fn default() -> Self {
        NationalSettings {
            connection: None,
            mapping: Arc::new(Mapping::shipped()),
            include_sensitive: false,
            attempts: 10,
            signing: None,
            built_in: SignerCache::default(),
        }
    }
}

pub const DELIVERY_JOB: JobKind = JobKind {
    name: "national.deliver",
    run: deliver::run,
    on_dead: Some(deliver::on_dead),
};

/// Why a message is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    VersionApproved,
    StatusChanged,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::VersionApproved => "version_approved",
            MessageKind::StatusChanged => "status_changed",
        }
    }
}

/// The national status of a person from hoso's service status (TRF-5).
pub fn national_status(service_status: &str) -> &'static str {
    match service_status {
        "active" | "seconded" => "in_service",
        "retired" => "retired",
        "resigned" => "resigned",
        "dismissed" => "dismissed",
        "deceased" => "deceased",
        "transferred_out" => "transferred_out",
        _ => "in_service",
    }
}

/// Writes a message to the outbox in the caller's transaction, after the person's earlier
/// ones, with the job that delivers it (when a connection is configured).
pub fn queue_message(
    conn: &mut DbConnection,
    app: &App,
    dossier_id: &str,
    kind: MessageKind,
    version_number: Option<i32>,
    queued_by: &QueuedBy,
) -> Result<MessageRow, AppError> {
    let found = hoso_store::dossiers::find(conn, dossier_id)?.ok_or(AppError::NotFound)?;
    let person = &found.person;
    let now = app.clock.now_naive();
    let mut row = MessageRow {
        id: hoso_store::ids::new_id(),
        person_id: person.id.clone(),
        dossier_id: dossier_id.to_owned(),
        sequence: store::next_sequence(conn, &person.id)?,
        kind: kind.as_str().into(),
        version_number,
        person_status: national_status(&person.service_status).into(),
        state: store::QUEUED.into(),
        attempts: 0,
        packet: None,
        packet_sha256: None,
        last_error: None,
        last_error_code: None,
        national_identifier: None,
        national_dossier_code: None,
        job_id: None,
        created_by: queued_by.id.clone(),
        created_at: now,
        sent_at: None,
        acknowledged_at: None,
    };
    if app.national.connection.is_some() {
        row.job_id = Some(delivery_job(conn, app, &row.id, queued_by, &row.id)?);
    }
    store::insert(conn, &row)?;
    Ok(row)
}

/// The end of a person's service, for the national database to know: only for someone it
/// already has a message of (a person never sent has nothing there to end).
pub fn queue_status_change(
    conn: &mut DbConnection,
    app: &App,
    person_id: &str,
    queued_by: &QueuedBy,
) -> Result<Option<MessageRow>, AppError> {
    if store::next_sequence(conn, person_id)? == 1 {
        return Ok(None);
    }
    let Some(dossier) = hoso_store::dossiers::find_by_person(conn, person_id)? else {
        return Ok(None);
    };
    queue_message(
        conn,
        app,
        &dossier.id,
        MessageKind::StatusChanged,
        None,
        queued_by,
    )
    .map(Some)
}

fn delivery_job(
    conn: &mut DbConnection,
    app: &App,
    message_id: &str,
    queued_by: &QueuedBy,
    key: &str,
) -> Result<String, AppError> {
    let request = JobRequest::new(DELIVERY_JOB.name, serde_json::json!({ "message_id": message_id }))
        .key(format!("national:{key}"))
        .attempts(app.national.attempts);
    Ok(crate::jobs::enqueue(conn, request, queued_by, app.clock.now_naive())?.id)
}

/// Gives every waiting message without a live job one (a connection configured after messages
/// were written, or a server started again): run when a server or worker starts.
pub fn queue_waiting(conn: &mut DbConnection, app: &App) -> Result<usize, AppError> {
    if app.national.connection.is_none() {
        return Ok(0);
    }
    let waiting = store::waiting_without_live_job(conn)?;
    let stamp = app.clock.now_naive().and_utc().timestamp();
    conn.write_transaction(|conn| -> Result<(), AppError> {
        for message in &waiting {
            let key = format!("{}:resumed:{stamp}", message.id);
            let job = delivery_job(conn, app, &message.id, &QueuedBy::system(), &key)?;
            store::set_job(conn, &message.id, &job)?;
        }
        Ok(())
    })?;
    Ok(waiting.len())
}

/// The configured connection, or the refusal to act without one.
pub(super) fn connection(app: &App) -> Result<client::Connection, AppError> {
    app.national.connection.clone().ok_or_else(not_configured)
}

pub(super) fn not_configured() -> AppError {
    AppError::Conflict {
        code: "national_not_configured",
        message: "Chưa cấu hình kết nối với cơ sở dữ liệu quốc gia (HOSO_NATIONAL_URL).".into(),
    }
}

/// One read from the other side (a person's record, a page of changed records), each exchange
/// kept in the message log under `log_id` (the record, correction or reconciliation it is for):
/// the answer whatever its status, or 503 when none came.
pub(super) fn read(
    conn: &mut DbConnection,
    app: &App,
    connection: &client::Connection,
    path: &str,
    log_id: &str,
) -> Result<client::Answer, AppError> {
    let mut exchanges = Vec::new();
    let answer = connection.send("GET", path, None, Some(log_id), &mut |e| {
        exchanges.push(e.clone())
    });
    for exchange in &exchanges {
        log_exchange(conn, app, log_id, exchange)?;
    }
    answer.map_err(|client::NoAnswer(why)| {
        AppError::Unavailable(format!(
            "Không nhận được trả lời của cơ sở dữ liệu quốc gia: {why}"
        ))
    })
}

/// [`read`] that only takes a 200: an answer that may pass (5xx, 429) is 503 for the job to
/// try again; any other status is the other side's refusal.
pub(super) fn read_ok(
    conn: &mut DbConnection,
    app: &App,
    connection: &client::Connection,
    path: &str,
    log_id: &str,
) -> Result<client::Answer, AppError> {
    let answer = read(conn, app, connection, path, log_id)?;
    match answer.status {
        200 => Ok(answer),
        status if hoso_domain::national::transient_status(status) => Err(AppError::Unavailable(format!(
            "Nền tảng trả lời {status}; sẽ thử lại."
        ))),
        _ => Err(refused_read(&answer)),
    }
}

/// The other side's refusal of a read, with its reason in Vietnamese.
pub(super) fn refused_read(answer: &client::Answer) -> AppError {
    let text = |key: &str| {
        answer
            .body
            .get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or("")
    };
    AppError::Conflict {
        code: "national_refused",
        message: hoso_domain::national::refusal_reason(answer.status, text("code"), text("message")),
    }
}

/// Keeps one HTTP exchange in the message log: the request, then its answer (or that none
/// came), each chained to the entry before. `message_id` is the outbox message, the national
/// record or the reconciliation the exchange was for.
pub(super) fn log_exchange(
    conn: &mut DbConnection,
    app: &App,
    message_id: &str,
    exchange: &client::Exchange,
) -> Result<(), AppError> {
    conn.write_transaction(|conn| append_exchange(conn, app, message_id, exchange))
}

/// [`log_exchange`] inside the caller's transaction (with what the exchange led to).
pub(super) fn append_exchange(
    conn: &mut DbConnection,
    app: &App,
    message_id: &str,
    exchange: &client::Exchange,
) -> Result<(), AppError> {
    store::append(
        conn,
        store::NewLogEntry {
            at: app.clock.now_naive(),
            message_id: Some(message_id),
            direction: "out",
            method: exchange.method,
            path: &exchange.path,
            status: None,
            body: &exchange.request_body,
        },
    )?;
    store::append(
        conn,
        store::NewLogEntry {
            at: app.clock.now_naive(),
            message_id: Some(message_id),
            direction: "in",
            method: exchange.method,
            path: &exchange.path,
            status: exchange.status.map(i32::from),
            body: &exchange.response_body,
        },
    )?;
    Ok(())
}

pub(crate) fn message_view(
    row: MessageRow,
    person_name: String,
    dossier_number: String,
) -> NationalMessageView {
    NationalMessageView {
        id: row.id,
        person_id: row.person_id,
        person_name,
        dossier_id: row.dossier_id,
        dossier_number,
        sequence: row.sequence,
        kind: row.kind,
        version_number: row.version_number,
        person_status: row.person_status,
        state: row.state,
        attempts: row.attempts,
        packet_sha256: row.packet_sha256,
        last_error: row.last_error,
        last_error_code: row.last_error_code,
        national_identifier: row.national_identifier,
        national_dossier_code: row.national_dossier_code,
        job_id: row.job_id,
        created_at: crate::views::utc(row.created_at),
        sent_at: row.sent_at.map(crate::views::utc),
        acknowledged_at: row.acknowledged_at.map(crate::views::utc),
    }
}

pub(crate) fn log_view(entry: store::LogEntry) -> NationalLogEntryView {
    NationalLogEntryView {
        seq: entry.seq,
        at: crate::views::utc(entry.at),
        message_id: entry.message_id,
        direction: entry.direction,
        method: entry.method,
        path: entry.path,
        status: entry.status,
        body: entry.body,
        entry_hash: entry.entry_hash,
    }
}

pub(crate) fn reconciliation_view(
    row: store::ReconciliationRow,
    open_differences: i64,
    differences: Vec<DifferenceView>,
) -> ReconciliationView {
    ReconciliationView {
        id: row.id,
        since: row.since,
        state: row.state,
        job_id: row.job_id,
        requested_by: row.requested_by,
        started_at: crate::views::utc(row.started_at),
        finished_at: row.finished_at.map(crate::views::utc),
        theirs: row.theirs,
        ours: row.ours,
        error: row.error,
        open_differences,
        differences,
    }
}

pub(crate) fn difference_view(
    row: store::DifferenceRow,
    dossier_number: Option<String>,
    person_name: Option<String>,
) -> DifferenceView {
    DifferenceView {
        id: row.id,
        kind: row.kind,
        dossier_id: row.dossier_id,
        dossier_number,
        person_name,
        national_identifier: row.national_identifier,
        ours_sha256: row.ours_sha256,
        theirs_sha256: row.theirs_sha256,
        theirs_updated_at: row.theirs_updated_at.map(crate::views::utc),
        resolution: row.resolution,
        resolved_at: row.resolved_at.map(crate::views::utc),
        message_id: row.message_id,
    }
}
