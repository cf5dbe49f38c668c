//! Where an account's email goes and which kinds of message its holder switched off
//! (issue #23 point 10).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::mail_settings;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = mail_settings)]
pub struct MailSettingsRow {
    pub account_id: String,
    pub email: Option<String>,
    /// JSON array of the kinds of message switched off.
    pub muted: String,
    pub updated_at: NaiveDateTime,
}

impl MailSettingsRow {
    pub fn muted_kinds(&self) -> Vec<String> {
        serde_json::from_str(&self.muted).unwrap_or_default()
    }
}

pub fn find(conn: &mut DbConnection, account_id: &str) -> StoreResult<Option<MailSettingsRow>> {
    Ok(mail_settings::table
        .find(account_id)
        .select(MailSettingsRow::as_select())
        .first(conn)
        .optional()?)
}

/// Replaces the account's settings (one row per account).
pub fn save(
    conn: &mut DbConnection,
    account_id: &str,
    email: Option<&str>,
    muted: &[String],
    at: NaiveDateTime,
) -> StoreResult<MailSettingsRow> {
    let muted = serde_json::to_string(muted).expect("kind names serialise");
    let changed = diesel::update(mail_settings::table.find(account_id))
        .set((
            mail_settings::email.eq(email),
            mail_settings::muted.eq(&muted),
            mail_settings::updated_at.eq(at),
        ))
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(mail_settings::table)
            .values((
                mail_settings::account_id.eq(account_id),
                mail_settings::email.eq(email),
                mail_settings::muted.eq(&muted),
                mail_settings::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(find(conn, account_id)?.expect("the row just written"))
}
