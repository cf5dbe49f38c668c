//! The hoso server: the REST API under `/api/v1`, its OpenAPI document, the API documentation
//! page and the SPA, served by one binary.
//!
//! Layers, top to bottom: `commands` (what the `hoso` command line does) → `app` (the actix
//! application) → `routes` (one file per endpoint) → `hoso_store` and `hoso_domain`.

pub mod app;
pub mod audit;
pub mod auth;
pub mod catalogs;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod error;
pub mod export;
pub mod golive;
pub mod openapi;
pub mod print;
pub mod request_id;
pub mod routes;
pub mod sealing;
pub mod state;
pub mod telemetry;
pub mod views;
pub mod web;
pub(crate) mod workflow;

pub use error::ApiError;
