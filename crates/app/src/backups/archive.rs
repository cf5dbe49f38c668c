//! The backup archive: `age( gzip( tar ) )`, written and read as a stream so that its size
//! never sits in memory.
//!
//! Inside the tar, in this order: `hoso-backup.json` (the [`Header`]: what made it, the schema,
//! every table's columns, the data key ids it needs), then each table as chunks
//! `tables/<table>/<n>.jsonl` (one JSON array per row, see `hoso_store::backup`), then each
//! document `documents/<sha256>`, and last `manifest.json` (the [`Manifest`]: rows and SHA-256 of
//! every table, digest and size of every document). A reader checks everything it reads against
//! the manifest, so an archive cut short or altered never restores: age's authenticated chunks
//! refuse a changed byte, the manifest a missing part.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;

use chrono::NaiveDateTime;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use hoso_domain::backup::BackupKind;
use hoso_store::backup::{self as dump, ColumnKind, Table, Value};
use hoso_store::documents::BlobStore;
use hoso_store::DbConnection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::secrets::hex;

pub const FORMAT: &str = "hoso-backup/1";
pub const HEADER_ENTRY: &str = "hoso-backup.json";
pub const MANIFEST_ENTRY: &str = "manifest.json";
/// Rows of a table are cut into tar entries of about this size (a tar entry states its size
/// before its bytes, so a chunk is held in memory while it fills).
const CHUNK_BYTES: usize = 8 << 20;
/// No entry of a good archive is larger (documents are limited far below).
pub const MAX_ENTRY_BYTES: u64 = 256 << 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnHeader {
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableHeader {
    pub name: String,
    pub columns: Vec<ColumnHeader>,
}

impl TableHeader {
    pub fn of(table: &Table) -> Self {
        TableHeader {
            name: table.name.clone(),
            columns: table
                .columns
                .iter()
                .map(|c| ColumnHeader {
                    name: c.name.clone(),
                    // SQLite's integers are all 64-bit: an id that is BIGINT on PostgreSQL
                    // is INTEGER there, and either loads into the other.
                    kind: match c.kind {
                        ColumnKind::BigInt => ColumnKind::Integer.as_str().into(),
                        other => other.as_str().into(),
                    },
                })
                .collect(),
        }
    }
}

/// What an archive says of itself before any data.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub backup_id: String,
    pub kind: BackupKind,
    pub hoso_version: String,
    /// The newest migration applied to the database backed up.
    pub schema_version: String,
    pub backend: String,
    pub province: String,
    pub made_at: NaiveDateTime,
    pub made_by: String,
    /// Ids of the data keys that open its sealed fields (the keys are not in it).
    pub data_key_ids: Vec<String>,
    pub tables: Vec<TableHeader>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSum {
    pub name: String,
    pub rows: u64,
    /// SHA-256 of the table's lines, each followed by a newline.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSum {
    pub sha256: String,
    pub bytes: u64,
}

/// What an archive holds, written last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub tables: Vec<TableSum>,
    pub documents: Vec<DocumentSum>,
    pub finished_at: NaiveDateTime,
}

impl Manifest {
    /// The record of a verified archive of this content: its file's size and SHA-256, and what
    /// its verification found (JSON).
    pub fn verified<'a>(
        &self,
        size_bytes: i64,
        sha256: &'a str,
        verification: &'a str,
        at: NaiveDateTime,
    ) -> hoso_store::backups::Verified<'a> {
        hoso_store::backups::Verified {
            size_bytes,
            sha256,
            tables: self.tables.len() as i32,
            rows_total: self.rows() as i64,
            documents: self.documents.len() as i32,
            document_bytes: self.document_bytes() as i64,
            verification,
            at,
        }
    }

    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|t| t.rows).sum()
    }

    pub fn document_bytes(&self) -> u64 {
        self.documents.iter().map(|d| d.bytes).sum()
    }
}

/// A row as a line of an archive.
pub fn row_line(values: &[Value]) -> String {
    let json: Vec<serde_json::Value> = values.iter().map(Value::to_json).collect();
    serde_json::to_string(&json).expect("plain values serialise")
}

/// Every table's row count and hash as the database holds them now.
pub fn table_sums(conn: &mut DbConnection, tables: &[Table]) -> Result<Vec<TableSum>, AppError> {
    let mut sums = Vec::new();
    for table in tables {
        let mut sha = Sha256::new();
        let rows = dump::for_each_row(conn, table, |values| {
            sha.update(row_line(&values).as_bytes());
            sha.update(b"\n");
            Ok(())
        })?;
        sums.push(TableSum {
            name: table.name.clone(),
            rows,
            sha256: hex(&sha.finalize()),
        });
    }
    Ok(sums)
}

/// Passes bytes through, counting and hashing them: the archive file's own digest.
struct Hashing<W> {
    inner: W,
    sha: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sha.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The written archive.
pub struct Written {
    pub manifest: Manifest,
    pub size_bytes: u64,
    pub sha256: String,
}

fn io_error(path: &Path) -> impl Fn(io::Error) -> AppError + '_ {
    move |e| AppError::Unavailable(format!("backup {}: {e}", path.display()))
}

fn append<W: Write>(tar: &mut tar::Builder<W>, name: &str, bytes: &[u8], mtime: u64) -> io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(mtime);
    header.set_cksum();
    tar.append_data(&mut header, name, bytes)
}

/// Writes the archive of everything `conn` sees (the caller holds a snapshot transaction) and
/// the documents it names to `out`, encrypted to `recipients`. `progress` is told each table.
pub fn write(
    conn: &mut DbConnection,
    blobs: &dyn BlobStore,
    header: &Header,
    tables: &[Table],
    recipients: &[age::x25519::Recipient],
    out: &Path,
    progress: &mut dyn FnMut(usize, usize) -> Result<(), AppError>,
) -> Result<Written, AppError> {
    let fail = io_error(out);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(out).map_err(&fail)?;
    let hashing = Hashing {
        inner: BufWriter::with_capacity(1 << 20, file),
        sha: Sha256::new(),
        bytes: 0,
    };
    let encryptor = age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        .map_err(|e| AppError::Internal(format!("backup recipients: {e}")))?;
    let encrypted = encryptor.wrap_output(hashing).map_err(&fail)?;
    let mut tar = tar::Builder::new(GzEncoder::new(encrypted, flate2::Compression::fast()));
    let mtime = header.made_at.and_utc().timestamp().max(0) as u64;
    let header_json = serde_json::to_vec_pretty(header).map_err(|e| AppError::Internal(e.to_string()))?;
    append(&mut tar, HEADER_ENTRY, &header_json, mtime).map_err(&fail)?;

    let mut sums = Vec::new();
    for (done, table) in tables.iter().enumerate() {
        progress(done, tables.len() + 1)?;
        let mut sha = Sha256::new();
        let mut chunk: Vec<u8> = Vec::new();
        let mut part = 0;
        let mut flush = |chunk: &mut Vec<u8>, tar: &mut tar::Builder<_>| -> Result<(), AppError> {
            part += 1;
            let name = format!("tables/{}/{part:06}.jsonl", table.name);
            append(tar, &name, chunk, mtime).map_err(&fail)?;
            chunk.clear();
            Ok(())
        };
        let rows = dump::for_each_row(conn, table, |values| {
            let line = row_line(&values);
            sha.update(line.as_bytes());
            sha.update(b"\n");
            chunk.extend_from_slice(line.as_bytes());
            chunk.push(b'\n');
            if chunk.len() >= CHUNK_BYTES {
                flush(&mut chunk, &mut tar).map_err(|e| hoso_store::StoreError::Connection(e.to_string()))?;
            }
            Ok(())
        })?;
        if !chunk.is_empty() {
            flush(&mut chunk, &mut tar)?;
        }
        sums.push(TableSum {
            name: table.name.clone(),
            rows,
            sha256: hex(&sha.finalize()),
        });
    }

    progress(tables.len(), tables.len() + 1)?;
    let mut documents = Vec::new();
    for sha256 in hoso_store::documents::all_digests(conn)? {
        let bytes = blobs.get(&sha256).map_err(|e| AppError::Conflict {
            code: "backup_failed",
            message: format!("Không đọc được tài liệu {sha256}: {e}"),
        })?;
        if hex(&Sha256::digest(&bytes)) != sha256 {
            return Err(AppError::Conflict {
                code: "backup_failed",
                message: format!("Tài liệu {sha256} trên đĩa không còn khớp với mã băm của nó (đã bị hỏng)."),
            });
        }
        append(&mut tar, &format!("documents/{sha256}"), &bytes, mtime).map_err(&fail)?;
        documents.push(DocumentSum {
            sha256,
            bytes: bytes.len() as u64,
        });
    }

    let manifest = Manifest {
        tables: sums,
        documents,
        finished_at: chrono::Utc::now().naive_utc(),
    };
    let manifest_json =
        serde_json::to_vec_pretty(&manifest).map_err(|e| AppError::Internal(e.to_string()))?;
    append(&mut tar, MANIFEST_ENTRY, &manifest_json, mtime).map_err(&fail)?;
    let gzip = tar.into_inner().map_err(&fail)?;
    let encrypted = gzip.finish().map_err(&fail)?;
    let mut hashing = encrypted.finish().map_err(&fail)?;
    hashing.flush().map_err(&fail)?;
    let Hashing { inner, sha, bytes } = hashing;
    let file = inner.into_inner().map_err(|e| fail(e.into_error()))?;
    file.sync_all().map_err(&fail)?;
    Ok(Written {
        manifest,
        size_bytes: bytes,
        sha256: hex(&sha.finalize()),
    })
}

pub type Entries = tar::Archive<GzDecoder<age::stream::StreamReader<BufReader<File>>>>;

/// Opens an archive for reading with one of `identities`.
pub fn open(path: &Path, identities: &[&dyn age::Identity]) -> Result<Entries, AppError> {
    let file = File::open(path).map_err(|e| AppError::Conflict {
        code: "backup_corrupt",
        message: format!("Không mở được tệp sao lưu {}: {e}", path.display()),
    })?;
    let decryptor = age::Decryptor::new(BufReader::new(file)).map_err(|e| AppError::Conflict {
        code: "backup_corrupt",
        message: format!("Tệp {} không phải bản sao lưu mã hóa hợp lệ: {e}", path.display()),
    })?;
    let reader = decryptor
        .decrypt(identities.iter().copied())
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => AppError::Conflict {
                code: "backup_wrong_identity",
                message:
                    "Khóa giải mã không mở được bản sao lưu này (bản sao lưu được mã hóa cho khóa khác)."
                        .into(),
            },
            other => AppError::Conflict {
                code: "backup_corrupt",
                message: format!("Không giải mã được bản sao lưu: {other}"),
            },
        })?;
    Ok(tar::Archive::new(GzDecoder::new(reader)))
}

/// An error met while reading an archive's bytes: altered or cut short.
pub fn corrupt(e: impl std::fmt::Display) -> AppError {
    AppError::Conflict {
        code: "backup_corrupt",
        message: format!("Bản sao lưu bị hỏng hoặc bị thay đổi: {e}"),
    }
}

/// Reads an entry whole, refusing one larger than any good archive holds.
pub fn read_entry(entry: &mut impl Read, size: u64) -> Result<Vec<u8>, AppError> {
    if size > MAX_ENTRY_BYTES {
        return Err(corrupt(format!("một phần dài {size} byte")));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    entry.read_to_end(&mut bytes).map_err(corrupt)?;
    Ok(bytes)
}
