//! The built-in certification authority and signer (CTX-5) for deployments without USB tokens,
//! for the demo and for tests: a root on P-256 issues each approver a signing certificate; the
//! server keeps the keys (sealed by the caller) and signs after the approver re-confirms.

use chrono::{DateTime, Duration, Utc};
use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use const_oid::db::{rfc4519, rfc5911, rfc5912};
use der::asn1::{SetOfVec, Utf8StringRef};
use der::{Any, Encode};
use p256::ecdsa::{DerSignature, SigningKey};
use sha2::{Digest, Sha256};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::{Attribute, AttributeTypeAndValue};
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use crate::certificates::Certificate;

/// A P-256 signing key, kept as its 32-byte scalar.
pub struct Key(SigningKey);

impl Key {
    pub fn generate() -> Key {
        loop {
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes).expect("the operating system's random source");
            if let Ok(key) = SigningKey::from_slice(&bytes) {
                return Key(key);
            }
        }
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Key, String> {
        SigningKey::from_slice(bytes)
            .map(Key)
            .map_err(|_| "not a P-256 private key".into())
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes().to_vec()
    }

    /// A key from a PEM text holding a P-256 private key, as PKCS#8 (`PRIVATE KEY`) or SEC1
    /// (`EC PRIVATE KEY`); other blocks (the certificates beside it) are skipped.
    pub fn from_pem(text: &str) -> Result<Key, String> {
        use p256::pkcs8::DecodePrivateKey;
        for block in pem_blocks(text) {
            let (label, der) = der::pem::decode_vec(block.as_bytes()).map_err(|e| format!("PEM: {e}"))?;
            match label {
                "PRIVATE KEY" => {
                    return SigningKey::from_pkcs8_der(&der)
                        .map(Key)
                        .map_err(|_| "the PRIVATE KEY is not a P-256 (prime256v1) key".into())
                }
                "EC PRIVATE KEY" => {
                    return p256::SecretKey::from_sec1_der(&der)
                        .map(|k| Key(SigningKey::from(k)))
                        .map_err(|_| "the EC PRIVATE KEY is not a P-256 (prime256v1) key".into())
                }
                "RSA PRIVATE KEY" | "ENCRYPTED PRIVATE KEY" => {
                    return Err(format!(
                        "a {label} is not supported: hoso signs with P-256 keys, unencrypted (openssl pkcs8 -nocrypt)"
                    ))
                }
                _ => {}
            }
        }
        Err("no PRIVATE KEY block".into())
    }

    /// The key as an unencrypted PKCS#8 PEM block.
    pub fn to_pkcs8_pem(&self) -> String {
        use p256::pkcs8::EncodePrivateKey;
        self.0
            .to_pkcs8_pem(der::pem::LineEnding::LF)
            .expect("a P-256 key encodes")
            .to_string()
    }

    /// Whether a certificate is this key's (its public key is the key's).
    pub fn matches(&self, certificate: &Certificate) -> bool {
        certificate.tbs_certificate.subject_public_key_info == self.public_key_info()
    }

    fn public_key_info(&self) -> SubjectPublicKeyInfoOwned {
        SubjectPublicKeyInfoOwned::from_key(*self.0.verifying_key()).expect("a P-256 key encodes")
    }
}

/// The `-----BEGIN …-----` … `-----END …-----` blocks of a PEM text.
pub fn pem_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-----BEGIN ") {
            current = Some(String::new());
        }
        if let Some(block) = current.as_mut() {
            block.push_str(line);
            block.push('\n');
        }
        if line.starts_with("-----END ") {
            blocks.extend(current.take());
        }
    }
    blocks
}

/// Who a certificate is issued to.
pub struct Subject<'a> {
    pub common_name: &'a str,
    /// The account's username (the `UID` attribute), how the certificate names its account.
    pub uid: Option<&'a str>,
    pub organisation: &'a str,
}

impl Subject<'_> {
    fn name(&self) -> Name {
        let mut rdns = Vec::new();
        let mut push = |oid, value: &str| {
            let atv = AttributeTypeAndValue {
                oid,
                value: Any::from(Utf8StringRef::new(value).expect("UTF-8 text")),
            };
            rdns.push(RelativeDistinguishedName::from(
                SetOfVec::try_from(vec![atv]).expect("one attribute"),
            ));
        };
        push(rfc4519::C, "VN");
        push(rfc4519::O, self.organisation);
        if let Some(uid) = self.uid {
            push(rfc4519::UID, uid);
        }
        push(rfc4519::CN, self.common_name);
        RdnSequence(rdns)
    }
}

pub struct Authority {
    pub certificate: Certificate,
    key: Key,
}

impl Authority {
    /// A new root, valid 20 years from a day before `now`.
    pub fn create(subject: &Subject<'_>, now: DateTime<Utc>) -> Authority {
        let key = Key::generate();
        let builder = CertificateBuilder::new(
            Profile::Root,
            random_serial(),
            validity(now, 20),
            subject.name(),
            key.public_key_info(),
            &key.0,
        )
        .expect("a root certificate's fields");
        let certificate = builder.build::<DerSignature>().expect("signing a certificate");
        Authority { certificate, key }
    }

    pub fn from_parts(certificate: Certificate, key: &[u8]) -> Result<Authority, String> {
        let key = Key::from_bytes(key)?;
        if certificate.tbs_certificate.subject_public_key_info != key.public_key_info() {
            return Err("the CA key does not match its certificate".into());
        }
        Ok(Authority { certificate, key })
    }

    pub fn key_bytes(&self) -> Vec<u8> {
        self.key.to_bytes()
    }

    /// A signing certificate (digital signature and non-repudiation) for `key`, valid `years`.
    pub fn issue(&self, subject: &Subject<'_>, key: &Key, now: DateTime<Utc>, years: i64) -> Certificate {
        let profile = Profile::Leaf {
            issuer: self.certificate.tbs_certificate.subject.clone(),
            enable_key_agreement: false,
            enable_key_encipherment: false,
        };
        let builder = CertificateBuilder::new(
            profile,
            random_serial(),
            validity(now, years),
            subject.name(),
            key.public_key_info(),
            &self.key.0,
        )
        .expect("a signing certificate's fields");
        builder.build::<DerSignature>().expect("signing a certificate")
    }
}

/// A CMS detached signature over `content` by `key` holding `certificate`, carrying `chain`
/// (the certificate first) and the signing time `at`; DER.
pub fn sign_detached(content: &[u8], key: &Key, chain: &[Certificate], at: DateTime<Utc>) -> Vec<u8> {
    let certificate = &chain[0];
    let digest = Sha256::digest(content);
    let encapsulated = EncapsulatedContentInfo {
        econtent_type: rfc5911::ID_DATA,
        econtent: None,
    };
    let sha256 = AlgorithmIdentifierOwned {
        oid: rfc5912::ID_SHA_256,
        parameters: None,
    };
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: certificate.tbs_certificate.issuer.clone(),
        serial_number: certificate.tbs_certificate.serial_number.clone(),
    });
    let mut signer_info = SignerInfoBuilder::new(&key.0, sid, sha256.clone(), &encapsulated, Some(&digest))
        .expect("signer info");
    signer_info
        .add_signed_attribute(signing_time(at))
        .expect("signing time attribute");
    let mut builder = SignedDataBuilder::new(&encapsulated);
    builder.add_digest_algorithm(sha256).expect("digest algorithm");
    for cert in chain {
        builder
            .add_certificate(CertificateChoices::Certificate(cert.clone()))
            .expect("certificate");
    }
    builder
        .add_signer_info::<SigningKey, DerSignature>(signer_info)
        .expect("signing");
    builder
        .build()
        .expect("signed data")
        .to_der()
        .expect("signed data encodes")
}

fn signing_time(at: DateTime<Utc>) -> Attribute {
    let time = to_time(at);
    Attribute {
        oid: rfc5911::ID_SIGNING_TIME,
        values: SetOfVec::try_from(vec![Any::encode_from(&time).expect("a time encodes")])
            .expect("one value"),
    }
}

/// RFC 5280: UTCTime through 2049, GeneralizedTime from 2050.
fn to_time(at: DateTime<Utc>) -> Time {
    let since = std::time::Duration::from_secs(at.timestamp().max(0) as u64);
    match der::asn1::UtcTime::from_unix_duration(since) {
        Ok(utc) => Time::UtcTime(utc),
        Err(_) => Time::GeneralTime(
            der::asn1::GeneralizedTime::from_unix_duration(since).expect("a representable time"),
        ),
    }
}

fn validity(now: DateTime<Utc>, years: i64) -> Validity {
    Validity {
        not_before: to_time(now - Duration::days(1)),
        not_after: to_time(now + Duration::days(365 * years)),
    }
}

fn random_serial() -> SerialNumber {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes[0] = (bytes[0] & 0x7f) | 0x01;
    SerialNumber::new(&bytes).expect("a 16-byte serial")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::{verify_detached, Failure};

    fn subject(cn: &str) -> Subject<'_> {
        Subject {
            common_name: cn,
            uid: Some("giamdoc"),
            organisation: "Tỉnh Thử Nghiệm",
        }
    }

    #[test]
    fn a_key_read_from_pem_beside_its_certificate_is_the_same_key_and_others_are_refused() {
        let now = Utc::now();
        let ca = Authority::create(&subject("CA Bộ Nội vụ"), now);
        let key = Key::generate();
        let cert = ca.issue(&subject("Kết nối CSDL quốc gia"), &key, now, 3);
        let file = format!("{}{}", crate::certificates::to_pem(&cert), key.to_pkcs8_pem());
        let read = Key::from_pem(&file).unwrap();
        assert_eq!(read.to_bytes(), key.to_bytes());
        assert!(read.matches(&cert));
        assert!(!Key::generate().matches(&cert));
        let refusal = |text: &str| Key::from_pem(text).err().unwrap_or_default();
        assert!(refusal(&crate::certificates::to_pem(&cert)).contains("no PRIVATE KEY"));
        let rsa = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        assert!(refusal(rsa).contains("not supported"));
    }

    #[test]
    fn a_signature_by_an_issued_certificate_verifies_and_any_change_fails() {
        let now = Utc::now();
        let ca = Authority::create(&subject("CA nội bộ"), now);
        let key = Key::generate();
        let cert = ca.issue(&subject("Nguyễn Văn Giám Đốc"), &key, now, 3);
        let content = br#"{"content_sha256":"00","step":"head"}"#;
        let cms = sign_detached(content, &key, &[cert.clone(), ca.certificate.clone()], now);
        let roots = [ca.certificate.clone()];
        let verified = verify_detached(content, &cms, &roots, now).expect("valid");
        assert_eq!(verified.fingerprint, crate::certificates::fingerprint(&cert));
        assert!(
            verified.subject.contains("Nguyễn Văn Giám Đốc"),
            "{}",
            verified.subject
        );
        assert_eq!(verified.chain.len(), 2);

        let mut changed = content.to_vec();
        changed[5] ^= 1;
        assert_eq!(
            verify_detached(&changed, &cms, &roots, now).unwrap_err(),
            Failure::ContentChanged
        );

        let other = Authority::create(&subject("CA khác"), now);
        assert_eq!(
            verify_detached(content, &cms, &[other.certificate], now)
                .unwrap_err()
                .code(),
            "untrusted_certificate"
        );
        let later = now + Duration::days(365 * 4);
        assert_eq!(
            verify_detached(content, &cms, &roots, later).unwrap_err().code(),
            "certificate_not_valid"
        );
        // Flip one byte of the signature value (the DER's last bytes).
        let mut tampered = cms.clone();
        let last = tampered.len() - 3;
        tampered[last] ^= 0x40;
        assert!(verify_detached(content, &tampered, &roots, now).is_err());
    }

    #[test]
    fn the_authority_reloads_from_its_parts_and_refuses_a_foreign_key() {
        let ca = Authority::create(&subject("CA"), Utc::now());
        let again = Authority::from_parts(ca.certificate.clone(), &ca.key_bytes()).unwrap();
        assert_eq!(again.certificate, ca.certificate);
        assert!(Authority::from_parts(ca.certificate.clone(), &Key::generate().to_bytes()).is_err());
    }
}
