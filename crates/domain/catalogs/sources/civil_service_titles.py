#!/usr/bin/env python3
"""Writes the grades (ngạch công chức) and professional titles (chức danh nghề nghiệp viên chức)
of crates/domain/catalogs/ from the tables below: each entry with its code as the circular
defining it publishes it, its salary scale (Decree 204/2004/NĐ-CP, Tables 2 and 3) and the
document and article it comes from. Codes replaced by a later circular stay, retired on the day
before the new one took effect, naming the code people were moved to; they explain old rows of
the salary history but are refused for the grade held now.

Entries already in the files are kept as they are (a code never changes meaning); the tables
only add. Run after editing them, review the diff, and raise each file's `version`:

    python3 crates/domain/catalogs/sources/civil_service_titles.py

docs/catalogs.md says what is covered and how an administrator adds the rest.
"""

import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent.parent

# (code, label, scale, source)
GRADES = [
    ("01.001", "Chuyên viên cao cấp", "A3.1", "Thông tư 02/2021/TT-BNV, Điều 3, Điều 14"),
    ("01.002", "Chuyên viên chính", "A2.1", "Thông tư 02/2021/TT-BNV, Điều 3, Điều 14"),
    ("01.003", "Chuyên viên", "A1", "Thông tư 02/2021/TT-BNV, Điều 3, Điều 14"),
    ("01.004", "Cán sự", "A0", "Thông tư 02/2021/TT-BNV, Điều 3, Điều 14"),
    ("01.005", "Nhân viên", "B", "Thông tư 02/2021/TT-BNV, Điều 3, Điều 14"),
    ("02.006", "Văn thư viên chính", "A2.1", "Thông tư 02/2021/TT-BNV, Điều 3, Điều 14"),
    ("02.007", "Văn thư viên", "A1", "Thông tư 02/2021/TT-BNV, Điều 3, Điều 14"),
    ("02.008", "Văn thư viên trung cấp", "B", "Thông tư 02/2021/TT-BNV, Điều 3, Điều 14"),
    ("04.023", "Thanh tra viên cao cấp", "A3.1", "Thông tư 03/2024/TT-TTCP, Điều 3"),
    ("04.024", "Thanh tra viên chính", "A2.1", "Thông tư 03/2024/TT-TTCP, Điều 3"),
    ("04.025", "Thanh tra viên", "A1", "Thông tư 03/2024/TT-TTCP, Điều 3"),
    ("06.029", "Kế toán viên cao cấp", "A3.1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("06.030", "Kế toán viên chính", "A2.1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("06.031", "Kế toán viên", "A1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("06.032", "Kế toán viên trung cấp", "A0", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("06.036", "Kiểm tra viên cao cấp thuế", "A3.1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("06.037", "Kiểm tra viên chính thuế", "A2.1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("06.038", "Kiểm tra viên thuế", "A1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("06.039", "Kiểm tra viên trung cấp thuế", "A0", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("06.040", "Nhân viên thuế", "B", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("08.049", "Kiểm tra viên cao cấp hải quan", "A3.1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("08.050", "Kiểm tra viên chính hải quan", "A2.1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("08.051", "Kiểm tra viên hải quan", "A1", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("08.052", "Kiểm tra viên trung cấp hải quan", "A0", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("08.053", "Nhân viên hải quan", "B", "Thông tư 29/2022/TT-BTC, Điều 3, Điều 25"),
    ("09.315", "Kiểm dịch viên chính động vật", "A2.1", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("09.316", "Kiểm dịch viên động vật", "A1", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("09.317", "Kỹ thuật viên kiểm dịch động vật", "A0", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("09.318", "Kiểm dịch viên chính thực vật", "A2.1", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("09.319", "Kiểm dịch viên thực vật", "A1", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("09.320", "Kỹ thuật viên kiểm dịch thực vật", "A0", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("10.226", "Kiểm lâm viên chính", "A2.1", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("10.227", "Kiểm lâm viên", "A1", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("10.228", "Kiểm lâm viên trung cấp", "A0", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("11.081", "Kiểm soát viên chính đê điều", "A2.1", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("11.082", "Kiểm soát viên đê điều", "A1", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
    ("11.083", "Kiểm soát viên trung cấp đê điều", "A0", "Thông tư 08/2022/TT-BNNPTNT, Điều 3"),
]

# (code, label, scale, source, retired: (last day, replaced by) or None)
TEACHERS_2021 = "2021-03-19"
TITLES = [
    # Education: preschool and general-school teachers (the 2021 circulars re-coded ranks).
    ("V.07.02.24", "Giáo viên mầm non hạng I", "A2.2", "Thông tư 01/2021/TT-BGDĐT, Điều 2, Điều 8 (sửa đổi bởi Thông tư 08/2023/TT-BGDĐT)", None),
    ("V.07.02.25", "Giáo viên mầm non hạng II", "A1", "Thông tư 01/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.02.26", "Giáo viên mầm non hạng III", "A0", "Thông tư 01/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.02.04", "Giáo viên mầm non hạng II (mã cũ)", "A1", "Thông tư liên tịch 20/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.02.25")),
    ("V.07.02.05", "Giáo viên mầm non hạng III (mã cũ)", "A0", "Thông tư liên tịch 20/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.02.26")),
    ("V.07.02.06", "Giáo viên mầm non hạng IV (mã cũ)", "B", "Thông tư liên tịch 20/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.02.26")),
    ("V.07.03.27", "Giáo viên tiểu học hạng I", "A2.1", "Thông tư 02/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.03.28", "Giáo viên tiểu học hạng II", "A2.2", "Thông tư 02/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.03.29", "Giáo viên tiểu học hạng III", "A1", "Thông tư 02/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.03.07", "Giáo viên tiểu học hạng II (mã cũ)", "A1", "Thông tư liên tịch 21/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.03.28")),
    ("V.07.03.08", "Giáo viên tiểu học hạng III (mã cũ)", "A0", "Thông tư liên tịch 21/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.03.29")),
    ("V.07.03.09", "Giáo viên tiểu học hạng IV (mã cũ)", "B", "Thông tư liên tịch 21/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.03.29")),
    ("V.07.04.30", "Giáo viên trung học cơ sở hạng I", "A2.1", "Thông tư 03/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.04.31", "Giáo viên trung học cơ sở hạng II", "A2.2", "Thông tư 03/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.04.32", "Giáo viên trung học cơ sở hạng III", "A1", "Thông tư 03/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.04.10", "Giáo viên trung học cơ sở hạng I (mã cũ)", "A2.1", "Thông tư liên tịch 22/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.04.30")),
    ("V.07.04.11", "Giáo viên trung học cơ sở hạng II (mã cũ)", "A1", "Thông tư liên tịch 22/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.04.31")),
    ("V.07.04.12", "Giáo viên trung học cơ sở hạng III (mã cũ)", "A0", "Thông tư liên tịch 22/2015/TTLT-BGDĐT-BNV, Điều 2", (TEACHERS_2021, "V.07.04.32")),
    ("V.07.05.13", "Giáo viên trung học phổ thông hạng I", "A2.1", "Thông tư 04/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.05.14", "Giáo viên trung học phổ thông hạng II", "A2.2", "Thông tư 04/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.05.15", "Giáo viên trung học phổ thông hạng III", "A1", "Thông tư 04/2021/TT-BGDĐT, Điều 2, Điều 8", None),
    ("V.07.01.01", "Giảng viên cao cấp (hạng I)", "A3.1", "Thông tư 40/2020/TT-BGDĐT, Điều 2, Điều 10", None),
    ("V.07.01.02", "Giảng viên chính (hạng II)", "A2.1", "Thông tư 40/2020/TT-BGDĐT, Điều 2, Điều 10", None),
    ("V.07.01.03", "Giảng viên (hạng III)", "A1", "Thông tư 40/2020/TT-BGDĐT, Điều 2, Điều 10", None),
    ("V.07.01.23", "Trợ giảng (hạng III)", "A1", "Thông tư 40/2020/TT-BGDĐT, Điều 2, Điều 10", None),
    # Health.
    ("V.08.01.01", "Bác sĩ cao cấp (hạng I)", "A3.1", "Thông tư liên tịch 10/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.01.02", "Bác sĩ chính (hạng II)", "A2.1", "Thông tư liên tịch 10/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.01.03", "Bác sĩ (hạng III)", "A1", "Thông tư liên tịch 10/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.02.04", "Bác sĩ y học dự phòng cao cấp (hạng I)", "A3.1", "Thông tư liên tịch 10/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.02.05", "Bác sĩ y học dự phòng chính (hạng II)", "A2.1", "Thông tư liên tịch 10/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.02.06", "Bác sĩ y học dự phòng (hạng III)", "A1", "Thông tư liên tịch 10/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.03.07", "Y sĩ hạng IV", "A0", "Thông tư liên tịch 10/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.04.08", "Y tế công cộng cao cấp (hạng I)", "A3.1", "Thông tư liên tịch 11/2015/TTLT-BYT-BNV, Điều 2, Điều 8", None),
    ("V.08.04.09", "Y tế công cộng chính (hạng II)", "A2.1", "Thông tư liên tịch 11/2015/TTLT-BYT-BNV, Điều 2, Điều 8", None),
    ("V.08.04.10", "Y tế công cộng (hạng III)", "A1", "Thông tư liên tịch 11/2015/TTLT-BYT-BNV, Điều 2, Điều 8", None),
    ("V.08.05.11", "Điều dưỡng hạng II", "A2.1", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.05.12", "Điều dưỡng hạng III", "A1", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.05.13", "Điều dưỡng hạng IV", "B", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.06.14", "Hộ sinh hạng II", "A2.1", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.06.15", "Hộ sinh hạng III", "A1", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.06.16", "Hộ sinh hạng IV", "B", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.07.17", "Kỹ thuật y hạng II", "A2.1", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.07.18", "Kỹ thuật y hạng III", "A1", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.07.19", "Kỹ thuật y hạng IV", "B", "Thông tư liên tịch 26/2015/TTLT-BYT-BNV, Điều 2, Điều 12", None),
    ("V.08.08.20", "Dược sĩ cao cấp (hạng I)", "A3.1", "Thông tư liên tịch 27/2015/TTLT-BYT-BNV, Điều 2, Điều 11", None),
    ("V.08.08.21", "Dược sĩ chính (hạng II)", "A2.1", "Thông tư liên tịch 27/2015/TTLT-BYT-BNV, Điều 2, Điều 11", None),
    ("V.08.08.22", "Dược sĩ (hạng III)", "A1", "Thông tư liên tịch 27/2015/TTLT-BYT-BNV, Điều 2, Điều 11", None),
    ("V.08.08.23", "Dược hạng IV", "B", "Thông tư liên tịch 27/2015/TTLT-BYT-BNV, Điều 2, Điều 11", None),
    ("V.08.09.24", "Dinh dưỡng hạng II", "A2.1", "Thông tư liên tịch 28/2015/TTLT-BYT-BNV, Điều 2", None),
    ("V.08.09.25", "Dinh dưỡng hạng III", "A1", "Thông tư liên tịch 28/2015/TTLT-BYT-BNV, Điều 2", None),
    ("V.08.09.26", "Dinh dưỡng hạng IV", "B", "Thông tư liên tịch 28/2015/TTLT-BYT-BNV, Điều 2", None),
    ("V.08.10.27", "Dân số viên hạng II", "A2.1", "Thông tư 08/2022/TT-BYT, Điều 2", None),
    ("V.08.10.28", "Dân số viên hạng III", "A1", "Thông tư 08/2022/TT-BYT, Điều 2", None),
    ("V.08.10.29", "Dân số viên hạng IV", "B", "Thông tư 08/2022/TT-BYT, Điều 2", None),
    # Science and technology.
    ("V.05.01.01", "Nghiên cứu viên cao cấp (hạng I)", "A3.1", "Thông tư liên tịch 24/2014/TTLT-BKHCN-BNV, Điều 2, Điều 14", None),
    ("V.05.01.02", "Nghiên cứu viên chính (hạng II)", "A2.1", "Thông tư liên tịch 24/2014/TTLT-BKHCN-BNV, Điều 2, Điều 14", None),
    ("V.05.01.03", "Nghiên cứu viên (hạng III)", "A1", "Thông tư liên tịch 24/2014/TTLT-BKHCN-BNV, Điều 2, Điều 14", None),
    ("V.05.01.04", "Trợ lý nghiên cứu (hạng IV)", "A0", "Thông tư liên tịch 24/2014/TTLT-BKHCN-BNV, Điều 2, Điều 14", None),
    ("V.05.02.05", "Kỹ sư hạng I", "A3.1", "Thông tư 11/2022/TT-BKHCN, Điều 2", None),
    ("V.05.02.06", "Kỹ sư hạng II", "A2.1", "Thông tư 11/2022/TT-BKHCN, Điều 2", None),
    ("V.05.02.07", "Kỹ sư hạng III", "A1", "Thông tư 11/2022/TT-BKHCN, Điều 2", None),
    ("V.05.02.08", "Kỹ thuật viên hạng IV", "A0", "Thông tư 11/2022/TT-BKHCN, Điều 2", None),
    # Agriculture.
    ("V.03.01.01", "Bảo vệ thực vật hạng II", "A2.1", "Thông tư 07/2022/TT-BNNPTNT, Điều 2", None),
    ("V.03.01.02", "Bảo vệ thực vật hạng III", "A1", "Thông tư 07/2022/TT-BNNPTNT, Điều 2", None),
    ("V.03.01.03", "Bảo vệ thực vật hạng IV", "B", "Thông tư 07/2022/TT-BNNPTNT, Điều 2", None),
    ("V.03.02.04", "Giám định thuốc bảo vệ thực vật hạng II", "A2.1", "Thông tư 07/2022/TT-BNNPTNT, Điều 2", None),
    ("V.03.02.05", "Giám định thuốc bảo vệ thực vật hạng III", "A1", "Thông tư 07/2022/TT-BNNPTNT, Điều 2", None),
    ("V.03.02.06", "Giám định thuốc bảo vệ thực vật hạng IV", "B", "Thông tư 07/2022/TT-BNNPTNT, Điều 2", None),
    # Culture, libraries, heritage, sport.
    ("V.10.02.30", "Thư viện viên hạng I", "A3.1", "Thông tư 02/2022/TT-BVHTTDL, Điều 2, Điều 9", None),
    ("V.10.02.06", "Thư viện viên hạng II", "A2.1", "Thông tư 02/2022/TT-BVHTTDL, Điều 2, Điều 9", None),
    ("V.10.02.07", "Thư viện viên hạng III", "A1", "Thông tư 02/2022/TT-BVHTTDL, Điều 2, Điều 9", None),
    ("V.10.02.08", "Thư viện viên hạng IV", "B", "Thông tư 02/2022/TT-BVHTTDL, Điều 2, Điều 9", None),
    ("V.10.05.32", "Di sản viên hạng I", "A3.1", "Thông tư 16/2021/TT-BVHTTDL, Điều 2", None),
    ("V.10.05.16", "Di sản viên hạng II", "A2.1", "Thông tư 16/2021/TT-BVHTTDL, Điều 2", None),
    ("V.10.05.17", "Di sản viên hạng III", "A1", "Thông tư 16/2021/TT-BVHTTDL, Điều 2", None),
    ("V.10.05.18", "Di sản viên hạng IV", "B", "Thông tư 16/2021/TT-BVHTTDL, Điều 2", None),
    ("V.10.01.01", "Huấn luyện viên cao cấp (hạng I)", "A3.1", "Thông tư 07/2022/TT-BVHTTDL, Điều 2", None),
    ("V.10.01.02", "Huấn luyện viên chính (hạng II)", "A2.1", "Thông tư 07/2022/TT-BVHTTDL, Điều 2", None),
    ("V.10.01.03", "Huấn luyện viên (hạng III)", "A1", "Thông tư 07/2022/TT-BVHTTDL, Điều 2", None),
    # Information and communications.
    ("V.11.01.01", "Biên tập viên hạng I", "A3.1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.01.02", "Biên tập viên hạng II", "A2.1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.01.03", "Biên tập viên hạng III", "A1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.02.04", "Phóng viên hạng I", "A3.1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.02.05", "Phóng viên hạng II", "A2.1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.02.06", "Phóng viên hạng III", "A1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.03.07", "Biên dịch viên hạng I", "A3.1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.03.08", "Biên dịch viên hạng II", "A2.1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.03.09", "Biên dịch viên hạng III", "A1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.04.10", "Đạo diễn truyền hình hạng I", "A3.1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.04.11", "Đạo diễn truyền hình hạng II", "A2.1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.04.12", "Đạo diễn truyền hình hạng III", "A1", "Thông tư 13/2022/TT-BTTTT, Điều 2", None),
    ("V.11.05.09", "An toàn thông tin hạng I", "A3.1", "Thông tư 08/2022/TT-BTTTT, Điều 2", None),
    ("V.11.05.10", "An toàn thông tin hạng II", "A2.1", "Thông tư 08/2022/TT-BTTTT, Điều 2", None),
    ("V.11.05.11", "An toàn thông tin hạng III", "A1", "Thông tư 08/2022/TT-BTTTT, Điều 2", None),
    ("V.11.05.12", "An toàn thông tin hạng IV", "A0", "Thông tư 08/2022/TT-BTTTT, Điều 2", None),
    ("V.11.06.12", "Công nghệ thông tin hạng I", "A3.1", "Thông tư 08/2022/TT-BTTTT, Điều 2", None),
    ("V.11.06.13", "Công nghệ thông tin hạng II", "A2.1", "Thông tư 08/2022/TT-BTTTT, Điều 2", None),
    ("V.11.06.14", "Công nghệ thông tin hạng III", "A1", "Thông tư 08/2022/TT-BTTTT, Điều 2", None),
    ("V.11.06.15", "Công nghệ thông tin hạng IV", "A0", "Thông tư 08/2022/TT-BTTTT, Điều 2", None),
    # Social work.
    ("V.09.04.01", "Công tác xã hội viên chính (hạng II)", "A2.1", "Thông tư 26/2022/TT-BLĐTBXH, Điều 2", None),
    ("V.09.04.02", "Công tác xã hội viên (hạng III)", "A1", "Thông tư 26/2022/TT-BLĐTBXH, Điều 2", None),
    ("V.09.04.03", "Nhân viên công tác xã hội (hạng IV)", "B", "Thông tư 26/2022/TT-BLĐTBXH, Điều 2", None),
    # Archives.
    ("V.01.02.01", "Lưu trữ viên chính (hạng II)", "A2.1", "Thông tư 13/2014/TT-BNV, Điều 3, Điều 9", None),
    ("V.01.02.02", "Lưu trữ viên (hạng III)", "A1", "Thông tư 13/2014/TT-BNV, Điều 3, Điều 9", None),
    ("V.01.02.03", "Lưu trữ viên trung cấp (hạng IV)", "A0", "Thông tư 13/2014/TT-BNV, Điều 3, Điều 9", None),
]

GRADES_SOURCE = (
    "Thông tư 02/2021/TT-BNV (hành chính, văn thư), 03/2024/TT-TTCP (thanh tra), 29/2022/TT-BTC "
    "(kế toán, thuế, hải quan), 08/2022/TT-BNNPTNT (kiểm dịch, kiểm lâm, đê điều); xếp lương theo "
    "Nghị định 204/2004/NĐ-CP, Bảng 2; mỗi mục ghi văn bản và điều quy định nó"
)
TITLES_SOURCE = (
    "Các thông tư quy định mã số, tiêu chuẩn chức danh nghề nghiệp của từng ngành (giáo dục, y tế, "
    "khoa học và công nghệ, nông nghiệp, văn hóa - thể thao, thông tin và truyền thông, công tác xã "
    "hội, lưu trữ); xếp lương theo Nghị định 204/2004/NĐ-CP, Bảng 3; mỗi mục ghi văn bản và điều "
    "quy định nó; mã đã thay thế được giữ, hết hiệu lực, ghi mã thay thế"
)


def write(kind, source, rows):
    path = HERE / f"{kind}.json"
    catalog = json.loads(path.read_text(encoding="utf-8"))
    known = {e["code"]: e for e in catalog["entries"]}
    for row in rows:
        code, label, scale, text = row[:4]
        retired = row[4] if len(row) > 4 else None
        entry = known.get(code)
        if entry is None:
            entry = {"code": code, "label": label, "parent": scale}
            catalog["entries"].append(entry)
            known[code] = entry
        assert entry["parent"] == scale, f"{code}: the scale of a shipped code never changes"
        entry["source"] = text
        if retired:
            entry["valid_to"], entry["replaced_by"] = retired
    catalog["source"] = source
    path.write_text(json.dumps(catalog, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{kind}: {len(catalog['entries'])} entries")


if __name__ == "__main__":
    write("grades", GRADES_SOURCE, GRADES)
    write("professional_titles", TITLES_SOURCE, TITLES)
