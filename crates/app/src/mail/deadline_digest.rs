//! Each working morning, everyone with something due two working days later gets one message
//! listing it (WF-8): the focal officer's checks, the head's and Sở Nội vụ's signatures, the
//! employee's first entry and returned dossier.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use hoso_domain::workflow::ReviewState;
use hoso_store::dossiers::DossierWithPerson;
use hoso_store::reviews::{self, ReviewFilter};
use hoso_store::DbConnection;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{queue, Letter, MailKind};
use crate::deadlines::list_deadlines::{
    first_entries_due, may_act, officers, returned_still_waiting, review_task,
};
use crate::error::AppError;
use crate::jobs::{JobContext, JobKind};

/// How many working days ahead a deadline is announced.
pub const DAYS_AHEAD: u32 = 2;

pub const DIGEST_JOB: JobKind = JobKind {
    name: "mail.deadline_digest",
    run,
    on_dead: None,
};

pub fn schedule() -> crate::scheduler::Schedule {
    crate::scheduler::Schedule {
        name: "mail.deadlines.daily",
        recurrence: hoso_domain::schedule::Recurrence::Daily {
            at: NaiveTime::from_hms_opt(7, 0, 0).expect("a time of day"),
        },
        kind: DIGEST_JOB.name,
        payload: json!({}),
    }
}

#[derive(Debug, Deserialize)]
struct Payload {
    /// The scheduled time (UTC); without it, today.
    occurrence: Option<chrono::NaiveDateTime>,
}

fn run(context: &JobContext, conn: &mut DbConnection) -> Result<Option<Value>, AppError> {
    let payload: Payload = context.payload()?;
    let app = &context.app;
    if !app.mail.configured() {
        return Ok(Some(json!({"skipped": "not_configured"})));
    }
    let today = match payload.occurrence {
        Some(at) => hoso_domain::schedule::local_of_utc(at).date(),
        None => app.clock.today(),
    };
    let rules = crate::workflow::rules(conn)?;
    if !rules.1.is_working_day(today) {
        return Ok(Some(json!({"skipped": "not_a_working_day", "day": today})));
    }
    let due = rules.1.add_working_days(today, DAYS_AHEAD);
    let lines = due_lines(conn, &rules, due)?;
    let now = app.clock.now_naive();
    for (account_id, lines) in &lines {
        let mut text = vec![format!(
            "Những việc sau của bạn đến hạn ngày {} (sau {DAYS_AHEAD} ngày làm việc):",
            due.format("%d/%m/%Y")
        )];
        text.extend(lines.iter().map(|l| format!("• {l}")));
        let letter = Letter {
            kind: MailKind::DeadlineSoon,
            subject: format!("{} việc đến hạn ngày {}", lines.len(), due.format("%d/%m/%Y")),
            lines: text,
            link: if lines.iter().all(|l| l.starts_with(OWN_PREFIX)) {
                "/ho-so-cua-toi"
            } else {
                "/han-xu-ly"
            },
        };
        conn.write_transaction(|conn| {
            queue(
                conn,
                &app.mail,
                account_id,
                letter,
                &format!("{account_id}:{today}"),
                now,
            )
        })?;
    }
    Ok(Some(json!({"due_on": due, "recipients": lines.len()})))
}

const OWN_PREFIX: &str = "Hồ sơ của bạn";

/// What falls due on `due`, by the account that must act.
fn due_lines(
    conn: &mut DbConnection,
    rules: &(
        hoso_domain::regulation::RegulationProfile,
        hoso_domain::calendar::Calendar,
    ),
    due: NaiveDate,
) -> Result<BTreeMap<String, Vec<String>>, AppError> {
    let officers = officers(conn)?;
    let mut lines: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let open = ReviewFilter {
        states: ["submitted", "locked", "signed", "returned"]
            .map(String::from)
            .to_vec(),
        within: None,
        under_path: None,
        kind: None,
        dossier_id: None,
        limit: i64::MAX,
    };
    for (review, found) in reviews::list(conn, &open)? {
        let Some(state) = ReviewState::parse(&review.state) else {
            continue;
        };
        if review.due_on != Some(due) {
            continue;
        }
        if state == ReviewState::Returned && !returned_still_waiting(conn, &review, &found)? {
            continue;
        }
        match review_task(state, &review.kind) {
            (task, Some(action)) => {
                for (officer, _) in may_act(&officers, &found, state, action) {
                    lines.entry(officer.account_id.clone()).or_default().push(format!(
                        "{}: {} ({})",
                        task_label(task),
                        found.person.full_name,
                        found.unit_name
                    ));
                }
            }
            (_, None) => own_line(conn, &mut lines, &found, "bị trả lại: sửa theo lý do và gửi lại")?,
        }
    }
    for (found, _, due_on) in first_entries_due(conn, rules, None, None)? {
        if due_on == due {
            own_line(
                conn,
                &mut lines,
                &found,
                "chưa kê khai lần đầu: hoàn thành bản khai và gửi kiểm tra",
            )?;
        }
    }
    Ok(lines)
}

/// A line for the person whose own dossier it is, when they have an account.
fn own_line(
    conn: &mut DbConnection,
    lines: &mut BTreeMap<String, Vec<String>>,
    found: &DossierWithPerson,
    what: &str,
) -> Result<(), AppError> {
    let account = hoso_store::accounts::find_by_person(conn, &found.person.id)?;
    if let Some(account) = account.filter(|a| a.status == hoso_store::accounts::STATUS_ACTIVE) {
        lines
            .entry(account.id)
            .or_default()
            .push(format!("{OWN_PREFIX} {what}"));
    }
    Ok(())
}

fn task_label(task: &str) -> &'static str {
    match task {
        "focal_check" => "Kiểm tra và khóa hồ sơ",
        "head_approval" => "Thủ trưởng ký duyệt",
        "change_approval" => "Duyệt thay đổi hồ sơ",
        "home_affairs" => "Sở Nội vụ phê duyệt",
        _ => "Xử lý hồ sơ",
    }
}
