"""A person endangering the customer (or a child) now is an emergency (kefu.guard.emergency_person).

From a ride-hailing tester's misses (2026-12-01) and new phrasings in other settings: a hotel
room, a date, work, home. The past, hypotheticals and ordinary words that look alike are not.
"""

from __future__ import annotations

import pytest

from kefu.dialogue.intents import triage
from kefu.guard.safety import assess

DANGER = [
    # the tester's
    "司机不让我下车",
    "司机把门锁了",
    "救命 司机把车开到郊区不让我下车",
    "help the driver won't let me out of the car",
    "I think I'm being kidnapped, the driver changed route and locked doors",
    "师傅一直往小路开 手机也没信号了 我该怎么办",
    "司机一直摸我腿 现在还在车上",
    "我在新加坡，司机一直摸我腿，现在还在车上",
    "司机在骚扰我 我还在车上",
    "driver touching me, please help",
    "driver keeps asking for my number and wont stop the car",
    "被司机打了 鼻子出血",
    "I'm in Shanghai, driver hit me and took my phone",
    "the driver is following me after I got off, im scared",
    "the driver is shouting at me and punched the seat, I'm still inside",
    "我把孩子忘在车上了 车已经开走了 怎么办",
    "my daughter is locked inside the DiXing car and the driver isn't answering",
    "司机开的好快 200码了 我让他慢点他不听 好怕",
    "司机喝酒了 开得东倒西歪 我在后座",
    "救命",
    "救命啊！！",
    "help me please",
    "jiu ming a siji bu rang wo xia che",
    # new phrasings, other settings
    "my ex is outside my door and won't leave",
    "someone is following me home",
    "有人一直跟着我",
    "他把我锁在房间里",
    "a man in my hotel room won't let me leave",
    "my date locked me in his apartment",
    "the man next to me on the bus is groping me right now",
    "bus driver locked the doors and won't let us off",
    "有个男的一直尾随我 我很害怕",
    "前男友在我家门口不走 一直砸门",
    "被前夫打了 头在流血",
    "the taxi driver is going way too fast and won't slow down, I'm terrified",
    "he drove off with my son",
    # traditional and Cantonese
    "司機唔俾我落車",
    "司機一直摸我，我仲喺車上",
]

ORDINARY = [
    "help me please with my invoice",
    "救命 这个价格也太离谱了吧",
    "the door is locked, how do I unlock my account",
    "locked out of my account",
    "被锁卡了",
    "跟着我的订单",
    "help",
    "你们真是我的救命恩人",
    "a driver was rude to me last week",
    "上次司机绕路",
    "I want to report a driver who touched me yesterday",
    "我要投诉司机 上次一直摸我腿",
    "如果司机不让我下车怎么办",
    "what should I do if a driver won't let me out?",
    "司机开得太快吓死我了，昨天那单",
    "I'm stuck, app won't let me book",
    "房租明天就到期了 你们APP把我锁了 我坐在车里哭",
    "someone keeps following me on instagram",
    "someone is following my account",
    "我被司机打了差评",
    "他一直打我电话",
    "他不停地给我发消息",
    "my baby won't stop crying",
    "the printer won't stop beeping",
    "我把孩子的书包忘在车上了",
    "the guard won't let me in the building",
    "help!! my wallet was stolen on the train",
    "救命啊 这题好难",
]


@pytest.mark.parametrize("message", DANGER)
def test_person_endangering_the_customer_now_is_an_emergency(message: str) -> None:
    assert assess(message) == "emergency"


@pytest.mark.parametrize("message", ORDINARY)
def test_look_alikes_the_past_and_hypotheticals_are_not(message: str) -> None:
    assert assess(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I want to report a driver who touched me yesterday",
        "last week a guy followed me home from the station, can you ban him",
        "上次那个司机一直跟着我",
    ],
)
def test_harm_told_as_past_is_a_complaint_for_a_person(message: str) -> None:
    assert triage(message) == "complaint"
