use hoso_api_types::mail::{MailKindSetting, MailSettingsView};
use hoso_store::mail::MailSettingsRow;

use super::MailKind;
use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The caller's email address and the kinds of message they receive.
pub async fn read_my_mail_settings(app: &App, session: Session) -> Result<MailSettingsView, AppError> {
    let account_id = session.actor.account_id.clone();
    let row = app
        .db(move |conn| Ok(hoso_store::mail::find(conn, &account_id)?))
        .await?;
    Ok(view(app, row.as_ref()))
}

pub(super) fn view(app: &App, row: Option<&MailSettingsRow>) -> MailSettingsView {
    let muted = row.map(MailSettingsRow::muted_kinds).unwrap_or_default();
    MailSettingsView {
        email: row.and_then(|r| r.email.clone()),
        delivery_configured: app.mail.configured(),
        kinds: MailKind::ALL
            .into_iter()
            .map(|kind| MailKindSetting {
                kind: kind.as_str().into(),
                label: kind.label().into(),
                description: kind.description().into(),
                enabled: !muted.iter().any(|m| m == kind.as_str()),
            })
            .collect(),
    }
}
