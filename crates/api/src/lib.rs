//! The hoso server: the REST API under `/api/v1`, its OpenAPI document, the API documentation
//! page and the SPA, served by one binary.
//!
//! Layers, top to bottom: `commands` (what the `hoso` command line does) → `app` (the actix
//! application) → `routes` (one file per endpoint: parse, call one operation of `hoso_app`,
//! render) → `hoso_app` (the operations) → `hoso_store` and `hoso_domain`.

pub mod app;
pub mod auth;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod export;
pub mod openapi;
pub mod request_id;
pub mod routes;
pub mod state;
pub mod telemetry;
pub mod web;

pub use error::HttpError;
