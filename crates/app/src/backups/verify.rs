//! A backup proves itself by a real restore (SEC-5): the archive is decrypted and loaded into a
//! scratch SQLite database, which is then read again table by table and compared with the
//! manifest, checked by SQLite's own integrity checks, and every approval signature in it is
//! verified against the trusted roots.

use std::path::Path;

use hoso_api_types::backups::VerificationView;
use hoso_store::backup as dump;
use hoso_store::{DatabaseUrl, DbConnection};
use sha2::Digest;

use super::archive::{self, Header, Manifest};
use super::load::{self, first_difference};
use crate::error::AppError;
use crate::App;

/// Restores `path` into a scratch database under `scratch_dir` and checks it; the scratch
/// database is removed afterwards. The report says what was checked and what failed; an
/// archive that cannot be read at all is an error.
pub fn verify_archive(
    app: &App,
    path: &Path,
    identities: &[&dyn age::Identity],
    scratch_dir: &Path,
) -> Result<(Header, Manifest, VerificationView), AppError> {
    let started = std::time::Instant::now();
    std::fs::create_dir_all(scratch_dir)
        .map_err(|e| AppError::Unavailable(format!("{}: {e}", scratch_dir.display())))?;
    let scratch = tempfile::tempdir_in(scratch_dir)
        .map_err(|e| AppError::Unavailable(format!("{}: {e}", scratch_dir.display())))?;
    let url = DatabaseUrl::Sqlite(scratch.path().join("verify.db"));
    let mut conn = url.connect(5_000)?;
    let mut documents = 0u64;
    let loaded = load::load(
        path,
        identities,
        &mut conn,
        |header, conn| {
            hoso_store::migrations::run_up_to(conn, &header.schema_version)?;
            Ok(())
        },
        |_, _| {
            documents += 1;
            Ok(())
        },
    )?;
    let mut problems = Vec::new();
    let tables = dump::tables(&mut conn)?;
    let reread = archive::table_sums(&mut conn, &tables)?;
    if let Some(difference) = first_difference(&loaded.manifest.tables, &reread) {
        problems.push(format!("Đọc lại sau khi phục hồi: {difference}."));
    }
    problems.extend(
        dump::integrity_problems(&mut conn)?
            .into_iter()
            .map(|p| format!("Kiểm tra toàn vẹn: {p}.")),
    );
    let (signatures_checked, failures) = check_signatures(app, &mut conn)?;
    problems.extend(failures);
    let view = VerificationView {
        ok: problems.is_empty(),
        tables: reread.len() as i32,
        rows: loaded.manifest.rows() as i64,
        documents: documents as i32,
        document_bytes: loaded.manifest.document_bytes() as i64,
        signatures_checked,
        problems,
        seconds: started.elapsed().as_secs_f64(),
    };
    Ok((loaded.header, loaded.manifest, view))
}

/// Every approval signature in the database verified against the trusted roots at its signing
/// time, and its statement matched with the version it signs.
fn check_signatures(app: &App, conn: &mut DbConnection) -> Result<(i32, Vec<String>), AppError> {
    use diesel::prelude::*;
    use hoso_store::schema::{dossier_versions, signatures};
    let roots = crate::workflow::trusted_roots(conn, app)?;
    let rows: Vec<(String, String, i32, String, String, chrono::NaiveDateTime)> = signatures::table
        .select((
            signatures::id,
            signatures::dossier_id,
            signatures::version_number,
            signatures::statement,
            signatures::cms,
            signatures::signed_at,
        ))
        .load(conn)
        .map_err(hoso_store::StoreError::from)?;
    // Every version's content hash in one read, rather than a query per signature.
    let hashes: std::collections::HashMap<(String, i32), String> = dossier_versions::table
        .select((
            dossier_versions::dossier_id,
            dossier_versions::number,
            dossier_versions::content_hash,
        ))
        .load::<(String, i32, String)>(conn)
        .map_err(hoso_store::StoreError::from)?
        .into_iter()
        .map(|(dossier, number, hash)| ((dossier, number), hash))
        .collect();
    let mut failures = Vec::new();
    for (id, dossier_id, version, statement, cms, signed_at) in &rows {
        let hash = hashes.get(&(dossier_id.clone(), *version));
        let parsed = hoso_domain::approval::ApprovalStatement::parse(statement.as_bytes());
        let matches = match (&parsed, hash) {
            (Ok(s), Some(h)) => &s.content_sha256 == h,
            _ => false,
        };
        if !matches {
            failures.push(format!(
                "Chữ ký {id}: nội dung ký không khớp phiên bản {version} của hồ sơ {dossier_id}."
            ));
            continue;
        }
        let der = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, cms)
            .unwrap_or_else(|_| cms.as_bytes().to_vec());
        if let Err(failure) =
            hoso_signatures::verify_detached(statement.as_bytes(), &der, &roots, signed_at.and_utc())
        {
            failures.push(format!("Chữ ký {id}: {}", failure.message_vi()));
        }
    }
    Ok((rows.len() as i32, failures))
}

/// SHA-256 of a file, streamed.
pub fn file_sha256(path: &Path) -> Result<String, AppError> {
    let mut file =
        std::fs::File::open(path).map_err(|e| AppError::Unavailable(format!("{}: {e}", path.display())))?;
    let mut sha = sha2::Sha256::new();
    std::io::copy(&mut file, &mut sha)
        .map_err(|e| AppError::Unavailable(format!("{}: {e}", path.display())))?;
    Ok(crate::secrets::hex(&sha.finalize()))
}
