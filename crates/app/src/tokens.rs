//! Access tokens: HS256 JWTs, validated explicitly (algorithm, expiry, not-before, issuer,
//! audience). They carry the account's `auth_version`, which every request compares with the
//! database, so a revoked, locked or restricted account loses access at once.

use std::time::Duration;

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

pub const ISSUER: &str = "hoso";
pub const AUDIENCE: &str = "hoso-api";

/// Who a token speaks for.
pub const SUBJECT_ACCOUNT: &str = "account";
pub const SUBJECT_CLIENT: &str = "client";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Account id, or API client id.
    pub sub: String,
    /// `account` or `client`.
    pub typ: String,
    /// The subject's `auth_version` when the token was issued.
    pub ver: i32,
    /// API clients: the granted scopes, space-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Accounts: the sign-in the token belongs to (its refresh-token family). The token stops
    /// working when that sign-in ends (sign-out, a reused refresh token), not only at `exp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub jti: String,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl JwtKeys {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.leeway = 30;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    pub fn issue(
        &self,
        subject: &str,
        typ: &str,
        version: i32,
        scope: Option<String>,
        sign_in: Option<&str>,
        ttl: Duration,
    ) -> String {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: subject.to_owned(),
            typ: typ.to_owned(),
            ver: version,
            scope,
            sid: sign_in.map(str::to_owned),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now,
            nbf: now,
            exp: now + ttl.as_secs() as i64,
            jti: uuid::Uuid::new_v4().to_string(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).expect("HS256 signs any claims")
    }

    /// The claims of a valid token; `None` for anything else (bad signature, other algorithm,
    /// `alg: none`, expired, not yet valid, other issuer or audience, malformed).
    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}

/// How sessions are issued and checked.
pub struct AuthConfig {
    pub jwt: JwtKeys,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    /// Hold back the answer to a failed sign-in (doubling with each failure, see
    /// `hoso_domain::password::delay_after`). Off only in tests.
    pub slow_down_failures: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> JwtKeys {
        JwtKeys::new(b"0123456789abcdef0123456789abcdef")
    }

    #[test]
    fn issued_tokens_verify() {
        let token = keys().issue(
            "acc-1",
            SUBJECT_ACCOUNT,
            3,
            None,
            Some("sign-in-1"),
            Duration::from_secs(60),
        );
        let claims = keys().verify(&token).unwrap();
        assert_eq!(
            (claims.sub.as_str(), claims.ver, claims.typ.as_str()),
            ("acc-1", 3, SUBJECT_ACCOUNT)
        );
    }

    #[test]
    fn tokens_signed_with_another_key_or_tampered_with_are_refused() {
        let token = JwtKeys::new(b"another secret, just as long......").issue(
            "a",
            SUBJECT_ACCOUNT,
            1,
            None,
            None,
            Duration::from_secs(60),
        );
        assert_eq!(keys().verify(&token), None);
        let token = keys().issue("a", SUBJECT_ACCOUNT, 1, None, None, Duration::from_secs(60));
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        parts[1] = parts[1].replace('a', "b");
        assert_eq!(keys().verify(&parts.join(".")), None);
    }

    #[test]
    fn unsigned_tokens_are_refused() {
        // {"alg":"none","typ":"JWT"} . claims . (no signature)
        let token = keys().issue("a", SUBJECT_ACCOUNT, 1, None, None, Duration::from_secs(60));
        let payload = token.split('.').nth(1).unwrap();
        let unsigned = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.");
        assert_eq!(keys().verify(&unsigned), None);
    }

    #[test]
    fn expired_tokens_are_refused() {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: "a".into(),
            typ: SUBJECT_ACCOUNT.into(),
            ver: 1,
            scope: None,
            sid: None,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now - 3600,
            nbf: now - 3600,
            exp: now - 120,
            jti: "j".into(),
        };
        let token = encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(b"0123456789abcdef0123456789abcdef"),
        )
        .unwrap();
        assert_eq!(keys().verify(&token), None);
    }
}
