//! The `hoso` command line.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::bail;
use clap::{CommandFactory, Parser, Subcommand};

use crate::commands;
use crate::config::{self, Settings};

const DEFAULT_CONFIG_FILE: &str = "hoso.toml";

#[derive(Debug, Parser)]
#[command(
    name = "hoso",
    version,
    about = "hoso: electronic personnel dossiers of a province's cadres, civil servants and public employees"
)]
pub struct Cli {
    /// TOML file setting any of the options below by name (e.g. `database_url = "…"`).
    /// Default: `./hoso.toml` when it exists.
    #[arg(long, global = true, env = "HOSO_CONFIG")]
    pub config: Option<PathBuf>,

    #[command(flatten)]
    pub settings: Settings,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server: the API, its documentation and the SPA, after applying pending migrations.
    Serve,
    /// Run background jobs and the scheduler only, without HTTP (as many processes as wanted
    /// share one queue; `hoso serve` runs them too unless HOSO_JOB_WORKERS=0).
    Worker,
    /// Apply pending database migrations, or show their state with --status.
    Migrate {
        /// Only report how many migrations are applied and pending.
        #[arg(long)]
        status: bool,
    },
    /// Load the demo province (idempotent), with dossiers in every state of the workflow made
    /// by the demo accounts. Never on a production database.
    SeedDemo {
        /// Leave out the workflow's stories: only the province, its people with approved
        /// dossiers and the accounts (for tests that build their own cases).
        #[arg(long)]
        no_stories: bool,
    },
    /// Add generated people with approved dossiers to the demo province (for benchmarks at
    /// scale). Never on a production database.
    SeedBulk {
        /// How many people.
        #[arg(long)]
        people: usize,
        /// Seed of the generator (the same seed gives the same people).
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Put everyone in this demo unit (its code, e.g. `HY.SYT.TTKSBT`) rather than spread
        /// them over the province.
        #[arg(long)]
        unit: Option<String>,
    },
    /// Write a staff workbook (the import template, filled) of generated teachers of the demo
    /// province's schools, with their sections: for trying the Excel import, its tests and
    /// `cargo xtask bench-import`. Demo data; touches no database.
    SampleWorkbook {
        /// How many people.
        #[arg(long)]
        people: usize,
        /// Seed of the generator (the same seed gives the same people).
        #[arg(long, default_value_t = 15)]
        seed: u64,
        /// Where to write the .xlsx file.
        #[arg(long)]
        out: PathBuf,
    },
    /// First run of a real province on an empty database: the province's root unit (from the
    /// provinces catalogue), Sở Nội vụ under it and the first administrator. Running it again
    /// with the same arguments changes nothing; once a province exists any other is refused.
    /// Prints a temporary password, unless HOSO_ADMIN_PASSWORD gives the password to set.
    Init {
        /// Code of the province in the catalogue of 34 provinces (e.g. 33 for Hưng Yên).
        #[arg(long)]
        province_code: String,
        /// Username of the first administrator.
        #[arg(long)]
        admin: String,
        #[arg(long, default_value = "Quản trị hệ thống — Sở Nội vụ")]
        display_name: String,
    },
    /// Create an administrator (Sở Nội vụ) account. Prints a temporary password, unless
    /// HOSO_ADMIN_PASSWORD gives the password to set.
    CreateAdmin {
        #[arg(long)]
        username: String,
        #[arg(long, default_value = "Quản trị hệ thống")]
        display_name: String,
    },
    /// Add many entries to a catalogue from a JSON file (`{kind, source, entries}`), e.g. the
    /// communes of Decision 19/2025/QĐ-TTg; all checked, all or nothing.
    ImportCatalog {
        /// The JSON file.
        file: PathBuf,
    },
    /// Verify a signed export (`GET /dossiers/{id}/versions/{n}/signed`) offline: the content
    /// against its signed digest and every signature against the trusted roots. Prints each
    /// check; exits 0 when valid, 1 when a check failed.
    Verify {
        /// The signed export (JSON), or the signed PDF (`…/signed.pdf`) that embeds it.
        file: PathBuf,
        /// PEM file of trusted root certificates (`GET /signatures/roots`); repeatable.
        #[arg(long, required = true)]
        trust: Vec<PathBuf>,
    },
    /// Verify the national sync's message log (docs/integration.md): recompute every entry's
    /// hash and its link to the one before. Exits 0 when the chain holds, 1 naming the first
    /// entry that does not.
    VerifyLog,
    /// Make a backup now (SEC-5): every table and document in an archive encrypted with age to
    /// HOSO_BACKUP_RECIPIENTS and this server's own key, kept in HOSO_BACKUP_TARGET under a
    /// temporary name, restored into a scratch database and compared with its manifest, then
    /// named. Exits 1 when the backup or its verification failed.
    Backup,
    /// Restore a backup archive into an empty database (HOSO_DATABASE_URL, or --into): first
    /// verified by a restore into a scratch database, so a damaged archive or a wrong key
    /// touches nothing. An archive of SQLite restores into PostgreSQL and back.
    Restore {
        /// The archive (`hoso-….tar.gz.age`): a file, or `s3://bucket/prefix/hoso-….tar.gz.age`
        /// (fetched with the HOSO_BACKUP_S3_* settings).
        archive: String,
        /// age identity file that opens it (the offline recovery key); default: this server's
        /// own (HOSO_BACKUP_IDENTITY).
        #[arg(long)]
        identity: Option<PathBuf>,
        /// Database to restore into (sqlite://… or postgres://…); default: HOSO_DATABASE_URL.
        #[arg(long)]
        into: Option<String>,
        /// Only verify the archive; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Drop everything in a target that holds data, then restore.
        #[arg(long)]
        replace: bool,
    },
    /// Write the OpenAPI document of the API.
    Openapi {
        /// File to write; standard output when absent.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

pub fn run() -> anyhow::Result<()> {
    if let Some(path) = config_file(std::env::args_os().collect()) {
        config::load_file(&path, &option_variables())?;
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => error.exit(), // --help, --version
        Err(error) => bail!("{}", first_line(&error.to_string())),
    };
    match cli.command {
        Command::Serve => commands::serve::run(&cli.settings),
        Command::Worker => commands::worker::run(&cli.settings),
        Command::Migrate { status } => commands::migrate::run(&cli.settings, status),
        Command::SeedDemo { no_stories } => commands::seed_demo::run(&cli.settings, !no_stories),
        Command::SeedBulk { people, seed, unit } => {
            commands::seed_demo::run_bulk(&cli.settings, people, seed, unit.as_deref())
        }
        Command::SampleWorkbook { people, seed, out } => {
            commands::seed_demo::run_sample_workbook(people, seed, &out)
        }
        Command::Init {
            province_code,
            admin,
            display_name,
        } => commands::init::run(&cli.settings, &province_code, &admin, &display_name),
        Command::CreateAdmin {
            username,
            display_name,
        } => commands::create_admin::run(&cli.settings, &username, &display_name),
        Command::ImportCatalog { file } => commands::import_catalog::run(&cli.settings, &file),
        Command::Verify { file, trust } => commands::verify::run(&file, &trust),
        Command::VerifyLog => commands::verify::run_log(&cli.settings),
        Command::Backup => commands::backup::run_backup(&cli.settings),
        Command::Restore {
            archive,
            identity,
            into,
            dry_run,
            replace,
        } => commands::backup::run_restore(
            &cli.settings,
            &archive,
            identity.as_deref(),
            into.as_deref(),
            dry_run,
            replace,
        ),
        Command::Openapi { output } => commands::openapi::run(output.as_deref()),
    }
}

/// Every option's name in a configuration file, with its environment variable.
pub fn option_variables() -> BTreeMap<String, String> {
    Cli::command()
        .get_arguments()
        .filter(|arg| arg.get_id() != "config")
        .filter_map(|arg| {
            let variable = arg.get_env()?.to_string_lossy().into_owned();
            Some((arg.get_id().to_string(), variable))
        })
        .collect()
}

/// The configuration file named by `--config`, by `HOSO_CONFIG`, or `./hoso.toml` if present.
/// Read before clap parses, because the file feeds the variables clap reads.
fn config_file(args: Vec<OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        if arg == "--config" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.strip_prefix("--config=") {
            return Some(PathBuf::from(value));
        }
    }
    if let Some(path) = std::env::var_os("HOSO_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let default = PathBuf::from(DEFAULT_CONFIG_FILE);
    default.is_file().then_some(default)
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    line.strip_prefix("error: ").unwrap_or(line).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_has_an_environment_variable() {
        let options = option_variables();
        assert!(options.len() >= 10, "{options:?}");
        for (name, variable) in options {
            assert_eq!(variable, format!("HOSO_{}", name.to_uppercase()), "{name}");
        }
    }

    #[test]
    fn config_flag_wins_over_the_default_file() {
        let args = ["hoso", "--config", "x.toml", "serve"]
            .map(OsString::from)
            .to_vec();
        assert_eq!(config_file(args), Some(PathBuf::from("x.toml")));
        let args = ["hoso", "--config=y.toml"].map(OsString::from).to_vec();
        assert_eq!(config_file(args), Some(PathBuf::from("y.toml")));
    }
}
