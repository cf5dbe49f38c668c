//! Writing the audit trail (SEC-7, CTX-3). Changes are recorded in the same transaction as the
//! change itself, so nothing is changed without its record; refusals are recorded on their own.

pub mod list_audit_events;
pub use list_audit_events::list_audit_events;

use hoso_api_types::accounts::DecisionRef;
use hoso_domain::access::Denial;
use hoso_store::audit::{self, NewAuditEvent};
use hoso_store::DbConnection;

use crate::error::AppError;

/// Events as people read them: each with the unit of the account that acted and the dossier
/// it is about (number and name), looked up once for the whole page.
pub fn described(
    conn: &mut DbConnection,
    rows: Vec<audit::AuditRow>,
) -> Result<Vec<hoso_api_types::audit::AuditEventView>, AppError> {
    use std::collections::HashMap;
    let ids = |pick: &dyn Fn(&audit::AuditRow) -> Option<String>| {
        let mut ids: Vec<String> = rows.iter().filter_map(pick).collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let actors = ids(&|r| r.actor_id.clone().filter(|_| r.actor_type == "account"));
    let dossiers = ids(&|r| {
        r.target_id
            .clone()
            .filter(|_| r.target_type.as_deref() == Some("dossier"))
    });
    let units: HashMap<String, String> = hoso_store::accounts::unit_names(conn, &actors)?
        .into_iter()
        .collect();
    let labels: HashMap<String, String> = hoso_store::dossiers::labels(conn, &dossiers)?
        .into_iter()
        .map(|(id, number, name)| (id, format!("{number} — {name}")))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| {
            let actor_unit = row.actor_id.as_ref().and_then(|id| units.get(id)).cloned();
            let target_label = match row.target_type.as_deref() {
                Some("dossier") => row.target_id.as_ref().and_then(|id| labels.get(id)).cloned(),
                _ => None,
            };
            hoso_api_types::audit::AuditEventView {
                actor_unit,
                target_label,
                ..crate::views::audit_event(row)
            }
        })
        .collect())
}

pub fn record(conn: &mut DbConnection, event: NewAuditEvent) -> Result<(), AppError> {
    audit::append(conn, event)?;
    Ok(())
}

/// The event with the written decision it rests on.
/// A file of personal data left the system (a search or a list as CSV, Excel, PDF): recorded
/// with everyone in it, so each finds it in "Ai đã xem hồ sơ của tôi" (CTX-3, SEC-7).
pub async fn record_export(
    app: &crate::App,
    mut event: NewAuditEvent,
    details: serde_json::Value,
    people: Vec<String>,
) -> Result<(), AppError> {
    event.target_type = Some("export".into());
    event.right_used = Some("export_data".into());
    event.details = Some(details.to_string());
    app.db(move |conn| record_about_people(conn, event, &people))
        .await
}

/// Records an event about many people (an export, a workbook): it is in each one's trail.
pub fn record_about_people(
    conn: &mut DbConnection,
    event: NewAuditEvent,
    people: &[String],
) -> Result<(), AppError> {
    audit::append_about_people(conn, event, people)?;
    Ok(())
}

pub fn with_decision(mut event: NewAuditEvent, decision: Option<&DecisionRef>) -> NewAuditEvent {
    if let Some(decision) = decision {
        event.decision_number = Some(decision.number.clone());
        event.decision_date = Some(decision.date.to_string());
        event.decision_signer = Some(decision.signer.clone());
        event.decision_document_id = decision.document_id.clone();
    }
    event
}

/// Records that the request was refused, and returns the error to answer with.
pub fn refuse(conn: &mut DbConnection, mut event: NewAuditEvent, denial: Denial) -> AppError {
    event.outcome = "denied".into();
    event.reason = Some(denial.reason().to_owned());
    if let Err(error) = audit::append(conn, event) {
        tracing::error!(%error, "could not record a refusal in the audit trail");
    }
    denial.into()
}
