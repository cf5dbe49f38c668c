//! The rules of hoso, free of I/O so that the server and the SPA share them.
//!
//! Everything here is pure: it takes values and returns values. The store persists what this
//! crate decides; the API exposes it. Nothing in this crate knows about HTTP or SQL.

pub mod access;
pub mod approval;
pub mod backup;
pub mod calendar;
pub mod career;
pub mod catalog;
pub mod dates;
pub mod dossier;
pub mod import;
pub mod lunar;
pub mod national;
pub mod national_catalogs;
pub mod org;
pub mod password;
pub mod position;
pub mod recruitment;
pub mod regulation;
pub mod report;
pub mod retirement;
pub mod schedule;
pub mod synthetic;
pub mod text;
pub mod transfer;
pub mod validation;
pub mod workflow;

pub use validation::{FieldError, FieldErrors};
