//! The committed OpenAPI document is the one the code produces, and documents every route.

use std::collections::BTreeSet;
use std::path::Path;

use actix_web::test as actix_test;
use hoso_store::Backend;

use crate::support::{json_body, repository_root, TestContext};

#[test]
fn the_committed_document_is_up_to_date() {
    let committed =
        std::fs::read_to_string(repository_root().join("openapi/openapi.json")).unwrap_or_default();
    let generated = hoso_api::openapi::document_json();
    assert!(
        committed == generated,
        "openapi/openapi.json is out of date: run `cargo xtask openapi` and commit the result"
    );
}

#[actix_web::test]
async fn the_server_serves_the_same_document() {
    let ctx = TestContext::new(Backend::Sqlite);
    let app = ctx.app().await;
    let served = json_body(
        actix_test::call_service(
            &app,
            actix_test::TestRequest::get()
                .uri("/api/v1/openapi.json")
                .to_request(),
        )
        .await,
    )
    .await;
    let generated: serde_json::Value = serde_json::from_str(&hoso_api::openapi::document_json()).unwrap();
    assert_eq!(served, generated);
}

/// Every `#[get("…")]`-style handler under `src/routes` must be in the document: a handler
/// registered with a plain `.route()` would silently vanish from it.
#[test]
fn every_route_handler_appears_in_the_document() {
    let document = hoso_api::openapi::document();
    let documented: BTreeSet<(String, String)> = document
        .paths
        .paths
        .iter()
        .flat_map(|(path, item)| {
            let methods = [
                ("get", item.get.is_some()),
                ("post", item.post.is_some()),
                ("put", item.put.is_some()),
                ("patch", item.patch.is_some()),
                ("delete", item.delete.is_some()),
            ];
            methods
                .into_iter()
                .filter(|(_, present)| *present)
                .map(move |(method, _)| (method.to_owned(), path.clone()))
        })
        .collect();
    let handlers = route_handlers(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../api/src/routes"));
    assert!(!handlers.is_empty());
    for (method, suffix, file) in handlers {
        let found = documented
            .iter()
            .any(|(m, path)| *m == method && path.ends_with(&suffix));
        assert!(
            found,
            "{method} …{suffix} in {file} is not in the OpenAPI document"
        );
    }
    // And every operation has a utoipa::path: the reverse direction.
    for (method, path) in &documented {
        assert!(path.starts_with("/api/v1/"), "{method} {path} is outside /api/v1");
    }
}

/// (method, path as written in the attribute with `{param}` kept, file) for each handler.
fn route_handlers(dir: &Path) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(route_handlers(&path));
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for line in source.lines() {
            let line = line.trim();
            for method in ["get", "post", "put", "patch", "delete"] {
                if let Some(rest) = line.strip_prefix(&format!("#[{method}(\"")) {
                    let route = rest.split('"').next().unwrap().to_owned();
                    found.push((method.to_owned(), route, path.display().to_string()));
                }
            }
        }
    }
    found
}

/// Issue #19 (17): two Rust types named `Health` once shared one schema, so `/health` was
/// documented as the dossier's item 31. Every schema name is one type's.
#[test]
fn the_health_endpoint_and_item_31_have_schemas_of_their_own() {
    let document: serde_json::Value = serde_json::from_str(&hoso_api::openapi::document_json()).unwrap();
    let schemas = &document["components"]["schemas"];
    assert!(
        schemas["Health"]["properties"]["uptime_seconds"].is_object(),
        "{}",
        schemas["Health"]
    );
    assert!(schemas["DossierHealth"]["properties"]["height_cm"].is_object());
    let health = &document["paths"]["/api/v1/health"]["get"]["responses"]["200"]["content"]
        ["application/json"]["schema"];
    assert_eq!(health["$ref"], "#/components/schemas/Health");
}

/// Issue #19 (17): a diff's `before` and `after` are whatever the field holds (a text, a number,
/// an array of rows), where the document once typed them object-or-null; and the bodies that
/// embed a tree change say they refuse other fields, as the server does.
#[test]
fn diff_values_may_be_any_json_and_tree_change_bodies_are_closed() {
    let document: serde_json::Value = serde_json::from_str(&hoso_api::openapi::document_json()).unwrap();
    let schemas = &document["components"]["schemas"];
    for side in ["before", "after"] {
        let schema = &schemas["FieldChange"]["properties"][side];
        assert!(
            schema.is_object() && schema.get("type").is_none(),
            "{side}: {schema}"
        );
    }
    for body in [
        "CreateUnitRequest",
        "RenameUnitRequest",
        "MoveUnitRequest",
        "DissolveUnitRequest",
        "MergeRequest",
        "SplitRequest",
    ] {
        assert_eq!(schemas[body]["unevaluatedProperties"], false, "{body}");
    }
    assert!(
        schemas["TreeChange"].get("additionalProperties").is_none(),
        "a part of allOf stays open"
    );
}
