//! Password rules (ACC-5, SEC-4): what a new password must be, and how sign-in failures slow
//! down and then lock an account for a while.

use std::time::Duration;

use crate::validation::{FieldError, FieldErrors};

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 128;
/// Consecutive failures after which the account is locked for [`LOCK_DURATION`].
pub const FAILURES_BEFORE_LOCK: u32 = 5;
pub const LOCK_DURATION: Duration = Duration::from_secs(15 * 60);

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

/// What happens after the `failures`-th consecutive failed sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailurePenalty {
    /// How long the answer is held back: doubling from 250 ms, at most 4 s.
    pub delay: Duration,
    /// Set when the account must now be locked for a while.
    pub lock_for: Option<Duration>,
}

pub fn penalty_after(failures: u32) -> FailurePenalty {
    let exponent = failures.saturating_sub(1).min(4);
    FailurePenalty {
        delay: Duration::from_millis(250 << exponent),
        lock_for: (failures >= FAILURES_BEFORE_LOCK).then_some(LOCK_DURATION),
    }
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
    fn failures_slow_down_then_lock() {
        assert_eq!(
            penalty_after(1),
            FailurePenalty {
                delay: Duration::from_millis(250),
                lock_for: None
            }
        );
        assert_eq!(penalty_after(2).delay, Duration::from_millis(500));
        assert_eq!(penalty_after(4).lock_for, None);
        assert_eq!(penalty_after(5).lock_for, Some(LOCK_DURATION));
        assert_eq!(penalty_after(50).delay, Duration::from_secs(4));
    }
}
