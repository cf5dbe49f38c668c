//! Builders for the tests: an application over a fresh database, requests, and bodies.

use std::path::{Path, PathBuf};
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test as actix_test;
use actix_web::web;
use hoso_api::app;
use hoso_api::state::AppState;
use hoso_store::testing::TestDatabase;
use hoso_store::Backend;

pub const MAX_JSON_BYTES: usize = 64 * 1024;

pub struct TestContext {
    pub db: TestDatabase,
    pub static_dir: PathBuf,
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
            static_dir: holder.path().to_path_buf(),
            _static_holder: holder,
        }
    }

    pub fn state(&self) -> web::Data<AppState> {
        self.state_with(self.db.pool())
    }

    pub fn state_with(&self, pool: hoso_store::DbPool) -> web::Data<AppState> {
        web::Data::new(AppState {
            pool,
            backend: self.db.backend(),
            started_at: Instant::now(),
            province_name: "Tỉnh Thử Nghiệm".into(),
            static_dir: self.static_dir.clone(),
        })
    }

    /// The application as the server builds it, ready to take requests.
    pub async fn app(
        &self,
    ) -> impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>
    {
        actix_test::init_service(app::build(self.state(), MAX_JSON_BYTES)).await
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
