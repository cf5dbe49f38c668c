//! Verifying a CMS (PKCS#7) detached signature over given bytes: the digest, the signature,
//! the chain up to a trusted root, every certificate's validity at the signing time, and the
//! signer certificate's key usage. Each failure names the check that failed.

use base64::Engine;
use chrono::{DateTime, Utc};
use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use const_oid::db::{rfc5911, rfc5912};
use der::{Decode, Encode};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, SubjectKeyIdentifier};

use crate::certificates::{self, hash_of_signature_algorithm, signature_is_valid, Certificate, Hash};

/// A signature that passed every check.
#[derive(Debug, Clone)]
pub struct Verified {
    pub signer: Certificate,
    pub fingerprint: String,
    pub subject: String,
    /// The signing time the signer put in the signed attributes, if any.
    pub claimed_signing_time: Option<DateTime<Utc>>,
    /// Subjects from the signer up to the trusted root.
    pub chain: Vec<String>,
}

/// Which check failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    #[error("not a CMS signature: {0}")]
    Malformed(String),
    #[error("the signature must have exactly one signer, it has {0}")]
    SignerCount(usize),
    #[error("unsupported algorithm {0}")]
    UnsupportedAlgorithm(String),
    #[error("the signer's certificate is not in the signature")]
    SignerCertificateMissing,
    #[error("the signed content differs from the content given (digest mismatch)")]
    ContentChanged,
    #[error("the signature value does not match the signer's key")]
    BadSignature,
    #[error("no chain from '{0}' to a trusted root")]
    Untrusted(String),
    #[error("certificate '{subject}' is not valid at {at} (valid {not_before} to {not_after})")]
    OutsideValidity {
        subject: String,
        at: DateTime<Utc>,
        not_before: DateTime<Utc>,
        not_after: DateTime<Utc>,
    },
    #[error("certificate '{0}' may not sign documents (key usage)")]
    KeyUsage(String),
}

impl Failure {
    /// Stable code for API errors and the `hoso verify` report.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::Malformed(_) => "malformed_signature",
            Failure::SignerCount(_) => "signer_count",
            Failure::UnsupportedAlgorithm(_) => "unsupported_algorithm",
            Failure::SignerCertificateMissing => "signer_certificate_missing",
            Failure::ContentChanged => "content_changed",
            Failure::BadSignature => "bad_signature",
            Failure::Untrusted(_) => "untrusted_certificate",
            Failure::OutsideValidity { .. } => "certificate_not_valid",
            Failure::KeyUsage(_) => "key_usage",
        }
    }

    /// The failure for people, in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Failure::Malformed(_) => "Chữ ký không phải là chữ ký CMS/PKCS#7 hợp lệ.".into(),
            Failure::SignerCount(n) => format!("Chữ ký phải có đúng một người ký (có {n})."),
            Failure::UnsupportedAlgorithm(a) => format!("Thuật toán {a} không được hỗ trợ."),
            Failure::SignerCertificateMissing => "Chữ ký không kèm chứng thư số của người ký.".into(),
            Failure::ContentChanged => "Nội dung đã bị thay đổi sau khi ký (giá trị băm không khớp).".into(),
            Failure::BadSignature => "Giá trị chữ ký không khớp với khóa của chứng thư số.".into(),
            Failure::Untrusted(s) => {
                format!("Chứng thư số «{s}» không do tổ chức chứng thực được tin cậy cấp.")
            }
            Failure::OutsideValidity { subject, at, .. } => format!(
                "Chứng thư số «{subject}» không còn hiệu lực (hoặc chưa có hiệu lực) vào thời điểm {}.",
                (*at + chrono::Duration::hours(7)).format("%d/%m/%Y %H:%M")
            ),
            Failure::KeyUsage(s) => format!("Chứng thư số «{s}» không được dùng để ký số văn bản."),
        }
    }
}

/// Reads a CMS signature given as DER, PEM (`PKCS7`/`CMS`) or base64 text.
pub fn decode_cms(input: &[u8]) -> Result<Vec<u8>, Failure> {
    let text = std::str::from_utf8(input).ok().map(str::trim);
    match text {
        Some(t) if t.starts_with("-----BEGIN") => der::pem::decode_vec(t.as_bytes())
            .map(|(_, der)| der)
            .map_err(|e| Failure::Malformed(e.to_string())),
        Some(t) if !t.is_empty() && !input.starts_with(&[0x30]) => {
            let compact: String = t.split_whitespace().collect();
            base64::engine::general_purpose::STANDARD
                .decode(compact)
                .map_err(|e| Failure::Malformed(format!("base64: {e}")))
        }
        _ => Ok(input.to_vec()),
    }
}

/// Verifies `cms` (see [`decode_cms`] for the forms taken) as a signature over `content`,
/// with certificates chaining to one of `roots`, valid at `at`.
pub fn verify_detached(
    content: &[u8],
    cms: &[u8],
    roots: &[Certificate],
    at: DateTime<Utc>,
) -> Result<Verified, Failure> {
    let der_bytes = decode_cms(cms)?;
    let info = ContentInfo::from_der(&der_bytes).map_err(|e| Failure::Malformed(e.to_string()))?;
    if info.content_type != rfc5911::ID_SIGNED_DATA {
        return Err(Failure::Malformed(format!("content type {}", info.content_type)));
    }
    let signed: SignedData = info
        .content
        .decode_as()
        .map_err(|e| Failure::Malformed(e.to_string()))?;
    // Attached content is accepted only when it is exactly the content given.
    if let Some(attached) = &signed.encap_content_info.econtent {
        let bytes = der::asn1::OctetString::from_der(
            &attached.to_der().map_err(|e| Failure::Malformed(e.to_string()))?,
        )
        .map_err(|e| Failure::Malformed(e.to_string()))?;
        if bytes.as_bytes() != content {
            return Err(Failure::ContentChanged);
        }
    }
    let signers: Vec<_> = signed.signer_infos.0.iter().collect();
    let [signer_info] = signers.as_slice() else {
        return Err(Failure::SignerCount(signers.len()));
    };
    let bundled: Vec<Certificate> = signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let signer = bundled
        .iter()
        .find(|cert| identifies(&signer_info.sid, cert))
        .cloned()
        .ok_or(Failure::SignerCertificateMissing)?;

    let digest_hash = Hash::of_oid(&signer_info.digest_alg.oid)
        .ok_or_else(|| Failure::UnsupportedAlgorithm(signer_info.digest_alg.oid.to_string()))?;
    let content_digest = digest_hash.digest(content);
    let mut claimed_signing_time = None;
    let signed_bytes = match &signer_info.signed_attrs {
        None => content.to_vec(),
        Some(attrs) => {
            let mut digest_seen = false;
            for attr in attrs.iter() {
                let value = attr.values.iter().next();
                match attr.oid {
                    rfc5911::ID_MESSAGE_DIGEST => {
                        let given = value
                            .and_then(|v| v.decode_as::<der::asn1::OctetString>().ok())
                            .ok_or_else(|| Failure::Malformed("message digest attribute".into()))?;
                        if given.as_bytes() != content_digest.as_slice() {
                            return Err(Failure::ContentChanged);
                        }
                        digest_seen = true;
                    }
                    rfc5911::ID_CONTENT_TYPE => {
                        let kind = value.and_then(|v| v.decode_as::<const_oid::ObjectIdentifier>().ok());
                        if kind != Some(rfc5911::ID_DATA) {
                            return Err(Failure::Malformed("content type attribute is not id-data".into()));
                        }
                    }
                    rfc5911::ID_SIGNING_TIME => {
                        claimed_signing_time = value
                            .and_then(|v| v.to_der().ok())
                            .and_then(|d| x509_cert::time::Time::from_der(&d).ok())
                            .map(|t| certificates::to_chrono(t.to_unix_duration()));
                    }
                    _ => {}
                }
            }
            if !digest_seen {
                return Err(Failure::Malformed("no message digest attribute".into()));
            }
            attrs.to_der().map_err(|e| Failure::Malformed(e.to_string()))?
        }
    };
    let signature_hash = match signer_info.signature_algorithm.oid {
        rfc5912::RSA_ENCRYPTION => digest_hash,
        ref oid => {
            hash_of_signature_algorithm(oid).ok_or_else(|| Failure::UnsupportedAlgorithm(oid.to_string()))?
        }
    };
    if !signature_is_valid(
        &signer.tbs_certificate.subject_public_key_info,
        signature_hash,
        &signed_bytes,
        signer_info.signature.as_bytes(),
    ) {
        return Err(Failure::BadSignature);
    }
    let chain = check_signing_certificate(&signer, &bundled, roots, at)?;
    Ok(Verified {
        fingerprint: certificates::fingerprint(&signer),
        subject: certificates::subject(&signer),
        signer,
        claimed_signing_time,
        chain,
    })
}

/// Checks that `cert` may sign documents (key usage) and chains to one of `roots` through
/// `pool`, every link valid at `at`. Returns the subjects up the chain.
pub fn check_signing_certificate(
    cert: &Certificate,
    pool: &[Certificate],
    roots: &[Certificate],
    at: DateTime<Utc>,
) -> Result<Vec<String>, Failure> {
    let usage = cert
        .tbs_certificate
        .get::<KeyUsage>()
        .map_err(|e| Failure::Malformed(e.to_string()))?;
    if let Some((_, usage)) = usage {
        if !usage.digital_signature() && !usage.non_repudiation() {
            return Err(Failure::KeyUsage(certificates::subject(cert)));
        }
    }
    chain_to_root(cert, pool, roots, at)
}

/// Checks that `cert` chains to one of `roots` through `pool`, every link valid at `at`.
pub fn chain_to_root(
    cert: &Certificate,
    pool: &[Certificate],
    roots: &[Certificate],
    at: DateTime<Utc>,
) -> Result<Vec<String>, Failure> {
    let mut current = cert.clone();
    let mut chain = Vec::new();
    for _ in 0..8 {
        check_validity(&current, at)?;
        chain.push(certificates::subject(&current));
        if roots.iter().any(|root| root == &current) {
            return Ok(chain);
        }
        let issuer = pool
            .iter()
            .chain(roots.iter())
            .find(|candidate| {
                candidate.tbs_certificate.subject == current.tbs_certificate.issuer
                    && is_ca(candidate)
                    && signed_by(&current, candidate)
            })
            .cloned();
        match issuer {
            Some(next) => current = next,
            None => return Err(Failure::Untrusted(certificates::subject(cert))),
        }
    }
    Err(Failure::Untrusted(certificates::subject(cert)))
}

fn check_validity(cert: &Certificate, at: DateTime<Utc>) -> Result<(), Failure> {
    let (not_before, not_after) = certificates::validity(cert);
    if at < not_before || at > not_after {
        return Err(Failure::OutsideValidity {
            subject: certificates::subject(cert),
            at,
            not_before,
            not_after,
        });
    }
    Ok(())
}

fn is_ca(cert: &Certificate) -> bool {
    matches!(cert.tbs_certificate.get::<BasicConstraints>(), Ok(Some((_, bc))) if bc.ca)
}

fn signed_by(cert: &Certificate, issuer: &Certificate) -> bool {
    let Some(hash) = hash_of_signature_algorithm(&cert.signature_algorithm.oid) else {
        return false;
    };
    let Ok(tbs) = cert.tbs_certificate.to_der() else {
        return false;
    };
    let Some(signature) = cert.signature.as_bytes() else {
        return false;
    };
    signature_is_valid(
        &issuer.tbs_certificate.subject_public_key_info,
        hash,
        &tbs,
        signature,
    )
}

fn identifies(sid: &SignerIdentifier, cert: &Certificate) -> bool {
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(id) => {
            id.issuer == cert.tbs_certificate.issuer && id.serial_number == cert.tbs_certificate.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => {
            matches!(cert.tbs_certificate.get::<SubjectKeyIdentifier>(), Ok(Some((_, own))) if own == *ski)
        }
    }
}
