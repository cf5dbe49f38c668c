//! The demo's stories (issue #23, point 1): dossiers in every state of the workflow, each made
//! by the application's own operations — opened, filled, submitted, checked and locked, signed
//! by the head and by Sở Nội vụ, returned, changed, transferred, retired — as the demo's
//! accounts, on the days they would have acted. So the queues of `chuyenvien.sogddt` (the focal
//! officer), `sogddt` (the head), `quantri` (Sở Nội vụ), `kiemtra.snv`, `syte` and the employee
//! `nguyenvanan` each hold work, and every record (history, signatures, audit) is real.
//!
//! Signing happens in the approval windows of the profile in force: the stories that end
//! approved were signed in last month's windows; what waits for a step was moved along in the
//! last working days.

use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate};
use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::dossiers::{CreateDossierRequest, SaveDraftRequest};
use hoso_api_types::transfers::NewTransfer;
use hoso_api_types::workflow::{
    ChecklistItem, EnrolRequest, EvidenceItem, LockRequest, NewChangeRequest, ReturnRequest, SignRequest,
    SubmitRequest,
};
use hoso_domain::calendar::Calendar;
use hoso_domain::dossier::DossierContent;
use hoso_domain::regulation::Signer;
use hoso_domain::synthetic::{self, Post, Rng};
use hoso_domain::transfer::TransferKind;
use hoso_store::{people, units};

use super::DEMO_PASSWORD;
use crate::documents::store_document::Upload;
use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Where a story ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Opened by the HR unit, partly filled, not yet submitted.
    Draft,
    /// Submitted; waits for the focal officer's check.
    Submitted,
    /// The employee submitted it; the focal officer returned it with a reason.
    Returned,
    /// Checked and locked; waits for the head's signature.
    Locked,
    /// Signed by the head; waits for Sở Nội vụ.
    Signed,
    /// Approved with both signatures.
    Approved,
    /// Approved, then a change filed with its evidence; the change waits for the check.
    ChangeRequested,
    /// Approved, then moved to another agency; waits for that agency's acceptance.
    TransferPending,
    /// Approved, then retired: the dossier is in the permanent archive.
    Archived,
}

/// (person's name, unit code, kind of post, female, how the story ends). The first five are the
/// demo's cast (`load`); the others are people added here.
const STORIES: &[(&str, &str, Post, bool, Ending)] = &[
    (
        "Nguyễn Văn An",
        "HY.SGDDT.THPTHY",
        Post::Teacher,
        false,
        Ending::Returned,
    ),
    (
        "Lê Thị Cúc",
        "HY.SGDDT.THPTHY",
        Post::Teacher,
        true,
        Ending::Submitted,
    ),
    (
        "Đinh Văn Hùng",
        "HY.SGDDT.THPTHY",
        Post::ContractWorker,
        false,
        Ending::Draft,
    ),
    (
        "Phạm Văn Dũng",
        "HY.SGDDT.THPTTB",
        Post::Teacher,
        false,
        Ending::Locked,
    ),
    (
        "Vũ Thị Giang",
        "HY.SGDDT",
        Post::CivilServant,
        true,
        Ending::Signed,
    ),
    (
        "Trịnh Thu Hà",
        "HY.SGDDT.THPTHY",
        Post::Teacher,
        true,
        Ending::Approved,
    ),
    (
        "Đỗ Thị Lan",
        "HY.SGDDT.THPTTB",
        Post::Teacher,
        true,
        Ending::ChangeRequested,
    ),
    (
        "Bùi Quang Minh",
        "HY.SGDDT.THPTHY",
        Post::Teacher,
        false,
        Ending::TransferPending,
    ),
    (
        "Ngô Thị Hạnh",
        "HY.SGDDT.THPTTB",
        Post::Teacher,
        true,
        Ending::Archived,
    ),
];

/// Names the stories add, kept from generated people.
pub fn story_names() -> impl Iterator<Item = &'static str> {
    STORIES.iter().map(|story| story.0)
}

/// The reason the focal officer gives when returning Nguyễn Văn An's dossier.
pub const RETURN_REASON: &str = "Ngày vào Đảng chưa khớp với thẻ đảng viên; đề nghị bổ sung bản sao bằng đại học có chứng thực rồi gửi lại.";

/// `reward_forms`: Bằng khen cấp bộ, ban, ngành, tỉnh.
const REWARD_FORM: &str = "BK_BO";

/// The size of a scanned page, in pixels (A4 at 30 dpi).
const A4: (u32, u32) = (248, 351);

const CHECKLIST: &[&str] = &[
    "Sơ yếu lý lịch khớp với bản gốc",
    "Văn bằng, chứng chỉ khớp với bản sao có chứng thực",
    "Quyết định tuyển dụng, nâng lương khớp với bản gốc",
];

/// How many stories were told.
pub async fn load(app: &Arc<App>) -> Result<usize, AppError> {
    let pinned = app.clock.pinned();
    let told = tell_all(app).await;
    app.clock.restore(pinned);
    told
}

async fn tell_all(app: &Arc<App>) -> Result<usize, AppError> {
    let today = app.clock.today();
    let (profile, calendar) = app.db(crate::workflow::rules).await?;
    let last_month = (today.with_day(1).expect("the first") - Duration::days(1))
        .with_day(1)
        .expect("the first");
    let head_window = profile
        .window_status(Signer::DepartmentHead, last_month, &calendar)
        .map(|s| s.window);
    let home_affairs_window = profile
        .window_status(Signer::HomeAffairs, last_month, &calendar)
        .map(|s| s.window);
    let (Some(head_window), Some(home_affairs_window)) = (head_window, home_affairs_window) else {
        return Err(AppError::Internal("the profile has no approval windows".into()));
    };
    let days = Days {
        submitted: calendar.add_working_days(last_month, 3),
        locked: calendar.add_working_days(last_month, 6),
        calendar,
        today,
        head_signed: head_window.from,
        approved: home_affairs_window.to.max(head_window.from + Duration::days(1)),
    };
    let mut rng = Rng::new(super::DEMO_SEED + 23);
    let cast = Cast::sign_in(app).await?;
    for (name, unit_code, post, female, ending) in STORIES {
        let story = Story {
            app,
            cast: &cast,
            days: &days,
            name,
            unit_code,
            post: *post,
        };
        let content = story.content(&mut rng, *female);
        story.tell(content, *ending).await?;
    }
    Ok(STORIES.len())
}

/// The days the stories' steps are dated.
struct Days {
    calendar: Calendar,
    today: NaiveDate,
    /// Last month's entries: submitted, checked, signed by the head, approved by Sở Nội vụ.
    submitted: NaiveDate,
    locked: NaiveDate,
    head_signed: NaiveDate,
    approved: NaiveDate,
}

impl Days {
    /// `n` working days before today, but never before last month's approvals.
    fn recent(&self, n: u32) -> NaiveDate {
        let mut day = self.today;
        let mut left = n;
        while left > 0 {
            day -= Duration::days(1);
            if self.calendar.is_working_day(day) {
                left -= 1;
            }
        }
        day.max(self.approved + Duration::days(1)).min(self.today)
    }
}

/// The demo accounts that act, signed in as sessions of the application.
struct Cast {
    /// The agency account of Sở Giáo dục và Đào tạo: enters dossiers, signs as head.
    agency: Session,
    /// Its focal officer: checks against the originals and locks, or returns.
    focal_officer: Session,
    /// Sở Nội vụ's administrator: approves for the national database.
    home_affairs: Session,
    /// The demo employee.
    employee: Session,
}

impl Cast {
    async fn sign_in(app: &Arc<App>) -> Result<Self, AppError> {
        let session = |username: &'static str| {
            app.db(move |conn| {
                let account = hoso_store::accounts::find_by_username(conn, username)?
                    .ok_or_else(|| AppError::Internal(format!("demo account {username} missing")))?;
                crate::session::for_account(conn, &account.id)
            })
        };
        Ok(Cast {
            agency: session("sogddt").await?,
            focal_officer: session("chuyenvien.sogddt").await?,
            home_affairs: session("quantri").await?,
            employee: session("nguyenvanan").await?,
        })
    }
}

struct Story<'a> {
    app: &'a Arc<App>,
    cast: &'a Cast,
    days: &'a Days,
    name: &'a str,
    unit_code: &'a str,
    post: Post,
}

impl Story<'_> {
    /// A complete dossier for the story's person (a generated one of the same sex, renamed).
    fn content(&self, rng: &mut Rng, female: bool) -> DossierContent {
        let as_of = self.days.submitted - Duration::days(31);
        loop {
            let person = synthetic::person(rng, self.post, self.name, as_of);
            if (person.content.identity.gender.as_deref() == Some("2")) != female {
                continue;
            }
            let mut content = person.content;
            content.identity.full_name = Some(self.name.to_owned());
            // Teachers of hạng II at the specialist school hold its post (item 30.3).
            if self.unit_code == "HY.SGDDT.THPTHY" && content.salary.grade.as_deref() == Some("V.07.05.14") {
                content.salary.job_position = Some("GV-THPT-II".into());
            }
            return content;
        }
    }

    /// From now on the application's clock reads `day`, at `hour` in Vietnam.
    fn on(&self, day: NaiveDate, hour: u32) {
        let at = crate::clock::vietnam_day_start(day) + Duration::hours(i64::from(hour));
        self.app.clock.set(at.and_utc());
    }

    async fn tell(&self, content: DossierContent, ending: Ending) -> Result<(), AppError> {
        let app = self.app;
        let cast = self.cast;
        let person_id = self.person().await?;
        let opened = match ending {
            Ending::Draft | Ending::Submitted => self.days.recent(1),
            Ending::Returned => self.days.recent(6),
            Ending::Locked => self.days.recent(5),
            _ => self.days.submitted,
        };
        self.on(opened, 8);
        let mut entered = if ending == Ending::Draft {
            // The HR unit has typed what the labour contract says; the rest is still to come.
            let mut partial = DossierContent::default();
            let (typed, known) = (&mut partial.identity, content.identity);
            typed.full_name = known.full_name;
            typed.gender = known.gender;
            typed.birth_date = known.birth_date;
            typed.citizen_id = known.citizen_id;
            typed.phone = known.phone;
            partial
        } else {
            let mut complete = content;
            complete.photo_document_id = Some(self.upload("anh-4x6.png", (120, 180)).await?);
            complete
        };
        if ending == Ending::Returned {
            // The employee left the party dates out; he will add them after the return.
            entered.career.party_joined_on = None;
            entered.career.party_official_on = None;
        }
        let dossier = crate::dossiers::create_dossier::create_dossier(
            app,
            cast.agency.clone(),
            CreateDossierRequest {
                person_id: person_id.clone(),
                content: entered,
            },
        )
        .await?;
        let id = dossier.summary.id;
        if ending == Ending::Draft {
            return Ok(());
        }
        let submitter = if ending == Ending::Returned {
            self.on(self.days.recent(4), 9);
            &cast.employee
        } else {
            self.on(opened, 10);
            &cast.agency
        };
        let review = self.submit(&id, submitter).await?;
        match ending {
            Ending::Submitted => return Ok(()),
            Ending::Returned => {
                self.on(self.days.recent(2), 14);
                crate::approvals::return_approval::return_approval(
                    app,
                    cast.focal_officer.clone(),
                    review,
                    ReturnRequest {
                        reason: RETURN_REASON.into(),
                    },
                )
                .await?;
                return Ok(());
            }
            _ => {}
        }
        self.on(
            if ending == Ending::Locked {
                self.days.recent(2)
            } else {
                self.days.locked
            },
            9,
        );
        crate::approvals::lock_approval::lock_approval(
            app,
            cast.focal_officer.clone(),
            review.clone(),
            LockRequest {
                checklist: CHECKLIST
                    .iter()
                    .map(|item| ChecklistItem {
                        item: (*item).into(),
                        checked: true,
                    })
                    .collect(),
                note: Some("Đã đối chiếu với bản gốc.".into()),
            },
        )
        .await?;
        if ending == Ending::Locked {
            return Ok(());
        }
        self.on(self.days.head_signed, 9);
        self.sign(&review, &cast.agency).await?;
        if ending == Ending::Signed {
            return Ok(());
        }
        self.on(self.days.approved, 15);
        self.sign(&review, &cast.home_affairs).await?;
        match ending {
            Ending::ChangeRequested => self.change(&id).await,
            Ending::TransferPending => self.transfer(person_id, TransferKind::BetweenAgencies).await,
            Ending::Archived => self.transfer(person_id, TransferKind::Retirement).await,
            _ => Ok(()),
        }
    }

    async fn person(&self) -> Result<String, AppError> {
        let (name, code, category) = (
            self.name.to_owned(),
            self.unit_code.to_owned(),
            self.post.category(),
        );
        self.app
            .db(move |conn| {
                let unit = units::find_by_code(conn, &code)?.ok_or(AppError::NotFound)?;
                let known = people::in_units(conn, std::slice::from_ref(&unit.id))?
                    .into_iter()
                    .find(|p| p.full_name == name);
                Ok(match known {
                    Some(person) => person.id,
                    None => people::insert_in_category(conn, &name, &unit.id, category)?.id,
                })
            })
            .await
    }

    /// Reads the draft as `by`, changes it and saves it; returns the saved revision.
    async fn amend(
        &self,
        id: &str,
        by: &Session,
        change: impl FnOnce(&mut DossierContent),
    ) -> Result<i32, AppError> {
        let draft =
            crate::dossiers::read_dossier_draft::read_dossier_draft(self.app, by.clone(), id.to_owned())
                .await?;
        let mut content: DossierContent = crate::dossiers::typed(&draft.content)?;
        change(&mut content);
        let saved = crate::dossiers::save_dossier_draft::save_dossier_draft(
            self.app,
            by.clone(),
            id.to_owned(),
            SaveDraftRequest {
                revision: draft.revision,
                content,
            },
        )
        .await?;
        Ok(saved.revision)
    }

    async fn submit(&self, id: &str, by: &Session) -> Result<String, AppError> {
        let revision = if by.actor.person_id.is_some() {
            // The employee completes what the HR unit left out, then submits.
            self.amend(id, by, |content| {
                let residence = content.identity.residence.take();
                content.identity.residence = residence.map(|r| format!("Số 12 đường Nguyễn Văn Linh, {r}"));
            })
            .await?
        } else {
            crate::dossiers::read_dossier_draft::read_dossier_draft(self.app, by.clone(), id.to_owned())
                .await?
                .revision
        };
        let review = crate::dossiers::submit_dossier::submit_dossier(
            self.app,
            by.clone(),
            id.to_owned(),
            SubmitRequest { revision, note: None },
        )
        .await?;
        Ok(review.id)
    }

    /// Signs with the built-in signer, enrolling the signer first if needed.
    async fn sign(&self, review: &str, by: &Session) -> Result<(), AppError> {
        let enrolled = crate::me::list_my_certificates::list_my_certificates(self.app, by.clone()).await?;
        if enrolled.is_empty() {
            crate::me::create_my_certificate::create_my_certificate(
                self.app,
                by.clone(),
                EnrolRequest {
                    password: DEMO_PASSWORD.into(),
                    certificate: None,
                },
            )
            .await?;
        }
        crate::approvals::sign_approval::sign_approval(
            self.app,
            by.clone(),
            review.to_owned(),
            SignRequest {
                cms: None,
                password: Some(DEMO_PASSWORD.into()),
            },
        )
        .await?;
        Ok(())
    }

    /// A scan uploaded by the agency: a blank A4-shaped page (a PNG small enough for any upload
    /// limit), or the person's 4×6 portrait.
    async fn upload(&self, file_name: &str, (width, height): (u32, u32)) -> Result<String, AppError> {
        let mut bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut bytes, width, height);
            encoder.set_color(png::ColorType::Grayscale);
            encoder.set_depth(png::BitDepth::Eight);
            let failed = |e: png::EncodingError| AppError::Internal(format!("demo scan: {e}"));
            let pixels: Vec<u8> = (0..width * height)
                .map(|i| if (i / width) < height / 3 { 230 } else { 160 })
                .collect();
            encoder
                .write_header()
                .and_then(|mut writer| writer.write_image_data(&pixels))
                .map_err(failed)?;
        }
        let document = crate::documents::store_document::store_document(
            self.app,
            self.cast.agency.clone(),
            Upload {
                file_name: file_name.into(),
                declared_type: "image/png".into(),
                bytes,
            },
        )
        .await?;
        Ok(document.id)
    }

    /// A reward received after approval, filed with the certificate's scan.
    async fn change(&self, id: &str) -> Result<(), AppError> {
        let day = self.days.recent(2);
        self.on(day, 10);
        let by = &self.cast.agency;
        let revision = self
            .amend(id, by, |content| {
                content.rewards.push(hoso_domain::dossier::content::RewardRow {
                    decided_on: Some(day - Duration::days(1)),
                    form: Some(REWARD_FORM.into()),
                    level: Some("Tỉnh".into()),
                    decision: Some("1520/QĐ-UBND".into()),
                })
            })
            .await?;
        let scan = self.upload("bang-khen.png", A4).await?;
        crate::change_requests::create_change_request::create_change_request(
            self.app,
            by.clone(),
            NewChangeRequest {
                dossier_id: id.to_owned(),
                revision,
                reason: "Bổ sung Bằng khen của Chủ tịch UBND tỉnh (Quyết định 1520/QĐ-UBND)".into(),
                event_date: day - Duration::days(1),
                evidence: vec![EvidenceItem {
                    document_id: scan,
                    kind: "KHEN_THUONG".into(),
                }],
                campaign_id: None,
            },
        )
        .await?;
        Ok(())
    }

    /// A move to the provincial hospital, or retirement, on a decision of this month.
    async fn transfer(&self, person_id: String, kind: TransferKind) -> Result<(), AppError> {
        let day = self
            .days
            .recent(if kind == TransferKind::Retirement { 3 } else { 1 });
        self.on(day, 11);
        let by = &self.cast.agency;
        let (number, file_name, to_unit_id) = match kind {
            TransferKind::Retirement => ("35/QĐ-SGDĐT", "quyet-dinh-nghi-huu.png", None),
            _ => {
                let hospital = self
                    .app
                    .db(|conn| units::find_by_code(conn, "HY.SYT.BVDK")?.ok_or(AppError::NotFound))
                    .await?;
                ("36/QĐ-SGDĐT", "quyet-dinh-dieu-dong.png", Some(hospital.id))
            }
        };
        let scan = self.upload(file_name, A4).await?;
        crate::transfers::create_transfer::create_transfer(
            self.app,
            by.clone(),
            NewTransfer {
                kind,
                person_id: Some(person_id),
                person_name: None,
                to_unit_id,
                outside_body: None,
                decision: DecisionRef {
                    number: number.into(),
                    date: day,
                    signer: "Giám đốc Sở Giáo dục và Đào tạo".into(),
                    document_id: Some(scan),
                },
                effective_on: day,
                until_on: None,
                note: None,
            },
        )
        .await?;
        Ok(())
    }
}
