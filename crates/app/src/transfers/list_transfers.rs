use hoso_api_types::transfers::TransferView;
use hoso_domain::access::{AccountKind, UnitPath};
use hoso_domain::transfer::check_complete;
use hoso_store::transfers;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Pending moves for the caller, the earliest due first.
pub async fn list_transfers(
    app: &App,
    session: Session,
    query: TransferQuery,
) -> Result<Vec<TransferView>, AppError> {
    if session.actor.kind == AccountKind::Personal {
        return Err(AppError::Forbidden);
    }
    let incoming = match query.r#box.as_str() {
        "incoming" => true,
        "outgoing" => false,
        _ => {
            return Err(hoso_domain::FieldError::new(
                "box",
                "invalid_choice",
                "Chọn incoming hoặc outgoing.",
            )
            .into());
        }
    };
    let today = app.clock.today();
    let views = app
        .db(move |conn| {
            let mut views = Vec::new();
            for row in transfers::in_state(conn, "pending", 2000)? {
                let kind = super::kind_of(&row)?;
                let path_of = |conn: &mut hoso_store::DbConnection,
                               id: &Option<String>|
                 -> Result<Option<UnitPath>, AppError> {
                    match id {
                        Some(id) => Ok(
                            hoso_store::units::find(conn, id)?.and_then(|u| UnitPath::parse(&u.path).ok())
                        ),
                        None => Ok(None),
                    }
                };
                let to = path_of(conn, &row.to_unit_id)?;
                let shown = if incoming {
                    check_complete(&session.actor, kind, to.as_ref()).is_ok()
                } else {
                    let from = path_of(conn, &row.from_unit_id)?.or(to);
                    from.is_some_and(|p| session.actor.scope.covers(&p))
                };
                if shown {
                    views.push(super::view(conn, &row, today)?);
                }
            }
            Ok(views)
        })
        .await?;
    Ok(views)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct TransferQuery {
    /// `incoming` (waiting for the caller to accept or fulfil: the receiving agency's inbox and
    /// Sở Nội vụ's queue of pulls and moves) or `outgoing` (filed from the caller's units and
    /// still waiting for the other side).
    #[param(pattern = "^(incoming|outgoing)$", example = "incoming")]
    pub r#box: String,
}
