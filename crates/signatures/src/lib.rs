//! Real, verifiable signatures over approved dossier versions (CTX-5, USE-5).
//!
//! What is signed is an `hoso_domain::approval::ApprovalStatement`: the dossier number, the version
//! number, the approval step and the SHA-256 of the version's canonical content, as canonical
//! JSON. A signature is a CMS (PKCS#7) detached `SignedData` over those bytes, as USB-token
//! plugins, remote signing services and `openssl cms -sign` produce. [`verify`] checks it
//! without any database: the digest, the signature, the chain up to trusted roots, validity at
//! the signing time and key usage. [`ca`] is the built-in CA and signer for deployments
//! without tokens. [`export`] is the signed export a recipient verifies offline.

pub mod ca;
pub mod certificates;
pub mod export;
pub mod verify;

pub use certificates::Certificate;
pub use verify::{verify_detached, Failure, Verified};
