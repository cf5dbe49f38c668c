use std::process::ExitCode;

// glibc's allocator spent a quarter of the import's CPU in malloc/free and consolidation of
// the many small strings of a dossier; mimalloc's per-thread free lists do not (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match hoso_server::cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line that says what is wrong and what to fix; causes joined by ": ", and
            // multi-line causes (libpq writes some) folded onto it.
            let message = format!("{error:#}");
            eprintln!(
                "error: {}",
                message.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            ExitCode::from(2)
        }
    }
}
