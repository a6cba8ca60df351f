"""Emergencies written in Korean or Japanese, and Cantonese overdose reports.

kefu answers in English or Chinese, but a customer in crisis writes in the language they think
in: testers (2026-12-01) got no crisis reply for "자살하고 싶어요", "죽고 싶어" or "死にたい" (only
"自殺したい" was caught, through its simplified reading 自杀). The crisis reply, in English or
Chinese with the emergency number and the crisis lines, is still what such a writer needs
(docs/safety.md: a false alarm costs a handoff, a miss can cost a life).

- `CJK_SELF_HARM`: a wish to die or to kill oneself, self-harm, a jump or a hanging named
  (자살/죽고 싶다/살기 싫다/자해/뛰어내리다; 死にたい/消えたい/生きたくない/自殺/首を吊る/飛び降り/
  リストカット). Idioms of degree stay ordinary: "배고파 죽겠어" (starving), "웃겨 죽겠다",
  "死ぬほど美味しい", "死ぬかと思った", and embarrassment said as a wish to die ("창피해서 죽고
  싶어", "恥ずかしくて死にたい"). A prevention line or a statistic ("자살 예방", "自殺予防") is
  a topic, not a crisis.
- `_CJK_BODY`: the medical signs a family member reports (not breathing, unconscious, a
  seizure, an ambulance asked for, bleeding that will not stop, an overdose).
- `_YUE_OVERDOSE`: a Cantonese overdose, "我個仔食咗成排退燒藥" (食咗: took; 成排: a whole
  strip; the views fold 咗 to 了, `kefu.guard.views`), a whole strip, bottle or box of a
  medicine taken. "食咗成包薯片" (a bag of crisps) and "成排朱古力" (a bar of chocolate) name
  no medicine.
"""

from __future__ import annotations

import re

# Korean: suicide and self-harm. "죽겠다" (to death, of degree) is not "죽고 싶다" (want to die).
_KO_SELF = (
    r"자살(?!\s*(예방|방지|률|율|통계|뉴스|기사|보도|사건|유가족))|"
    r"죽고\s*싶(?!을\s*(만큼|정도로?)\s*(창피|부끄|쪽팔|배고|웃))|죽어\s*버리고\s*싶|"
    r"살기\s*싫|살고\s*싶지\s*않|더\s*(이상|는)\s*살\s*(이유|의미|자신)(가|이)?\s*없|"
    r"목숨을\s*끊|삶을\s*(끝내|마감)|생을\s*마감|세상을\s*떠나고\s*싶|사라지고\s*싶|"
    r"뛰어\s*내리(고\s*싶|려고|겠)|투신|목을\s*(매|맬)|자해|손목을\s*(긋|그었|그어)|유서(?!\s*깊)"
)
# Japanese: 死にたい, 消えたい, 生きていたくない, 自殺/自死, 首を吊る, 飛び降り, リスカ, OD.
_JA_SELF = (
    r"死にたい|死んでしまいたい|死のうと(思|して)|消えたい|消えてしまいたい|"
    r"生きて(い)?たくない|生きたくない|生きる(意味|理由)(が|は)?(ない|無い|わからない)|"
    r"自殺(?!(予防|防止|対策|率|者数|統計|の?ニュース))|自死(?!遺族)|首(を)?(吊|つ)|"
    r"飛び降り(たい|る|よう|ます|して)|リスカ|リストカット|自傷|遺書|"
    r"(薬|くすり|睡眠薬)を?(全部|大量に?|たくさん|まとめて)\s*飲(んだ|んで|みました)|ODし(た|ちゃ)"
)
# A degree said as a wish to die: embarrassment. Read past, not as a crisis.
_DEGREE = re.compile(
    r"(창피|부끄럽|쪽팔려|쪽팔리)\S{0,3}\s*죽고\s*싶\S*|"
    # the views fold 恥 to 耻 and drop the voicing mark (ず to す)
    r"(恥|耻|は)(ず|す)かし(くて|すぎて|さで)\s*死にたい|死にたい(くらい|ほど)(恥|耻|は)(ず|す)かし\S*"
)
CJK_SELF_HARM = re.compile(_KO_SELF + "|" + _JA_SELF)

_CJK_BODY = re.compile(
    # Korean: not breathing, unconscious, collapsed, seizure, ambulance, bleeding, heart, stroke
    r"숨을?\s*(안|못)\s*(쉬|쉰)|숨이\s*(안|멈|막)|호흡이\s*(없|멈)|의식(이|을)?\s*(없|잃)|"
    r"쓰러졌|기절했|경련|발작|심장\s*마비|심정지|뇌졸중|구급차|119\s*(불러|좀|를)|"
    r"피가\s*(안\s*멈|멈추지\s*않|계속|많이)|약을?\s*(한꺼번에|전부|많이|다)\s*(먹었|삼켰)|"
    # Japanese
    r"息を?(して(い)?ない|してません|できない)|呼吸(が|を)?(して(い)?ない|できない|止ま)|"
    r"意識(が)?(ない|無い|不明|を失)|(人|父|母|夫|妻|祖父|祖母|息子|娘|子供|子ども|友達|彼|彼女)"
    r"(が|は)\s*倒れ(た|て|ました)|けいれん|痙攣|心臓発作|心肺停止|脳卒中|救急車|"
    r"血が止まらない|大量(に)?出血"
)

_YUE_MEDS = (
    r"(药|藥|药丸|藥丸|药片|藥片|胶囊|膠囊|止咳水|必理痛|panadol|paracetamol|扑热息痛|撲熱息痛|"
    r"安眠|止痛|退烧|退燒)"
)
_YUE_OVERDOSE = re.compile(
    # "食咗成排退燒藥", "吞了一整樽安眠藥", "食晒成盒药": a whole strip, bottle or box taken
    r"(食|吃|吞|服)(了|晒|曬|咗|左)?(成|一|整|大半|半)(整)?(排|板|樽|瓶|盒|包|支|打)"
    r"[^，,。.!！?？\n]{0,8}"
    + _YUE_MEDS
    + r"|"
    # the medicine first: "退燒藥佢食咗成排"
    + _YUE_MEDS
    + r"[^，,。.!！?？\n]{0,8}(食|吃|吞|服)(了|晒|曬|咗|左)(成|一|整|大半)(整)?(排|板|樽|瓶|盒)|"
    # "食咗廿幾粒藥", "食了好多粒"
    r"(食|吞)(了|晒|曬|咗|左)(好多|成廿|成卅|廿|卅|几十|幾十|十几|十幾|\d\d)[几幾多\d]{0,2}(粒|颗|顆|片)"
    r"(?!薯)",
    re.IGNORECASE,
)


def cjk_self_harm(text: str) -> bool:
    """Is ``text`` (one view) a Korean or Japanese statement of suicide or self-harm?"""
    return bool(CJK_SELF_HARM.search(_DEGREE.sub(" ", text)))


def cjk_emergency(text: str) -> bool:
    """Is ``text`` (one view) a Korean or Japanese emergency, or a Cantonese overdose report?"""
    return cjk_self_harm(text) or bool(_CJK_BODY.search(text) or _YUE_OVERDOSE.search(text))
