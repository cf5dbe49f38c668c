//! The delivery job: a person's messages go in their order, each once (the message id is the
//! other side's idempotency key); transient failures are tried again by the job's back-off, a
//! refusal ends the message dead with the reason a person must act on.

use hoso_store::jobs::JobRow;
use hoso_store::national::{self as store, Attempt, MessageRow};
use hoso_store::DbConnection;
use serde::Deserialize;
use serde_json::{json, Value};

use super::client::{Answer, Connection, Exchange, NoAnswer};
use super::packet::Refusal;
use crate::error::AppError;
use crate::jobs::JobContext;
use crate::session::system_event;
use crate::App;

#[derive(Deserialize)]
struct Payload {
    message_id: String,
}

const PACKETS: &str = "/cbccvc/v1/packets";

pub(super) fn run(context: &JobContext, conn: &mut DbConnection) -> Result<Option<Value>, AppError> {
    let payload: Payload = context.payload()?;
    let app = &context.app;
    let connection = super::connection(app)?;
    let message = store::find(conn, &payload.message_id)?.ok_or(AppError::NotFound)?;
    if message.state == store::ACKNOWLEDGED || message.state == store::DEAD {
        return Ok(Some(json!({ "state": message.state })));
    }
    // INT-3: nothing leaves without the recorded consent; recording it queues these again.
    if super::consent::current(conn)?.is_none() {
        let reason = super::consent::MISSING;
        refuse(conn, app, &message, "consent_missing", reason, None, &[])?;
        return Err(refused(reason.to_owned()));
    }
    // Earlier messages of the person first: the other side applies them in order.
    let mut delivered = 0;
    for earlier in store::unacknowledged_of_person(conn, &message.person_id)? {
        if earlier.sequence > message.sequence {
            break;
        }
        if earlier.state == store::DEAD {
            let reason = format!(
                "Chờ gói tin số {} của người này, chưa được nhận: {}",
                earlier.sequence,
                earlier.last_error.as_deref().unwrap_or("")
            );
            refuse(conn, app, &message, "held_behind", &reason, None, &[])?;
            return Err(refused(reason));
        }
        deliver_one(conn, app, &connection, &earlier)?;
        delivered += 1;
    }
    Ok(Some(json!({ "delivered": delivered })))
}

/// A dead job's message is dead too, with the job's last error (attempts used up).
pub(super) fn on_dead(
    conn: &mut DbConnection,
    job: &JobRow,
    error: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let Ok(payload) = serde_json::from_str::<Payload>(&job.payload) else {
        return Ok(());
    };
    if let Some(message) = store::find(conn, &payload.message_id)? {
        if message.state != store::ACKNOWLEDGED && message.state != store::DEAD {
            store::record_attempt(
                conn,
                &message.id,
                &Attempt {
                    state: store::DEAD,
                    error: Some(error),
                    error_code: Some(message.last_error_code.as_deref().unwrap_or("attempts_exhausted")),
                    at: Some(at),
                    ..Attempt::default()
                },
            )?;
        }
    }
    Ok(())
}

fn refused(reason: String) -> AppError {
    AppError::Conflict {
        code: "national_refused",
        message: reason,
    }
}

/// Ends a message dead with the reason, audited, with the exchanges that led there.
fn refuse(
    conn: &mut DbConnection,
    app: &App,
    message: &MessageRow,
    code: &str,
    reason: &str,
    packet: Option<&super::packet::Packet>,
    exchanges: &[Exchange],
) -> Result<(), AppError> {
    let now = app.clock.now_naive();
    conn.write_transaction(|conn| -> Result<(), AppError> {
        log_all(conn, app, message, exchanges)?;
        store::record_attempt(
            conn,
            &message.id,
            &Attempt {
                state: store::DEAD,
                packet: packet.map(|p| p.person.as_str()),
                packet_sha256: packet.map(|p| p.sha256.as_str()),
                error: Some(reason),
                error_code: Some(code),
                at: Some(now),
            },
        )?;
        let mut event = system_event("national.refused");
        event.outcome = "failure".into();
        event.target_type = Some("dossier".into());
        event.target_id = Some(message.dossier_id.clone());
        event.subject_person_id = Some(message.person_id.clone());
        event.reason = Some(reason.to_owned());
        event.details =
            Some(json!({"message_id": message.id, "code": code, "sequence": message.sequence}).to_string());
        crate::audit::record(conn, event)
    })
}

/// Keeps a delivery's exchanges in the log, in the transaction that records what they led to.
/// That transaction does not wait for the disk: a crash may lose the last few outcomes, and the
/// messages they belong to are then sent again, which the other side recognises by message id
/// (nothing is applied twice, and the repeat is logged).
fn log_all(
    conn: &mut DbConnection,
    app: &App,
    message: &MessageRow,
    exchanges: &[Exchange],
) -> Result<(), AppError> {
    conn.commit_without_waiting_for_disk()?;
    for exchange in exchanges {
        super::append_exchange(conn, app, &message.id, exchange)?;
    }
    Ok(())
}

fn deliver_one(
    conn: &mut DbConnection,
    app: &App,
    connection: &Connection,
    message: &MessageRow,
) -> Result<(), AppError> {
    let packet = match super::packet::build(conn, app, message) {
        Ok(packet) => packet,
        Err(Refusal::Uncoded(errors)) => {
            let fields: Vec<String> = errors
                .as_slice()
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect();
            let reason = format!(
                "Gói tin không gửi được vì có thông tin chưa đúng mã: {}",
                fields.join("; ")
            );
            let code = errors
                .as_slice()
                .first()
                .map(|e| e.code.clone())
                .unwrap_or_default();
            refuse(conn, app, message, &code, &reason, None, &[])?;
            return Err(refused(reason));
        }
        Err(Refusal::Failed(error)) => return Err(error),
    };
    let mut exchanges = Vec::new();
    let answer = connection.send(
        "POST",
        PACKETS,
        Some(&packet.body),
        Some(&message.id),
        &mut |exchange| exchanges.push(exchange.clone()),
    );
    let now = app.clock.now_naive();
    let answer = match answer {
        Ok(answer) => answer,
        Err(NoAnswer(why)) => {
            let reason = format!("Không nhận được trả lời của nền tảng: {why}");
            conn.write_transaction(|conn| -> Result<(), AppError> {
                log_all(conn, app, message, &exchanges)?;
                let attempt = sent(&packet, Some(&reason), Some("no_answer"), now);
                Ok(store::record_attempt(conn, &message.id, &attempt)?)
            })?;
            return Err(AppError::Unavailable(reason));
        }
    };
    let code = answer
        .body
        .get("code")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let text = answer
        .body
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    match answer.status {
        200 => acknowledge(conn, app, message, &packet, &answer, &exchanges),
        status if hoso_domain::national::transient_status(status) => {
            let reason = format!("Nền tảng trả lời {status} {code}; sẽ gửi lại.");
            conn.write_transaction(|conn| -> Result<(), AppError> {
                log_all(conn, app, message, &exchanges)?;
                let attempt = sent(&packet, Some(&reason), Some(&code), now);
                Ok(store::record_attempt(conn, &message.id, &attempt)?)
            })?;
            Err(match answer.retry_after {
                Some(after_secs) => AppError::RetryLater {
                    after_secs,
                    message: reason,
                },
                None => AppError::Unavailable(reason),
            })
        }
        status => {
            let reason = hoso_domain::national::refusal_reason(status, &code, &text);
            let code = if code.is_empty() { "refused" } else { &code };
            refuse(conn, app, message, code, &reason, Some(&packet), &exchanges)?;
            Err(refused(reason))
        }
    }
}

fn acknowledge(
    conn: &mut DbConnection,
    app: &App,
    message: &MessageRow,
    packet: &super::packet::Packet,
    answer: &Answer,
    exchanges: &[Exchange],
) -> Result<(), AppError> {
    let text = |key: &str| {
        answer
            .body
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let (identifier, code) = (text("national_identifier"), text("national_dossier_code"));
    if identifier.is_empty() || code.is_empty() {
        conn.write_transaction(|conn| log_all(conn, app, message, exchanges))?;
        return Err(AppError::Unavailable(
            "the acknowledgement carried no national identifier".into(),
        ));
    }
    let now = app.clock.now_naive();
    conn.write_transaction(|conn| -> Result<(), AppError> {
        log_all(conn, app, message, exchanges)?;
        store::record_attempt(
            conn,
            &message.id,
            &Attempt {
                state: store::SENDING,
                packet: Some(&packet.person),
                packet_sha256: Some(&packet.sha256),
                at: Some(now),
                ..Attempt::default()
            },
        )?;
        store::acknowledge(conn, &message.id, &identifier, &code, now)?;
        hoso_store::dossiers::set_national_ids(conn, &message.dossier_id, Some(&identifier), Some(&code))?;
        let mut event = system_event("national.acknowledged");
        event.target_type = Some("dossier".into());
        event.target_id = Some(message.dossier_id.clone());
        event.subject_person_id = Some(message.person_id.clone());
        event.details = Some(
            json!({
                "message_id": message.id, "sequence": message.sequence, "kind": message.kind,
                "version": message.version_number, "national_identifier": identifier,
                "national_dossier_code": code, "duplicate": answer.body.get("duplicate"),
            })
            .to_string(),
        );
        crate::audit::record(conn, event)
    })
}

/// A delivery tried and to be tried again: the packet as sent and why it did not arrive.
fn sent<'a>(
    packet: &'a super::packet::Packet,
    error: Option<&'a str>,
    code: Option<&'a str>,
    at: chrono::NaiveDateTime,
) -> Attempt<'a> {
    Attempt {
        state: store::QUEUED,
        packet: Some(&packet.person),
        packet_sha256: Some(&packet.sha256),
        error,
        error_code: code,
        at: Some(at),
    }
}
