//! A request id on every response (`X-Request-Id`) and in every log line written while the
//! request is handled. A well-formed id sent by a proxy is kept, so one id follows a request
//! across systems; otherwise a new one is made.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use tracing::Instrument;

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

tokio::task_local! {
    /// The request's id, and whether its `Accept` asks for RFC 9457 problem details.
    static CURRENT: (String, bool);
}

/// The id of the request being handled on this task, for error bodies.
pub fn current() -> Option<String> {
    CURRENT.try_with(|(id, _)| id.clone()).ok()
}

/// Whether the request being handled asked for errors as `application/problem+json`.
pub fn wants_problem_details() -> bool {
    CURRENT.try_with(|(_, problem)| *problem).unwrap_or(false)
}

/// An `Accept` value that names `application/problem+json` without refusing it (`q=0`).
fn asks_for_problem_details(accept: &str) -> bool {
    accept.split(',').any(|item| {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or_default().trim();
        let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
        media.eq_ignore_ascii_case("application/problem+json") && !refused
    })
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req
        .headers()
        .get(&HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_acceptable(v))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let span = tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.path());
    let started = Instant::now();
    let problem = req
        .headers()
        .get(actix_web::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(asks_for_problem_details);
    let result = CURRENT
        .scope((id.clone(), problem), next.call(req))
        .instrument(span.clone())
        .await;
    let mut response = result?;
    let status = response.status().as_u16();
    span.in_scope(|| {
        tracing::info!(
            status,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "request handled"
        );
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, value);
    }
    Ok(response)
}

/// Ids from outside must be short and plain so they cannot forge log lines.
fn is_acceptable(id: &str) -> bool {
    (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::{asks_for_problem_details, is_acceptable};

    #[test]
    fn problem_details_are_sent_only_when_asked_for() {
        assert!(asks_for_problem_details("application/problem+json"));
        assert!(asks_for_problem_details(
            "application/json, application/problem+json;q=0.9"
        ));
        assert!(!asks_for_problem_details("application/json"));
        assert!(!asks_for_problem_details("*/*"));
        assert!(!asks_for_problem_details("application/problem+json;q=0"));
    }

    #[test]
    fn only_short_plain_ids_are_kept() {
        assert!(is_acceptable("3f2a9c1e-0000-4000-8000-000000000000"));
        assert!(!is_acceptable("short"));
        assert!(!is_acceptable("evil\nlog line injected"));
        assert!(!is_acceptable(&"a".repeat(65)));
    }
}
