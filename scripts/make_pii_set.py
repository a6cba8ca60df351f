"""Generate the labelled PII evaluation sets (English and Chinese support messages).

    .venv/bin/python scripts/make_pii_set.py     # writes both files below

- devsets/pii_dev.jsonl            seed 1, template set "dev"  -- used to tune the recognisers
- benchmarks/data/pii_eval.jsonl   seed 2, template set "eval" -- reported, never tuned on

Each line: {"text": ..., "lang": "en"|"zh", "spans": [{"kind", "start", "end"}]}. PII values are
generated with valid check digits (Luhn cards, MOD 11-2 resident IDs, mod-97 IBANs, valid SSN
ranges); hard negatives (order/tracking numbers, amounts, dates, non-Luhn 16-digit runs,
18-digit numbers born on 30 February, bad IBANs/SSNs, product codes) carry no span.
The two splits share the value generators but not the sentence templates or the seed.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu.guard.checksums import (  # noqa: E402
    cn_id_check_char,
    iban_check_digits,
    luhn_check_digit,
)

Piece = tuple[str, str | None]  # (text, kind or None for a hard negative)

FIRST = ["john", "mary", "wei", "li", "anna", "david", "zhang", "chen", "sarah", "tom", "yuki"]
LAST = ["smith", "wang", "liu", "brown", "zhao", "lee", "garcia", "huang", "miller", "sun"]
DOMAINS = [
    "example.com",
    "mail.example.org",
    "qq.com",
    "163.com",
    "company.co.uk",
    "shop-help.cn",
    "gmail.com",
    "outlook.com",
    "univ.edu.cn",
]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def email(rng: random.Random) -> str:
    f, la = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice(
        [
            f"{f}.{la}",
            f"{f}_{la}{rng.randint(1, 99)}",
            f"{f}{rng.randint(10, 999)}",
            f"{f}+orders",
            f"{f[0]}{la}",
        ]
    )
    return f"{local}@{rng.choice(DOMAINS)}"


def phone(rng: random.Random) -> str:
    mob = rng.choice("3456789") + _digits(rng, 1)
    a, b = _digits(rng, 4), _digits(rng, 4)
    area = rng.choice(["212", "415", "646", "312", "206", "617", "303"])
    ex, sub = str(rng.randint(200, 999)), _digits(rng, 4)
    options = [
        f"+44 20 {_digits(rng, 4)} {_digits(rng, 4)}",
        f"+44 7{_digits(rng, 3)} {_digits(rng, 6)}",
        f"+1 ({area}) {ex}-{sub}",
        f"+1 {area} {ex} {sub}",
        f"+49 30 {_digits(rng, 8)}",
        f"+33 1 {_digits(rng, 2)} {_digits(rng, 2)} {_digits(rng, 2)} {_digits(rng, 2)}",
        f"+852 {rng.choice('2369')}{_digits(rng, 3)} {_digits(rng, 4)}",
        f"{area}-{ex}-{sub}",
        f"({area}) {ex}-{sub}",
        f"{area}.{ex}.{sub}",
        f"1{mob}{a}{b}",
        f"1{mob} {a} {b}",
        f"1{mob}-{a}-{b}",
        f"+86 1{mob} {a} {b}",
        f"+861{mob}{a}{b}",
        f"86 1{mob}{a}{b}",
        f"010-{rng.choice('2345678')}{_digits(rng, 7)}",
        f"021-{rng.choice('2345678')}{_digits(rng, 7)}",
        f"0755-{rng.choice('2345678')}{_digits(rng, 6)}",
        f"0571-{rng.choice('2345678')}{_digits(rng, 7)}",
        f"(010) {rng.choice('2345678')}{_digits(rng, 7)}",
    ]
    return rng.choice(options)


def _luhn_number(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + _digits(rng, length - len(prefix) - 1)
    return body + luhn_check_digit(body)


def _group(number: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for s in sizes:
        out.append(number[i : i + s])
        i += s
    return sep.join(out)


def card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "visa", "mc", "mc2", "amex", "unionpay", "unionpay19"])
    if kind == "amex":
        n = _luhn_number(rng, rng.choice(["34", "37"]), 15)
        return _group(n, [4, 6, 5], rng.choice([" ", "-", ""]))
    if kind == "unionpay19":
        n = _luhn_number(rng, "62", 19)
        return rng.choice([n, _group(n, [4, 4, 4, 4, 3], " ")])
    prefix = {
        "visa": "4",
        "mc": f"5{rng.randint(1, 5)}",
        "mc2": str(rng.randint(2221, 2720)),
        "unionpay": "62",
    }[kind]
    n = _luhn_number(rng, prefix, 16)
    return _group(n, [4, 4, 4, 4], rng.choice([" ", "-", ""]))


REGIONS = [
    "110105",
    "310104",
    "440305",
    "330106",
    "510107",
    "420106",
    "610113",
    "320102",
    "650102",
    "370202",
    "430104",
    "210102",
]


def _birth(rng: random.Random) -> str:
    d = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 55))
    return d.strftime("%Y%m%d")


def cn_id(rng: random.Random) -> str:
    first17 = rng.choice(REGIONS) + _birth(rng) + _digits(rng, 3)
    return first17 + cn_id_check_char(first17)


IBAN_FORMATS = {
    "GB": "AAAA" + "9" * 14,
    "DE": "9" * 18,
    "FR": "9" * 23,
    "NL": "AAAA" + "9" * 10,
    "ES": "9" * 20,
    "IT": "A" + "9" * 22,
    "BE": "9" * 12,
    "CH": "9" * 17,
}


def _bban(rng: random.Random, country: str) -> str:
    return "".join(
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if c == "A" else rng.choice("0123456789")
        for c in IBAN_FORMATS[country]
    )


def iban(rng: random.Random) -> str:
    country = rng.choice(list(IBAN_FORMATS))
    bban = _bban(rng, country)
    value = country + iban_check_digits(country, bban) + bban
    if rng.random() < 0.5:
        value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def ip(rng: random.Random) -> str:
    return rng.choice(
        [
            f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            ".".join(str(rng.randint(1, 255)) for _ in range(4)),
        ]
    )


STREETS = [
    "Main",
    "Oak",
    "Maple",
    "Elm",
    "Baker",
    "Market",
    "Pine",
    "Cedar",
    "Sunset",
    "Lake View",
    "Washington",
    "High",
    "Church",
    "Mill Creek",
]
STREET_TYPES = [
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Lane",
    "Drive",
    "Court",
    "Way",
    "Place",
]
ZH_PLACES = [
    ("广东省", "深圳市", ["南山区", "福田区", "宝安区"]),
    ("", "北京市", ["朝阳区", "海淀区"]),
    ("", "上海市", ["浦东新区", "徐汇区", "静安区"]),
    ("浙江省", "杭州市", ["西湖区", "滨江区"]),
    ("四川省", "成都市", ["武侯区", "锦江区"]),
    ("湖北省", "武汉市", ["洪山区", "江汉区"]),
    ("江苏省", "南京市", ["鼓楼区", "玄武区"]),
    ("广东省", "广州市", ["天河区", "越秀区"]),
]
ZH_ROADS = ["科技", "文三", "建国", "人民", "中山", "解放", "长江", "世纪", "天府", "学院"]


def address_en(rng: random.Random) -> str:
    value = f"{rng.randint(1, 9999)} {rng.choice(STREETS)} {rng.choice(STREET_TYPES)}"
    if rng.random() < 0.4:
        value += f", {rng.choice(['Apt', 'Suite', 'Unit'])} {rng.randint(1, 40)}"
        value += rng.choice(["", "B", "A"])
    return value


def address_zh(rng: random.Random) -> str:
    prov, city, districts = rng.choice(ZH_PLACES)
    value = (prov if rng.random() < 0.7 else "") + city + rng.choice(districts)
    value += rng.choice(ZH_ROADS) + rng.choice(["路", "大道", "街", "北路"])
    value += f"{rng.randint(1, 999)}号"
    if rng.random() < 0.5:
        value += f"{rng.randint(1, 12)}栋{rng.randint(1, 30)}{rng.randint(1, 9):02d}室"
    return value


# ---- hard negatives (no span) -------------------------------------------------------------


def neg_value(rng: random.Random) -> str:
    # An 18-digit look-alike of a resident ID born on 30 February. (A wrong check character
    # alone no longer makes one: it is read as a customer's typo and redacted.) The random
    # draws are the ones the earlier wrong-check look-alike made, so every other line of both
    # files stays as it was.
    region, born, serial = rng.choice(REGIONS), _birth(rng), _digits(rng, 3)
    bad_id = region + born[:4] + "0230" + serial
    bad_id += rng.choice([c for c in "0123456789X" if c != cn_id_check_char(bad_id)])
    card16 = rng.choice(["4", "51", "62"]) + _digits(rng, 14 if rng.random() < 0.5 else 13)
    card16 = card16[:15]
    card16 += rng.choice([d for d in "0123456789" if d != luhn_check_digit(card16)])
    country = rng.choice(list(IBAN_FORMATS))
    bban = _bban(rng, country)
    good = iban_check_digits(country, bban)
    bad_cd = rng.choice([f"{c:02d}" for c in range(2, 99) if f"{c:02d}" != good])
    return rng.choice(
        [
            f"ORD-{_digits(rng, 10)}",
            f"#{rng.randint(10**7, 10**8 - 1)}",
            "20" + rng.choice(["23", "24"]) + _digits(rng, 14),
            _digits(rng, 12),
            f"1Z{rng.randint(100, 999)}AA{_digits(rng, 10)}",
            f"SF{_digits(rng, 12)}",
            f"YT{_digits(rng, 13)}",
            f"JD{_digits(rng, 13)}",
            f"${rng.randint(1, 9)},{_digits(rng, 3)}.{_digits(rng, 2)}",
            f"¥{rng.randint(10, 9999)}",
            f"{rng.randint(10, 9999)}元",
            f"€{rng.randint(1, 999)}.00",
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2024",
            f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            card16,
            _group(card16, [4, 4, 4, 4], " "),
            bad_id,
            country + bad_cd + bban,
            f"{rng.choice(['000', '666', '912'])}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
            f"SKU-{rng.randint(1000, 9999)}-{rng.choice(['BLK', 'WHT', 'RED'])}",
            f"XM-{rng.randint(2019, 2025)}A",
            f"v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
            f"{rng.randint(0, 23):02d}:{rng.choice(['00', '15', '30', '45'])}",
            f"INV-2024-{_digits(rng, 6)}",
            f"{rng.randint(3, 5)}-{rng.randint(6, 10)}",
        ]
    )


GENERATORS = {
    "EMAIL": email,
    "PHONE": phone,
    "CARD": card,
    "CN_ID": cn_id,
    "IBAN": iban,
    "SSN": ssn,
    "IP": ip,
}

NOUNS = {
    "en": {
        "EMAIL": ["email", "email address"],
        "PHONE": ["phone number", "mobile", "number"],
        "CARD": ["card number", "credit card"],
        "CN_ID": ["Chinese ID number", "ID card number"],
        "IBAN": ["IBAN", "bank account"],
        "SSN": ["SSN", "social security number"],
        "IP": ["IP address", "IP"],
        "ADDRESS": ["address", "shipping address"],
    },
    "zh": {
        "EMAIL": ["邮箱", "电子邮箱"],
        "PHONE": ["手机号", "电话", "联系方式"],
        "CARD": ["银行卡号", "信用卡号"],
        "CN_ID": ["身份证号", "身份证号码"],
        "IBAN": ["IBAN账号", "国际银行账号"],
        "SSN": ["社会安全号"],
        "IP": ["IP地址", "IP"],
        "ADDRESS": ["地址", "收货地址"],
    },
}

# {n} noun, {v} PII value, {x} hard negative
TEMPLATES = {
    ("en", "dev"): [
        "Hi, my {n} is {v}.",
        "Please update my {n} to {v}, thanks!",
        "Order {x} has not arrived yet. My {n}: {v}",
        "{v} is my {n}, can you check?",
        "I was charged {x} twice; {n} {v}.",
        "Contact me via {v} about ticket {x}.",
        "Why does order {x} show {x}?",
        "My package {x} is late, it was due {x}.",
    ],
    ("en", "eval"): [
        "Hello team, the {n} on file should be {v} not the old one.",
        "Refund for invoice {x} please -- {n} is {v}",
        "Can someone call me back? {n}: {v}",
        "I typed {v} as my {n} yesterday (ref {x}).",
        "Tracking {x}; delivery to {v} failed.",
        "Is {x} the right code? I paid {x} already.",
        "Item {x} costs {x} in your app.",
        "Use {v} for my account, and cancel {x}.",
    ],
    ("zh", "dev"): [
        "你好，我的{n}是{v}。",
        "请把{n}改成{v}，谢谢",
        "订单{x}还没到，我的{n}：{v}",
        "{v}是我的{n}，帮忙查一下",
        "我被扣了{x}两次，{n}{v}",
        "订单{x}显示{x}是什么意思？",
        "快递{x}一直没更新，预计{x}送达",
        "联系我{v}，工单号{x}",
    ],
    ("zh", "eval"): [
        "麻烦核对一下，{n}应该是{v}不是以前那个",
        "发票{x}申请退款，{n}为{v}",
        "能回个电话吗？{n}：{v}",
        "昨天填的{n}是{v}（单号{x}）",
        "运单{x}派送到{v}失败了",
        "编码{x}对吗？我已经付了{x}",
        "商品{x}在APP里卖{x}",
        "账户用{v}，另外取消{x}",
    ],
}


def make_example(rng: random.Random, lang: str, split: str) -> dict[str, Any]:
    template = rng.choice(TEMPLATES[(lang, split)])
    kind = rng.choice([*GENERATORS, "ADDRESS", "PHONE", "CARD", "CN_ID"])
    noun = rng.choice(NOUNS[lang][kind])
    if kind == "ADDRESS":
        value = address_zh(rng) if lang == "zh" else address_en(rng)
    else:
        value = GENERATORS[kind](rng)
    parts = re.split(r"(\{[nvx]\})", template)
    text, spans = "", []
    for part in parts:
        if part == "{n}":
            text += noun
        elif part == "{v}":
            spans.append({"kind": kind, "start": len(text), "end": len(text) + len(value)})
            text += value
        elif part == "{x}":
            text += neg_value(rng)
        else:
            text += part
    return {"text": text, "lang": lang, "spans": spans}


def make_split(seed: int, split: str, n: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [make_example(rng, "en" if i % 2 == 0 else "zh", split) for i in range(n)]


def main() -> None:
    for seed, split, path in (
        (1, "dev", ROOT / "devsets" / "pii_dev.jsonl"),
        (2, "eval", ROOT / "benchmarks" / "data" / "pii_eval.jsonl"),
    ):
        rows = make_split(seed, split, 2400)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        n_spans = sum(len(r["spans"]) for r in rows)
        print(f"{path.relative_to(ROOT)}: {len(rows)} examples, {n_spans} spans")


if __name__ == "__main__":
    main()
