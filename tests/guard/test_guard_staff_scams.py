"""Someone posing as staff or a collector walks the customer through a scam, and someone
threatens the customer with no weapon in sight (a lender's and a game's black-box testers,
2026-12-01). New phrasings in English, simplified and traditional Chinese and Cantonese, and
the ordinary messages that use the same words; the dev rows are
devsets/blackbox/lending/data/scams2_dev.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kefu.dialogue.abroad import need
from kefu.guard.safety import assess
from kefu.guard.scam_staff import staff_scam
from kefu.guard.views import views

_DEV = Path(__file__).resolve().parents[2] / "devsets/blackbox/lending/data/scams2_dev.jsonl"

STAFF_SCAMS = [
    # an app from a link, a meeting or remote-control app
    "客服给我发了个链接，让我下载一个APP办理退款",
    "The customer service agent sent me a link to download an app so he can process my refund",
    "对方说是你们的客服，让我下载会议软件",
    "the caller said he was from your bank and told me to install AnyDesk",
    "someone texted me a link to download your refund app, is it yours?",
    # the screen shared
    "他让我开共享屏幕，说要帮我操作",
    "Your staff member asked me to share my screen on Zoom, is that normal?",
    "對方要我開共享屏幕俾佢睇，話幫我取消扣費",
    # a payment into a person's own account
    "催收让我把钱转到他个人账户，说这样可以减免",
    "The collector wants me to pay into his personal account",
    "有个自称你们员工的人让我微信转账给他",
    "催收員叫我轉賬去佢私人戶口",
    # the verification code on the customer's phone
    "客服打电话问我手机收到的验证码，我要告诉他吗",
    "Someone from your bank called and asked for the SMS verification code on my phone",
    "he told me to read him the code that just came by text",
    "I told the agent my OTP already, what now?",
]
NOT_STAFF_SCAMS = [
    "how do I share my screen with your support in the app?",
    "怎么共享屏幕给你们客服看",
    "請問我的驗證碼收不到怎麼辦",
    "登录时需要我输入验证码吗",
    "APP让我输入验证码，一直提示错误",
    "The app asked me for the SMS code but it never came",
    "I'm not receiving the verification code",
    "怎么下载你们的APP",
    "My husband wants me to pay into his account",
    "我老公让我用他的卡还款可以吗",
    "还款可以转到个人账户吗",
    "can I repay by bank transfer?",
    "客服会问我要验证码或密码吗？",
    # a driver's off-platform payment is the business's own rule, not an impersonation
    "司机让我微信转给他 说不走平台",
]
THREATENED = [
    "the collector said he'll break my legs if I don't pay by Friday",
    "有个玩家说要来我家找我，我很害怕",
    "he said he knows where my kids go to school",
    "催收昨天说今晚要来我家收拾我",
    "The debt collector told me he knows where I live and I should watch my back",
    "那个人说他知道我女儿在哪个学校上学",
    "佢話知道我屋企住邊度，仲話要搵人嚟搞我",
    "a player messaged me that he's coming to my house tonight, I'm scared",
    "催收放话说不还钱就让我全家出事",
    "my ex is outside my flat and he'll kill me",
]
NOT_THREATENED = [
    "the collector keeps calling me, it's killing me",
    "催收天天打电话烦死了",
    "he threatened to take me to court",
    "催收说要打我电话给我家人",
    "the collector said they will visit my house next week to discuss the payment",
    "催收说明天要来我家",
    "this debt is killing me",
]
GAME_TALK = [
    "my guild leader said he'd kill me if I miss the raid lol",
    "队友说要弄死我 哈哈",
    "公會會長話我唔上線就殺咗我 哈哈",
]


@pytest.mark.parametrize("text", STAFF_SCAMS)
def test_someone_posing_as_staff_gets_the_scam_warning(text: str) -> None:
    assert assess(text) == "scam"
    assert staff_scam(views(text))  # the reply of its own, not the loan scripts'


@pytest.mark.parametrize("text", NOT_STAFF_SCAMS)
def test_the_customers_own_app_code_and_payment_questions_stay_ordinary(text: str) -> None:
    assert assess(text) != "scam"


@pytest.mark.parametrize("text", THREATENED)
def test_a_threat_against_the_customer_without_a_weapon_is_for_the_police(text: str) -> None:
    assert assess(text) == "emergency"
    assert need(text) == "police"


@pytest.mark.parametrize("text", NOT_THREATENED)
def test_calls_court_visits_and_figures_of_speech_are_no_emergency(text: str) -> None:
    assert assess(text) is None


@pytest.mark.parametrize("text", GAME_TALK)
def test_a_threat_in_game_talk_with_no_real_world_tie_is_no_emergency(text: str) -> None:
    assert assess(text) != "emergency"


def test_the_dev_rows_get_what_they_expect() -> None:
    rows = [json.loads(line) for line in _DEV.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 30
    for row in rows:
        kind = assess(row["q"])
        if "expect_scam" in row:
            assert (kind == "scam") == row["expect_scam"], row["q"]
        else:
            assert (kind == "emergency") == row["expect_emergency"], row["q"]
