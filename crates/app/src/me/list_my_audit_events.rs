use hoso_api_types::audit::AuditPage;
use hoso_store::audit::{self, AuditFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// "Ai đã xem hồ sơ của tôi": who read or changed the signed-in person's data, and every
/// change to their own account (CTX-3, SEC-7). Newest first.
pub async fn list_my_audit_events(
    app: &App,
    session: Session,
    query: MyAuditQuery,
) -> Result<AuditPage, AppError> {
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let account_id = session.account.account.id.clone();
    let person_id = session.account.account.person_id.clone();
    let before = query.before;
    let items = app
        .db(move |conn| {
            // Events about the person (their dossier, exports they were in) and about the account
            // (sign-ins, changes).
            let mut events = match &person_id {
                Some(person) => audit::list(
                    conn,
                    &AuditFilter {
                        about_person: Some(person.clone()),
                        before_id: before,
                        limit,
                        ..AuditFilter::default()
                    },
                )?,
                None => Vec::new(),
            };
            events.extend(audit::list(
                conn,
                &AuditFilter {
                    target_id: Some(account_id),
                    before_id: before,
                    limit,
                    ..AuditFilter::default()
                },
            )?);
            events.sort_by_key(|e| std::cmp::Reverse(e.id));
            events.dedup_by_key(|e| e.id);
            events.truncate(limit as usize);
            crate::audit::described(conn, events)
        })
        .await?;
    let next_before = (items.len() as i64 == limit)
        .then(|| items.last().map(|e| e.id))
        .flatten();
    Ok(AuditPage { items, next_before })
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct MyAuditQuery {
    /// Only events older than this id (the previous page's `next_before`).
    pub before: Option<i64>,
    /// Page size, 1–200 (default 50).
    pub limit: Option<i64>,
}
