//! The other side of the national sync, as `docs/integration.md` specifies it: the platform's
//! authentication in each profile, `POST /cbccvc/v1/packets` (hash and signature checked,
//! order per person enforced, deduplicated by message id), `GET /cbccvc/v1/people/{id}` and
//! the shared catalogues (`GET /cbccvc/v1/catalogs[/{name}]`).
//! Faults are switched on through `POST /_sim/faults`; `GET /_sim/state` tells what it holds.
//! State lives in memory and survives a restart of the server within one process, so that a
//! test can take the simulator down and bring it back on the same port.

mod catalogs;
mod tls;

use std::collections::{BTreeMap, HashMap};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub use catalogs::Catalog;
pub use tls::Tls;

/// How the platform authenticates hoso (docs/integration.md, "Transport profiles").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    Token,
    SystemKey,
    Oauth2,
    AccessKey,
    Xroad,
}

impl Profile {
    pub fn parse(text: &str) -> Option<Profile> {
        serde_json::from_value(Value::String(text.to_owned())).ok()
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub profile: Profile,
    /// The user, system id, client id, access key or X-Road client, by profile.
    pub user: String,
    pub secret: String,
    /// Lifetime of the tokens it issues.
    pub token_seconds: i64,
    /// How long a `timeout` fault holds the answer.
    pub hold: Duration,
}

impl Config {
    pub fn new(profile: Profile) -> Config {
        Config {
            profile,
            user: "hoso".into(),
            secret: "bi-mat-ket-noi".into(),
            token_seconds: 1800,
            hold: Duration::from_secs(3),
        }
    }
}

/// Faults for the next deliveries (each count goes down as it applies).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Hold the answer longer than the client waits, accepting nothing.
    pub timeout: u32,
    pub status_500: u32,
    pub status_429: u32,
    pub retry_after: u64,
    /// Forget every token issued so far (the next call gets 401 `token_expired`).
    pub expire_tokens: bool,
    /// Refuse the credentials (401 on the token call, 401 on deliveries).
    pub refuse_auth: bool,
    /// Accept the message, then answer 502 as if the acknowledgement were lost on the way.
    pub lose_ack: u32,
    /// Refuse the next deliveries with this status and code (e.g. 403 `IP_DISALLOWED`).
    pub reject: u32,
    pub reject_status: u16,
    pub reject_code: String,
}

/// A message the simulator took, once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Accepted {
    pub message_id: String,
    pub citizen_id: String,
    pub sequence: i64,
    pub kind: String,
    pub national_identifier: String,
    pub national_dossier_code: String,
    pub packet_sha256: String,
    pub received_at: DateTime<Utc>,
}

/// What the national database holds of a person.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub national_identifier: String,
    pub national_dossier_code: String,
    pub province: String,
    pub groups: Value,
    pub packet_sha256: String,
    /// When the record last changed (a packet taken, a correction made).
    #[serde(default = "Utc::now")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Default, Serialize)]
pub struct State {
    /// Accepted messages in the order they took effect.
    pub accepted: Vec<Accepted>,
    /// Every delivery request that reached the packet endpoint, duplicates and faults included.
    pub deliveries: u64,
    pub duplicates: u64,
    pub out_of_order: u64,
    pub tokens_issued: u64,
    pub people: BTreeMap<String, Record>,
    pub faults: Faults,
    /// The shared catalogues it publishes, by national name.
    #[serde(skip)]
    pub catalogs: BTreeMap<String, Catalog>,
    /// Roots a packet's signature must chain to; none: only the packet's hash is checked.
    #[serde(skip)]
    pub roots: Vec<hoso_signatures::certificates::Certificate>,
    #[serde(skip)]
    by_message: HashMap<String, usize>,
    /// (sender province, citizen ID) → the last sequence accepted.
    #[serde(skip)]
    sequences: HashMap<(String, String), i64>,
    #[serde(skip)]
    tokens: HashMap<String, DateTime<Utc>>,
    #[serde(skip)]
    next_number: u64,
}

/// A simulator: its configuration and state, started and stopped as servers.
#[derive(Clone)]
pub struct Simulator {
    config: Arc<Config>,
    state: Arc<Mutex<State>>,
}

/// A running server; dropping it stops it.
pub struct Running {
    pub url: String,
    pub port: u16,
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(thread) = self.thread.take() {
            // Stopped without waiting for held (time-out) answers.
            let _ = futures_stop(self.handle.clone());
            let _ = thread.join();
        }
    }
}

fn futures_stop(handle: actix_web::dev::ServerHandle) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || actix_web::rt::System::new().block_on(handle.stop(false)))
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown();
    }
}

impl Simulator {
    pub fn new(config: Config) -> Simulator {
        Simulator {
            config: Arc::new(config),
            state: Arc::new(Mutex::new(State {
                catalogs: catalogs::initial(),
                ..State::default()
            })),
        }
    }

    /// Serves on `port` (0: a free one) of 127.0.0.1 on a thread of its own.
    pub fn start(&self, port: u16) -> std::io::Result<Running> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        self.serve(listener)
    }

    /// Serves HTTPS on `port` (0: a free one) of 127.0.0.1, requiring the client certificate
    /// `tls` issued when it says so.
    pub fn start_tls(&self, port: u16, tls: &Tls) -> std::io::Result<Running> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        self.serve_on(listener, Some(tls))
    }

    /// Serves on a listener the caller bound (e.g. `hoso-national-sim --listen`).
    pub fn serve(&self, listener: TcpListener) -> std::io::Result<Running> {
        self.serve_on(listener, None)
    }

    /// Serves plain HTTP, or HTTPS with `tls`.
    pub fn serve_on(&self, listener: TcpListener, tls: Option<&Tls>) -> std::io::Result<Running> {
        let port = listener.local_addr()?.port();
        let acceptor = tls.map(Tls::acceptor).transpose()?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        let shared = self.clone();
        let (sender, receiver) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = HttpServer::new(move || {
                    App::new()
                        .app_data(web::Data::new(shared.clone()))
                        .app_data(web::PayloadConfig::new(16 * 1024 * 1024))
                        .route("/api/v1/Authentication/Token", web::post().to(token))
                        .route("/token", web::post().to(oauth_token))
                        .route("/cbccvc/v1/packets", web::post().to(deliver))
                        .route("/cbccvc/v1/people", web::get().to(changed_people))
                        .route("/cbccvc/v1/people/{citizen_id}", web::get().to(person))
                        .route("/cbccvc/v1/catalogs", web::get().to(catalogs::list))
                        .route("/cbccvc/v1/catalogs/{name}", web::get().to(catalogs::one))
                        .route("/_sim/catalogs/{name}", web::put().to(catalogs::publish))
                        .route("/_sim/faults", web::post().to(set_faults))
                        .route("/_sim/state", web::get().to(state))
                        .route("/_sim/people/{citizen_id}", web::put().to(put_person))
                        .route("/_sim/people/{citizen_id}", web::delete().to(delete_person))
                })
                .workers(2)
                .shutdown_timeout(0)
                // The process ends on SIGTERM as any program does; stopping a server in a test
                // goes through `Running::stop`.
                .disable_signals();
                let server = match acceptor {
                    Some(acceptor) => server.listen_openssl(listener, acceptor),
                    None => server.listen(listener),
                };
                match server {
                    Ok(server) => {
                        let server = server.run();
                        let _ = sender.send(Ok(server.handle()));
                        let _ = server.await;
                    }
                    Err(e) => {
                        let _ = sender.send(Err(e));
                    }
                }
            })
        });
        let handle = receiver
            .recv()
            .map_err(|e| std::io::Error::other(e.to_string()))??;
        Ok(Running {
            url: format!("{scheme}://127.0.0.1:{port}"),
            port,
            handle,
            thread: Some(thread),
        })
    }

    /// Trusts these roots for packet signatures from now on.
    pub fn trust(&self, roots: Vec<hoso_signatures::certificates::Certificate>) {
        self.state.lock().expect("state").roots = roots;
    }

    pub fn set_faults(&self, faults: Faults) {
        self.state.lock().expect("state").faults = faults;
    }

    /// Reads the state (tests count what was accepted).
    pub fn with_state<T>(&self, read: impl FnOnce(&State) -> T) -> T {
        read(&self.state.lock().expect("state"))
    }

    /// Puts a record as the national database holds it (an arrival's earlier province).
    /// Forgets a record, as if the national database had lost it.
    pub fn remove_person(&self, citizen_id: &str) -> Option<Record> {
        self.state.lock().expect("state").people.remove(citizen_id)
    }

    /// Changes a record in place (a correction made at the Ministry), dating the change now.
    pub fn change_person(&self, citizen_id: &str, change: impl FnOnce(&mut Record)) -> bool {
        let mut state = self.state.lock().expect("state");
        match state.people.get_mut(citizen_id) {
            Some(record) => {
                change(record);
                record.updated_at = Utc::now();
                true
            }
            None => false,
        }
    }

    pub fn put_person(&self, citizen_id: &str, record: Record) {
        self.state
            .lock()
            .expect("state")
            .people
            .insert(citizen_id.to_owned(), record);
    }
}

fn error(status: u16, code: &str, message: &str) -> HttpResponse {
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).expect("a status"))
        .json(json!({"code": code, "message": message}))
}

fn header<'a>(request: &'a HttpRequest, name: &str) -> Option<&'a str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

fn issue_token(sim: &Simulator, state: &mut State) -> (String, DateTime<Utc>) {
    let token = uuid::Uuid::new_v4().simple().to_string();
    let expiry = Utc::now() + chrono::Duration::seconds(sim.config.token_seconds);
    state.tokens.insert(token.clone(), expiry);
    state.tokens_issued += 1;
    (token, expiry)
}

/// Profiles `token` (Auth header) and `system_key` (X-SystemId / X-SecretKey).
async fn token(sim: web::Data<Simulator>, request: HttpRequest) -> HttpResponse {
    let config = &sim.config;
    let b64 = base64::engine::general_purpose::STANDARD;
    let valid = match config.profile {
        Profile::Token => header(&request, "Auth").is_some_and(|auth| {
            let expected = b64.encode(format!(
                "{}:{}",
                b64.encode(&config.user),
                b64.encode(&config.secret)
            ));
            auth == expected
        }),
        Profile::SystemKey => system_key_valid(config, &request),
        _ => return error(404, "not_found", "no token endpoint in this profile"),
    };
    let mut state = sim.state.lock().expect("state");
    if !valid || state.faults.refuse_auth {
        return error(401, "unauthorized", "sai thông tin xác thực");
    }
    let (token, expiry) = issue_token(&sim, &mut state);
    HttpResponse::Ok().json(json!({
        "token": token, "refreshToken": uuid::Uuid::new_v4().simple().to_string(),
        "expiryDate": expiry.to_rfc3339(),
    }))
}

fn system_key_valid(config: &Config, request: &HttpRequest) -> bool {
    header(request, "X-SystemId") == Some(config.user.as_str())
        && header(request, "X-SecretKey") == Some(config.secret.as_str())
}

#[derive(Deserialize)]
struct ClientCredentials {
    grant_type: String,
    client_id: String,
    client_secret: String,
}

/// Profile `oauth2`: the client-credentials grant.
async fn oauth_token(sim: web::Data<Simulator>, form: web::Form<ClientCredentials>) -> HttpResponse {
    if sim.config.profile != Profile::Oauth2 {
        return error(404, "not_found", "no token endpoint in this profile");
    }
    let mut state = sim.state.lock().expect("state");
    let valid = form.grant_type == "client_credentials"
        && form.client_id == sim.config.user
        && form.client_secret == sim.config.secret;
    if !valid || state.faults.refuse_auth {
        return HttpResponse::Unauthorized().json(json!({"error": "invalid_client"}));
    }
    let (token, _) = issue_token(&sim, &mut state);
    HttpResponse::Ok().json(json!({
        "access_token": token, "token_type": "Bearer", "expires_in": sim.config.token_seconds,
    }))
}

/// Why the request is refused for its credentials, if it is (`None`: it carries this
/// profile's credentials).
fn refusal(sim: &Simulator, state: &mut State, request: &HttpRequest) -> Option<HttpResponse> {
    let config = &sim.config;
    if state.faults.refuse_auth {
        return Some(error(401, "unauthorized", "sai thông tin xác thực"));
    }
    let bearer = |state: &State| -> Option<HttpResponse> {
        let Some(token) = header(request, "Authorization").and_then(|h| h.strip_prefix("Bearer ")) else {
            return Some(error(401, "unauthorized", "thiếu token"));
        };
        match state.tokens.get(token) {
            Some(expiry) if *expiry > Utc::now() => None,
            _ => Some(error(401, "token_expired", "token hết hạn")),
        }
    };
    match config.profile {
        Profile::Token | Profile::Oauth2 => bearer(state),
        Profile::SystemKey if !system_key_valid(config, request) => {
            Some(error(401, "unauthorized", "sai X-SystemId hoặc X-SecretKey"))
        }
        Profile::SystemKey => bearer(state),
        Profile::AccessKey => {
            let valid = header(request, "AppName").is_some()
                && header(request, "AccessKey") == Some(config.user.as_str())
                && header(request, "SecretKey") == Some(config.secret.as_str());
            (!valid).then(|| error(401, "unauthorized", "sai AccessKey hoặc SecretKey"))
        }
        Profile::Xroad if header(request, "X-Road-Client") != Some(config.user.as_str()) => {
            Some(error(403, "forbidden", "X-Road-Client không được phép"))
        }
        Profile::Xroad => header(request, "X-Road-Id")
            .is_none()
            .then(|| error(400, "invalid_packet", "thiếu X-Road-Id")),
    }
}

#[derive(Debug, Deserialize)]
struct Packet {
    schema: String,
    message_id: String,
    kind: String,
    sequence: i64,
    #[serde(default)]
    previous_message_id: Option<String>,
    sender: Sender,
    sent_at: DateTime<Utc>,
    person: Value,
    packet_sha256: String,
    signature: String,
}

#[derive(Debug, Deserialize)]
struct Sender {
    province: String,
}

async fn deliver(sim: web::Data<Simulator>, request: HttpRequest, body: web::Bytes) -> HttpResponse {
    // Faults first: they apply to the next deliveries whatever they carry.
    let hold = {
        let mut state = sim.state.lock().expect("state");
        state.deliveries += 1;
        if state.faults.expire_tokens {
            state.tokens.clear();
            state.faults.expire_tokens = false;
        }
        if let Some(refused) = refusal(&sim, &mut state, &request) {
            return refused;
        }
        let faults = &mut state.faults;
        if faults.timeout > 0 {
            faults.timeout -= 1;
            true
        } else if faults.status_500 > 0 {
            faults.status_500 -= 1;
            return error(500, "internal", "lỗi máy chủ");
        } else if faults.status_429 > 0 {
            faults.status_429 -= 1;
            return HttpResponse::TooManyRequests()
                .insert_header(("Retry-After", faults.retry_after.max(1).to_string()))
                .json(json!({"code": "rate_limited", "message": "quá nhiều yêu cầu"}));
        } else if faults.reject > 0 {
            faults.reject -= 1;
            let (status, code) = (faults.reject_status, faults.reject_code.clone());
            return error(status.max(400), &code, "từ chối");
        } else {
            false
        }
    };
    if hold {
        actix_web::rt::time::sleep(sim.config.hold).await;
        return error(504, "timeout", "quá thời gian");
    }
    let packet: Packet = match serde_json::from_slice(&body) {
        Ok(p) => p,
        Err(e) => return error(400, "invalid_packet", &e.to_string()),
    };
    if packet.schema != hoso_domain::national::SCHEMA {
        return error(400, "invalid_packet", "schema không được hỗ trợ");
    }
    let canonical = hoso_domain::national::canonical_bytes(&packet.person);
    let sha = format!("{:x}", Sha256::digest(&canonical));
    if sha != packet.packet_sha256 {
        return error(400, "invalid_packet", "packet_sha256 không khớp nội dung");
    }
    let roots = sim.state.lock().expect("state").roots.clone();
    if !roots.is_empty() {
        // Certificates are judged at the time the packet says it was signed and sent.
        if let Err(failure) =
            hoso_signatures::verify_detached(&canonical, packet.signature.as_bytes(), &roots, packet.sent_at)
        {
            return error(400, "invalid_signature", &failure.to_string());
        }
    } else if packet.signature.is_empty()
        || hoso_signatures::verify::decode_cms(packet.signature.as_bytes()).is_err()
    {
        return error(400, "invalid_signature", "chữ ký không đọc được");
    }
    let Some(citizen_id) = packet
        .person
        .get("citizen_id")
        .and_then(Value::as_str)
        .map(str::to_owned)
    else {
        return error(422, "invalid_packet", "thiếu citizen_id");
    };
    let mut state = sim.state.lock().expect("state");
    if let Some(&index) = state.by_message.get(&packet.message_id) {
        state.duplicates += 1;
        let first = state.accepted[index].clone();
        return HttpResponse::Ok().json(ack(&first, true));
    }
    let key = (packet.sender.province.clone(), citizen_id.clone());
    let last = state.sequences.get(&key).copied().unwrap_or(0);
    if packet.sequence != last + 1 {
        state.out_of_order += 1;
        return HttpResponse::Conflict().json(json!({
            "code": "out_of_order", "message": "gói tin trước của người này chưa được nhận",
            "expected_sequence": last + 1,
        }));
    }
    let _ = packet.previous_message_id;
    let (national_identifier, national_dossier_code) = match state.people.get(&citizen_id) {
        Some(record) => (
            record.national_identifier.clone(),
            record.national_dossier_code.clone(),
        ),
        None => {
            state.next_number += 1;
            let n = state.next_number;
            (
                format!("CB{:010}", n),
                format!("{}.HS-{:06}", packet.sender.province, n),
            )
        }
    };
    let accepted = Accepted {
        message_id: packet.message_id.clone(),
        citizen_id: citizen_id.clone(),
        sequence: packet.sequence,
        kind: packet.kind.clone(),
        national_identifier: national_identifier.clone(),
        national_dossier_code: national_dossier_code.clone(),
        packet_sha256: sha.clone(),
        received_at: Utc::now(),
    };
    let groups = packet.person.get("groups").cloned().unwrap_or(Value::Null);
    state.people.insert(
        citizen_id,
        Record {
            national_identifier,
            national_dossier_code,
            province: packet.sender.province.clone(),
            groups,
            packet_sha256: sha,
            updated_at: Utc::now(),
        },
    );
    state.sequences.insert(key, packet.sequence);
    state.accepted.push(accepted.clone());
    let index = state.accepted.len() - 1;
    state.by_message.insert(packet.message_id, index);
    if state.faults.lose_ack > 0 {
        state.faults.lose_ack -= 1;
        return error(502, "bad_gateway", "mất kết nối");
    }
    HttpResponse::Ok().json(ack(&accepted, false))
}

fn ack(accepted: &Accepted, duplicate: bool) -> Value {
    json!({
        "message_id": accepted.message_id,
        "national_identifier": accepted.national_identifier,
        "national_dossier_code": accepted.national_dossier_code,
        "received_at": accepted.received_at.to_rfc3339(),
        "duplicate": duplicate,
    })
}

async fn person(sim: web::Data<Simulator>, request: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let mut state = sim.state.lock().expect("state");
    if let Some(refused) = refusal(&sim, &mut state, &request) {
        return refused;
    }
    match state.people.get(path.as_str()) {
        Some(record) => HttpResponse::Ok().json(json!({
            "national_identifier": record.national_identifier,
            "national_dossier_code": record.national_dossier_code,
            "province": record.province,
            "groups": record.groups,
        })),
        None => error(
            404,
            "not_found",
            "không có người này trong cơ sở dữ liệu quốc gia",
        ),
    }
}

#[derive(Debug, Deserialize)]
struct ChangedQuery {
    province: String,
    changed_since: chrono::NaiveDate,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    limit: Option<usize>,
}

/// The province's records changed since a day, a page at a time in citizen-ID order.
async fn changed_people(
    sim: web::Data<Simulator>,
    request: HttpRequest,
    query: web::Query<ChangedQuery>,
) -> HttpResponse {
    let mut state = sim.state.lock().expect("state");
    if let Some(refused) = refusal(&sim, &mut state, &request) {
        return refused;
    }
    let since = query.changed_since.and_time(chrono::NaiveTime::MIN).and_utc();
    let limit = query.limit.unwrap_or(500).clamp(1, 1000);
    let after = query.after.clone().unwrap_or_default();
    let page: Vec<Value> = state
        .people
        .range::<String, _>((std::ops::Bound::Excluded(after), std::ops::Bound::Unbounded))
        .filter(|(_, r)| r.province == query.province && r.updated_at >= since)
        .take(limit)
        .map(|(citizen_id, r)| {
            json!({
                "citizen_id": citizen_id, "national_identifier": r.national_identifier,
                "national_dossier_code": r.national_dossier_code, "packet_sha256": r.packet_sha256,
                "updated_at": r.updated_at.to_rfc3339(),
            })
        })
        .collect();
    let next = (page.len() == limit).then(|| page.last().map(|p| p["citizen_id"].clone()));
    HttpResponse::Ok().json(json!({"people": page, "next_after": next.flatten()}))
}

async fn set_faults(sim: web::Data<Simulator>, faults: web::Json<Faults>) -> HttpResponse {
    sim.set_faults(faults.into_inner());
    HttpResponse::NoContent().finish()
}

async fn state(sim: web::Data<Simulator>) -> HttpResponse {
    let state = sim.state.lock().expect("state");
    HttpResponse::Ok().json(&*state)
}

async fn put_person(
    sim: web::Data<Simulator>,
    path: web::Path<String>,
    record: web::Json<Record>,
) -> HttpResponse {
    sim.put_person(&path, record.into_inner());
    HttpResponse::NoContent().finish()
}

async fn delete_person(sim: web::Data<Simulator>, path: web::Path<String>) -> HttpResponse {
    sim.remove_person(&path);
    HttpResponse::NoContent().finish()
}
