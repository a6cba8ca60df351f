"""A fire, an intruder, water on the electrics, a collapse or a fall at home, now
(`kefu.guard.emergency_home`): caught in English, Mandarin and Cantonese, each with the service
it needs first; the look-alikes (a fire alarm's battery, a burglar alarm, a dead socket, a water
bill, 火鍋, 火燭保險, a burglary told after the fact) stay ordinary."""

from __future__ import annotations

import pytest

from kefu.dialogue.abroad import need
from kefu.guard.safety import assess

# The letting agency tester's messages (devsets/blackbox/property), then new phrasings.
FIRE = [
    "屋企火燭呀",
    "啲電線燒緊，有燶味",
    "电线正在烧",
    "走廊全部都係煙，火警鐘響緊",
    "好大煙，我困咗喺房出唔到去",
    "隔篱屋燒緊，成條走廊都係煙",
    "房间里有很浓的烧焦味，不知道哪里来的",
    "電掣有燶味，仲有啲煙",
    "there is a strong burning smell coming from the socket in the bedroom",
    "the wiring behind the wall is smoking",
    "the corridor is full of smoke and the fire alarm is going off",
]
INTRUDER = [
    "有賊入咗屋，佢仲喺入面",
    "有小偷进了屋",
    "有小偷进了屋，他还在里面",
    "有人正在撬我家的门",
    "there's a burglar in my flat",
    "there's a man trying to get in through my window right now",
    "someone is breaking into my flat right now, i can hear them at the door",
    "someone broke in and they're still inside",
    "two men are trying to force the back door open",
    "I can hear someone downstairs, I live alone and it's 3am",
    "我屋企俾人爆緊格，好驚",
    "有人爬窗想入嚟",
    "家里进贼了，还在翻东西",
    "有個男人喺門口一直想開門入嚟",
]
WATER = [
    "water is pouring through the ceiling onto the plug sockets",
    "water is leaking into the fuse box",
    "my flat is flooding, water everywhere and it's coming through the light in the hall",
    "the sockets in the kitchen are soaked after the leak",
    "the extension lead is sitting in water and sparking",
    "水浸到成間屋，仲有電掣浸咗水",
    "水淹到电开关",
    "天花板漏水漏到插蘇度，仲有火花",
    "楼上漏水，水从灯里滴下来，插座也湿了",
    "插座冒火花，地上都是水",
]
OTHER = [
    "天花板塌咗落嚟，差啲砸中我",
    "the ceiling in the bathroom has just collapsed",
    "my elderly mum fell in the bathroom and can't get up",
    "我阿媽喺廁所跌低咗起唔到身",
    "我爸在家摔倒了，爬不起来",
]
ORDINARY = [
    "my fire alarm battery beeps, how do I replace it",
    "how do I test my smoke alarm",
    "is there a fire escape in the flat",
    "burglar alarm setup",
    "how do I set up the burglar alarm",
    "my neighbour's burglar alarm keeps going off",
    "the socket in the kitchen doesn't work",
    "where is the fuse box in my flat",
    "who do I call if the fuse box trips",
    "the light in the hall doesn't work",
    "there's a leak under the kitchen sink",
    "water is leaking from the washing machine",
    "water bill",
    "how do i pay my water bill",
    "I'm on fire today lol",
    "I smell burnt toast lol",
    "can someone get into my flat to fix the boiler tomorrow",
    "my friend is trying to get into my account",
    "someone broke into my flat last week, how do I claim on insurance",
    "what if a burglar breaks in while I'm away",
    "火锅店推荐",
    "火车票怎么退",
    "这个活动太火爆了",
    "电费怎么交",
    "水费多少钱",
    "防盗门怎么换锁",
    "燒賣好唔好食",
    "我想買火燭保險",
    "火燭保險包唔包水浸",
    "小心火燭",
    "火警鐘測試幾時做",
    "昨天家里进了小偷，怎么报案理赔",
    "上個月俾人爆格，保險賠唔賠",
    "飯燶咗，個煲點洗",
    "電掣壞咗，幾時有人嚟整",
    "插座冇電",
    "厨房水龙头漏水",
    "楼上漏水到我家天花板",
    "走廊好多人食煙，好臭",
]


@pytest.mark.parametrize("message", FIRE + WATER)
def test_a_fire_or_water_on_the_electrics_is_an_emergency_for_the_fire_service(
    message: str,
) -> None:
    assert assess(message) == "emergency"
    assert need(message) == "fire"


@pytest.mark.parametrize("message", INTRUDER)
def test_an_intruder_now_is_an_emergency_for_the_police(message: str) -> None:
    assert assess(message) == "emergency"
    assert need(message) == "police"


@pytest.mark.parametrize("message", OTHER)
def test_a_collapse_or_a_fall_that_keeps_someone_down_is_an_emergency(message: str) -> None:
    assert assess(message) == "emergency"


@pytest.mark.parametrize("message", ORDINARY)
def test_look_alikes_stay_ordinary(message: str) -> None:
    assert assess(message) != "emergency"
