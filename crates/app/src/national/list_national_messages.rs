use hoso_api_types::national::{NationalMessageList, NationalStateCount};
use hoso_domain::org::check_national_sync;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

const PAGE: i64 = 100;

/// The outbox, newest first (optionally one `state`), with the count in each state; `before`
/// is the `next_before` of the previous page.
pub async fn list_national_messages(
    app: &App,
    session: Session,
    state: Option<String>,
    before: Option<String>,
) -> Result<NationalMessageList, AppError> {
    check_national_sync(&session.actor)?;
    const STATES: [&str; 4] = ["queued", "sending", "acknowledged", "dead"];
    if let Some(state) = state.as_deref().filter(|s| !STATES.contains(s)) {
        return Err(hoso_domain::FieldError::new(
            "state",
            "invalid_choice",
            format!("Trạng thái «{state}» không có; chọn queued, sending, acknowledged hoặc dead."),
        )
        .into());
    }
    let connection = app.national.connection.clone();
    app.db(move |conn| {
        let before = match before.as_deref() {
            None | Some("") => None,
            Some(id) => {
                let row = hoso_store::national::find(conn, id)?.ok_or_else(|| {
                    hoso_domain::FieldError::new("before", "unknown_message", "Không có gói tin này.")
                })?;
                Some((row.created_at, row.id))
            }
        };
        let rows = hoso_store::national::list(conn, state.as_deref(), before, PAGE + 1)?;
        let more = rows.len() as i64 > PAGE;
        let items: Vec<_> = rows
            .into_iter()
            .take(PAGE as usize)
            .map(|(row, name, number)| super::message_view(row, name, number))
            .collect();
        let next_before = more.then(|| items.last().map(|m| m.id.clone())).flatten();
        let counts = hoso_store::national::counts_by_state(conn)?
            .into_iter()
            .map(|(state, count)| NationalStateCount { state, count })
            .collect();
        Ok(NationalMessageList {
            configured: connection.is_some(),
            profile: connection.as_ref().map(|c| c.auth.profile().to_owned()),
            url: connection.as_ref().map(|c| c.url.clone()),
            counts,
            items,
            next_before,
        })
    })
    .await
}
