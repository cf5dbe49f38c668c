//! The application shell and its routes. Paths are Vietnamese words without diacritics, as
//! people type them.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::shell::Shell;
use crate::pages::{
    account::AccountPage,
    account_requests::AccountRequestsPage,
    accounts::AccountsPage,
    api_clients::ApiClientsPage,
    approvals::ApprovalsPage,
    audit::AuditPage,
    backups::BackupsPage,
    calendar::CalendarPage,
    campaigns::CampaignsPage,
    catalog_updates::CatalogUpdatesPage,
    catalogs::{CatalogPage, CatalogsPage},
    change_password::ChangePasswordPage,
    deadlines::DeadlinesPage,
    dossier::DossierPage,
    dossiers::{DossiersPage, MyDossierPage},
    home::HomePage,
    imports::ImportsPage,
    jobs::JobsPage,
    lists::ListsPage,
    login::LoginPage,
    mail_settings::MailSettingsPage,
    my_audit::MyAuditPage,
    national_sync::NationalSyncPage,
    not_found::NotFoundPage,
    recruitments::RecruitmentsPage,
    reports::ReportsPage,
    search::SearchPage,
    settings::SettingsPage,
    setup::SetupPage,
    status::StatusPage,
    transfers::{ArchivePage, TransfersPage},
    unit::UnitPage,
    unit_merge::UnitMergePage,
    unit_new::UnitNewPage,
    unit_split::UnitSplitPage,
    units::UnitsPage,
};
use crate::session::Auth;

/// What every page may read about this deployment (`/api/v1/info`), fetched once.
#[derive(Clone, Copy)]
pub struct SystemInfoResource(pub LocalResource<Result<hoso_api_types::system::SystemInfo, api::ApiFailure>>);

#[component]
pub fn App() -> impl IntoView {
    provide_context(SystemInfoResource(LocalResource::new(api::system_info)));
    provide_context(Auth::restore());
    crate::components::catalog::Catalogs::provide();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/trang-thai") view=StatusPage />
                    <Route path=path!("/dang-nhap") view=LoginPage />
                    <Route path=path!("/doi-mat-khau") view=ChangePasswordPage />
                    <Route path=path!("/thong-bao-email") view=MailSettingsPage />
                    <Route path=path!("/tai-khoan") view=AccountsPage />
                    <Route path=path!("/tai-khoan/:id") view=AccountPage />
                    <Route path=path!("/de-nghi-tai-khoan") view=AccountRequestsPage />
                    <Route path=path!("/ket-noi") view=ApiClientsPage />
                    <Route path=path!("/tac-vu-nen") view=JobsPage />
                    <Route path=path!("/dong-bo-quoc-gia") view=NationalSyncPage />
                    <Route path=path!("/sao-luu") view=BackupsPage />
                    <Route path=path!("/nhap-excel") view=ImportsPage />
                    <Route path=path!("/nhat-ky") view=AuditPage />
                    <Route path=path!("/nhat-ky-cua-toi") view=MyAuditPage />
                    <Route path=path!("/to-chuc") view=UnitsPage />
                    <Route path=path!("/quy-che") view=SettingsPage />
                    <Route path=path!("/ho-so") view=DossiersPage />
                    <Route path=path!("/ho-so-cua-toi") view=MyDossierPage />
                    <Route path=path!("/ho-so/:id") view=DossierPage />
                    <Route path=path!("/lich-lam-viec") view=CalendarPage />
                    <Route path=path!("/phe-duyet") view=ApprovalsPage />
                    <Route path=path!("/han-xu-ly") view=DeadlinesPage />
                    <Route path=path!("/dot-cap-nhat") view=CampaignsPage />
                    <Route path=path!("/dieu-dong") view=TransfersPage />
                    <Route path=path!("/luu-tru") view=ArchivePage />
                    <Route path=path!("/tim-kiem") view=SearchPage />
                    <Route path=path!("/bao-cao") view=ReportsPage />
                    <Route path=path!("/tuyen-dung") view=RecruitmentsPage />
                    <Route path=path!("/thiet-lap") view=SetupPage />
                    <Route path=path!("/danh-sach") view=ListsPage />
                    <Route path=path!("/danh-muc") view=CatalogsPage />
                    <Route path=path!("/cap-nhat-danh-muc") view=CatalogUpdatesPage />
                    <Route path=path!("/danh-muc/:kind") view=CatalogPage />
                    <Route path=path!("/to-chuc/sap-nhap") view=UnitMergePage />
                    <Route path=path!("/to-chuc/them") view=UnitNewPage />
                    <Route path=path!("/to-chuc/chia-tach") view=UnitSplitPage />
                    <Route path=path!("/to-chuc/:id") view=UnitPage />
                </Routes>
            </Shell>
        </Router>
    }
}
