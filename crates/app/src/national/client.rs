//! The transport to the platform, by profile (docs/integration.md, "Transport profiles"): how
//! hoso authenticates, the token it keeps until five minutes before it expires, and one
//! exchange with every request and answer handed to the message log.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::io_runtime::on_runtime;

/// How hoso proves who it is to the platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// `POST /api/v1/Authentication/Token` with `Auth: base64(base64(user):base64(password))`.
    Token { user: String, password: String },
    /// `X-SystemId` / `X-SecretKey` on every call, beside a bearer token.
    SystemKey { system_id: String, secret: String },
    /// OAuth2 client credentials at `/token`.
    Oauth2 {
        client_id: String,
        client_secret: String,
    },
    /// `AppName`, `AccessKey`, `SecretKey` on every call.
    AccessKey {
        app_name: String,
        access_key: String,
        secret_key: String,
    },
    /// X-Road REST: `X-Road-Client` (and `X-Road-Id` per message).
    Xroad { client: String },
}

impl Auth {
    pub fn profile(&self) -> &'static str {
        match self {
            Auth::Token { .. } => "token",
            Auth::SystemKey { .. } => "system_key",
            Auth::Oauth2 { .. } => "oauth2",
            Auth::AccessKey { .. } => "access_key",
            Auth::Xroad { .. } => "xroad",
        }
    }

    /// Builds the profile named `profile` from a user (system id, client id, access key or
    /// X-Road client) and a secret.
    pub fn from_parts(profile: &str, user: &str, secret: &str, app_name: &str) -> Result<Auth, String> {
        let (user, secret) = (user.to_owned(), secret.to_owned());
        Ok(match profile {
            "token" => Auth::Token {
                user,
                password: secret,
            },
            "system_key" => Auth::SystemKey {
                system_id: user,
                secret,
            },
            "oauth2" => Auth::Oauth2 {
                client_id: user,
                client_secret: secret,
            },
            "access_key" => Auth::AccessKey {
                app_name: app_name.to_owned(),
                access_key: user,
                secret_key: secret,
            },
            "xroad" => Auth::Xroad { client: user },
            other => {
                return Err(format!(
                    "unknown profile '{other}': token, system_key, oauth2, access_key or xroad"
                ))
            }
        })
    }

    fn uses_token(&self) -> bool {
        matches!(
            self,
            Auth::Token { .. } | Auth::SystemKey { .. } | Auth::Oauth2 { .. }
        )
    }
}

/// The platform's token and when it expires, shared by the connection's clones.
type CachedToken = Option<(String, DateTime<Utc>)>;

/// A configured connection to the platform.
#[derive(Clone)]
pub struct Connection {
    pub url: String,
    pub auth: Auth,
    pub timeout: Duration,
    http: reqwest::Client,
    token: Arc<Mutex<CachedToken>>,
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("url", &self.url)
            .field("profile", &self.auth.profile())
            .finish()
    }
}

/// One HTTP exchange as the message log keeps it (secrets never in it).
#[derive(Debug, Clone)]
pub struct Exchange {
    pub method: &'static str,
    pub path: String,
    pub request_body: String,
    /// `None`: no answer came (time-out, refused connection).
    pub status: Option<u16>,
    pub response_body: String,
}

/// What the platform answered.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub retry_after: Option<u64>,
}

/// Why no answer came.
#[derive(Debug, Clone)]
pub struct NoAnswer(pub String);

/// TLS towards the platform beyond the system's own roots: the roots of a CA the platform's
/// certificate chains to, and the client certificate of mutual TLS (docs/integration.md).
#[derive(Clone, Default)]
pub struct Tls {
    pub roots: Vec<reqwest::Certificate>,
    pub identity: Option<reqwest::Identity>,
}

impl Tls {
    /// Reads `roots` (PEM certificates) and `client`: a PEM file holding the client certificate
    /// (then its chain) and its PKCS#8 private key, or a PKCS#12 file (`.p12`, `.pfx`) opened
    /// with `password`.
    pub fn from_files(
        roots: Option<&std::path::Path>,
        client: Option<&std::path::Path>,
        password: &str,
    ) -> Result<Tls, String> {
        let read =
            |path: &std::path::Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
        let mut tls = Tls::default();
        if let Some(path) = roots {
            tls.roots = reqwest::Certificate::from_pem_bundle(&read(path)?)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            if tls.roots.is_empty() {
                return Err(format!("{}: no CERTIFICATE block", path.display()));
            }
        }
        if let Some(path) = client {
            let bytes = read(path)?;
            let pkcs12 = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("p12") || e.eq_ignore_ascii_case("pfx"));
            let identity = if pkcs12 {
                reqwest::Identity::from_pkcs12_der(&bytes, password)
            } else {
                let text = String::from_utf8_lossy(&bytes);
                let blocks = hoso_signatures::ca::pem_blocks(&text);
                let certificates: String = blocks
                    .iter()
                    .filter(|b| b.starts_with("-----BEGIN CERTIFICATE-----"))
                    .cloned()
                    .collect();
                let Some(key) = blocks
                    .iter()
                    .find(|b| b.starts_with("-----BEGIN PRIVATE KEY-----"))
                else {
                    return Err(format!(
                        "{}: no PKCS#8 PRIVATE KEY block (convert one with `openssl pkcs8 -topk8 -nocrypt`)",
                        path.display()
                    ));
                };
                if certificates.is_empty() {
                    return Err(format!("{}: no CERTIFICATE block beside the key", path.display()));
                }
                reqwest::Identity::from_pkcs8_pem(certificates.as_bytes(), key.as_bytes())
            };
            tls.identity = Some(identity.map_err(|e| format!("{}: {e}", path.display()))?);
        }
        Ok(tls)
    }
}

impl Connection {
    pub fn new(url: &str, auth: Auth, timeout: Duration) -> Result<Connection, String> {
        Connection::with_tls(url, auth, timeout, Tls::default())
    }

    /// A connection whose HTTPS also trusts `tls.roots` and presents `tls.identity`.
    pub fn with_tls(url: &str, auth: Auth, timeout: Duration, tls: Tls) -> Result<Connection, String> {
        let url = url.trim_end_matches('/').to_owned();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(format!("'{url}' is not an http(s) address"));
        }
        if tls.identity.is_some() && !url.starts_with("https://") {
            return Err(format!(
                "a client certificate needs an https address, not '{url}'"
            ));
        }
        let mut builder = reqwest::Client::builder().timeout(timeout);
        for root in tls.roots {
            builder = builder.add_root_certificate(root);
        }
        if let Some(identity) = tls.identity {
            builder = builder.identity(identity);
        }
        let http = builder.build().map_err(|e| e.to_string())?;
        Ok(Connection {
            url,
            auth,
            timeout,
            http,
            token: Arc::new(Mutex::new(None)),
        })
    }

    /// Sends one request (with a fresh token when the profile uses one, and once more with a
    /// new token after a 401), handing each exchange to `log`.
    pub fn send(
        &self,
        method: &'static str,
        path: &str,
        body: Option<&Value>,
        message_id: Option<&str>,
        log: &mut dyn FnMut(&Exchange),
    ) -> Result<Answer, NoAnswer> {
        let first = self.send_once(method, path, body, message_id, log)?;
        if first.status == 401 && self.auth.uses_token() {
            *self.token.lock().expect("token cache") = None;
            return self.send_once(method, path, body, message_id, log);
        }
        Ok(first)
    }

    fn send_once(
        &self,
        method: &'static str,
        path: &str,
        body: Option<&Value>,
        message_id: Option<&str>,
        log: &mut dyn FnMut(&Exchange),
    ) -> Result<Answer, NoAnswer> {
        let token = if self.auth.uses_token() {
            match self.token(log)? {
                Some(token) => Some(token),
                // The token call itself was refused: that answer is the answer.
                None => {
                    return Ok(Answer {
                        status: 401,
                        body: serde_json::json!({"code": "auth_refused"}),
                        retry_after: None,
                    })
                }
            }
        } else {
            None
        };
        let mut headers = self.identity_headers();
        if let Some(token) = token {
            headers.push(("Authorization".into(), format!("Bearer {token}")));
        }
        if let (Auth::Xroad { .. }, Some(id)) = (&self.auth, message_id) {
            headers.push(("X-Road-Id".into(), id.to_owned()));
        }
        let request_body = body.map(|b| b.to_string()).unwrap_or_default();
        let answer = self.exchange(method, path, headers, Payload::Json(request_body.clone()));
        log(&Exchange {
            method,
            path: path.to_owned(),
            request_body,
            status: answer.as_ref().ok().map(|a| a.status),
            response_body: match &answer {
                Ok(a) => a.body.to_string(),
                Err(NoAnswer(why)) => why.clone(),
            },
        });
        answer
    }

    /// Headers every request of the profile carries besides a token.
    fn identity_headers(&self) -> Vec<(String, String)> {
        let mut headers = vec![("X-Request-Id".to_owned(), uuid::Uuid::new_v4().to_string())];
        match &self.auth {
            Auth::SystemKey { system_id, secret } => {
                headers.push(("X-SystemId".into(), system_id.clone()));
                headers.push(("X-SecretKey".into(), secret.clone()));
            }
            Auth::AccessKey {
                app_name,
                access_key,
                secret_key,
            } => {
                headers.push(("AppName".into(), app_name.clone()));
                headers.push(("AccessKey".into(), access_key.clone()));
                headers.push(("SecretKey".into(), secret_key.clone()));
            }
            Auth::Xroad { client } => headers.push(("X-Road-Client".into(), client.clone())),
            Auth::Token { .. } | Auth::Oauth2 { .. } => {}
        }
        headers
    }

    /// The cached token, or a new one; `None` when the platform refused the credentials.
    fn token(&self, log: &mut dyn FnMut(&Exchange)) -> Result<Option<String>, NoAnswer> {
        let margin = chrono::Duration::minutes(5);
        if let Some((token, expiry)) = &*self.token.lock().expect("token cache") {
            if *expiry - margin > Utc::now() {
                return Ok(Some(token.clone()));
            }
        }
        let b64 = base64::engine::general_purpose::STANDARD;
        let (path, mut headers, payload) = match &self.auth {
            Auth::Token { user, password } => (
                "/api/v1/Authentication/Token",
                vec![(
                    "Auth".to_owned(),
                    b64.encode(format!("{}:{}", b64.encode(user), b64.encode(password))),
                )],
                Payload::Empty,
            ),
            Auth::SystemKey { .. } => ("/api/v1/Authentication/Token", Vec::new(), Payload::Empty),
            Auth::Oauth2 {
                client_id,
                client_secret,
            } => (
                "/token",
                Vec::new(),
                Payload::Form(vec![
                    ("grant_type".into(), "client_credentials".into()),
                    ("client_id".into(), client_id.clone()),
                    ("client_secret".into(), client_secret.clone()),
                ]),
            ),
            Auth::AccessKey { .. } | Auth::Xroad { .. } => return Ok(None),
        };
        headers.extend(self.identity_headers());
        let answer = self.exchange("POST", path, headers, payload);
        // The log keeps that a token was asked for and what came back, never the credentials
        // or the token itself.
        log(&Exchange {
            method: "POST",
            path: path.to_owned(),
            request_body: format!("{{\"profile\":\"{}\"}}", self.auth.profile()),
            status: answer.as_ref().ok().map(|a| a.status),
            response_body: match &answer {
                Ok(a) if a.status == 200 => "{\"token\":\"(ẩn)\"}".to_owned(),
                Ok(a) => a.body.to_string(),
                Err(NoAnswer(why)) => why.clone(),
            },
        });
        let answer = answer?;
        if answer.status != 200 {
            return Ok(None);
        }
        let token = answer
            .body
            .get("token")
            .or_else(|| answer.body.get("access_token"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let expiry = answer
            .body
            .get("expiryDate")
            .and_then(Value::as_str)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc))
            .or_else(|| {
                let seconds = answer.body.get("expires_in").and_then(Value::as_i64)?;
                Some(Utc::now() + chrono::Duration::seconds(seconds))
            })
            .unwrap_or_else(|| Utc::now() + chrono::Duration::minutes(30));
        let Some(token) = token else {
            return Err(NoAnswer("the token answer had no token".into()));
        };
        *self.token.lock().expect("token cache") = Some((token.clone(), expiry));
        Ok(Some(token))
    }

    fn exchange(
        &self,
        method: &'static str,
        path: &str,
        headers: Vec<(String, String)>,
        payload: Payload,
    ) -> Result<Answer, NoAnswer> {
        let http = self.http.clone();
        let url = format!("{}{path}", self.url);
        on_runtime(async move {
            let mut request = match method {
                "GET" => http.get(&url),
                _ => http.post(&url),
            };
            for (name, value) in headers {
                request = request.header(name, value);
            }
            request = match payload {
                Payload::Empty => request,
                Payload::Json(body) if body.is_empty() => request,
                Payload::Json(body) => request.header("Content-Type", "application/json").body(body),
                Payload::Form(fields) => request
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(
                        form_urlencoded::Serializer::new(String::new())
                            .extend_pairs(fields)
                            .finish(),
                    ),
            };
            let response = request.send().await.map_err(|e| NoAnswer(describe(&e)))?;
            let status = response.status().as_u16();
            let retry_after = response
                .headers()
                .get("Retry-After")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse().ok());
            let text = response.text().await.map_err(|e| NoAnswer(describe(&e)))?;
            let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
            Ok(Answer {
                status,
                body,
                retry_after,
            })
        })
    }
}

enum Payload {
    Empty,
    Json(String),
    Form(Vec<(String, String)>),
}

fn describe(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "quá thời gian chờ trả lời (timeout)".into()
    } else if error.is_connect() {
        // The TLS handshake's own reason (an unknown CA, no client certificate) is in the chain.
        let mut reason = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            reason = format!("{reason}: {cause}");
            source = cause.source();
        }
        format!("không kết nối được: {reason}")
    } else {
        error.to_string()
    }
}
