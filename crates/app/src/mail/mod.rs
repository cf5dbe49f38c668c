//! Email (issue #23 point 10): officers and employees are told by email, not only in the app,
//! of an account issued to them, a dossier returned with its reason, a deadline two working
//! days away and a signature waiting for them. A message is a durable job queued in the
//! transaction of its cause (so it exists if and only if the cause committed) and sent through
//! the configured SMTP server; a refusal by the server ends it, a server away retries it. Each
//! kind can be switched off by the person it goes to; nothing is queued without an address.
//! The job is sent at least once: an SMTP server that took the message but lost the
//! connection before answering gets it again.

pub mod deadline_digest;
pub mod read_my_mail_settings;
mod send;
pub mod update_my_mail_settings;

pub use read_my_mail_settings::read_my_mail_settings;
pub use update_my_mail_settings::update_my_mail_settings;

use chrono::NaiveDateTime;
use hoso_domain::workflow::{Action, ReviewState};
use hoso_store::dossiers::DossierWithPerson;
use hoso_store::DbConnection;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::jobs::{enqueue, JobKind, JobRequest, QueuedBy};

/// Where messages go out and what they link to.
#[derive(Clone, Debug, Default)]
pub struct MailSettings {
    /// `smtp://host:port`, `smtps://user:password@host` …; `None`: no email is sent.
    pub smtp_url: Option<String>,
    /// The sender, e.g. `Hồ sơ điện tử <hoso@snv.example.gov.vn>`.
    pub from: String,
    /// The address people open hoso at, for the links in messages (no trailing slash).
    pub public_url: String,
}

impl MailSettings {
    /// Checked settings: each error names the option and says what is wrong.
    pub fn new(smtp_url: &str, from: &str, public_url: &str) -> Result<Self, String> {
        lettre::SmtpTransport::from_url(smtp_url).map_err(|e| {
            format!("HOSO_SMTP_URL (--smtp-url) is not an SMTP address such as smtp://host:25: {e}")
        })?;
        from.parse::<lettre::message::Mailbox>()
            .map_err(|e| format!("HOSO_MAIL_FROM (--mail-from) '{from}' is not a sender such as Hồ sơ <hoso@example.gov.vn>: {e}"))?;
        let public_url = public_url.trim_end_matches('/');
        if !(public_url.starts_with("https://") || public_url.starts_with("http://")) {
            return Err(format!(
                "HOSO_PUBLIC_URL (--public-url) '{public_url}' must be an http:// or https:// address"
            ));
        }
        Ok(MailSettings {
            smtp_url: Some(smtp_url.to_owned()),
            from: from.to_owned(),
            public_url: public_url.to_owned(),
        })
    }

    pub fn configured(&self) -> bool {
        self.smtp_url.is_some()
    }
}

/// The kinds of message, each switchable by the person it goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    AccountIssued,
    DossierReturned,
    DeadlineSoon,
    SignatureWaiting,
}

impl MailKind {
    pub const ALL: [MailKind; 4] = [
        MailKind::AccountIssued,
        MailKind::DossierReturned,
        MailKind::DeadlineSoon,
        MailKind::SignatureWaiting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::AccountIssued => "account_issued",
            MailKind::DossierReturned => "dossier_returned",
            MailKind::DeadlineSoon => "deadline_soon",
            MailKind::SignatureWaiting => "signature_waiting",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            MailKind::AccountIssued => "Tài khoản được cấp",
            MailKind::DossierReturned => "Hồ sơ bị trả lại",
            MailKind::DeadlineSoon => "Việc sắp đến hạn",
            MailKind::SignatureWaiting => "Hồ sơ chờ ký",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            MailKind::AccountIssued => "Khi tài khoản của bạn được cấp: tên đăng nhập và địa chỉ đăng nhập (không bao giờ gửi mật khẩu).",
            MailKind::DossierReturned => "Khi hồ sơ của bạn bị trả lại, kèm lý do.",
            MailKind::DeadlineSoon => "Mỗi sáng ngày làm việc: những việc của bạn đến hạn sau hai ngày làm việc.",
            MailKind::SignatureWaiting => "Khi có hồ sơ chờ bạn ký (một thư mỗi ngày).",
        }
    }
}

/// A message before it is addressed: its subject, its text and the page of hoso it leads to.
pub struct Letter {
    pub kind: MailKind,
    pub subject: String,
    pub lines: Vec<String>,
    /// A path of the SPA, e.g. `/ho-so-cua-toi`.
    pub link: &'static str,
}

#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    account_id: String,
    kind: MailKind,
    subject: String,
    body: String,
}

pub const SEND_JOB: JobKind = JobKind {
    name: "mail.send",
    run: send::run,
    on_dead: None,
};

/// The address `account_id`'s messages of `kind` go to: none without one, or when switched off.
pub fn address_for(
    conn: &mut DbConnection,
    account_id: &str,
    kind: MailKind,
) -> Result<Option<String>, AppError> {
    let Some(row) = hoso_store::mail::find(conn, account_id)? else {
        return Ok(None);
    };
    if row.muted_kinds().iter().any(|k| k == kind.as_str()) {
        return Ok(None);
    }
    Ok(row.email.filter(|e| !e.is_empty()))
}

/// Queues `letter` to `account_id` in the caller's transaction, once per `key` and kind. Nothing
/// when email is not configured, the account has no address or its holder switched the kind off
/// (checked again when it is sent, so a change in between is honoured).
pub fn queue(
    conn: &mut DbConnection,
    settings: &MailSettings,
    account_id: &str,
    letter: Letter,
    key: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    if !settings.configured() || address_for(conn, account_id, letter.kind)?.is_none() {
        return Ok(());
    }
    let mut body = letter.lines.join("\n");
    body.push_str(&format!(
        "\n\nMở hoso: {}{}\n\n--\nThư này do hệ thống hồ sơ điện tử gửi tự động; xin đừng trả lời. \
         Bạn có thể tắt loại thư này tại {}/thong-bao-email.\n",
        settings.public_url, letter.link, settings.public_url
    ));
    let payload = Payload {
        account_id: account_id.to_owned(),
        kind: letter.kind,
        subject: letter.subject,
        body,
    };
    let request = JobRequest::new(
        SEND_JOB.name,
        serde_json::to_value(payload).expect("a payload serialises"),
    )
    .key(format!("mail:{}:{key}", letter.kind.as_str()));
    enqueue(conn, request, &QueuedBy::system(), now)?;
    Ok(())
}

/// Tells the officers who may take the next step that a signature waits for them: the head once
/// a dossier is checked and locked, Sở Nội vụ once the head signed. One message a day each,
/// however many dossiers arrive (the queue page lists them all).
pub fn signature_waiting(
    conn: &mut DbConnection,
    settings: &MailSettings,
    found: &DossierWithPerson,
    state: ReviewState,
    today: chrono::NaiveDate,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let step = match state {
        ReviewState::Locked => hoso_domain::approval::Step::Head,
        ReviewState::Signed => hoso_domain::approval::Step::HomeAffairs,
        _ => return Ok(()),
    };
    if !settings.configured() {
        return Ok(());
    }
    let officers = crate::deadlines::list_deadlines::officers(conn)?;
    for (officer, _) in crate::deadlines::list_deadlines::may_act(&officers, found, state, Action::Sign(step))
    {
        let letter = Letter {
            kind: MailKind::SignatureWaiting,
            subject: "Có hồ sơ chờ bạn ký".into(),
            lines: vec![
                format!(
                    "Hồ sơ của {} ({}) đã sẵn sàng và đang chờ bạn ký.",
                    found.person.full_name, found.unit_name
                ),
                "Các hồ sơ khác đến trong ngày cũng nằm trong hàng chờ phê duyệt.".into(),
            ],
            link: "/phe-duyet",
        };
        let key = format!("{}:{today}", officer.account_id);
        queue(conn, settings, &officer.account_id, letter, &key, now)?;
    }
    Ok(())
}
