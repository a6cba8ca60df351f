"""Eating-disorder disclosures: starving, purging, a few hundred calories a day for weeks.

A gym chain's tester (2026-12) got "I'm not sure about that, and I don't want to guess" for
"I've only eaten 500 calories a day for weeks and keep fainting in class" and "我已经一个月每天
只吃一顿 还催吐". Such a message needs care, a doctor and a helpline (`kefu.dialogue.
eating_lines`), not a decline; fainting or collapsing *now* is the emergency rules' (they run
first, `kefu.guard.safety.assess`). Read on `kefu.guard.views` (simplified Mandarin).
"""

from __future__ import annotations

import re

# A restriction said as the customer's (or a named person's) way of eating, a purge, or the
# illness named. A diet question ("how many calories does spin burn", "1500卡路里的餐单") is none.
_EATING_DISORDER = re.compile(
    # "only eaten 500 calories a day", "living on 300 cals a day", "eat 800 kcal per day"
    r"\b(eat|eats|eaten|eating|ate|having|had|living on|surviv\w+ on|on|under|less than|"
    r"only)\b[^.!?]{0,15}\b([1-9]\d|[1-8]\d\d) ?(calories|cals|kcal)\b[^.!?]{0,6}\b(a|per|"
    r"each|every) day\b|"
    r"\bmak(e|es|ing) (myself|herself|himself) (throw up|sick|vomit)\b|"
    r"\bthrow(ing)? up after (every|each|most|all|my) (meal|meals|food|eating)\b|"
    r"\b(purg(e|es|ing)|binge and purge|anorexi\w*|bulimi\w*|starv(e|ing) (myself|herself|"
    r"himself)|willing to starve|laxatives to (lose|stay|keep))\b|"
    r"\b(haven'?t|hasn'?t|not|barely|hardly) (eaten|eating|eat) (anything |properly |at all )?"
    r"(in|for) (days|a week|weeks|\d+ days)\b|"
    r"催吐|抠喉|扣喉|吃完(就|再)?(去)?吐|厌食|暴食症|贪食症|"
    r"每天(只|就)吃(一|1)(顿|餐)|几乎不吃(饭|东西)|"
    r"(好几|几|两|三|四|五)(天|个星期|周)(都)?没(有)?吃(东西|饭)|"
    r"只吃[^。！？]{0,4}\d{2,3}(大卡|卡路里|卡)|饿(自己|肚子)[^。！？]{0,8}(减肥|瘦)|"
    r"泻药[^。！？]{0,6}(减肥|瘦)",
    re.IGNORECASE,
)


def discloses_eating_disorder(texts: list[str]) -> bool:
    """Whether a message (its `views`) tells of starving, purging or an eating disorder."""
    return any(_EATING_DISORDER.search(t) for t in texts)
