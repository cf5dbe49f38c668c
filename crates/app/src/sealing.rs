//! Encryption at rest of a dossier's sensitive fields (SEC-2) and the keyed hash that keeps an
//! exact citizen-ID lookup possible without storing the number in clear.
//!
//! XChaCha20-Poly1305 (RustCrypto's `chacha20poly1305`): authenticated, so a tampered value is
//! refused rather than read wrong; a random 192-bit nonce per value needs no counter. Sealed text
//! is `v1.<key id>.<hex nonce>.<hex ciphertext>`: the key id lets keys rotate (new values use the
//! current key; older ones still open with the key they name until re-sealed).

use std::collections::HashMap;

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::secrets::{hex, random_token};

/// The keys of one deployment.
#[derive(Clone)]
pub struct DataKeys {
    current: String,
    keys: HashMap<String, [u8; 32]>,
    lookup: [u8; 32],
}

impl std::fmt::Debug for DataKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print key material.
        f.debug_struct("DataKeys")
            .field("current", &self.current)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SealError {
    #[error("sealed value is malformed")]
    Malformed,
    #[error("no key '{0}' is configured")]
    UnknownKey(String),
    #[error("sealed value failed authentication (wrong key or altered)")]
    Altered,
}

impl DataKeys {
    /// Parses `lookup=<64 hex>;<id>=<64 hex>;…`: the lookup-hash key, then the data keys, the
    /// first being current.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut lookup = None;
        let mut current = None;
        let mut keys = HashMap::new();
        for part in text.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            let (id, hex) = part
                .split_once('=')
                .ok_or_else(|| format!("'{part}' is not id=key"))?;
            let key = parse_key(hex).ok_or_else(|| format!("key '{id}' is not 64 hexadecimal digits"))?;
            if id == "lookup" {
                lookup = Some(key);
            } else {
                if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') || id.is_empty() {
                    return Err(format!("key id '{id}' may hold only letters, digits and '-'"));
                }
                current.get_or_insert_with(|| id.to_owned());
                keys.insert(id.to_owned(), key);
            }
        }
        Ok(DataKeys {
            current: current.ok_or("no data key")?,
            keys,
            lookup: lookup.ok_or("no lookup key")?,
        })
    }

    /// A fresh set: one data key `k1` and a lookup key, in `parse`'s format.
    pub fn generate() -> String {
        format!("lookup={};k1={}", random_token(), random_token())
    }

    /// The ids of every data key (the current one first): what a backup says it needs.
    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .keys
            .keys()
            .filter(|k| **k != self.current)
            .cloned()
            .collect();
        ids.sort();
        ids.insert(0, self.current.clone());
        ids
    }

    pub fn current_id(&self) -> &str {
        &self.current
    }

    /// The current key with its id (documents are sealed with it, `sealed_blobs`).
    pub(crate) fn current_key(&self) -> (&str, &[u8; 32]) {
        (&self.current, &self.keys[&self.current])
    }

    /// The key named `id`, if this deployment holds it.
    pub(crate) fn key(&self, id: &str) -> Option<&[u8; 32]> {
        self.keys.get(id)
    }

    pub fn seal(&self, plaintext: &[u8]) -> String {
        let key = &self.keys[&self.current];
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).expect("the operating system provides randomness");
        let cipher = XChaCha20Poly1305::new(Key::from_slice(key));
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), plaintext)
            .expect("encryption of an in-memory value cannot fail");
        format!("v1.{}.{}.{}", self.current, hex(&nonce), hex(&sealed))
    }

    pub fn open(&self, sealed: &str) -> Result<Vec<u8>, SealError> {
        let mut parts = sealed.split('.');
        let (Some("v1"), Some(id), Some(nonce), Some(body), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Err(SealError::Malformed);
        };
        let key = self
            .keys
            .get(id)
            .ok_or_else(|| SealError::UnknownKey(id.to_owned()))?;
        let nonce = unhex(nonce)
            .filter(|n| n.len() == 24)
            .ok_or(SealError::Malformed)?;
        let body = unhex(body).ok_or(SealError::Malformed)?;
        XChaCha20Poly1305::new(Key::from_slice(key))
            .decrypt(XNonce::from_slice(&nonce), body.as_slice())
            .map_err(|_| SealError::Altered)
    }

    /// Whether a sealed value uses an older key (to be re-sealed on rotation).
    pub fn is_stale(&self, sealed: &str) -> bool {
        sealed.split('.').nth(1) != Some(self.current.as_str())
    }

    /// HMAC-SHA256 of a citizen-ID number under the lookup key: equal numbers, equal hashes;
    /// without the key, no way back to the number.
    pub fn lookup_hash(&self, value: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.lookup).expect("any key length");
        mac.update(value.as_bytes());
        hex(&mac.finalize().into_bytes())
    }
}

fn parse_key(text: &str) -> Option<[u8; 32]> {
    unhex(text.trim())?.try_into().ok()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_unaltered_and_with_their_key() {
        let keys = DataKeys::parse(&DataKeys::generate()).unwrap();
        let sealed = keys.seal(b"033188001234");
        assert!(!sealed.contains("033188001234"));
        assert_eq!(keys.open(&sealed).unwrap(), b"033188001234");
        assert_ne!(keys.seal(b"x"), keys.seal(b"x"), "a fresh nonce each time");

        let mut altered = sealed.clone();
        let last = altered.pop().unwrap();
        altered.push(if last == '0' { '1' } else { '0' });
        assert_eq!(keys.open(&altered), Err(SealError::Altered));
        assert_eq!(keys.open("v1.k1.zz"), Err(SealError::Malformed));

        let other = DataKeys::parse(&DataKeys::generate()).unwrap();
        assert_eq!(other.open(&sealed), Err(SealError::Altered), "same id, other key");
    }

    #[test]
    fn rotation_keeps_old_values_readable() {
        let old = DataKeys::parse(&format!("lookup={};k1={}", "a".repeat(64), "b".repeat(64))).unwrap();
        let sealed = old.seal(b"secret");
        let rotated = DataKeys::parse(&format!(
            "lookup={};k2={};k1={}",
            "a".repeat(64),
            "c".repeat(64),
            "b".repeat(64)
        ))
        .unwrap();
        assert_eq!(rotated.current_id(), "k2");
        assert_eq!(rotated.open(&sealed).unwrap(), b"secret");
        assert!(rotated.is_stale(&sealed));
        assert!(!rotated.is_stale(&rotated.seal(b"secret")));
        assert_eq!(
            old.lookup_hash("033188001234"),
            rotated.lookup_hash("033188001234")
        );
        assert!(DataKeys::parse("k1=00").is_err());
        assert!(
            DataKeys::parse(&format!("k1={}", "b".repeat(64))).is_err(),
            "no lookup key"
        );
    }
}
