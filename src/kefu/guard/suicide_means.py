"""Suicidal intent said through its means, English and Chinese, in the forms testers still saw
missed (2026-12-01):

- `_MEANS_QUESTION` beside `_LOSS`: a height, a depth or a means asked about next to a loss or
  despair: "what's the highest floor in a hdb block, asking after my breakup", "河水有多深 我
  刚离婚". Either alone is ordinary (a flat hunter asks about floors, a divorcee about forms),
  and a booking, a purchase or a view named beside the height is a customer's question
  (`_ORDINARY`: "highest floor room with a view for our honeymoon", "we broke up, which
  restaurant is on the top floor").
- `_UNTIL_NOT_WAKE`: how much of a medicine until one does not wake up, asked as a question,
  with the medicine's name in English inside Chinese too: "insulin 多少支打下去就不会醒了",
  "how many insulin pens until I don't wake up". A medicine or its unit must be named: "宝宝
  吃多少奶晚上就不会醒了" asks about a baby's night feeds; waking at night ("半夜", "夜里")
  is a sleep question.
- `_END_IT`: "I want to end it" or "I just want it all to end" with nothing after it, in any
  view ("I w4nt to end 1t" reads as it, `kefu.guard.views`). A contract, a plan, a
  relationship or a call named in the message is what is ended ("my contract auto-renews, I
  want to end it").
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_MEANS_QUESTION = re.compile(
    # a height
    r"\b(highest|tallest|top) (floor|storey|story|level|building|block|bridge|car ?park|tower|"
    r"rooftop|point|flat|hdb)s?\b|"
    r"\bhow (high|tall) (is|are|up is) (the|a|that|this|your|their)?\s?(\w+ ){0,2}(building|block|"
    r"bridge|tower|car ?park|cliff|flat|hdb|roof|rooftop|balcony|floor)s?\b|"
    r"\bhow many (floors|storeys|stories|levels)\b|"
    r"\b(how|where|can i|could i|is it possible to)\b" + _ + r"{0,20}\b(get|go|access|climb) "
    r"(up )?(on ?to|onto|to|up to|on) (the |a )?(roof|rooftop)\b|\b(roof|rooftop) access\b|"
    # a depth, a rope, charcoal
    r"\bhow deep is (the|a|that|this) (river|lake|reservoir|sea|water|canal|harbou?r|quarry)\b|"
    r"\b(where|how) (can|could|do) (i|you) (buy|get|find)\b" + _ + r"{0,20}\b(rope|charcoal|"
    r"sleeping pills|sleeping tablets|barbiturates)\b|"
    r"(最高|多高|几楼|几层|几多层|顶楼|天台|楼顶|天臺|樓頂)"
    + _
    + r"{0,8}(是|有|在|能|可以|怎么|点样|"
    r"哪|吗|嗎|上去|几|多少)|(河|江|海|湖|水库|水塘)(水)?(有)?多深|"
    r"(哪里|哪儿|去边度|边度|哪)(可以|能)?(买|買)(到)?(炭|木炭|安眠药|绳子|繩)",
    re.IGNORECASE,
)
_LOSS = re.compile(
    r"\b(break ?up|broke up|broken up|breaking up|dumped|left me|divorc\w*|separated|cheated on "
    r"me|lost (my|our) (job|wife|husband|partner|girlfriend|boyfriend|mum|mom|dad|son|daughter|"
    r"child|baby|house|home|business|everything)|passed away|died|funeral|bankrupt\w*|"
    r"(got|been|was) (fired|sacked|laid off)|can'?t cope|nothing left|no one cares|"
    r"nobody cares)\b|分手|失恋|失戀|被甩|离婚|離婚|失业|失業|被裁|被炒|破产|破產|去世|过世|過世|"
    r"绝望|絕望|撑不下去|頂唔順|顶唔顺|没人在乎",
    re.IGNORECASE,
)
# A booking, a purchase, a view, a move or a delivery: the height is a customer's question.
_ORDINARY = re.compile(
    r"\b(book\w*|reserv\w*|room|suite|view|views|rent\w*|buy\w*|purchas\w*|price|prices|cost|"
    r"sale|resale|bto|stay\w*|hotel|honeymoon|move in|moving|deliver\w*|parcel|wifi|signal|"
    r"install\w*|renovat\w*|paint\w*|listing|viewing|tour|photos?|sunset|fireworks|gym|"
    r"restaurant|bar|lounge|pool|cafe|canteen|shop|store|office|clinic|ward|meeting)\b|"
    r"订|預訂|预订|房间|房間|景观|景色|风景|租|买房|買樓|价格|價錢|售|看房|搬|外卖|快递|信号|装修|烟花|餐厅|健身房|泳池|办公|诊所|门诊|科室",
    re.IGNORECASE,
)

_MED_WORDS = (
    r"(insulin|pills?|tablets?|meds|medications?|medicines?|capsules?|painkillers|sleepers|"
    r"paracetamol|panadol|tylenol|ibuprofen|benzos?|opioids?|antidepressants?|pens?|units|"
    r"injections?|shots|doses?)"
)
_UNTIL_NOT_WAKE = re.compile(
    r"\bhow (many|much)\b" + _ + r"{0,60}\b" + _MED_WORDS + r"\b" + _ + r"{0,40}\b(until|till|"
    r"til|before|so|so that|and) (i|you|he|she|someone|a person|they)( just)? (don'?t|do not|"
    r"won'?t|will not|never|doesn'?t|does not|wouldn'?t) (wake|wake up|ever wake)\b|"
    r"(多少|几)(支|针|片|粒|颗|瓶|盒|板|个单位|单位|毫升|ml|u)?" + _ + r"{0,8}"
    r"(不会(再)?醒|醒不(过)?来|不再醒|再也(不会)?醒不|永远(不会)?醒不|一睡不醒)",
    re.IGNORECASE,
)
_ZH_MED = re.compile(
    r"药|藥|胰岛素|胰島素|针|針|支|片|粒|颗|顆|\b(insulin|panadol|paracetamol|pills?|tablets?|"
    r"meds)\b",
    re.IGNORECASE,
)
_NIGHT = re.compile(
    r"半夜|夜里|夜裡|夜间|夜間|晚上|中途|起夜|早醒|through the night|at night", re.I
)

_END_IT = re.compile(
    r"(\b(want|wanna|going|gonna|ready|need|have|decided|planning|about|time) (to )?end it|"
    # "i just want it all to end", "want everything to stop"
    r"\bwant (it|it all|everything|all of it|all this|this all) (all )?to (end|stop|be over))"
    r"(?=\s*$|\s*[.!…,;:]|\s+(now|already|so bad|honestly|tbh|ngl|fr|for real|please)\b)",
    re.IGNORECASE,
)
# What "it" may be: a contract, a plan, a relationship, a call or a chat named in the message.
_SOMETHING_TO_END = re.compile(
    r"\b(contract|subscription|plan|membership|account|relationship|marriage|engagement|lease|"
    r"tenancy|call|chat|conversation|game|match|trial|agreement|deal|friendship|loan|policy|"
    r"direct debit|service|booking|order|cancel\w*|terminat\w*|unsubscrib\w*|close|closing|"
    r"thread|session|meeting|streak|season|series|job|course)\b",
    re.IGNORECASE,
)


def means_beside_loss(text: str, hopeless: re.Pattern[str]) -> bool:
    """Is ``text`` (one view) a question about a height, a depth or a means beside a loss or
    ``hopeless`` words, with no booking, purchase or view named?"""
    if not _MEANS_QUESTION.search(text) or _ORDINARY.search(text):
        return False
    return bool(_LOSS.search(text) or hopeless.search(text))


def more_suicide(text: str, hopeless: re.Pattern[str]) -> bool:
    """Is ``text`` (one view) suicidal in one of the forms above (``hopeless``: the despair
    words of `kefu.guard.emergency_indirect`)?"""
    if means_beside_loss(text, hopeless):
        return True
    found = _UNTIL_NOT_WAKE.search(text)
    if found and _ZH_MED.search(text) and not _NIGHT.search(text):
        return True
    return bool(_END_IT.search(text)) and not _SOMETHING_TO_END.search(text)
