use hoso_api_types::mail::{MailSettingsView, UpdateMailSettings};
use hoso_domain::{FieldError, FieldErrors};
use validator::Validate;

use super::MailKind;
use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Sets the caller's email address and the kinds of message they receive. Audited (the
/// address is personal data), without the address itself.
pub async fn update_my_mail_settings(
    app: &App,
    session: Session,
    body: UpdateMailSettings,
) -> Result<MailSettingsView, AppError> {
    let email = body
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(str::to_owned);
    let body = UpdateMailSettings { email, ..body };
    body.validate()?;
    let mut errors = FieldErrors::new();
    for (index, kind) in body.enabled.iter().enumerate() {
        if MailKind::parse(kind).is_none() {
            errors.push(FieldError::new(
                format!("enabled[{index}]"),
                "unknown_kind",
                format!("Không có loại thư «{kind}»."),
            ));
        }
    }
    errors.into_result()?;
    let muted: Vec<String> = MailKind::ALL
        .into_iter()
        .filter(|k| !body.enabled.iter().any(|e| e == k.as_str()))
        .map(|k| k.as_str().to_owned())
        .collect();
    let now = app.clock.now_naive();
    let row = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let row = hoso_store::mail::save(
                    conn,
                    &session.actor.account_id,
                    body.email.as_deref(),
                    &muted,
                    now,
                )?;
                let mut event = session.event("account.mail_settings_changed");
                event.target_type = Some("account".into());
                event.target_id = Some(session.actor.account_id.clone());
                event.details =
                    Some(serde_json::json!({"has_address": row.email.is_some(), "muted": muted}).to_string());
                crate::audit::record(conn, event)?;
                Ok(row)
            })
        })
        .await?;
    Ok(super::read_my_mail_settings::view(app, Some(&row)))
}
