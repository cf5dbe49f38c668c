//! Where verified archives are kept: a directory (a mounted dedicated disk) or an S3-compatible
//! object store (MinIO, Ceph, a provincial cloud, AWS), through the `object_store` crate.
//!
//! An archive is always written and verified on local disk first (`<name>.partial`). Into a
//! directory it is then renamed (and the directory synced); into an object store it is uploaded
//! (multipart, streamed from the file), read back whole and its SHA-256 compared, and only then
//! is the local copy removed. Either way, a name without `.partial` is a verified archive, and a
//! crash leaves nothing that looks good: a partial file, or an upload S3 never completed.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use futures_util::StreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStoreExt, WriteMultipart};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::io_runtime::on_runtime;
use crate::secrets::hex;

/// Credentials and address of an S3-compatible service.
#[derive(Clone, Default)]
pub struct S3Options {
    /// e.g. `http://minio.internal:9000`; `None`: AWS itself.
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
}

#[derive(Clone)]
pub enum BackupTarget {
    Directory(PathBuf),
    ObjectStore {
        /// `s3://bucket/prefix`, as configured.
        url: String,
        store: Arc<AmazonS3>,
        prefix: String,
    },
}

const PART_BYTES: usize = 8 << 20;

impl BackupTarget {
    /// A directory path, or `s3://bucket[/prefix]` with `s3` saying how to reach it.
    pub fn parse(location: &str, s3: &S3Options) -> Result<Self, String> {
        let Some(rest) = location.strip_prefix("s3://") else {
            return Ok(BackupTarget::Directory(PathBuf::from(location)));
        };
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(format!("'{location}' names no bucket; write s3://bucket/prefix"));
        }
        let store = s3_store(bucket, s3)?;
        Ok(BackupTarget::ObjectStore {
            url: location.trim_end_matches('/').to_owned(),
            store: Arc::new(store),
            prefix: prefix.trim_matches('/').to_owned(),
        })
    }

    /// What the list shows as the location.
    pub fn describe(&self) -> String {
        match self {
            BackupTarget::Directory(dir) => dir.display().to_string(),
            BackupTarget::ObjectStore { url, .. } => url.clone(),
        }
    }

    /// The directory archives are kept in, when they are kept in one.
    pub fn directory(&self) -> Option<&Path> {
        match self {
            BackupTarget::Directory(dir) => Some(dir),
            BackupTarget::ObjectStore { .. } => None,
        }
    }

    /// Where an archive is written and verified before it is kept: beside the kept ones in a
    /// directory (so keeping it is a rename), in the scratch directory for an object store.
    pub fn staging(&self, scratch: &Path, file_name: &str) -> PathBuf {
        let dir = self.directory().unwrap_or(scratch);
        dir.join(format!("{file_name}.partial"))
    }

    fn key(&self, file_name: &str) -> ObjectPath {
        match self {
            BackupTarget::ObjectStore { prefix, .. } if !prefix.is_empty() => {
                ObjectPath::from(format!("{prefix}/{file_name}"))
            }
            _ => ObjectPath::from(file_name),
        }
    }

    /// Keeps the verified archive at `staged` under `file_name`, whose SHA-256 is `sha256`.
    pub fn keep(&self, staged: &Path, file_name: &str, sha256: &str) -> Result<(), AppError> {
        match self {
            BackupTarget::Directory(dir) => {
                let done = dir.join(file_name);
                std::fs::rename(staged, &done).map_err(|e| {
                    failed(format!(
                        "Không đặt được tên cho bản sao lưu {}: {e}",
                        done.display()
                    ))
                })?;
                if let Ok(directory) = std::fs::File::open(dir) {
                    // The rename itself survives a power cut only once the directory is synced.
                    let _ = directory.sync_all();
                }
                Ok(())
            }
            BackupTarget::ObjectStore { store, url, .. } => {
                let key = self.key(file_name);
                let (store, staged_path, expected) = (store.clone(), staged.to_path_buf(), sha256.to_owned());
                let url = url.clone();
                on_runtime(async move {
                    upload(&store, &key, &staged_path)
                        .await
                        .map_err(|e| failed(format!("Không tải được bản sao lưu lên {url}: {e}")))?;
                    let stored = sha256_of(&store, &key)
                        .await
                        .map_err(|e| failed(format!("Không đọc lại được bản sao lưu trên {url}: {e}")))?;
                    if stored != expected {
                        let _ = store.delete(&key).await;
                        return Err(failed(format!("Bản sao lưu đọc lại từ {url} khác bản đã ghi.")));
                    }
                    Ok(())
                })?;
                let _ = std::fs::remove_file(staged);
                Ok(())
            }
        }
    }

    /// Deletes a kept archive (none there is not an error).
    pub fn delete(&self, file_name: &str) -> Result<(), AppError> {
        match self {
            BackupTarget::Directory(dir) => match std::fs::remove_file(dir.join(file_name)) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(AppError::Unavailable(format!(
                    "{}: {e}",
                    dir.join(file_name).display()
                ))),
            },
            BackupTarget::ObjectStore { store, .. } => {
                let (store, key) = (store.clone(), self.key(file_name));
                on_runtime(async move {
                    match store.delete(&key).await {
                        Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                        Err(e) => Err(AppError::Unavailable(format!("{key}: {e}"))),
                    }
                })
            }
        }
    }

    /// Copies a kept archive to the local file `into` (a restore from an object store).
    pub fn fetch(&self, file_name: &str, into: &Path) -> Result<(), AppError> {
        match self {
            BackupTarget::Directory(dir) => std::fs::copy(dir.join(file_name), into)
                .map(|_| ())
                .map_err(|e| AppError::Unavailable(format!("{}: {e}", dir.join(file_name).display()))),
            BackupTarget::ObjectStore { store, url, .. } => {
                let (store, key, into, url) = (
                    store.clone(),
                    self.key(file_name),
                    into.to_path_buf(),
                    url.clone(),
                );
                on_runtime(async move {
                    use std::io::Write;
                    let missing = |e: object_store::Error| AppError::Conflict {
                        code: "backup_corrupt",
                        message: format!("Không tải được {file} từ {url}: {e}", file = key),
                    };
                    let mut stream = store.get(&key).await.map_err(missing)?.into_stream();
                    let mut file = std::fs::File::create(&into)
                        .map_err(|e| AppError::Unavailable(format!("{}: {e}", into.display())))?;
                    while let Some(chunk) = stream.next().await {
                        let chunk = chunk.map_err(missing)?;
                        file.write_all(&chunk)
                            .map_err(|e| AppError::Unavailable(format!("{}: {e}", into.display())))?;
                    }
                    Ok(())
                })
            }
        }
    }
}

fn failed(message: String) -> AppError {
    AppError::Conflict {
        code: "backup_failed",
        message,
    }
}

async fn upload(store: &AmazonS3, key: &ObjectPath, file: &Path) -> Result<(), String> {
    let upload = store.put_multipart(key).await.map_err(|e| e.to_string())?;
    let mut writer = WriteMultipart::new_with_chunk_size(upload, PART_BYTES);
    let mut reader = std::fs::File::open(file).map_err(|e| e.to_string())?;
    let mut buffer = vec![0u8; PART_BYTES];
    loop {
        let n = reader.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        writer.wait_for_capacity(4).await.map_err(|e| e.to_string())?;
        writer.write(&buffer[..n]);
    }
    writer.finish().await.map_err(|e| e.to_string())?;
    Ok(())
}

async fn sha256_of(store: &AmazonS3, key: &ObjectPath) -> Result<String, String> {
    let mut stream = store.get(key).await.map_err(|e| e.to_string())?.into_stream();
    let mut sha = Sha256::new();
    while let Some(chunk) = stream.next().await {
        sha.update(&chunk.map_err(|e| e.to_string())?);
    }
    Ok(hex(&sha.finalize()))
}

fn s3_store(bucket: &str, s3: &S3Options) -> Result<AmazonS3, String> {
    let mut builder = AmazonS3Builder::new()
        .with_bucket_name(bucket)
        .with_region(s3.region.clone().unwrap_or_else(|| "us-east-1".into()))
        .with_crypto_provider(Arc::new(RustCrypto));
    if let Some(endpoint) = &s3.endpoint {
        builder = builder
            .with_endpoint(endpoint)
            .with_allow_http(endpoint.starts_with("http://"));
    }
    if let (Some(id), Some(secret)) = (&s3.access_key_id, &s3.secret_access_key) {
        builder = builder.with_access_key_id(id).with_secret_access_key(secret);
    }
    builder.build().map_err(|e| e.to_string())
}

/// SigV4's SHA-256 and HMAC from RustCrypto (already in the tree), instead of ring or aws-lc,
/// which would add a C build.
#[derive(Debug)]
struct RustCrypto;

struct DigestState {
    sha: Option<Sha256>,
    out: Vec<u8>,
}

struct HmacState {
    mac: Option<hmac::Hmac<Sha256>>,
    out: Vec<u8>,
}

impl object_store::client::DigestContext for DigestState {
    fn update(&mut self, data: &[u8]) {
        if let Some(sha) = self.sha.as_mut() {
            sha.update(data);
        }
    }

    fn finish(&mut self) -> object_store::Result<&[u8]> {
        if let Some(sha) = self.sha.take() {
            self.out = sha.finalize().to_vec();
        }
        Ok(&self.out)
    }
}

impl object_store::client::HmacContext for HmacState {
    fn update(&mut self, data: &[u8]) {
        use hmac::Mac;
        if let Some(mac) = self.mac.as_mut() {
            mac.update(data);
        }
    }

    fn finish(&mut self) -> object_store::Result<&[u8]> {
        use hmac::Mac;
        if let Some(mac) = self.mac.take() {
            self.out = mac.finalize().into_bytes().to_vec();
        }
        Ok(&self.out)
    }
}

impl object_store::client::CryptoProvider for RustCrypto {
    fn digest(
        &self,
        _algorithm: object_store::client::DigestAlgorithm,
    ) -> object_store::Result<Box<dyn object_store::client::DigestContext>> {
        Ok(Box::new(DigestState {
            sha: Some(Sha256::new()),
            out: Vec::new(),
        }))
    }

    fn hmac(
        &self,
        _algorithm: object_store::client::DigestAlgorithm,
        secret: &[u8],
    ) -> object_store::Result<Box<dyn object_store::client::HmacContext>> {
        use hmac::Mac;
        let mac = hmac::Hmac::<Sha256>::new_from_slice(secret).map_err(|e| object_store::Error::Generic {
            store: "S3",
            source: Box::new(e),
        })?;
        Ok(Box::new(HmacState {
            mac: Some(mac),
            out: Vec::new(),
        }))
    }

    fn sign(
        &self,
        _algorithm: object_store::client::SigningAlgorithm,
        _pem: &[u8],
    ) -> object_store::Result<Box<dyn object_store::client::Signer>> {
        Err(object_store::Error::NotSupported {
            source: "RSA signing (Google Cloud service accounts) is not used by hoso".into(),
        })
    }
}

/// An archive named `s3://bucket/prefix/file` copied into a new temporary directory under
/// `scratch` (removed when the returned guard drops): what `hoso restore` reads.
pub fn fetch_url(
    url: &str,
    s3: &S3Options,
    scratch: &Path,
) -> Result<(tempfile::TempDir, PathBuf), AppError> {
    let (location, file_name) = url
        .rsplit_once('/')
        .filter(|(location, name)| location.len() > "s3://".len() && !name.is_empty())
        .ok_or_else(|| AppError::Conflict {
            code: "backup_corrupt",
            message: format!("'{url}' không phải địa chỉ một bản sao lưu (s3://bucket/…/hoso-….tar.gz.age)."),
        })?;
    let target = BackupTarget::parse(location, s3).map_err(AppError::Unavailable)?;
    std::fs::create_dir_all(scratch)
        .map_err(|e| AppError::Unavailable(format!("{}: {e}", scratch.display())))?;
    let holder = tempfile::tempdir_in(scratch)
        .map_err(|e| AppError::Unavailable(format!("{}: {e}", scratch.display())))?;
    let local = holder.path().join(file_name);
    target.fetch(file_name, &local)?;
    Ok((holder, local))
}
