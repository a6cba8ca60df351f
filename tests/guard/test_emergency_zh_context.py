"""Chinese emergencies said in passing, indirectly or in Cantonese, and the emergency words a
hospital's patients use with no emergency (a department, a follow-up, the past, a negation, an
idiom). From a hospital tester's report (devsets/blackbox/hospital/) and variants of our own."""

from __future__ import annotations

import pytest

from kefu.dialogue.intents import triage
from kefu.guard.emergency_context import head_text, not_now

# An emergency now: each was answered as an ordinary question before.
EMERGENCIES = [
    # wrapped in an ordinary question
    "住院押金多少？我妈刚吐了好多血",
    "体检套餐多少钱，顺便问下我爸刚才突然说不出话了怎么办",
    "请问周末能做B超吗？我老婆现在肚子疼得打滚，还在流血",
    "停车场怎么收费？我爸在车上咳了很多血",
    # vomiting or coughing blood
    "我奶奶突然呕血了，一大口一大口的",
    "他刚才咳出好多血",
    # speech lost or slurred
    "我老公刚才突然讲不出话，嘴也歪了",
    "我妈突然不会说话了",
    # heavy bleeding, pregnancy
    "伤口一直在流血，纱布都湿透了",
    "怀孕七个月，肚子剧痛，下面出了好多血",
    "我怀孕了，现在肚子痛得厉害还见红",
    # suicide without 死 or 自杀
    "最近总想着怎么离开这个世界",
    "我把攒的药都准备好了，今晚就吃",
    "我囤了很多安眠药，打算今晚全部吃掉",
    "反正我也活不久了，不如早点走",
    "我想早点走，不想再拖累家里人了",
    "好想睡过去就不要再醒来",
    "我只想解脱，再也不想撑下去了",
    # Cantonese
    "心口好翳，出晒汗",
    "胸口好翳，成身出晒冷汗",
    "唞唔到气，好辛苦",
    "透唔到气，好辛苦",
    "阿爷晕低咗，叫极都冇反应",
    "细佬突然晕低咗",
    # a past mention beside a present sign, or said to be back
    "我以前中风过，现在又说不出话了",
    "我爸去年中风，今天早上嘴又歪了",
    "I had a stroke last year and now my face is drooping",
    "我没有胸痛，但是喘不上气",
    "我以前摔伤过头，今天突然抽搐了",
]

# No emergency now: each got the emergency reply before.
NOT_EMERGENCIES = [
    "我想预约胸痛中心的专家",
    "卒中中心在几楼",
    "我是来做胸痛复查的，挂哪里",
    "我不是急诊，只是想问胸痛门诊几点上班",
    "没有胸痛，就想预约个心电图",
    "我爸去年中风，现在想挂康复科",
    "孩子以前抽搐过，做脑电图要预约吗",
    "我想挂个号，复查一下上次的心绞痛",
    "以前吐过血，现在想做个胃镜",
    "I had chest pain last year, now fine; can I book a follow-up?",
    "Do you have a cardiology clinic for chest pain follow-ups?",
    "stroke unit visiting hours?",
    "chest pain clinic opening hours",
    "my mum had a stroke two years ago, does the rehab clinic take walk-ins?",
    "已经打了120，急诊从哪个门进",
    # idioms and ordinary uses of the new words
    "笑死我了",
    "气死我了，报告还没出来",
    "感动得说不出话来",
    "我想早点走，几点能办完出院手续",
    "这家店的吐血推荐，价格真的很低",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_an_emergency_in_chinese_is_caught_by_the_rules(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_a_department_a_follow_up_the_past_or_a_negation_is_no_emergency(text: str) -> None:
    assert triage(text) != "emergency"


def test_only_the_span_that_is_not_now_is_blanked() -> None:
    text = "我以前中风过，现在说不出话了"
    blanked = not_now(text)
    assert "中风" not in blanked and blanked.endswith("现在说不出话了")
    assert not_now("他没有呼吸了") == "他没有呼吸了"  # no breath is an emergency, not a negation


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("笑死我了", None),
        ("my heart sank when I saw the bill", "when I saw the bill"),
        ("我的心都碎了，专家号又没抢到", "专家号又没抢到"),
        ("吓死我了，我妈晕倒了", "我妈晕倒了"),
        ("stroke unit visiting hours?", "visiting hours"),
        ("我爸胸口痛得厉害", "我爸胸口痛得厉害"),
    ],
)
def test_the_learned_head_reads_the_message_without_idioms(text: str, read: str | None) -> None:
    assert head_text(text) == read
