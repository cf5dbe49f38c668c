//! The national sync's outbox and message log (INT-1…4, docs/integration.md).

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::StoreResult;
use crate::schema::{national_log, national_messages};
use crate::DbConnection;

pub const QUEUED: &str = "queued";
pub const SENDING: &str = "sending";
pub const ACKNOWLEDGED: &str = "acknowledged";
pub const DEAD: &str = "dead";

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = national_messages)]
pub struct MessageRow {
    pub id: String,
    pub person_id: String,
    pub dossier_id: String,
    pub sequence: i32,
    pub kind: String,
    pub version_number: Option<i32>,
    pub person_status: String,
    pub state: String,
    pub attempts: i32,
    pub packet: Option<String>,
    pub packet_sha256: Option<String>,
    pub last_error: Option<String>,
    pub last_error_code: Option<String>,
    pub national_identifier: Option<String>,
    pub national_dossier_code: Option<String>,
    pub job_id: Option<String>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub acknowledged_at: Option<NaiveDateTime>,
}

/// The next number in a person's sequence of messages.
pub fn next_sequence(conn: &mut DbConnection, person_id: &str) -> StoreResult<i32> {
    let last: Option<i32> = national_messages::table
        .filter(national_messages::person_id.eq(person_id))
        .select(diesel::dsl::max(national_messages::sequence))
        .first(conn)?;
    Ok(last.unwrap_or(0) + 1)
}

pub fn insert(conn: &mut DbConnection, row: &MessageRow) -> StoreResult<()> {
    diesel::insert_into(national_messages::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<MessageRow>> {
    Ok(national_messages::table
        .find(id)
        .select(MessageRow::as_select())
        .first(conn)
        .optional()?)
}

/// The message that comes before `sequence` for the person, if any.
pub fn previous(conn: &mut DbConnection, person_id: &str, sequence: i32) -> StoreResult<Option<MessageRow>> {
    Ok(national_messages::table
        .filter(national_messages::person_id.eq(person_id))
        .filter(national_messages::sequence.lt(sequence))
        .order(national_messages::sequence.desc())
        .select(MessageRow::as_select())
        .first(conn)
        .optional()?)
}

/// The person's messages not yet acknowledged, in their order.
pub fn unacknowledged_of_person(conn: &mut DbConnection, person_id: &str) -> StoreResult<Vec<MessageRow>> {
    Ok(national_messages::table
        .filter(national_messages::person_id.eq(person_id))
        .filter(national_messages::state.ne(ACKNOWLEDGED))
        .order(national_messages::sequence.asc())
        .select(MessageRow::as_select())
        .load(conn)?)
}

pub fn of_dossier(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<Vec<MessageRow>> {
    Ok(national_messages::table
        .filter(national_messages::dossier_id.eq(dossier_id))
        .order(national_messages::sequence.desc())
        .select(MessageRow::as_select())
        .load(conn)?)
}

/// Messages, newest first, optionally of one state, before a keyset position; each with the
/// person's name and the dossier number.
pub fn list(
    conn: &mut DbConnection,
    state: Option<&str>,
    before: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> StoreResult<Vec<(MessageRow, String, String)>> {
    use crate::schema::{dossiers, people};
    let mut query = national_messages::table
        .inner_join(dossiers::table)
        .inner_join(people::table)
        .select((
            MessageRow::as_select(),
            people::full_name,
            dossiers::dossier_number,
        ))
        .into_boxed();
    if let Some(state) = state {
        query = query.filter(national_messages::state.eq(state.to_owned()));
    }
    if let Some((at, id)) = before {
        query = query.filter(
            national_messages::created_at
                .lt(at)
                .or(national_messages::created_at
                    .eq(at)
                    .and(national_messages::id.lt(id))),
        );
    }
    Ok(query
        .order((national_messages::created_at.desc(), national_messages::id.desc()))
        .limit(limit)
        .load(conn)?)
}

/// Messages waiting to be delivered that no queued or running job carries, by sequence.
pub fn waiting_without_live_job(conn: &mut DbConnection) -> StoreResult<Vec<MessageRow>> {
    use crate::schema::jobs;
    let live = jobs::table
        .filter(jobs::id.nullable().eq(national_messages::job_id))
        .filter(jobs::state.eq_any([crate::jobs::QUEUED, crate::jobs::RUNNING]));
    Ok(national_messages::table
        .filter(national_messages::state.eq_any([QUEUED, SENDING]))
        .filter(diesel::dsl::not(diesel::dsl::exists(live)))
        // Everyone's first message, then everyone's second…: jobs are claimed in the order they
        // are made, so two workers rarely take two messages of one person at once (the later
        // job would send the earlier message too; harmless, since the other side deduplicates,
        // but wasted).
        .order((national_messages::sequence, national_messages::person_id))
        .select(MessageRow::as_select())
        .load(conn)?)
}

pub fn set_job(conn: &mut DbConnection, id: &str, job_id: &str) -> StoreResult<()> {
    diesel::update(national_messages::table.find(id))
        .set(national_messages::job_id.eq(job_id))
        .execute(conn)?;
    Ok(())
}

pub fn counts_by_state(conn: &mut DbConnection) -> StoreResult<Vec<(String, i64)>> {
    Ok(national_messages::table
        .group_by(national_messages::state)
        .select((national_messages::state, diesel::dsl::count_star()))
        .load(conn)?)
}

/// What one delivery attempt leaves on the message.
#[derive(Debug, Clone, Default)]
pub struct Attempt<'a> {
    pub state: &'a str,
    pub packet: Option<&'a str>,
    pub packet_sha256: Option<&'a str>,
    pub error: Option<&'a str>,
    pub error_code: Option<&'a str>,
    pub at: Option<NaiveDateTime>,
}

pub fn record_attempt(conn: &mut DbConnection, id: &str, attempt: &Attempt<'_>) -> StoreResult<()> {
    diesel::update(national_messages::table.find(id))
        .set((
            national_messages::state.eq(attempt.state),
            national_messages::attempts.eq(national_messages::attempts + 1),
            national_messages::last_error.eq(attempt.error),
            national_messages::last_error_code.eq(attempt.error_code),
            national_messages::sent_at.eq(attempt.at),
        ))
        .execute(conn)?;
    if let Some(packet) = attempt.packet {
        diesel::update(national_messages::table.find(id))
            .set((
                national_messages::packet.eq(packet),
                national_messages::packet_sha256.eq(attempt.packet_sha256),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn acknowledge(
    conn: &mut DbConnection,
    id: &str,
    national_identifier: &str,
    national_dossier_code: &str,
    at: NaiveDateTime,
) -> StoreResult<()> {
    diesel::update(national_messages::table.find(id))
        .set((
            national_messages::state.eq(ACKNOWLEDGED),
            national_messages::national_identifier.eq(national_identifier),
            national_messages::national_dossier_code.eq(national_dossier_code),
            national_messages::acknowledged_at.eq(at),
            national_messages::last_error.eq(None::<String>),
            national_messages::last_error_code.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Puts a dead message back in the queue with the job that will carry it.
pub fn requeue(conn: &mut DbConnection, id: &str, job_id: &str) -> StoreResult<bool> {
    Ok(diesel::update(
        national_messages::table
            .find(id)
            .filter(national_messages::state.eq(DEAD)),
    )
    .set((
        national_messages::state.eq(QUEUED),
        national_messages::job_id.eq(job_id),
    ))
    .execute(conn)?
        == 1)
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = national_log)]
pub struct LogEntry {
    pub seq: i64,
    pub at: NaiveDateTime,
    pub message_id: Option<String>,
    pub direction: String,
    pub method: String,
    pub path: String,
    pub status: Option<i32>,
    pub body: String,
    pub previous_hash: String,
    pub entry_hash: String,
}

/// The hash the first entry chains from.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

impl LogEntry {
    /// SHA-256 over the previous hash and every field of this entry, each length-prefixed so
    /// that no two different entries hash alike.
    pub fn computed_hash(&self) -> String {
        let mut hash = Sha256::new();
        let at = self.at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string();
        let status = self.status.map(|s| s.to_string()).unwrap_or_default();
        let seq = self.seq.to_string();
        for part in [
            self.previous_hash.as_str(),
            seq.as_str(),
            at.as_str(),
            self.message_id.as_deref().unwrap_or(""),
            self.direction.as_str(),
            self.method.as_str(),
            self.path.as_str(),
            status.as_str(),
            self.body.as_str(),
        ] {
            hash.update((part.len() as u64).to_be_bytes());
            hash.update(part.as_bytes());
        }
        format!("{:x}", hash.finalize())
    }
}

/// An entry to append; its place and hashes are given by [`append`].
#[derive(Debug, Clone)]
pub struct NewLogEntry<'a> {
    pub at: NaiveDateTime,
    pub message_id: Option<&'a str>,
    pub direction: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub status: Option<i32>,
    pub body: &'a str,
}

/// Appends an entry after the last one, chained to its hash. Call inside a write transaction:
/// on PostgreSQL an advisory lock held to its end makes concurrent appenders take turns.
pub fn append(conn: &mut DbConnection, entry: NewLogEntry<'_>) -> StoreResult<LogEntry> {
    if let DbConnection::Postgres(c) = conn {
        c.batch_execute("SELECT pg_advisory_xact_lock(4711)")?;
    }
    let last: Option<(i64, String)> = national_log::table
        .order(national_log::seq.desc())
        .select((national_log::seq, national_log::entry_hash))
        .first(conn)
        .optional()?;
    let (seq, previous_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    let mut row = LogEntry {
        seq,
        at: entry.at,
        message_id: entry.message_id.map(str::to_owned),
        direction: entry.direction.to_owned(),
        method: entry.method.to_owned(),
        path: entry.path.to_owned(),
        status: entry.status,
        body: entry.body.to_owned(),
        previous_hash,
        entry_hash: String::new(),
    };
    row.entry_hash = row.computed_hash();
    diesel::insert_into(national_log::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

/// Entries after `after` in order, at most `limit`.
pub fn log_after(conn: &mut DbConnection, after: i64, limit: i64) -> StoreResult<Vec<LogEntry>> {
    Ok(national_log::table
        .filter(national_log::seq.gt(after))
        .order(national_log::seq.asc())
        .limit(limit)
        .select(LogEntry::as_select())
        .load(conn)?)
}

pub fn log_of_message(conn: &mut DbConnection, message_id: &str) -> StoreResult<Vec<LogEntry>> {
    Ok(national_log::table
        .filter(national_log::message_id.eq(message_id))
        .order(national_log::seq.asc())
        .select(LogEntry::as_select())
        .load(conn)?)
}

/// Every entry about one dossier's person: its messages' exchanges, the reads of its national
/// record on arrival and the corrections received for it, in the log's order.
pub fn log_of_dossier(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<Vec<LogEntry>> {
    use crate::schema::{national_corrections, national_records};
    let mut ids: Vec<String> = national_messages::table
        .filter(national_messages::dossier_id.eq(dossier_id))
        .select(national_messages::id)
        .load(conn)?;
    ids.extend(
        national_records::table
            .filter(national_records::dossier_id.eq(dossier_id))
            .select(national_records::id)
            .load::<String>(conn)?,
    );
    ids.extend(
        national_corrections::table
            .filter(national_corrections::dossier_id.eq(dossier_id))
            .select(national_corrections::id)
            .load::<String>(conn)?,
    );
    Ok(national_log::table
        .filter(national_log::message_id.eq_any(ids))
        .order(national_log::seq.asc())
        .select(LogEntry::as_select())
        .load(conn)?)
}

/// A national record read for an arrival (TRF-3, DOS-5).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::national_records)]
pub struct RecordRow {
    pub id: String,
    pub transfer_id: String,
    pub dossier_id: Option<String>,
    pub citizen_id_hash: String,
    pub national_identifier: String,
    pub national_dossier_code: String,
    pub province: String,
    pub content: String,
    pub sealed: Option<String>,
    pub items: String,
    pub pulled_by: String,
    pub pulled_at: NaiveDateTime,
}

pub fn insert_record(conn: &mut DbConnection, row: &RecordRow) -> StoreResult<()> {
    diesel::insert_into(crate::schema::national_records::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The latest record read for a transfer.
pub fn record_of_transfer(conn: &mut DbConnection, transfer_id: &str) -> StoreResult<Option<RecordRow>> {
    use crate::schema::national_records as r;
    Ok(r::table
        .filter(r::transfer_id.eq(transfer_id))
        .order((r::pulled_at.desc(), r::id.desc()))
        .select(RecordRow::as_select())
        .first(conn)
        .optional()?)
}

/// The record a dossier was opened from.
pub fn record_of_dossier(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<Option<RecordRow>> {
    use crate::schema::national_records as r;
    Ok(r::table
        .filter(r::dossier_id.eq(dossier_id))
        .select(RecordRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn set_record_dossier(conn: &mut DbConnection, id: &str, dossier_id: &str) -> StoreResult<()> {
    use crate::schema::national_records as r;
    diesel::update(r::table.find(id))
        .set(r::dossier_id.eq(dossier_id))
        .execute(conn)?;
    Ok(())
}

/// A comparison with the national database.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::national_reconciliations)]
pub struct ReconciliationRow {
    pub id: String,
    pub since: chrono::NaiveDate,
    pub state: String,
    pub job_id: Option<String>,
    pub requested_by: Option<String>,
    pub started_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    pub theirs: i32,
    pub ours: i32,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::national_differences)]
pub struct DifferenceRow {
    pub id: String,
    pub reconciliation_id: String,
    pub kind: String,
    pub dossier_id: Option<String>,
    pub national_identifier: Option<String>,
    pub ours_sha256: Option<String>,
    pub theirs_sha256: Option<String>,
    pub theirs_updated_at: Option<NaiveDateTime>,
    pub resolution: Option<String>,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<NaiveDateTime>,
    pub message_id: Option<String>,
}

pub fn insert_reconciliation(conn: &mut DbConnection, row: &ReconciliationRow) -> StoreResult<()> {
    diesel::insert_into(crate::schema::national_reconciliations::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find_reconciliation(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ReconciliationRow>> {
    use crate::schema::national_reconciliations as r;
    Ok(r::table
        .find(id)
        .select(ReconciliationRow::as_select())
        .first(conn)
        .optional()?)
}

/// The latest reconciliations, newest first.
pub fn reconciliations(conn: &mut DbConnection, limit: i64) -> StoreResult<Vec<ReconciliationRow>> {
    use crate::schema::national_reconciliations as r;
    Ok(r::table
        .order((r::started_at.desc(), r::id.desc()))
        .limit(limit)
        .select(ReconciliationRow::as_select())
        .load(conn)?)
}

/// Ends a reconciliation with its counts and differences (or its failure), in one transaction
/// of the caller's.
pub fn finish_reconciliation(
    conn: &mut DbConnection,
    id: &str,
    outcome: Result<(i32, i32, &[DifferenceRow]), &str>,
    at: NaiveDateTime,
) -> StoreResult<()> {
    use crate::schema::{national_differences as d, national_reconciliations as r};
    match outcome {
        Ok((theirs, ours, differences)) => {
            diesel::delete(d::table.filter(d::reconciliation_id.eq(id))).execute(conn)?;
            // One by one: diesel's multi-backend connection has no multi-row insert; a report
            // holds tens of differences, not thousands.
            for difference in differences {
                diesel::insert_into(d::table).values(difference).execute(conn)?;
            }
            diesel::update(r::table.find(id))
                .set((
                    r::state.eq("done"),
                    r::theirs.eq(theirs),
                    r::ours.eq(ours),
                    r::finished_at.eq(at),
                    r::error.eq(None::<String>),
                ))
                .execute(conn)?;
        }
        Err(error) => {
            diesel::update(r::table.find(id))
                .set((r::state.eq("failed"), r::finished_at.eq(at), r::error.eq(error)))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// A difference with the dossier number and the person's name when it concerns a dossier here.
pub type DifferenceOfDossier = (DifferenceRow, Option<String>, Option<String>);

/// A reconciliation's differences, each with its dossier's number and person's name.
pub fn differences(
    conn: &mut DbConnection,
    reconciliation_id: &str,
) -> StoreResult<Vec<DifferenceOfDossier>> {
    use crate::schema::{dossiers, national_differences as d, people};
    Ok(d::table
        .left_join(dossiers::table.on(dossiers::id.nullable().eq(d::dossier_id)))
        .left_join(people::table.on(people::id.eq(dossiers::person_id)))
        .filter(d::reconciliation_id.eq(reconciliation_id))
        .order((d::kind.asc(), d::id.asc()))
        .select((
            DifferenceRow::as_select(),
            dossiers::dossier_number.nullable(),
            people::full_name.nullable(),
        ))
        .load(conn)?)
}

pub fn find_difference(conn: &mut DbConnection, id: &str) -> StoreResult<Option<DifferenceRow>> {
    use crate::schema::national_differences as d;
    Ok(d::table
        .find(id)
        .select(DifferenceRow::as_select())
        .first(conn)
        .optional()?)
}

/// Marks an open difference resolved; false when it was resolved already.
pub fn resolve_difference(
    conn: &mut DbConnection,
    id: &str,
    resolution: &str,
    by: &str,
    message_id: Option<&str>,
    at: NaiveDateTime,
) -> StoreResult<bool> {
    use crate::schema::national_differences as d;
    Ok(diesel::update(d::table.find(id).filter(d::resolution.is_null()))
        .set((
            d::resolution.eq(resolution),
            d::resolved_by.eq(by),
            d::resolved_at.eq(at),
            d::message_id.eq(message_id),
        ))
        .execute(conn)?
        == 1)
}

/// What hoso last had acknowledged of each person: dossier, national identifier, the
/// acknowledged packet's hash and when, from the newest acknowledged message per person.
pub fn acknowledged_latest(
    conn: &mut DbConnection,
) -> StoreResult<Vec<(String, String, String, NaiveDateTime)>> {
    // Messages newest first: the first seen of each person is their latest acknowledgement.
    type Acknowledged = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<NaiveDateTime>,
    );
    let rows: Vec<Acknowledged> = national_messages::table
        .filter(national_messages::state.eq(ACKNOWLEDGED))
        .order((national_messages::person_id, national_messages::sequence.desc()))
        .select((
            national_messages::person_id,
            national_messages::dossier_id,
            national_messages::national_identifier,
            national_messages::packet_sha256,
            national_messages::acknowledged_at,
        ))
        .load(conn)?;
    let mut seen = std::collections::HashSet::new();
    Ok(rows
        .into_iter()
        .filter(|(person, ..)| seen.insert(person.clone()))
        .filter_map(|(_, dossier, identifier, sha, at)| Some((dossier, identifier?, sha?, at?)))
        .collect())
}

pub fn reconciliation_of_job(
    conn: &mut DbConnection,
    job_id: &str,
) -> StoreResult<Option<ReconciliationRow>> {
    use crate::schema::national_reconciliations as r;
    Ok(r::table
        .filter(r::job_id.eq(job_id))
        .select(ReconciliationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Open differences of each reconciliation.
pub fn open_differences(conn: &mut DbConnection, ids: &[String]) -> StoreResult<Vec<(String, i64)>> {
    use crate::schema::national_differences as d;
    Ok(d::table
        .filter(d::reconciliation_id.eq_any(ids))
        .filter(d::resolution.is_null())
        .group_by(d::reconciliation_id)
        .select((d::reconciliation_id, diesel::dsl::count_star()))
        .load(conn)?)
}

/// Dead messages whose last refusal has this code, a person's earliest first.
pub fn dead_with_code(conn: &mut DbConnection, code: &str) -> StoreResult<Vec<MessageRow>> {
    Ok(national_messages::table
        .filter(national_messages::state.eq(DEAD))
        .filter(national_messages::last_error_code.eq(code))
        .order((national_messages::person_id, national_messages::sequence))
        .select(MessageRow::as_select())
        .load(conn)?)
}

/// A correction from the Ministry, proposed to the managing agency.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::national_corrections)]
pub struct CorrectionRow {
    pub id: String,
    pub dossier_id: String,
    pub difference_id: Option<String>,
    pub national_identifier: String,
    pub version_number: i32,
    pub content: String,
    pub sealed: Option<String>,
    pub items: String,
    pub state: String,
    pub received_by: String,
    pub received_at: NaiveDateTime,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub note: Option<String>,
}

pub fn insert_correction(conn: &mut DbConnection, row: &CorrectionRow) -> StoreResult<()> {
    diesel::insert_into(crate::schema::national_corrections::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find_correction(conn: &mut DbConnection, id: &str) -> StoreResult<Option<CorrectionRow>> {
    use crate::schema::national_corrections as c;
    Ok(c::table
        .find(id)
        .select(CorrectionRow::as_select())
        .first(conn)
        .optional()?)
}

/// The dossier's open correction, the latest if several.
pub fn open_correction(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<Option<CorrectionRow>> {
    use crate::schema::national_corrections as c;
    Ok(c::table
        .filter(c::dossier_id.eq(dossier_id))
        .filter(c::state.eq("open"))
        .order((c::received_at.desc(), c::id.desc()))
        .select(CorrectionRow::as_select())
        .first(conn)
        .optional()?)
}

/// Ends an open correction (`applied` or `dismissed`); false when it was no longer open.
pub fn decide_correction(
    conn: &mut DbConnection,
    id: &str,
    state: &str,
    by: &str,
    note: Option<&str>,
    at: NaiveDateTime,
) -> StoreResult<bool> {
    use crate::schema::national_corrections as c;
    Ok(diesel::update(c::table.find(id).filter(c::state.eq("open")))
        .set((
            c::state.eq(state),
            c::decided_by.eq(by),
            c::decided_at.eq(at),
            c::note.eq(note),
        ))
        .execute(conn)?
        == 1)
}
