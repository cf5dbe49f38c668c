//! The typed client of `/api/v1`. Every call returns the API's own types or an
//! [`ApiFailure`] that says, in Vietnamese, what went wrong.

use gloo_net::http::{Request, Response};
use hoso_api_types::system::{Health, Readiness, SystemInfo};
use hoso_api_types::ErrorBody;
use serde::de::DeserializeOwned;

pub const BASE: &str = "/api/v1";

#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// The server could not be reached at all.
    Network(String),
    /// The server answered with its error body.
    Api { status: u16, body: ErrorBody },
    /// The server answered something this client cannot read.
    Unreadable { status: u16, reason: String },
}

impl ApiFailure {
    /// What to tell the person, in Vietnamese.
    pub fn message(&self) -> String {
        match self {
            ApiFailure::Network(_) => {
                "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.".into()
            }
            ApiFailure::Api { body, .. } => body.message.clone(),
            ApiFailure::Unreadable { status, .. } => {
                format!("Máy chủ trả lời không đúng định dạng (mã {status}).")
            }
        }
    }

    /// The request id to quote when reporting the problem, when the server gave one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiFailure::Api { body, .. } => body.request_id.as_deref(),
            _ => None,
        }
    }
}

pub async fn health() -> Result<Health, ApiFailure> {
    get_json("/health", &[]).await
}

/// Readiness answers 503 with the same body when not ready: both are an answer, not a failure.
pub async fn readiness() -> Result<Readiness, ApiFailure> {
    get_json("/ready", &[503]).await
}

pub async fn system_info() -> Result<SystemInfo, ApiFailure> {
    get_json("/info", &[]).await
}

/// GETs `BASE + path`; 2xx and the statuses in `also_ok` are decoded as `T`, anything else as
/// the error body.
async fn get_json<T: DeserializeOwned>(path: &str, also_ok: &[u16]) -> Result<T, ApiFailure> {
    let response = Request::get(&format!("{BASE}{path}"))
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| ApiFailure::Network(e.to_string()))?;
    decode(response, also_ok).await
}

async fn decode<T: DeserializeOwned>(response: Response, also_ok: &[u16]) -> Result<T, ApiFailure> {
    let status = response.status();
    if response.ok() || also_ok.contains(&status) {
        return response.json::<T>().await.map_err(|e| ApiFailure::Unreadable {
            status,
            reason: e.to_string(),
        });
    }
    match response.json::<ErrorBody>().await {
        Ok(body) => Err(ApiFailure::Api { status, body }),
        Err(e) => Err(ApiFailure::Unreadable {
            status,
            reason: e.to_string(),
        }),
    }
}
