// The update and approval workflow (issue #6) and transfers (issue #8) in a real browser. The
// employee submits their dossier; the focal officer checks it against the originals and locks
// it; the head enrols for the built-in signature and signs it; Sở Nội vụ approves it; the
// employee sees the result. The data entry itself is done through the API beforehand (the
// editor has its own browser test).

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, startServer } from "./harness.mjs";
import { tinyPng } from "./fixtures.mjs";

const DEMO_PASSWORD = "HoSo@demo2026";

async function api(baseUrl, token, method, path, body, contentType = "application/json") {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "Content-Type": contentType } : {}) },
    body: body === undefined ? undefined : contentType === "application/json" ? JSON.stringify(body) : body,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return json;
}

async function tokenOf(baseUrl, username) {
  return (await api(baseUrl, null, "POST", "/auth/login", { username, password: DEMO_PASSWORD })).access_token;
}

function content(photo) {
  return {
    photo_document_id: photo,
    identity: {
      full_name: "Nguyễn Văn An", gender: "1", birth_date: "1990-03-15",
      birth_place: { commune: "Xã Phụng Công", province: "33" }, hometown: { commune: "Xã Vũ Phúc", province: "34" },
      ethnicity: "01", religion: "00", citizen_id: "033090012345", citizen_id_issued_on: "2021-05-10",
      phone: "0912 345 678", residence: "Số 5 phố Bãi Sậy, phường Phố Hiến",
      family_background: "Nông dân", occupation_before_recruitment: "Sinh viên",
    },
    career: {
      recruited_on: "2013-09-01", recruiting_body: "Sở Giáo dục và Đào tạo", joined_agency_on: "2015-08-15",
      general_education: "12/12", qualification: "ThS", qualification_field: "Toán học",
      main_duties: "Giảng dạy Toán", longest_job: "Giáo viên Toán",
    },
    salary: {
      grade: "V.07.05.14", grade_appointed_on: "2019-01-01", step: 2, coefficient: 434, effective_on: "2023-01-01",
      percent_received: 100, allowances: [],
    },
    health: { status: "Tốt", height_cm: 168, weight_kg: 60, blood_group: "O" },
    training: [
      { kind: "professional", from: "2008-09-01", to: "2012-06-30", institution: "Đại học Sư phạm Hà Nội", field: "Sư phạm Toán", mode: "CQ", level: "DH" },
    ],
    work_history: [{ from: "2013-09-01", to: null, unit: "Trường THPT chuyên Hưng Yên", title: "Giáo viên" }],
    personal_history: { arrests: "Không", former_regime_service: "Không", foreign_organisations: "Không" },
    ratings: [{ year: 2025, rating: "HTT" }],
    rewards: [], discipline: [],
    family: [{ side: "own", relation: "BO", full_name: "Nguyễn Văn Sơn", birth_year: 1960, hometown: "Hưng Yên", occupation: "Nông dân", residence: "Hưng Yên" }],
    salary_history: [{ from: "2013-09-01", to: null, grade: "V.07.05.14", step: 2, coefficient: 434 }],
    allowance_history: [],
    income_assets: { salary_income: "180 triệu đồng/năm" },
    assessment: "Hoàn thành tốt nhiệm vụ.",
  };
}

async function signIn(page, baseUrl, username) {
  await page.goto(baseUrl + "/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("user-name").waitFor();
}

describe("approval workflow", () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ seedDemo: true });
    browser = await launchBrowser();
    const base = server.baseUrl;
    // Signatures are refused outside the monthly window; the test runs on any date, so the
    // administrator switches the profile to warn-only (a real setting).
    const admin = await tokenOf(base, "quantri");
    await api(base, admin, "PUT", "/settings/regulation-profile", { name: "hung-yen", enforcement: "warn", reason: "Kiểm thử" });
    // The employee's dossier, opened by the agency and filled in by the employee.
    const employee = await tokenOf(base, "nguyenvanan");
    const me = await api(base, employee, "GET", "/me");
    const agency = await tokenOf(base, "sogddt");
    const dossier = await api(base, agency, "POST", "/dossiers", { person_id: me.account.person_id });
    const png = tinyPng;
    const photo = await api(base, employee, "POST", "/documents?file_name=anh-the.png", png, "image/png");
    await api(base, employee, "PUT", `/dossiers/${dossier.id}/draft`, { revision: 1, content: content(photo.id) });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("employee submits, focal officer locks, head signs, Sở Nội vụ approves", async () => {
    const base = server.baseUrl;
    const myDossier = async (page) => {
      await page.getByRole("navigation").getByRole("link", { name: "Hồ sơ của tôi", exact: true }).click();
      return page.getByTestId("review-panel");
    };

    // 1. The employee submits.
    let { page, close } = await openPage(browser, base);
    await signIn(page, base, "nguyenvanan");
    let panel = await myDossier(page);
    await panel.getByRole("button", { name: "Gửi kiểm tra" }).click();
    await panel.getByTestId("review-state").getByText("Đã gửi, chờ cán bộ đầu mối kiểm tra").waitFor();
    await close();

    // 2. The focal officer checks against the originals and locks.
    ({ page, close } = await openPage(browser, base));
    await signIn(page, base, "chuyenvien.sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Phê duyệt", exact: true }).click();
    let item = page.getByTestId("review-item").filter({ hasText: "Nguyễn Văn An" });
    await item.getByRole("button", { name: "Xem thay đổi so với phiên bản đã duyệt" }).click();
    await item.getByTestId("diff").getByText("identity.full_name").waitFor();
    for (const box of await item.locator('fieldset input[type="checkbox"]').all()) await box.check();
    await item.getByRole("button", { name: "Khóa hồ sơ" }).click();
    await page.getByText("Không có hồ sơ nào đang chờ.").waitFor();
    await close();

    // 3. The head enrols for the built-in signature and signs (the window is shown).
    ({ page, close } = await openPage(browser, base));
    await signIn(page, base, "sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Phê duyệt", exact: true }).click();
    await page.getByRole("tab", { name: "Chờ thủ trưởng ký duyệt" }).click();
    await page.getByTestId("window").getByText(/Thời gian ký duyệt: từ \d\d\/\d\d\/\d{4}/).waitFor();
    await page.getByLabel("Mật khẩu xác nhận").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng ký chữ ký số của hệ thống" }).click();
    await page.getByLabel("Chọn hồ sơ Nguyễn Văn An").check();
    await page.getByRole("button", { name: "Ký duyệt các hồ sơ đã chọn" }).click();
    await page.getByTestId("sign-result").getByText("Đã ký 1 hồ sơ.").waitFor();
    await close();

    // 4. Sở Nội vụ approves for the national database.
    ({ page, close } = await openPage(browser, base));
    await signIn(page, base, "quantri");
    await page.getByRole("navigation").getByRole("link", { name: "Phê duyệt", exact: true }).click();
    await page.getByRole("tab", { name: "Chờ Sở Nội vụ phê duyệt" }).click();
    await page.getByLabel("Mật khẩu xác nhận").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng ký chữ ký số của hệ thống" }).click();
    await page.getByLabel("Chọn hồ sơ Nguyễn Văn An").check();
    await page.getByRole("button", { name: "Ký duyệt các hồ sơ đã chọn" }).click();
    await page.getByTestId("sign-result").getByText("Đã ký 1 hồ sơ.").waitFor();
    // The deadline dashboard no longer lists it.
    await page.getByRole("navigation").getByRole("link", { name: "Hạn xử lý", exact: true }).click();
    await page.getByTestId("deadlines").waitFor();
    assert.equal(await page.getByTestId("deadlines").getByText("Nguyễn Văn An").count(), 0);
    await close();

    // 5. The employee sees the outcome.
    ({ page, close } = await openPage(browser, base));
    await signIn(page, base, "nguyenvanan");
    panel = await myDossier(page);
    await panel.getByTestId("review-state").getByText("Sở Nội vụ đã phê duyệt").waitFor();
    // The signed copy (PDF with the signatures embedded) opens from the history.
    await page.getByRole("tab", { name: "Lịch sử thay đổi" }).click();
    const signedCopy = page.waitForEvent("popup");
    await page.getByTestId("versions").getByRole("button", { name: "Bản có chữ ký số (PDF)" }).click();
    const pdfTab = await signedCopy;
    assert.match(pdfTab.url(), /^blob:/);
    await pdfTab.close();
    await close();
  });
});

describe("transfers", () => {
  let server;
  let browser;
  let dossierId;

  before(async () => {
    server = await startServer({ seedDemo: true });
    browser = await launchBrowser();
    const base = server.baseUrl;
    const employee = await tokenOf(base, "nguyenvanan");
    const me = await api(base, employee, "GET", "/me");
    const agency = await tokenOf(base, "sogddt");
    dossierId = (await api(base, agency, "POST", "/dossiers", { person_id: me.account.person_id })).id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("one agency hands a person over and the other accepts", async () => {
    const base = server.baseUrl;
    let { page, close } = await openPage(browser, base);
    await signIn(page, base, "sogddt");
    await page.goto(`${base}/ho-so/${dossierId}`);
    const panel = page.getByTestId("transfer-panel");
    await panel.getByText("Điều động, biệt phái, nghỉ việc…").click();
    await panel.getByLabel("Loại").selectOption("between_agencies");
    await panel.locator('select[name="transfer.to_unit"] option', { hasText: "Bệnh viện Đa khoa tỉnh" }).waitFor({ state: "attached" });
    const hospital = await panel.locator('select[name="transfer.to_unit"] option', { hasText: "Bệnh viện Đa khoa tỉnh" }).getAttribute("value");
    await panel.getByLabel("Đơn vị đến").selectOption(hospital);
    await panel.getByLabel("Số quyết định").fill("12/QĐ-UBND");
    await panel.getByLabel("Ngày quyết định").fill("2026-11-20");
    await panel.getByLabel("Người ký").fill("Chủ tịch UBND tỉnh");
    await panel.getByLabel("Ngày hiệu lực").fill("2026-11-20");
    await panel.getByRole("button", { name: "Ghi nhận" }).click();
    await panel.getByRole("status").getByText(/Đã ghi nhận: Điều động sang cơ quan khác trong tỉnh/).waitFor();
    await panel.getByText("(chờ tiếp nhận)").waitFor();
    await close();

    ({ page, close } = await openPage(browser, base));
    await signIn(page, base, "syte");
    await page.getByRole("navigation").getByRole("link", { name: "Điều động", exact: true }).click();
    const item = page.getByTestId("transfer-item").filter({ hasText: "Nguyễn Văn An" });
    await item.getByRole("button", { name: "Tiếp nhận" }).click();
    await page.getByText("Không có việc nào đang chờ.").waitFor();
    // The dossier is now the receiving agency's.
    await page.goto(`${base}/ho-so/${dossierId}`);
    await page.getByTestId("dossier-facts").getByText("Bệnh viện Đa khoa tỉnh").waitFor();
    await close();

    // And no longer the sender's.
    ({ page, close } = await openPage(browser, base));
    await signIn(page, base, "sogddt");
    await page.goto(`${base}/ho-so/${dossierId}`);
    await page.getByRole("alert").waitFor();
    await close();
  });
});
