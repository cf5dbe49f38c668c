use chrono::{DateTime, Utc};
use hoso_api_types::audit::AuditPage;
use hoso_domain::access::check_view_audit;
use hoso_store::audit::{self, AuditFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Query the audit trail by person, account, unit and time. Requires `view_audit`; an agency
/// sees the events of units in its subtree, Sở Nội vụ all of them. Newest first.
pub async fn list_audit_events(
    app: &App,
    session: Session,
    query: AuditQuery,
) -> Result<AuditPage, AppError> {
    check_view_audit(&session.actor)?;
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let filter = AuditFilter {
        within: session.actor.scope.prefix().map(str::to_owned),
        actor_id: query.actor_id,
        target_id: query.target_id,
        // A person's events include the exports they were in.
        about_person: query.person_id,
        unit_id: query.unit_id,
        action: query.action,
        from: query.from.map(|t| t.naive_utc()),
        until: query.until.map(|t| t.naive_utc()),
        before_id: query.before,
        limit,
    };
    let items = app
        .db(move |conn| {
            let rows = audit::list(conn, &filter)?;
            super::described(conn, rows)
        })
        .await?;
    let next_before = (items.len() as i64 == limit)
        .then(|| items.last().map(|e| e.id))
        .flatten();
    Ok(AuditPage { items, next_before })
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct AuditQuery {
    /// Events by this account (or API client).
    pub actor_id: Option<String>,
    /// Events about this account or record.
    pub target_id: Option<String>,
    /// Events about this person's data.
    pub person_id: Option<String>,
    pub unit_id: Option<String>,
    /// e.g. `auth.sign_in`, `account.locked`.
    pub action: Option<String>,
    /// From this instant (inclusive), RFC 3339.
    pub from: Option<DateTime<Utc>>,
    /// Until this instant (exclusive), RFC 3339.
    pub until: Option<DateTime<Utc>>,
    /// Only events older than this id (the previous page's `next_before`).
    pub before: Option<i64>,
    /// 1–200, default 50.
    pub limit: Option<i64>,
}
