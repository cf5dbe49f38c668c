//! The OpenAPI document. Paths come from the handlers themselves (registered through
//! utoipa-actix-web); this file adds what is common to all: the info block, tags, and the error
//! responses, documented once and attached to every operation.

use hoso_api_types::{ErrorBody, ErrorDetails, ProblemDetails};
use hoso_domain::FieldError;
use utoipa::openapi::{self, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "hoso API",
        description = "REST API of hoso, the electronic personnel dossiers (hồ sơ điện tử) of a province's cadres, civil servants, public employees and contract workers. Errors share one body, `ErrorBody`; see docs/api.md.",
        license(name = "AGPL-3.0-or-later")
    ),
    components(schemas(ErrorBody, ErrorDetails, FieldError, ProblemDetails)),
    tags(
        (name = "system", description = "Liveness, readiness and facts about this deployment."),
        (name = "auth", description = "Sign-in, sessions, client credentials, passwords."),
        (name = "me", description = "The signed-in account, and who handled its person's data."),
        (name = "accounts", description = "Accounts and their lifecycle (ACC-1…6). Requires `manage_accounts`."),
        (name = "account-requests", description = "Agencies' requests for accounts, decided by Sở Nội vụ (ACC-7)."),
        (name = "api-clients", description = "Other systems' service accounts (INT-3). Requires `manage_api_clients`."),
        (name = "audit", description = "The append-only audit trail (SEC-7). Requires `view_audit`."),
        (name = "units", description = "The organisation tree."),
        (name = "people", description = "People, as account management needs them."),
        (name = "documents", description = "Scanned documents: decisions, evidence, attachments."),
        (name = "dossiers", description = "The electronic dossier: draft, approved versions, diff, export (DOS-1…5, SEC-2)."),
        (name = "catalogs", description = "The national catalogues coded fields refer to (CTX-2), with their legal sources."),
        (name = "calendar", description = "Working days: statutory holidays, each year's plan, deadlines (CTX-4)."),
        (name = "settings", description = "The deployment's regulation profile (deadlines, approval windows)."),
        (name = "search", description = "Search by any criteria over approved dossiers, saved searches, exports (USE-1)."),
        (name = "reports", description = "Statutory reports as of a date, quotas, update status, agency report; background report jobs (USE-2…4, USE-6)."),
        (name = "imports", description = "Imports of existing staff and dossiers from Excel: templates, a dry run that marks every refused cell in the returned workbook, and a resumable, idempotent commit on the job queue (ORG-1, DOS-1, DOS-5, USE-1)."),
        (name = "backups", description = "Backups that prove themselves (SEC-5): encrypted archives of every table and document, each verified by a restore into a scratch database; scheduled on the last working day of each month and quarter. Administrators holding manage_backups."),
        (name = "national-sync", description = "The national sync (INT-1…4, docs/integration.md): the outbox of approved versions and ends of service to the national CBCCVC database through the provincial platform, each message's exchanges in the hash-chained message log, re-sending a refused one. Administrators holding manage_api_clients."),
        (name = "jobs", description = "Durable background jobs (reports, imports, sync, backups) and the scheduler's work: progress, failures, retry and cancel. Administrators of the province only."),
        (name = "lists", description = "Lists HR officers need: raises, retirement, contracts, dossiers not yet approved (USE-3, WF-8)."),
    ),
    modifiers(&ErrorResponses, &SecuritySchemes)
)]
pub struct ApiDoc;

/// Two ways to call the API: a person's bearer token from `/auth/login`, or another system's
/// token from the client-credentials grant at `/auth/token`.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, api: &mut openapi::OpenApi) {
        use utoipa::openapi::security::{
            ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityScheme,
        };
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from POST /api/v1/auth/login (15 minutes); renew with /auth/refresh.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "client_credentials",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new(
                    "/api/v1/auth/token",
                    Scopes::from_iter([("units.read", "Read the organisation tree.")]),
                ))],
                "For other systems (provincial portals, the data-sharing platform).",
            )),
        );
    }
}

/// The serialised document, made once per worker and served as is.
pub struct OpenApiJson(pub String);

/// Every operation may answer with the error body: 4XX for requests the client must change,
/// 5XX for failures on our side. Every error answer may come as RFC 9457 problem details
/// instead, when the request's `Accept` names `application/problem+json`.
struct ErrorResponses;

impl Modify for ErrorResponses {
    fn modify(&self, api: &mut openapi::OpenApi) {
        let client = error_response("The request was refused; `code` says why (see docs/api.md).");
        let server =
            error_response("The server failed or is unavailable; retry later and quote `request_id`.");
        let components = api.components.get_or_insert_with(Default::default);
        components
            .responses
            .insert("ClientError".into(), RefOr::T(client));
        components
            .responses
            .insert("ServerError".into(), RefOr::T(server));
        for path in api.paths.paths.values_mut() {
            for operation in operations(path) {
                let responses = &mut operation.responses.responses;
                responses
                    .entry("4XX".into())
                    .or_insert_with(|| RefOr::Ref(openapi::Ref::from_response_name("ClientError")));
                responses
                    .entry("5XX".into())
                    .or_insert_with(|| RefOr::Ref(openapi::Ref::from_response_name("ServerError")));
                for (status, response) in responses.iter_mut() {
                    if let (false, RefOr::T(response)) = (status.starts_with(['1', '2', '3']), response) {
                        with_problem_details(response);
                    }
                }
            }
        }
    }
}

fn error_response(description: &str) -> Response {
    let mut response = ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            openapi::ContentBuilder::new()
                .schema(Some(openapi::Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build();
    with_problem_details(&mut response);
    response
}

/// An error answer with the `ErrorBody` is also offered as problem details (not, say, the
/// readiness report a 503 of `/ready` carries).
fn with_problem_details(response: &mut Response) {
    let error_body = response
        .content
        .get("application/json")
        .is_some_and(|c| matches!(&c.schema, Some(RefOr::Ref(r)) if r.ref_location.ends_with("/ErrorBody")));
    if error_body {
        response
            .content
            .entry("application/problem+json".into())
            .or_insert_with(|| {
                openapi::ContentBuilder::new()
                    .schema(Some(openapi::Ref::from_schema_name("ProblemDetails")))
                    .build()
            });
    }
}

/// Every JSON read carries an `ETag` and answers `If-None-Match` with 304 (`web/etag.rs`).
struct ConditionalReads;

impl Modify for ConditionalReads {
    fn modify(&self, api: &mut openapi::OpenApi) {
        use openapi::path::{ParameterBuilder, ParameterIn};
        for (path, item) in api.paths.paths.iter_mut() {
            let Some(operation) = item.get.as_mut().filter(|_| path.starts_with("/api/")) else {
                continue;
            };
            let json =
                |r: &RefOr<Response>| matches!(r, RefOr::T(r) if r.content.contains_key("application/json"));
            let Some(RefOr::T(ok)) = operation.responses.responses.get_mut("200").filter(|r| json(r)) else {
                continue;
            };
            ok.headers.insert(
                "ETag".into(),
                openapi::HeaderBuilder::new()
                    .schema(openapi::ObjectBuilder::new().schema_type(openapi::Type::String))
                    .description(Some(
                        "Weak tag of this answer (`W/\"<hex>\"`), for `If-None-Match`.",
                    ))
                    .build(),
            );
            operation.responses.responses.insert(
                "304".into(),
                RefOr::T(
                    ResponseBuilder::new()
                        .description("Not modified: `If-None-Match` named this answer's `ETag`; no body.")
                        .build(),
                ),
            );
            let parameters = operation.parameters.get_or_insert_with(Vec::new);
            if !parameters.iter().any(|p| p.name == "If-None-Match") {
                parameters.push(
                    ParameterBuilder::new()
                        .name("If-None-Match")
                        .parameter_in(ParameterIn::Header)
                        .description(Some(
                            "An `ETag` of an earlier answer (or `*`): 304 when it still holds.",
                        ))
                        .schema(Some(
                            openapi::ObjectBuilder::new().schema_type(openapi::Type::String),
                        ))
                        .build(),
                );
            }
        }
    }
}

fn operations(path: &mut openapi::PathItem) -> impl Iterator<Item = &mut openapi::path::Operation> {
    [
        &mut path.get,
        &mut path.put,
        &mut path.post,
        &mut path.delete,
        &mut path.options,
        &mut path.head,
        &mut path.patch,
        &mut path.trace,
    ]
    .into_iter()
    .filter_map(Option::as_mut)
}

/// The complete document, as the running server serves it and `hoso openapi` writes it.
pub fn document() -> openapi::OpenApi {
    let (_app, api) = crate::app::documented_routes().split_for_parts();
    let mut api = api;
    // Modifiers run at `ApiDoc::openapi()`, before the paths are known: run ours again now.
    ErrorResponses.modify(&mut api);
    ConditionalReads.modify(&mut api);
    SecuritySchemes.modify(&mut api);
    api
}

/// The document as committed in `openapi/openapi.json`: pretty JSON ending with a newline.
pub fn document_json() -> String {
    let mut document = serde_json::to_value(document()).expect("the OpenAPI document serialises");
    refuse_unknown_beside_tree_changes(&mut document);
    state_the_date_rule(&mut document);
    let mut json = serde_json::to_string_pretty(&document).expect("the OpenAPI document serialises");
    json.push('\n');
    json
}

/// A body made of its own fields and a flattened `TreeChange` is an `allOf` of the two; the
/// server refuses any other field (`hoso_api_types::units`), which JSON Schema 2020-12 says with
/// `unevaluatedProperties: false` on the whole (`additionalProperties` on a part would refuse
/// the other part's fields). utoipa has no attribute for it, so it is added here.
fn refuse_unknown_beside_tree_changes(document: &mut serde_json::Value) {
    let tree_change = serde_json::json!({"$ref": "#/components/schemas/TreeChange"});
    let Some(schemas) = document
        .pointer_mut("/components/schemas")
        .and_then(serde_json::Value::as_object_mut)
    else {
        return;
    };
    for schema in schemas.values_mut() {
        let composed = schema
            .get("allOf")
            .and_then(serde_json::Value::as_array)
            .is_some_and(|parts| parts.contains(&tree_change));
        if let (true, Some(object)) = (composed, schema.as_object_mut()) {
            object.insert("unevaluatedProperties".into(), serde_json::Value::Bool(false));
        }
    }
}

/// Every date the server reads or writes is a strict ISO day in 1900–2100 (`hoso_domain::dates`):
/// said on each `format: date` schema, in bodies and parameters alike.
fn state_the_date_rule(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(object) => {
            if object.get("format").and_then(serde_json::Value::as_str) == Some("date") {
                object.insert("pattern".into(), r"^\d{4}-\d{2}-\d{2}$".into());
                object.insert("minLength".into(), 10.into());
                object.insert("maxLength".into(), 10.into());
                object
                    .entry("description")
                    .or_insert_with(|| "A day, `YYYY-MM-DD`, year 1900–2100.".into());
            }
            for item in object.values_mut() {
                state_the_date_rule(item);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(state_the_date_rule),
        _ => {}
    }
}

/// The documented routes: each path template's segments and its methods, upper case.
fn routes() -> &'static [(Vec<String>, Vec<String>)] {
    static ROUTES: std::sync::OnceLock<Vec<(Vec<String>, Vec<String>)>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| {
        let document: serde_json::Value =
            serde_json::from_str(&document_json()).expect("the OpenAPI document is JSON");
        document["paths"]
            .as_object()
            .map(|paths| {
                paths
                    .iter()
                    .map(|(template, item)| {
                        let segments = template.split('/').map(str::to_owned).collect();
                        let methods = item
                            .as_object()
                            .map(|m| m.keys().map(|k| k.to_ascii_uppercase()).collect())
                            .unwrap_or_default();
                        (segments, methods)
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// The documented routes whose template matches `path` (`{x}` matches any one segment).
fn matching(path: &str) -> impl Iterator<Item = &'static (Vec<String>, Vec<String>)> {
    let wanted: Vec<String> = path.trim_end_matches('/').split('/').map(str::to_owned).collect();
    routes().iter().filter(move |(segments, _)| {
        segments.len() == wanted.len()
            && segments
                .iter()
                .zip(&wanted)
                .all(|(s, w)| s == w || (s.starts_with('{') && s.ends_with('}') && !w.is_empty()))
    })
}

/// The name of the parameter the `index`-th segment of `path` stands for (`id` for
/// `/api/v1/units/{id}`), when a documented route matches and that segment is a parameter.
pub fn path_parameter(path: &str, index: usize) -> Option<String> {
    matching(path).find_map(|(segments, _)| {
        let segment = segments.get(index)?;
        segment
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .map(str::to_owned)
    })
}

/// The methods the document declares for an API path (`/api/v1/units/abc` matches
/// `/api/v1/units/{id}`), upper case; empty when no documented path matches.
pub fn allowed_methods(path: &str) -> Vec<String> {
    let mut allowed: Vec<String> = matching(path)
        .flat_map(|(_, methods)| methods.iter().cloned())
        .collect();
    allowed.sort();
    allowed.dedup();
    allowed
}
