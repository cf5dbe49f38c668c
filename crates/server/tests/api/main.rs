//! Integration tests of the hoso server: the real application over real databases (SQLite
//! always, PostgreSQL when `HOSO_TEST_DATABASE_URL` is set, required under `CI=true`), and the
//! real binary for what happens at start.

mod accounts;
mod auth;
mod backups;
mod binary;
mod calendar;
mod catalogs;
mod coded_data;
mod demo;
mod docs;
mod documents;
mod dossiers;
mod errors;
mod golive;
mod imports;
mod jobs;
mod mail;
mod national;
mod national_catalogs;
mod openapi;
mod reports;
mod search;
mod settings;
mod spa;
mod support;
mod system;
mod transfers;
mod units;
mod workflow;
