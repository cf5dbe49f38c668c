use std::process::ExitCode;

fn main() -> ExitCode {
    match hoso_api::cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line that says what is wrong and what to fix; causes joined by ": ".
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
