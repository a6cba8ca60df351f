"""Fixed replies, in the customer's language. Kept together so they can be reviewed (and one
day translated) in one place.

The Chinese ones are written in simplified characters; `in_script` writes a turn's reply in
traditional for a customer who writes traditional (kefu.text.script), leaving the business's
own words in it (curated answers, quotes, titles) as the business wrote them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from kefu.dialogue.safety_messages import SAFETY_REPLIES
from kefu.text.script import to_traditional

_REPLIES: dict[str, dict[str, str]] = {
    "decline": {
        "en": "I'm not sure about that, and I don't want to guess. I've asked a colleague to "
        "take over; a person will reply here shortly.",
        "zh": "这个问题我不太确定，不想随便回答您。已为您转接人工客服，请稍候。",
    },
    "handoff_request": {
        "en": "Of course. I'm connecting you with a person now; please stay in this chat.",
        "zh": "好的，正在为您转接人工客服，请不要离开对话。",
    },
    # A complaint, a manager wanted, a threat to go to a regulator (kefu.dialogue.intents): it
    # is heard and a person follows it up; no "I'm not sure", which reads as not listening.
    "complaint": {
        "en": "I'm sorry about this, and we take it seriously. I've passed your conversation to "
        "a colleague who will follow it up; a person will reply here shortly.",
        "zh": "非常抱歉给您带来不好的体验，您反映的问题我们会认真对待。"
        "已为您转接人工客服，由专人跟进处理，请稍候。",
    },
    # A message that carried a full card number or a security code (kefu.guard.pii's CARD and
    # CVV): they are hidden from storage and the agents, and the customer is told not to send
    # them, since a phishing page asks for exactly these (kefu.dialogue.assistant).
    "card_data": {
        "en": "For your security, please never send your full card number or security code in "
        "chat; we have hidden it.",
        "zh": "为了您的安全，请不要在对话中发送完整卡号或安全码，我们已将其隐藏。",
    },
    # The same two warnings where storage redaction is switched off (settings
    # redact_pii_storage): nothing was hidden, and the customer is not told it was.
    "card_data_kept": {
        "en": "For your security, please never send your full card number or security code in "
        "chat: this message is stored as you sent it.",
        "zh": "为了您的安全，请不要在对话中发送完整卡号或安全码：这条消息会按原样保存。",
    },
    "secret_data_kept": {
        "en": "Please never share your PIN, one-time password (OTP) or password with anyone, not "
        "even with us: we will never ask for them. This message is stored as you sent it; if "
        "you think someone else may know it, change it now.",
        "zh": "请勿向任何人透露您的密码、PIN 或验证码，包括我们：我们绝不会向您索取。"
        "这条消息会按原样保存；如您担心已泄露，请立即修改。",
    },
    # Before an answer to "will my claim be paid?" (kefu.dialogue.claim_notice): the facts
    # follow, but the outcome is decided against the terms, not promised here.
    "claim_outcome": {
        "en": "I can't promise how a claim will be decided; it is assessed against your policy "
        "terms. Here is what our information says:",
        "zh": "我无法承诺理赔或申请的审核结果，需根据您的保单条款审核。"
        "以下是我们资料中的相关信息：",
    },
    "secret_data": {
        "en": "Please never share your PIN, one-time password (OTP) or password with anyone, not "
        "even with us: we will never ask for them. We have hidden it; if you think someone else "
        "may know it, change it now.",
        "zh": "请勿向任何人透露您的密码、PIN 或验证码，包括我们：我们绝不会向您索取。"
        "我们已将其隐藏；如您担心已泄露，请立即修改。",
    },
    "greeting": {
        "en": "Hello! How can I help you today?",
        "zh": "您好！请问有什么可以帮您？",
    },
    # Thanks and closings alike ("thanks", "ok", "bye", "好的", "拜拜"), also after a turn the
    # bot could not answer: no question back and no "glad I could help", so that a customer who
    # is done can leave, and one who is not knows where to write.
    "thanks": {
        "en": "Thanks for getting in touch. If anything else comes up, just write here.",
        "zh": "感谢您的咨询！如有其他问题，随时在这里留言。",
    },
    # Praise for a member of staff (`kefu.dialogue.praise`): it reaches the team through the
    # agents' queue, which is what "passed on" means here.
    "praise": {
        "en": "Thank you, that's lovely to hear! I've passed your message on to the team.",
        "zh": "谢谢您的肯定，听到这些我们很开心！我已把您的话转达给团队。",
    },
    # "ok", "thanks", "好的" after an emergency or crisis reply: not the cheerful closing line,
    # but that a person is coming and the numbers stay there (docs/safety.md).
    "after_emergency": {
        "en": "Thank you. A colleague is on the way and will reply here soon. If you are in "
        "danger at any point, call your local emergency number (911 in the US, 112 in Europe) "
        "now; the lines above are there day and night.",
        "zh": "好的。同事正在赶来，会在这里回复您。如您随时感到有危险，请立即拨打120急救电话"
        "（报警请拨110）；上面的热线全天24小时都可以拨打。",
    },
    "emergency": {
        "en": "If this is an emergency, call your local emergency number (911 in the US, 112 in "
        "Europe) now. I'm also bringing in a person right away.",
        "zh": "如遇紧急情况，请立即拨打120急救电话（报警请拨110）。我也正在为您转接人工客服。",
    },
    # Beside suicide or self-harm where the business's knowledge has no crisis entry: lines
    # that answer day and night, after the emergency number (docs/safety.md).
    "crisis_lines": {
        "en": "You don't have to go through this alone: you can talk to a crisis line now, day "
        "or night (the US: call or text 988; the UK and Ireland: Samaritans on 116 123; "
        "elsewhere, your local emergency number).",
        "zh": "您不必独自承受：现在就可以拨打心理援助热线，全天24小时有人接听"
        "（中国大陆：全国心理援助热线12356，北京心理危机干预热线010-82951332；其他地区请拨打当地急救电话）。",
    },
    # A pet's emergency (kefu.guard.animals): a vet first; 911 and 120 are ambulances for
    # people, but the human number stays in case a person is hurt too.
    "pet_emergency": {
        "en": "This may be an emergency for your pet: contact your vet or the nearest emergency "
        "vet now, and call ahead so they can get ready. If a person is hurt or in danger, call "
        "your local emergency number (911 in the US, 112 in Europe). I'm also bringing in a "
        "person right away.",
        "zh": "这可能是宠物的紧急情况：请立即联系您的兽医或最近的宠物急诊医院，"
        "最好先打电话让他们做好准备。如有人受伤或有危险，请立即拨打120急救电话（报警请拨110）。"
        "我也正在为您转接人工客服。",
    },
    # Safety replies (kefu.guard.safety): fixed text, so nothing a customer or a document
    # writes can change what is said about health, money or the assistant itself.
    **SAFETY_REPLIES,
    "data_request": {
        "en": "You can ask for a copy of the personal data we hold about you, or for it to be "
        "deleted. A colleague handles such requests and will first confirm that you are you. "
        "I've asked a colleague to look at your case.",
        "zh": "您可以要求获取或删除我们保存的您的个人信息。"
        "此类请求由同事办理，办理前会先核实您的身份。已请同事为您处理。",
    },
    # Before an answer quoted from an entry in the other language (dialogue.notices).
    "answer_in_en": {
        "en": "Our information on this is in English:",
        "zh": "这方面我们只有英文资料，原文如下：",
    },
    "answer_in_zh": {
        "en": "Our information on this is only written in Chinese; here it is as written:",
        "zh": "这方面我们只有中文资料，原文如下：",
    },
    "extractive_prefix": {
        "en": "From “{title}”: ",
        "zh": "根据《{title}》：",
    },
    # After an emergency reply, "found him! he was at the neighbours" or "她醒了 没事了": glad, the
    # number again in case it changes, and the person already called (after_emergency).
    "emergency_resolved": {
        "en": "I'm so glad to hear that. If anything changes or you are worried again, call your "
        "local emergency number (911 in the US, 112 in Europe) straight away. A colleague will "
        "still check in with you here.",
        "zh": "听到这个消息真好。如情况有变化或您仍然担心，请立即拨打120急救电话（报警请拨110）。"
        "同事仍会在这里跟进。",
    },
    # After an emergency reply, "can he just wait for the appointment next week?", "不用去医院了吧":
    # the instruction again, never an ordinary answer (kefu.dialogue.after_emergency).
    "emergency_wait": {
        "en": "Please don't wait: call your local emergency number (911 in the US, 112 in "
        "Europe) now, or go straight to the nearest emergency department. After what you "
        "described, waiting for an appointment, a walk-in visit or to see how it goes can be "
        "dangerous. A colleague is on the way and will reply here soon.",
        "zh": "请不要等：现在就拨打120急救电话（报警请拨110），或直接去最近的医院急诊。根据您描述的"
        "情况，等预约、等门诊或先在家观察都可能有危险。同事正在赶来，会在这里回复您。",
    },
    # The one line that follows an unrelated question asked soon after an emergency reply.
    "emergency_reminder": {
        "en": "Reminder: if anyone is still unwell or in danger, don't wait: call your local "
        "emergency number (911 in the US, 112 in Europe) now.",
        "zh": "提醒：如仍有不适或危险，请不要等待，立即拨打120急救电话（报警请拨110）。",
    },
}


# Where a reply promises a person (the web chat hands the conversation to an agent), what to
# say instead on a channel that cannot hand over (the OpenAI-compatible API keeps no
# conversation for an agent to take): (promise, where a person can be found instead).
_ELSEWHERE_EN = "our chat page or our usual contact channels"
_ELSEWHERE_ZH = "在线客服页面或其他客服渠道"
_PERSON_PROMISES: dict[str, dict[str, tuple[str, str]]] = {
    "after_emergency": {
        "en": (
            "A colleague is on the way and will reply here soon.",
            f"A colleague can help you via {_ELSEWHERE_EN}.",
        ),
        "zh": ("同事正在赶来，会在这里回复您。", f"如需人工协助，请通过{_ELSEWHERE_ZH}联系我们。"),
    },
    "decline": {
        "en": (
            "I've asked a colleague to take over; a person will reply here shortly.",
            f"A person can help with it: please use {_ELSEWHERE_EN}.",
        ),
        "zh": ("已为您转接人工客服，请稍候。", f"如需人工客服，请通过{_ELSEWHERE_ZH}联系我们。"),
    },
    "handoff_request": {
        "en": (
            "Of course. I'm connecting you with a person now; please stay in this chat.",
            f"I can't bring a person in here; please use {_ELSEWHERE_EN} to reach one.",
        ),
        "zh": (
            "好的，正在为您转接人工客服，请不要离开对话。",
            f"这里无法接入人工客服，请通过{_ELSEWHERE_ZH}联系我们。",
        ),
    },
    "complaint": {
        "en": (
            "I've passed your conversation to a colleague who will follow it up; a person will "
            "reply here shortly.",
            f"A colleague can follow it up via {_ELSEWHERE_EN}.",
        ),
        "zh": (
            "已为您转接人工客服，由专人跟进处理，请稍候。",
            f"如需专人跟进，请通过{_ELSEWHERE_ZH}联系我们。",
        ),
    },
    "emergency": {
        "en": (
            "I'm also bringing in a person right away.",
            f"For anything else, a person can help via {_ELSEWHERE_EN}.",
        ),
        "zh": ("我也正在为您转接人工客服。", f"其他问题请通过{_ELSEWHERE_ZH}联系人工客服。"),
    },
    "safety_diagnosis": {  # and safety_investment, _fraud and _prescription: they end the same way
        "en": (
            "I've asked a colleague to help you.",
            f"A colleague can help you via {_ELSEWHERE_EN}.",
        ),
        "zh": ("我已请同事协助您。", f"如需人工协助，请通过{_ELSEWHERE_ZH}联系我们。"),
    },
    "safety_promise": {
        "en": (
            "I've asked a colleague to look at your case.",
            f"A colleague can look at your case via {_ELSEWHERE_EN}.",
        ),
        "zh": ("已请同事为您处理。", f"如需人工处理，请通过{_ELSEWHERE_ZH}联系我们。"),
    },
    "safety_threat": {
        "en": (
            "I've passed your message to our team, and a person will look at it right away.",
            f"Please also tell our team via {_ELSEWHERE_EN}.",
        ),
        "zh": (
            "您的消息已转交给我们的工作人员，会有专人立即跟进。",
            f"也请通过{_ELSEWHERE_ZH}告知我们的工作人员。",
        ),
    },
    "safety_safeguarding": {
        "en": (
            "A person from our team is looking at this right away.",
            f"Please also report it to our team via {_ELSEWHERE_EN}.",
        ),
        "zh": ("我们的工作人员会立即跟进。", f"也请通过{_ELSEWHERE_ZH}向我们的工作人员报告。"),
    },
    "safety_misconduct": {
        "en": (
            "A person from our team is looking into it now and will get back to you.",
            f"Please report it to our team now via {_ELSEWHERE_EN}.",
        ),
        "zh": (
            "我们的工作人员现在就会跟进调查，并尽快联系您。",
            f"请立即通过{_ELSEWHERE_ZH}向我们的工作人员报告。",
        ),
    },
    "safety_private": {
        "en": ("I've asked one to join.", f"you can reach one via {_ELSEWHERE_EN}."),
        "zh": ("已请同事为您说明流程。", f"可通过{_ELSEWHERE_ZH}联系同事了解流程。"),
    },
}


# In a conversation already waiting for a person, a reply that would hand over again says that
# one is coming instead of announcing another transfer (docs/service.md: `handoff` is false).
_ALREADY_WAITING: dict[str, dict[str, tuple[str, str]]] = {
    "decline": {  # and safety_abuse, which ends the same way
        "en": (
            "I've asked a colleague to take over; a person will reply here shortly.",
            "A colleague already has your conversation and will reply here shortly.",
        ),
        "zh": ("已为您转接人工客服，请稍候。", "人工客服稍后会在这里回复您，请稍候。"),
    },
    "handoff_request": {
        "en": (
            "Of course. I'm connecting you with a person now; please stay in this chat.",
            "You're already in the queue for a person; please stay in this chat.",
        ),
        "zh": (
            "好的，正在为您转接人工客服，请不要离开对话。",
            "您已在人工客服的排队中，请不要离开对话。",
        ),
    },
    "complaint": {
        "en": (
            "I've passed your conversation to a colleague who will follow it up; a person will "
            "reply here shortly.",
            "A colleague already has your conversation and will reply here shortly.",
        ),
        "zh": (
            "已为您转接人工客服，由专人跟进处理，请稍候。",
            "人工客服稍后会在这里回复您，请稍候。",
        ),
    },
}


# Where the replies above name emergency numbers. A business that sets its own number
# (KEFU_EMERGENCY_NUMBER) gets it in their place, in both languages: a customer of a Shanghai
# business told "911 in the US" in English loses time, as does one abroad told "120".
_GENERIC_NUMBER = {
    "en": ("your local emergency number (911 in the US, 112 in Europe)", "{number}"),
    "zh": ("120急救电话（报警请拨110）", "急救电话{number}"),
}
_GENERIC_NUMBER_SHORT_ZH = ("120急救电话", "急救电话{number}")


def reply(kind: str, language: str, *, emergency_number: str | None = None) -> str:
    table = _REPLIES[kind]
    lang = "zh" if language == "zh" else "en"
    text = table[lang]
    # Mainland China's police number configured for Chinese replies ("zh=110") is not an
    # ambulance's: "急救电话110" sent the injured to the police (a ride-hailing tester). The
    # generic text already names 120 for an ambulance and 110 for the police, so it stays.
    police_only = lang == "zh" and emergency_number == "110"
    if emergency_number and not police_only:
        generic, local = _GENERIC_NUMBER[lang]
        text = text.replace(generic, local.format(number=emergency_number))
        if lang == "zh":
            generic, local = _GENERIC_NUMBER_SHORT_ZH
            text = text.replace(generic, local.format(number=emergency_number))
    return text


# With no number configured, a customer writing traditional characters is most likely in Hong
# Kong, Macau or Taiwan, where 120 and 110 reach nobody: the local number, naming each.
_REGIONAL_NUMBER_ZH = (
    (
        "120急救电话（报警请拨110）",
        "当地紧急电话（香港、澳门请拨999，台湾请拨119，中国内地请拨120，报警请拨110）",
    ),
    ("120急救电话", "当地急救电话（香港、澳门999，台湾119，中国内地120）"),
    # kefu's own crisis lines: a Hong Kong writer of "嘈到我想死" got only mainland lines
    (
        "（中国大陆：全国心理援助热线12356，北京心理危机干预热线010-82951332；",
        "（香港：撒玛利亚防止自杀会2389 2222，香港撒玛利亚会2896 0000，精神健康支援热线18111；"
        "台湾：安心专线1925；中国大陆：全国心理援助热线12356；",
    ),
)


def in_script(
    text: str, traditional: bool, kept: Iterable[str] = (), *, hong_kong: bool = False
) -> str:
    """A turn's reply ``text`` for a customer writing traditional characters (``traditional``):
    kefu's own words in it in traditional (Taiwan's forms, Hong Kong's for ``hong_kong``), and
    the mainland emergency numbers left by an unset KEFU_EMERGENCY_NUMBER made the local ones.
    The strings in ``kept`` (the business's answers, passages and titles the reply quotes) are
    left exactly as written. Simplified text, and English, is returned as it is."""
    if not traditional or not text:
        return text
    for generic, regional in _REGIONAL_NUMBER_ZH:
        text = text.replace(generic, regional)
    keep = sorted({k for k in kept if k and k in text}, key=len, reverse=True)
    if not keep:
        return to_traditional(text, hong_kong=hong_kong)
    out: list[str] = []
    start = 0
    for m in re.finditer("|".join(map(re.escape, keep)), text):
        out.extend((to_traditional(text[start : m.start()], hong_kong=hong_kong), m.group(0)))
        start = m.end()
    out.append(to_traditional(text[start:], hong_kong=hong_kong))
    return "".join(out)


def _both_scripts(pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Each (before, after) pair as written and, for Chinese, in traditional too: a reply
    `in_script` made traditional still has its promises found."""
    for before, after in pairs:
        yield before, after
        for hong_kong in (False, True):  # Taiwan's forms, and Hong Kong's for a Cantonese writer
            converted = (
                to_traditional(before, hong_kong=hong_kong),
                to_traditional(after, hong_kong=hong_kong),
            )
            if converted != (before, after):
                yield converted


@cache
def _person_promises() -> tuple[tuple[str, str], ...]:
    return tuple(_both_scripts(p for table in _PERSON_PROMISES.values() for p in table.values()))


@cache
def _already_waiting() -> tuple[tuple[str, str], ...]:
    return tuple(_both_scripts(p for table in _ALREADY_WAITING.values() for p in table.values()))


def without_handoff(text: str) -> str:
    """``text`` for a channel that cannot hand over to a person: each promise of a person in
    it becomes where to find one. The promises are whole sentences, so a reply whose other
    parts vary (an emergency number, an FAQ answer after the fixed text) is still found, and
    nothing else is touched."""
    for promise, elsewhere in _person_promises():
        text = text.replace(promise, elsewhere)
    return text


# While a person holds the conversation, an emergency reply does not call one: it says the
# person already there has been alerted (kefu.service.held).
_WITH_A_PERSON: dict[str, tuple[str, str]] = {
    "en": ("I'm also bringing in a person right away.", "I've alerted the person helping you."),
    "zh": ("我也正在为您转接人工客服。", "我已同时提醒正在为您服务的人工客服。"),
}


def with_a_person(text: str, language: str | None = None) -> str:
    """``text`` for a conversation a person holds: the emergency replies' promise to bring one
    in becomes a word that the one already there has been alerted. A reply without that promise
    (the business's own emergency entry in place of the fixed text) gets the word at its end,
    in ``language``, when given."""
    for announced, alerted in _both_scripts(_WITH_A_PERSON.values()):
        text = text.replace(announced, alerted)
    said = any(alerted in text for _announced, alerted in _both_scripts(_WITH_A_PERSON.values()))
    if language is not None and not said:
        alerted = _WITH_A_PERSON.get(language, _WITH_A_PERSON["en"])[1]
        text = f"{text.rstrip()}\n\n{alerted}"
    return text


def already_waiting(text: str) -> str:
    """``text`` for a conversation already in the agents' queue: a person is coming, not being
    called again."""
    for announced, coming in _already_waiting():
        text = text.replace(announced, coming)
    return text


def all_replies() -> list[str]:
    """Every fixed reply in every language (what kefu may say without a source), as the web
    chat says it (also while the conversation waits for a person) and as a channel without
    handoff says it, in simplified and, for a customer writing traditional, traditional."""
    texts = [text for table in _REPLIES.values() for text in table.values()]
    for hong_kong in (False, True):
        converted = [in_script(text, True, hong_kong=hong_kong) for text in texts]
        texts += [t for t in dict.fromkeys(converted) if t not in texts]
    changes = (without_handoff, already_waiting, with_a_person)
    variants = [f(text) for f in changes for text in texts]
    return texts + [v for v, text in zip(variants, texts * len(changes), strict=True) if v != text]
