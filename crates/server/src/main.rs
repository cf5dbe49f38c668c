use std::process::ExitCode;

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
