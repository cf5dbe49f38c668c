//! Loading many entries into a catalogue at once — above all the 3,321 communes, wards and
//! special zones of Decision 19/2025/QĐ-TTg, from its annex — with the same checks as adding one
//! entry through the API. All or nothing: one bad entry and nothing is stored.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{anyhow, bail, Context};
use hoso_domain::catalog::{check_new_entry, CatalogEntry};
use hoso_store::audit::{self, NewAuditEvent};
use hoso_store::catalogs;
use serde::Deserialize;

use crate::config::Settings;
use crate::telemetry;

/// The file: the catalogue, the legal text the entries come from, and the entries (the same
/// shape as the shipped files' entries).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportFile {
    pub kind: String,
    pub source: String,
    pub entries: Vec<CatalogEntry>,
}

pub fn run(settings: &Settings, file: &Path) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let import: ImportFile = serde_json::from_str(&text)
        .map_err(|e| anyhow!("{} is not a catalogue import file: {e}", file.display()))?;
    let pool = super::open_database(&config)?;
    let mut conn = pool.get()?;
    let count = conn.write_transaction(|conn| import_entries(conn, &import))?;
    println!("{count} entries added to catalogue '{}'", import.kind);
    Ok(())
}

/// Checks and inserts every entry; the first failure stops everything, naming the entry.
pub fn import_entries(conn: &mut hoso_store::DbConnection, import: &ImportFile) -> anyhow::Result<usize> {
    let catalog =
        catalogs::find(conn, &import.kind)?.ok_or_else(|| anyhow!("no catalogue '{}'", import.kind))?;
    let meta = catalog.meta();
    // Codes already stored in the catalogues an entry may name, plus those added so far.
    let mut known: HashSet<(String, String)> = catalogs::all_entries(conn)?
        .into_iter()
        .map(|e| (e.kind, e.code))
        .collect();
    for (i, entry) in import.entries.iter().enumerate() {
        if let Err(errors) =
            check_new_entry(&meta, entry, |k, c| known.contains(&(k.to_owned(), c.to_owned())))
        {
            let reasons: Vec<String> = errors
                .into_vec()
                .into_iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect();
            bail!(
                "entry {} ('{}') refused: {}",
                i + 1,
                entry.code,
                reasons.join("; ")
            );
        }
        catalogs::insert_entry(conn, &import.kind, entry, "local", None)?;
        known.insert((import.kind.clone(), entry.code.clone()));
    }
    audit::append(
        conn,
        NewAuditEvent {
            actor_type: "system".into(),
            action: "catalog.imported".into(),
            outcome: "success".into(),
            target_type: Some("catalog".into()),
            target_id: Some(import.kind.clone()),
            reason: Some(import.source.clone()),
            details: Some(serde_json::json!({"entries": import.entries.len()}).to_string()),
            ..NewAuditEvent::default()
        },
    )?;
    Ok(import.entries.len())
}
