// The organisation tree in a real browser (issue #4): read as of a day, search, and merge two
// schools through the wizard with its preview.

import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, pickPerson, startServer } from "./harness.mjs";

const DEMO_PASSWORD = "HoSo@demo2026";

async function signIn(page, baseUrl, username) {
  await page.goto(baseUrl + "/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("user-name").waitFor();
}

function isoDay(offsetDays) {
  const vietnam = new Date(Date.now() + 7 * 3600 * 1000 + offsetDays * 86400 * 1000);
  return vietnam.toISOString().slice(0, 10);
}

describe("organisation tree", () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ seedDemo: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("an agency sees its own subtree and can search it", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Cơ cấu tổ chức" }).click();
    const tree = page.getByTestId("unit-tree");
    await tree.getByRole("link", { name: "Trường THPT Thái Bình" }).waitFor();
    assert.equal(await tree.getByRole("link", { name: "Sở Y tế" }).count(), 0);
    await page.getByPlaceholder("Tìm theo tên hoặc mã đơn vị").fill("thái bình");
    await tree.getByRole("link", { name: "Trường THPT chuyên Hưng Yên" }).waitFor({ state: "detached" });
    assert.equal(await tree.getByRole("link", { name: "Sở Giáo dục và Đào tạo" }).count(), 1, "ancestors stay");
    await close();
  });

  test("an agency adds a job position to one of its schools", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt");
    await page.goto(server.baseUrl + "/to-chuc");
    await page.getByTestId("unit-tree").getByRole("link", { name: "Trường THPT chuyên Hưng Yên" }).click();
    const positions = page.getByTestId("positions");
    await positions.getByText("Giáo viên trung học phổ thông hạng II", { exact: true }).waitFor();
    await page.getByLabel("Mã", { exact: true }).fill("TV");
    await page.getByLabel("Tên vị trí").fill("Thư viện");
    await page.locator("select[name=position_group]").selectOption("shared_professional");
    await page.getByLabel("Số lượng người làm việc").fill("1");
    await page.locator("input[name=position_reason]").fill("Bổ sung theo đề án");
    // The required title comes from the catalogue, shown with its label.
    await page.locator("select[name=position_grade]").selectOption("V.07.05.13");
    await page.getByRole("button", { name: "Thêm vị trí" }).click();
    const row = positions.locator("tr", { hasText: "Thư viện" });
    await row.getByText("V.07.05.13 — Giáo viên trung học phổ thông hạng I").waitFor();
    // Give it to one of the school's people: their previous position is freed.
    await pickPerson(row, "Người đảm nhận TV", "Đinh", "Đinh Văn Hùng — Trường THPT chuyên Hưng Yên");
    await row.getByRole("button", { name: "Giao" }).click();
    await row.locator("td").nth(5).getByText("Đinh Văn Hùng").waitFor();
    const guard = positions.locator("tr", { hasText: "Bảo vệ" });
    assert.equal(await guard.locator("td").nth(5).innerText(), "", "the guard post he held is free again");
    await close();
  });

  test("Sở Nội vụ extends a catalogue; a malformed code is refused beside its field", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.getByRole("navigation").getByRole("link", { name: "Danh mục dùng chung" }).click();
    await page.getByTestId("catalogs").getByRole("link", { name: "Ngạch công chức" }).click();
    const entries = page.getByTestId("catalog-entries");
    await entries.getByText("Chuyên viên chính").waitFor();
    await page.getByLabel("Mã", { exact: true }).fill("9.1");
    await page.getByLabel("Tên", { exact: true }).fill("Ngạch thử nghiệm");
    await page.getByLabel("Mã mục cha (nếu danh mục có)").fill("A1");
    await page.getByLabel("Căn cứ (văn bản quy định)").fill("Thông tư 99/2026/TT-BNV");
    await page.getByRole("button", { name: "Bổ sung" }).click();
    await page.locator('.field-error[data-field="code"]').filter({ hasText: "99.999" }).waitFor();
    await page.getByLabel("Mã", { exact: true }).fill("09.901");
    await page.getByRole("button", { name: "Bổ sung" }).click();
    await entries.locator("tr", { hasText: "09.901" }).getByText("Bổ sung tại tỉnh").waitFor();
    await close();

    const employee = await openPage(browser, server.baseUrl);
    await signIn(employee.page, server.baseUrl, "nguyenvanan");
    await employee.page.goto(server.baseUrl + "/danh-muc/ethnicities");
    await employee.page.getByTestId("catalog-entries").getByText("Ơ-đu").waitFor();
    assert.equal(await employee.page.getByRole("button", { name: "Bổ sung" }).count(), 0, "only administrators extend");
    await employee.close();
  });

  test("Sở Nội vụ splits a hospital in two after a preview of who goes where", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.goto(server.baseUrl + "/to-chuc");
    await page.getByRole("link", { name: "Chia tách đơn vị" }).click();
    await page.locator("select[name=split_source]").selectOption({ label: "— Bệnh viện Đa khoa tỉnh" });
    await page.getByLabel("Mã đơn vị mới 1").fill("HY.SYT.BVDK1");
    await page.getByLabel("Tên đơn vị mới 1").fill("Bệnh viện Đa khoa tỉnh cơ sở 1");
    await page.getByLabel("Mã đơn vị mới 2").fill("HY.SYT.BVDK2");
    await page.getByLabel("Tên đơn vị mới 2").fill("Bệnh viện Đa khoa tỉnh cơ sở 2");
    await page.getByLabel("Những người còn lại chuyển về").selectOption({ label: "Bệnh viện Đa khoa tỉnh cơ sở 1" });
    await pickPerson(page, "Tìm người chuyển riêng", "Hoàng Thị Em", "Hoàng Thị Em — Bệnh viện Đa khoa tỉnh");
    await page.getByLabel("Nơi chuyển đến của Hoàng Thị Em").selectOption({ label: "Bệnh viện Đa khoa tỉnh cơ sở 2" });
    await page.getByLabel("Lý do").fill("Tổ chức lại theo đề án của UBND tỉnh");
    await page.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.getByTestId("split-preview");
    await preview.locator("tr", { hasText: "Hoàng Thị Em" }).getByText("Bệnh viện Đa khoa tỉnh cơ sở 2").waitFor();
    await page.getByTestId("confirm-split").click();
    await page.getByTestId("split-done").getByRole("link", { name: "Bệnh viện Đa khoa tỉnh cơ sở 1" }).waitFor();
    await page.getByTestId("split-done").getByRole("link", { name: "Bệnh viện Đa khoa tỉnh cơ sở 2" }).click();
    await page.getByTestId("unit-facts").getByText("Hình thành từ").waitFor();
    await close();
  });

  test("Sở Nội vụ splits a unit of more than 200 people, naming only those who go elsewhere", async () => {
    // 230 generated people with approved dossiers, all in the disease-control centre.
    const big = await startServer({
      seedDemo: true,
      beforeServe: (dataDir) =>
        execFileSync(process.env.HOSO_BIN, ["seed-bulk", "--people", "230", "--unit", "HY.SYT.TTKSBT"], {
          env: { ...process.env, HOSO_DATA_DIR: dataDir, HOSO_LOG: "warn" },
          stdio: ["ignore", "ignore", "inherit"],
        }),
    });
    try {
      const { page, close } = await openPage(browser, big.baseUrl);
      await signIn(page, big.baseUrl, "quantri");
      await page.goto(big.baseUrl + "/to-chuc/chia-tach");
      await page.locator("select[name=split_source]").selectOption({ label: "— Trung tâm Kiểm soát bệnh tật tỉnh" });
      await page.getByLabel("Mã đơn vị mới 1").fill("HY.SYT.CDC1");
      await page.getByLabel("Tên đơn vị mới 1").fill("Trung tâm Kiểm soát bệnh tật");
      await page.getByLabel("Mã đơn vị mới 2").fill("HY.SYT.GDSK");
      await page.getByLabel("Tên đơn vị mới 2").fill("Trung tâm Truyền thông giáo dục sức khỏe");
      await page.getByLabel("Những người còn lại chuyển về").selectOption({ label: "Trung tâm Kiểm soát bệnh tật" });
      // One person goes elsewhere: found by the server as one types, without tone marks.
      const box = page.getByLabel("Tìm người chuyển riêng", { exact: true });
      await box.fill("nguyen");
      const first = page.getByRole("listbox", { name: "Kết quả: Tìm người chuyển riêng" }).getByRole("button").first();
      const picked = (await first.innerText()).split(" — ")[0];
      await first.click();
      await page.getByLabel(`Nơi chuyển đến của ${picked}`).selectOption({ label: "Trung tâm Truyền thông giáo dục sức khỏe" });
      await page.getByLabel("Lý do").fill("Tách bộ phận truyền thông theo đề án");
      await page.getByRole("button", { name: "Xem trước" }).click();
      const preview = page.getByTestId("split-preview");
      const elsewhere = preview.locator("tbody tr", { hasText: "Trung tâm Truyền thông giáo dục sức khỏe" });
      await elsewhere.waitFor();
      assert.equal(await elsewhere.count(), 1, "only the one named goes elsewhere");
      assert.ok((await elsewhere.innerText()).includes(picked));
      const moves = await preview.locator("tbody tr").count();
      assert.ok(moves > 230, `everyone of the centre is in the preview (${moves})`);
      await page.getByTestId("confirm-split").click();
      const done = page.getByTestId("split-done");
      await done.getByText(`${moves} người đã được chuyển`).waitFor();
      await done.getByRole("link", { name: "Trung tâm Truyền thông giáo dục sức khỏe" }).waitFor();
      await close();
    } finally {
      await big.stop();
    }
  });

  test("Sở Nội vụ merges two schools after a preview, and the past still shows them", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.goto(server.baseUrl + "/to-chuc/sap-nhap");
    const sources = page.getByTestId("merge-sources");
    await sources.getByLabel("Trường THPT chuyên Hưng Yên").check();
    await sources.getByLabel("Trường THPT Thái Bình").check();
    await page.getByLabel("Mã đơn vị mới").fill("HY.SGDDT.THPTHN");
    await page.getByLabel("Tên đơn vị mới").fill("Trường THPT Hưng Yên – Thái Bình");
    await page.getByLabel("Đơn vị cấp trên").selectOption({ label: "— Sở Giáo dục và Đào tạo" });
    await page.getByLabel("Lý do").fill("Sắp xếp đơn vị sự nghiệp sau hợp nhất tỉnh");
    await page.getByLabel("Số quyết định").fill("120/QĐ-UBND");
    await page.getByLabel("Người ký").fill("Chủ tịch UBND tỉnh");
    await page.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.getByTestId("merge-preview");
    await preview.getByText("Nguyễn Văn An").waitFor();
    await preview.getByText("Phạm Văn Dũng").waitFor();
    await page.getByTestId("confirm-merge").click();
    await page.getByTestId("merge-done").filter({ hasText: "4 người" }).waitFor();

    await page.getByTestId("merge-done").getByRole("link").click();
    await page.getByTestId("unit-facts").getByText("Hình thành từ").waitFor();
    assert.match(await page.getByTestId("unit-facts").innerText(), /Trường THPT Thái Bình/);
    // The schools' quotas (85 + 70 public employees) were added up for the new school.
    await page.getByTestId("quotas").getByText("3 / 155").first().waitFor();

    await page.goto(server.baseUrl + "/to-chuc");
    await page.getByLabel("Tại ngày").fill(isoDay(-1));
    const tree = page.getByTestId("unit-tree");
    await tree.getByRole("link", { name: "Trường THPT Thái Bình" }).waitFor();
    await page.getByLabel("Tại ngày").fill(isoDay(0));
    await tree.getByRole("link", { name: "Trường THPT Hưng Yên – Thái Bình" }).waitFor();
    assert.equal(await tree.getByRole("link", { name: "Trường THPT Thái Bình", exact: true }).count(), 0);
    await page.screenshot({ path: "artifacts/tree-after-merge.png", fullPage: true });
    await close();
  });

  test("Sở Nội vụ applies Tiền Giang's regulation and everyone reads its deadlines", async () => {
    const admin = await openPage(browser, server.baseUrl);
    await signIn(admin.page, server.baseUrl, "quantri");
    await admin.page.getByRole("navigation").getByRole("link", { name: "Quy chế áp dụng" }).click();
    await admin.page.getByTestId("profile-name").filter({ hasText: "Hưng Yên" }).waitFor();
    await admin.page.locator("select[name=profile]").selectOption("tien-giang");
    await admin.page.getByTestId("separation-of-duties").filter({ hasText: "không tự ký duyệt" }).waitFor();
    // #19 (11): relaxing the separation of duties asks for its own reason, which everyone reads.
    await admin.page.locator("input[name=relax-duties]").check();
    await admin.page.locator("input[name=relax-reason]").fill("Đơn vị chỉ có một cán bộ tổ chức");
    await admin.page.locator("input[name=reason]").fill("Áp dụng Quyết định 03/2025/QĐ-UBND");
    await admin.page.getByRole("button", { name: "Áp dụng" }).click();
    await admin.page.getByTestId("profile-name").filter({ hasText: "03/2025" }).waitFor();
    await admin.page.getByTestId("separation-of-duties").filter({ hasText: "chỉ có một cán bộ tổ chức" }).waitFor();
    await admin.close();

    const employee = await openPage(browser, server.baseUrl);
    await signIn(employee.page, server.baseUrl, "nguyenvanan");
    await employee.page.goto(server.baseUrl + "/quy-che");
    const row = employee.page.getByTestId("deadlines").locator("tr", { hasText: "Bàn giao hồ sơ giữa các cơ quan" });
    await row.waitFor();
    assert.match(await row.innerText(), /\t5$|\s5$/);
    assert.equal(await employee.page.getByRole("button", { name: "Áp dụng" }).count(), 0, "only administrators choose");
    await employee.close();
  });

  test("Sở Nội vụ enters a year's plan and anyone computes a deadline around Tết", async () => {
    const admin = await openPage(browser, server.baseUrl);
    await signIn(admin.page, server.baseUrl, "quantri");
    await admin.page.getByRole("navigation").getByRole("link", { name: "Lịch làm việc" }).click();
    await admin.page.locator("input[name=calendar_year]").fill("2026");
    const days = admin.page.getByTestId("calendar-days");
    await days.locator("tr", { hasText: "17/02/2026" }).getByText("Tết Âm lịch").waitFor();
    await admin.page.getByRole("button", { name: "Thêm ngày" }).click();
    await admin.page.locator("input[name=plan_day_0]").fill("2026-02-23");
    await admin.page.locator("input[name=plan_note_0]").fill("Nghỉ thêm theo thông báo");
    await admin.page.locator("input[name=plan_reason]").fill("Thông báo lịch nghỉ Tết Bính Ngọ");
    await admin.page.getByRole("button", { name: "Lưu lịch của năm" }).click();
    await days.locator("tr", { hasText: "23/02/2026" }).getByText("Nghỉ theo thông báo").waitFor();
    await admin.close();

    const employee = await openPage(browser, server.baseUrl);
    await signIn(employee.page, server.baseUrl, "nguyenvanan");
    await employee.page.goto(server.baseUrl + "/lich-lam-viec");
    await employee.page.locator("input[name=deadline_from]").fill("2026-02-13");
    await employee.page.locator("input[name=deadline_days]").fill("1");
    await employee.page.getByRole("button", { name: "Tính hạn" }).click();
    // Tết 16–20 February and the plan's 23rd are skipped.
    await employee.page.getByTestId("deadline-due").getByText("24/02/2026").waitFor();
    assert.equal(await employee.page.getByRole("button", { name: "Lưu lịch của năm" }).count(), 0);
    await employee.close();
  });
});
