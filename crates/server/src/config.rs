//! Every configuration option, defined once: its flag, its `HOSO_*` environment variable, its
//! default and its documentation live on one field below. A TOML file may set the same options
//! by their field names; precedence is flag > environment > file > default.
//! `docs/configuration.md` lists them; a test keeps that page in step with this file.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, bail, Context};
use hoso_store::pool::PoolOptions;
use hoso_store::DatabaseUrl;

/// Options shared by every `hoso` command.
#[derive(Debug, Clone, clap::Args)]
pub struct Settings {
    /// Address and port the server listens on. Port 0 picks a free port.
    #[arg(long, global = true, env = "HOSO_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,

    /// Directory for the SQLite database and, later, attachments and backups. Created if missing.
    #[arg(long, global = true, env = "HOSO_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// Database URL: `sqlite://<file>` (relative, or absolute with a third slash) or
    /// `postgres://user:password@host:port/database`. Default: `sqlite://<data dir>/hoso.db`.
    #[arg(long, global = true, env = "HOSO_DATABASE_URL")]
    pub database_url: Option<String>,

    /// Largest number of database connections the server keeps open (at least 2).
    #[arg(long, global = true, env = "HOSO_DATABASE_POOL_SIZE", default_value_t = 8)]
    pub database_pool_size: u32,

    /// How long, in milliseconds, a request waits for a free database connection before it is
    /// answered with 503.
    #[arg(
        long,
        global = true,
        env = "HOSO_DATABASE_TIMEOUT_MS",
        default_value_t = 10_000
    )]
    pub database_timeout_ms: u64,

    /// How long, in milliseconds, a SQLite writer waits for another writer to finish.
    #[arg(
        long,
        global = true,
        env = "HOSO_SQLITE_BUSY_TIMEOUT_MS",
        default_value_t = 5_000
    )]
    pub sqlite_busy_timeout_ms: u32,

    /// Directory of the built SPA and of the API documentation assets (`cargo xtask build-spa`
    /// writes it).
    #[arg(long, global = true, env = "HOSO_STATIC_DIR", default_value = "frontend/dist")]
    pub static_dir: PathBuf,

    /// Name of the province this deployment serves, shown in the application's header.
    #[arg(
        long,
        global = true,
        env = "HOSO_PROVINCE_NAME",
        default_value = "Tỉnh Hưng Yên"
    )]
    pub province_name: String,

    /// Largest JSON request body accepted, in bytes; larger bodies get 413.
    #[arg(long, global = true, env = "HOSO_MAX_JSON_BYTES", default_value_t = 1_048_576)]
    pub max_json_bytes: usize,

    /// Largest uploaded document (a scanned decision, an attachment), in bytes.
    #[arg(long, global = true, env = "HOSO_MAX_UPLOAD_BYTES", default_value_t = 20 * 1_048_576)]
    pub max_upload_bytes: usize,

    /// Largest workbook uploaded for an import from Excel (tens of thousands of people with
    /// their sections), in bytes.
    #[arg(long, global = true, env = "HOSO_MAX_IMPORT_BYTES", default_value_t = 200 * 1_048_576)]
    pub max_import_bytes: usize,

    /// Reverse proxies in front of hoso (addresses or CIDR ranges, comma-separated). A request
    /// from one of them is taken to come from the address it forwarded (`X-Forwarded-For`,
    /// read from the right, skipping trusted hops); otherwise the header is ignored. Sign-in
    /// throttling and the audit trail use this address. Default: none.
    #[arg(long, global = true, env = "HOSO_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<String>,

    /// Number of HTTP worker threads. Default: one per CPU core.
    #[arg(long, global = true, env = "HOSO_WORKERS")]
    pub workers: Option<usize>,

    /// Background jobs `hoso serve` runs at once (reports, imports, sync, backups); 0 runs none
    /// there, for a deployment that runs `hoso worker` processes apart. `hoso worker` runs this
    /// many too (at least 1).
    #[arg(long, global = true, env = "HOSO_JOB_WORKERS", default_value_t = 2)]
    pub job_workers: usize,

    /// How long a worker's claim on a job lasts without renewal, in seconds: a job whose worker
    /// died is run again after this (the worker renews it every third of it while it runs).
    #[arg(long, global = true, env = "HOSO_JOB_LEASE_SECONDS", default_value_t = 60)]
    pub job_lease_seconds: u64,

    /// Secret (at least 32 characters) that signs access tokens. Every instance of one
    /// deployment must share it. Default: generated once and kept in `<data dir>/jwt-secret`.
    #[arg(long, global = true, env = "HOSO_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Keys that seal the sensitive fields of dossiers (SEC-2): `lookup=<64 hex>;<id>=<64 hex>;…`,
    /// the lookup-hash key then the data keys, the first current (older ones still open what
    /// they sealed: list a new key first to rotate). Every instance must share them; losing them
    /// loses the sensitive fields. Default: generated once and kept in `<data dir>/data-keys`.
    #[arg(long, global = true, env = "HOSO_DATA_KEYS", hide_env_values = true)]
    pub data_keys: Option<String>,

    /// PEM file of the root certificates whose signing certificates the server accepts for
    /// approvals (CTX-5), e.g. the national root CA and the Government CA. The built-in CA is
    /// always trusted. Default: none besides the built-in CA.
    #[arg(long, global = true, env = "HOSO_TRUSTED_ROOTS")]
    pub trusted_roots: Option<PathBuf>,

    /// Lifetime of an access token, in minutes.
    #[arg(long, global = true, env = "HOSO_ACCESS_TOKEN_MINUTES", default_value_t = 15)]
    pub access_token_minutes: u64,

    /// Lifetime of a refresh token (how long a signed-in browser stays signed in without use),
    /// in hours.
    #[arg(long, global = true, env = "HOSO_REFRESH_TOKEN_HOURS", default_value_t = 12)]
    pub refresh_token_hours: u64,

    /// Where backups are kept (SEC-5): a directory (a mounted disk dedicated to them) or
    /// `s3://bucket/prefix` of an S3-compatible object store. Default: `<data dir>/backups`.
    #[arg(long, global = true, env = "HOSO_BACKUP_TARGET")]
    pub backup_target: Option<String>,

    /// Address of the S3-compatible service (e.g. `http://minio.internal:9000`); unset: AWS.
    #[arg(long, global = true, env = "HOSO_BACKUP_S3_ENDPOINT")]
    pub backup_s3_endpoint: Option<String>,

    /// Region of the bucket (default `us-east-1`, which MinIO accepts).
    #[arg(long, global = true, env = "HOSO_BACKUP_S3_REGION")]
    pub backup_s3_region: Option<String>,

    /// Access key id for the object store.
    #[arg(long, global = true, env = "HOSO_BACKUP_S3_ACCESS_KEY_ID")]
    pub backup_s3_access_key_id: Option<String>,

    /// Secret access key for the object store. Never logged.
    #[arg(
        long,
        global = true,
        env = "HOSO_BACKUP_S3_SECRET_ACCESS_KEY",
        hide_env_values = true
    )]
    pub backup_s3_secret_access_key: Option<String>,

    /// age public keys (`age1…`, separated by commas or spaces) every backup is also encrypted
    /// to: the province's recovery keys, whose identities are kept offline.
    #[arg(long, global = true, env = "HOSO_BACKUP_RECIPIENTS")]
    pub backup_recipients: Option<String>,

    /// File holding this server's own age identity, which every backup is encrypted to so that
    /// the server can verify it by restoring it. Default: `<data dir>/backup-identity`, made on
    /// first use.
    #[arg(long, global = true, env = "HOSO_BACKUP_IDENTITY")]
    pub backup_identity: Option<PathBuf>,

    /// Base address of the provincial data-sharing platform (LGSP) or exchange platform through
    /// which approved dossiers reach the national CBCCVC database (docs/integration.md). Unset:
    /// no connection; messages wait in the outbox until one is configured.
    #[arg(long, global = true, env = "HOSO_NATIONAL_URL")]
    pub national_url: Option<String>,

    /// How hoso authenticates to the platform: `token`, `system_key`, `oauth2`, `access_key`
    /// or `xroad`.
    #[arg(long, global = true, env = "HOSO_NATIONAL_AUTH", default_value = "token")]
    pub national_auth: String,

    /// The user, system id, client id, access key or X-Road client id, by profile.
    #[arg(long, global = true, env = "HOSO_NATIONAL_USER", default_value = "")]
    pub national_user: String,

    /// The password, secret key or client secret, by profile. Never logged.
    #[arg(
        long,
        global = true,
        env = "HOSO_NATIONAL_SECRET",
        default_value = "",
        hide_env_values = true
    )]
    pub national_secret: String,

    /// `AppName` sent by the `access_key` profile.
    #[arg(long, global = true, env = "HOSO_NATIONAL_APP_NAME", default_value = "hoso")]
    pub national_app_name: String,

    /// Seconds to wait for the platform's answer before trying again later.
    #[arg(
        long,
        global = true,
        env = "HOSO_NATIONAL_TIMEOUT_SECONDS",
        default_value_t = 30
    )]
    pub national_timeout_seconds: u64,

    /// Delivery attempts of a message before it is dead (transient failures only).
    #[arg(long, global = true, env = "HOSO_NATIONAL_ATTEMPTS", default_value_t = 10)]
    pub national_attempts: i32,

    /// Send the sensitive group (health, honours, personal history): only when the recorded
    /// consent of the connection covers it (INT-3).
    #[arg(
        long,
        global = true,
        env = "HOSO_NATIONAL_SEND_SENSITIVE",
        default_value_t = false
    )]
    pub national_send_sensitive: bool,

    /// The connection's key pair issued by the Ministry (INT-1): a PEM file with the P-256
    /// private key (PKCS#8 or SEC1, unencrypted) and its certificate, then the chain. Unset: a
    /// certificate of the built-in CA, made once.
    #[arg(long, global = true, env = "HOSO_NATIONAL_SIGNING_KEY")]
    pub national_signing_key: Option<PathBuf>,

    /// Certificates (PEM) of the CA the platform's HTTPS certificate chains to, trusted beside
    /// the system's roots (a ministry or provincial CA).
    #[arg(long, global = true, env = "HOSO_NATIONAL_CA_FILE")]
    pub national_ca_file: Option<PathBuf>,

    /// Mutual TLS: the client certificate the platform issued, as a PEM file with the
    /// certificate (then its chain) and its PKCS#8 private key, or a PKCS#12 file (`.p12`,
    /// `.pfx`) opened with HOSO_NATIONAL_CLIENT_CERT_PASSWORD.
    #[arg(long, global = true, env = "HOSO_NATIONAL_CLIENT_CERT")]
    pub national_client_cert: Option<PathBuf>,

    /// The password of a PKCS#12 client certificate. Never logged.
    #[arg(
        long,
        global = true,
        env = "HOSO_NATIONAL_CLIENT_CERT_PASSWORD",
        default_value = "",
        hide_env_values = true
    )]
    pub national_client_cert_password: String,

    /// A mapping file from the form to the national packet, replacing the shipped one
    /// (`crates/domain/national/packet-v1.json`).
    #[arg(long, global = true, env = "HOSO_NATIONAL_MAPPING")]
    pub national_mapping: Option<PathBuf>,

    /// The SMTP server email goes out through (issue #23 point 10): `smtp://host:25` (plain),
    /// `smtp://host:587?tls=required` (STARTTLS), `smtps://user:password@host:465` (TLS). Unset:
    /// no email is sent; people are still told in the app. Never logged.
    #[arg(long, global = true, env = "HOSO_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of every message, e.g. `Hồ sơ điện tử <hoso@snv.example.gov.vn>`.
    #[arg(
        long,
        global = true,
        env = "HOSO_MAIL_FROM",
        default_value = "Hồ sơ điện tử <hoso@localhost>"
    )]
    pub mail_from: String,

    /// The address people open hoso at, e.g. `https://hoso.example.gov.vn`: the links in email
    /// lead there. Required with HOSO_SMTP_URL.
    #[arg(long, global = true, env = "HOSO_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Which log lines to write, as a tracing filter, e.g. `info` or `hoso_api=debug,info`.
    #[arg(long, global = true, env = "HOSO_LOG", default_value = "info")]
    pub log: String,

    /// Log line format: `text` for people, `json` for log collectors.
    #[arg(long, global = true, env = "HOSO_LOG_FORMAT", default_value = "text")]
    pub log_format: String,
}

/// The settings, checked and turned into the values the program uses.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database: DatabaseUrl,
    pub pool: PoolOptions,
    pub static_dir: PathBuf,
    pub province_name: String,
    pub max_json_bytes: usize,
    pub max_upload_bytes: usize,
    pub max_import_bytes: usize,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub workers: Option<usize>,
    pub job_workers: usize,
    pub job_lease: Duration,
    pub log: String,
    pub log_json: bool,
    pub jwt_secret: Vec<u8>,
    pub data_keys: hoso_app::sealing::DataKeys,
    pub trusted_roots: Vec<hoso_signatures::Certificate>,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    pub backups: hoso_app::backups::BackupSettings,
    pub national: hoso_app::national::NationalSettings,
    pub mail: hoso_app::mail::MailSettings,
}

impl Settings {
    /// Checks every option and prepares what the server needs (the data directory). Each error
    /// names the option, the bad value and what to do.
    pub fn resolve(&self) -> anyhow::Result<Config> {
        let listen: SocketAddr = self.listen.parse().map_err(|_| {
            anyhow!(
                "HOSO_LISTEN (--listen) '{}' is not an address:port such as 127.0.0.1:8080",
                self.listen
            )
        })?;
        prepare_data_dir(&self.data_dir)?;
        let database = match &self.database_url {
            Some(url) => {
                DatabaseUrl::parse(url).map_err(|e| anyhow!("HOSO_DATABASE_URL (--database-url): {e}"))?
            }
            None => DatabaseUrl::Sqlite(self.data_dir.join("hoso.db")),
        };
        if let Some(path) = database.sqlite_path() {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                prepare_data_dir(parent).context(
                    "HOSO_DATABASE_URL (--database-url) names a file in a directory that cannot be used",
                )?;
            }
        }
        if self.database_pool_size < 2 {
            bail!(
                "HOSO_DATABASE_POOL_SIZE (--database-pool-size) must be at least 2, not {}: one connection deadlocks requests that need two",
                self.database_pool_size
            );
        }
        if !(3..=3600).contains(&self.job_lease_seconds) {
            bail!("HOSO_JOB_LEASE_SECONDS (--job-lease-seconds) must be between 3 and 3600");
        }
        if self.job_workers > 64 {
            bail!("HOSO_JOB_WORKERS (--job-workers) must be at most 64");
        }
        if self.workers == Some(0) {
            bail!("HOSO_WORKERS (--workers) must be at least 1");
        }
        let log_json = match self.log_format.as_str() {
            "text" => false,
            "json" => true,
            other => bail!("HOSO_LOG_FORMAT (--log-format) '{other}' is neither 'text' nor 'json'"),
        };
        tracing_subscriber::EnvFilter::try_new(&self.log).map_err(|e| {
            anyhow!(
                "HOSO_LOG (--log) '{}' is not a log filter such as 'info': {e}",
                self.log
            )
        })?;
        let jwt_secret = match &self.jwt_secret {
            Some(secret) if secret.len() < 32 => {
                bail!("HOSO_JWT_SECRET (--jwt-secret) must be at least 32 characters long")
            }
            Some(secret) => secret.as_bytes().to_vec(),
            None => {
                let secret =
                    stored_secret(&self.data_dir.join("jwt-secret"), hoso_app::secrets::random_token)?;
                if secret.len() < 32 {
                    bail!("{}/jwt-secret holds a secret shorter than 32 characters; delete it to make a new one", self.data_dir.display());
                }
                secret.into_bytes()
            }
        };
        let data_keys = match &self.data_keys {
            Some(text) => hoso_app::sealing::DataKeys::parse(text)
                .map_err(|e| anyhow!("HOSO_DATA_KEYS (--data-keys) is not valid: {e}"))?,
            None => {
                let path = self.data_dir.join("data-keys");
                hoso_app::sealing::DataKeys::parse(&stored_secret(
                    &path,
                    hoso_app::sealing::DataKeys::generate,
                )?)
                .map_err(|e| anyhow!("{} is not valid: {e}", path.display()))?
            }
        };
        let trusted_roots = match &self.trusted_roots {
            None => Vec::new(),
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| {
                    anyhow!(
                        "HOSO_TRUSTED_ROOTS (--trusted-roots) '{}' cannot be read: {e}",
                        path.display()
                    )
                })?;
                hoso_signatures::certificates::parse_certificates(&bytes)
                    .map_err(|e| anyhow!("HOSO_TRUSTED_ROOTS (--trusted-roots) '{}': {e}", path.display()))?
            }
        };
        if !(1..=24 * 60).contains(&self.access_token_minutes) {
            bail!("HOSO_ACCESS_TOKEN_MINUTES (--access-token-minutes) must be between 1 and 1440");
        }
        if !(1..=24 * 30).contains(&self.refresh_token_hours) {
            bail!("HOSO_REFRESH_TOKEN_HOURS (--refresh-token-hours) must be between 1 and 720");
        }
        let recipients = match &self.backup_recipients {
            None => Vec::new(),
            Some(text) => hoso_app::backups::keys::parse_recipients(text)
                .map_err(|e| anyhow!("HOSO_BACKUP_RECIPIENTS (--backup-recipients): {e}"))?,
        };
        let identity_path = self
            .backup_identity
            .clone()
            .unwrap_or_else(|| self.data_dir.join("backup-identity"));
        let identity = hoso_app::backups::keys::parse_identity(&stored_secret(
            &identity_path,
            hoso_app::backups::keys::generate_identity,
        )?)
        .map_err(|e| {
            anyhow!(
                "HOSO_BACKUP_IDENTITY (--backup-identity) '{}': {e}",
                identity_path.display()
            )
        })?;
        let s3 = hoso_app::backups::target::S3Options {
            endpoint: self.backup_s3_endpoint.clone(),
            region: self.backup_s3_region.clone(),
            access_key_id: self.backup_s3_access_key_id.clone(),
            secret_access_key: self.backup_s3_secret_access_key.clone(),
        };
        let location = self
            .backup_target
            .clone()
            .unwrap_or_else(|| self.data_dir.join("backups").display().to_string());
        let target = hoso_app::backups::target::BackupTarget::parse(&location, &s3)
            .map_err(|e| anyhow!("HOSO_BACKUP_TARGET (--backup-target): {e}"))?;
        let backups = hoso_app::backups::BackupSettings {
            target,
            s3,
            recipients,
            identity,
            scratch: self.data_dir.join("tmp"),
        };
        let national = self.national_settings()?;
        let mail = match &self.smtp_url {
            None => hoso_app::mail::MailSettings::default(),
            Some(url) => {
                let public_url = self.public_url.as_deref().ok_or_else(|| {
                    anyhow!("HOSO_PUBLIC_URL (--public-url) must be set with HOSO_SMTP_URL: the links in email lead there")
                })?;
                hoso_app::mail::MailSettings::new(url, &self.mail_from, public_url)
                    .map_err(|e| anyhow!("{e}"))?
            }
        };
        Ok(Config {
            listen,
            data_dir: self.data_dir.clone(),
            database,
            pool: PoolOptions {
                max_size: self.database_pool_size,
                checkout_timeout: Duration::from_millis(self.database_timeout_ms),
                sqlite_busy_timeout_ms: self.sqlite_busy_timeout_ms,
            },
            static_dir: self.static_dir.clone(),
            province_name: self.province_name.clone(),
            max_json_bytes: self.max_json_bytes,
            max_upload_bytes: self.max_upload_bytes,
            max_import_bytes: self.max_import_bytes,
            trusted_proxies: self
                .trusted_proxies
                .iter()
                .map(|p| {
                    hoso_api::client_address::parse_trusted(p)
                        .map_err(|e| anyhow!("HOSO_TRUSTED_PROXIES (--trusted-proxies): {e}"))
                })
                .collect::<anyhow::Result<_>>()?,
            workers: self.workers,
            job_workers: self.job_workers,
            job_lease: Duration::from_secs(self.job_lease_seconds),
            log: self.log.clone(),
            log_json,
            jwt_secret,
            data_keys,
            trusted_roots,
            access_ttl: Duration::from_secs(self.access_token_minutes * 60),
            refresh_ttl: Duration::from_secs(self.refresh_token_hours * 3600),
            backups,
            national,
            mail,
        })
    }

    fn national_settings(&self) -> anyhow::Result<hoso_app::national::NationalSettings> {
        let mut settings = hoso_app::national::NationalSettings::default();
        if let Some(path) = &self.national_mapping {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow!(
                    "HOSO_NATIONAL_MAPPING (--national-mapping) '{}': {e}",
                    path.display()
                )
            })?;
            let mapping = hoso_domain::national::Mapping::parse(&text).map_err(|e| {
                anyhow!(
                    "HOSO_NATIONAL_MAPPING (--national-mapping) '{}': {e}",
                    path.display()
                )
            })?;
            settings.mapping = std::sync::Arc::new(mapping);
        }
        if !(1..=100).contains(&self.national_attempts) {
            bail!("HOSO_NATIONAL_ATTEMPTS (--national-attempts) must be between 1 and 100");
        }
        if !(1..=600).contains(&self.national_timeout_seconds) {
            bail!("HOSO_NATIONAL_TIMEOUT_SECONDS (--national-timeout-seconds) must be between 1 and 600");
        }
        if let Some(path) = &self.national_signing_key {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow!(
                    "HOSO_NATIONAL_SIGNING_KEY (--national-signing-key) '{}': {e}",
                    path.display()
                )
            })?;
            let pair = hoso_app::national::SigningKeyPair::from_pem(&text).map_err(|e| {
                anyhow!(
                    "HOSO_NATIONAL_SIGNING_KEY (--national-signing-key) '{}': {e}",
                    path.display()
                )
            })?;
            settings.signing = Some(pair);
        }
        settings.attempts = self.national_attempts;
        settings.include_sensitive = self.national_send_sensitive;
        if let Some(url) = self.national_url.as_deref().filter(|u| !u.is_empty()) {
            let auth = hoso_app::national::client::Auth::from_parts(
                &self.national_auth,
                &self.national_user,
                &self.national_secret,
                &self.national_app_name,
            )
            .map_err(|e| anyhow!("HOSO_NATIONAL_AUTH (--national-auth): {e}"))?;
            if self.national_user.is_empty() {
                bail!("HOSO_NATIONAL_USER (--national-user) is needed with HOSO_NATIONAL_URL");
            }
            let tls = hoso_app::national::client::Tls::from_files(
                self.national_ca_file.as_deref(),
                self.national_client_cert.as_deref(),
                &self.national_client_cert_password,
            )
            .map_err(|e| anyhow!("HOSO_NATIONAL_CA_FILE / HOSO_NATIONAL_CLIENT_CERT: {e}"))?;
            let connection = hoso_app::national::client::Connection::with_tls(
                url,
                auth,
                Duration::from_secs(self.national_timeout_seconds),
                tls,
            )
            .map_err(|e| anyhow!("HOSO_NATIONAL_URL (--national-url): {e}"))?;
            settings.connection = Some(connection);
        }
        Ok(settings)
    }
}

/// Creates the directory if needed and proves it is writable, so that a wrong directory is
/// reported at start rather than at the first upload.
fn prepare_data_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| {
        anyhow!(
            "HOSO_DATA_DIR (--data-dir) '{}' cannot be created: {e}; choose a directory this user may write",
            dir.display()
        )
    })?;
    let probe = dir.join(format!(".hoso-write-check-{}", std::process::id()));
    std::fs::write(&probe, b"ok").map_err(|e| {
        anyhow!(
            "HOSO_DATA_DIR (--data-dir) '{}' is not writable: {e}; choose a directory this user may write",
            dir.display()
        )
    })?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

/// A secret kept in the data directory (token-signing secret, data keys): made by `generate`
/// on first use, readable by this user only.
fn stored_secret(path: &Path, generate: impl FnOnce() -> String) -> anyhow::Result<String> {
    if let Ok(secret) = std::fs::read_to_string(path) {
        return Ok(secret.trim().to_owned());
    }
    let secret = generate();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    use std::io::Write;
    options
        .open(path)
        .and_then(|mut file| file.write_all(secret.as_bytes()))
        .map_err(|e| anyhow!("cannot write a secret to {}: {e}", path.display()))?;
    Ok(secret)
}

/// Reads a TOML configuration file and exports each option it sets as its `HOSO_*` variable,
/// unless the environment already sets it; clap then reads it like any other variable.
/// `known` maps option names (`database_url`) to their variables (`HOSO_DATABASE_URL`).
pub fn load_file(path: &Path, known: &BTreeMap<String, String>) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow!("configuration file '{}' cannot be read: {e}", path.display()))?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        anyhow!(
            "configuration file '{}' is not valid TOML: {}",
            path.display(),
            one_line(&e.to_string())
        )
    })?;
    for (key, value) in table {
        let Some(variable) = known.get(&key) else {
            let names: Vec<&str> = known.keys().map(String::as_str).collect();
            bail!(
                "configuration file '{}': unknown option '{key}'; the options are {}",
                path.display(),
                names.join(", ")
            );
        };
        let value = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => bail!(
                "configuration file '{}': option '{key}' must be a string or a number, not {}",
                path.display(),
                other.type_str()
            ),
        };
        if std::env::var_os(variable).is_none() {
            std::env::set_var(variable, value);
        }
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
