use std::collections::HashSet;

use chrono::Utc;
use diesel::Connection;
use hoso_api_types::imports::{CommitImportRequest, ImportCounts, ImportView};
use hoso_domain::access::Scope;
use hoso_domain::FieldError;
use hoso_store::imports::{ImportRow, CHECKED, COMMITTED, FAILED};
use hoso_store::DbConnection;
use serde::{Deserialize, Serialize};

use super::plan::{Checker, Outcome, RecordPlan};
use crate::error::AppError;
use crate::jobs::{JobContext, JobKind, JobRequest, QueuedBy};
use crate::session::Session;
use crate::App;

/// Records written per transaction: each in a savepoint of its own (all or nothing), the batch
/// committed at once so that a commit is not one disk flush per person. Fewer than 64: past 64
/// savepoints in one transaction PostgreSQL's subtransaction cache overflows and every
/// visibility check slows down.
const BATCH: usize = 50;

/// The job that writes a checked import (`POST /imports/{id}/commit`).
pub const COMMIT_JOB: JobKind = JobKind {
    name: "import.commit",
    run: run_commit,
    on_dead: Some(commit_dead),
};

#[derive(Serialize, Deserialize)]
struct CommitPayload {
    import_id: String,
}

/// Starts writing a checked import on the job queue (DOS-1). Without `valid_only`, an import
/// whose dry run refused anything cannot be committed (409 `import_has_errors`); an import is
/// committed once (409 `import_not_checked`); only Sở Nội vụ may mark dossiers as migrated.
/// The job checks every person again as it writes them (the database may have changed since
/// the dry run) with the rights the committing account has then.
pub async fn commit_import(
    app: &App,
    session: Session,
    id: String,
    body: CommitImportRequest,
) -> Result<ImportView, AppError> {
    let now = app.clock.now_naive();
    let view = app
        .db(move |conn| {
            let row = super::load_visible(conn, &session, &id)?;
            if row.status != CHECKED {
                return Err(AppError::Conflict {
                    code: "import_not_checked",
                    message: "Tệp này đã được ghi hoặc đang ghi; muốn nhập lại, hãy tải tệp lên để kiểm tra lại.".into(),
                });
            }
            if row.issue_count > 0 && !body.valid_only {
                return Err(AppError::Conflict {
                    code: "import_has_errors",
                    message: format!(
                        "Bản kiểm tra có {} lỗi. Sửa tệp và tải lên lại, hoặc chọn «Chỉ ghi những người hợp lệ».",
                        row.issue_count
                    ),
                });
            }
            if body.migrated && !matches!(session.actor.scope, Scope::Province) {
                return Err(FieldError::new(
                    "migrated",
                    "forbidden",
                    "Chỉ Sở Nội vụ được đánh dấu hồ sơ chuyển từ hệ thống cũ.",
                )
                .into());
            }
            let mut event = session.event("import.commit_started");
            event.target_type = Some("import".into());
            event.target_id = Some(row.id.clone());
            conn.write_transaction(|conn| -> Result<_, AppError> {
                let job = crate::jobs::enqueue(
                    conn,
                    JobRequest::new(
                        COMMIT_JOB.name,
                        serde_json::to_value(CommitPayload {
                            import_id: row.id.clone(),
                        })
                        .expect("a payload serialises"),
                    )
                    .key(format!("import.commit:{}", row.id))
                    .attempts(3),
                    &QueuedBy::account(&session),
                    now,
                )?;
                let started = hoso_store::imports::start_commit(
                    conn,
                    &row.id,
                    &job.id,
                    &session.actor.account_id,
                    body.valid_only,
                    body.migrated,
                    now,
                )?;
                if !started {
                    return Err(AppError::Conflict {
                        code: "import_not_checked",
                        message: "Tệp này đã được ghi hoặc đang ghi.".into(),
                    });
                }
                event.details = Some(
                    serde_json::json!({"job_id": job.id, "valid_only": body.valid_only, "migrated": body.migrated})
                        .to_string(),
                );
                crate::audit::record(conn, event)?;
                Ok(())
            })?;
            let row = hoso_store::imports::find(conn, &id)?.ok_or(AppError::NotFound)?;
            super::view(conn, row)
        })
        .await?;
    app.jobs.bump();
    Ok(view)
}

fn run_commit(context: &JobContext, conn: &mut DbConnection) -> Result<Option<serde_json::Value>, AppError> {
    let payload: CommitPayload = context.payload()?;
    let row = hoso_store::imports::find(conn, &payload.import_id)?.ok_or(AppError::NotFound)?;
    let account = row.committed_by.clone().ok_or(AppError::NotFound)?;
    // The committing account as it is now: a locked or revoked account's import stops.
    let session = crate::session::for_account(conn, &account)?;
    super::require_importer(&session)?;
    let kind = super::kind(&row.kind)?;
    let bytes = context.app.blobs.get(&row.sha256)?;
    let book = super::workbook::read(kind, &row.file_name, &bytes)?;
    let keys = &context.app.data_keys;
    let mut checker = Checker::new(conn, &session, keys, &book, kind)?;
    // People an earlier, interrupted run already wrote: each was written whole with its mark.
    let mut done: HashSet<String> = hoso_store::imports::records_done(conn, &row.id)?;
    let total = checker.records.len();
    let stall_after = test_stall_after().filter(|_| context.job.attempts == 1);
    let mut written = 0usize;
    let mut position = 0usize;
    while position < total {
        let end = (position + BATCH).min(total);
        conn.write_transaction(|conn| -> Result<(), AppError> {
            conn.commit_without_waiting_for_disk()?;
            for p in position..end {
                let hash = checker.stored_key(p);
                if hash.as_ref().is_some_and(|h| done.contains(h)) {
                    continue;
                }
                let outcome = conn.transaction(|conn| -> Result<(&'static str, Option<String>), AppError> {
                    let plan = checker.plan(conn, p)?;
                    write(conn, &session, keys, &row, plan)
                });
                let (outcome, dossier_id) = match outcome {
                    Ok(done) => done,
                    // Refused now (someone saved the draft meanwhile, …): left out, like a
                    // refused row; a database failure ends the batch and the job retries.
                    Err(
                        AppError::Validation(_) | AppError::Conflict { .. } | AppError::PersonExists { .. },
                    ) => ("refused", None),
                    Err(other) => return Err(other),
                };
                // A citizen ID twice in the file: both rows were refused, the mark is made once.
                if let Some(hash) = hash.filter(|h| done.insert(h.clone())) {
                    hoso_store::imports::record_done(conn, &row.id, &hash, outcome, dossier_id.as_deref())?;
                }
            }
            Ok(())
        })?;
        written += end - position;
        position = end;
        context.progress(written, total)?;
        if stall_after.is_some_and(|n| written >= n && written < total) {
            // Test hook (HOSO_TEST_IMPORT_STALL_AFTER, first attempt only): hold the job here
            // so that the test can kill the process mid-commit.
            loop {
                std::thread::park();
            }
        }
    }
    let mut counts = ImportCounts::default();
    for (outcome, n) in hoso_store::imports::outcome_counts(conn, &row.id)? {
        super::plan::count(&mut counts, &outcome, n as i32);
    }
    let result = serde_json::to_value(&counts).expect("counts serialise");
    let now = context.app.clock.now_naive();
    let import_id = row.id.clone();
    context.finish(conn, Some(result.clone()), |conn| {
        hoso_store::imports::finish(conn, &import_id, COMMITTED, None, now)?;
        let mut event = session.event("import.committed");
        event.target_type = Some("import".into());
        event.target_id = Some(import_id.clone());
        event.details = Some(result.to_string());
        crate::audit::record(conn, event)
    })?;
    Ok(None)
}

fn test_stall_after() -> Option<usize> {
    std::env::var("HOSO_TEST_IMPORT_STALL_AFTER").ok()?.parse().ok()
}

fn commit_dead(
    conn: &mut DbConnection,
    job: &hoso_store::jobs::JobRow,
    error: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let payload: CommitPayload = serde_json::from_str(&job.payload)
        .map_err(|e| AppError::Internal(format!("job {} payload: {e}", job.id)))?;
    hoso_store::imports::finish(conn, &payload.import_id, FAILED, Some(error), at)?;
    Ok(())
}

/// Writes one planned person: a new person with their placement, category and dossier draft,
/// or the updated draft; with the provenance (file, SHA-256, row, who) in the audit trail.
fn write(
    conn: &mut DbConnection,
    session: &Session,
    keys: &crate::sealing::DataKeys,
    import: &ImportRow,
    plan: RecordPlan,
) -> Result<(&'static str, Option<String>), AppError> {
    let outcome = plan.outcome_name();
    let account = &session.actor.account_id;
    let (dossier, person_id, unit_id) = match plan.outcome {
        Outcome::Refused => return Ok(("refused", None)),
        Outcome::Unchanged { dossier_id } => return Ok(("unchanged", dossier_id)),
        Outcome::NewUnit(new) => {
            let mut request = new.request;
            if request.parent_id.is_empty() {
                // A parent this file created on an earlier row.
                request.parent_id = hoso_store::units::find_by_code(conn, &new.parent_code)?
                    .map(|u| u.id)
                    .ok_or_else(|| {
                        FieldError::new("parent_code", "unknown_parent", "Không có đơn vị cấp trên.")
                    })?;
            }
            request.change.reason = format!("Nhập từ tệp «{}» (dòng {})", import.file_name, plan.row);
            if let Some(decision) = &mut request.change.decision {
                decision.document_id = Some(import.document_id.clone());
            }
            let unit =
                crate::units::create_unit::insert_unit(conn, session, &request, crate::clock::today())?;
            return Ok(("new", Some(unit.id)));
        }
        Outcome::New(new) => {
            let full_name = new.content.identity.full_name.clone().unwrap_or_default();
            let period = hoso_store::people::CategoryPeriod {
                category: new.category.clone(),
                valid_from: new.since,
                decision_number: new.decision_number.clone(),
                decision_document_id: Some(import.document_id.clone()),
                recorded_by: Some(account.clone()),
                ..hoso_store::people::CategoryPeriod::default()
            };
            let person = hoso_store::people::insert_with(conn, &full_name, &new.unit.id, &period)?;
            if let Some(position) = &new.position {
                hoso_store::positions::assign(conn, &person.id, Some(&position.id))?;
            }
            let number = hoso_store::dossiers::next_number(conn)?;
            let sealed = crate::dossiers::seal(keys, &new.content, &full_name);
            let dossier = hoso_store::dossiers::create(conn, &person.id, &number, sealed.stored(), account)?;
            (dossier.id, person.id, new.unit.id)
        }
        Outcome::Update {
            found,
            revision,
            content,
        } => {
            let sealed = crate::dossiers::seal(keys, &content, &found.person.full_name);
            hoso_store::dossiers::save_draft(conn, &found.dossier.id, revision, sealed.stored(), account)?;
            (found.dossier.id, found.person.id, found.person.unit_id)
        }
    };
    let mut event = session.event("dossier.imported");
    event.target_type = Some("dossier".into());
    event.target_id = Some(dossier.clone());
    event.subject_person_id = Some(person_id);
    event.unit_id = Some(unit_id);
    event.right_used = Some(
        if outcome == "new" {
            "create_dossiers"
        } else {
            "update_dossiers"
        }
        .into(),
    );
    event.details = Some(
        serde_json::json!({
            "import_id": import.id, "file_name": import.file_name, "sha256": import.sha256,
            "row": plan.row, "outcome": outcome, "migrated": import.migrated,
            "imported_at": Utc::now().naive_utc(),
        })
        .to_string(),
    );
    crate::audit::record(conn, event)?;
    Ok((outcome, Some(dossier)))
}
