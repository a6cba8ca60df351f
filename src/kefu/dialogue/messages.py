"""Fixed replies, in the customer's language. Kept together so they can be reviewed (and one
day translated) in one place.

The Chinese ones are written in simplified characters; `in_script` writes a turn's reply in
traditional for a customer who writes traditional (kefu.text.script), leaving the business's
own words in it (curated answers, quotes, titles) as the business wrote them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

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
    "safety_diagnosis": {
        "en": "I can't diagnose symptoms or say what condition you might have; only a clinician "
        "who examines you can. Please book a visit or call your doctor or nurse line, and if the "
        "symptoms are sudden or severe, call your local emergency number (911 in the US, 112 in "
        "Europe) now. I've asked a colleague to help you.",
        "zh": "客服无法根据症状判断病情，只有为您面诊的医生才能诊断。请预约门诊或咨询医生；"
        "如症状突然出现或很严重，请立即拨打120急救电话。我已请同事协助您。",
    },
    "safety_dose": {
        "en": "I can't advise on medicines or doses. Please follow the label or your prescription "
        "and ask your pharmacist or doctor before changing what you take. If someone may have "
        "taken too much, call your local emergency number (911 in the US, 112 in Europe) now.",
        "zh": "客服无法提供用药或剂量方面的建议。请按药品说明书或医嘱用药，调整用量前请咨询药师或"
        "医生。如怀疑服药过量，请立即拨打120急救电话。",
    },
    "safety_dose_pet": {
        "en": "I can't advise on medicines or doses for pets: many medicines for people are "
        "poisonous to animals, even in small amounts. Please ask your vet before giving "
        "anything. If your pet may have swallowed medicine, contact your vet or an emergency "
        "vet now.",
        "zh": "客服无法提供宠物用药或剂量方面的建议：很多人用的药对动物有毒，少量也可能危险。"
        "给宠物用药前请先咨询兽医；如宠物可能误食了药物，请立即联系兽医或宠物急诊医院。",
    },
    "safety_diagnosis_pet": {
        "en": "I can't tell what's wrong with your pet; only a vet who examines them can. Please "
        "book a vet appointment, and if the signs are sudden or severe, contact your vet or an "
        "emergency vet now. I've asked a colleague to help you.",
        "zh": "客服无法判断宠物的病情，只有为它检查的兽医才能诊断。请预约兽医门诊；"
        "如症状突然出现或很严重，请立即联系兽医或宠物急诊医院。我已请同事协助您。",
    },
    # True for any business: an internet provider asked "股票现在能买吗" has no adviser to book.
    # Whether the business offers advice is for its own FAQ entry, which follows when it matches.
    "safety_investment": {
        "en": "I can't give personalised investment advice or tell you what to buy, sell or how "
        "to split your money: that is a question for a licensed financial adviser who knows "
        "your situation. I've asked a colleague to help you.",
        "zh": "客服无法提供个性化投资建议，也不能告诉您该买什么、卖什么或如何配置资金，这类问题请"
        "咨询了解您情况的持证理财顾问。我已请同事协助您。",
    },
    # The target of a known loan scam (kefu.guard.scam): what the scam is, never pay or
    # transfer for it, check on the official line, and where a payment already made is
    # reported. The business's own scam entry may follow (dialogue/safety_plans.py).
    "safety_scam": {
        "en": "This looks like a common scam. No genuine lender asks you to pay or transfer "
        'money to "cancel" a student, campus or online loan account, and nobody can remove true '
        "records from your credit report for a fee: a real error is corrected free of charge "
        "through the lender or the credit reference centre. Please don't transfer money, take "
        "out a loan for them, share verification codes or share your screen. Check by calling "
        "the company's official number yourself, not a number the caller gives you. If you have "
        "already paid, contact your bank and the police now (in mainland China, the anti-fraud "
        "line 96110). I've asked a colleague to help you.",
        "zh": "这是常见的诈骗手法。正规机构不会要求您为“注销校园贷/学生贷/网贷账户”付费或转账，"
        "也没有人能收费“修复”或“洗白”征信：真实的记录无法删除，确有错误的记录可通过放贷机构或"
        "中国人民银行征信中心免费提出异议更正。请不要转账、不要按对方要求借款、不要透露验证码或"
        "共享屏幕；请自行拨打官方客服电话核实，不要拨打对方提供的号码。如已转账，请立即联系银行并"
        "报警（110），或拨打96110反诈专线。我已请同事协助您。",
    },
    # Fraud and breaking the law (kefu.guard.fraud): a plain no, why, and the honest version.
    # Said the same way to every business (a shop, a bank, an insurer), so it names no
    # business's documents; no FAQ answer follows (assistant._safety_plan).
    "safety_fraud": {
        "en": "I can't help with that: it would mean giving false information or breaking the "
        "law. I'm glad to help with anything done the honest way. I've asked a colleague to "
        "help you.",
        "zh": "抱歉，这个忙我们不能帮：这需要提供虚假信息或违反法律。如实办理的事项我们很乐意协助。"
        "我已请同事协助您。",
    },
    # A money mule's work, someone else's account, bought cards tested, an account in another
    # name (kefu.guard.fraud_mule): said plainly what it looks like and the risk to the
    # customer, who is often the one being used ("a job offer", "a friend asked me").
    "safety_fraud_mule": {
        "en": "I can't help with that. Receiving and passing on other people's money, letting "
        "someone use your account, card or login, using someone else's login, card or ID, or "
        "testing cards you bought looks like money-mule or account-takeover activity. It is "
        "illegal, even with the other person's permission, and you could be held responsible "
        "and lose access to your account. If someone offered you money for this, please don't "
        "go ahead, and tell our fraud team. I've asked a colleague to help you.",
        "zh": "抱歉，这个忙我们不能帮。帮他人收款转账、出租出借出售自己的账户、银行卡或登录信息，"
        "使用他人的账号、密码、银行卡或身份证，或验证买来的卡，都属于“跑分”/洗钱"
        "或盗用账户的行为，即使对方同意也是违法的，您可能要承担法律责任，账户也可能被冻结。"
        "如果有人以报酬诱导您这样做，请不要继续，并告知我们的反诈团队。我已请同事协助您。",
    },
    # A prescription-only medicine without a prescription, or someone else's
    # (kefu.guard.medicines): no, why, who can help; no FAQ answer follows (assistant.py).
    "safety_prescription": {
        "en": "Prescription-only medicines can only be supplied with a valid prescription "
        "written for you, so I can't help you get one without it. A pharmacist or your doctor "
        "can advise on what is right for you, including what you can buy without a prescription "
        "and what to do if you have run out of a medicine you already take. Please don't take "
        "medicine prescribed for someone else or share yours: it may not be safe for you. I've "
        "asked a colleague to help you.",
        "zh": "处方药须凭为您本人开具的有效处方才能购买，没有处方我们无法提供。药师或医生可以根据"
        "您的情况给出建议，包括哪些药无需处方即可购买，以及常用药吃完了该怎么办。请不要服用为他人"
        "开具的处方药，也不要把自己的处方药给别人，这样可能不安全。我已请同事协助您。",
    },
    "safety_promise": {
        "en": "I can't make promises or offer anything beyond what our published policies and "
        "terms say. I've asked a colleague to look at your case.",
        "zh": "我无法做出超出公开政策和条款的承诺，也不能自行给出补偿。已请同事为您处理。",
    },
    "safety_injection": {
        "en": "I can only help with questions about our products and services, using our "
        "published information. I can't change how I work or share my internal instructions "
        "or settings. What can I help you with?",
        "zh": "我只能根据公开信息解答关于产品和服务的问题，无法改变工作方式，也不能透露内部指令或"
        "设置。请问有什么可以帮您？",
    },
    "safety_private": {
        "en": "I can't share anyone else's details, other customers' conversations or internal "
        "system information. If you need help with an account that isn't yours, a colleague "
        "can explain what is possible; I've asked one to join.",
        "zh": "我不能透露他人或其他客户的信息，也不"
        "能提供系统内部信息。如需办理与他人账户相关的业务，"
        "已请同事为您说明流程。",
    },
    "safety_abuse": {
        "en": "I'm sorry this has been so frustrating. I've asked a colleague to take over; a "
        "person will reply here shortly.",
        "zh": "非常抱歉给您带来了不好的体验。已为您转接人工客服，请稍候。",
    },
    # A threat by the customer to hurt someone (kefu.guard.threats): calm, no apology for the
    # threat and no mockery; the police for anyone in danger (no number: the customer may be
    # anywhere, and the ambulance number a business configures is not the police's).
    "safety_threat": {
        "en": "I've passed your message to our team, and a person will look at it right away. "
        "If anyone is in immediate danger, please call the police now.",
        "zh": "您的消息已转交给我们的工作人员，会有专人立即跟进。如果有人正面临危险，请立即报警。",
    },
    # An adult soliciting a child (kefu.guard.safeguarding): keep the evidence, no meeting,
    # the police; the business's own child-safety entry follows (dialogue/safeguarding_entry).
    "safety_safeguarding": {
        "en": "Thank you for telling us: this is serious. Please keep the evidence: don't delete "
        "the chats or messages (screenshots help), and don't let the child meet this person or "
        "send them anything. If a meeting has been arranged or the child is in danger, contact "
        "the police now. A person from our team is looking at this right away.",
        "zh": "感谢您告诉我们，这件事非常重要。请保留证据：不要删除聊天记录（可以截图保存），也不要"
        "让孩子与对方见面或给对方发送任何东西。如果对方已约好见面，或孩子正处于危险中，请立即报警。"
        "我们的工作人员会立即跟进。",
    },
    # Its last sentence is safety_promise's: a channel without handoff says where instead.
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


def in_script(text: str, traditional: bool, kept: Iterable[str] = ()) -> str:
    """A turn's reply ``text`` for a customer writing traditional characters (``traditional``):
    kefu's own words in it in traditional (Hong Kong forms), and the mainland emergency numbers
    left by an unset KEFU_EMERGENCY_NUMBER made the local ones. The strings in ``kept`` (the
    business's answers, passages and titles the reply quotes) are left exactly as written.
    Simplified text, and English, is returned as it is."""
    if not traditional or not text:
        return text
    for generic, regional in _REGIONAL_NUMBER_ZH:
        text = text.replace(generic, regional)
    keep = sorted({k for k in kept if k and k in text}, key=len, reverse=True)
    if not keep:
        return to_traditional(text)
    out: list[str] = []
    start = 0
    for m in re.finditer("|".join(map(re.escape, keep)), text):
        out.extend((to_traditional(text[start : m.start()]), m.group(0)))
        start = m.end()
    out.append(to_traditional(text[start:]))
    return "".join(out)


def _both_scripts(pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Each (before, after) pair as written and, for Chinese, in traditional too: a reply
    `in_script` made traditional still has its promises found."""
    for before, after in pairs:
        yield before, after
        converted = (to_traditional(before), to_traditional(after))
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
    texts += [t for t in (in_script(text, True) for text in texts) if t not in texts]
    changes = (without_handoff, already_waiting, with_a_person)
    variants = [f(text) for f in changes for text in texts]
    return texts + [v for v, text in zip(variants, texts * len(changes), strict=True) if v != text]
