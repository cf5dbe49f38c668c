//! The SPA served by the same binary: files, client-side routes, cache headers.

use actix_web::test as actix_test;
use hoso_store::Backend;

use crate::support::{assert_error_body, header, json_body, text_body, TestContext};

const INDEX: &str = "<!doctype html><title>hoso</title><div id=app></div>";

#[actix_web::test]
async fn client_side_routes_fall_back_to_index_html_which_is_never_cached() {
    let ctx = TestContext::new(Backend::Sqlite);
    ctx.write_static("index.html", INDEX);
    let app = ctx.app().await;
    for path in ["/", "/trang-thai", "/ho-so/123/lich-su"] {
        let response =
            actix_test::call_service(&app, actix_test::TestRequest::get().uri(path).to_request()).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("no-cache"),
            "{path}"
        );
        assert_eq!(text_body(response).await, INDEX, "{path}");
    }
}

#[actix_web::test]
async fn hashed_assets_are_cached_for_a_year_and_missing_ones_are_404() {
    let ctx = TestContext::new(Backend::Sqlite);
    ctx.write_static("index.html", INDEX);
    ctx.write_static("hoso_frontend-0123456789abcdef.js", "export default 1;");
    let app = ctx.app().await;
    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::get()
            .uri("/hoso_frontend-0123456789abcdef.js")
            .to_request(),
    )
    .await;
    assert_eq!(response.status(), 200);
    assert!(header(&response, "content-type").unwrap().contains("javascript"));
    assert_eq!(
        header(&response, "cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::get()
            .uri("/hoso_frontend-ffffffffffffffff.js")
            .to_request(),
    )
    .await;
    assert_eq!(response.status(), 404);
}

#[actix_web::test]
async fn files_outside_the_static_directory_are_never_served() {
    let ctx = TestContext::new(Backend::Sqlite);
    ctx.write_static("index.html", INDEX);
    ctx.write_static(".secret", "do not serve");
    let app = ctx.app().await;
    for path in ["/.secret", "/../Cargo.toml", "/%2e%2e/Cargo.toml"] {
        let response =
            actix_test::call_service(&app, actix_test::TestRequest::get().uri(path).to_request()).await;
        let body = text_body(response).await;
        assert!(
            !body.contains("do not serve") && !body.contains("[package]"),
            "{path} leaked: {body}"
        );
    }
}

#[actix_web::test]
async fn writes_to_spa_paths_are_refused_with_the_error_body() {
    let ctx = TestContext::new(Backend::Sqlite);
    ctx.write_static("index.html", INDEX);
    let app = ctx.app().await;
    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::post().uri("/trang-thai").to_request(),
    )
    .await;
    assert_eq!(response.status(), 405);
    assert_error_body(&json_body(response).await, "method_not_allowed");
}

#[actix_web::test]
async fn without_a_built_spa_the_server_says_how_to_build_it() {
    let ctx = TestContext::new(Backend::Sqlite);
    let app = ctx.app().await;
    let response = actix_test::call_service(&app, actix_test::TestRequest::get().uri("/").to_request()).await;
    assert_eq!(response.status(), 503);
    assert!(text_body(response).await.contains("cargo xtask"));
}

/// Issue #19 (4): every answer carries the security headers; the SPA's page a policy that allows
/// its own loader script by its hash and its wasm, and no other origin; the API documentation
/// page its own; API answers are never stored by a cache.
#[actix_web::test]
async fn every_answer_carries_a_content_security_policy_and_api_answers_are_not_stored() {
    let ctx = TestContext::new(Backend::Sqlite).with_demo();
    let loader = "\nimport init from \"/x.js\";\ninit();\n";
    ctx.write_static(
        "index.html",
        &format!("<!doctype html><script type=\"module\">{loader}</script>"),
    );
    let app = ctx.app().await;
    let get = |uri: &str| actix_test::TestRequest::get().uri(uri).to_request();
    let page = actix_test::call_service(&app, get("/ho-so")).await;
    let policy = header(&page, "content-security-policy").unwrap();
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(loader.as_bytes()));
    assert!(policy.contains(&format!("'sha256-{hash}'")), "{policy}");
    for part in [
        "default-src 'self'",
        "'wasm-unsafe-eval'",
        "frame-ancestors 'none'",
        "connect-src 'self'",
    ] {
        assert!(policy.contains(part), "{part} in {policy}");
    }
    assert!(
        !policy.contains("'unsafe-inline';") || policy.contains("style-src-attr 'unsafe-inline'"),
        "{policy}"
    );
    let docs = actix_test::call_service(&app, get("/api/docs")).await;
    assert!(header(&docs, "content-security-policy")
        .unwrap()
        .contains("script-src 'self';"));
    let token = crate::support::token_of(&app, "nguyenvanan").await;
    let me = actix_test::call_service(
        &app,
        actix_test::TestRequest::get()
            .uri("/api/v1/me")
            .insert_header(("Authorization", format!("Bearer {token}")))
            .to_request(),
    )
    .await;
    assert_eq!(me.status(), 200);
    assert_eq!(header(&me, "cache-control").as_deref(), Some("no-store"));
    for response in [&page, &docs, &me] {
        assert!(header(response, "content-security-policy").is_some());
        assert_eq!(
            header(response, "cross-origin-opener-policy").as_deref(),
            Some("same-origin")
        );
        assert!(header(response, "permissions-policy")
            .unwrap()
            .contains("camera=()"));
        assert_eq!(
            header(response, "x-content-type-options").as_deref(),
            Some("nosniff")
        );
    }
}

/// Issue #23 point 9: the copies the build compressed at its highest levels are sent to the
/// browsers that accept them (brotli first), under the asset's own type, never compressed
/// again; the rest get the asset itself.
#[actix_web::test]
async fn precompressed_assets_are_sent_to_browsers_that_accept_them() {
    let ctx = TestContext::new(Backend::Sqlite);
    ctx.write_static("index.html", INDEX);
    let name = "hoso_frontend_bg-0123456789abcdef.wasm";
    ctx.write_static(name, "the wasm itself");
    ctx.write_static(&format!("{name}.br"), "brotli bytes");
    ctx.write_static(&format!("{name}.gz"), "gzip bytes");
    ctx.write_static("style-0123456789abcdef.css", "body { color: black }");
    let app = ctx.app().await;
    for (accept, encoding, body) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), "brotli bytes"),
        (Some("gzip, deflate"), Some("gzip"), "gzip bytes"),
        (Some("br;q=0, gzip"), Some("gzip"), "gzip bytes"),
        (None, None, "the wasm itself"),
    ] {
        let mut request = actix_test::TestRequest::get().uri(&format!("/{name}"));
        if let Some(accept) = accept {
            request = request.insert_header(("accept-encoding", accept));
        }
        let response = actix_test::call_service(&app, request.to_request()).await;
        assert_eq!(response.status(), 200, "{accept:?}");
        assert_eq!(
            header(&response, "content-encoding").as_deref(),
            encoding,
            "{accept:?}"
        );
        assert_eq!(
            header(&response, "content-type").as_deref(),
            Some("application/wasm"),
            "{accept:?}"
        );
        assert_eq!(
            header(&response, "vary").as_deref(),
            Some("accept-encoding"),
            "{accept:?}"
        );
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(text_body(response).await, body, "{accept:?}");
    }
    // Without a precompressed copy the file is itself, with no claim to vary.
    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::get()
            .uri("/style-0123456789abcdef.css")
            .to_request(),
    )
    .await;
    assert_eq!(header(&response, "vary"), None);
    assert_eq!(text_body(response).await, "body { color: black }");
}
