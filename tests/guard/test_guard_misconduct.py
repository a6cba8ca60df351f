"""A report that the business's own staff stole from, abused, harassed or touched a customer or
their family is "misconduct" (black-box testers of a home-care business, a gym chain and a
dating app, 2026-12-01); a policy question, praise or a late arrival stays ordinary; harm going
on now stays an emergency. And a diagnosis asked about someone's symptoms by a condition's
name ("is it dementia?") is "diagnosis", as its Chinese twin already was."""

from __future__ import annotations

import pytest

from kefu.guard.safety import assess

REPORTS = [
    # the testers' own
    "I think the carer has been taking money from mum's purse, £50 went missing twice after "
    "her visits",
    "the carer has been using mum's bank card, there are cash withdrawals she didn't make",
    "the carer asked my dad to lend her £200, is that allowed?",
    "居服員好像拿了我媽的金項鍊 她放在抽屜的不見了",
    "教练上课时一直摸我 很不舒服",
    "my personal trainer keeps touching me during sessions and texts me at night",
    # paraphrases, other staff and other languages
    "£40 keeps going missing from dad's wallet after the carer's visits",
    "mum says she was pushed by the night carer",
    "I suspect the carer of stealing from my mother",
    "the cleaner stole my grandmother's ring",
    "dad's carer has been borrowing money from him",
    "the nurse slapped my grandad last week",
    "the carer shouted at my mum and called her stupid, I heard it on the camera",
    "my trainer sent me nudes on whatsapp",
    "the technician who came to fix the boiler made sexual comments to my daughter",
    "one of your agents has been harassing me with texts",
    "the driver groped me on the way home last night",
    "居服员跟我爸借了5000块",
    "我妈的钱在居服员来过之后就不见了",
    "看護會打我阿嬤 她手上都是瘀青",
    "私教老是对我动手动脚",
    "照服員罵我媽很難聽",
    "健身教練一直約我出去 還傳色色的照片給我",
    "快递员偷了我的包裹",
    "個看護成日鬧我阿媽，仲打佢",
]

ORDINARY = [
    "can a carer accept a small gift at Christmas?",
    "can a carer accept a small gift from my mum at christmas",
    "how are your carers vetted?",
    "my trainer is amazing, he really pushed me",
    "the driver was 10 minutes late",
    "what happens if a carer steals from a client?",
    "can the carer use mum's card to do her shopping?",
    "my trainer kicked my butt today, loved it",
    "the carer took mum to the shops",
    "the nurse took mum's blood pressure",
    "the technician touched up the paint",
    "my PT texts me the workout plan every week",
    "the other driver says I hit him but I didn't, what should I do",
    "居服员可以收长辈的红包吗",
    "如果居服员偷东西怎么办",
    "司机送还东西要钱吗",
    "投诉司机骚扰以后会怎么处理",
    "教练推荐什么课程",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_report_against_staff_is_misconduct(text: str) -> None:
    assert assess(text) == "misconduct"


@pytest.mark.parametrize("text", ORDINARY)
def test_questions_praise_and_lateness_are_not_misconduct(text: str) -> None:
    assert assess(text) != "misconduct"


@pytest.mark.parametrize(
    "text",
    [
        "the carer is hitting my mum right now",
        "居服員現在正在罵我媽還推她 我從監視器看到",
        "my PT is grabbing me and won't let me leave the PT room right now",
        "司机拿着刀威胁我",
        "司机一直摸我腿 我好害怕 现在还在车上",
    ],
)
def test_harm_going_on_now_stays_an_emergency(text: str) -> None:
    assert assess(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "mum keeps forgetting where she put things and repeated the same story 4 times today, "
        "is it dementia?",
        "dad keeps getting lost in the supermarket, could this be Alzheimer's?",
        "does he have dementia? he forgot my name yesterday",
        "his hands shake all the time now, is it Parkinson's?",
        "mum is confused and weeing a lot, could it be a UTI?",
        "are these the early signs of dementia? she keeps asking the same question",
        "我爸一直重复讲同样的话 会不会是老人痴呆",
        "我妈最近老是忘东忘西 是不是失智了",
    ],
)
def test_is_it_a_named_condition_is_a_diagnosis(text: str) -> None:
    assert assess(text) == "diagnosis"


@pytest.mark.parametrize(
    "text",
    [
        "My father has Alzheimer's. Are your staff trained for that?",
        "does the carer have dementia training?",
        "can you look after someone with Parkinson's?",
        "is it ms or mrs on the form",
        "阿嬷有失智 你们的居服员会照顾吗",
    ],
)
def test_care_for_a_named_condition_is_no_diagnosis(text: str) -> None:
    assert assess(text) != "diagnosis"
