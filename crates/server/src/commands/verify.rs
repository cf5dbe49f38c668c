//! `hoso verify FILE --trust roots.pem`: a signed export (JSON, or the signed PDF that embeds it)
//! checked offline (USE-5, CTX-5), with
//! no database and no network — what a recipient of the file can run.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use hoso_domain::approval::SignedExport;
use hoso_signatures::certificates::parse_certificates;
use hoso_signatures::export::verify_export;

pub fn run(file: &Path, trust: &[PathBuf]) -> anyhow::Result<()> {
    let mut roots = Vec::new();
    for path in trust {
        let bytes =
            std::fs::read(path).with_context(|| format!("--trust '{}' cannot be read", path.display()))?;
        roots.extend(parse_certificates(&bytes).map_err(|e| anyhow!("--trust '{}': {e}", path.display()))?);
    }
    let text = std::fs::read(file).with_context(|| format!("'{}' cannot be read", file.display()))?;
    // A signed PDF carries the export as an embedded file; otherwise the file is the export.
    let export: SignedExport = if text.starts_with(b"%PDF") {
        hoso_signatures::export::export_in_pdf(&text).ok_or_else(|| {
            anyhow!(
                "'{}' is a PDF without a signed export of hoso in it",
                file.display()
            )
        })?
    } else {
        serde_json::from_slice(&text)
            .map_err(|e| anyhow!("'{}' is not a signed export of hoso: {e}", file.display()))?
    };
    let report = verify_export(&export, &roots);
    let line = |check: &hoso_signatures::export::Check| {
        let mark = if check.ok { "OK  " } else { "FAIL" };
        let code = check
            .code
            .as_deref()
            .map(|c| format!(" [{c}]"))
            .unwrap_or_default();
        format!("{mark} {}{code}", check.message)
    };
    println!(
        "{} {} phiên bản {}",
        export.dossier_number, export.province, export.version
    );
    println!("nội dung: {}", line(&report.content));
    for signature in &report.signatures {
        println!(
            "chữ ký {} ({}): {}",
            signature.step,
            signature.signer_name,
            line(&signature.check)
        );
    }
    if report.signatures.is_empty() {
        println!("FAIL không có chữ ký nào");
    }
    if report.valid {
        println!("valid");
        Ok(())
    } else {
        println!("invalid");
        std::process::exit(1);
    }
}

/// `hoso verify-log`: the national sync's message log, chain and content.
pub fn run_log(settings: &crate::config::Settings) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    let pool = super::open_database(&config)?;
    let mut conn = pool
        .get()
        .map_err(|e| anyhow::anyhow!("no database connection: {e}"))?;
    let report = hoso_app::national::verify_log(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
    if report.ok {
        println!(
            "message log verified: {} entries, the chain holds",
            report.entries
        );
        return Ok(());
    }
    println!(
        "message log FAILED at entry {}: {} ({} entries before it verified)",
        report.first_bad_entry.unwrap_or_default(),
        report.problem.unwrap_or_default(),
        report.entries
    );
    std::process::exit(1);
}
