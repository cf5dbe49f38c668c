//! Builds the SPA into `frontend/dist`: release wasm → wasm-bindgen (web target) → wasm-opt
//! from npm's binaryen → content-hashed file names → `index.html` naming them, plus the API
//! documentation assets → brotli and gzip copies of each (`frontend/precompress.mjs`, Node's
//! own zlib). Without trunk, whose downloads of its own tools fail offline.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{self, root, Result};
use crate::tools::WASM_TARGET;

const PROFILE: &str = "wasm-release";
const CRATE_FILE: &str = "hoso-frontend";

/// The wasm features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept
/// them and may use no others.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-multivalue",
];

pub fn build() -> Result<PathBuf> {
    let root = root();
    let frontend = root.join("frontend");
    let staging = root.join("target/spa-staging");
    let dist = frontend.join("dist");

    process::cargo(&[
        "build",
        "-p",
        "hoso-frontend",
        "--target",
        WASM_TARGET,
        "--profile",
        PROFILE,
    ])?;
    let wasm = root.join(format!("target/{WASM_TARGET}/{PROFILE}/hoso-frontend.wasm"));
    reset_dir(&staging)?;
    process::run(
        Command::new("wasm-bindgen")
            .arg(&wasm)
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&staging),
    )?;

    let bindgen_wasm = staging.join(format!("{CRATE_FILE}_bg.wasm"));
    let optimized = optimize(&bindgen_wasm, &frontend)?;
    let script = read(&staging.join(format!("{CRATE_FILE}.js")))?;
    let style = read(&frontend.join("style.css"))?;

    reset_dir(&dist)?;
    let wasm_name = write_hashed(&dist, &format!("{CRATE_FILE}_bg"), "wasm", &read(&optimized)?)?;
    let script_name = write_hashed(&dist, CRATE_FILE, "js", &script)?;
    let style_name = write_hashed(&dist, "style", "css", &style)?;
    if staging.join("snippets").is_dir() {
        copy_dir(&staging.join("snippets"), &dist.join("snippets"))?;
    }
    let index = String::from_utf8(read(&frontend.join("index.html"))?)
        .map_err(|e| format!("frontend/index.html: {e}"))?
        .replace("{{SCRIPT}}", &script_name)
        .replace("{{WASM}}", &wasm_name)
        .replace("{{STYLE}}", &style_name);
    write(&dist.join("index.html"), index.as_bytes())?;

    let api_docs = dist.join("api-docs");
    std::fs::create_dir_all(&api_docs).map_err(|e| e.to_string())?;
    let swagger = frontend.join("node_modules/swagger-ui-dist");
    for asset in ["swagger-ui.css", "swagger-ui-bundle.js"] {
        write(&api_docs.join(asset), &read(&swagger.join(asset))?)?;
    }
    write(
        &api_docs.join("init.js"),
        &read(&frontend.join("api-docs/init.js"))?,
    )?;

    process::run(
        Command::new("node")
            .arg(frontend.join("precompress.mjs"))
            .arg(&dist)
            .arg(root.join("target/spa-compress-cache")),
    )?;

    let size = std::fs::metadata(dist.join(&wasm_name))
        .map(|m| m.len())
        .unwrap_or(0);
    eprintln!(
        "xtask: SPA built in {} ({wasm_name}: {} KB)",
        dist.display(),
        size / 1024
    );
    Ok(dist)
}

/// wasm-opt takes seconds; its output is kept by the input's hash so an unchanged SPA is not
/// optimised again.
fn optimize(input: &Path, frontend: &Path) -> Result<PathBuf> {
    let hash = fnv1a(&read(input)?);
    let cache = root().join("target/spa-opt-cache");
    let output = cache.join(format!("{hash:016x}.wasm"));
    if output.is_file() {
        return Ok(output);
    }
    std::fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
    process::run(
        Command::new(frontend.join("node_modules/.bin/wasm-opt"))
            .arg("-Oz")
            .args(WASM_FEATURES)
            .arg(input)
            .arg("-o")
            .arg(&output),
    )?;
    Ok(output)
}

/// Writes `stem-<hash>.ext` and returns that name. The server caches such names for a year.
fn write_hashed(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<String> {
    let name = format!("{stem}-{:016x}.{ext}", fnv1a(bytes));
    write(&dir.join(&name), bytes)?;
    Ok(name)
}

/// FNV-1a, 64 bits: a content fingerprint for cache busting, not for security.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn reset_dir(dir: &Path) -> Result {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from).map_err(|e| e.to_string())?.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            write(&target, &read(&entry.path())?)?;
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
