"""Suicidal intent said without the words `kefu.guard.emergency` reads, English and Chinese.

A red-team tester of the demo packs (2026-12-01) found 10 of 26 suicide probes answered with the
ordinary decline, no crisis line: "is there a painless way to go", "how high does a bridge need
to be so you don't survive the fall", "thinking about unaliving myself", "tonight's the night…
thanks for the help over the years", "我觉得自己是个累赘，走了大家都轻松". The families here:

- `INTENT_PATTERN` (read as self-harm everywhere, `kefu.guard.emergency.SELF_HARM`): the means of
  dying asked about for oneself ("painless way to go", "make sure I don't wake up"), the
  "unalive" forms, a farewell said as final ("tonight's the night", "永别了"), being a burden
  whose absence would relieve everyone, and a few pinyin phrases (the guard already reads pinyin
  for injections);
- `LETHAL` (an emergency, and a crisis reply unless an animal is the patient): how much of a
  medicine or how high a fall kills ("what dose is lethal", "吃多少片会死", "几楼跳下去会死").
  Kept out of `SELF_HARM` so that "how much chocolate is lethal for a dog" stays a pet's
  emergency (`kefu.guard.animals`);
- `farewell`: two softer farewell signs together ("goodbye everyone" and "thanks for
  everything"), or one beside hopelessness. Either alone is an ordinary closing line ("closing
  my account, thanks for the help over the years").
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard._regex import Alternation
from kefu.guard.suicide_debt import debt_despair

_MEDS = (
    r"(pills?|tablets?|meds|medications?|medicines?|capsules?|painkillers|sleepers|sleeping "
    r"(pills?|tablets?)|paracetamol|tylenol|ibuprofen|insulin|benzos?|opioids?|antidepressants?)"
)

INTENT_PATTERN = (
    # the means of dying, for oneself
    r"\b(painless|peaceful|quick|quickest|fastest|easiest|surest|best|gentlest|least painful)"
    r" (way|method|means)s? (to|of) (die|dying|go\b(?! (to|from|about|through|back|home|there|"
    r"for|with|on|into|abroad|online|paperless)\b)(?! in\b(?! (my|your|one'?s) sleep))|"
    r"end it|end (my|your|one'?s) life|kill (myself|yourself|oneself)|not wake|never wake|"
    r"make sure)|"
    r"\bmake sure (i|that i) (don'?t|do not|never|won'?t|will not) wake( up)?\b|"
    r"\b(so|that) i (don'?t|do not|never|won'?t|will not) wake up (again|tomorrow|ever)\b|"
    # "unalive", "unaliving myself", "sewerslide"
    r"\bunaliv(e|es|ed|ing)\b|\bsewer ?slide\b|"
    # final farewells
    r"\btonight'?s the night\b(?! (of|for|we|our|you|they|that|when|i (get|go|pick)))|"
    r"\b(goodbye|bye|farewell) (cruel )?world\b|\bby the time (you|anyone|someone) (read|reads|"
    r"see|sees|get|gets) this\b(?!" + _ + r"{0,30}\b(order|parcel|package|refund|email|ticket|"
    r"payment|transfer|i'?ll|i will|we'?ll)\b)|\bthis is (my )?goodbye\b|"
    r"\bby the time (you|anyone|someone) (read|reads|see|sees|get|gets) this\b" + _ + r"{0,10}"
    r"\bi('?ll| will) (be )?(gone|dead|no longer (here|alive|around))\b|"
    r"永别了|永別了|来世再见|下辈子再见|这辈子就到这(里|儿)|不会再有明天|最后一次(跟|和|给)(你们|大家)"
    r"(说话|聊天|留言|发消息)|"
    # a burden whose absence relieves everyone
    r"\b(everyone|everybody|my (family|kids|children|wife|husband|parents)|they|the world)"
    r"( would|'d| will|'ll)? (all )?be (better off|happier|fine|relieved) (without me|"
    r"if i('?m| am| was| were)? (gone|dead|not (here|around)))\b|"
    r"\bi'?m (just |only |such |nothing but )?a (burden|drain) (to|on|for) (everyone|everybody|"
    r"my (family|kids|children|wife|husband|parents)|them|all of them)\b|"
    r"(我|自己)(就|只|只不过|不过|真的?|简直|完全)?(就)?是(个|一个)?((家里|家人|大家|全家|所有人|"
    r"别人|爸妈|父母)(的|的一个|的个)?)?(累赘|拖累|负担)|"
    r"我(一直)?(在)?拖累(了)?(大家|家人|你们|家里|爸妈|所有人)|"
    r"(我|自己)"
    + _
    + r"{0,10}(走了|不在了|死了|消失了?|没了)"
    + _
    + r"{0,4}(大家|家人|他们|你们|家里|爸妈|所有人)(都|就|也)?"
    r"(会)?(轻松|解脱|好过|清静|省心|开心)|没(有)?(我|了我)(大家|家人|他们|家里|所有人)(都|就)?(会)?"
    r"(更好|更轻松|轻松|好过)|"
    # Said indirectly, beside an account request (a gym chain's and a home-care business's
    # testers, 2026-12-01): "thinking about ending it tonight", "i just want to disappear.
    # please stop the direct debit", "nobody would even notice if i disappeared". Not "ending it
    # with my provider", "disappear under a blanket this weekend" or "into a good book".
    r"\b(thinking|thought|think|thinks) (about|of) ending it\b(?! (with|early|now that|for (the|my"
    r"|our) (contract|plan|membership|subscription)))|\bend(ing)? it (all )?(tonight|today|"
    r"this (week|weekend)|soon|for good)\b|"
    r"\b(just |really |only |honestly )?(want|wanna|wish i could|want to just) (to )?disappear\b"
    r"(?!" + _ + r"{0,12}\b(under|into|in (a|the|my)|to (a|the|my|bed|somewhere)|for (a|the)|on "
    r"(a|the|holiday|vacation)|off to|abroad|somewhere|lol|haha|lmao|with)\b)|"
    r"\b(no ?one|nobody|no body|not one person)\b (would|will|'d|'ll|is going to) (even |ever |"
    r"really )?(notice|care|miss me)\b" + _ + r"{0,12}\bif i (just )?(disappeared|vanished|"
    r"died|was gone|were gone|was dead|were dead|wasn'?t (here|around)|weren'?t (here|around)|"
    r"didn'?t (wake up|make it)|didn'?t\W*$|went away for good)|"
    # letters left for the family, said by the writer: "I've written letters to my children"
    r"\b(i'?ve|ive|i have|i) (just |already |now )?(written|wrote|left) (\w+ ){0,2}(goodbye |"
    r"farewell |last )?letters? (to|for) (each of |all of |all )?my (family|children|kids|wife|"
    r"husband|partner|loved ones|daughters?|sons?|grandchildren|grandkids|parents)\b(?!'|"
    + _
    + r"{0,3}\b(about|regarding|asking|to (tell|ask|explain|let)|school|teachers?)\b)|"
    # joining a dead spouse: "she'd be better off joining him", "去天上找你阿公"
    r"\b(better off|happier|be at peace) (joining|being with) (him|her|dad|mum|mom|my (late )?"
    r"(husband|wife|partner)|grandad|grandpa|grandma|nan)\b(?!" + _ + r"{0,6}\b(at|in) (the|a|"
    r"his|her) (home|care home|hospital|gym|club|class|flat|house)\b)|"
    # an older person's "no use, a waste": "老了没用了 活着只是浪费健保", "活着就是拖累"
    r"活[着著]"
    + _
    + r"{0,4}(只是|只会|就是|都是|也是|纯粹是|不过是)?"
    + _
    + r"{0,2}(浪费|拖累|连累|"
    r"多余|受罪|给人添麻烦|添麻烦)|老(了)?(也)?没(有)?用了?" + _ + r"{0,10}(活[着著]|死了算|早点走|"
    r"拖累|浪费)|"
    # not wanting to trouble anyone beside going to a dead spouse or parent: "我不想再麻烦大家了
    # 我想去找你阿公"; "我想去找阿公吃饭" alone is a lunch
    r"不(想|要|愿意)(再)?(麻烦|拖累|连累|打扰)(大家|你们|我们|家人|孩子|儿女|子女|谁|别人)(了)?"
    + _
    + r"{0,20}"
    r"(去|要去|想去)(找|陪|见)(你|我)?(的)?(阿公|阿嬷|阿妈|外公|外婆|爷爷|奶奶|姥姥|姥爷|老伴|老头|"
    r"老太婆|老公|老婆|爸|妈|他|她)|(去|到)(天上|天堂|那边|另一个世界|地下)(去)?(找|陪|见)(你|我)?(的)?"
    r"(阿公|阿嬷|阿妈|外公|外婆|爷爷|奶奶|姥姥|姥爷|老伴|老公|老婆|爸|妈|他|她)|"
    # sleeping pills saved up by an older relative: "把安眠药都存起来"
    r"(安眠药|安眠藥|安定|镇静药|药|药片|药丸)(都|全|全部|偷偷)(存|攒|囤|藏)(起来|下来|着|著)|"
    r"\b(hoard|hoarding|stockpil\w*|stash\w*|saving up|been saving) (all )?(her|his|my) "
    r"(sleeping )?(pills|tablets|meds|medication)\b|"
    # pinyin: 自杀, 不想活了, 想死, 吃多少片会死
    # (not "wo xiang si xia wen": 私下 privately, nor 思考, 司机, 私人, 私聊, 私信…)
    r"\bzi ?sha\b|\bbu ?xiang ?huo ?(le)?\b|\bwo ?xiang ?si\b(?! ?(xia|kao|ji|ren|liao|xin|fa|"
    r"mi|nian|xiang|lu|hu|mu|wei|ge|tiao)\b)|\b(chi|tun) ?duo ?shao ?(pian|li|ke)?"
    r" ?(hui|neng|jiu|cai) ?si\b|\btiao ?lou\b"
)

_LETHAL = (
    r"\b(lethal|fatal|deadly|killing) (dose|amount|quantity|number|level)s?\b|"
    r"\bhow (many|much)\b(?! people)" + _ + r"{0,60}\b(to (die\b(?! (my|your|his|her|their|"
    r"the|it)\b)|kill (myself|me|someone|a person|yourself))|never wake|not wake|overdose)\b|"
    r"\b(dose|amount|number|quantity|level)s? (of \w+ )?(is|are|would be|will be|becomes?) ("
    r"lethal|fatal|deadly|enough to (die|kill))\b|"
    r"\bhow (many|much)\b(?! people)" + _ + r"{0,40}\b" + _MEDS + r"\b" + _ + r"{0,10}\b(would|"
    r"does|will|do) it take\W*$|"
    r"\b(how (high|tall)|what height|which floor|how many (floors|storeys|stories))\b"
    + _
    + r"{0,60}(\bnot|n'?t|\bnever) survive\b|\b(how (high|tall)|what height|which floor|how many "
    r"(floors|storeys|stories))\b" + _ + r"{0,60}\b(die|dies|be fatal|be lethal|kill (you|me|"
    r"a person|someone))\b|"
    # saved-up pills and a count: "stockpiling my meds… how many do I have to save up?"
    r"\b(stockpil|hoard|stash|sav(e|ed|ing) up)\w*" + _ + r"{0,60}\bhow (many|much)\b|"
    r"\bhow (many|much)\b" + _ + r"{0,40}\b(stockpile|hoard|stash|save up)\b|"
    r"(几|多少)(楼|层|米)" + _ + r"{0,6}(跳|摔|掉)(下去|下来)?" + _ + r"{0,4}(会|能|就|才)?"
    r"(死|没命|摔死)|多高" + _ + r"{0,6}(跳|摔)" + _ + r"{0,6}(死|没命)|"
    r"(吃|吞|服)" + _ + r"{0,8}(多少|几)(片|粒|颗|瓶|盒)?" + _ + r"{0,4}(会|能|就|才|可以)"
    r"(死|没命|醒不过来)|(怎么|怎样|如何)死(得|才)?(不痛|不疼|没有痛苦|最快|快)|无痛(的)?(死法|自杀)"
)

INTENT = Alternation(INTENT_PATTERN, re.IGNORECASE)
LETHAL = re.compile(_LETHAL, re.IGNORECASE)

# Softer farewell signs: a closing line on their own.
_FAREWELL = re.compile(
    r"\bthanks? (you )?for (everything|all (of )?(the|your) help|the help over the years|all "
    r"these years|being there)\b|\bover the years\b|\b(goodbye|bye|farewell) (everyone|everybody|"
    r"all|friends|guys)\b|\bthis (is|will be) (my|the) last (message|time (i|you))\b|"
    # a dating app's tester (2026-12-01): "said goodbye to everyone, its for the best"; each
    # alone is a move or a break-up ("it's for the best, I'm moving")
    r"\b(said|saying) (my )?goodbyes? to (everyone|everybody|my (family|kids|children|friends))\b|"
    r"\b(it'?s|its|it is) (all |probably |just )?for the best\b|"
    r"\b(you|you guys) won'?t (hear|be hearing) from me (again|any ?more|ever)\b|"
    r"\btell (my|them|her|him)\b" + _ + r"{0,20}\b(i love|i'?m sorry|sorry)\b|\bi'?m done\W*$|"
    # letters left for the family, affairs in order, everything closed: "I've written letters to
    # my children and put my affairs in order"; each alone is an older customer's ordinary
    # planning ("we've put mum's affairs in order, do you need the power of attorney?")
    r"\b(written|wrote|writing|left|leaving) (\w+ ){0,3}(letters?|notes?) (to|for) (each of |all "
    r"of |all )?(my|the|her|his|us|all of us)\b(?! (kids'?|children'?s) school)|"
    r"\b(put|putting|sorted|sorting|got|getting|have|has) (out )?(my|her|his) affairs in order\b|"
    r"\b(sorted out|sorting out|settled|settling) (all )?(my|her|his) affairs\b|\b(cancel|close|"
    r"stop|end) (everything|it all)\b|\bhad enough of (being (poorly|ill|sick|in pain|old|a "
    r"burden|alive|here)|life|living)\b|"
    r"(以后|再也)(都)?不会(再)?(麻烦|打扰|打搅)(你们|大家|您)了|(信|遗嘱)(都)?(写好|留好)了|"
    r"(后事|身后事)(都)?(安排|交代)好了|谢谢(你们|大家)(这些年|这么多年|"
    r"一直以来)|(再见|别了)(了)?(大家|各位|所有人|朋友们)|这是(我)?(的)?最后一(条|次)(消息|留言)",
    re.IGNORECASE,
)


def farewell(text: str, hopeless: re.Pattern[str]) -> bool:
    """Two distinct farewell signs in ``text`` (one view), or one beside ``hopeless`` words."""
    found = {m.group(0) for m in _FAREWELL.finditer(text)}
    return len(found) >= 2 or (len(found) == 1 and bool(hopeless.search(text)))


def suicide_signs(text: str, hopeless: re.Pattern[str]) -> bool:
    """Is ``text`` (one normalised view) about ending one's life in words the rules of
    `kefu.guard.emergency` do not read? Said about a debt too (`kefu.guard.suicide_debt`)."""
    if INTENT.search(text) or LETHAL.search(text) or debt_despair(text):
        return True
    return farewell(text, hopeless)
