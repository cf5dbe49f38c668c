//! The audit trail as people read it (issue #23): repeated reads by one person of one thing in
//! one sitting — every tab of a dossier opened is an event — fold into one line with their count
//! and span; every event stays in the trail itself (the server's answer is complete).

use chrono::{DateTime, Utc};
use hoso_api_types::audit::AuditEventView;

/// Reads farther apart than this are two sittings.
const SITTING_MINUTES: i64 = 30;

/// Actions that only read: these fold.
fn is_read(action: &str) -> bool {
    action.ends_with(".viewed")
        || action.ends_with(".downloaded")
        || action.ends_with(".printed")
        || action == "dossier.signing_payload"
}

/// One line of the trail: an event, or several reads folded.
#[derive(Debug, Clone, PartialEq)]
pub struct TrailLine {
    /// The newest of the events folded.
    pub event: AuditEventView,
    pub count: usize,
    /// When the oldest of them happened.
    pub since: DateTime<Utc>,
}

/// Folds runs of reads (newest first, as the server gives them) by the same actor of the same
/// target with the same outcome, each within a sitting of the one before.
pub fn fold(events: Vec<AuditEventView>) -> Vec<TrailLine> {
    let mut lines: Vec<TrailLine> = Vec::new();
    for event in events {
        if let Some(last) = lines.last_mut() {
            let same = is_read(&event.action)
                && last.event.action == event.action
                && last.event.actor_id == event.actor_id
                && last.event.target_id == event.target_id
                && last.event.outcome == event.outcome
                && (last.since - event.at).num_minutes() <= SITTING_MINUTES;
            if same {
                last.count += 1;
                last.since = event.at;
                continue;
            }
        }
        lines.push(TrailLine {
            since: event.at,
            event,
            count: 1,
        });
    }
    lines
}

/// Who acted, as a line of the trail says it: «Trần Văn Bình (Sở Giáo dục và Đào tạo)».
pub fn actor(event: &AuditEventView) -> String {
    let name = event
        .actor_name
        .clone()
        .unwrap_or_else(|| match event.actor_type.as_str() {
            "system" => "Hệ thống".into(),
            _ => "—".into(),
        });
    match &event.actor_unit {
        Some(unit) => format!("{name} ({unit})"),
        None => name,
    }
}

/// What was done, with the dossier it was done to and how many times.
pub fn what(line: &TrailLine) -> String {
    let mut text = crate::labels::action(&line.event.action);
    if let Some(label) = &line.event.target_label {
        text = format!("{text} {label}");
    }
    if line.count > 1 {
        text = format!("{text} ({} lần)", line.count);
    }
    text
}

/// When: one time, or the span of a folded sitting («09:02 – 09:15 02/12/2026»).
pub fn when(line: &TrailLine) -> String {
    if line.count == 1 {
        return crate::labels::datetime(&line.event.at);
    }
    let vietnam = chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7");
    let (from, to) = (
        line.since.with_timezone(&vietnam),
        line.event.at.with_timezone(&vietnam),
    );
    format!(
        "{} – {} {}",
        from.format("%H:%M"),
        to.format("%H:%M"),
        to.format("%d/%m/%Y")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: i64, minute: i64, action: &str, actor: &str, target: &str) -> AuditEventView {
        AuditEventView {
            id,
            at: DateTime::from_timestamp(1_790_000_000 + minute * 60, 0).unwrap(),
            actor_type: "account".into(),
            actor_id: Some(actor.into()),
            actor_name: Some(format!("Cán bộ {actor}")),
            action: action.into(),
            outcome: "success".into(),
            target_type: Some("dossier".into()),
            target_id: Some(target.into()),
            unit_id: None,
            subject_person_id: None,
            right_used: None,
            ip: None,
            request_id: None,
            reason: None,
            decision_number: None,
            decision_date: None,
            decision_signer: None,
            decision_document_id: None,
            actor_unit: Some("Sở Giáo dục và Đào tạo".into()),
            target_label: Some("HS000001 — Nguyễn Văn An".into()),
        }
    }

    #[test]
    fn reads_of_one_sitting_fold_and_everything_else_stays_apart() {
        // Newest first: 14 tab clicks by A in 13 minutes, a save between, B's read, an old read.
        let mut events: Vec<AuditEventView> = (0..14)
            .map(|i| event(100 - i, 60 - i, "dossier.viewed", "a", "d1"))
            .collect();
        events.insert(5, event(200, 56, "dossier.draft_saved", "a", "d1"));
        events.push(event(50, 40, "dossier.viewed", "b", "d1"));
        events.push(event(40, -300, "dossier.viewed", "b", "d1"));
        let lines = fold(events);
        let shape: Vec<(&str, usize)> = lines.iter().map(|l| (l.event.action.as_str(), l.count)).collect();
        assert_eq!(
            shape,
            vec![
                ("dossier.viewed", 5),
                ("dossier.draft_saved", 1),
                ("dossier.viewed", 9),
                ("dossier.viewed", 1),
                ("dossier.viewed", 1),
            ]
        );
        assert_eq!(what(&lines[0]), "Xem hồ sơ HS000001 — Nguyễn Văn An (5 lần)");
        assert_eq!(actor(&lines[0].event), "Cán bộ a (Sở Giáo dục và Đào tạo)");
        assert!(when(&lines[2]).contains(" – "), "{}", when(&lines[2]));
    }
}
