//! The hoso server: the REST API under `/api/v1`, its OpenAPI document, the API documentation
//! page and the SPA, served by one binary.
//!
//! HTTP only: `app` (the actix application) → `routes` (one file per endpoint: parse, call one
//! operation of `hoso_app`, render) and `auth` (the extractors that authenticate a request),
//! `error` (the application error as an HTTP answer), `openapi`, `web` (the SPA's files and the
//! API documentation page). The `hoso` binary is `hoso-server`; the operations are `hoso-app`.

pub mod app;
pub mod auth;
pub mod client_address;
pub mod error;
pub mod export;
pub mod input;
pub mod json;
pub mod openapi;
pub mod request_id;
pub mod routes;
pub mod state;
pub mod upload;
pub mod web;

pub use error::HttpError;
