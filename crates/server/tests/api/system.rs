use actix_web::test as actix_test;
use hoso_store::testing::{backends, TestDatabase};
use hoso_store::{meta, migrations};

use crate::support::{header, json_body, TestContext};

#[actix_web::test]
async fn health_answers_with_the_version_and_a_request_id() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite);
    let app = ctx.app().await;
    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::get().uri("/api/v1/health").to_request(),
    )
    .await;
    assert_eq!(response.status(), 200);
    assert!(header(&response, "x-request-id").is_some_and(|id| id.len() >= 8));
    assert_eq!(header(&response, "cache-control").as_deref(), Some("no-store"));
    let body = json_body(response).await;
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[actix_web::test]
async fn a_well_formed_request_id_from_a_proxy_is_kept_and_a_forged_one_replaced() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite);
    let app = ctx.app().await;
    let kept = actix_test::call_service(
        &app,
        actix_test::TestRequest::get()
            .uri("/api/v1/health")
            .insert_header(("X-Request-Id", "proxy-id-12345"))
            .to_request(),
    )
    .await;
    assert_eq!(header(&kept, "x-request-id").as_deref(), Some("proxy-id-12345"));
    let replaced = actix_test::call_service(
        &app,
        actix_test::TestRequest::get()
            .uri("/api/v1/health")
            .insert_header(("X-Request-Id", "bad id with spaces"))
            .to_request(),
    )
    .await;
    assert_ne!(
        header(&replaced, "x-request-id").as_deref(),
        Some("bad id with spaces")
    );
}

#[actix_web::test]
async fn ready_when_the_database_is_current_on_every_backend() {
    for backend in backends() {
        let ctx = TestContext::new(backend);
        let app = ctx.app().await;
        let response = actix_test::call_service(
            &app,
            actix_test::TestRequest::get().uri("/api/v1/ready").to_request(),
        )
        .await;
        assert_eq!(response.status(), 200, "{backend}");
        let body = json_body(response).await;
        assert_eq!(body["ready"], true, "{backend}: {body}");
        assert_eq!(body["database"]["backend"], backend.as_str());
        assert_eq!(body["database"]["pending_migrations"], 0);
        let total = migrations::names(backend).unwrap().len();
        assert_eq!(body["database"]["applied_migrations"], total);
    }
}

#[actix_web::test]
async fn not_ready_while_migrations_are_pending() {
    for backend in backends() {
        let ctx = TestContext::over(TestDatabase::empty(backend));
        let app = ctx.app().await;
        let response = actix_test::call_service(
            &app,
            actix_test::TestRequest::get().uri("/api/v1/ready").to_request(),
        )
        .await;
        assert_eq!(response.status(), 503, "{backend}");
        let body = json_body(response).await;
        assert_eq!(body["ready"], false);
        assert_eq!(body["database"]["reachable"], true);
        assert_eq!(
            body["database"]["pending_migrations"],
            migrations::names(backend).unwrap().len()
        );
    }
}

#[actix_web::test]
async fn info_names_the_province_and_tells_demo_data_apart() {
    for backend in backends() {
        let ctx = TestContext::new(backend);
        let app = ctx.app().await;
        let body = json_body(
            actix_test::call_service(
                &app,
                actix_test::TestRequest::get().uri("/api/v1/info").to_request(),
            )
            .await,
        )
        .await;
        assert_eq!(body["province_name"], "Tỉnh Thử Nghiệm");
        assert_eq!(body["demo_data"], false, "{backend}");

        meta::set(&mut ctx.db.connect(), meta::DEMO_DATA_KEY, "2026-11-22T00:00:00Z").unwrap();
        let body = json_body(
            actix_test::call_service(
                &app,
                actix_test::TestRequest::get().uri("/api/v1/info").to_request(),
            )
            .await,
        )
        .await;
        assert_eq!(body["demo_data"], true, "{backend}");
    }
}
