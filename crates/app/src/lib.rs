//! The application layer of hoso: every operation of the system, whoever asks for it.
//!
//! An operation takes the actor (a person's [`Session`], or the system for scheduled work), its
//! input as parsed types and a connection; authorisation (the pure policies of `hoso_domain`),
//! validation, sealing, audit and the transaction boundary happen here, once. The HTTP layer
//! (`hoso-api`) parses a request, calls one operation and renders its result; the command line
//! and background jobs call the same functions.
//!
//! Layers, top to bottom: `hoso-api` (HTTP, CLI) → `hoso-app` (operations, jobs, scheduler) →
//! `hoso-store` (SQL on SQLite and PostgreSQL) and `hoso-domain` (types and pure rules).

pub mod account_requests;
pub mod accounts;
pub mod api_clients;
pub mod approvals;
pub mod archive;
pub mod audit;
pub mod auth;
pub mod backups;
pub mod calendar;
pub mod campaigns;
pub mod catalogs;
pub mod change_requests;
pub mod clock;
pub mod context;
pub mod deadlines;
pub mod documents;
pub mod dossiers;
pub mod error;
pub mod export;
pub mod files;
pub mod golive;
pub mod imports;
pub(crate) mod io_runtime;
pub mod jobs;
pub mod lists;
pub mod mail;
pub mod me;
pub mod national;
pub mod passwords;
pub mod people;
pub mod positions;
pub mod print;
pub mod recruitments;
pub mod reports;
pub mod scheduler;
pub mod sealed_blobs;
pub mod sealing;
pub mod search;
pub mod secrets;
pub mod seed;
pub mod session;
pub mod settings;
pub mod setup;
pub mod signatures;
pub mod system;
pub mod tokens;
pub mod transfers;
pub mod unit_requests;
pub mod units;
pub mod views;
pub mod workflow;

pub use context::App;
pub use error::AppError;
pub use session::{RequestMeta, Session};
