"""Write pii_apac_dev.jsonl: fresh PII forms from Taiwan, Malaysia, Australia and Singapore,
disguised numbers and emails, and look-alikes that must stay (no span). Written by hand for
the fix-pii branch, not copied from the testers' reports; and pii_apac2_dev.jsonl (rows in
make2.py, the fix-pii2 branch). Run from the repository root:

    .venv/bin/python devsets/blackbox/pii_apac_dev/make.py
"""

from __future__ import annotations

import json
from pathlib import Path

# ruff: noqa: E501  (one example a line reads better than wrapped ones)

# (text, [(kind, value), ...]); each value is found in the text by its first occurrence.
ROWS: list[tuple[str, list[tuple[str, str]]]] = [
    # Taiwan
    ("我的身分證字號是 B204817363，幫我改地址", [("TW_ID", "B204817363")]),
    ("外公 K112349870 想申請長照", [("TW_ID", "K112349870")]),
    ("身份證號碼：Y287654301 打錯一碼也請幫我處理", [("TW_ID", "Y287654301")]),
    ("居留證號碼 A800123450 的看護要登記", [("TW_ID", "A800123450")]),
    ("手機 0933 221 457，晚上再打", [("PHONE", "0933 221 457")]),
    ("回電 0987-654-321 謝謝", [("PHONE", "0987-654-321")]),
    ("請打我手機0921456789", [("PHONE", "0921456789")]),
    ("健保卡號碼 0000 1234 5678 要帶嗎", [("MEDICAL_ID", "0000 1234 5678")]),
    ("家在新北市板橋區文化路二段 35 巷 6 號 5 樓", [("ADDRESS", "新北市板橋區文化路二段 35 巷 6 號 5 樓")]),
    ("請寄到高雄市苓雅區四維三路2號", [("ADDRESS", "高雄市苓雅區四維三路2號")]),
    # Malaysia
    ("IC no: 781224-08-5131, can I get the student rate?", [("MYKAD", "781224-08-5131")]),
    ("my i/c 950607145522 for the form", [("MYKAD", "950607145522")]),
    ("身份证号码 020815-10-0987 请帮我登记", [("MYKAD", "020815-10-0987")]),
    ("member is 881130 14 6021 and she wants to pause", [("MYKAD", "881130 14 6021")]),
    ("lives at 8 Jalan Tun Razak, KL", [("ADDRESS", "8 Jalan Tun Razak")]),
    # Australia
    ("Medicare no. 3071 82643 2, for the rebate", [("MEDICARE", "3071 82643 2")]),
    ("here is my medicare card 4156882391", [("MEDICARE", "4156882391")]),
    ("my card says 5921 34073 1 - is that the Medicare one?", [("MEDICARE", "5921 34073 1")]),
    ("tax file number: 876 543 210", [("TFN", "876 543 210")]),
    ("TFN 459012345 for payroll", [("TFN", "459012345")]),
    ("text me on 0423 987 654 tonight", [("PHONE", "0423 987 654")]),
    ("for super: 321 476 587", [("TFN", "321 476 587")]),
    ("BSB: 012-345, acct no 9876 5432", [("BANK_ACCOUNT", "012-345"), ("BANK_ACCOUNT", "9876 5432")]),
    ("driver's licence number VIC 045123987", [("LICENCE", "045123987")]),
    ("licence no. 19283746 attached", [("LICENCE", "19283746")]),
    # Singapore
    ("hp 9734 2210 for updates", [("PHONE", "9734 2210")]),
    ("my number is 87651234 ok", [("PHONE", "87651234")]),
    ("Blk 456 Jurong West St 42 #08-118, Singapore 640456", [("ADDRESS", "Blk 456 Jurong West St 42 #08-118"), ("ADDRESS", "Singapore 640456")]),
    # disguised numbers and emails
    ("card 5500.0000.0000.0004 declined", [("CARD", "5500.0000.0000.0004")]),
    ("电话是幺三九零零零零幺幺幺幺，快递打这个", [("PHONE", "幺三九零零零零幺幺幺幺")]),
    ("手机号 壹伍玖贰贰贰叁叁肆肆伍", [("PHONE", "壹伍玖贰贰贰叁叁肆肆伍")]),
    ("my cvv is seven seven two", [("CVV", "seven seven two")]),
    ("the pin is 8 0 4 6", [("PIN", "8 0 4 6")]),
    ("PIN: 5-0-2-8 please", [("PIN", "5-0-2-8")]),
    ("social security number 219.09.9999 on file", [("SSN", "219.09.9999")]),
    ("email is tom_lee88 at outlook dot com", [("EMAIL", "tom_lee88 at outlook dot com")]),
    ("reach me at ｍａｒｙ＠ｅｘａｍｐｌｅ．ｃｏｍ", [("EMAIL", "ｍａｒｙ＠ｅｘａｍｐｌｅ．ｃｏｍ")]),
    ("身份证 440524 19890412 3238 要换", [("CN_ID", "440524 19890412 3238")]),
    ("pay with my old card 4000 1234 5678 9011", [("CARD", "4000 1234 5678 9011")]),
    ("charge the visa 5105 1051 0510 5101 please", [("CARD", "5105 1051 0510 5101")]),
    # look-alikes: nothing to redact
    ("order 0912-345-678 has not arrived", []),
    ("訂單編號 A123456789 查詢", []),
    ("我今年七十八歲，第一次申請", []),
    ("一二三四五六 我在数着呢", []),
    ("price went from 1.299.00 to 1.099.00", []),
    ("version 2024.1107.0311 crashed", []),
    ("booking ref 920315-08-6621 for the studio", []),
    ("invoice 123 456 782 is overdue", []),
    ("I bought three two one sale items", []),
    ("we met at the park dot com event", []),
    ("在台北市大安區有分店嗎", []),
    ("product code B204817361 out of stock", []),
    ("the class is 1 2 3 times a week", []),
    ("steps 1-2-3 of the form", []),
    ("order 0412 345 678 is late", []),
    ("year 2019 and 2020 were busy", []),
    ("my number of visits is 12", []),
]


def write(name: str, rows: list[tuple[str, list[tuple[str, str]]]]) -> None:
    out = Path(__file__).with_name(name)
    with out.open("w", encoding="utf-8") as fh:
        for text, values in rows:
            spans = []
            for kind, value in values:
                start = text.index(value)
                spans.append({"kind": kind, "start": start, "end": start + len(value)})
            lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"
            row = {"text": text, "lang": lang, "spans": spans}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows -> {out}")


def main() -> None:
    from make2 import ROWS2  # beside this file: the second round's rows

    write("pii_apac_dev.jsonl", ROWS)
    write("pii_apac2_dev.jsonl", ROWS2)


if __name__ == "__main__":
    main()
