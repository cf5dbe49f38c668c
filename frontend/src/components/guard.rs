//! Pages for signed-in people only. The server checks every request anyway; this only spares
//! people a page of refusals.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::session::{Auth, Session};

/// Shows `children` with the session when signed in (and the password is not temporary);
/// otherwise sends the person to sign in or to change their password.
#[component]
pub fn SignedIn<F, V>(children: F) -> impl IntoView
where
    F: Fn(Session) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let auth = expect_context::<Auth>();
    let location = use_location();
    move || match auth.get() {
        None => view! { <Redirect path="/dang-nhap" /> }.into_any(),
        Some(session)
            if session.account.must_change_password && location.pathname.get() != "/doi-mat-khau" =>
        {
            view! { <Redirect path="/doi-mat-khau" /> }.into_any()
        }
        Some(session) => children(session).into_any(),
    }
}
