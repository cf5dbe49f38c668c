//! The `hoso` program: `hoso serve` (the HTTP API of `hoso-api` with the SPA, and background
//! workers), `hoso worker` (background jobs only) and the administration commands (`init`,
//! `migrate`, `seed-demo`, `verify`, …). Each command parses its arguments and configuration and
//! calls the application layer (`hoso-app`); none holds a business rule of its own.

pub mod cli;
pub mod commands;
pub mod config;
pub mod telemetry;
