//! Scanned documents: metadata here, bytes in a content-addressed directory (the same scan
//! uploaded twice is stored once). Nothing here deletes a document.

use std::path::PathBuf;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};
use crate::ids::new_id;
use crate::schema::{documents, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = documents)]
pub struct DocumentRow {
    pub id: String,
    pub sha256: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub unit_id: Option<String>,
    pub uploaded_by: String,
    pub uploaded_at: NaiveDateTime,
}

pub struct NewDocument {
    pub sha256: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub unit_id: Option<String>,
    pub uploaded_by: String,
}

pub fn insert(conn: &mut DbConnection, new: NewDocument) -> StoreResult<DocumentRow> {
    let row = DocumentRow {
        id: new_id(),
        sha256: new.sha256,
        file_name: new.file_name,
        content_type: new.content_type,
        size_bytes: new.size_bytes,
        unit_id: new.unit_id,
        uploaded_by: new.uploaded_by,
        uploaded_at: Utc::now().naive_utc(),
    };
    diesel::insert_into(documents::table)
        .values((
            documents::id.eq(&row.id),
            documents::sha256.eq(&row.sha256),
            documents::file_name.eq(&row.file_name),
            documents::content_type.eq(&row.content_type),
            documents::size_bytes.eq(row.size_bytes),
            documents::unit_id.eq(&row.unit_id),
            documents::uploaded_by.eq(&row.uploaded_by),
            documents::uploaded_at.eq(row.uploaded_at),
        ))
        .execute(conn)?;
    Ok(row)
}

/// The document and the ancestry path of its unit (none: province-wide).
pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<(DocumentRow, Option<String>)>> {
    Ok(documents::table
        .left_join(units::table.on(units::id.nullable().eq(documents::unit_id)))
        .filter(documents::id.eq(id))
        .select((DocumentRow::as_select(), units::path.nullable()))
        .first(conn)
        .optional()?)
}

/// The dossier a document belongs to and the kind it was filed as — an attachment, or the
/// evidence of a change — if it belongs to one.
pub fn attached_to(conn: &mut DbConnection, document_id: &str) -> StoreResult<Option<(String, String)>> {
    use crate::schema::{dossier_attachments, review_evidence, reviews};
    let attachment = dossier_attachments::table
        .filter(dossier_attachments::document_id.eq(document_id))
        .select((dossier_attachments::dossier_id, dossier_attachments::kind))
        .first::<(String, String)>(conn)
        .optional()?;
    if attachment.is_some() {
        return Ok(attachment);
    }
    let evidence = review_evidence::table
        .filter(review_evidence::document_id.eq(document_id))
        .select((review_evidence::review_id, review_evidence::kind))
        .first::<(String, String)>(conn)
        .optional()?;
    let Some((review_id, kind)) = evidence else {
        return Ok(None);
    };
    let dossier_id = reviews::table
        .find(review_id)
        .select(reviews::dossier_id)
        .first::<String>(conn)?;
    Ok(Some((dossier_id, kind)))
}

/// Where document bytes live, addressed by their SHA-256. The filesystem under the data
/// directory today ([`FileBlobs`]); an S3-compatible object store is another implementation of
/// these two calls, chosen by configuration, with no change to the callers.
pub trait BlobStore: Send + Sync {
    /// Stores the bytes under their digest; storing the same content twice keeps one copy.
    fn put(&self, sha256: &str, bytes: &[u8]) -> StoreResult<()>;
    fn get(&self, sha256: &str) -> StoreResult<Vec<u8>>;
    /// Writes `bytes` under the digest even when something is stored there (a stored form
    /// rewritten: a clear blob sealed).
    fn replace(&self, sha256: &str, bytes: &[u8]) -> StoreResult<()>;
    /// Seals the blob in place if it was stored in clear; whether it was. Stores that do not
    /// seal have nothing to do.
    fn seal_in_place(&self, _sha256: &str) -> StoreResult<bool> {
        Ok(false)
    }
}

/// Blobs as files: `<root>/ab/cdef…`, written atomically through a temporary file.
#[derive(Debug, Clone)]
pub struct FileBlobs {
    root: PathBuf,
}

impl FileBlobs {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        FileBlobs { root: root.into() }
    }

    fn path(&self, sha256: &str) -> PathBuf {
        self.root.join(&sha256[..2]).join(&sha256[2..])
    }
}

impl BlobStore for FileBlobs {
    fn put(&self, sha256: &str, bytes: &[u8]) -> StoreResult<()> {
        if self.path(sha256).is_file() {
            return Ok(());
        }
        self.replace(sha256, bytes)
    }

    fn replace(&self, sha256: &str, bytes: &[u8]) -> StoreResult<()> {
        let path = self.path(sha256);
        let dir = path.parent().expect("blob paths have a parent");
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Connection(format!("{}: {e}", dir.display())))?;
        let temporary = dir.join(format!(".{}.{}", &sha256[2..], std::process::id()));
        std::fs::write(&temporary, bytes)
            .and_then(|()| std::fs::rename(&temporary, &path))
            .map_err(|e| StoreError::Connection(format!("{}: {e}", path.display())))
    }

    fn get(&self, sha256: &str) -> StoreResult<Vec<u8>> {
        let path = self.path(sha256);
        std::fs::read(&path).map_err(|e| StoreError::Connection(format!("{}: {e}", path.display())))
    }
}

/// The digest of every stored document's bytes, each once, in order: what a backup copies.
pub fn all_digests(conn: &mut DbConnection) -> StoreResult<Vec<String>> {
    Ok(documents::table
        .select(documents::sha256)
        .distinct()
        .order(documents::sha256.asc())
        .load(conn)?)
}
