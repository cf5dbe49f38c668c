//! Password rules (ACC-5, SEC-4): what a new password must be, and how sign-in failures slow
//! down and then stop further attempts for a while — from the address they came from, never
//! the account's holder elsewhere (issue #19, defect 3).

use std::time::Duration;

use crate::validation::{FieldError, FieldErrors};

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 128;
/// Failures for one account from one address after which that address may not try the
/// account again for [`LOCK_DURATION`].
pub const FAILURES_BEFORE_LOCK: u32 = 5;
/// Failures from one address, whatever the usernames (a guess of many agency usernames), after
/// which that address may not sign in at all for [`LOCK_DURATION`].
pub const FAILURES_BEFORE_ADDRESS_LOCK: u32 = 20;
pub const LOCK_DURATION: Duration = Duration::from_secs(15 * 60);
/// A counter without a failure for this long starts over.
pub const QUIET_RESET: Duration = Duration::from_secs(60 * 60);

/// Failed sign-ins counted under one key (an account from an address, or an address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureCount {
    pub failures: u32,
    pub first_failure_at: chrono::NaiveDateTime,
    pub last_failure_at: chrono::NaiveDateTime,
    pub locked_until: Option<chrono::NaiveDateTime>,
}

impl FailureCount {
    /// The count after one more failure at `now`, locking at `lock_after` failures. A quiet
    /// hour starts it over; after a lock ends, the next failure locks again at once.
    pub fn after_failure(
        previous: Option<&FailureCount>,
        now: chrono::NaiveDateTime,
        lock_after: u32,
    ) -> Self {
        let quiet = chrono::Duration::from_std(QUIET_RESET).expect("an hour fits");
        let carried = previous.filter(|p| p.last_failure_at + quiet > now || p.is_locked(now));
        let failures = carried.map_or(0, |p| p.failures).saturating_add(1);
        let locked_until = if failures >= lock_after {
            Some(now + chrono::Duration::from_std(LOCK_DURATION).expect("minutes fit"))
        } else {
            carried.and_then(|p| p.locked_until.filter(|until| *until > now))
        };
        FailureCount {
            failures,
            first_failure_at: carried.map_or(now, |p| p.first_failure_at),
            last_failure_at: now,
            locked_until,
        }
    }

    pub fn is_locked(&self, now: chrono::NaiveDateTime) -> bool {
        self.locked_until.is_some_and(|until| until > now)
    }
}

/// Checks a new password against the policy; `field` names it in the errors.
pub fn check_new_password(field: &str, password: &str, username: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let length = password.chars().count();
    if length < MIN_LENGTH {
        errors.push(FieldError::new(
            field,
            "too_short",
            format!("Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự."),
        ));
    }
    if length > MAX_LENGTH {
        errors.push(FieldError::new(
            field,
            "too_long",
            format!("Mật khẩu không được dài quá {MAX_LENGTH} ký tự."),
        ));
    }
    let has_letter = password.chars().any(char::is_alphabetic);
    let has_digit = password.chars().any(|c| c.is_ascii_digit());
    if !(has_letter && has_digit) {
        errors.push(FieldError::new(
            field,
            "too_simple",
            "Mật khẩu phải có cả chữ và số.",
        ));
    }
    if !username.is_empty() && password.to_lowercase().contains(&username.to_lowercase()) {
        errors.push(FieldError::new(
            field,
            "contains_username",
            "Mật khẩu không được chứa tên đăng nhập.",
        ));
    }
    errors.into_result()
}

/// How long the answer to the `failures`-th failed sign-in (of an account from an address) is
/// held back: doubling from 250 ms, at most 4 s.
pub fn delay_after(failures: u32) -> Duration {
    let exponent = failures.saturating_sub(1).min(4);
    Duration::from_millis(250 << exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(result: Result<(), FieldErrors>) -> Vec<String> {
        result
            .err()
            .map(|e| e.into_vec().into_iter().map(|e| e.code).collect())
            .unwrap_or_default()
    }

    #[test]
    fn failures_lock_at_the_limit_start_over_after_a_quiet_hour_and_relock_after_a_lock() {
        let at = |minutes: i64| {
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
                .unwrap()
                .and_hms_opt(8, 0, 0)
                .unwrap()
                + chrono::Duration::minutes(minutes)
        };
        let mut count = FailureCount::after_failure(None, at(0), FAILURES_BEFORE_LOCK);
        for minute in 1..4 {
            count = FailureCount::after_failure(Some(&count), at(minute), FAILURES_BEFORE_LOCK);
            assert!(!count.is_locked(at(minute)));
        }
        count = FailureCount::after_failure(Some(&count), at(4), FAILURES_BEFORE_LOCK);
        assert_eq!(count.failures, 5);
        assert_eq!(count.locked_until, Some(at(19)));
        assert!(count.is_locked(at(18)) && !count.is_locked(at(19)));
        // The lock over, one more failure locks again.
        let again = FailureCount::after_failure(Some(&count), at(20), FAILURES_BEFORE_LOCK);
        assert_eq!((again.failures, again.locked_until), (6, Some(at(35))));
        // An hour without failures (and no lock): the count starts over.
        let fresh = FailureCount::after_failure(Some(&again), at(100), FAILURES_BEFORE_LOCK);
        assert_eq!(
            (fresh.failures, fresh.first_failure_at, fresh.locked_until),
            (1, at(100), None)
        );
    }

    #[test]
    fn a_good_password_passes() {
        assert_eq!(
            codes(check_new_password("password", "Hồ sơ điện tử 2026", "nguyenvana")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn weak_passwords_are_refused_with_every_reason() {
        assert_eq!(
            codes(check_new_password("password", "abc", "x")),
            ["too_short", "too_simple"]
        );
        assert_eq!(
            codes(check_new_password("password", "nguyenvana2026", "NguyenVanA")),
            ["contains_username"]
        );
        assert_eq!(
            codes(check_new_password("password", &"a1".repeat(65), "x")),
            ["too_long"]
        );
    }

    #[test]
    fn failures_slow_down() {
        assert_eq!(delay_after(1), Duration::from_millis(250));
        assert_eq!(delay_after(2), Duration::from_millis(500));
        assert_eq!(delay_after(50), Duration::from_secs(4));
    }
}
