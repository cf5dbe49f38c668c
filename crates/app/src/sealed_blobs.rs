//! Documents sealed at rest (SEC-2; issue #19, defect 9): every scan — a citizen ID card, a
//! health certificate, a decision — is encrypted with the deployment's data keys before it
//! reaches the disk (or an object store), so a copied data directory shows no page of it.
//!
//! The format is STREAM (Hoang, Reyhanitabar, Rogaway, Vizár), as age uses it: 64 KiB chunks,
//! each XChaCha20-Poly1305 with the nonce `prefix ‖ counter ‖ last`, so chunks cannot be
//! reordered, dropped or the file cut short, and a reader can check and hand out one chunk at a
//! time. The blob's SHA-256 (its name) is the associated data: a blob moved under another name
//! does not open. Header: `hosoblob1`, the key id's length and the key id, the 19-byte prefix.
//! A blob stored before sealing existed (no header) is read as it is, and sealed in place once
//! at start ([`seal_stored_documents`]).

use std::sync::Arc;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use hoso_store::documents::BlobStore;
use hoso_store::error::StoreResult;
use hoso_store::StoreError;

use crate::sealing::DataKeys;

const MAGIC: &[u8] = b"hosoblob1";
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const PREFIX: usize = 19;

/// A blob store whose bytes are sealed with the data keys; callers see plaintext.
pub struct SealedBlobs {
    inner: Arc<dyn BlobStore>,
    keys: DataKeys,
}

impl SealedBlobs {
    pub fn new(inner: Arc<dyn BlobStore>, keys: DataKeys) -> Self {
        SealedBlobs { inner, keys }
    }
}

/// Documents as sealed files under `dir` (`<dir>/ab/cdef…`).
pub fn in_directory(dir: impl Into<std::path::PathBuf>, keys: &DataKeys) -> Arc<dyn BlobStore> {
    Arc::new(SealedBlobs::new(
        Arc::new(hoso_store::documents::FileBlobs::new(dir)),
        keys.clone(),
    ))
}

impl BlobStore for SealedBlobs {
    fn put(&self, sha256: &str, bytes: &[u8]) -> StoreResult<()> {
        self.inner.put(sha256, &seal(&self.keys, sha256, bytes))
    }

    fn get(&self, sha256: &str) -> StoreResult<Vec<u8>> {
        let stored = self.inner.get(sha256)?;
        open(&self.keys, sha256, &stored)
    }

    fn replace(&self, sha256: &str, bytes: &[u8]) -> StoreResult<()> {
        self.inner.replace(sha256, &seal(&self.keys, sha256, bytes))
    }

    fn seal_in_place(&self, sha256: &str) -> StoreResult<bool> {
        let stored = self.inner.get(sha256)?;
        if stored.starts_with(MAGIC) {
            return Ok(false);
        }
        self.inner.replace(sha256, &seal(&self.keys, sha256, &stored))?;
        Ok(true)
    }
}

/// Seals every document stored in clear before sealing existed, once per deployment (marked in
/// `system_meta`); the number sealed. Run at start by `hoso serve` and `hoso worker`.
pub fn seal_stored_documents(
    conn: &mut hoso_store::DbConnection,
    blobs: &dyn BlobStore,
) -> Result<usize, crate::error::AppError> {
    const DONE: &str = "documents_sealed_at_rest";
    if hoso_store::meta::get(conn, DONE)?.is_some() {
        return Ok(0);
    }
    let mut sealed = 0;
    for digest in hoso_store::documents::all_digests(conn)? {
        // A blob missing from the store is the backup check's to report, not a reason to stop.
        match blobs.seal_in_place(&digest) {
            Ok(true) => sealed += 1,
            Ok(false) => {}
            Err(error) => tracing::warn!(%digest, %error, "document not sealed"),
        }
    }
    hoso_store::meta::set(conn, DONE, &chrono::Utc::now().to_rfc3339())?;
    Ok(sealed)
}

fn nonce(prefix: &[u8; PREFIX], counter: u32, last: bool) -> XNonce {
    let mut nonce = [0u8; 24];
    nonce[..PREFIX].copy_from_slice(prefix);
    nonce[PREFIX..PREFIX + 4].copy_from_slice(&counter.to_be_bytes());
    nonce[23] = u8::from(last);
    *XNonce::from_slice(&nonce)
}

pub fn seal(keys: &DataKeys, sha256: &str, plaintext: &[u8]) -> Vec<u8> {
    let (id, key) = keys.current_key();
    let cipher = XChaCha20Poly1305::new(Key::from_slice(key));
    let mut prefix = [0u8; PREFIX];
    getrandom::fill(&mut prefix).expect("the operating system provides randomness");
    let mut out = Vec::with_capacity(plaintext.len() + plaintext.len() / CHUNK * TAG + 64);
    out.extend_from_slice(MAGIC);
    out.push(u8::try_from(id.len()).expect("key ids are short"));
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(&prefix);
    let chunks: Vec<&[u8]> = if plaintext.is_empty() {
        vec![&[]]
    } else {
        plaintext.chunks(CHUNK).collect()
    };
    let count = chunks.len();
    for (i, chunk) in chunks.into_iter().enumerate() {
        let sealed = cipher
            .encrypt(
                &nonce(&prefix, i as u32, i + 1 == count),
                Payload {
                    msg: chunk,
                    aad: sha256.as_bytes(),
                },
            )
            .expect("encryption of an in-memory chunk cannot fail");
        out.extend_from_slice(&sealed);
    }
    out
}

pub fn open(keys: &DataKeys, sha256: &str, stored: &[u8]) -> StoreResult<Vec<u8>> {
    let Some(rest) = stored.strip_prefix(MAGIC) else {
        return Ok(stored.to_vec());
    };
    let broken = |why: &str| StoreError::Connection(format!("document {sha256}: {why}"));
    let (&length, rest) = rest.split_first().ok_or_else(|| broken("truncated header"))?;
    let length = usize::from(length);
    if rest.len() < length + PREFIX {
        return Err(broken("truncated header"));
    }
    let id = std::str::from_utf8(&rest[..length]).map_err(|_| broken("bad key id"))?;
    let key = keys.key(id).ok_or_else(|| {
        broken(&format!(
            "sealed with key '{id}', which this server does not hold"
        ))
    })?;
    let prefix: [u8; PREFIX] = rest[length..length + PREFIX].try_into().expect("length checked");
    let body = &rest[length + PREFIX..];
    let cipher = XChaCha20Poly1305::new(Key::from_slice(key));
    let chunks: Vec<&[u8]> = body.chunks(CHUNK + TAG).collect();
    if chunks.is_empty() {
        return Err(broken("no content"));
    }
    let count = chunks.len();
    let mut plaintext = Vec::with_capacity(body.len());
    for (i, chunk) in chunks.into_iter().enumerate() {
        let opened = cipher
            .decrypt(
                &nonce(&prefix, i as u32, i + 1 == count),
                Payload {
                    msg: chunk,
                    aad: sha256.as_bytes(),
                },
            )
            .map_err(|_| broken("altered, cut short or not this document"))?;
        plaintext.extend_from_slice(&opened);
    }
    Ok(plaintext)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_stored_in_clear_are_sealed_once_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let files: Arc<dyn BlobStore> = Arc::new(hoso_store::documents::FileBlobs::new(dir.path()));
        let db = hoso_store::testing::TestDatabase::migrated(hoso_store::Backend::Sqlite);
        let mut conn = db.connect();
        // A document of an older version: its record (its uploader does not matter here), its
        // bytes in clear.
        diesel::connection::SimpleConnection::batch_execute(&mut conn, "PRAGMA foreign_keys = OFF").unwrap();
        let digest = crate::secrets::digest_bytes(b"%PDF-1.4 old scan");
        files.put(&digest, b"%PDF-1.4 old scan").unwrap();
        hoso_store::documents::insert(
            &mut conn,
            hoso_store::documents::NewDocument {
                sha256: digest.clone(),
                file_name: "cu.pdf".into(),
                content_type: "application/pdf".into(),
                size_bytes: 17,
                unit_id: None,
                uploaded_by: "someone".into(),
            },
        )
        .unwrap();
        let keys = keys();
        let sealed = SealedBlobs::new(files.clone(), keys.clone());
        assert_eq!(seal_stored_documents(&mut conn, &sealed).unwrap(), 1);
        let raw = files.get(&digest).unwrap();
        assert!(raw.starts_with(MAGIC), "sealed on disk");
        assert_eq!(sealed.get(&digest).unwrap(), b"%PDF-1.4 old scan");
        // Once per deployment.
        assert_eq!(seal_stored_documents(&mut conn, &sealed).unwrap(), 0);
    }

    fn keys() -> DataKeys {
        DataKeys::parse(&DataKeys::generate()).unwrap()
    }

    #[test]
    fn sealed_documents_open_whole_and_refuse_any_change() {
        let keys = keys();
        for size in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17] {
            let plain: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            let sealed = seal(&keys, "ab12", &plain);
            assert!(sealed.starts_with(MAGIC));
            if size > 64 {
                assert!(
                    !sealed.windows(64).any(|w| w == &plain[..64]),
                    "no clear text at rest"
                );
            }
            assert_eq!(open(&keys, "ab12", &sealed).unwrap(), plain, "{size}");
            // Under another name, flipped, or cut at a chunk boundary: refused.
            assert!(open(&keys, "cd34", &sealed).is_err());
            let mut flipped = sealed.clone();
            *flipped.last_mut().unwrap() ^= 1;
            assert!(open(&keys, "ab12", &flipped).is_err());
            if size > CHUNK {
                let header = MAGIC.len() + 1 + keys.current_id().len() + PREFIX;
                let cut = &sealed[..header + CHUNK + TAG];
                assert!(
                    open(&keys, "ab12", cut).is_err(),
                    "a file cut short does not open"
                );
            }
        }
        // A blob stored in clear before sealing existed still reads.
        assert_eq!(open(&keys, "ab12", b"%PDF-1.4 old").unwrap(), b"%PDF-1.4 old");
        // Another deployment's keys do not open it.
        assert!(open(&self::keys(), "ab12", &seal(&keys, "ab12", b"secret")).is_err());
    }
}
