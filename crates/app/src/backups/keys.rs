//! The age keys of backups, read from configuration.

use std::str::FromStr;

/// `age1…` public keys separated by commas, spaces or newlines.
pub fn parse_recipients(text: &str) -> Result<Vec<age::x25519::Recipient>, String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| {
            age::x25519::Recipient::from_str(p)
                .map_err(|e| format!("'{p}' is not an age public key (age1…): {e}"))
        })
        .collect()
}

/// One `AGE-SECRET-KEY-1…` identity (comment lines starting with `#` are skipped).
pub fn parse_identity(text: &str) -> Result<age::x25519::Identity, String> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or("no identity in it")?;
    age::x25519::Identity::from_str(line).map_err(|e| format!("not an age identity (AGE-SECRET-KEY-1…): {e}"))
}

/// A new identity as a file holds it: a comment with its public key, then the secret key.
pub fn generate_identity() -> String {
    use age::secrecy::ExposeSecret;
    let identity = age::x25519::Identity::generate();
    format!(
        "# hoso backup identity; public key: {}\n{}\n",
        identity.to_public(),
        identity.to_string().expose_secret()
    )
}

/// Every identity in an age identity file (`hoso restore --identity`).
pub fn read_identities(path: &std::path::Path) -> Result<Vec<Box<dyn age::Identity>>, String> {
    age::IdentityFile::from_file(path.display().to_string())
        .map_err(|e| format!("{}: {e}", path.display()))?
        .into_identities()
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Identities that may open an archive.
pub type Identities = Vec<Box<dyn age::Identity>>;

/// This server's own identity, as the identities a restore tries.
pub fn own(settings: &super::BackupSettings) -> Identities {
    vec![Box::new(settings.identity.clone())]
}
