//! The typed client of `/api/v1`. Every call returns the API's own types or an
//! [`ApiFailure`] that says, in Vietnamese, what went wrong. Authenticated calls carry the
//! session's access token; when it has expired they renew it once with the refresh token, and
//! when that fails too the session ends and the shell shows the sign-in page.

use gloo_net::http::{Method, RequestBuilder, Response};
use hoso_api_types::accounts::Me;
use hoso_api_types::auth::{LoginRequest, RefreshRequest, SessionTokens};
use hoso_api_types::system::{Health, Readiness, SystemInfo};
use hoso_api_types::ErrorBody;
use leptos::prelude::{RwSignal, Set};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::session::{Auth, Session};

pub const BASE: &str = "/api/v1";

#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// The server could not be reached at all.
    Network(String),
    /// The server answered with its error body.
    Api { status: u16, body: ErrorBody },
    /// The server answered something this client cannot read.
    Unreadable { status: u16, reason: String },
    /// The form cannot be sent as it is (said before asking the server).
    Incomplete(String),
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
            ApiFailure::Incomplete(message) => message.clone(),
        }
    }

    pub fn local(message: &str) -> Self {
        ApiFailure::Incomplete(message.to_owned())
    }

    /// The request id to quote when reporting the problem, when the server gave one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiFailure::Api { body, .. } => body.request_id.as_deref(),
            _ => None,
        }
    }

    /// The message for one field of a form, when the server named it.
    pub fn field(&self, name: &str) -> Option<String> {
        match self {
            ApiFailure::Api { body, .. } => body
                .details
                .as_ref()?
                .fields
                .iter()
                .filter(|f| f.field == name)
                .map(|f| f.message.clone())
                .reduce(|a, b| format!("{a} {b}")),
            _ => None,
        }
    }
}

pub async fn health() -> Result<Health, ApiFailure> {
    decode(send_raw(Method::GET, "/health", None, None::<&()>).await?, &[]).await
}

/// Readiness answers 503 with the same body when not ready: both are an answer, not a failure.
pub async fn readiness() -> Result<Readiness, ApiFailure> {
    decode(send_raw(Method::GET, "/ready", None, None::<&()>).await?, &[503]).await
}

pub async fn system_info() -> Result<SystemInfo, ApiFailure> {
    decode(send_raw(Method::GET, "/info", None, None::<&()>).await?, &[]).await
}

/// Whether the deployment waits for its first run (asked before anyone signs in).
pub async fn setup_status() -> Result<hoso_api_types::golive::SetupStatus, ApiFailure> {
    decode(send_raw(Method::GET, "/setup", None, None::<&()>).await?, &[]).await
}

/// The first run (`POST /setup`), with the token the server printed.
pub async fn setup(
    request: &hoso_api_types::golive::SetupRequest,
) -> Result<hoso_api_types::golive::SetupResult, ApiFailure> {
    decode(send_raw(Method::POST, "/setup", None, Some(request)).await?, &[]).await
}

/// Signs in and returns the session (with the kinds of account it manages).
pub async fn login(username: String, password: String) -> Result<Session, ApiFailure> {
    let tokens: SessionTokens = decode(
        send_raw(
            Method::POST,
            "/auth/login",
            None,
            Some(&LoginRequest { username, password }),
        )
        .await?,
        &[],
    )
    .await?;
    session_from(tokens).await
}

/// A session from fresh tokens, asking `/me` what the account manages.
pub async fn session_from(tokens: SessionTokens) -> Result<Session, ApiFailure> {
    let me: Me = decode(
        send_raw(Method::GET, "/me", Some(&tokens.access_token), None::<&()>).await?,
        &[],
    )
    .await?;
    Ok(Session::from_tokens(tokens, me.manages))
}

pub async fn logout(auth: Auth) {
    if let Some(session) = auth.get_untracked() {
        let body = RefreshRequest {
            refresh_token: session.refresh_token.clone(),
        };
        let _ = send_raw(
            Method::POST,
            "/auth/logout",
            Some(&session.access_token),
            Some(&body),
        )
        .await;
    }
    auth.set(None);
}

pub async fn get<T: DeserializeOwned>(auth: Auth, path: &str) -> Result<T, ApiFailure> {
    authed(auth, Method::GET, path, None::<&()>).await
}

pub async fn post<B: Serialize, T: DeserializeOwned>(
    auth: Auth,
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    authed(auth, Method::POST, path, Some(body)).await
}

pub async fn put<B: Serialize, T: DeserializeOwned>(
    auth: Auth,
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    authed(auth, Method::PUT, path, Some(body)).await
}

pub async fn patch<B: Serialize, T: DeserializeOwned>(
    auth: Auth,
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    authed(auth, Method::PATCH, path, Some(body)).await
}

/// Uploads a scanned document (PDF, JPEG, PNG) and returns what the server stored.
pub async fn upload(
    auth: Auth,
    file: web_sys::File,
    progress: RwSignal<Option<f64>>,
) -> Result<hoso_api_types::documents::DocumentView, ApiFailure> {
    let path = format!(
        "/documents?file_name={}",
        crate::pages::accounts::encode(&file.name())
    );
    upload_to(auth, &path, file, progress).await
}

/// Posts a file as the body to `path` (a document, a workbook to import) with upload progress;
/// the server's answer.
pub async fn upload_to<T: DeserializeOwned>(
    auth: Auth,
    path: &str,
    file: web_sys::File,
    progress: RwSignal<Option<f64>>,
) -> Result<T, ApiFailure> {
    let url = format!("{BASE}{path}");
    let token = auth.get_untracked().map(|s| s.access_token);
    let (mut status, mut text) = send_file(&url, &file, token, progress).await?;
    if status == 401 {
        if let Some(token) = renew(auth).await {
            (status, text) = send_file(&url, &file, Some(token), progress).await?;
        }
    }
    progress.set(None);
    parse(status, &text)
}

/// Sends a file with XMLHttpRequest, the one browser API that reports upload progress (fetch
/// does not), setting `progress` from 0 to 1 as the bytes leave.
async fn send_file(
    url: &str,
    file: &web_sys::File,
    token: Option<String>,
    progress: RwSignal<Option<f64>>,
) -> Result<(u16, String), ApiFailure> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let failed = |_| ApiFailure::Network("Không gửi được tệp.".into());
    let xhr = web_sys::XmlHttpRequest::new().map_err(failed)?;
    xhr.open_with_async("POST", url, true).map_err(failed)?;
    xhr.set_request_header("Content-Type", &file.type_())
        .map_err(failed)?;
    if let Some(token) = token {
        xhr.set_request_header("Authorization", &format!("Bearer {token}"))
            .map_err(failed)?;
    }
    progress.set(Some(0.0));
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                progress.set(Some(event.loaded() / event.total()));
            }
        });
    xhr.upload()
        .map_err(failed)?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        xhr.set_onload(Some(&resolve));
        xhr.set_onerror(Some(&reject));
    });
    xhr.send_with_opt_blob(Some(file)).map_err(failed)?;
    let finished = wasm_bindgen_futures::JsFuture::from(done).await;
    drop(on_progress);
    finished.map_err(failed)?;
    let status = xhr.status().map_err(failed)?;
    Ok((status, xhr.response_text().map_err(failed)?.unwrap_or_default()))
}

/// An answer's body: `T` on success, the API's error body otherwise.
fn parse<T: DeserializeOwned>(status: u16, text: &str) -> Result<T, ApiFailure> {
    let unreadable = |e: serde_json::Error| ApiFailure::Unreadable {
        status,
        reason: e.to_string(),
    };
    if (200..300).contains(&status) {
        serde_json::from_str(if text.is_empty() { "null" } else { text }).map_err(unreadable)
    } else {
        let body: ErrorBody = serde_json::from_str(text).map_err(unreadable)?;
        Err(ApiFailure::Api { status, body })
    }
}

/// Fetches a document with the session's token and opens it in a new tab.
pub async fn open_document(auth: Auth, id: &str) -> Result<(), ApiFailure> {
    open_file(auth, &format!("/documents/{id}")).await
}

/// Fetches a file the API serves (a document, an attachment, a printout) with the session's
/// token and opens it in a new tab.
pub async fn open_file(auth: Auth, path: &str) -> Result<(), ApiFailure> {
    let url = fetch_blob_url(auth, path).await?;
    if let Some(window) = web_sys::window() {
        let _ = window.open_with_url_and_target(&url, "_blank");
    }
    Ok(())
}

/// Fetches a file the API serves (an export) with the session's token and saves it as
/// `file_name`.
pub async fn download_file(auth: Auth, path: &str, file_name: &str) -> Result<(), ApiFailure> {
    use wasm_bindgen::JsCast;
    let url = fetch_blob_url(auth, path).await?;
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| ApiFailure::Network("no document".into()))?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    Ok(())
}

/// The response's bytes as a blob URL of its content type.
async fn fetch_blob_url(auth: Auth, path: &str) -> Result<String, ApiFailure> {
    let token = auth.get_untracked().map(|s| s.access_token).unwrap_or_default();
    let response = RequestBuilder::new(&format!("{BASE}{path}"))
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .map_err(|e| ApiFailure::Network(e.to_string()))?;
    if !response.ok() {
        decode::<()>(response, &[]).await?;
        return Err(ApiFailure::Network("unexpected response".into()));
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let bytes = response
        .binary()
        .await
        .map_err(|e| ApiFailure::Network(e.to_string()))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&content_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| ApiFailure::Network("blob".into()))?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiFailure::Network("url".into()))
}

async fn authed<B: Serialize, T: DeserializeOwned>(
    auth: Auth,
    method: Method,
    path: &str,
    body: Option<&B>,
) -> Result<T, ApiFailure> {
    let token = auth.get_untracked().map(|s| s.access_token);
    let response = send_raw(method.clone(), path, token.as_deref(), body).await?;
    if response.status() != 401 || token.is_none() {
        return decode(response, &[]).await;
    }
    // The access token expired (or the account changed): renew once, then give up.
    match renew(auth).await {
        Some(token) => decode(send_raw(method, path, Some(&token), body).await?, &[]).await,
        None => {
            auth.set(None);
            decode(response, &[]).await
        }
    }
}

async fn renew(auth: Auth) -> Option<String> {
    let session = auth.get_untracked()?;
    let body = RefreshRequest {
        refresh_token: session.refresh_token.clone(),
    };
    let tokens: SessionTokens = decode(
        send_raw(Method::POST, "/auth/refresh", None, Some(&body))
            .await
            .ok()?,
        &[],
    )
    .await
    .ok()?;
    let token = tokens.access_token.clone();
    auth.set(Some(Session::from_tokens(tokens, session.manages)));
    Some(token)
}

async fn send_raw<B: Serialize>(
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&B>,
) -> Result<Response, ApiFailure> {
    let mut builder = RequestBuilder::new(&format!("{BASE}{path}"))
        .method(method)
        .header("Accept", "application/json");
    if let Some(token) = token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let request = match body {
        Some(body) => builder
            .json(body)
            .map_err(|e| ApiFailure::Network(e.to_string()))?,
        None => builder.build().map_err(|e| ApiFailure::Network(e.to_string()))?,
    };
    request
        .send()
        .await
        .map_err(|e| ApiFailure::Network(e.to_string()))
}

/// 2xx and the statuses in `also_ok` are decoded as `T` (204 as JSON `null`), anything else
/// as the error body.
async fn decode<T: DeserializeOwned>(response: Response, also_ok: &[u16]) -> Result<T, ApiFailure> {
    let status = response.status();
    let text = response.text().await.map_err(|e| ApiFailure::Unreadable {
        status,
        reason: e.to_string(),
    })?;
    // Statuses the caller expects are read as success bodies.
    let status_as_read = if also_ok.contains(&status) { 200 } else { status };
    parse(status_as_read, &text).map_err(|failure| match failure {
        ApiFailure::Unreadable { reason, .. } => ApiFailure::Unreadable { status, reason },
        other => other,
    })
}
