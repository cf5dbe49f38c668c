//! The signed-in session, kept in the tab's sessionStorage so a reload stays signed in and
//! closing the tab signs out. Tokens never go to localStorage.

use hoso_api_types::accounts::AccountView;
use hoso_api_types::auth::SessionTokens;
use hoso_domain::access::{AccountKind, Right};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "hoso.session";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    pub account: AccountView,
    /// Kinds of account this account manages (from `/me`).
    pub manages: Vec<AccountKind>,
}

impl Session {
    pub fn from_tokens(tokens: SessionTokens, manages: Vec<AccountKind>) -> Self {
        Self {
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            account: tokens.account,
            manages,
        }
    }

    pub fn has(&self, right: Right) -> bool {
        self.account.rights.contains(&right)
    }

    pub fn kind(&self) -> AccountKind {
        self.account.kind
    }

    /// The person a personal account belongs to.
    pub fn person_id(&self) -> Option<&str> {
        self.account.person_id.as_deref()
    }

    /// Rights this session may give an account of `kind`: the kind's ceiling and its own rights
    /// (the server checks the same, SEC-4).
    pub fn grantable(&self, kind: AccountKind) -> Vec<Right> {
        let ceiling = kind.right_ceiling();
        Right::ALL
            .iter()
            .copied()
            .filter(|r| ceiling.contains(*r) && self.has(*r))
            .collect()
    }
}

/// The session signal every page reads; `None` when signed out.
#[derive(Clone, Copy)]
pub struct Auth(pub RwSignal<Option<Session>>);

impl Auth {
    pub fn restore() -> Self {
        let saved = storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|json| serde_json::from_str::<Session>(&json).ok());
        Auth(RwSignal::new(saved))
    }

    pub fn set(&self, session: Option<Session>) {
        if let Some(storage) = storage() {
            match &session {
                Some(s) => {
                    let _ = storage.set_item(STORAGE_KEY, &serde_json::to_string(s).unwrap_or_default());
                }
                None => {
                    let _ = storage.remove_item(STORAGE_KEY);
                }
            }
        }
        self.0.set(session);
    }

    pub fn get(&self) -> Option<Session> {
        self.0.get()
    }

    pub fn get_untracked(&self) -> Option<Session> {
        self.0.get_untracked()
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
