//! Persistence of hoso over SQLite (the zero-set-up default) and PostgreSQL (production), chosen
//! at run time by the database URL.
//!
//! One portable schema serves both backends (text identifiers, UTC timestamps, integers); the
//! migrations are written once per backend under directories with identical names. Functions
//! here are synchronous and take `&mut DbConnection`: the caller owns the transaction and keeps
//! the work off async threads.

pub mod account_requests;
pub mod accounts;
pub mod api_clients;
pub mod audit;
pub mod backup;
pub mod backups;
pub mod calendar;
pub mod campaigns;
pub mod catalogs;
pub mod connection;
pub mod documents;
pub mod dossiers;
pub mod error;
pub mod ids;
pub mod imports;
pub mod jobs;
pub mod mail;
pub mod meta;
pub mod migrations;
pub mod national;
pub mod national_catalogs;
pub mod people;
pub mod pool;
pub mod positions;
pub mod quotas;
pub mod recruitments;
pub mod refresh_tokens;
pub mod reports;
pub mod reviews;
pub mod schema;
pub mod search;
pub mod sign_in_throttles;
pub mod signing;
#[cfg(feature = "testing")]
pub mod testing;
pub mod transfers;
pub mod unit_requests;
pub mod units;

pub use connection::{Backend, DatabaseUrl, DbConnection};
pub use error::StoreError;
pub use pool::{DbPool, PooledConnection};
