"""Rows of pii_world_dev.jsonl: the fix-pii3 branch's own phrasings (2026-12-01), written with
the rules, with fresh values (checksums computed, not the testers' own nor the tests'). Phones
read out with digits and "double", PINs in words, Matsu landlines, lone ABNs next to money;
national numbers of Japan, Korea, India, Canada, New Zealand, the Philippines, Indonesia and
Thailand and their phones in national format; and many look-alikes of the same shapes that
must stay (no span).

    .venv/bin/python devsets/blackbox/pii_apac_dev/make3.py
"""

from __future__ import annotations

import sys
from pathlib import Path

# (text, [(kind, value), ...]); each value is found in the text by its first occurrence.
ROWS3: list[tuple[str, list[tuple[str, str]]]] = [
    # item 1: read-out phones with digits, PINs in words, Matsu, lone ABN
    ("my mobile is 07 double 3 918 264", [("PHONE", "07 double 3 918 264")]),
    ("ring me back on 04 triple 1 26 double 8 3", [("PHONE", "04 triple 1 26 double 8 3")]),
    ("the PIN is double seven triple two", [("PIN", "double seven triple two")]),
    ("OTP: triple 9 double 4 1", [("OTP", "triple 9 double 4 1")]),
    ("my passcode is 6 double 0 2", [("PASSWORD", "6 double 0 2")]),
    ("交易密码是三八二六", [("PIN", "三八二六")]),
    ('password is "bluefinch" in case you need it', [("PASSWORD", "bluefinch")]),
    ("南竿的電話 (0836) 23517", [("PHONE", "(0836) 23517")]),
    ("馬祖老家 0836-26841 晚上找我", [("PHONE", "0836-26841")]),
    ("please bill 44 663 728 301", [("ABN", "44 663 728 301")]),
    # Japan
    ("My Number: 3095 6621 4874", [("MY_NUMBER", "3095 6621 4874")]),
    ("マイナンバーは 730154628817 です", [("MY_NUMBER", "730154628817")]),
    ("个人编号 2218-4490-6630", [("MY_NUMBER", "2218-4490-6630")]),
    ("携帯 080 4417 2290 に電話して", [("PHONE", "080 4417 2290")]),
    ("call my cell 07044172290", [("PHONE", "07044172290")]),
    # Korea
    ("주민등록번호 910318-1044277", [("RRN", "910318-1044277")]),
    ("resident registration number 030527-4118206", [("RRN", "030527-4118206")]),
    ("it's 770921-2551617 if you need it", [("RRN", "770921-2551617")]),
    ("연락처 010 5523 9184", [("PHONE", "010 5523 9184")]),
    # India
    ("Aadhaar: 6804 1173 2595", [("AADHAAR", "6804 1173 2595")]),
    ("my adhaar card no. is 940217733610", [("AADHAAR", "940217733610")]),
    ("PAN AMKPR4412J for the invoice", [("PAN", "AMKPR4412J")]),
    ("my pan card number is bnzpk7703q", [("PAN", "bnzpk7703q")]),
    ("WhatsApp me on 98201 44739", [("PHONE", "98201 44739")]),
    ("mobile: 7718834092", [("PHONE", "7718834092")]),
    # Canada
    ("SIN 130 692 544", [("SIN", "130 692 544")]),
    ("social insurance no. 527-381-099", [("SIN", "527-381-099")]),
    # New Zealand
    ("my IRD number is 91-334-453", [("IRD", "91-334-453")]),
    ("phone 021 448 9130 after 5", [("PHONE", "021 448 9130")]),
    ("call me on 09 377 2816", [("PHONE", "09 377 2816")]),
    # Philippines
    ("PhilSys number 5521-0937-4416", [("PHILSYS", "5521-0937-4416")]),
    ("SSS no. 33-4418096-2", [("SSS", "33-4418096-2")]),
    ("text me at 0927 551 8830", [("PHONE", "0927 551 8830")]),
    # Indonesia
    ("NIK saya 3275014108900003", [("NIK", "3275014108900003")]),
    ("no. KTP 3578 0612 0891 0005", [("NIK", "3578 0612 0891 0005")]),
    ("nomor HP 0813 9920 4471", [("PHONE", "0813 9920 4471")]),
    # Thailand
    ("Thai ID 1-1037-00218-55-6", [("TH_ID", "1-1037-00218-55-6")]),
    ("เลขบัตรประชาชน 3401200456174", [("TH_ID", "3401200456174")]),
    ("my ID card number is 1103700218556", [("TH_ID", "1103700218556")]),
    ("โทร 089 114 2376", [("PHONE", "089 114 2376")]),
    # look-alikes: nothing to redact
    ("order 07 double 3 918 264", []),
    ("I'd like a double 4 pack of batteries and a triple pack", []),
    ("2 double rooms, 1 triple room", []),
    ("the PIN is double-sided on the card", []),
    ("password is wrong again", []),
    ("the price is Rp 44 663 728 301", []),
    ("invoice 44 663 728 301", []),
    ("Booking ref 3095 6621 4874", []),
    ("tracking number 6804 1173 2595 says delivered", []),
    ("gift card code 5521 0937 4416", []),
    ("order 910318-1044277 was cancelled", []),
    ("I paid 98201 44739 won for it", []),
    ("phone model 98201 44739 is sold out", []),
    ("call about order 08044172290", []),
    ("the SIN bin is full", []),
    ("I sin every day", []),
    ("my pan is too hot to touch", []),
    ("part number AMKPR4412J", []),
    ("NIK is required on the form", []),
    ("SKU 3275 0141 0890 0003", []),
    ("delivered 2024-06-03 at 07:30", []),
    ("the shop opens 09:00-18:00", []),
    ("reference 1-1037-00218-55-6", []),
    ("1-1037-00218-55-2 is the batch", []),
    ("770921-2551618 is the lot number", []),
    ("my number of orders is 12", []),
    ("收到 3 个包裹，订单号 9820144739", []),
    ("訂單編號 0836-26841", []),
    ("firmware version 98201 44739 for the phone", []),
    ("IRD office hours", []),
]


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from make import write  # beside this file

    write("pii_world_dev.jsonl", ROWS3)


if __name__ == "__main__":
    main()
