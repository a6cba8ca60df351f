"""Emergencies a home-care business and a gym chain get in everyday words (docs/safety.md):
suicidal intent said indirectly or by an older person, a vulnerable person missing now, a
collapse or a passing stroke in British words, and a small set of Malay emergency phrases.
Their look-alikes stay ordinary."""

from __future__ import annotations

import pytest

from kefu.dialogue.abroad import need
from kefu.dialogue.crisis import about_self_harm
from kefu.guard.emergency import is_emergency
from kefu.guard.views import views


def _flagged(message: str) -> bool:
    return is_emergency(views(message))


@pytest.mark.parametrize(
    "message",
    [
        "honestly i keep thinking about ending it. anyway how do i pause my plan",
        "i just want to disappear. can you stop my payments please",
        "nobody would notice if I disappeared tomorrow, what's the refund policy",
        "no one would even notice if i was gone. how do i close my account",
        "I've had enough of being ill. I've written letters to my kids and sorted out my affairs",
        "my dad keeps saying he'd be better off joining mum now",
        "阿公最近都說活著沒意思 還把安眠藥都存起來",
        "外婆一直講不想再麻煩我們了 她想去找外公",
        "我老了没用了，活着就是浪费粮食",
        "老了沒用了 活著只是浪費錢",
    ],
)
def test_indirect_suicidal_intent_is_an_emergency_with_crisis_lines(message: str) -> None:
    assert _flagged(message)
    assert about_self_harm(message)


@pytest.mark.parametrize(
    "message",
    [
        "阿公半夜不見了 門是開的",
        "奶奶不见了，监控看到她早上五点自己走出去了",
        "我爸有老人痴呆 刚才在超市走丢了",
        "孩子刚刚还在这里 现在找不到了",
        "my nan has dementia and she's gone missing from the home",
        "grandad has alzheimer's and he's not in his bed, we can't find him anywhere",
        "my son has gone missing at the beach",
    ],
)
def test_a_vulnerable_person_missing_now_is_for_the_police(message: str) -> None:
    assert _flagged(message)
    assert need(message) == "police"


@pytest.mark.parametrize(
    "message",
    [
        "grandad has just keeled over in the garden",
        "mum just keeled over and she's not making any sense",
        "dad's speech went funny for a few minutes and now he seems fine",
        "阿嬤剛剛說話突然怪怪的 現在又好了",
        "kawan saya pengsan dalam sauna",
        "suami saya sakit dada sangat",
        "dia tak bernafas, tolong",
        "kemalangan teruk depan gym, ada orang berdarah",
    ],
)
def test_a_collapse_a_passing_stroke_or_a_malay_emergency_is_caught(message: str) -> None:
    assert _flagged(message)


def test_a_fire_said_in_malay_is_for_the_fire_service() -> None:
    assert need("ada kebakaran di bangunan ini") == "fire"


@pytest.mark.parametrize(
    ("emergency", "look_alike"),
    [
        (
            "i just want to disappear. stop my direct debit",
            "I want to disappear under a duvet all weekend haha",
        ),
        ("i just want to disappear", "i just want to disappear into a good book on holiday"),
        (
            "thinking about ending it tonight",
            "we're ending it with our old care provider, how do we switch?",
        ),
        (
            "she'd be better off joining dad",
            "my dad wants to die at home, not in hospital. can carers support that?",
        ),
        ("活著只是浪費健保", "爸爸走了以後 媽媽每天晚上都睡不著 有陪伴服務嗎"),
        ("nobody would even notice if i disappeared", "I'm dying to try the new spin class"),
        (
            "my dad has wandered off and we can't find him",
            "dad got lost on the way to the day centre last month, can a carer go with him?",
        ),
        ("我的孩子不見了", "我的快遞不見了"),
        ("我妈不见了", "我妈的钱包不见了 是不是居服员拿的"),
        ("i can't find her anywhere, she's 5", "can't find her care plan in the app"),
        ("mum's gone missing", "mum's ring has gone missing since the carer's visit"),
        (
            "I've written letters to my children. whatever",
            "we've put mum's affairs in order, do you need a copy of the power of attorney?",
        ),
        (
            "I've written letters to my children and put my affairs in order",
            "I wrote a letter to my kids' school about the new carer times",
        ),
        ("我不想再麻烦大家了 我想去找你阿公", "我想去找阿公吃饭 顺便问一下周末有没有服务"),
        ("他半夜走丢了", "他走丢过一次 想申请防走失手环"),
        ("tolong! kawan saya tak sedarkan diri", "tolong, macam mana nak batalkan keahlian saya?"),
        ("dia pengsan", "saya tak sedar yuran dah naik bulan ini"),
        ("dada sakit sangat", "kaki saya kejang lepas leg day"),
    ],
)
def test_each_emergency_is_caught_and_its_look_alike_stays_ordinary(
    emergency: str, look_alike: str
) -> None:
    assert _flagged(emergency)
    assert not _flagged(look_alike)


@pytest.mark.parametrize(
    ("emergency", "after_a_stroke"),
    [
        ("阿公中风后 现在突然说不出话了", "阿公中風後說話不太清楚 有語言治療嗎"),
        ("我爸中风后说话一直不清楚，今天突然晕倒了", "中风后遗症 说话含糊 可以请居服员吗"),
    ],
)
def test_what_a_past_stroke_left_is_ordinary_and_a_new_sign_is_not(
    emergency: str, after_a_stroke: str
) -> None:
    assert _flagged(emergency)
    assert not _flagged(after_a_stroke)


@pytest.mark.parametrize(
    ("message", "service"),
    [
        # a home-care tester: ongoing abuse got only the ambulance's 119, not Taiwan's police
        ("居服員現在正在罵我媽還推她 我從監視器看到", "police"),
        ("看護又打她了", "police"),
        ("居服员正在推我妈", "police"),
        # calling someone, a recommendation: not an attack
        ("阿公跌倒了 我正在打他电话 他没接", "ambulance"),
        ("他在推荐我买保险 现在胸口很痛", "ambulance"),
    ],
)
def test_a_person_hit_or_pushed_now_is_for_the_police(message: str, service: str) -> None:
    assert need(message) == service
