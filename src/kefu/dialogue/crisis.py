"""Whether a message the emergency check already flagged is about suicide or self-harm, for
choosing what the reply says (docs/safety.md): beside one, the business's crisis entry (or
kefu's own crisis lines) follows the emergency number, never an ordinary how-to.

Detection is `kefu.guard.emergency`'s; this only reads messages already flagged, so it may
name wider families than a detector can afford ("i just want to go to sleep and never wake
up" is flagged by the learned check, and its reply must still carry the crisis lines)."""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _GAP
from kefu.guard.animals import mentions_animal
from kefu.guard.emergency import SELF_HARM
from kefu.guard.emergency_bystander import their_self_harm
from kefu.guard.emergency_cjk import cjk_self_harm
from kefu.guard.emergency_indirect import HOPELESS, LEAVING, SELF_ACT
from kefu.guard.emergency_infant import harm_to_baby
from kefu.guard.emergency_obfusc import crisis_views
from kefu.guard.suicide_debt import debt_despair
from kefu.guard.suicide_means import more_suicide
from kefu.guard.suicide_plan import stated_plan
from kefu.guard.suicide_signs import LETHAL, farewell
from kefu.guard.views import views

# Self-harm and suicide said in ways the detection rules leave to the learned check: cutting or
# burning oneself (or a named person doing it), sleeping and never waking, a goodbye for good,
# "end it tonight", 结束自己.
_MORE_SELF_HARM = re.compile(
    r"\b(cut|cuts|cutting|slit|slitting|slashed|slash(ing)?)\b[^.!?]{0,20}\b(wrists?|arms?|legs?|"
    r"thighs?)\b|\bburn(s|ed|t|ing)? (myself|himself|herself|themselves)\b|\bburn(s|ing)? "
    r"(my|his|her|their) (own )?(arms|legs|skin|wrists|thighs)\b|\b(burn|burns|burning|burned|"
    r"burnt)\b[^.!?]{0,25}\bwith (a |the )?(lighter|cigarettes?)\b|\bhurt(ing)? (myself|"
    r"himself|herself|themselves)\b|sleep and (never|not) wake( up)?|never wake up again|"
    r"(goodbye|good bye|bye) (forever|for good|for ever)|\b(decided|going|ready|want|plan(ning)?)"
    r" to end it\b|\bend it (tonight|today|now|this (week|weekend))\b|"
    r"割腕|割手腕|割了手腕|割自己|划手|划自己|烫自己|燙自己|伤害自己|傷害自己|结束自己|結束自己|"
    r"结束(我的)?生命|結束(我的)?生命|了结自己|了結自己|不想再醒|永别了|永別了",
    re.IGNORECASE,
)

# Passive or indirect wishes to die, already flagged by the detectors: a burden the family would
# be better off without, "nobody would notice if I didn't wake up", going to join a dead spouse,
# things given away and goodbyes said, pills saved up, "我怎么还不死", "不想再拖累…让她自己走".
# A care business's testers got only 999/119 for each (2026-12): the crisis lines must follow.
_PASSIVE = re.compile(
    r"\b(a |just a |such a |nothing but a )burden\b|\bbetter off (without (me|her|him|them)|if "
    r"(i|she|he|they) (was|were|wasn'?t|weren'?t|didn'?t|died|wasn'?t here)|dead)\b|"
    r"\b(nobody|no one|no-one) (would|will|'?d) (even )?(notice|care|miss (me|her|him))\b|"
    r"\bjoin(ing)? (him|her|dad|mum|mom|my (late )?(husband|wife|dad|mum|mom))\b|"
    r"\bgiv(e|es|ing|en) away (all )?(his|her|my|their) (things|stuff|belongings|possessions)\b|"
    r"\b(written|wrote|writing) (goodbye )?letters to\b|\baffairs in order\b|"
    r"\b(saved|saving|stockpil\w*|hoard\w*|stash\w*) (up )?[^.!?]{0,30}\b(pills|tablets|"
    r"meds|medication|painkillers)\b|\b(pills|tablets)\b[^.!?]{0,20}\bsaved up\b|"
    r"\bafter tonight\b[^.!?]{0,30}\b(won'?t|will not) (need|be)\b|"
    r"\b(killing|kill|end|ending) (myself|himself|herself)\b|"
    r"\bwish(es|ed)? (i|she|he) (was|were) dead\b|\b(want|wants|wanted|wanting) to die\b|"
    r"\b(go|going|ready|time) (to |and )?be with (him|her|mum|mom|dad|my (late )?\w+)\b|"
    r"\bdon'?t want to (live|be alive|wake up)\b|"
    r"怎么还不死|还不如死|不如死了|早点死|死了算了|死了就好|拖累|累赘|负担[^。！？]{0,12}(不在|走|死)|"
    # "说要去陪阿嬷", "不如去找我爸": joining the dead, not fetching a relative from the day centre
    r"(说|想|不如|只想)[^。！？]{0,3}去(陪|找)(我|你|她|他)?(的)?(阿公|阿嬷|阿妈|阿爸|爷爷|奶奶|外公|外婆|老伴|先生|太太|"
    r"老公|老婆|爸|妈|父亲|母亲)|活(着|著)(好|真的|很|太)?累|活(着|著)没(意思|意义)|活(着|著)[^。！？]{0,4}浪费|"
    r"不想(再)?(撑|活|醒)|希望自己不要醒|(存|攒|囤)(起来|了|着)?[^。！？]{0,8}(安眠药|药)|"
    r"(安眠药|药)[^。！？]{0,6}(存|攒|囤)(起来|了)|"
    r"不吃不喝[^。！？]{0,10}(陪|找|走)",
    re.IGNORECASE,
)

# An overdose the customer took: a whole bottle, all the pills, dozens of them ("吃了一整瓶安眠药
# 还款的事你们找我老婆吧" got 120 alone). Not where a child or another person is named: a
# toddler who got into the medicine cabinet needs the ambulance, not a crisis line.
_OWN_OVERDOSE = re.compile(
    r"(吃|吞|服|喝)(了|下|掉)(了)?(一)?(整瓶|整盒|一大把|一把|大半瓶|几十(片|粒|颗)|所有的?|全部的?)|"
    r"(安眠药|药片|药丸|止痛药|抗抑郁药|农药|百草枯|敌敌畏)" + _GAP + r"{0,6}(都|全|全部|一口气)"
    r"(已经)?(吃|吞|喝|服)(下去|下|掉|光)(了)?|喝(了)?(农药|百草枯|敌敌畏|老鼠药)|"
    r"\b(i|i'?ve|ive|i have|i just) (just )?(took|taken|swallowed|downed|drank) (a |the )?(whole|"
    r"entire|full) (bottle|packet|pack|box|box of|strip)\b|\b(i|i'?ve|ive|i have|i just) (just )?"
    r"(took|taken|swallowed|downed) (all|every one) of (my|the|them)\b",
    re.IGNORECASE,
)
_OTHER_PERSON = re.compile(
    r"孩子|小孩|宝宝|婴儿|儿子|女儿|我爸|我妈|老人|奶奶|爷爷|外婆|外公|他|她|朋友|同事|室友|"
    r"\b(he|she|they|my (son|daughter|kid|child|baby|toddler|mum|mom|dad|friend|partner|wife|"
    r"husband|brother|sister|grandma|grandad|grandpa))\b",
    re.IGNORECASE,
)

# Another person's threat to kill the customer ("he's threatening to kill me", "he will kill me")
# is violence, for the police, not a reason for a suicide line.
_THREAT_TO_KILL = re.compile(
    r"\b(threat\w*|going|gonna|goin|wants?|tried|trying|try|swore|swears|said he'?d|"
    r"says he'?ll)( to)?\W+(\w+\W+){0,4}?kill (me|us)\b|\b(he|she|they)('ll| will| would|'d)"
    r" kill (me|us)\b",
    re.IGNORECASE,
)


def about_self_harm(message: str) -> bool:
    """Whether ``message`` (already flagged as an emergency) is about suicide or self-harm."""
    # with emoji, letter spacing, typos and tone marks undone too: "ready to 🪢 myself"
    texts = views(message) + crisis_views(message)
    # How much of a medicine kills, or how high a fall: the crisis lines, unless an animal is
    # the patient ("how much chocolate is lethal for a dog").
    lethal = not mentions_animal(texts)
    for text in texts:
        text = _THREAT_TO_KILL.sub(" ", text)
        if SELF_HARM.search(text) or _MORE_SELF_HARM.search(text) or farewell(text, HOPELESS):
            return True
        # "反正我已经不在了", a rope at hand, "明天就去跳河了", despair said about a debt, a
        # leaving phrase beside hopelessness: each flagged as suicidal, each gets the crisis lines
        if SELF_ACT.search(text) or debt_despair(text):
            return True
        # a plan with its means and time ("pills lined up… take them all tonight"), or someone
        # else's stated intent told by a bystander ("he's on the bridge saying he'll jump")
        if stated_plan(text) or their_self_harm(text):
            return True
        # Korean and Japanese ("죽고 싶어", "死にたい"), a height asked beside a breakup, "how
        # many insulin pens until I don't wake up", "I want to end it"
        if cjk_self_harm(text) or more_suicide(text, HOPELESS):
            return True
        if LEAVING.search(text) and HOPELESS.search(text):
            return True
        if _OWN_OVERDOSE.search(text) and not _OTHER_PERSON.search(text):
            return True
        if lethal and LETHAL.search(text):
            return True
        if _PASSIVE.search(text):
            return True
    # A parent's thoughts of harming the baby: the crisis line as for self-harm, and the baby
    # kept safe (`harms_baby`); never the ambulance number alone
    return harms_baby(message)


def harms_baby(message: str) -> bool:
    """Whether ``message`` tells of a parent's thoughts, urges or fear of harming their baby
    ("I'm scared I'll shake him", "总想把孩子从楼上扔下去")."""
    return any(harm_to_baby(text) for text in views(message))
