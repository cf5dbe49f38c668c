//! The one error body, for every way a request can be refused.

use std::time::Duration;

use actix_web::test as actix_test;
use actix_web::{web, App};
use hoso_store::pool::PoolOptions;
use hoso_store::Backend;

use crate::support::{assert_error_body, header, json_body, TestContext, MAX_JSON_BYTES};

#[actix_web::test]
async fn unknown_api_paths_answer_with_the_error_body_and_the_request_id() {
    let ctx = TestContext::new(Backend::Sqlite);
    let app = ctx.app().await;
    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::get()
            .uri("/api/v1/no-such-thing")
            .to_request(),
    )
    .await;
    assert_eq!(response.status(), 404);
    let request_id = header(&response, "x-request-id").unwrap();
    let body = json_body(response).await;
    assert_error_body(&body, "not_found");
    assert_eq!(body["request_id"], request_id.as_str());
}

/// Issue #20: asked for with `Accept: application/problem+json`, every error is RFC 9457
/// problem details with the same facts (a field error keeps its field); otherwise the body
/// stays ours.
#[actix_web::test]
async fn errors_come_as_problem_details_to_a_client_that_asks() {
    let ctx = TestContext::new(Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let token = crate::support::token_of(&app, "nguyenvanan").await;
    let ask = |uri: &str, accept: Option<&str>, body: Option<serde_json::Value>| {
        let mut request = match &body {
            Some(body) => actix_test::TestRequest::put().uri(uri).set_json(body),
            None => actix_test::TestRequest::get().uri(uri),
        };
        request = request.insert_header(("authorization", format!("Bearer {token}")));
        if let Some(accept) = accept {
            request = request.insert_header(("accept", accept));
        }
        request.to_request()
    };
    let problem = "application/json;q=0.5, application/problem+json";
    let response = actix_test::call_service(&app, ask("/api/v1/no-such-thing", Some(problem), None)).await;
    assert_eq!(response.status(), 404);
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("application/problem+json")
    );
    let request_id = header(&response, "x-request-id").unwrap();
    let body: serde_json::Value = serde_json::from_slice(&actix_test::read_body(response).await).unwrap();
    assert_eq!(body["type"], "urn:hoso:error:not_found");
    assert_eq!(body["title"], "Not Found");
    assert_eq!(body["status"], 404);
    assert_eq!(body["code"], "not_found");
    assert!(!body["detail"].as_str().unwrap().is_empty());
    assert_eq!(body["request_id"], request_id.as_str());

    let bad = serde_json::json!({"email": "khong-phai-email", "enabled": []});
    let response = actix_test::call_service(
        &app,
        ask("/api/v1/me/mail-settings", Some(problem), Some(bad.clone())),
    )
    .await;
    assert_eq!(response.status(), 422);
    let body: serde_json::Value = serde_json::from_slice(&actix_test::read_body(response).await).unwrap();
    assert_eq!(body["code"], "validation_failed");
    assert_eq!(body["details"]["fields"][0]["field"], "email");

    // Not asked for (or refused with q=0): our own body.
    for accept in [
        None,
        Some("application/json"),
        Some("application/problem+json;q=0, application/json"),
    ] {
        let response =
            actix_test::call_service(&app, ask("/api/v1/me/mail-settings", accept, Some(bad.clone()))).await;
        assert_eq!(response.status(), 422);
        assert_eq!(
            header(&response, "content-type").as_deref(),
            Some("application/json"),
            "{accept:?}"
        );
        assert_error_body(&json_body(response).await, "validation_failed");
    }
}

/// JSON bodies are read with the server's one configuration; this route exists only here, to
/// exercise it, and sits beside the real ones.
async fn app_with_echo(
    ctx: &TestContext,
) -> impl actix_web::dev::Service<
    actix_http::Request,
    Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
    Error = actix_web::Error,
> {
    let app: App<_> = hoso_api::app::build(ctx.state(), MAX_JSON_BYTES).route(
        "/test-only/echo",
        web::post().to(|body: web::Json<serde_json::Value>| async move { web::Json(body.into_inner()) }),
    );
    actix_test::init_service(app).await
}

#[actix_web::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let ctx = TestContext::new(Backend::Sqlite);
    let app = app_with_echo(&ctx).await;
    let big = serde_json::json!({ "text": "x".repeat(MAX_JSON_BYTES + 1) });
    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::post()
            .uri("/test-only/echo")
            .set_json(big)
            .to_request(),
    )
    .await;
    assert_eq!(response.status(), 413);
    let body = json_body(response).await;
    assert_error_body(&body, "payload_too_large");
    assert!(body["message"].as_str().unwrap().contains("64 KB"), "{body}");
}

#[actix_web::test]
async fn malformed_json_is_a_400_and_a_wrong_content_type_a_415() {
    let ctx = TestContext::new(Backend::Sqlite);
    let app = app_with_echo(&ctx).await;
    let malformed = actix_test::TestRequest::post()
        .uri("/test-only/echo")
        .insert_header(("Content-Type", "application/json"))
        .set_payload("{not json")
        .to_request();
    let response = actix_test::call_service(&app, malformed).await;
    assert_eq!(response.status(), 400);
    assert_error_body(&json_body(response).await, "malformed_request");

    let text = actix_test::TestRequest::post()
        .uri("/test-only/echo")
        .insert_header(("Content-Type", "text/plain"))
        .set_payload("{}")
        .to_request();
    let response = actix_test::call_service(&app, text).await;
    assert_eq!(response.status(), 415);
    assert_error_body(&json_body(response).await, "unsupported_media_type");

    let ok = actix_test::TestRequest::post()
        .uri("/test-only/echo")
        .set_json(serde_json::json!({"a": "ă"}))
        .to_request();
    let response = actix_test::call_service(&app, ok).await;
    assert_eq!(response.status(), 200);
    assert_eq!(json_body(response).await["a"], "ă");
}

#[actix_web::test]
async fn no_free_database_connection_gives_503_unavailable() {
    let ctx = TestContext::new(Backend::Sqlite);
    let options = PoolOptions {
        max_size: 2,
        checkout_timeout: Duration::from_millis(200),
        ..PoolOptions::default()
    };
    let pool = hoso_store::pool::connect(ctx.db.url(), &options).unwrap();
    // Hold every connection, as a burst of slow requests would.
    let _held = (pool.get().unwrap(), pool.get().unwrap());
    let app = actix_test::init_service(hoso_api::app::build(ctx.state_with(pool), MAX_JSON_BYTES)).await;

    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::get().uri("/api/v1/info").to_request(),
    )
    .await;
    assert_eq!(response.status(), 503);
    let body = json_body(response).await;
    assert_error_body(&body, "unavailable");
    assert!(
        !body.to_string().contains("timed out"),
        "the cause leaked: {body}"
    );

    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::get().uri("/api/v1/ready").to_request(),
    )
    .await;
    assert_eq!(response.status(), 503);
    assert_eq!(json_body(response).await["database"]["reachable"], false);
}

/// Issue #19 (17): a method the path does not have is 405 with `Allow` naming those it has (as
/// the OpenAPI document lists them), not 404; an unknown path stays 404.
#[actix_web::test]
async fn an_unsupported_method_on_an_existing_path_is_405_with_allow() {
    let ctx = TestContext::new(Backend::Sqlite);
    let app = ctx.app().await;
    for (method, uri, allow) in [
        ("DELETE", "/api/v1/me", "GET"),
        ("PUT", "/api/v1/units/some-unit/rename", "POST"),
        ("DELETE", "/api/v1/dossiers/some-dossier/draft", "GET, PUT"),
    ] {
        let request = actix_test::TestRequest::default()
            .method(method.parse().unwrap())
            .uri(uri)
            .to_request();
        let response = actix_test::call_service(&app, request).await;
        assert_eq!(response.status(), 405, "{method} {uri}");
        assert_eq!(
            header(&response, "allow").as_deref(),
            Some(allow),
            "{method} {uri}"
        );
        assert_error_body(&json_body(response).await, "method_not_allowed");
    }
    let request = actix_test::TestRequest::delete()
        .uri("/api/v1/no-such-thing/at-all")
        .to_request();
    assert_eq!(actix_test::call_service(&app, request).await.status(), 404);
}

/// Issue #19 (1), SEC-4: a control character in any text a request carries — a JSON field, a
/// form field, a query parameter, a path segment — is 422 `control_character` naming it, on both
/// databases (PostgreSQL answered 500 to a NUL, SQLite stored it), before any handler runs.
/// Tab and line breaks pass in bodies, where notes run over several lines.
#[actix_web::test]
async fn control_characters_are_refused_naming_the_field() {
    use crate::support::{call, token_of};
    use serde_json::json;
    for backend in hoso_store::testing::backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let login = json!({"username": "quan\u{0}tri", "password": "x"});
        let (status, body) = call(&app, "POST", "/api/v1/auth/login", None, Some(login)).await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_eq!(body["details"]["fields"][0]["field"], "username");
        assert_eq!(body["details"]["fields"][0]["code"], "control_character");
        let admin = token_of(&app, "quantri").await;
        let account = json!({"username": "\u{1b}[31mdo", "display_name": "Đỏ", "kind": "specialist",
            "unit_id": null, "rights": [], "reason": "thử", "decision": null});
        let (status, body) = call(&app, "POST", "/api/v1/accounts", Some(&admin), Some(account)).await;
        assert_eq!(
            (status, body["details"]["fields"][0]["field"].as_str()),
            (422, Some("username")),
            "{body}"
        );
        for (uri, field) in [("/api/v1/units/%00", "id"), ("/api/v1/search?q=an%1B", "q")] {
            let (status, body) = call(&app, "GET", uri, Some(&admin), None).await;
            assert_eq!(status, 422, "{backend} {uri}: {body}");
            assert_eq!(body["details"]["fields"][0]["field"], field, "{uri}");
        }
        // A tab in a body's text is no control character to refuse: the password is just wrong.
        let login = json!({"username": "quantri", "password": "sai\tmật khẩu"});
        assert_eq!(
            call(&app, "POST", "/api/v1/auth/login", None, Some(login))
                .await
                .0,
            401
        );
        // Form bodies (the client-credentials grant) too.
        let request = actix_test::TestRequest::post()
            .uri("/api/v1/auth/token")
            .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
            .set_payload("grant_type=client_credentials&client_id=a%00b&client_secret=x")
            .to_request();
        let response = actix_test::call_service(&app, request).await;
        assert_eq!(response.status(), 422, "{backend}");
        assert_eq!(
            json_body(response).await["details"]["fields"][0]["field"],
            "client_id"
        );
    }
}

/// Issue #20: a JSON read carries a weak ETag; sent back in `If-None-Match` it is answered 304
/// without a body while the data is unchanged, and 200 with a new tag once it changed.
#[actix_web::test]
async fn reads_carry_an_etag_and_answer_if_none_match_with_304_until_the_data_changes() {
    let ctx = TestContext::new(Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let token = crate::support::token_of(&app, "nguyenvanan").await;
    let read = |if_none_match: Option<String>| {
        let mut request = actix_test::TestRequest::get()
            .uri("/api/v1/me/mail-settings")
            .insert_header(("authorization", format!("Bearer {token}")));
        if let Some(tag) = if_none_match {
            request = request.insert_header(("if-none-match", tag));
        }
        request.to_request()
    };
    let first = actix_test::call_service(&app, read(None)).await;
    assert_eq!(first.status(), 200);
    let tag = header(&first, "etag").unwrap();
    assert!(tag.starts_with("W/\""), "{tag}");
    let again = actix_test::call_service(&app, read(Some(tag.clone()))).await;
    assert_eq!(again.status(), 304);
    assert_eq!(header(&again, "etag").as_deref(), Some(tag.as_str()));
    assert!(actix_test::read_body(again).await.is_empty());
    let other = actix_test::call_service(&app, read(Some("W/\"something-else\"".into()))).await;
    assert_eq!(other.status(), 200);

    let (status, _) = crate::support::call(
        &app,
        "PUT",
        "/api/v1/me/mail-settings",
        Some(&token),
        Some(serde_json::json!({"email": "an@sogddt.example.gov.vn", "enabled": []})),
    )
    .await;
    assert_eq!(status, 200);
    let changed = actix_test::call_service(&app, read(Some(tag.clone()))).await;
    assert_eq!(
        changed.status(),
        200,
        "the data changed: the old tag no longer holds"
    );
    assert_ne!(header(&changed, "etag").unwrap(), tag);
}
