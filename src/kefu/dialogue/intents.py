"""Cheap rule-based triage that runs before retrieval: an emergency or another safety case
(`kefu.guard.safety`: injection, someone else's data, doses, diagnoses, investment advice,
fraud, promises), a complaint, a request for a person, greetings, and thanks or closings (both
"thanks": "ok", "bye", "👍"). Rules, not a model, because these must work with any knowledge
base and be predictable; the trainable intent classifier is a separate part.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from kefu.dialogue.praise import praises_staff
from kefu.guard._regex import Alternation
from kefu.guard.emergency_context import not_now
from kefu.guard.emergency_person import reported_harm
from kefu.guard.safety import SafetyKind, assess

# The safety kinds (`kefu.guard.safety.SafetyKind`), then what the rules here add.
Triage = Literal[
    SafetyKind, "complaint", "human", "data_request", "greeting", "praise", "thanks", "none"
]

# Who a customer asks for when they want a person.
_PERSON = (
    r"(real |live |actual |proper )?(human( being)?|person|agent|representative|rep|operator|"
    r"manager|supervisor|someone|somebody)"
)
_HUMAN = re.compile(
    # not "am I talking to a real person?" (are you a bot)
    r"(?<!am i )(?<!i am )(?<!i'm )\b(talk|speak|chat|connect me|transfer me|put me through)"
    r"(ing)?\b.{0,30}\b(human|person|agent|someone|somebody|representative|operator|staff|"
    r"real person|manager|supervisor)\b|"
    # "contact someone" may be a question ("do I have to contact someone to use my points")
    r"\bcontact(ing)?\W+(a |an |the |your |some )?(real |live )?(human|person|agent|"
    r"representative|operator|manager|supervisor)\b|"
    r"\b(human|live) agent\b|"
    # The whole message names a person: "human please", "real person", "agent!!"
    r"^\W*(a |an |the |your |some )?(" + _PERSON + r"|customer (service|support|care))s?"
    r"(\W+(please|pls|plz|now|asap|thanks|thx))*\W*$|"
    # Wanting one, and nothing more about them: "I want a human", "get me a person", but not
    # "I want a person to install it" or "I need an agent code" (product questions).
    r"\b(i\W*(want|need|would like|'?d like|demand)|get me|give me|find me|bring me|"
    r"(can|could|may) i (have|get))\W+(to (talk|speak|chat) (to|with)\W+)?(a |an |the |your |"
    r"some )?" + _PERSON + r"\b(?=\W*($|please|pls|plz|now|asap|instead|not\b|"
    r"to (talk|speak|chat|call|contact)\b|[,.!?;]))|"
    # A person asked to do what only staff can: "can I get a human to check my refund
    # status", "could a real person look at my case" (not "a person to install it": a service)
    r"(?<!how )(?<!where )(?<!when )(?<!why )(?<!what )"  # "how can a person check…": a question
    r"\b((can|could|would|will|may) (a|an|the|some|your|one of your) |(get|have|want|need) "
    r"(a|an|the|some|one of your) )(real |live |actual |proper )?(human( being)?|person|agent|"
    r"representative|rep|staff member|member of staff|colleague)s?\b"
    r"(\W+please)?\W+(to )?(check|look (at|into|over)|review|handle|investigate|sort( out)?|"
    r"go (through|over)|call|ring|phone|email|contact|help|deal with|process|confirm|verify)\b|"
    # "人工" and "真人" inside a product term ask for nobody: 人工智能, 人工审核 (manual review),
    # 人工呼吸 (rescue breaths), 真人认证 (a dating app's "real person" check), 验证是真人 (a
    # dating-app tester's six verification questions were all handed off, 2026-12).
    r"人工(?!智能|费|审核|审批|复核|核实|核验|认证|验证|呼吸|降雨|合成|授粉|湖|草|耳蜗|关节|晶体)|"
    r"(?<!验证)(?<!认证)(?<!确认)(?<!证明)(?<!核实)(?<!判断)(?<!验证是)(?<!认证是)(?<!确认是)"
    r"(?<!证明是)(?<!核实是)(?<!判断是)真人(?!认证|验证|核验|核身|实名|照片|相片|头像|自拍|秀|版|"
    r"cs|CS|电影|游戏|发型|比例|大小|尺寸|模特|試|试)|转接|客服人员|找个人",
    re.IGNORECASE,
)
# Mentions of a person that ask for none: declining one ("不要转人工", "I don't need a
# human") or asking about them ("人工客服几点上班", "你们人工什么时候上班"): the knowledge base
# answers those (QA report D, finding 4).
_NOT_A_REQUEST = re.compile(
    r"(不要|不用|别|无需|不需要|没必要|不想)(再|给我|帮我)?(转|找|接|转接)?(到)?(人工|真人)|"
    r"(人工|真人)(客服|服务|坐席)?(的)?(几点|什么时候|啥时候|哪天|时间|上班|下班|营业|在线|"
    r"工作时间|周末|节假日|几号)|"
    r"\b(don'?t|do not|doesn'?t|no need to|no need for)\b.{0,15}\b(human|agent|person)\b",
    re.IGNORECASE,
)
# A request about one's own personal data (access, a copy, erasure): staff handle it, after
# checking who is asking, so it goes to a person with a reply that says so. Only wording that
# names personal data or the law: "怎么导出发票数据" and "delete my account" are product
# questions the knowledge base answers.
_DATA_REQUEST = re.compile(
    r"\b(gdpr|right to be forgotten|right (of|to) (access|erasure)|subject access request|"
    r"data subject request)\b|"
    r"\b(delete|erase|remove|wipe|export|download|send me|give me|copy of)\b.{0,25}\bpersonal "
    r"(data|information|info|details)\b|"
    r"\b(delete|erase|remove|wipe)\b.{0,10}\ball (of )?my (data|information|info)\b|"
    r"\bwhat (personal )?(data|information) do you (hold|have|keep|store) (on|about) me\b|"
    r"(删除|清除|销毁|导出|下载|提供|查看|查阅)[^。！？]{0,10}个人(信息|数据|资料)|"
    r"个人信息保护法|被遗忘权",
    re.IGNORECASE,
)
# A complaint: the customer complains or means to, wants a manager, threatens a regulator, a
# court or the press, or is angry at being charged. A person takes it over (docs/answer-policy.md).
# First-person or accusing wording only: "I was charged twice" and "重复扣款怎么办" are questions.
_COMPLAINT = Alternation(
    r"\bi(\W*(want|need|would like|'?d like|wish|demand|intend|will|'?ll|shall|am going|'?m "
    r"going|am gonna|'?m gonna|have|'?ve|am|'?m|already))*\W*(to )?"
    r"(make|file|lodge|raise|submit|register|put "
    r"in|log|filed|lodged|made|raised|filing|making|lodging|raising|submitting)\W+(a |an )?"
    r"(formal |official |serious )?complaint\b|"
    r"\bi(\W*(am|'?m|want to|would like to|'?d like to|wish to|need to|have to|must|am going "
    r"to|'?m going to|will|'?ll|have|'?ve|already|have already|'?ve already))*\W*"
    r"complain(ing|ed)?\b|"
    r"\b(this is|consider this|treat this as) (a |an |my )?(formal |official )?complaint\b|"
    r"\bescalat(e|ing)\b\W+(this|my|it|the (matter|issue|case|complaint))\b|"
    r"\b(want|need) (this|it|my (case|complaint|issue)) escalated\b|"
    # a regulator, a court, the press or a chargeback as a threat
    r"\b(report(ing)?|complain(ing)?)\b.{0,20}\b(bbb|better business bureau|ftc|cfpb|fca|"
    r"ombudsman|trading standards|consumer (protection|affairs|council|rights)|regulators?|"
    r"authorities|attorney general)\b|"
    r"\b(i|we)('ll| will| am going to|'m going to| are going to| am gonna|'m gonna| shall)\W+"
    r"(be )?(sue|suing|take (you|this|it) to court|taking (you|this|it) to court|take legal "
    r"action|(contact(ing)?|call(ing)?|get(ting)?) (my |a )?lawyer|report (you|this|your)|"
    r"go to the (press|media|news)|dispute (the|this) charge|"
    r"(do|file|make) a chargeback|leave a (bad|negative|one[- ]star|1[- ]star) review)|"
    r"\bsee you in court\b|"
    r"\b(get|put|bring|fetch)\W+(me\W+)?(your|a|the)\W+(manager|supervisor|boss|superior)\b|"
    r"\b(talk|speak)(ing)?\W+(to|with)\W+(your|the)\W+(boss|superior)\b|"
    r"\bmy (lawyer|solicitor|attorney) will\b|"
    # anger at the business
    r"\b(unacceptable|outrageous|disgraceful|a disgrace|appalling|fed up|sick and tired|"
    r"ripped me off|rip[- ]?off|scammed me|you people|worst (customer )?(service|company|"
    r"experience)|this is ridiculous|absolutely ridiculous)\b|"
    r"\byou\W*((have|'ve|just|already)\W+)*(double[- ]charged|overcharged|charged me (twice|two "
    r"times|double|again|three times)|billed me twice|took (my )?money twice)\b|"
    # 中文：投诉、举报、起诉的意思，找领导，12315、消协等，气话
    r"(我|俺|老子)(要|想|必须|一定要|非要|得|就要|会|将|准备|马上|已经|还要)*(去|到|向)?"
    r"(投诉|举报|起诉|告(?!诉|知|一段|别))|"
    r"投诉(你们|你|贵公司|贵司|这个平台|你们平台|你们公司|客服|这家)|"
    r"(?<!\d)12315(?!\d)|消协|消费者协会|消保委|市场监(督管理|管)局|工商局|黑猫投诉|"
    r"(去|找)(媒体|记者)|曝光你们|律师函|法院见|"
    r"(找|叫|喊|见)(一下|下)?(你们|你|贵司|贵公司)(的)?(经理|领导|主管|负责人|老板|上级|管事的)|"
    r"(找|叫|喊|见|要|让)(你们|你)?(的)?(经理|领导|主管|负责人|老板|上级|管事的)(来|出来|过来|"
    r"跟我|和我|[，,。.!！]|$)|"
    r"你们(的)?(经理|领导|主管|负责人|老板)(呢|在哪|人呢)|"
    r"再不.{1,12}(我|老子)就|"
    r"凭什么|太过分|欺人太甚|坑人|坑钱|骗钱|黑心|无良|什么破|给个说法|讨个说法|给我个说法|还我钱|"
    r"退我钱|把钱退给我|气死|岂有此理|忍无可忍|"
    # 粤语："你哋啲服務差到爆", "爛到爆" (read folded: 你们些服务差到爆)
    r"(差|烂|渣|垃圾)到(爆|极|死|痹)|服务(真是|真|好|超|太|这么)?(差|烂|渣)(劲|透)?[!！]|"
    r"把(你们|你)?(的)?(经理|领导|主管|负责人|老板)(叫|喊|找)|"
    r"你们(怎么|凭什么)?(乱|多|重复|又)+(扣|收)",
    re.IGNORECASE,
)
# Charged again or too much, shouted ("扣了我两次钱！！！", "you took my money twice!!"): angry
# enough to be a complaint; the same said calmly is a question for the knowledge base.
_CHARGED = re.compile(
    r"(扣|收|付)了?(我)?(两次|2次|三次|双倍|重复)|重复(扣|收|付)|多(扣|收)了?|"
    r"\b(charged|billed|debited|took)\b.{0,20}\b(twice|double|two times|again|too much)\b|"
    r"\b(double[- ]charged|overcharged)\b",
    re.IGNORECASE,
)
_SHOUT = re.compile(r"[!！]{2,}|[!！][?？]|[?？][!！]")
# Asking about complaints, not making one: how, where, the number, the procedure, the progress
# ("投诉电话是多少", "怎么投诉", "how do I file a complaint?"). The knowledge base answers these;
# a decline still hands over. Like _NOT_A_REQUEST for requests for a person.
_NOT_A_COMPLAINT = re.compile(
    r"(怎么|怎样|如何|咋|在哪|去哪|哪里|哪儿|从哪|通过什么|用什么|有没有|有什么|可以|能不能|能否|是否)"
    r"[^。！？!?]{0,6}(投诉|举报|联系(你们)?(的)?(经理|主管|负责人)|找(经理|主管|负责人))|"
    r"(投诉|举报)(的)?(电话|热线|渠道|方式|途径|入口|邮箱|流程|进度|结果|记录|时效|多久|要多久|"
    r"需要多久|处理时间|部门|规则|须知)|"
    r"(经理|主管|负责人)的?(电话|联系方式|邮箱)|12315(是|的)?(什么|啥|多少|电话|热线|网站|怎么)|"
    r"\b(how (do|can|could|should|would|to|long)|where (do|can|could|should|is|are|to|would)|"
    r"what('s| is| are| was)|when (will|does|do|can|is|should)|which|who (do|should|can|"
    r"handles))\b[^.!?]{0,40}\b(complain\w*|complaints?|ombudsman|escalat\w*|manager|supervisor)\b|"
    r"\b(is there|do you have|(can|could|may) i (make|file|raise|lodge|submit))\b[^.!?]{0,20}\b"
    r"(complaints?|ombudsman)\b|"
    r"\b(complaints?|escalation) (procedure|process|policy|form|department|team|line|number|"
    r"email|address|page)\b|"
    r"\b(status|progress|update|outcome) (of|on) my complaint\b",
    re.IGNORECASE,
)
# Who a customer wants when asking for a person is a complaint: a manager, not just anyone.
_MANAGER = re.compile(r"\b(manager|supervisor|boss|someone in charge)\b", re.IGNORECASE)
# Emoji alone. Thumbs-up, OK and smiles acknowledge an answer like "ok" (they are thanks);
# angry faces are a complaint. Skin tones, variation selectors and joiners ride along.
_EMOJI_EXTRA = "\ufe0f\u200d\U0001f3fb-\U0001f3ff"
_ACK_EMOJI = "👍👌🙏👏✅✔🆗❤💯🤝😊🙂😀😁😄☺🥰😍💪🌹"
_ANGRY_EMOJI = "😡😠🤬💢👿"
_ACK_ONLY = re.compile(
    rf"^[\s!！。.,，~～{_EMOJI_EXTRA}]*[{_ACK_EMOJI}][\s!！。.,，~～{_ACK_EMOJI}{_EMOJI_EXTRA}]*$"
)
_ANGRY_ONLY = re.compile(
    rf"^[\s!！?？{_EMOJI_EXTRA}]*[{_ANGRY_EMOJI}][\s!！?？{_ANGRY_EMOJI}{_EMOJI_EXTRA}]*$"
)


def is_complaint(text: str) -> bool:
    """A complaint, a manager wanted, a threat to go to a regulator, or anger at a charge;
    not a question about how to complain."""
    if _ANGRY_ONLY.match(text):
        return True
    angry = _COMPLAINT.search(text) or (_CHARGED.search(text) and _SHOUT.search(text))
    return bool(angry) and not _NOT_A_COMPLAINT.search(text)


_EMERGENCY = re.compile(
    r"chest pain|heart attack|can'?t breathe|cannot breathe|trouble breathing|"
    r"short(ness)? of breath|stroke|face (is )?droop|slurred speech|unconscious|passed out|"
    r"severe bleeding|bleeding heavily|overdose|suicid|kill myself|end my life|hurt(ing)? myself|"
    r"self[- ]harm|anaphyla|seizure|"
    r"胸痛|胸口痛|胸闷|心脏病发|喘不上气|呼吸困难|中风|口角歪斜|说话不清|昏迷|晕倒|大出血|"
    r"过量服药|吃了很多药|自杀|轻生|不想活|伤害自己|自残|抽搐|过敏性休克",
    re.IGNORECASE,
)
# A greeting alone, with a word of address ("hi there", "hello team", "你好呀", "在吗亲"): a
# tester's "hi there" was handed to a person as a question the bot could not answer.
_GREETING = re.compile(
    r"^\s*(hi+|hello+|hey+|hiya|howdy|good (morning|afternoon|evening|day)|你好|您好|嗨|哈喽|"
    r"哈罗|哈啰|哈囉|在吗|在不在|有人吗|早晨|早安|早上好)"
    r"([\s,，]*(there|all|everyone|team|guys|folks|kefu|support|呀|啊|哦|亲|客服|你好|您好))*"
    r"[\s!！。.,，?？~]*$",
    re.IGNORECASE,
)
# Thanks and closings ("ok thanks", "bye", "好的谢谢", "拜拜", "嗯嗯"): the whole message is made
# of these words. They get the same short reply and no person: a customer who says "ok" after an
# answer is done, not asking something the bot cannot answer. A bare "no" is left out: it may
# mean "that is not what I asked".
_CLOSING_WORD = (
    r"(thanks?( you)?( so much| a lot| very much| again| for (the|your) help| for (chatting|"
    r"talking))?|thx|tysm|ty|cheers|many thanks|"
    r"ok(ay|ey)?|k|alright|all right|great|perfect|cool|got it|understood|noted|nice|awesome|"
    r"sounds good|bye-bye|bye|goodbye|good bye|good night|see (you|ya)( later| soon)?|"
    r"cya( later)?|talk to you later|take care|have a (nice|good|great) "
    r"(day|one|evening|weekend)|that'?s (all|it)|nothing else|no,? thanks?( you)?|"
    # Taiwan and Hong Kong end thanks with a particle ("謝謝你喔", "谢谢你们哦"): still thanks.
    r"谢谢(你们|您们|你|您|大家)?(啦|了|哈|喔|哦|噢|呀|啊|呦|唷|哟|捏|耶)?|多谢(啦|了|你|您)?|感谢(你|您)?|谢啦|谢了|好的(呢|哈|吧|呀|啦)?|好(滴|嘞|哒)|好|行|"
    r"嗯+|哦+|噢+|知道了|明白了?|了解了?|收到|懂了|拜拜|再见|没有了|没了|没事了|不用了)"
)
# Atomic groups and a possessive separator: "嗯嗯嗯…" can be cut into words in many ways, and a
# long run that fails at its end must not make the matcher try them all. An atomic group keeps
# the first alternative that matches, so a word comes before its own prefix ("tysm", "ty").
_SEPARATOR = r"[\s!！。.,，~～、" + _ACK_EMOJI + _EMOJI_EXTRA + r"]*+"
_WORD = r"(?>" + _CLOSING_WORD + r")"
_THANKS = re.compile(
    r"^" + _SEPARATOR + _WORD + r"(?:" + _SEPARATOR + _WORD + r")*+" + _SEPARATOR + "$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def triage(text: str) -> Triage:
    # Cached: each turn also triages the earlier turns it reads as history.
    # "胸痛中心" and "去年中风" name an emergency word but none happening now.
    if _EMERGENCY.search(not_now(text)):
        return "emergency"
    safety = assess(text)
    if safety is not None:
        return safety
    # The rules below are written in simplified Mandarin; traditional script and written
    # Cantonese are read in that form too ("我要投訴你哋" -> "我要投诉你们", "唔該晒" -> "谢谢",
    # "我要搵經理" -> "我要找经理"), besides the message as written.
    views = _views(text)
    if any(_DATA_REQUEST.search(t) for t in views):
        return "data_request"
    # Harm by a person told as past ("a driver touched me yesterday"): a person follows it up.
    if any(is_complaint(t) or reported_harm(t) for t in views):
        return "complaint"
    if any(_HUMAN.search(t) and not _NOT_A_REQUEST.search(t) for t in views):
        # Wanting a manager is an escalation: the customer has a grievance, not a question.
        return "complaint" if _MANAGER.search(text) else "human"
    if any(_GREETING.match(t) for t in views):
        return "greeting"
    if any(praises_staff(t) for t in views):
        return "praise"
    if any(_THANKS.match(t) for t in views) or _ACK_ONLY.match(text):
        return "thanks"
    return "none"


def _views(text: str) -> tuple[str, ...]:
    """The message as written and, where it has Chinese, folded to simplified Mandarin."""
    from kefu.text.variants import to_mandarin

    folded = to_mandarin(text)
    return (text,) if folded == text else (text, folded)


# Where a message ends one sentence and starts another: "可唔可以退機？我要搵真人".
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")
_ASKS_NOTHING = frozenset({"human", "greeting", "praise", "thanks", "complaint"})


def question_besides(text: str) -> str | None:
    """The question a message asks besides a request for a person, a complaint, a greeting or
    thanks, else None: "可唔可以退機？我要搵真人" -> "可唔可以退機？". The agent's draft answers it,
    not the question before it (a Hong Kong tester's console drafted the roaming table
    asked about earlier)."""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    kept = [p for p in parts if triage(p) not in _ASKS_NOTHING]
    if not kept or len(kept) == len(parts):
        return None
    rest = "".join(kept)
    han = sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff")
    substantive = han >= 3 or len(re.findall(r"[A-Za-z]{2,}", rest)) >= 3
    return rest if substantive and triage(rest) == "none" else None
