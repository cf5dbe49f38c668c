//! X.509 certificates: reading PEM bundles and DER, what people see of them, and checking a
//! signature made with a certificate's key (RSA PKCS#1 v1.5 or ECDSA on P-256/P-384, with
//! SHA-256/384/512: what Vietnamese CAs and tokens issue today).

use chrono::{DateTime, Utc};
use const_oid::db::rfc5912;
use const_oid::ObjectIdentifier;
use der::{Decode, Encode, EncodePem};
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::{DecodePublicKey, SubjectPublicKeyInfoOwned};

pub use x509_cert::Certificate;

/// The digests a signature may be computed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    pub fn of_oid(oid: &ObjectIdentifier) -> Option<Hash> {
        match *oid {
            rfc5912::ID_SHA_256 => Some(Hash::Sha256),
            rfc5912::ID_SHA_384 => Some(Hash::Sha384),
            rfc5912::ID_SHA_512 => Some(Hash::Sha512),
            _ => None,
        }
    }

    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => Sha256::digest(data).to_vec(),
            Hash::Sha384 => Sha384::digest(data).to_vec(),
            Hash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }
}

/// The digest a signature algorithm names itself, if it names one (`sha256WithRSAEncryption`,
/// `ecdsa-with-SHA256`…); plain `rsaEncryption` leaves it to the CMS digest algorithm.
pub fn hash_of_signature_algorithm(oid: &ObjectIdentifier) -> Option<Hash> {
    match *oid {
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION | rfc5912::ECDSA_WITH_SHA_256 => Some(Hash::Sha256),
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION | rfc5912::ECDSA_WITH_SHA_384 => Some(Hash::Sha384),
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION | rfc5912::ECDSA_WITH_SHA_512 => Some(Hash::Sha512),
        _ => None,
    }
}

/// Whether `signature` over `message` was made by the key of `key` with `hash`.
pub fn signature_is_valid(
    key: &SubjectPublicKeyInfoOwned,
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> bool {
    let Ok(key_der) = key.to_der() else { return false };
    let digest = hash.digest(message);
    match key.algorithm.oid {
        rfc5912::RSA_ENCRYPTION => {
            let Ok(public) = rsa::RsaPublicKey::from_public_key_der(&key_der) else {
                return false;
            };
            let padding = match hash {
                Hash::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
                Hash::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
                Hash::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
            };
            public.verify(padding, &digest, signature).is_ok()
        }
        rfc5912::ID_EC_PUBLIC_KEY => {
            use ecdsa::signature::hazmat::PrehashVerifier;
            let curve = key
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
            match curve {
                Some(rfc5912::SECP_256_R_1) => {
                    let (Ok(public), Ok(sig)) = (
                        p256::ecdsa::VerifyingKey::from_public_key_der(&key_der),
                        p256::ecdsa::Signature::from_der(signature),
                    ) else {
                        return false;
                    };
                    public.verify_prehash(&digest, &sig).is_ok()
                }
                Some(rfc5912::SECP_384_R_1) => {
                    let (Ok(public), Ok(sig)) = (
                        p384::ecdsa::VerifyingKey::from_public_key_der(&key_der),
                        p384::ecdsa::Signature::from_der(signature),
                    ) else {
                        return false;
                    };
                    public.verify_prehash(&digest, &sig).is_ok()
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Certificates from a PEM bundle (one or more `CERTIFICATE` blocks) or one DER certificate.
pub fn parse_certificates(bytes: &[u8]) -> Result<Vec<Certificate>, String> {
    let text = std::str::from_utf8(bytes)
        .ok()
        .filter(|t| t.contains("-----BEGIN"));
    match text {
        Some(text) => {
            Certificate::load_pem_chain(text.as_bytes()).map_err(|e| format!("not a PEM certificate: {e}"))
        }
        None => Certificate::from_der(bytes)
            .map(|c| vec![c])
            .map_err(|e| format!("not a DER certificate: {e}")),
    }
}

pub fn to_pem(cert: &Certificate) -> String {
    cert.to_pem(der::pem::LineEnding::LF)
        .expect("a decoded certificate encodes")
}

pub fn to_der(cert: &Certificate) -> Vec<u8> {
    cert.to_der().expect("a decoded certificate encodes")
}

/// SHA-256 of the DER, lower-case hex: how a certificate is named in the database and logs.
pub fn fingerprint(cert: &Certificate) -> String {
    hex(&Sha256::digest(to_der(cert)))
}

pub fn subject(cert: &Certificate) -> String {
    cert.tbs_certificate.subject.to_string()
}

pub fn issuer(cert: &Certificate) -> String {
    cert.tbs_certificate.issuer.to_string()
}

pub fn serial(cert: &Certificate) -> String {
    hex(cert.tbs_certificate.serial_number.as_bytes())
}

/// Not before, not after.
pub fn validity(cert: &Certificate) -> (DateTime<Utc>, DateTime<Utc>) {
    let v = &cert.tbs_certificate.validity;
    (
        to_chrono(v.not_before.to_unix_duration()),
        to_chrono(v.not_after.to_unix_duration()),
    )
}

pub(crate) fn to_chrono(since_epoch: std::time::Duration) -> DateTime<Utc> {
    DateTime::from_timestamp(since_epoch.as_secs() as i64, 0).unwrap_or_default()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
