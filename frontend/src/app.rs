//! The application shell and its routes. Paths are Vietnamese words without diacritics, as
//! people type them.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

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

/// The SPA's areas, each loaded with its own part of the wasm the first time one of its pages
/// is opened (issue #23 point 9): the sign-in, home, status and password pages come with the
/// first load. `cargo xtask build-spa` splits the wasm at each area's function (wasm-split, as
/// `cargo leptos --split` does); code shared by areas goes into chunks of its own.
macro_rules! lazy_area {
    ($area:ident, $pages:ident { $($page:ident => $route:ident),* $(,)? }) => {
        #[derive(Clone, Copy)]
        #[allow(clippy::enum_variant_names)]
        enum $pages {
            $($page),*
        }

        #[leptos::lazy]
        fn $area(page: $pages) -> AnyView {
            match page {
                $($pages::$page => view! { <$page /> }.into_any()),*
            }
        }

        $(
            struct $route;

            impl leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $area($pages::$page).await
                }
            }
        )*
    };
}

lazy_area!(dossier_area, DossierPages {
    DossiersPage => DossiersRoute,
    MyDossierPage => MyDossierRoute,
    DossierPage => DossierRoute,
    ApprovalsPage => ApprovalsRoute,
    DeadlinesPage => DeadlinesRoute,
    CampaignsPage => CampaignsRoute,
    TransfersPage => TransfersRoute,
    ArchivePage => ArchiveRoute,
    RecruitmentsPage => RecruitmentsRoute,
    ImportsPage => ImportsRoute,
});

lazy_area!(organisation_area, OrganisationPages {
    UnitsPage => UnitsRoute,
    UnitPage => UnitRoute,
    UnitMergePage => UnitMergeRoute,
    UnitNewPage => UnitNewRoute,
    UnitSplitPage => UnitSplitRoute,
    CalendarPage => CalendarRoute,
    SettingsPage => SettingsRoute,
});

lazy_area!(report_area, ReportPages {
    SearchPage => SearchRoute,
    ReportsPage => ReportsRoute,
    ListsPage => ListsRoute,
});

lazy_area!(admin_area, AdminPages {
    AccountsPage => AccountsRoute,
    AccountPage => AccountRoute,
    AccountRequestsPage => AccountRequestsRoute,
    ApiClientsPage => ApiClientsRoute,
    JobsPage => JobsRoute,
    NationalSyncPage => NationalSyncRoute,
    BackupsPage => BackupsRoute,
    AuditPage => AuditRoute,
    SetupPage => SetupRoute,
    CatalogsPage => CatalogsRoute,
    CatalogUpdatesPage => CatalogUpdatesRoute,
    CatalogPage => CatalogRoute,
});

lazy_area!(personal_area, PersonalPages {
    MailSettingsPage => MailSettingsRoute,
    MyAuditPage => MyAuditRoute,
});

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
                    <Route path=path!("/thong-bao-email") view={Lazy::<MailSettingsRoute>::new()} />
                    <Route path=path!("/tai-khoan") view={Lazy::<AccountsRoute>::new()} />
                    <Route path=path!("/tai-khoan/:id") view={Lazy::<AccountRoute>::new()} />
                    <Route path=path!("/de-nghi-tai-khoan") view={Lazy::<AccountRequestsRoute>::new()} />
                    <Route path=path!("/ket-noi") view={Lazy::<ApiClientsRoute>::new()} />
                    <Route path=path!("/tac-vu-nen") view={Lazy::<JobsRoute>::new()} />
                    <Route path=path!("/dong-bo-quoc-gia") view={Lazy::<NationalSyncRoute>::new()} />
                    <Route path=path!("/sao-luu") view={Lazy::<BackupsRoute>::new()} />
                    <Route path=path!("/nhap-excel") view={Lazy::<ImportsRoute>::new()} />
                    <Route path=path!("/nhat-ky") view={Lazy::<AuditRoute>::new()} />
                    <Route path=path!("/nhat-ky-cua-toi") view={Lazy::<MyAuditRoute>::new()} />
                    <Route path=path!("/to-chuc") view={Lazy::<UnitsRoute>::new()} />
                    <Route path=path!("/quy-che") view={Lazy::<SettingsRoute>::new()} />
                    <Route path=path!("/ho-so") view={Lazy::<DossiersRoute>::new()} />
                    <Route path=path!("/ho-so-cua-toi") view={Lazy::<MyDossierRoute>::new()} />
                    <Route path=path!("/ho-so/:id") view={Lazy::<DossierRoute>::new()} />
                    <Route path=path!("/lich-lam-viec") view={Lazy::<CalendarRoute>::new()} />
                    <Route path=path!("/phe-duyet") view={Lazy::<ApprovalsRoute>::new()} />
                    <Route path=path!("/han-xu-ly") view={Lazy::<DeadlinesRoute>::new()} />
                    <Route path=path!("/dot-cap-nhat") view={Lazy::<CampaignsRoute>::new()} />
                    <Route path=path!("/dieu-dong") view={Lazy::<TransfersRoute>::new()} />
                    <Route path=path!("/luu-tru") view={Lazy::<ArchiveRoute>::new()} />
                    <Route path=path!("/tim-kiem") view={Lazy::<SearchRoute>::new()} />
                    <Route path=path!("/bao-cao") view={Lazy::<ReportsRoute>::new()} />
                    <Route path=path!("/tuyen-dung") view={Lazy::<RecruitmentsRoute>::new()} />
                    <Route path=path!("/thiet-lap") view={Lazy::<SetupRoute>::new()} />
                    <Route path=path!("/danh-sach") view={Lazy::<ListsRoute>::new()} />
                    <Route path=path!("/danh-muc") view={Lazy::<CatalogsRoute>::new()} />
                    <Route path=path!("/cap-nhat-danh-muc") view={Lazy::<CatalogUpdatesRoute>::new()} />
                    <Route path=path!("/danh-muc/:kind") view={Lazy::<CatalogRoute>::new()} />
                    <Route path=path!("/to-chuc/sap-nhap") view={Lazy::<UnitMergeRoute>::new()} />
                    <Route path=path!("/to-chuc/them") view={Lazy::<UnitNewRoute>::new()} />
                    <Route path=path!("/to-chuc/chia-tach") view={Lazy::<UnitSplitRoute>::new()} />
                    <Route path=path!("/to-chuc/:id") view={Lazy::<UnitRoute>::new()} />
                </Routes>
            </Shell>
        </Router>
    }
}
