use hoso_api_types::national::LogVerification;
use hoso_domain::org::check_national_sync;
use hoso_store::national::{self as store, GENESIS};
use hoso_store::DbConnection;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Recomputes the message log's chain (`hoso verify-log`): each entry's hash over its fields
/// and the previous entry's hash, and each link; names the first entry that does not match.
pub fn verify_log(conn: &mut DbConnection) -> Result<LogVerification, AppError> {
    const PAGE: i64 = 1000;
    let (mut previous, mut after, mut entries) = (GENESIS.to_owned(), 0i64, 0i64);
    loop {
        let page = store::log_after(conn, after, PAGE)?;
        if page.is_empty() {
            return Ok(LogVerification {
                ok: true,
                entries,
                first_bad_entry: None,
                problem: None,
            });
        }
        for entry in page {
            let problem = if entry.seq != after + 1 {
                Some(format!(
                    "thiếu mục {} (mục tiếp theo là {})",
                    after + 1,
                    entry.seq
                ))
            } else if entry.previous_hash != previous {
                Some(format!("mục {} không nối với mục trước", entry.seq))
            } else if entry.computed_hash() != entry.entry_hash {
                Some(format!("nội dung mục {} đã bị thay đổi", entry.seq))
            } else {
                None
            };
            if let Some(problem) = problem {
                return Ok(LogVerification {
                    ok: false,
                    entries,
                    first_bad_entry: Some(entry.seq.min(after + 1)),
                    problem: Some(problem),
                });
            }
            entries += 1;
            after = entry.seq;
            previous = entry.entry_hash;
        }
    }
}

/// [`verify_log`] for administrators of the national sync.
pub async fn verify_national_log(app: &App, session: Session) -> Result<LogVerification, AppError> {
    check_national_sync(&session.actor)?;
    app.db(verify_log).await
}
