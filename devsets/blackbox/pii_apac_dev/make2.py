"""Rows of pii_apac2_dev.jsonl (written by make.py): Australian business and company numbers,
Australian street addresses, Taiwan landlines, phone numbers read out with "double" and
"triple", and look-alikes that must stay (no span), tax-file-number shapes after order and
booking words among them. Written by hand for the fix-pii2 branch with fresh values (not the
testers' own, nor the tests')."""

from __future__ import annotations

# ruff: noqa: E501  (one example a line reads better than wrapped ones)

# (text, [(kind, value), ...]); each value is found in the text by its first occurrence.
ROWS2: list[tuple[str, list[tuple[str, str]]]] = [
    # Australian Business and Company Numbers
    ("our ABN is 71 690 944 157, please put it on the receipt", [("ABN", "71 690 944 157")]),
    ("ABN: 82656907931", [("ABN", "82656907931")]),
    ("ABN 31 958 439 513 (I may have a typo)", [("ABN", "31 958 439 513")]),
    ("invoice it to 31 958 439 512 please", [("ABN", "31 958 439 512")]),
    ("ACN 131 732 244 is the company", [("ACN", "131 732 244")]),
    ("the pty ltd's acn: 134949974", [("ACN", "134949974")]),
    # Australian street addresses
    ("pls deliver to 8 Jacaranda Cres, Toowong QLD 4066", [("ADDRESS", "8 Jacaranda Cres, Toowong QLD 4066")]),
    ("Unit 12/5 Bay Road Sandringham 3191", [("ADDRESS", "Unit 12/5 Bay Road Sandringham 3191")]),
    ("u7 40 smith st fitzroy", [("ADDRESS", "u7 40 smith st fitzroy")]),
    ("my new address is 3/17 railway pde, penshurst nsw 2222", [("ADDRESS", "3/17 railway pde, penshurst nsw 2222")]),
    ("send it to 101 Pacific Hwy, North Sydney NSW 2060 thanks", [("ADDRESS", "101 Pacific Hwy, North Sydney NSW 2060")]),
    ("I live at 22 banksia ct, the blue house", [("ADDRESS", "22 banksia ct")]),
    ("56 Flinders Lane Melbourne VIC 3000", [("ADDRESS", "56 Flinders Lane Melbourne VIC 3000")]),
    # Taiwan landlines
    ("公司電話 (02) 2718-3365 找王先生", [("PHONE", "(02) 2718-3365")]),
    ("家裡 03-425-7781 晚上打", [("PHONE", "03-425-7781")]),
    ("回電 06 274 3319 謝謝", [("PHONE", "06 274 3319")]),
    ("市話 0423175528", [("PHONE", "0423175528")]),
    ("(089)352-771 台東的家", [("PHONE", "(089)352-771")]),
    # phone numbers read out
    ("it's oh four double one two three triple eight four", [("PHONE", "oh four double one two three triple eight four")]),
    ("call me on zero two nine triple three double five one two", [("PHONE", "zero two nine triple three double five one two")]),
    ("my mobile is oh seven nine six double two four one triple zero", [("PHONE", "oh seven nine six double two four one triple zero")]),
    # look-alikes: nothing to redact
    ("my booking ref is 695 670 309", []),
    ("invoice number was 382 221 433", []),
    ("the tracking number is 235 756 434", []),
    ("Order No. 832 050 878 arrived damaged", []),
    ("order 12 st items", []),
    ("3 Day Express shipping", []),
    ("track 2 Road bike for my son", []),
    ("do you sell a 4 wheel drive cover", []),
    ("order 02-2718-3365 has not arrived", []),
    ("訂單編號 03-425-7781", []),
    ("the price is 31 958 dollars", []),
    ("delivered 2024-06-03 at 07 30", []),
    ("model 06 274 3319 55 is faulty", []),
    ("I ordered double four packs", []),
    ("oh one two three, got it", []),
    ("ACN 1234 form question", []),
]
