//! Conditional reads (issue #20): every JSON answer of `GET /api/v1/…` carries a weak `ETag`, a
//! digest of its body; a request whose `If-None-Match` names it (or `*`) is answered `304 Not
//! Modified` without the body. The handler still runs (its authority check and audit stay as
//! they are); what a client saves is the transfer, and it learns at once that its copy is
//! current.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::HttpResponse;
use sha2::{Digest, Sha256};

pub async fn conditional_get(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let api_read = req.method() == Method::GET && req.path().starts_with("/api/");
    let if_none_match = req
        .headers()
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let response = next.call(req).await?;
    let json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    if !api_read || response.status() != StatusCode::OK || !json {
        return Ok(response.map_into_boxed_body());
    }
    let (request, response) = response.into_parts();
    let (mut head, body) = response.into_parts();
    let bytes = actix_web::body::to_bytes(body)
        .await
        .map_err(|_| actix_web::error::ErrorInternalServerError("the answer could not be read"))?;
    let tag = tag_of(&bytes);
    let value = HeaderValue::from_str(&tag).expect("a digest is a header value");
    if if_none_match
        .as_deref()
        .is_some_and(|header| matches(header, &tag))
    {
        let mut not_modified = HttpResponse::NotModified().finish();
        for (name, value) in head.headers().iter() {
            if name != CONTENT_TYPE {
                not_modified.headers_mut().append(name.clone(), value.clone());
            }
        }
        not_modified.headers_mut().insert(ETAG, value);
        return Ok(ServiceResponse::new(request, not_modified));
    }
    head.headers_mut().insert(ETAG, value);
    Ok(ServiceResponse::new(request, head.set_body(BoxBody::new(bytes))))
}

/// `W/"<first 128 bits of the body's SHA-256, hex>"`: weak, since the same JSON may be
/// compressed differently on the way.
fn tag_of(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

/// Whether an `If-None-Match` value names `tag` (weak comparison) or is `*`.
fn matches(header: &str, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    header
        .split(',')
        .any(|candidate| candidate.trim() == "*" || opaque(candidate) == opaque(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_takes_lists_and_stars() {
        let tag = tag_of(b"{\"a\":1}");
        assert!(tag.starts_with("W/\"") && tag.len() == 3 + 32 + 1);
        assert_eq!(tag, tag_of(b"{\"a\":1}"));
        assert_ne!(tag, tag_of(b"{\"a\":2}"));
        assert!(matches(&tag, &tag));
        assert!(matches(&tag.replace("W/", ""), &tag));
        assert!(matches(&format!("\"other\", {tag}"), &tag));
        assert!(matches("*", &tag));
        assert!(!matches("W/\"other\"", &tag));
    }
}
