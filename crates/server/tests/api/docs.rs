//! The interactive API documentation works with no network, and the written docs keep up with
//! the code.

use actix_web::test as actix_test;
use hoso_api::error::ERROR_CODES;
use hoso_store::Backend;

use crate::support::{repository_root, text_body, TestContext};

#[actix_web::test]
async fn the_docs_page_loads_only_assets_served_by_this_binary() {
    let ctx = TestContext::new(Backend::Sqlite);
    ctx.write_static("api-docs/swagger-ui-bundle.js", "/* bundle */");
    ctx.write_static("api-docs/swagger-ui.css", "/* css */");
    ctx.write_static("api-docs/init.js", "/* init */");
    let app = ctx.app().await;
    let page = text_body(
        actix_test::call_service(&app, actix_test::TestRequest::get().uri("/api/docs").to_request()).await,
    )
    .await;
    assert!(page.contains("/api/docs/swagger-ui-bundle.js"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "the page names another host: {page}"
    );
    for asset in ["swagger-ui-bundle.js", "swagger-ui.css", "init.js"] {
        let response = actix_test::call_service(
            &app,
            actix_test::TestRequest::get()
                .uri(&format!("/api/docs/{asset}"))
                .to_request(),
        )
        .await;
        assert_eq!(response.status(), 200, "{asset}");
    }
    let response = actix_test::call_service(
        &app,
        actix_test::TestRequest::get()
            .uri("/api/docs/../../Cargo.toml")
            .to_request(),
    )
    .await;
    assert_ne!(response.status(), 200);
}

#[test]
fn the_init_script_points_swagger_ui_at_our_document() {
    let init = std::fs::read_to_string(repository_root().join("frontend/api-docs/init.js")).unwrap();
    assert!(init.contains("/api/v1/openapi.json"));
}

#[test]
fn every_error_code_is_documented() {
    let api_doc = std::fs::read_to_string(repository_root().join("docs/api.md")).unwrap();
    for code in ERROR_CODES {
        assert!(
            api_doc.contains(&format!("`{code}`")),
            "docs/api.md does not document `{code}`"
        );
    }
}

#[test]
fn every_configuration_option_is_documented() {
    let page = std::fs::read_to_string(repository_root().join("docs/configuration.md")).unwrap();
    for (name, variable) in hoso_server::cli::option_variables() {
        assert!(
            page.contains(&format!("`{variable}`")),
            "docs/configuration.md does not document {variable}"
        );
        assert!(
            page.contains(&format!("`{name}`")),
            "docs/configuration.md does not name the file key {name}"
        );
    }
}

/// docs/catalogs.md lists every shipped catalogue.
#[test]
fn every_catalogue_is_documented() {
    let doc = std::fs::read_to_string(repository_root().join("docs/catalogs.md")).unwrap();
    for file in hoso_domain::catalog::shipped() {
        assert!(
            doc.contains(&format!("| `{}` |", file.meta.kind)),
            "docs/catalogs.md does not list `{}`",
            file.meta.kind
        );
    }
}

/// Issue #16: the HTTP layer holds no business rule. Handlers parse, call one operation of
/// `hoso_app` and render: nothing under `crates/api` reaches the store or opens a connection.
#[test]
fn the_http_layer_reaches_no_store() {
    fn visit(dir: &std::path::Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for needle in ["hoso_store", ".db(", "diesel"] {
                    if text.contains(needle) {
                        found.push(format!("{} uses {needle}", path.display()));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    visit(&repository_root().join("crates/api/src"), &mut found);
    assert!(
        found.is_empty(),
        "business rules belong in crates/app: {found:#?}"
    );
}
