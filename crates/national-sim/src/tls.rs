//! HTTPS with mutual TLS, as a platform that only lets in systems holding a client certificate
//! it issued (docs/integration.md, "Mutual TLS"): a CA of the simulator's own issues the
//! server's certificate (for 127.0.0.1 and localhost) and one client certificate; the server
//! refuses a handshake without a client certificate that CA issued.

use std::path::Path;

use openssl::asn1::Asn1Time;
use openssl::bn::{BigNum, MsbOption};
use openssl::ec::{EcGroup, EcKey};
use openssl::error::ErrorStack;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::{PKey, Private};
use openssl::ssl::{SslAcceptor, SslAcceptorBuilder, SslMethod, SslVerifyMode};
use openssl::x509::extension::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, SubjectAlternativeName,
    SubjectKeyIdentifier,
};
use openssl::x509::{X509NameBuilder, X509};

/// The simulator's TLS material, all PEM.
#[derive(Debug, Clone)]
pub struct Tls {
    /// The CA that issued both certificates: what a client trusts for the server.
    pub ca_pem: String,
    pub server_pem: String,
    pub server_key_pem: String,
    /// The client certificate followed by its PKCS#8 private key (`HOSO_NATIONAL_CLIENT_CERT`).
    pub client_pem: String,
    /// Whether a handshake without a client certificate of the CA is refused.
    pub require_client_certificate: bool,
}

const FILES: [&str; 4] = ["ca.pem", "server.pem", "server-key.pem", "client.pem"];

impl Tls {
    /// New material: a CA, a server certificate and a client certificate, valid for a year.
    pub fn generate() -> Tls {
        build().expect("OpenSSL makes keys and certificates")
    }

    /// The material in `dir` (`ca.pem`, `server.pem`, `server-key.pem`, `client.pem`), made and
    /// written there first when absent.
    pub fn in_dir(dir: &Path) -> std::io::Result<Tls> {
        if FILES.iter().all(|f| dir.join(f).exists()) {
            let read = |f: &str| std::fs::read_to_string(dir.join(f));
            return Ok(Tls {
                ca_pem: read(FILES[0])?,
                server_pem: read(FILES[1])?,
                server_key_pem: read(FILES[2])?,
                client_pem: read(FILES[3])?,
                require_client_certificate: true,
            });
        }
        std::fs::create_dir_all(dir)?;
        let tls = Tls::generate();
        for (file, text) in
            FILES
                .iter()
                .zip([&tls.ca_pem, &tls.server_pem, &tls.server_key_pem, &tls.client_pem])
        {
            std::fs::write(dir.join(file), text)?;
        }
        Ok(tls)
    }

    pub(crate) fn acceptor(&self) -> std::io::Result<SslAcceptorBuilder> {
        let io = |e: ErrorStack| std::io::Error::other(e.to_string());
        let mut builder = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls()).map_err(io)?;
        let certificate = X509::from_pem(self.server_pem.as_bytes()).map_err(io)?;
        builder.set_certificate(&certificate).map_err(io)?;
        let key = PKey::private_key_from_pem(self.server_key_pem.as_bytes()).map_err(io)?;
        builder.set_private_key(&key).map_err(io)?;
        let ca = X509::from_pem(self.ca_pem.as_bytes()).map_err(io)?;
        builder.cert_store_mut().add_cert(ca).map_err(io)?;
        if self.require_client_certificate {
            builder.set_verify(SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT);
        }
        Ok(builder)
    }
}

fn key() -> Result<PKey<Private>, ErrorStack> {
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1)?;
    PKey::from_ec_key(EcKey::generate(&group)?)
}

fn pem(cert: &X509) -> Result<String, ErrorStack> {
    Ok(String::from_utf8_lossy(&cert.to_pem()?).into_owned())
}

fn key_pem(key: &PKey<Private>) -> Result<String, ErrorStack> {
    Ok(String::from_utf8_lossy(&key.private_key_to_pem_pkcs8()?).into_owned())
}

/// A certificate for `name` with `key`, signed by `issuer` (itself when `None`).
fn certificate(
    name: &str,
    key: &PKey<Private>,
    issuer: Option<(&X509, &PKey<Private>)>,
    role: Role,
) -> Result<X509, ErrorStack> {
    let mut subject = X509NameBuilder::new()?;
    subject.append_entry_by_nid(Nid::COUNTRYNAME, "VN")?;
    subject.append_entry_by_nid(Nid::ORGANIZATIONNAME, "hoso-national-sim")?;
    subject.append_entry_by_nid(Nid::COMMONNAME, name)?;
    let subject = subject.build();
    let mut builder = X509::builder()?;
    builder.set_version(2)?;
    let mut serial = BigNum::new()?;
    serial.rand(120, MsbOption::MAYBE_ZERO, false)?;
    let serial = serial.to_asn1_integer()?;
    builder.set_serial_number(&serial)?;
    builder.set_subject_name(&subject)?;
    builder.set_issuer_name(issuer.map_or(&subject, |(cert, _)| cert.subject_name()))?;
    builder.set_pubkey(key)?;
    let (not_before, not_after) = (Asn1Time::days_from_now(0)?, Asn1Time::days_from_now(365)?);
    builder.set_not_before(&not_before)?;
    builder.set_not_after(&not_after)?;
    let context = builder.x509v3_context(issuer.map(|(cert, _)| &**cert), None);
    let subject_key = SubjectKeyIdentifier::new().build(&context)?;
    let authority_key = issuer
        .map(|_| AuthorityKeyIdentifier::new().keyid(true).build(&context))
        .transpose()?;
    let alt_names = match role {
        Role::Server => Some(
            SubjectAlternativeName::new()
                .ip("127.0.0.1")
                .dns("localhost")
                .build(&context)?,
        ),
        _ => None,
    };
    builder.append_extension(subject_key)?;
    if let Some(authority_key) = authority_key {
        builder.append_extension(authority_key)?;
    }
    if let Some(alt_names) = alt_names {
        builder.append_extension(alt_names)?;
    }
    match role {
        Role::Authority => {
            builder.append_extension(BasicConstraints::new().critical().ca().build()?)?;
            builder.append_extension(KeyUsage::new().critical().key_cert_sign().crl_sign().build()?)?;
        }
        Role::Server | Role::Client => {
            builder.append_extension(BasicConstraints::new().critical().build()?)?;
            builder.append_extension(KeyUsage::new().critical().digital_signature().build()?)?;
            let mut usage = ExtendedKeyUsage::new();
            if role == Role::Server {
                usage.server_auth();
            } else {
                usage.client_auth();
            }
            builder.append_extension(usage.build()?)?;
        }
    }
    builder.sign(issuer.map_or(key, |(_, k)| k), MessageDigest::sha256())?;
    Ok(builder.build())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Authority,
    Server,
    Client,
}

fn build() -> Result<Tls, ErrorStack> {
    let ca_key = key()?;
    let ca = certificate("hoso-national-sim CA", &ca_key, None, Role::Authority)?;
    let server_key = key()?;
    let server = certificate("127.0.0.1", &server_key, Some((&ca, &ca_key)), Role::Server)?;
    let client_key = key()?;
    let client = certificate("hoso", &client_key, Some((&ca, &ca_key)), Role::Client)?;
    Ok(Tls {
        ca_pem: pem(&ca)?,
        server_pem: pem(&server)?,
        server_key_pem: key_pem(&server_key)?,
        client_pem: format!("{}{}", pem(&client)?, key_pem(&client_key)?),
        require_client_certificate: true,
    })
}
