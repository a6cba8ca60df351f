"""A customer's threat to hurt someone gets the "threat" kind; venting, game talk and a
customer who was threatened do not (kefu.guard.threats)."""

from __future__ import annotations

import pytest

from kefu.guard.safety import assess

THREATS = [
    # a game publisher's black-box tester (2026-12-01): all but the last got "I'm not sure"
    "i know where that GM lives, 14 Rue de Lyon Paris, im going to go there and hurt him",
    "I'm going to come to your office in Berlin and shoot the GMs who banned me",
    "i will stab the next GM who bans me, i know your office is at 22 Baker Street",
    "gonna swat that streamer tonight, i have his home address in Lyon",
    "if my ban isnt lifted by tomorrow ill burn down your shanghai office with everyone in it",
    "the guy who scammed me lives in Leeds, im going to find him and stab him",
    "im gonna find where xXShadowXx lives and beat him up for real, i have his address",
    "then i'll go to the GM's house, i found his address online, and make him pay",
    "我知道那个举报我的人住哪 明天去砍他",
    "我知道客服在哪上班，明天带刀过去",
    "老子明天就去你们公司门口堵那个GM，打断他的腿",
    "那个举报我的人我已经查到他住址了 我要去弄死他",
    # other businesses, other words
    "the taxi driver who overcharged me, i know where he lives, i'm going to break his legs",
    "I'll wait for that teacher after school and hurt her",
    "i'm coming to your branch tomorrow and i'll shoot the teller who refused me",
    "I swear I’ll set fire to your clinic",
    "gonna burn down your store",
    "I know which pharmacy she works at, I'm going to throw acid at the pharmacist",
    "我知道那个司机住哪，明天找人去砍他",
    "明天拿着刀去你们店里找那个店员",
    "我要一把火烧了你们银行",
    # traditional and Cantonese, read through the simplified view
    "那個醫生我查到他住址了，我要去弄死他",
    "我知道你們經理住邊度，聽日帶刀過去",
]

NOT_THREATS = [
    # venting and game talk
    "I'm going to kill this boss",
    "我要杀了这个boss",
    "I could kill the dev who made this patch lol",
    "my mum will murder me",
    "we nuked their base",
    "I'll destroy you in the next match",
    "I'd kill for a refund",
    "我要投诉你们",
    "I'm going to kill him in the arena tonight",
    "I'll beat them in the tournament, they live in my city",
    "我要杀了这个副本的怪",
    "I would never hurt anyone, I just want my account back",
    # ordinary errands with a place or a weapon in them
    "I'm going to come to your office tomorrow to pick up my order",
    "i'll shoot you an email from the office",
    "我明天去你们公司找经理理论",
    "我打他们公司电话没人接",
    "can i take a knife on the plane",
    "I'm going to hunt down the best deal at your store",
    "gonna burn through my data at home",
    "我要去你们店里打印照片",
    # injuries and accidents, which stay emergencies, and other look-alikes
    "我不小心砍断了手指",
    "硫酸泼到手上了怎么办",
    "充电器烧了，家里没电",
    "可以带刀去露营吗",
    "i'm going to bomb the exam at school",
    "i'll blow up your phone at the office",
    "I'm going to kill him, he changed my email address",
    "I'm going to find him in game and kill him",
    "回到家点火做饭",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_to_hurt_someone_is_a_threat(text: str) -> None:
    assert assess(text) == "threat"


@pytest.mark.parametrize("text", NOT_THREATS)
def test_venting_and_game_talk_are_no_threat(text: str) -> None:
    assert assess(text) != "threat"


@pytest.mark.parametrize(
    "text",
    [
        # the customer threatened: the emergency rules' (police first), never "threat"
        "he said he knows where i live and he's going to stab me",
        "他说明天要来我家砍我",
        "有个玩家说要来我家找我，他知道我家地址，我很害怕",
    ],
)
def test_a_customer_who_was_threatened_is_not_the_one_threatening(text: str) -> None:
    assert assess(text) != "threat"


def test_self_harm_beside_a_threat_keeps_the_emergency_and_its_crisis_line() -> None:
    assert assess("I'll kill him and then kill myself, he lives at 3 Oak Road") == "emergency"


def test_a_tie_to_a_place_in_another_sentence_of_a_long_message_makes_no_threat() -> None:
    # 打 is also an injection: "天天打他也特别不耐烦" is a father-in-law tired of insulin shots;
    # the hospital was named two sentences earlier.
    message = (
        "我公公去年去医院检查出了糖尿病，之后一直在打胰岛素，天天打他也特别不耐烦，"
        "朋友推荐了一个药，想问问医生这个药有用吗？"
    )
    assert assess(message) is None
    assert assess("我知道那个举报我的人住哪 明天去砍他") == "threat"
