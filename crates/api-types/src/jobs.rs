//! Background jobs as administrators see them (`/jobs`): what runs, how far it got, what failed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "5b0f6a2e-3c1d-4e8a-9b7f-2d6c1e0a9f31", "kind": "report", "state": "running",
    "attempts": 1, "max_attempts": 3, "progress_done": 1200, "progress_total": 4800,
    "last_error": null, "cancel_requested": false, "queued_by_type": "account",
    "queued_by_name": "quantri", "run_after": "2026-12-01T03:00:00Z",
    "created_at": "2026-12-01T03:00:00Z", "started_at": "2026-12-01T03:00:01Z", "finished_at": null
})))]
pub struct JobView {
    pub id: String,
    /// `report`, `system.housekeeping`, …
    pub kind: String,
    /// `queued` (waiting, or waiting to be retried after `run_after`), `running`, `succeeded`,
    /// `dead` (failed `max_attempts` times, or failed in a way a retry cannot mend), `cancelled`.
    pub state: String,
    /// Attempts made so far.
    pub attempts: i32,
    pub max_attempts: i32,
    /// Progress the job reported, e.g. people counted of all.
    pub progress_done: i32,
    pub progress_total: i32,
    /// The error of the last failed attempt.
    pub last_error: Option<String>,
    /// A cancellation was asked for while it ran; it stops at its next progress report.
    pub cancel_requested: bool,
    /// `account`, `client`, `system` or `schedule`.
    pub queued_by_type: String,
    /// The account's username, or the schedule's name.
    pub queued_by_name: Option<String>,
    /// Not run before this time (a retry waits out its backoff).
    pub run_after: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JobStateCount {
    pub state: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JobPage {
    /// Newest first.
    pub items: Vec<JobView>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    pub next_before: Option<String>,
    /// How many jobs are in each state, over the whole queue.
    pub counts: Vec<JobStateCount>,
}
