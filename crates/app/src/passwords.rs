//! Passwords hashed with Argon2id (the crate's defaults: 19 MiB, 2 passes), and temporary
//! passwords for new accounts and resets (ACC-5).

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

pub fn hash(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("Argon2 hashes any password")
        .to_string()
}

pub fn verify(password: &str, stored_hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), stored_hash)
        .is_ok()
}

/// Verifies against a hash of nothing, so that an unknown username costs the same time as a
/// wrong password and usernames cannot be discovered by timing.
pub fn verify_against_nothing(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("no account has this password 0"));
    let _ = verify(password, dummy);
}

/// Letters and digits that cannot be confused when read aloud or copied by hand.
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A 14-character temporary password with letters and digits, meeting the password policy.
pub fn temporary() -> String {
    loop {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        // Rejection sampling keeps every character equally likely.
        let limit = 256 - (256 % ALPHABET.len());
        let password: String = bytes
            .iter()
            .filter(|b| usize::from(**b) < limit)
            .take(14)
            .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
            .collect();
        let has_digit = password.chars().any(|c| c.is_ascii_digit());
        let has_letter = password.chars().any(|c| c.is_ascii_alphabetic());
        if password.len() == 14 && has_digit && has_letter {
            return password;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_only_their_password() {
        let stored = hash("Mật khẩu 2026");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("Mật khẩu 2026", &stored));
        assert!(!verify("mật khẩu 2026", &stored));
        assert!(!verify("x", "not a hash"));
    }

    #[test]
    fn temporary_passwords_meet_the_policy() {
        for _ in 0..20 {
            let password = temporary();
            assert!(
                hoso_domain::password::check_new_password("p", &password, "someone").is_ok(),
                "{password}"
            );
        }
    }
}
