"""Romance scams and sextortion (`kefu.guard.romance_scam`): money asked by someone met in a
chat with a scam's reason, intimate images held over the customer; a young person writing about
themselves (`kefu.guard.safeguarding.writes_as_minor`). The examples are fresh, written for the
phenomenon, not the tester's strings; look-alikes must stay ordinary or keep their own kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kefu.guard.romance_scam import is_sextortion
from kefu.guard.safeguarding import writes_as_minor
from kefu.guard.safety import assess
from kefu.guard.views import views

DEV = Path(__file__).parents[2] / "devsets/blackbox/romance_scam_dev/romance_scam_dev.jsonl"


def _dev_rows() -> list[dict[str, str]]:
    if not DEV.exists():
        return []
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.skipif(not DEV.exists(), reason="the dev set is not in this checkout")
@pytest.mark.parametrize("row", _dev_rows(), ids=lambda r: r["text"][:40])
def test_the_dev_phrasings_get_their_kind(row: dict[str, str]) -> None:
    kind = assess(row["text"])
    if row["label"] == "romance_scam":
        assert kind == "romance_scam"
    elif row["label"] == "safeguarding_young":
        assert kind == "safeguarding" and writes_as_minor(views(row["text"]))
    else:
        assert kind not in ("romance_scam", "emergency", "safeguarding")


@pytest.mark.parametrize(
    "text",
    [
        "the lady I met here says her brother had an accident and asked me to lend her 3000 "
        "dollars",
        "my match is a soldier overseas and needs me to pay the fee to release his leave",
        "he keeps pushing me to deposit funds on his investment platform, guaranteed returns",
        "someone from this site wants me to buy steam gift cards for his niece",
        "she convinced me to put money in a crypto exchange and now I can't withdraw",
        "my online boyfriend asked for bank details so he can send me his inheritance",
        "男朋友（网上认识的）说他奶奶病了 要我帮忙打两万块医药费",
        "对方带我在一个外汇平台投资 说内部消息稳赚",
        "网友让我交三千保证金 说这样才能见面",
        "这个人叫我充值USDT 说一起赚钱",
        "我好像被杀猪盘骗了",
    ],
)
def test_money_asked_by_someone_met_online_is_a_romance_scam(text: str) -> None:
    assert assess(text) == "romance_scam"
    assert not is_sextortion(views(text))


@pytest.mark.parametrize(
    "text",
    [
        "a woman I matched with recorded our video call and says she'll post it online unless I "
        "pay her",
        "he has intimate photos of me and demands $800 or he sends them to my work",
        "I'm being blackmailed with my pics",
        "对方手里有我的私密照 说不给钱就发到网上",
        "她威胁要把我的视频发给我家人",
        "裸聊被录了 对方在敲诈我",
    ],
)
def test_intimate_images_held_over_the_customer_are_sextortion(text: str) -> None:
    assert assess(text) == "romance_scam"
    assert is_sextortion(views(text))


@pytest.mark.parametrize(
    "text",
    [
        "how do I report a scam profile",
        "what should I do if someone asks me for money",
        "my mum is in hospital, can I pause my subscription",
        "is crypto allowed in my bio",
        "I sent photos to verify my profile",
        "he wants me to pay for dinner on our first date, is that normal",
        "my boyfriend wants me to buy gold so we can video chat",
        "can I hide my photos from people who are not verified",
        "my ex is threatening to post mean stuff about me on twitter",
        "he works in crypto, red flag or not lol",
        "my boyfriend asked me to pay for gold for him",
        "my partner asked me to pay the fee for the app",
        "怎么举报骗子",
        "我妈住院了 这个月会员能暂停吗",
        "简介可以写我是做投资的吗",
        "认证照片会被别人看到吗",
    ],
)
def test_look_alikes_are_not_romance_scams(text: str) -> None:
    assert assess(text) != "romance_scam"


def test_danger_now_stays_an_emergency() -> None:
    assert assess("he's outside my door right now saying he'll hurt me unless I pay") == "emergency"
    # words of self-harm keep the crisis reply
    assert assess("he has my nudes and wants money, i want to kill myself") == "emergency"


@pytest.mark.parametrize(
    "text,minor",
    [
        ("im 15 and a guy on here asks me for pics", True),
        ("I'm only 16, is that ok", True),
        ("我今年14岁", True),
        ("I'm 15 minutes late for my date", False),
        ("i am 5 foot 2", False),
        ("my daughter is 15", False),
        ("I'm 25 and he's 40", False),
    ],
)
def test_a_young_writer_is_read_from_their_own_age(text: str, minor: bool) -> None:
    assert writes_as_minor(views(text)) is minor


def test_a_young_person_with_an_adult_partner_is_safeguarding() -> None:
    assert assess("I'm 14 and my boyfriend (22) wants me to sign up") == "safeguarding"
    assert assess("我15岁 男朋友25岁 让我注册") == "safeguarding"
    assert assess("I'm 25 and my boyfriend (22) wants me to sign up") is None
