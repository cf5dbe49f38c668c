//! The JSON bodies of `/api/v1`, one module per resource. The server serialises them and the SPA
//! deserialises the very same types, so the two cannot drift apart.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod backups;
pub mod calendar;
pub mod campaigns;
pub mod catalogs;
pub mod documents;
pub mod dossiers;
pub mod error;
pub mod golive;
pub mod imports;
pub mod jobs;
pub mod mail;
pub mod national;
pub mod national_catalogs;
pub mod reports;
pub mod search;
pub mod settings;
pub mod system;
pub mod transfers;
pub mod units;
pub mod workflow;

pub use error::{ErrorBody, ErrorDetails, ProblemDetails};
