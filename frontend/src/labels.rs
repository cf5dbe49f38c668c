//! Vietnamese names of the API's codes.

use hoso_domain::access::AccountKind;

pub fn kind(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::Admin => "Quản trị hệ thống",
        AccountKind::Agency => "Tài khoản cơ quan",
        AccountKind::Specialist => "Tài khoản chuyên viên",
        AccountKind::Personal => "Tài khoản cá nhân",
    }
}

pub fn status(status: &str) -> &'static str {
    match status {
        "active" => "Đang hoạt động",
        "locked" => "Đã khóa",
        "revoked" => "Đã thu hồi",
        "pending" => "Chờ duyệt",
        "approved" => "Đã duyệt",
        "rejected" => "Từ chối",
        _ => "Không rõ",
    }
}

pub fn outcome(outcome: &str) -> &'static str {
    match outcome {
        "success" => "Thành công",
        "failure" => "Thất bại",
        "denied" => "Bị từ chối",
        _ => "Không rõ",
    }
}

/// What an audited action was, for people.
pub fn action(action: &str) -> String {
    let label = match action {
        "auth.sign_in" => "Đăng nhập",
        "auth.sign_out" => "Đăng xuất",
        "auth.client_token" => "Hệ thống khác lấy mã truy cập",
        "auth.refresh_token_reused" => "Phát hiện dùng lại mã phiên",
        "account.created" => "Cấp tài khoản",
        "account.changed" => "Thay đổi tài khoản",
        "account.restricted" => "Hạn chế quyền",
        "account.expanded" => "Mở rộng quyền",
        "account.locked" => "Khóa tài khoản",
        "account.mail_settings_changed" => "Đổi cài đặt thông báo email",
        "account.unlocked" => "Mở khóa tài khoản",
        "account.revoked" => "Thu hồi tài khoản",
        "account.password_reset" => "Cấp lại mật khẩu",
        "account.password_changed" => "Đổi mật khẩu",
        "account.handed_over" => "Bàn giao tài khoản",
        "account_request.filed" => "Gửi đề nghị cấp tài khoản",
        "account_request.approved" => "Duyệt đề nghị cấp tài khoản",
        "account_request.rejected" => "Từ chối đề nghị cấp tài khoản",
        "api_client.created" => "Cấp kết nối hệ thống",
        "api_client.secret_rotated" => "Đổi khóa bí mật kết nối",
        "api_client.revoked" => "Thu hồi kết nối",
        "job.retried" => "Chạy lại tác vụ nền",
        "job.cancelled" => "Hủy tác vụ nền",
        "job.dead" => "Tác vụ nền bị lỗi",
        "national.acknowledged" => "CSDL quốc gia đã nhận hồ sơ",
        "national.refused" => "CSDL quốc gia từ chối gói tin",
        "national.retried" => "Gửi lại gói tin lên CSDL quốc gia",
        "national.record_pulled" => "Tra cứu CSDL quốc gia cho người tiếp nhận",
        "national.reconciliation_requested" => "Yêu cầu đối chiếu với CSDL quốc gia",
        "national.reconciled" => "Đối chiếu với CSDL quốc gia",
        "national.difference_resent" => "Gửi lại hồ sơ sau đối chiếu",
        "national.consent_recorded" => "Ghi nhận văn bản đồng ý chia sẻ dữ liệu",
        "national.correction_received" => "Nhận bản hiệu chỉnh của Bộ Nội vụ",
        "national.correction_applied" => "Đưa bản hiệu chỉnh của Bộ Nội vụ vào bản khai",
        "national.correction_dismissed" => "Không nhận bản hiệu chỉnh của Bộ Nội vụ",
        "backup.requested" => "Yêu cầu sao lưu",
        "backup.verified" => "Sao lưu và kiểm tra đạt",
        "backup.failed" => "Sao lưu không thành công",
        "backup.deleted" => "Xóa bản sao lưu",
        "backup.restored" => "Phục hồi từ bản sao lưu",
        "dossier.created" => "Mở hồ sơ",
        "dossier.viewed" => "Xem hồ sơ",
        "dossier.attachment_added" => "Đính kèm tài liệu vào hồ sơ",
        "dossier.submitted" => "Gửi hồ sơ để kiểm tra",
        "dossier.returned" => "Trả lại hồ sơ",
        "dossier.locked" => "Kiểm tra, khóa hồ sơ",
        "dossier.signed" => "Ký duyệt hồ sơ",
        "dossier.change_requested" => "Đề nghị cập nhật thay đổi",
        "dossier.exported" => "Xuất hồ sơ ra tệp Excel để cập nhật",
        "document.uploaded" => "Tải lên tài liệu",
        "document.downloaded" => "Mở tài liệu trong hồ sơ",
        "search.exported" => "Xuất danh sách tìm kiếm có tên bạn ra tệp",
        "list.exported" => "Xuất danh sách nghiệp vụ có tên bạn ra tệp",
        "dossier.attachment_downloaded" => "Mở tài liệu đính kèm của hồ sơ",
        "dossier.draft_saved" => "Lưu bản khai",
        "dossier.imported" => "Nhập hồ sơ từ tệp Excel",
        "dossier.national_ids_set" => "Ghi mã định danh, mã hồ sơ quốc gia",
        "dossier.printed" => "In sơ yếu lý lịch",
        "dossier.signing_payload" => "Lấy nội dung để ký số",
        "import.checked" => "Kiểm tra tệp nhập",
        "import.commit_started" => "Bắt đầu ghi dữ liệu nhập",
        "import.committed" => "Ghi xong dữ liệu nhập",
        "person.recruited" => "Ghi nhận tuyển dụng",
        "person.category_changed" => "Thay đổi loại cán bộ, công chức, viên chức",
        "person.transferred" => "Điều động, chuyển công tác",
        "transfer.filed" => "Lập điều động, chuyển công tác",
        "transfer.completed" => "Hoàn tất điều động, tiếp nhận",
        "transfer.returned" => "Kết thúc biệt phái",
        "position.created" => "Tạo vị trí việc làm",
        "position.assigned" => "Bố trí vị trí việc làm",
        "unit.created" => "Thành lập đơn vị",
        "unit.renamed" => "Đổi tên đơn vị",
        "unit.moved" => "Chuyển đơn vị sang cấp trên khác",
        "unit.merged" => "Sáp nhập đơn vị",
        "unit.split" => "Chia tách đơn vị",
        "unit.dissolved" => "Giải thể đơn vị",
        "unit.quota_set" => "Giao biên chế",
        "unit_request.filed" => "Đề nghị thành lập đơn vị",
        "unit_request.approved" => "Duyệt đề nghị thành lập đơn vị",
        "unit_request.rejected" => "Từ chối đề nghị thành lập đơn vị",
        "campaign.opened" => "Mở đợt cập nhật hồ sơ",
        "calendar.plan_set" => "Cập nhật lịch nghỉ, làm bù của năm",
        "catalog.entry_added" => "Thêm mục danh mục",
        "catalog.entry_retired" => "Ngừng dùng mục danh mục",
        "catalog.national_check_requested" => "Kiểm tra danh mục mới của CSDL quốc gia",
        "catalog.national_version_read" => "Đọc phiên bản danh mục của CSDL quốc gia",
        "catalog.national_update_accepted" => "Áp dụng phiên bản danh mục của CSDL quốc gia",
        "catalog.national_update_rejected" => "Từ chối phiên bản danh mục của CSDL quốc gia",
        "dossier.national_log_viewed" => "Xem nhật ký trao đổi với CSDL quốc gia",
        "settings.regulation_profile_changed" => "Thay đổi quy chế áp dụng",
        "signing.certificate_registered" => "Đăng ký chứng thư số",
        "system.initialised" => "Khởi tạo hệ thống",
        other => return other.to_owned(),
    };
    label.to_owned()
}

pub fn datetime(at: &chrono::DateTime<chrono::Utc>) -> String {
    // Vietnam's time (UTC+7, no daylight saving), as people read it: 22/11/2026 14:05.
    let local = *at + chrono::Duration::hours(7);
    local.format("%d/%m/%Y %H:%M").to_string()
}

/// A unit's name indented by its depth, for select lists that show the tree.
pub fn indented(name: &str, depth: u32) -> String {
    format!("{}{name}", "— ".repeat(depth as usize))
}

/// A background job's state.
pub fn job_state(state: &str) -> &'static str {
    match state {
        "queued" => "Đang chờ",
        "running" => "Đang chạy",
        "succeeded" => "Hoàn thành",
        "dead" => "Lỗi",
        "cancelled" => "Đã hủy",
        _ => "Không rõ",
    }
}

/// What a kind of background job does.
pub fn job_kind(kind: &str) -> String {
    let label = match kind {
        "report" => "Lập báo cáo",
        "system.housekeeping" => "Dọn dẹp tác vụ đã xong",
        "import.commit" => "Ghi dữ liệu nhập từ Excel",
        "backup" => "Sao lưu dữ liệu",
        "national.deliver" => "Gửi dữ liệu lên CSDL quốc gia",
        "national.reconcile" => "Đối chiếu với CSDL quốc gia",
        "national.catalogs" => "Kiểm tra danh mục của CSDL quốc gia",
        other => return other.to_owned(),
    };
    label.to_owned()
}

/// Who or what queued a job.
pub fn job_origin(kind: &str, name: Option<&str>) -> String {
    match (kind, name) {
        ("account", Some(name)) => format!("Tài khoản {name}"),
        ("schedule", Some(name)) => format!("Lịch định kỳ ({name})"),
        ("client", Some(name)) => format!("Hệ thống {name}"),
        _ => "Hệ thống".to_owned(),
    }
}

/// A national-sync message's state.
pub fn national_state(state: &str) -> &'static str {
    match state {
        "queued" => "Chờ gửi",
        "sending" => "Đang gửi",
        "acknowledged" => "Đã nhận",
        "dead" => "Bị từ chối",
        "never_sent" => "Chưa gửi",
        _ => "Không rõ",
    }
}

/// What a reconciliation found.
pub fn difference_kind(kind: &str) -> &'static str {
    match kind {
        "missing_there" => "CSDL quốc gia không còn giữ",
        "different" => "Nội dung khác nhau",
        "missing_here" => "Chỉ có ở CSDL quốc gia",
        _ => "Khác",
    }
}

/// A reconciliation's state.
pub fn reconciliation_state(state: &str) -> &'static str {
    match state {
        "running" => "Đang đối chiếu",
        "done" => "Đã xong",
        "failed" => "Thất bại",
        _ => "Không rõ",
    }
}

/// Why a national-sync message was sent.
pub fn national_kind(kind: &str) -> &'static str {
    match kind {
        "version_approved" => "Phiên bản được phê duyệt",
        "status_changed" => "Thôi công tác / chuyển đi",
        _ => "Khác",
    }
}

pub fn position_group(group: hoso_api_types::units::PositionGroup) -> &'static str {
    use hoso_api_types::units::PositionGroup;
    match group {
        PositionGroup::Leadership => "Lãnh đạo, quản lý",
        PositionGroup::Professional => "Chuyên môn, nghiệp vụ",
        PositionGroup::SharedProfessional => "Chuyên môn dùng chung",
        PositionGroup::Support => "Hỗ trợ, phục vụ",
    }
}
