//! Serving the built SPA from the static directory. Client-side routes (any path that is not a
//! file) fall back to `index.html`; content-hashed assets are cached for a year, `index.html`
//! never, so a new release is picked up at the next page load. An asset the build compressed
//! beforehand (`x.wasm.br`, `x.wasm.gz`: brotli and gzip at their highest levels, which take
//! seconds per file and so cannot be done per request) is sent as such to a browser that
//! accepts it, brotli first.

use std::path::{Component, Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{CacheControl, CacheDirective, ContentEncoding, CONTENT_SECURITY_POLICY};
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse};

use crate::error::HttpError;
use hoso_app::AppError;

pub fn serve(req: &HttpRequest, static_dir: &Path) -> Result<HttpResponse, HttpError> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(AppError::MethodNotAllowed.into());
    }
    let relative = req.path().trim_start_matches('/');
    if let Some(file) = safe_join(static_dir, relative).filter(|f| f.is_file()) {
        let cache = if is_content_hashed(Path::new(relative)) {
            CacheControl(vec![
                CacheDirective::Public,
                CacheDirective::MaxAge(31_536_000),
                CacheDirective::Extension("immutable".into(), None),
            ])
        } else {
            CacheControl(vec![CacheDirective::NoCache])
        };
        let compressed = precompressed(req, &file);
        // Caches must key on Accept-Encoding whenever compressed copies exist (one sent is one).
        let varies = compressed.is_some() || has_variants(&file);
        let mut response = match compressed {
            Some((compressed, encoding)) => {
                let extension = file.extension().and_then(|e| e.to_str()).unwrap_or_default();
                open(&compressed)?
                    .set_content_type(actix_files::file_extension_to_mime(extension))
                    .disable_content_disposition()
                    .set_content_encoding(encoding)
                    .into_response(req)
            }
            None => open(&file)?.into_response(req),
        };
        let headers = response.headers_mut();
        headers.insert(
            actix_web::http::header::CACHE_CONTROL,
            cache.to_string().parse().expect("valid header"),
        );
        if varies {
            headers.insert(
                actix_web::http::header::VARY,
                actix_web::http::header::HeaderValue::from_static("accept-encoding"),
            );
        }
        return Ok(response);
    }
    if Path::new(relative).extension().is_some() {
        // A missing asset is a 404, not the application shell under a wrong content type.
        return Err(AppError::NotFound.into());
    }
    let index = static_dir.join("index.html");
    if !index.is_file() {
        return Ok(HttpResponse::ServiceUnavailable()
            .content_type("text/html; charset=utf-8")
            .insert_header((CONTENT_SECURITY_POLICY, super::headers::spa_policy(&[])))
            .body(NOT_BUILT_PAGE));
    }
    let policy = page_policy(&index)?;
    let mut response = open(&index)?.into_response(req);
    response.headers_mut().insert(
        CONTENT_SECURITY_POLICY,
        policy.parse().expect("a policy is a valid header value"),
    );
    response.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        CacheControl(vec![CacheDirective::NoCache])
            .to_string()
            .parse()
            .expect("valid header"),
    );
    Ok(response)
}

/// The page's policy: its own loader script allowed by its hash, whatever the build wrote into
/// it. Read again only when the file changes, not at every page load.
fn page_policy(index: &Path) -> Result<String, AppError> {
    type Cached = Option<(PathBuf, (std::time::SystemTime, u64), String)>;
    static CACHE: std::sync::Mutex<Cached> = std::sync::Mutex::new(None);
    let unreadable = |e: std::io::Error| AppError::Internal(format!("cannot read {}: {e}", index.display()));
    let metadata = std::fs::metadata(index).map_err(unreadable)?;
    // Modification time and size: a rebuild within the same second still changes the size.
    let modified = (metadata.modified().map_err(unreadable)?, metadata.len());
    let mut cache = CACHE.lock().expect("policy cache lock");
    if let Some((path, at, policy)) = cache.as_ref() {
        if path == index && *at == modified {
            return Ok(policy.clone());
        }
    }
    let page = std::fs::read_to_string(index).map_err(unreadable)?;
    let policy = super::headers::spa_policy(&super::headers::inline_script_hashes(&page));
    *cache = Some((index.to_path_buf(), modified, policy.clone()));
    Ok(policy)
}

/// The precompressed copy of `file` this request accepts, brotli before gzip, when the build
/// made one.
fn precompressed(req: &HttpRequest, file: &Path) -> Option<(PathBuf, ContentEncoding)> {
    let accepted = req
        .headers()
        .get(actix_web::http::header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    [("br", ContentEncoding::Brotli), ("gz", ContentEncoding::Gzip)]
        .into_iter()
        .filter(|(_, encoding)| accepts(accepted, encoding.as_str()))
        .map(|(extension, encoding)| (with_extension(file, extension), encoding))
        .find(|(path, _)| path.is_file())
}

fn has_variants(file: &Path) -> bool {
    ["br", "gz"].iter().any(|e| with_extension(file, e).is_file())
}

fn with_extension(file: &Path, extension: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// Whether an `Accept-Encoding` value accepts `coding` (by name or `*`), not refused by `q=0`.
fn accepts(header: &str, coding: &str) -> bool {
    let mut named = None;
    let mut any = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(coding) {
            named = Some(quality > 0.0);
        } else if name == "*" {
            any = Some(quality > 0.0);
        }
    }
    named.or(any).unwrap_or(false)
}

fn open(path: &Path) -> Result<NamedFile, AppError> {
    NamedFile::open(path).map_err(|e| AppError::Internal(format!("cannot open {}: {e}", path.display())))
}

/// `static_dir/relative` when `relative` stays inside it (no `..`, no hidden files).
fn safe_join(static_dir: &Path, relative: &str) -> Option<PathBuf> {
    if relative.is_empty() {
        return None;
    }
    let mut path = static_dir.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) if !part.to_string_lossy().starts_with('.') => path.push(part),
            _ => return None,
        }
    }
    Some(path)
}

/// `name-0123456789abcdef.ext`, or anything in `pkg-0123456789abcdef/`: the build puts a content
/// hash in every asset's name, or in the name of the directory of the SPA's package (whose
/// files import each other by their plain names).
fn is_content_hashed(relative: &Path) -> bool {
    let hashed = |part: &std::ffi::OsStr| {
        let part = part.to_string_lossy();
        let stem = part.split('.').next().unwrap_or_default();
        stem.rsplit_once('-')
            .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    relative
        .components()
        .any(|c| matches!(c, Component::Normal(part) if hashed(part)))
}

const NOT_BUILT_PAGE: &str = r#"<!doctype html><html lang="vi"><meta charset="utf-8"><title>hoso</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Giao diện chưa được xây dựng</h1>
<p>Máy chủ đang chạy và API hoạt động tại <a href="/api/docs">/api/docs</a>, nhưng thư mục giao diện (HOSO_STATIC_DIR) chưa có <code>index.html</code>.</p>
<p>The SPA is not built: run <code>cargo xtask run</code>, or <code>cargo xtask build-spa</code> and point HOSO_STATIC_DIR at its output.</p>
</body></html>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_static_directory() {
        let root = Path::new("/srv/dist");
        assert_eq!(safe_join(root, "a/b.js"), Some(PathBuf::from("/srv/dist/a/b.js")));
        assert_eq!(safe_join(root, "../etc/passwd"), None);
        assert_eq!(safe_join(root, "a/../../x"), None);
        assert_eq!(safe_join(root, ".env"), None);
        assert_eq!(safe_join(root, "/etc/passwd"), None);
    }

    #[test]
    fn accept_encoding_is_read_with_its_qualities() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip, deflate, br, zstd", "gzip"));
        assert!(!accepts("gzip", "br"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("br;q=0.5", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("*, br;q=0", "br"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("identity", "gzip"));
    }

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_content_hashed(Path::new("hoso_frontend-0123456789abcdef.js")));
        assert!(is_content_hashed(Path::new(
            "hoso_frontend_bg-0123456789abcdef.wasm"
        )));
        assert!(is_content_hashed(Path::new(
            "pkg-0123456789abcdef/__wasm_split.js"
        )));
        assert!(is_content_hashed(Path::new(
            "pkg-0123456789abcdef/hoso-frontend_bg.wasm.br"
        )));
        assert!(!is_content_hashed(Path::new("pkg-0123/hoso-frontend.js")));
        assert!(!is_content_hashed(Path::new("index.html")));
        assert!(!is_content_hashed(Path::new("swagger-ui.css")));
    }
}
