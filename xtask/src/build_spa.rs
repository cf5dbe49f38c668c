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

    // wasm-split reads the linker's relocations to tell which code each lazy page needs.
    process::run(
        Command::new(process::cargo_bin())
            .args([
                "build",
                "-p",
                "hoso-frontend",
                "--target",
                WASM_TARGET,
                "--profile",
                PROFILE,
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                "-Clink-args=--emit-relocs",
            )
            .current_dir(&root),
    )?;
    let wasm = root.join(format!("target/{WASM_TARGET}/{PROFILE}/hoso-frontend.wasm"));
    reset_dir(&staging)?;
    let split = split(&wasm, &staging)?;
    process::run(
        Command::new("wasm-bindgen")
            .arg(&split.main)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--keep-lld-exports",
                "--no-demangle",
            ])
            .args(["--out-name", CRATE_FILE, "--out-dir"])
            .arg(&staging),
    )?;

    // The package: the loader, the main wasm, each lazy chunk and the split's link module, in one
    // directory named by their content (they import each other by relative names).
    let mut package: Vec<(String, Vec<u8>)> = Vec::new();
    let main_wasm = staging.join(format!("{CRATE_FILE}_bg.wasm"));
    package.push((
        format!("{CRATE_FILE}_bg.wasm"),
        read(&optimize(&main_wasm, &frontend)?)?,
    ));
    for chunk in &split.chunks {
        let name = chunk
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        package.push((name, read(&optimize(chunk, &frontend)?)?));
    }
    for entry in std::fs::read_dir(&staging).map_err(|e| e.to_string())?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".js") {
            package.push((name, read(&entry.path())?));
        }
    }
    package.sort();
    let fingerprint = fnv1a(
        &package
            .iter()
            .flat_map(|(n, b)| n.bytes().chain(b.iter().copied()))
            .collect::<Vec<u8>>(),
    );
    let package_dir = format!("pkg-{fingerprint:016x}");
    let style = read(&frontend.join("style.css"))?;

    reset_dir(&dist)?;
    std::fs::create_dir_all(dist.join(&package_dir)).map_err(|e| e.to_string())?;
    for (name, bytes) in &package {
        write(&dist.join(&package_dir).join(name), bytes)?;
    }
    if staging.join("snippets").is_dir() {
        copy_dir(
            &staging.join("snippets"),
            &dist.join(&package_dir).join("snippets"),
        )?;
    }
    let style_name = write_hashed(&dist, "style", "css", &style)?;
    let index = String::from_utf8(read(&frontend.join("index.html"))?)
        .map_err(|e| format!("frontend/index.html: {e}"))?
        .replace("{{SCRIPT}}", &format!("{package_dir}/{CRATE_FILE}.js"))
        .replace("{{WASM}}", &format!("{package_dir}/{CRATE_FILE}_bg.wasm"))
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

    let size = |name: &str| {
        std::fs::metadata(dist.join(&package_dir).join(name))
            .map(|m| m.len())
            .unwrap_or(0)
    };
    eprintln!(
        "xtask: SPA built in {} (main wasm {} KB, {} lazy chunks {} KB)",
        dist.display(),
        size(&format!("{CRATE_FILE}_bg.wasm")) / 1024,
        split.chunks.len(),
        split
            .chunks
            .iter()
            .map(|c| size(&c.file_name().unwrap_or_default().to_string_lossy()))
            .sum::<u64>()
            / 1024,
    );
    Ok(dist)
}

/// The wasm split at its lazy pages: the main module (for wasm-bindgen) and the chunks, which
/// wasm-split writes beside the link module it makes for them.
struct Split {
    main: PathBuf,
    chunks: Vec<PathBuf>,
}

fn split(wasm: &Path, out: &Path) -> Result<Split> {
    let input = read(wasm)?;
    let main = out.join(format!("{CRATE_FILE}_split.wasm"));
    let main_module = format!("./{CRATE_FILE}.js");
    let result = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = out;
        options.main_out_path = &main;
        options.main_module = &main_module;
        options.link_name = "./__wasm_split.js";
        options
    })
    .map_err(|e| format!("wasm-split: {e}"))?;
    let mut chunks: Vec<PathBuf> = result
        .split_modules
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .map(|p| if p.is_absolute() { p } else { out.join(p) })
        .collect();
    chunks.sort();
    Ok(Split { main, chunks })
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
