use std::path::Path;

use anyhow::Context;

use hoso_api::openapi;

pub fn run(output: Option<&Path>) -> anyhow::Result<()> {
    let json = openapi::document_json();
    match output {
        Some(path) => {
            std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => print!("{json}"),
    }
    Ok(())
}
