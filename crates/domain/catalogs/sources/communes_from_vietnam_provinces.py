#!/usr/bin/env python3
"""Writes crates/domain/catalogs/communes.json from the Python package `vietnam-provinces`
2025.10.1 (PyPI), whose data are the General Statistics Office's codes of the 34 provinces and
3,321 communes, wards and special zones in force from 1 July 2025 (Decision 19/2025/QĐ-TTg).

Run once when the source changes, then review the diff and raise `version`:

    pip install vietnam-provinces==2025.10.1
    python3 crates/domain/catalogs/sources/communes_from_vietnam_provinces.py

It checks the counts the reform fixes before writing anything.
"""

import json
import pathlib
import sys

import vietnam_provinces

SOURCE_VERSION = "2025.10.1"
CATALOGS = pathlib.Path(__file__).resolve().parent.parent


def main() -> int:
    installed = getattr(vietnam_provinces, "__version__", None)
    if installed not in (None, SOURCE_VERSION):
        print(f"expected vietnam-provinces {SOURCE_VERSION}, found {installed}", file=sys.stderr)
        return 1
    with vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.open(encoding="utf-8") as f:
        provinces = json.load(f)
    ours = {e["code"]: e["label"] for e in json.loads((CATALOGS / "provinces.json").read_text())["entries"]}
    entries = []
    for province in provinces:
        code = f"{province['code']:02d}"
        if code not in ours:
            print(f"province {code} {province['name']} is not in provinces.json", file=sys.stderr)
            return 1
        for ward in province["wards"]:
            entries.append({
                "code": f"{ward['code']:05d}",
                "label": ward["name"],
                "parent": code,
                "valid_from": "2025-07-01",
            })
    entries.sort(key=lambda e: e["code"])
    codes = {e["code"] for e in entries}
    if len(provinces) != 34 or len(entries) != 3321 or len(codes) != len(entries):
        print(f"unexpected counts: {len(provinces)} provinces, {len(entries)} communes", file=sys.stderr)
        return 1
    catalog = {
        "kind": "communes",
        "name": "Xã, phường, đặc khu",
        "version": 2,
        "source": "Quyết định 19/2025/QĐ-TTg ngày 30/6/2025 (3.321 đơn vị hành chính cấp xã, mã 5 chữ số của Tổng cục Thống kê, dữ liệu tháng 7/2025); trích từ gói vietnam-provinces "
        + SOURCE_VERSION
        + " (PyPI) bằng crates/domain/catalogs/sources/communes_from_vietnam_provinces.py",
        "effective_date": "2025-07-01",
        "code_format": "99999",
        "parent_kind": "provinces",
        "note": "Nơi sinh, quê quán trước ngày 01/7/2025 ghi theo tên cũ (tỉnh cũ trong danh mục former_provinces, xã ghi nguyên văn) kèm «nay là» xã, tỉnh mới.",
        "entries": entries,
    }
    (CATALOGS / "communes.json").write_text(
        json.dumps(catalog, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"communes.json: {len(entries)} communes of {len(provinces)} provinces")
    return 0


if __name__ == "__main__":
    sys.exit(main())
