//! The security headers of every answer, set once here (SEC-4; issue #19): a
//! Content-Security-Policy that lets the SPA run its own script and wasm and nothing else
//! (no inline script but the page's own, by its hash; no other origin), a Permissions-Policy that
//! turns off devices the system never uses, a Cross-Origin-Opener-Policy, and `Cache-Control:
//! no-store` on every API answer that does not say otherwise: answers carry personal data.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue, CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use actix_web::middleware::Next;
use sha2::{Digest, Sha256};

/// The policy of the SPA's page: its scripts (the inline loader by its hash), its wasm
/// (`'wasm-unsafe-eval'` compiles it), its styles (style attributes Leptos sets), its own API.
/// Blobs are the documents and printouts the SPA opens or saves.
pub fn spa_policy(inline_script_hashes: &[String]) -> String {
    let hashes: String = inline_script_hashes
        .iter()
        .map(|h| format!(" 'sha256-{h}'"))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; object-src 'self' blob:; \
         frame-src 'self' blob:; connect-src 'self'; font-src 'self'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of the API documentation page: Swagger UI's own script and styles (it sets
/// inline styles) and its inline icons.
pub const DOCS_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

/// Everything else (JSON, files): nothing runs.
const DEFAULT_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

/// The base64 SHA-256 of each inline `<script>` of a page, for its policy.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    use base64::Engine;
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let tag = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            let digest = Sha256::digest(&body.as_bytes()[..close]);
            hashes.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        rest = &body[close..];
    }
    hashes
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let is_api = req.path().starts_with("/api/v1");
    let mut response = next.call(req).await?;
    let headers = response.headers_mut();
    let mut set = |name: &'static str, value: &'static str| {
        headers.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    };
    set("x-content-type-options", "nosniff");
    set("x-frame-options", "DENY");
    set("referrer-policy", "no-referrer");
    set("permissions-policy", PERMISSIONS_POLICY);
    set("cross-origin-opener-policy", "same-origin");
    set("cross-origin-resource-policy", "same-origin");
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(DEFAULT_POLICY));
    }
    if is_api && !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_loader_is_hashed_and_scripts_with_a_source_are_not() {
        let page =
            "<script type=\"module\">\nimport init from \"/a.js\";\n</script><script src=\"/b.js\"></script>";
        let hashes = inline_script_hashes(page);
        assert_eq!(hashes.len(), 1);
        use base64::Engine;
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest("\nimport init from \"/a.js\";\n".as_bytes()));
        assert_eq!(hashes[0], expected);
        assert!(spa_policy(&hashes).contains(&format!("'sha256-{expected}'")));
    }
}
