//! Builders for the tests: an application over a fresh database, requests, and bodies.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test as actix_test;
use actix_web::web;
use hoso_api::app;
use hoso_api::auth::{AuthConfig, JwtKeys};
use hoso_api::state::AppState;
pub use hoso_app::seed::DEMO_PASSWORD;
use hoso_store::testing::TestDatabase;
use hoso_store::Backend;

pub const MAX_JSON_BYTES: usize = 64 * 1024;
pub const MAX_UPLOAD_BYTES: usize = 256 * 1024;
pub const TEST_JWT_SECRET: &[u8] = b"test secret that is long enough for HS256";
/// Fixed keys, so a test can open what the server sealed.
pub const TEST_DATA_KEYS: &str = "lookup=1111111111111111111111111111111111111111111111111111111111111111;k1=2222222222222222222222222222222222222222222222222222222222222222";

pub struct TestContext {
    pub db: TestDatabase,
    /// The workflow's clock: a test sets it to walk through dates (deadlines, windows).
    pub clock: hoso_app::clock::Clock,
    /// Roots trusted for external signatures besides the built-in CA.
    pub trusted_roots: Vec<hoso_signatures::Certificate>,
    pub static_dir: PathBuf,
    /// Backups go under the test's own directory, with an identity of its own.
    pub backups: hoso_app::backups::BackupSettings,
    /// Reverse proxies whose `X-Forwarded-For` is believed (none unless a test says).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The national connection (none unless a test points it at a simulator).
    pub national: hoso_app::national::NationalSettings,
    /// The SMTP server (none unless a test starts one).
    pub mail: hoso_app::mail::MailSettings,
    _static_holder: tempfile::TempDir,
}

impl TestContext {
    pub fn new(backend: Backend) -> Self {
        Self::over(TestDatabase::migrated(backend))
    }

    pub fn over(db: TestDatabase) -> Self {
        let holder = tempfile::tempdir().unwrap();
        Self {
            db,
            clock: hoso_app::clock::Clock::system(),
            trusted_roots: Vec::new(),
            static_dir: holder.path().join("static"),
            backups: hoso_app::backups::BackupSettings::in_directory(holder.path()),
            trusted_proxies: Vec::new(),
            national: hoso_app::national::NationalSettings::default(),
            mail: hoso_app::mail::MailSettings::default(),
            _static_holder: holder,
        }
    }

    pub fn state(&self) -> web::Data<AppState> {
        self.state_with(self.db.pool())
    }

    pub fn state_with(&self, pool: hoso_store::DbPool) -> web::Data<AppState> {
        web::Data::new(AppState {
            app: std::sync::Arc::new(hoso_app::App {
                pool,
                backend: self.db.backend(),
                province_name: "Tỉnh Thử Nghiệm".into(),
                blobs: hoso_app::sealed_blobs::in_directory(
                    self.static_dir.join("../documents"),
                    &hoso_app::sealing::DataKeys::parse(TEST_DATA_KEYS).unwrap(),
                ),
                max_upload_bytes: MAX_UPLOAD_BYTES,
                max_import_bytes: MAX_UPLOAD_BYTES,
                data_keys: hoso_app::sealing::DataKeys::parse(TEST_DATA_KEYS).unwrap(),
                trusted_roots: self.trusted_roots.clone(),
                auth: AuthConfig {
                    jwt: JwtKeys::new(TEST_JWT_SECRET),
                    access_ttl: Duration::from_secs(900),
                    refresh_ttl: Duration::from_secs(3600),
                    slow_down_failures: false,
                },
                clock: self.clock.clone(),
                backups: self.backups.clone(),
                national: self.national.clone(),
                mail: self.mail.clone(),
                jobs: Default::default(),
            }),
            started_at: Instant::now(),
            static_dir: self.static_dir.clone(),
            trusted_proxies: self.trusted_proxies.clone(),
        })
    }

    /// Loads the demo province (units, people, an account of every kind) into this database.
    pub fn with_demo(self) -> Self {
        static DEMO_HASH: OnceLock<String> = OnceLock::new();
        let hash = DEMO_HASH.get_or_init(|| hoso_app::passwords::hash(DEMO_PASSWORD));
        hoso_app::seed::load(&mut self.db.connect(), hash).expect("load the demo province");
        self
    }

    /// Adds the demo's generated people (with approved dossiers) from `seed`; how many were made.
    pub fn load_people(&self, seed: u64) -> usize {
        let keys = hoso_app::sealing::DataKeys::parse(TEST_DATA_KEYS).unwrap();
        hoso_app::seed::load_people(&mut self.db.connect(), &keys, seed).expect("generate people")
    }

    /// The application as the server builds it, ready to take requests.
    pub async fn app(
        &self,
    ) -> impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>
    {
        let state = self.state();
        // Background jobs run as in `hoso serve`, for as long as the test's runtime.
        std::mem::forget(hoso_app::jobs::start_background(
            state.app.clone(),
            std::sync::Arc::new(hoso_app::jobs::Registry::standard()),
            1,
            Duration::from_secs(60),
        ));
        actix_test::init_service(app::build(state, MAX_JSON_BYTES)).await
    }

    /// The application without background workers: the test runs the jobs itself with
    /// [`Self::worker`], between steps it controls (the clock, a simulator's faults).
    pub async fn app_without_jobs(
        &self,
    ) -> impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>
    {
        actix_test::init_service(app::build(self.state(), MAX_JSON_BYTES)).await
    }

    /// A job worker over this context's database, clock and settings.
    pub fn worker(&self) -> hoso_app::jobs::Worker {
        hoso_app::jobs::Worker::new(
            self.state().app.clone(),
            std::sync::Arc::new(hoso_app::jobs::Registry::standard()),
            Duration::from_secs(60),
        )
    }

    pub fn write_static(&self, relative: &str, content: &str) {
        let path = self.static_dir.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
}

pub async fn json_body(response: ServiceResponse<impl MessageBody>) -> serde_json::Value {
    let bytes = actix_test::read_body(response).await;
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)))
}

pub async fn text_body(response: ServiceResponse<impl MessageBody>) -> String {
    String::from_utf8(actix_test::read_body(response).await.to_vec()).unwrap()
}

pub fn header(response: &ServiceResponse<impl MessageBody>, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

/// The repository's root, for the committed files tests compare against.
pub fn repository_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Asserts the JSON error body every failure must have, and returns it.
pub fn assert_error_body(body: &serde_json::Value, code: &str) {
    assert_eq!(body["code"], code, "{body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "no message: {body}");
    assert!(
        body["request_id"].as_str().is_some_and(|id| !id.is_empty()),
        "no request id: {body}"
    );
}

/// One request to the application: method, path, optional bearer token and JSON body; the
/// answer's status and JSON body (`null` when empty).
pub async fn call<S, B>(
    app: &S,
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    call_from(app, "203.0.113.7:50000", &[], method, uri, token, body).await
}

/// `call` from the peer `from` (address:port) with extra `headers`.
pub async fn call_from<S, B>(
    app: &S,
    from: &str,
    headers: &[(&str, &str)],
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let mut request = actix_test::TestRequest::default()
        .method(method.parse().unwrap())
        .uri(uri)
        .peer_addr(from.parse().unwrap());
    for (name, value) in headers {
        request = request.insert_header((*name, *value));
    }
    if let Some(token) = token {
        request = request.insert_header(("Authorization", format!("Bearer {token}")));
    }
    if let Some(body) = body {
        request = request.set_json(body);
    }
    let response = actix_test::call_service(app, request.to_request()).await;
    let status = response.status().as_u16();
    let bytes = actix_test::read_body(response).await;
    let json = if bytes.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null)
    };
    (status, json)
}

/// Reads a dossier's draft as `token`, applies `edit` to its content and saves it at the revision
/// read; the answer to the save.
pub async fn edit_draft<S, B>(
    app: &S,
    token: &str,
    dossier_id: &str,
    edit: impl FnOnce(&mut serde_json::Value),
) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let path = format!("/api/v1/dossiers/{dossier_id}/draft");
    let (status, draft) = call(app, "GET", &path, Some(token), None).await;
    assert_eq!(status, 200, "read the draft of {dossier_id}: {draft}");
    let mut content = draft["content"].clone();
    edit(&mut content);
    let body = serde_json::json!({"revision": draft["revision"], "content": content});
    call(app, "PUT", &path, Some(token), Some(body)).await
}

/// Signs in and returns the access token, failing the test if sign-in fails.
pub async fn sign_in<S, B>(app: &S, username: &str, password: &str) -> serde_json::Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, body) = call(
        app,
        "POST",
        "/api/v1/auth/login",
        None,
        Some(serde_json::json!({"username": username, "password": password})),
    )
    .await;
    assert_eq!(status, 200, "sign-in as {username}: {body}");
    body
}

pub async fn token_of<S, B>(app: &S, username: &str) -> String
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    sign_in(app, username, DEMO_PASSWORD).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A file answer to a GET as `token`: status, `Content-Disposition` and bytes.
pub async fn get_file<S, B>(app: &S, token: &str, uri: &str) -> (u16, String, Vec<u8>)
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let request = actix_test::TestRequest::get()
        .uri(uri)
        .insert_header(("Authorization", format!("Bearer {token}")))
        .to_request();
    let response = actix_test::call_service(app, request).await;
    let status = response.status().as_u16();
    let disposition = header(&response, "content-disposition").unwrap_or_default();
    (
        status,
        disposition,
        actix_test::read_body(response).await.to_vec(),
    )
}

/// Uploads bytes as a document with the given content type; the answer's status and body.
pub async fn upload<S, B>(
    app: &S,
    token: &str,
    file_name: &str,
    content_type: &str,
    bytes: Vec<u8>,
) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let uri = format!("/api/v1/documents?file_name={file_name}");
    post_bytes(app, token, &uri, content_type, bytes).await
}

/// Posts a file's bytes as the body (a scan, a workbook); the answer's status and JSON body.
pub async fn post_bytes<S, B>(
    app: &S,
    token: &str,
    uri: &str,
    content_type: &str,
    bytes: Vec<u8>,
) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let request = actix_test::TestRequest::post()
        .uri(uri)
        .insert_header(("Authorization", format!("Bearer {token}")))
        .insert_header(("Content-Type", content_type))
        .set_payload(bytes)
        .to_request();
    let response = actix_test::call_service(app, request).await;
    let status = response.status().as_u16();
    let bytes = actix_test::read_body(response).await;
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
    )
}

/// A real one-page PDF showing `text` (uploads are parsed whole, issue #19 (8)): the objects,
/// the cross-reference table with their offsets, the trailer.
pub fn pdf(text: &str) -> Vec<u8> {
    pdf_with(text, "")
}

/// [`pdf`] with `extra` entries in its catalogue (an `/OpenAction`, say).
pub fn pdf_with(text: &str, extra: &str) -> Vec<u8> {
    let escaped = text.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    let content = format!("BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET");
    let objects = [
        format!("<< /Type /Catalog /Pages 2 0 R {extra}>>"),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Real images that decode (made with Pillow: 2×2 pixels), for uploads.
pub const TINY_PNG: &[u8] = include_bytes!("fixtures/tiny.png");
pub const TINY_JPEG: &[u8] = include_bytes!("fixtures/tiny.jpg");

/// Sets the workflow clock to 10:00 in Vietnam on `date` (YYYY-MM-DD).
pub fn set_day(ctx: &TestContext, date: &str) {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    ctx.clock.set(day.and_hms_opt(3, 0, 0).unwrap().and_utc());
}

/// Takes a complete draft at `revision` to its next version the way the workflow does, with
/// two accounts of Sở Nội vụ: the administrator submits on the person's behalf, the checker
/// (`kiemtra.snv`) locks against the originals, the administrator signs with the built-in
/// signer on a day inside the window. Returns the review.
pub async fn approve_through_workflow<S, B>(
    app: &S,
    ctx: &TestContext,
    admin: &str,
    dossier_id: &str,
    revision: i64,
) -> serde_json::Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    use serde_json::json;
    set_day(ctx, "2031-04-23");
    let (status, review) = call(
        app,
        "POST",
        &format!("/api/v1/dossiers/{dossier_id}/submit"),
        Some(admin),
        Some(json!({"revision": revision})),
    )
    .await;
    assert_eq!(status, 201, "submit: {review}");
    let id = review["id"].as_str().unwrap().to_owned();
    // Separation of duties (#19 (11)): Sở Nội vụ's checker locks what the administrator entered;
    // the administrator, who did not check it, signs.
    let checker = token_of(app, "kiemtra.snv").await;
    let (status, body) = call(
        app,
        "POST",
        &format!("/api/v1/approvals/{id}/lock"),
        Some(&checker),
        Some(json!({"checklist": [{"item": "Sơ yếu lý lịch", "checked": true}]})),
    )
    .await;
    assert_eq!(status, 200, "lock: {body}");
    let (status, certificates) = call(app, "GET", "/api/v1/me/certificates", Some(admin), None).await;
    assert_eq!(status, 200);
    if certificates.as_array().unwrap().is_empty() {
        let (status, body) = call(
            app,
            "POST",
            "/api/v1/me/certificates",
            Some(admin),
            Some(json!({"password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 201, "enrol: {body}");
    }
    let (status, body) = call(
        app,
        "POST",
        &format!("/api/v1/approvals/{id}/sign"),
        Some(admin),
        Some(json!({"password": DEMO_PASSWORD})),
    )
    .await;
    assert_eq!(status, 201, "sign: {body}");
    review
}

/// A test PKI made with the openssl command, as a token vendor or remote signing service
/// would issue: a root CA, and signer certificates issued by it.
pub struct OpensslPki {
    pub dir: tempfile::TempDir,
}

impl OpensslPki {
    pub fn new() -> Self {
        let pki = OpensslPki {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::write(
            pki.dir.path().join("ext.cnf"),
            "[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n\
             [signer]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n",
        )
        .unwrap();
        pki.run(&[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            "ca.key",
        ]);
        pki.run(&[
            "req",
            "-x509",
            "-new",
            "-key",
            "ca.key",
            "-subj",
            "/C=VN/O=Test CA/CN=Test Root",
            "-days",
            "3650",
            "-out",
            "ca.pem",
            "-extensions",
            "ca",
            "-config",
            "ext.cnf",
        ]);
        pki
    }

    pub fn run(&self, args: &[&str]) {
        let out = std::process::Command::new("openssl")
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("the openssl command");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Issues `<name>.pem` with key `<name>.key`; returns the certificate's PEM.
    pub fn issue(&self, name: &str) -> String {
        let key = format!("{name}.key");
        self.run(&[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            &key,
        ]);
        self.run(&[
            "req",
            "-new",
            "-key",
            &key,
            "-subj",
            &format!("/C=VN/CN={name}"),
            "-out",
            "req.csr",
        ]);
        self.run(&[
            "x509",
            "-req",
            "-in",
            "req.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "3000",
            "-out",
            &format!("{name}.pem"),
            "-extfile",
            "ext.cnf",
            "-extensions",
            "signer",
        ]);
        std::fs::read_to_string(self.dir.path().join(format!("{name}.pem"))).unwrap()
    }

    pub fn roots(&self) -> Vec<hoso_signatures::Certificate> {
        let pem = std::fs::read(self.dir.path().join("ca.pem")).unwrap();
        hoso_signatures::certificates::parse_certificates(&pem).unwrap()
    }

    /// `openssl cms -sign` over `content` with `<name>`'s key: the base64 of the DER.
    pub fn sign(&self, name: &str, content: &[u8]) -> String {
        use base64::Engine;
        std::fs::write(self.dir.path().join("content.bin"), content).unwrap();
        self.run(&[
            "cms",
            "-sign",
            "-binary",
            "-in",
            "content.bin",
            "-signer",
            &format!("{name}.pem"),
            "-inkey",
            &format!("{name}.key"),
            "-certfile",
            "ca.pem",
            "-outform",
            "DER",
            "-out",
            "sig.p7s",
        ]);
        base64::engine::general_purpose::STANDARD
            .encode(std::fs::read(self.dir.path().join("sig.p7s")).unwrap())
    }
}

/// Signs in with a temporary password, sets a new one, returns the new access token.
pub async fn sign_in_changing_password<S, B>(app: &S, username: &str, temporary: &str) -> String
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let session = sign_in(app, username, temporary).await;
    let token = session["access_token"].as_str().unwrap();
    let (status, changed) = call(
        app,
        "POST",
        "/api/v1/auth/password",
        Some(token),
        Some(serde_json::json!({"current_password": temporary, "new_password": "Đổi mật khẩu 2026"})),
    )
    .await;
    assert_eq!(status, 200, "{changed}");
    changed["access_token"].as_str().unwrap().to_owned()
}

/// The program a test server runs, named by `variable` (which `cargo xtask test` sets); `None`,
/// with a note, outside CI, where the test is then left out — under CI=true nothing is.
pub fn test_server_program(variable: &str, what: &str) -> Option<String> {
    let Ok(program) = std::env::var(variable) else {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "CI=true but {variable} is not set: {what} would not be tested"
        );
        eprintln!("{what} not tested here: {variable} is not set (cargo xtask test sets it)");
        return None;
    };
    Some(program)
}

/// A free port on the loopback interface for a server the test starts.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Returns once a server the test started accepts connections on `port` (failing after a
/// minute): it is ready then.
pub fn wait_until_listening(port: u16, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(std::time::Instant::now() < deadline, "{what} never listened");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
