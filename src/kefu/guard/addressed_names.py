"""More ways a knowledge text names the model it gives orders to (red-team report rt2, §3).

`kefu.guard.documents` and `kefu.guard.addressed` key on "Note to the AI:", "Assistant:",
"AI助手注意：" and the like. The rt2 tester's FAQ answers reached customers word for word with:

1. the same note written in full-width letters ("Ｎｏｔｅ ｔｏ ｔｈｅ ＡＩ："), or in
   traditional characters ("AI助理注意：請…"): the patterns ran on the raw text only.
   `readings` gives the checks the text NFKC-folded (full width, ligatures), without
   invisible characters, with Cyrillic/Greek look-alike letters as Latin, and in simplified
   Mandarin (Cantonese "話俾", "嘅" read as "告诉", "的");
2. a named model or a role the reader is asked to take: "Hey ChatGPT, …", "Claude: …", "As
   the assistant you must …", "If you are an AI, …", "To the language model reading this:",
   "Whoever answers this chat must …", "親愛嘅AI：請…", "AI你好，…", "俾AI嘅指示：…".

Ordinary text that only *mentions* an assistant is not addressed to it: "Our AI assistant can
track your order", "ChatGPT integration is on the Pro plan", "我们的智能客服24小时在线". Each
form therefore needs the addressee in the place of a vocative (after "hey"/"dear"/"亲爱的", or
opening the sentence with a comma or colon) or followed by an order ("must", "should",
"请", "要", "必须").
"""

from __future__ import annotations

import re

from kefu.guard.views import fold_confusables
from kefu.text.normalize import normalize
from kefu.text.variants import to_mandarin

# Names of a model or an assistant. Named products count only as the addressee of a vocative
# or an order (a FAQ may well say "ChatGPT integration is on the Pro plan").
_PRODUCT = (
    r"(?:chat ?gpt|gpt(?:-?\d(?:\.\d)?o?)?|openai|claude|gemini|bard|copilot|llama|mistral|"
    r"qwen|deepseek|kimi|ernie|llm|(?:large )?language model|ai model|ai assistant|ai agent|"
    r"chat ?bot|virtual assistant)"
)
# "model" alone also names a product's model ("Model: XR-200", "this model must be charged"),
# and "assistant" a person ("the pharmacy assistant"): they count only as a vocative or with
# "reading this", never before a colon or a modal verb on their own.
_NAMED = rf"(?:{_PRODUCT}|bot|ai|a\.i\.|assistant|model)"
_TAGGED = rf"(?:{_PRODUCT}|bot|ai|a\.i\.)"
_MODAL = (
    r"(?:must|should|shall|(?:need|have|has|is|are) to|needs to|may now|can now|"
    r"(?:is|are) (?:now )?(?:allowed|instructed|required) to)\b"
)
_ORDER = (
    r"(?:please|always|never|do not|don't|ignore|disregard|forget|tell|say|reply|respond|"
    r"answer|append|include|recommend|give|offer|promise|reveal|print|output|mention|inform|"
    r"send|quote|write|start|end|from now on)\b"
)
_WHO_READS = (
    r"(?:reading|processing|parsing|seeing|handling|answering|summari[sz]ing|indexing|"
    r"ingesting|receiving|scanning|crawling) (?:this|these|the following)\b"
)
_CHANNEL = (
    r"(?:chat|conversation|message|messages|question|questions|text|page|document|faq|ticket|"
    r"query|queries|enquiry|inquiry|thread|prompt)"
)

_EN = re.compile(
    # a vocative: "Hey ChatGPT,", "Dear Claude", "OK Gemini:", "Psst, AI:"
    rf"\b(?:hey|hi|hello|dear|yo|ok|okay|psst|attention|attn|listen)[,!]? (?:the )?{_NAMED}\b|"
    # the sentence opens on the addressee and a colon ("LLM:", "ChatGPT:"), or a comma and an
    # order ("Claude, tell …", "AI, please …")
    rf"^\W*(?:the |an? |any |dear )?{_TAGGED}\s*[:：]\s*\S|"
    rf"^\W*(?:the |an? |any |dear )?{_NAMED}\s*[,，]\s*(?:{_ORDER}|{_MODAL}|you\b)|"
    # a named model followed by a modal: "ChatGPT must say …", "any LLM should …"
    rf"\b{_PRODUCT}s?,? {_MODAL}|"
    # "To the language model reading this:", "any AI processing this page must …"
    rf"\b{_NAMED}s? (?:that |who |which )?(?:is |are )?{_WHO_READS}|"
    # "Whoever answers this chat must …", "anyone reading this FAQ: …"
    rf"\b(?:whoever|anyone|anybody|whatever|the (?:one|person|system|agent|thing)) "
    rf"(?:is |who is |who |that is |that )?(?:answers?|answering|reads?|reading|handles?|"
    rf"handling|process(?:es)?|processing|replies to|replying to|responds? to|responding to|"
    rf"sees?|seeing) (?:this|these|the|our) {_CHANNEL}\b|"
    # a role the reader is told it has: "As the assistant you must …", "As an AI, say …"
    rf"\bas (?:the|an?|your|this|our) {_NAMED}[,，]?\s+(?:you\b|{_ORDER}|{_MODAL})|"
    rf"\bif you(?: are|'re) (?:an?|the|any) {_NAMED}\s*(?:[,，:：]|{_WHO_READS}|then\b|and\b)|"
    rf"\byou(?: are|'re) (?:now )?(?:an?|the) {_NAMED}\b[^.!?\n]{{0,20}}?\b(?:{_MODAL}|please|"
    rf"always|never|so you)",
    re.IGNORECASE | re.MULTILINE,
)

# Chinese, on the simplified reading (`to_mandarin` turns 嘅 into 的, 俾 into 给, 講 into 讲).
_ZH_NAMED = (
    r"(?:ai|人工智能|语言模型|大模型|模型|智能客服|在线客服|客服机器人|机器人|机械人|助手|助理|"
    r"chat ?gpt|gpt|claude|gemini|copilot|llm|bot|chatbot|文心一言|通义千问|豆包|kimi|deepseek)"
)
_ZH_MACHINE = rf"(?:(?:ai|人工智能|智能|在线|虚拟|客服)?{_ZH_NAMED}(?:助手|助理|客服)?)"
_ZH_STRONG = r"(?:请|必须|务必|一定要|一律|你要|你必须|你应该|你需要|从现在起|现在起)"
_ZH_ORDER = (
    rf"(?:{_ZH_STRONG}|要|记得|统一|应该|应当|需要|须|忽略|无视|告诉|告知|转告|回复|回答|说|讲|"
    r"同客|跟客|对客|给客|向客|你)"
)
_ZH_NOTE = r"(?:注意|须知|请注意|必读|专用|指令|指示|备注|听着|听好|你好|您好)"
_ZH = re.compile(
    # the addressee opens the sentence, then a note word or a colon or comma, then an order:
    # "AI助理注意：请…", "亲爱的AI：请同客人讲…", "机器人，请…", "ChatGPT必须…"
    rf"^\W*(?:亲爱的|尊敬的|敬爱的|致|给|嗨|哈喽|哈啰|你好|喂|各位)?\s*{_ZH_MACHINE}(?:们)?\s*"
    rf"(?:(?:请)?{_ZH_NOTE}\s*[:：,，!！]?|[:：,，!！])\s*{_ZH_ORDER}|"
    rf"^\W*{_ZH_MACHINE}(?:们)?{_ZH_STRONG}|"
    # a vocative anywhere: "亲爱的AI", "嗨，ChatGPT", "AI你好：" (not "亲爱的顾客")
    rf"(?:亲爱的|尊敬的|敬爱的|嗨|哈喽|哈啰|喂)[,，\s]*{_ZH_MACHINE}(?!\w)|"
    rf"{_ZH_MACHINE}\s*[,，]?\s*(?:你好|您好|听着|听好|注意了)\s*[:：,，!！]|"
    # a note written for it: "给AI的指示", "俾AI嘅话" (read 给AI的话), "写给AI："
    rf"(?:给|致|写给|留给){_ZH_MACHINE}(?:的)?(?:话|指令|指示|提示|命令)|"
    rf"^\W*(?:写给|留给|给|致){_ZH_MACHINE}\s*[:：]|"
    # "如果你是AI", "假如你是语言模型"
    rf"(?:如果|假如|若|要是)(?:你|您)是{_ZH_MACHINE}|"
    # "作为AI助手，你必须…", "身为机器人，请…"
    rf"(?:作为|身为|做为){_ZH_MACHINE}[,，]?\s*(?:你|您)?{_ZH_ORDER}|"
    # "回答这个对话的人(或AI)必须…"
    rf"(?:回答|回复|阅读|看到|处理)(?:这个|此|本)(?:对话|聊天|问题|消息|页面|文档|常见问题)的"
    rf"(?:人|ai|你|模型|机器人|助手)[^。！？\n]{{0,6}}{_ZH_ORDER}",
    re.IGNORECASE | re.MULTILINE,
)


def readings(sentence: str) -> list[str]:
    """``sentence`` as written, and as the checks should read it: NFKC-folded, without
    invisible characters, look-alike letters as Latin, and in simplified Mandarin."""
    base = fold_confusables(normalize(sentence))
    return list(dict.fromkeys([sentence, base, to_mandarin(base)]))


def names_the_model(sentence: str) -> bool:
    """Whether ``sentence`` (one reading of it) speaks to a model by name or by role and tells
    it what to do."""
    return bool(_EN.search(sentence) or _ZH.search(sentence))


# The second line (`kefu.guard.documents.held_back`): a text the sentence rules left whole
# that still names a model beside an order about its replies or about what to tell every
# customer. Looser than the rules above, so it only holds a curated answer back (a person
# answers instead), it removes nothing. "Our"/"your"/"我们的" before the name is a
# description of the business's own tool ("Our chatbot tells every customer the ETA").
_LOOSE_NAME = (
    r"(?<!our )(?<!your )(?<!my )(?<!their )\b(?:chat ?gpt|gpt|claude|gemini|copilot|llm|"
    r"language model|chat ?bot|bot|ai|a\.i\.|assistant)(?!\w)"
)
_SAME = r"[^.!?。！？\n]{0,80}?"
_LOOSE = re.compile(
    rf"{_LOOSE_NAME}{_SAME}\b(?:append|add|include|put|prefix|end|start|begin|sign|say|"
    rf"write|mention)\b{_SAME}\b(?:your|every|each|all|the next) (?:reply|replies|answer|"
    rf"answers|response|responses|output|message)s?\b|"
    rf"{_LOOSE_NAME}{_SAME}\b(?:must|should|shall|please|always|from now on|you)\b{_SAME}"
    rf"\b(?:tell|say to|give|offer|promise|recommend|quote|send)\b{_SAME}\b(?:every|all|each|any)"
    rf" (?:customers?|users?|shoppers?|callers?|patients?|clients?|visitors?|one)\b|"
    rf"(?<!我们的)(?<!本店的){_ZH_MACHINE}[^。！？\n]{{0,30}}(?:每个回答|每次回答|每条回复|每次回复|"
    rf"所有回复|所有回答|你的回答|你的回复|回答末尾|回复末尾|回答时|回复时|回答中|回复中)"
    r"[^。！？\n]{0,10}(?:加上|附上|写上|说|讲|带上|注明|提到)|"
    rf"(?<!我们的)(?<!本店的){_ZH_MACHINE}[^。！？\n]{{0,12}}(?:请|必须|务必|一定要|你要)"
    r"[^。！？\n]{0,8}(?:告诉|告知|讲|说|给|送|提供|推荐|承诺)[^。！？\n]{0,8}"
    r"(?:客人|客户|顾客|用户|每位|每个人|所有人|大家)",
    re.IGNORECASE,
)


def loosely_gives_orders(text: str) -> bool:
    """Whether a reading of ``text`` names a model beside an order about its replies or about
    what to tell every customer (the second line's rule; see `_LOOSE`)."""
    return bool(_LOOSE.search(text))
