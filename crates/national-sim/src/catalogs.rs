//! The shared national catalogues as the other side publishes them (docs/integration.md,
//! "Catalogues"): a list of versions, one catalogue's entries, and `PUT /_sim/catalogs/{name}`
//! to publish the next version in a test.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use hoso_domain::catalog::CatalogEntry;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::{error, refusal, Simulator};

/// One catalogue's current version.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalog {
    pub version: i32,
    pub title: String,
    pub source: String,
    pub effective_date: NaiveDate,
    pub entries: Vec<CatalogEntry>,
}

/// Version 1 of every catalogue the shipped mapping links: hoso's own shipped files (so a
/// fresh deployment finds nothing to change until a test publishes a version).
pub fn initial() -> std::collections::BTreeMap<String, Catalog> {
    let mapping = hoso_domain::national::Mapping::shipped();
    mapping
        .catalogs
        .iter()
        .filter_map(|link| {
            let file = hoso_domain::catalog::shipped()
                .iter()
                .find(|f| f.meta.kind == link.kind)?;
            Some((
                link.name.clone(),
                Catalog {
                    version: 1,
                    title: file.meta.name.clone(),
                    source: file.meta.source.clone(),
                    effective_date: file.meta.effective_date,
                    entries: file.entries.clone(),
                },
            ))
        })
        .collect()
}

pub(crate) async fn list(sim: web::Data<Simulator>, request: HttpRequest) -> HttpResponse {
    let mut state = sim.state.lock().expect("state");
    if let Some(refused) = refusal(&sim, &mut state, &request) {
        return refused;
    }
    let catalogs: Vec<_> = state
        .catalogs
        .iter()
        .map(|(name, c)| {
            json!({"name": name, "version": c.version, "title": c.title, "effective_date": c.effective_date})
        })
        .collect();
    HttpResponse::Ok().json(json!({ "catalogs": catalogs }))
}

pub(crate) async fn one(
    sim: web::Data<Simulator>,
    request: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let mut state = sim.state.lock().expect("state");
    if let Some(refused) = refusal(&sim, &mut state, &request) {
        return refused;
    }
    match state.catalogs.get(path.as_str()) {
        Some(c) => HttpResponse::Ok().json(json!({
            "name": path.as_str(), "version": c.version, "title": c.title, "source": c.source,
            "effective_date": c.effective_date, "entries": c.entries,
        })),
        None => error(404, "not_found", "không có danh mục này"),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Published {
    entries: Vec<CatalogEntry>,
}

/// Publishes the next version of a catalogue with these entries.
pub(crate) async fn publish(
    sim: web::Data<Simulator>,
    path: web::Path<String>,
    body: web::Json<Published>,
) -> HttpResponse {
    let version = sim.publish_catalog(&path, |entries| *entries = body.into_inner().entries);
    HttpResponse::Ok().json(json!({ "version": version }))
}

impl Simulator {
    /// Publishes the next version of catalogue `name` (a new one starts at 1), changed by
    /// `change`; returns its version.
    pub fn publish_catalog(&self, name: &str, change: impl FnOnce(&mut Vec<CatalogEntry>)) -> i32 {
        let mut state = self.state.lock().expect("state");
        let catalog = state.catalogs.entry(name.to_owned()).or_insert_with(|| Catalog {
            version: 0,
            title: name.to_owned(),
            source: "hoso-national-sim".into(),
            effective_date: chrono::Utc::now().date_naive(),
            entries: Vec::new(),
        });
        change(&mut catalog.entries);
        catalog.version += 1;
        catalog.version
    }

    /// A catalogue's current version as published.
    pub fn catalog(&self, name: &str) -> Option<Catalog> {
        self.state.lock().expect("state").catalogs.get(name).cloned()
    }
}
