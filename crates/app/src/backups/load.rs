//! Loading an archive into a database: what a restore does, and what every backup's
//! verification does into a scratch database. Nothing is kept unless everything read matches
//! the manifest: the rows load in one transaction that commits only then.

use std::collections::BTreeMap;
use std::path::Path;

use hoso_store::backup::{self as dump, Table, Value};
use hoso_store::DbConnection;
use sha2::{Digest, Sha256};

use super::archive::{
    self, DocumentSum, Header, Manifest, TableHeader, TableSum, FORMAT, HEADER_ENTRY, MANIFEST_ENTRY,
};
use crate::error::AppError;
use crate::secrets::hex;

/// What was loaded.
pub struct Loaded {
    pub header: Header,
    pub manifest: Manifest,
}

/// The archive's header, checked against what this build can restore.
pub fn check_header(header: &Header) -> Result<(), AppError> {
    if header.format != FORMAT {
        return Err(AppError::Conflict {
            code: "backup_corrupt",
            message: format!(
                "Định dạng sao lưu «{}» không được hỗ trợ (cần {FORMAT}).",
                header.format
            ),
        });
    }
    let known = hoso_store::migrations::known_versions()?;
    if !known.contains(&header.schema_version) {
        let newest = known.last().cloned().unwrap_or_default();
        return Err(AppError::Conflict {
            code: "backup_newer_schema",
            message: format!(
                "Bản sao lưu có lược đồ dữ liệu {} mà phiên bản hoso này (lược đồ mới nhất {newest}) không biết: \
                 hãy phục hồi bằng hoso {} trở lên.",
                header.schema_version, header.hoso_version
            ),
        });
    }
    Ok(())
}

/// Reads the archive at `path` into `conn`: after the header, `prepare` brings the target to the
/// archive's schema (outside the transaction, as migrations are); `document` receives each
/// document's bytes, already checked against their digest.
pub fn load(
    path: &Path,
    identities: &[&dyn age::Identity],
    conn: &mut DbConnection,
    prepare: impl FnOnce(&Header, &mut DbConnection) -> Result<(), AppError>,
    mut document: impl FnMut(&str, &[u8]) -> Result<(), AppError>,
) -> Result<Loaded, AppError> {
    let mut archive = archive::open(path, identities)?;
    let mut entries = archive.entries().map_err(archive::corrupt)?;
    let mut first = entries
        .next()
        .ok_or_else(|| archive::corrupt("tệp rỗng"))?
        .map_err(archive::corrupt)?;
    let name = first
        .path()
        .map_err(archive::corrupt)?
        .to_string_lossy()
        .into_owned();
    if name != HEADER_ENTRY {
        return Err(archive::corrupt(format!(
            "phần đầu là {name}, không phải {HEADER_ENTRY}"
        )));
    }
    let size = first.size();
    let header: Header =
        serde_json::from_slice(&archive::read_entry(&mut first, size)?).map_err(archive::corrupt)?;
    drop(first);
    check_header(&header)?;
    prepare(&header, conn)?;

    let target: BTreeMap<String, Table> = dump::tables(conn)?
        .into_iter()
        .map(|t| (t.name.clone(), t))
        .collect();
    let wanted: Vec<TableHeader> = target.values().map(TableHeader::of).collect();
    if wanted != header.tables {
        let differing = header
            .tables
            .iter()
            .find(|t| !wanted.contains(t))
            .or_else(|| wanted.iter().find(|t| !header.tables.contains(t)))
            .map(|t| t.name.clone())
            .unwrap_or_default();
        return Err(AppError::Conflict {
            code: "backup_corrupt",
            message: format!(
                "Các bảng của bản sao lưu ({} bảng) khác các bảng của cơ sở dữ liệu đích ({} bảng) ở bảng «{differing}».",
                header.tables.len(),
                wanted.len()
            ),
        });
    }

    conn.write_transaction(|conn| -> Result<Loaded, AppError> {
        dump::defer_foreign_keys(conn)?;
        dump::clear_filled_by_migration(conn)?;
        let mut sums: BTreeMap<String, (u64, Sha256)> = BTreeMap::new();
        let mut documents: Vec<DocumentSum> = Vec::new();
        let mut manifest: Option<Manifest> = None;
        let mut batch: Vec<Vec<Value>> = Vec::new();
        let mut batch_table: Option<&Table> = None;
        for entry in entries {
            let mut entry = entry.map_err(archive::corrupt)?;
            let name = entry
                .path()
                .map_err(archive::corrupt)?
                .to_string_lossy()
                .into_owned();
            let size = entry.size();
            if manifest.is_some() {
                return Err(archive::corrupt(format!("{name} sau {MANIFEST_ENTRY}")));
            }
            let bytes = archive::read_entry(&mut entry, size)?;
            if let Some(rest) = name.strip_prefix("tables/") {
                let table_name = rest.split('/').next().unwrap_or_default();
                let table = target
                    .get(table_name)
                    .ok_or_else(|| archive::corrupt(format!("bảng lạ {table_name}")))?;
                if batch_table.is_some_and(|t| t.name != table.name) {
                    dump::insert_rows(conn, batch_table.expect("checked"), &batch)?;
                    batch.clear();
                }
                batch_table = Some(table);
                let (rows, sha) = sums
                    .entry(table.name.clone())
                    .or_insert_with(|| (0, Sha256::new()));
                sha.update(&bytes);
                let text = std::str::from_utf8(&bytes).map_err(archive::corrupt)?;
                for line in text.lines() {
                    let json: Vec<serde_json::Value> =
                        serde_json::from_str(line).map_err(archive::corrupt)?;
                    if json.len() != table.columns.len() {
                        return Err(archive::corrupt(format!(
                            "một dòng của {} có {} giá trị",
                            table.name,
                            json.len()
                        )));
                    }
                    let values = table
                        .columns
                        .iter()
                        .zip(&json)
                        .map(|(c, v)| Value::from_json(c.kind, v))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(archive::corrupt)?;
                    batch.push(values);
                    *rows += 1;
                    if batch.len() >= dump::rows_per_insert(table) {
                        dump::insert_rows(conn, table, &batch)?;
                        batch.clear();
                    }
                }
            } else if let Some(digest) = name.strip_prefix("documents/") {
                if hex(&Sha256::digest(&bytes)) != digest {
                    return Err(archive::corrupt(format!("tài liệu {digest} không khớp mã băm")));
                }
                document(digest, &bytes)?;
                documents.push(DocumentSum {
                    sha256: digest.to_owned(),
                    bytes: bytes.len() as u64,
                });
            } else if name == MANIFEST_ENTRY {
                manifest = Some(serde_json::from_slice(&bytes).map_err(archive::corrupt)?);
            } else {
                return Err(archive::corrupt(format!("phần lạ {name}")));
            }
        }
        if let Some(table) = batch_table {
            dump::insert_rows(conn, table, &batch)?;
        }
        let manifest =
            manifest.ok_or_else(|| archive::corrupt(format!("thiếu {MANIFEST_ENTRY} (tệp bị cắt cụt)")))?;
        let read: Vec<TableSum> = target
            .keys()
            .map(|name| {
                let (rows, sha) = sums.remove(name).unwrap_or((0, Sha256::new()));
                TableSum {
                    name: name.clone(),
                    rows,
                    sha256: hex(&sha.finalize()),
                }
            })
            .collect();
        if let Some(differs) = first_difference(&manifest.tables, &read) {
            return Err(archive::corrupt(differs));
        }
        if manifest.documents != documents {
            return Err(archive::corrupt("danh sách tài liệu khác bản kê"));
        }
        dump::continue_sequences(conn)?;
        Ok(Loaded { header, manifest })
    })
}

/// The first table whose rows or hash differ between `expected` and `found`, described.
pub fn first_difference(expected: &[TableSum], found: &[TableSum]) -> Option<String> {
    for want in expected {
        match found.iter().find(|f| f.name == want.name) {
            None => return Some(format!("thiếu bảng {}", want.name)),
            Some(got) if got.rows != want.rows => {
                return Some(format!(
                    "bảng {} có {} dòng, bản kê ghi {}",
                    want.name, got.rows, want.rows
                ))
            }
            Some(got) if got.sha256 != want.sha256 => {
                return Some(format!("nội dung bảng {} khác mã băm trong bản kê", want.name))
            }
            Some(_) => {}
        }
    }
    found
        .iter()
        .find(|f| f.rows > 0 && !expected.iter().any(|e| e.name == f.name))
        .map(|f| format!("bảng {} không có trong bản kê", f.name))
}
