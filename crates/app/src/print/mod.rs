//! The printed personal-history form (Circular 06/2023/TT-BNV): the dossier's content laid out
//! in the form's order, headings and numbering, with catalogue labels instead of codes and the
//! photo in its frame. Built from content already reduced to the reader's restriction level,
//! so what the reader may not see is not in the print either.

pub mod pdf;

use chrono::NaiveDate;
use hoso_domain::dossier::content::*;
use hoso_domain::dossier::validation::CatalogIndex;

use self::pdf::{Document, MARGIN, PAGE_WIDTH};

/// What the form's header shows beside the content.
pub struct PrintHeader {
    pub managing_agency: String,
    pub employing_unit: String,
    pub dossier_number: String,
    pub national_identifier: Option<String>,
    pub national_dossier_code: Option<String>,
    /// "Phiên bản 3 đã phê duyệt, mã băm …" or "Bản khai chưa phê duyệt".
    pub status_line: String,
    /// The name of the post item 30.3 names, as the unit calls it.
    pub job_position_name: Option<String>,
}

const BODY: f32 = 10.5;
const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

struct Form<'a> {
    doc: Document,
    catalogs: &'a CatalogIndex,
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

impl Form<'_> {
    /// The label of a catalogue code (the code itself if unknown).
    fn label(&self, kinds: &[&str], code: &Option<String>) -> String {
        match code {
            None => String::new(),
            Some(code) => self
                .catalogs
                .find(kinds, code)
                .map_or_else(|| code.clone(), |e| e.label.clone()),
        }
    }

    fn item(&mut self, label: &str, value: &str) {
        let line = format!("{label}: {value}");
        self.doc.wrapped(MARGIN, WIDTH, &line, BODY, false);
    }

    fn heading(&mut self, title: &str) {
        self.doc.y -= 4.0;
        self.doc.ensure(30.0);
        self.doc.wrapped(MARGIN, WIDTH, title, 11.5, true);
    }

    fn row(&mut self, text: &str) {
        self.doc
            .wrapped(MARGIN + 12.0, WIDTH - 12.0, &format!("– {text}"), BODY, false);
    }

    fn period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
        match (from, to) {
            (from, None) => format!("Từ {} đến nay", date(from)),
            (from, to) => format!("Từ {} đến {}", date(from), date(to)),
        }
    }
}

fn coefficient(c: Option<u32>) -> String {
    c.map(|c| hoso_domain::catalog::coefficient_text(c.into()))
        .unwrap_or_default()
}

/// What a signed print adds (USE-5): a page listing the signatures, and the signed export
/// embedded as a file, so that the PDF itself can be verified offline (`hoso verify FILE.pdf`).
pub struct SignedAppendix<'a> {
    pub lines: Vec<String>,
    pub file_name: String,
    pub export_json: &'a [u8],
}

/// The form as a PDF.
pub fn dossier_pdf(
    header: &PrintHeader,
    content: &DossierContent,
    catalogs: &CatalogIndex,
    photo: Option<(&[u8], u32, u32)>,
    signed: Option<SignedAppendix<'_>>,
) -> Vec<u8> {
    let mut f = Form {
        doc: Document::new(),
        catalogs,
    };
    let top = f.doc.y;
    f.doc.text_at(
        MARGIN,
        top,
        &format!("Cơ quan quản lý: {}", header.managing_agency),
        9.5,
        false,
    );
    f.doc.text_at(
        MARGIN,
        top - 13.0,
        &format!("Đơn vị sử dụng: {}", header.employing_unit),
        9.5,
        false,
    );
    let right = format!("Số hiệu hồ sơ: {}", header.dossier_number);
    let w = f.doc.width(&right, 9.5, false);
    f.doc.text_at(PAGE_WIDTH - MARGIN - w, top, &right, 9.5, false);
    let id_line = format!(
        "Mã số định danh: {}",
        header.national_identifier.clone().unwrap_or_default()
    );
    let w = f.doc.width(&id_line, 9.5, false);
    f.doc
        .text_at(PAGE_WIDTH - MARGIN - w, top - 13.0, &id_line, 9.5, false);
    if let Some(code) = &header.national_dossier_code {
        let line = format!("Số hiệu hồ sơ quốc gia: {code}");
        let w = f.doc.width(&line, 9.5, false);
        f.doc
            .text_at(PAGE_WIDTH - MARGIN - w, top - 26.0, &line, 9.5, false);
    }

    // The 4×6 photo frame on the left, the title beside it.
    let (photo_w, photo_h) = (85.0, 113.0);
    let photo_y = top - 35.0 - photo_h;
    f.doc.frame(MARGIN, photo_y, photo_w, photo_h);
    match photo {
        Some(_) => f
            .doc
            .jpeg(MARGIN + 1.0, photo_y + 1.0, photo_w - 2.0, photo_h - 2.0),
        None => f
            .doc
            .text_at(MARGIN + 18.0, photo_y + photo_h / 2.0, "Ảnh 4×6", 9.0, false),
    }
    let title = "SƠ YẾU LÝ LỊCH";
    let w = f.doc.width(title, 16.0, true);
    let title_x = MARGIN + photo_w + (WIDTH - photo_w - w) / 2.0;
    f.doc.text_at(title_x, top - 70.0, title, 16.0, true);
    let sub = "Cán bộ, công chức, viên chức (Thông tư 06/2023/TT-BNV)";
    let w = f.doc.width(sub, 9.5, false);
    f.doc.text_at(
        MARGIN + photo_w + (WIDTH - photo_w - w) / 2.0,
        top - 88.0,
        sub,
        9.5,
        false,
    );
    let w = f.doc.width(&header.status_line, 8.5, false);
    f.doc.text_at(
        MARGIN + photo_w + (WIDTH - photo_w - w) / 2.0,
        top - 104.0,
        &header.status_line,
        8.5,
        false,
    );
    f.doc.y = photo_y - 20.0;

    let id = &content.identity;
    f.item(
        "1) Họ và tên khai sinh (viết chữ in hoa)",
        &text(&id.full_name).to_uppercase(),
    );
    f.item("    Giới tính", &f.label(&["genders"], &id.gender));
    f.item("2) Các tên gọi khác", &text(&id.other_names));
    f.item("3) Sinh ngày", &date(id.birth_date));
    let place = |f: &Form<'_>, p: &Place| hoso_domain::dossier::validation::place_text(p, f.catalogs);
    let birth_place = place(&f, &id.birth_place);
    let hometown = place(&f, &id.hometown);
    f.item("4) Nơi sinh", &birth_place);
    f.item("5) Quê quán", &hometown);
    f.item("6) Dân tộc", &f.label(&["ethnicities"], &id.ethnicity));
    f.item("7) Tôn giáo", &f.label(&["religions"], &id.religion));
    f.item(
        "8) Số CCCD",
        &format!(
            "{}   Ngày cấp: {}   Số điện thoại: {}",
            text(&id.citizen_id),
            date(id.citizen_id_issued_on),
            text(&id.phone)
        ),
    );
    f.item(
        "9) Số BHXH",
        &format!(
            "{}   Số thẻ BHYT: {}",
            text(&id.social_insurance_number),
            text(&id.health_insurance_number)
        ),
    );
    let residence = [text(&id.residence), place(&f, &id.residence_place)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    f.item("10) Nơi ở hiện nay", &residence);
    f.item("11) Thành phần gia đình xuất thân", &text(&id.family_background));
    f.item(
        "12) Nghề nghiệp trước khi được tuyển dụng",
        &text(&id.occupation_before_recruitment),
    );
    let c = &content.career;
    f.item(
        "13) Ngày được tuyển dụng lần đầu",
        &format!(
            "{}   Cơ quan, đơn vị tuyển dụng: {}",
            date(c.recruited_on),
            text(&c.recruiting_body)
        ),
    );
    f.item(
        "14) Ngày vào cơ quan hiện đang công tác",
        &date(c.joined_agency_on),
    );
    f.item(
        "15) Ngày vào Đảng Cộng sản Việt Nam",
        &format!(
            "{}   Ngày chính thức: {}",
            date(c.party_joined_on),
            date(c.party_official_on)
        ),
    );
    f.item(
        "16) Ngày tham gia tổ chức chính trị - xã hội đầu tiên",
        &date(c.socio_political_org_joined_on),
    );
    f.item(
        "17) Ngày nhập ngũ",
        &format!(
            "{}   Ngày xuất ngũ: {}   Quân hàm cao nhất: {}",
            date(c.military_enlisted_on),
            date(c.military_discharged_on),
            f.label(&["military_ranks"], &c.military_rank)
        ),
    );
    f.item(
        "18) Đối tượng chính sách",
        &f.label(&["policy_beneficiaries"], &c.policy_beneficiary),
    );
    f.item(
        "19) Trình độ giáo dục phổ thông",
        &f.label(&["general_education"], &c.general_education),
    );
    f.item(
        "20) Trình độ chuyên môn cao nhất",
        &format!(
            "{} {}",
            f.label(&["qualifications"], &c.qualification),
            text(&c.qualification_field)
        ),
    );
    f.item(
        "21) Học hàm",
        &format!(
            "{} {}",
            f.label(&["academic_titles"], &c.academic_title),
            c.academic_title_year
                .map(|y| format!("năm {y}"))
                .unwrap_or_default()
        ),
    );
    f.item(
        "22) Danh hiệu được phong tặng cao nhất",
        &f.label(&["state_honours"], &c.state_honour),
    );
    f.item(
        "23) Chức vụ hiện tại",
        &format!(
            "{}   Ngày bổ nhiệm: {}   Ngày bổ nhiệm lại: {}",
            f.label(&["leadership_positions"], &c.position),
            date(c.position_appointed_on),
            date(c.position_reappointed_on)
        ),
    );
    f.item("24) Được quy hoạch chức danh", &text(&c.planned_position));
    f.item("25) Chức vụ kiêm nhiệm", &text(&c.concurrent_positions));
    f.item(
        "26) Chức vụ Đảng hiện tại",
        &f.label(&["party_positions"], &c.party_position),
    );
    f.item("27) Chức vụ Đảng kiêm nhiệm", &text(&c.concurrent_party_position));
    f.item("28) Công việc chính được giao", &text(&c.main_duties));
    f.item(
        "29) Sở trường công tác",
        &format!(
            "{}   Công việc làm lâu nhất: {}",
            text(&c.strengths),
            text(&c.longest_job)
        ),
    );
    let s = &content.salary;
    f.heading("30) Tiền lương");
    // Only what was stated: an empty part would print as "(mã )" or "Vượt khung: % từ".
    let stated = |label: &str, value: String| (!value.is_empty()).then(|| format!("{label}: {value}"));
    let grade = s.grade.as_ref().map(|code| {
        format!(
            "{} (mã {code})",
            f.label(hoso_domain::catalog::GRADE_KINDS, &s.grade)
        )
    });
    let parts: Vec<String> = [
        grade,
        stated("Ngày bổ nhiệm", date(s.grade_appointed_on)),
        stated("Bậc", s.step.map(|x| x.to_string()).unwrap_or_default()),
        stated("Hệ số", coefficient(s.coefficient)),
        stated("Ngày hưởng", date(s.effective_on)),
        stated(
            "Phần trăm hưởng",
            s.percent_received.map(|x| format!("{x}%")).unwrap_or_default(),
        ),
        s.beyond_frame_percent.map(|x| {
            let since = date(s.beyond_frame_on);
            if since.is_empty() {
                format!("Vượt khung: {x}%")
            } else {
                format!("Vượt khung: {x}% từ {since}")
            }
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    f.item("30.1) Ngạch/chức danh nghề nghiệp", &parts.join("   "));
    let allowances: Vec<String> = s
        .allowances
        .iter()
        .map(|a| {
            format!(
                "{} {}{}",
                f.label(&["allowances"], &a.kind),
                coefficient(a.coefficient),
                a.percent.map(|p| format!(" {p}%")).unwrap_or_default()
            )
        })
        .collect();
    f.item("30.2) Phụ cấp", &allowances.join("; "));
    f.item(
        "30.3) Vị trí việc làm",
        &format!(
            "{}   Lương theo vị trí việc làm: {}   Ngày hưởng: {}",
            match (&s.job_position, &header.job_position_name) {
                (Some(code), Some(name)) => format!("{name} ({code})"),
                _ => text(&s.job_position),
            },
            s.job_position_pay.map(|p| p.to_string()).unwrap_or_default(),
            date(s.job_position_on)
        ),
    );
    let h = &content.health;
    f.item(
        "31) Tình trạng sức khỏe",
        &format!(
            "{}   Chiều cao: {}   Cân nặng: {}   Nhóm máu: {}",
            text(&h.status),
            h.height_cm.map(|x| format!("{x} cm")).unwrap_or_default(),
            h.weight_kg.map(|x| format!("{x} kg")).unwrap_or_default(),
            f.label(&["blood_groups"], &h.blood_group)
        ),
    );

    f.heading("32) Quá trình đào tạo, bồi dưỡng");
    for (kind, title) in [
        (TrainingKind::Professional, "32.1) Chuyên môn"),
        (TrainingKind::PoliticalTheory, "32.2) Lý luận chính trị"),
        (TrainingKind::StateManagement, "32.3) Quản lý nhà nước"),
        (TrainingKind::DefenceSecurity, "32.4) Quốc phòng, an ninh"),
        (TrainingKind::InformationTechnology, "32.5) Tin học"),
        (TrainingKind::Language, "32.6) Ngoại ngữ, tiếng dân tộc"),
    ] {
        f.doc.wrapped(MARGIN, WIDTH, title, BODY, true);
        for t in content.training.iter().filter(|t| t.kind == kind) {
            let level = f.label(&[kind.level_catalog()], &t.level);
            let language = f.label(&["languages"], &t.language);
            let mode = f.label(&["training_modes"], &t.mode);
            f.row(&format!(
                "{}: {} {} {} {} {} {}",
                Form::period(t.from, t.to),
                text(&t.institution),
                text(&t.field),
                language,
                level,
                mode,
                text(&t.score)
            ));
        }
    }
    f.heading("33) Tóm tắt quá trình công tác");
    for w in &content.work_history {
        f.row(&format!(
            "{}: {}, {}",
            Form::period(w.from, w.to),
            text(&w.unit),
            text(&w.title)
        ));
    }
    f.heading("34) Đặc điểm lịch sử bản thân");
    let p = &content.personal_history;
    f.item("Bị bắt, bị tù", &text(&p.arrests));
    f.item("Làm việc trong chế độ cũ", &text(&p.former_regime_service));
    f.item(
        "Tham gia hoặc có quan hệ với tổ chức nước ngoài",
        &text(&p.foreign_organisations),
    );
    f.heading("35) Đánh giá, xếp loại; khen thưởng; kỷ luật");
    for r in &content.ratings {
        f.row(&format!(
            "Năm {}: {}; {}",
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            f.label(&["ratings"], &r.rating),
            f.label(&["emulation_titles"], &r.emulation_title)
        ));
    }
    for r in &content.rewards {
        f.row(&format!(
            "Khen thưởng {}: {} ({}), quyết định {}",
            date(r.decided_on),
            f.label(&["reward_forms"], &r.form),
            text(&r.level),
            text(&r.decision)
        ));
    }
    for d in &content.discipline {
        f.row(&format!(
            "Kỷ luật {}: {} — {}; {} quyết định {}",
            date(d.decided_on),
            f.label(&["discipline_forms"], &d.form),
            text(&d.violation),
            text(&d.deciding_body),
            text(&d.decision)
        ));
    }
    for (side, title) in [
        (FamilySide::Own, "36) Quan hệ gia đình — về bản thân"),
        (FamilySide::Spouse, "36) Quan hệ gia đình — về bên vợ (chồng)"),
    ] {
        f.heading(title);
        for m in content.family.iter().filter(|m| m.side == side) {
            f.row(&format!(
                "{}: {}, sinh năm {}; quê quán {}; {}; {}; nơi ở {}",
                f.label(&["family_relations"], &m.relation),
                text(&m.full_name),
                m.birth_year.map(|y| y.to_string()).unwrap_or_default(),
                text(&m.hometown),
                text(&m.occupation),
                text(&m.workplace),
                text(&m.residence)
            ));
        }
    }
    f.heading("37) Quá trình lương, phụ cấp, thu nhập");
    for r in &content.salary_history {
        f.row(&format!(
            "{}: mã ngạch {}, bậc {}, hệ số {}",
            Form::period(r.from, r.to),
            text(&r.grade),
            r.step.map(|x| x.to_string()).unwrap_or_default(),
            coefficient(r.coefficient)
        ));
    }
    for a in &content.allowance_history {
        f.row(&format!(
            "{}: {} {}{}",
            Form::period(a.from, a.to),
            f.label(&["allowances"], &a.kind),
            coefficient(a.coefficient),
            a.percent.map(|p| format!(" {p}%")).unwrap_or_default()
        ));
    }
    let i = &content.income_assets;
    f.item(
        "37.3) Thu nhập, nhà ở, đất ở",
        &[
            text(&i.salary_income),
            text(&i.other_income),
            text(&i.housing),
            text(&i.land),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; "),
    );
    if let Some(k) = &content.contract {
        f.heading("Hợp đồng lao động");
        f.item(
            "Số, loại hợp đồng",
            &format!("{} — {}", text(&k.number), f.label(&["contract_types"], &k.kind)),
        );
        f.item(
            "Ngày ký, bắt đầu, hết hạn",
            &format!(
                "{} — {} — {}",
                date(k.signed_on),
                date(k.starts_on),
                date(k.ends_on)
            ),
        );
        f.item(
            "Công việc, địa điểm",
            &format!("{}, {}", text(&k.job), text(&k.workplace)),
        );
        f.item(
            "Mức lương, phụ cấp, bảo hiểm",
            &format!(
                "{}; {}; {}",
                text(&k.pay),
                text(&k.allowances),
                text(&k.insurance)
            ),
        );
        for r in &k.renewals {
            f.row(&format!(
                "Gia hạn {} ký ngày {}, đến {}",
                text(&r.number),
                date(r.signed_on),
                date(r.ends_on)
            ));
        }
        if let Some(t) = &k.termination {
            f.row(&format!(
                "Chấm dứt ngày {}: {} ({})",
                date(t.on),
                text(&t.reason),
                text(&t.decision)
            ));
        }
    }
    f.heading("38) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng");
    f.doc
        .wrapped(MARGIN, WIDTH, &text(&content.assessment), BODY, false);
    f.doc.y -= 20.0;
    f.doc.ensure(60.0);
    let y = f.doc.y;
    f.doc.text_at(MARGIN + 20.0, y, "Người khai", BODY, true);
    f.doc.text_at(
        PAGE_WIDTH - MARGIN - 200.0,
        y,
        "Thủ trưởng cơ quan, đơn vị",
        BODY,
        true,
    );
    let title = format!(
        "Sơ yếu lý lịch {} — {}",
        text(&content.identity.full_name),
        header.dossier_number
    );
    match signed {
        None => f.doc.finish(&title, photo, None),
        Some(appendix) => {
            f.doc.y -= 60.0;
            f.heading("Chữ ký số");
            for line in &appendix.lines {
                f.row(line);
            }
            f.item(
                "Kiểm tra",
                &format!(
                    "tệp đính kèm {} — lệnh «hoso verify» với chứng thư gốc tin cậy",
                    appendix.file_name
                ),
            );
            f.doc.finish(
                &title,
                photo,
                Some((appendix.file_name.as_str(), appendix.export_json)),
            )
        }
    }
}
