//! CTX-5: signatures made by a standard tool verify, and ours verify in that tool. OpenSSL's
//! `cms` command stands in for a USB-token plugin or a remote signing service: a test CA, a
//! signer certificate issued by it, a detached CMS signature over the approval statement.

use std::path::Path;
use std::process::Command;

use chrono::{Duration, Utc};
use hoso_domain::approval::{ApprovalStatement, Step};
use hoso_signatures::certificates::parse_certificates;
use hoso_signatures::verify_detached;

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the openssl command (Debian's openssl package)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA and a signer certificate issued by it, with `key_args` choosing the key type.
fn test_pki(dir: &Path, key_args: &[&str]) {
    std::fs::write(
        dir.join("ext.cnf"),
        "[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n\
         [signer]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n\
         [tls]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,keyEncipherment\n",
    )
    .unwrap();
    let genkey = |name: &str| {
        let mut args = vec!["genpkey", "-out", name];
        args.extend_from_slice(key_args);
        openssl(dir, &args);
    };
    genkey("ca.key");
    genkey("signer.key");
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-new",
            "-key",
            "ca.key",
            "-subj",
            "/C=VN/O=Test/CN=Test Root CA",
            "-days",
            "3650",
            "-out",
            "ca.pem",
            "-extensions",
            "ca",
            "-config",
            "ext.cnf",
            "-utf8",
        ],
    );
    for (name, ext) in [("signer", "signer"), ("tls", "tls")] {
        openssl(
            dir,
            &[
                "req",
                "-new",
                "-key",
                "signer.key",
                "-subj",
                &format!("/C=VN/O=Test/CN={name}"),
                "-out",
                "req.csr",
            ],
        );
        openssl(
            dir,
            &[
                "x509",
                "-req",
                "-in",
                "req.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "1825",
                "-out",
                &format!("{name}.pem"),
                "-extfile",
                "ext.cnf",
                "-extensions",
                ext,
            ],
        );
    }
}

fn sign_with_openssl(dir: &Path, signer: &str) -> Vec<u8> {
    let statement = ApprovalStatement::new("HS000042", 3, Step::Head, &"ab".repeat(32));
    std::fs::write(dir.join("statement.json"), statement.to_bytes()).unwrap();
    openssl(
        dir,
        &[
            "cms",
            "-sign",
            "-binary",
            "-in",
            "statement.json",
            "-signer",
            &format!("{signer}.pem"),
            "-inkey",
            "signer.key",
            "-certfile",
            "ca.pem",
            "-outform",
            "DER",
            "-out",
            "signature.p7s",
            "-md",
            "sha256",
        ],
    );
    std::fs::read(dir.join("signature.p7s")).unwrap()
}

fn check_interop(key_args: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    test_pki(dir.path(), key_args);
    let cms = sign_with_openssl(dir.path(), "signer");
    let statement = std::fs::read(dir.path().join("statement.json")).unwrap();
    let roots = parse_certificates(&std::fs::read(dir.path().join("ca.pem")).unwrap()).unwrap();
    let now = Utc::now();

    let verified = verify_detached(&statement, &cms, &roots, now).expect("openssl's signature verifies");
    assert!(verified.subject.contains("CN=signer"), "{}", verified.subject);

    // One byte changed anywhere in the signed text fails, whichever byte it is.
    for index in [0, statement.len() / 2, statement.len() - 1] {
        let mut changed = statement.clone();
        changed[index] ^= 0x01;
        assert_eq!(
            verify_detached(&changed, &cms, &roots, now).unwrap_err().code(),
            "content_changed"
        );
    }
    // One byte changed in the signature value (near the DER's end) fails too.
    let mut tampered = cms.clone();
    let at = tampered.len() - 2;
    tampered[at] ^= 0x01;
    assert!(verify_detached(&statement, &tampered, &roots, now).is_err());

    // The PEM form openssl writes is read as well.
    let pem = Command::new("openssl")
        .args([
            "cms",
            "-cmsout",
            "-inform",
            "DER",
            "-in",
            "signature.p7s",
            "-outform",
            "PEM",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap()
        .stdout;
    assert!(verify_detached(&statement, &pem, &roots, now).is_ok());

    // A root we do not trust; a time after the certificate expired; a key not for signing.
    let stranger = tempfile::tempdir().unwrap();
    test_pki(stranger.path(), key_args);
    let other_roots = parse_certificates(&std::fs::read(stranger.path().join("ca.pem")).unwrap()).unwrap();
    assert_eq!(
        verify_detached(&statement, &cms, &other_roots, now)
            .unwrap_err()
            .code(),
        "untrusted_certificate"
    );
    assert_eq!(
        verify_detached(&statement, &cms, &roots, now + Duration::days(1900))
            .unwrap_err()
            .code(),
        "certificate_not_valid"
    );
    let tls = sign_with_openssl(dir.path(), "tls");
    assert_eq!(
        verify_detached(&statement, &tls, &roots, now).unwrap_err().code(),
        "key_usage"
    );
}

#[test]
fn an_rsa_signature_made_by_openssl_cms_verifies_and_a_changed_byte_fails() {
    check_interop(&["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"]);
}

#[test]
fn an_ecdsa_p256_signature_made_by_openssl_cms_verifies_and_a_changed_byte_fails() {
    check_interop(&["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]);
}

#[test]
fn a_signature_of_the_built_in_signer_verifies_in_openssl() {
    use hoso_signatures::ca::{sign_detached, Authority, Key, Subject};
    let dir = tempfile::tempdir().unwrap();
    let subject = |cn| Subject {
        common_name: cn,
        uid: Some("giamdoc.sonv"),
        organisation: "Tỉnh Thử Nghiệm",
    };
    let now = Utc::now();
    let ca = Authority::create(&subject("CA nội bộ"), now);
    let key = Key::generate();
    let cert = ca.issue(&subject("Trần Thị Giám Đốc"), &key, now, 3);
    let statement = b"{\"step\":\"head\"}";
    let cms = sign_detached(statement, &key, &[cert, ca.certificate.clone()], now);
    std::fs::write(dir.path().join("s.json"), statement).unwrap();
    std::fs::write(dir.path().join("s.p7s"), cms).unwrap();
    std::fs::write(
        dir.path().join("ca.pem"),
        hoso_signatures::certificates::to_pem(&ca.certificate),
    )
    .unwrap();
    openssl(
        dir.path(),
        &[
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "s.p7s",
            "-content",
            "s.json",
            "-CAfile",
            "ca.pem",
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
    );
}
