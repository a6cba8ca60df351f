"""Death, kill and accident words that are figurative or asked about, not an emergency now.

Two black-box testers (a game publisher and a ride-hailing app, 2026-12) got the emergency reply,
crisis lines and a priority-3 handoff for messages like these, and the bot spoke into chats a
human agent held:

- gaming: "kill me now this patch is awful", "headshot him and he still didnt die, is that a
  bug?", "i keep getting one-shot by the dragon", "我死了 这个副本太难了". In a message about
  play (`_GAME`: a boss, a raid, a patch, a bug, lag, a match, 副本, 掉线, 抽卡...) dying and being
  killed are what happens to a character (`_GAME_DEATH`). A wish to die or to kill oneself is
  never one of these spans: "I want to kill myself after this ban", "我不想活了 号被封了" and
  "我想死 抽了一百发都没出金" stay emergencies (a stated wish to die is read literally, whatever
  it is said about; docs/safety.md).
- laughing and someone's reaction: "gonna kill myself laughing", "my guild will kill me
  if I miss the raid", "mum's gonna kill me lol" (`_REACTION`: a condition the customer controls
  or a joke marker; "he said he will kill me" is not one).
- a parent's exhaustion: "the baby is killing me with this crying lol", "she screams bloody
  murder at every jab" (`_PARENTING`).
- a question about an accident or the safety feature, with no one hurt now: "出车祸了保险赔多少",
  "出车祸那次的理赔进度怎么查", "what happens after I press the emergency button", "how do I
  report an accident". The accident or feature words are blanked only where the message asks
  about insurance, a claim, compensation, a report or the feature (`_ASKS_ABOUT`) and names no
  injury (`_HURT`): "出车祸了 我朋友头在流血" and "we crashed and my wife is bleeding" keep them.

`figurative` blanks those spans; `kefu.guard.emergency_context.not_now` applies it, so the rules
and the learned head read the rest of the message as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kefu.guard._regex import IN_SENTENCE as _

# A message about play. Words that are also everyday ("bug", "boss", "match", "level") count only
# in their gaming sense: "is that a bug", "bugged", "the boss fight", "this match".
_GAME = re.compile(
    r"\b(raids?|patch(ed|es)?|nerf(ed|s)?|buff(ed|s)?|respawn\w*|lag(ged|gy|ging|s)?|"
    r"dungeons?|pvp|pve|npcs?|quests?|guild|clan|squad|ranked|lobby|loot|gacha|"
    r"pulls|banner|spawn\w*|hitbox(es)?|aggro|mobs|dps|healer|noob|gg|"
    r"game|games|gaming|gamer|level(l)?ing|xp|mana|skill ?tree|ult(imate)?|"
    r"dragon|minions?|zombies?|multiplayer|co-?op|fps|mmo\w*|moba|speedrun\w*|"
    r"bugged|glitch\w*|exploit|(a|the|this|that) bug|boss( fight| battle| level)?|"
    r"(this|that|the|a|every|last|next) (match|round|map|stage|level)|one[- ]?shot\w*|"
    r"headshot\w*)\b|"
    r"副本|掉线|卡顿|服务器|boss|BOSS|抽卡|[一二三四五六七八九十百千\d]+(发|抽|连)|出金|"
    r"保底|卡池|氪金|段位|排位|开黑|队友|公会|战队|关卡|通关|复活|血条|掉血|秒杀|"
    r"被秒|补丁|bug|游戏|手游|npc|NPC",
    re.IGNORECASE,
)
# What happens to a character: killed, dead, one-shot, headshot. Never "kill myself", "want to
# die", "想死", "不想活", nor killing someone else ("I'll find him and kill him" is a threat to a
# player, for the rules to read), nor "被打死" without a boss or a monster named.
_GAME_DEATH = re.compile(
    r"\b(kill me now|(keeps?|kept|just|always|still|literally) (killing|kills|killed) me|"
    r"(is|was|'s|are|keeps?) killing (me|us)|killed (me|us)|"
    r"(i|we)('m| am| are|'re| was| were| got| just)? (dead|died|die)|(i|we) (keep|kept) dying|"
    r"(didn'?t|didnt|won'?t|wont|doesn'?t|doesnt|never|wouldn'?t|can'?t|cant|isn'?t|wasn'?t) "
    r"(even )?(die|dies|dying|dead)|"
    r"one[- ]?shot\w*|two[- ]?shot\w*|head ?shot\w*|insta-?kill\w*)\b|"
    r"我(又|都|直接|已经)?死了|被(秒|秒杀|一枪秒了|爆头)了?|被(boss|BOSS|怪)(秒|秒杀|打死|杀死)了?|"
    r"死了[一二三四五六七八九十百\d]+(次|回|遍)|阵亡|团灭|暴毙",
    re.IGNORECASE,
)

# Laughing and someone's reaction: "kill myself laughing", "die laughing", "my guild will kill me
# if I miss the raid", "mum's gonna kill me lol". The condition is the customer's own doing or a
# joke marker follows; "my husband will kill me" alone is left for the rules (a threat).
_JOKE = r"(lol|lmao|lmfao|rofl|haha\w*|jk|xd|😂|🤣|😅|💀)"
_WHO_REACTS = (
    r"(my|our|the) (guild|team|teammates|squad|clan|party|raid lead(er)?|mum|mom|mother|mama|"
    r"dad|father|parents|folks|boss|manager|teacher|coach|friends|mates|sister|brother)"
)
_REACTION = re.compile(
    r"\b(kill(ing)? myself|die|dying|died|dead) (laughing|of laughter|from laughing)\b|"
    r"\blaugh(ing|ed)? (so hard )?(i|till i|until i) (almost |nearly )?(die|died|cried)\b|"
    r"\b" + _WHO_REACTS + r"('s|'ll| will| is gonna| are gonna| gonna| is going to| are going "
    r"to| would)( literally)? kill (me|us)\b(?=" + _ + r"{0,6}\b(if|when|once|for|after) (i|we) "
    r"(miss|lose|forget|am late|'m late|skip|spend|spent|quit|leave the|wipe|mess up|screw up|"
    r"break)|" + _ + r"{0,40}" + _JOKE + r")|"
    r"笑(得|到)(我)?(要|快)?(死|断气)|"
    # Exasperation with a grown-up and a reason after it: "I could strangle my husband for
    # letting her nap so late", "I want to kill him for waking the baby again lol" (a maternity
    # clinic's tester got "Call 995 now", 2026-12); "I could kill him" alone is left to the rules
    r"\bi( could|'d|'?ll| would| want to| wanna| am going to| am gonna|'m gonna|'m going to)"
    r"( literally| honestly| actually| seriously| happily| just)? (kill|strangle|murder|throttle|"
    r"smack|wring (his|her|their) neck)( (him|her|them|my|our|the) ?(\w+)?)?(?="
    + _
    + r"{0,8}\bfor (\w+ing|not|being|what|that|this|the|making|letting|forgetting)\b)|"
    # "老公又把宝宝吵醒了 真想掐死他哈哈": the same, with a laugh after it
    r"(真|好|恨不得|真的好)想(掐死|弄死|打死|杀了|揍死|掐)(他|她|老公|老婆)(?="
    + _
    + r"{0,10}(哈哈|😂|🤣))",
    re.IGNORECASE,
)

# A parent's exhaustion and a child's loud crying: "the baby is killing me with this crying lol",
# "my toddler is killing me with these tantrums", "she screams bloody murder at every jab",
# "this baby will be the death of me" (a women's and children's clinic's tester got "Call 995
# now" for the first two, 2026-12). A child or a baby's routine is what "kills"; a partner or a
# stranger "killing me" is left for the rules.
_CHILD = (
    r"(baby|babies|bub|bubs|bb|newborn|infant|toddler|kids?|children|child|twins|little one|"
    r"little ones|(night|nighttime|3am|2am) feeds?|feeds|teething|"
    r"colic|crying|tantrums?|sleep regression|sleepless nights|no sleep)"
)
_PARENTING = re.compile(
    r"\b(the|my|our|this|that|these|her|his|a)( \w+)? " + _CHILD + r"('s| is| are|'re| keeps?| "
    r"has been| have been| was| were)? (literally |totally |honestly |actually |slowly |really )?"
    r"(killing|gonna kill|going to kill) (me|us)\b( with (the|this|these|that|those|her|his|their|"
    r"all (the|this|that|these|those)) (\w+ ){0,2}?(crying|screaming|screams|tantrums?|whining|"
    r"feeds|feeding|waking|wake-?ups|nights|teething|colic|sleep regression|no sleep)\b)?|"
    r"\b(be|is|are) the death of (me|us)\b|"
    r"\b(scream\w*|yell\w*|cr(y|ies|ied|ying)|howl\w*|shriek\w*|wail\w*) (like )?(bloody|blue) "
    r"murder\b",
    re.IGNORECASE,
)

# Gym and everyday slang (a gym chain's and a dating app's testers, 2026-12): "my glutes are on
# fire lol", "my legs are dead", "leg day killed me", "passed out from boredom", "nearly choked
# on my water laughing", "choked up since the funeral", "want to die of embarrassment", "he's
# dead to me", "overdosed on swiping today haha", "外面热到中暑咯", "笑到差點噎到". A muscle on
# fire or dead counts only where the message is about training or jokes (`_WORKOUT`): "dad's
# legs are dead, he can't stand" is left for the rules and the head. "He passed out in the
# sauna", "choking on a grape" and "热到中暑了 现在头晕想吐" keep their words.
_MUSCLE = (
    r"(glutes?|quads?|hamstrings?|hammies|calves|calf|abs|core|biceps|triceps|lats|delts|traps|"
    r"pecs|muscles?|thighs?|arms?|legs?|shoulders?|lungs|butt|bum|booty|forearms?|whole body)"
)
_WORKOUT = re.compile(
    r"\b(gym|work ?outs?|class|classes|session|leg day|arm day|spin|pump|hiit|crossfit|yoga|"
    r"pilates|treadmill|runs?|running|squats?|deadlifts?|reps|lifting|training|trainer|pt|"
    r"bootcamp|cardio|marathon|burpees|membership|freeze|sauna|locker|protein|stretch\w*|"
    r"lol|lmao|haha\w*)\b|[😂💀🤣]|健身|锻炼|鍛鍊|跑步|教练|教練",
    re.IGNORECASE,
)
_SORE = re.compile(
    r"\b(my|his|her|our|the) (\w+ )?" + _MUSCLE + r"('s| is| are| were| was|'re)? (literally |"
    r"totally |absolutely |so |still |completely |actually |just )?(on fire|burning|dead|jelly|"
    r"destroyed|wrecked|toast)\b",
    re.IGNORECASE,
)
_SLANG = re.compile(
    r"\b(leg day|arm day|(that|the|this|today'?s|last night'?s) (class|workout|session|run)|"
    r"hiit|spin|burpees|squats|cardio|bootcamp|(the|my) (trainer|pt|coach|instructor))"
    r"('s| is| was)? (literally |absolutely |totally |just )?(killed|destroyed|wrecked|murdered|"
    r"killing|destroying) (me|us)\b|"
    r"\b(nearly |almost )?(pass(ed|ing)? out|collaps(ed|ing)|fell over|keel(ed|ing) over) "
    r"((from|of|with) (boredom|laughing|laughter|embarrassment)|laughing)\b|"
    # a dive or a leap for fun: "jumping off the high board at the pool"
    r"\bjump(ing|ed|s)? (off|from) (the|a|my) (high |top |diving |low )?(board|diving board|"
    r"springboard|trampoline|stage|sofa|couch|bed|swing|wall bars)\b|"
    # a name, not an event: "my friend's band is called Jump Off the Bridge", "a song named
    # 'Kill Me Now'"; the words after "called" up to the sentence's end or a comma
    r"\b(band|song|track|album|film|movie|show|series|book|novel|podcast|game|play|poem|ride|"
    r"drink|cocktail|class|workout|route|bar|pub|club|team|horse|boat|shop|brand|channel)s?\b"
    r"(\W+\w+){0,3}?\W+(is |was |are |were )?(called|named|titled|entitled)\b[^.,;?!\n]{1,40}|"
    r"\bchok(e|ed|es|ing) up\b(?! (blood|phlegm|food|vomit|sick))|"
    r"\b(nearly |almost )?chok(e|ed|ing) (on (my|a|the|his|her|some) \w+ )?(from |with |while |"
    r"when )?laugh\w*|\b(nearly|almost) chok\w*(?=[^.?!]{0,40}\blaugh)|"
    r"(\b(want(ed)? to|wanna|gonna|going to|about to|could|might|i'?ll|literally|just) )?"
    r"\b(die|dying|died|dead) (of|from) (secondhand |second-hand )?(embarrassment|shame|cringe|"
    r"boredom)\b|"
    r"\b(he|she|they|you|it|that)('s| is| are|'re) (so |totally |completely )?dead to (me|us)\b|"
    r"\b(i'?m|i am|im) (so |soo+ |totally |literally )?dead\b(?=[^.?!]{0,80}(\baccidentally\b|"
    r"\blol\b|\blmao\b|\bhaha|\boops\b|embarrass|😂|💀))|"
    r"\boverdos\w* on (?!(my |his |her |their |the |some |too many |a )?(pills?|tablets?|meds|"
    r"medicines?|medication|drugs|heroin|fentanyl|opioids?|insulin|paracetamol|tylenol|sleeping|"
    r"painkillers|antidepressants|alcohol|cocaine|coke|ketamine|benzos?|xanax|oxy\w*|methadone|"
    r"morphine)\b)\w+\b(?=[^.?!]{0,40}(\blol\b|\blmao\b|\bhaha|😂|🤣|💀|\btoday\b|\bagain\b))|"
    r"\bcan'?t breathe (through|out of) (my|his|her|the) nose\b(?=[^.?!]{0,40}(sinus|blocked|"
    r"stuffy|cold|congest|haha|lol|hay ?fever))|"
    r"(热|熱|晒|曬)(到|得)(我)?(都|快|要|快要|差点|差點)?中暑(了|咯|啦|啊|喇)?(?![^，,。！？!?\n]{0,12}"
    r"(晕|暈|吐|昏|抽|醒|倒|送医|送醫|急救|120|999|000|995))|"
    r"笑(到|得)[^，,。！？!?\n]{0,4}(噎|嗆|呛)(到|住)?",
    re.IGNORECASE,
)

# Frustration idioms the learned head reads as distress: "我要疯了", "急死了", "快被逼疯了",
# "this is driving me crazy", "I'm losing my mind" (`kefu.guard.emergency_context._IDIOM` reads
# them for the head only; no rule names them).
FRUSTRATION = (
    r"(我)?(要|快|快要|都要|真的要|简直要)?(被)?(逼|气|急|烦)?疯了|抓狂|"
    # "我快被这个娃逼疯了", "被熊孩子搞疯了": who drives the parent mad comes between
    r"被[^，。！？,.!?\s]{1,6}(逼|搞|折磨|吵|闹|气|整)疯|[^，。！？,.!?\s]{0,5}把我(给)?(折腾|逼|搞|气|整|吵|闹)疯了?|"
    r"\b(driving|drives|drove) me (crazy|nuts|insane|mad|up the wall)\b|\b(i'?m|i am) "
    r"(going|gonna go) (crazy|insane|nuts|mad)\b|\blosing my mind\b"
)

# A question about insurance, a claim, compensation, a report or the safety feature.
_ASKS_ABOUT = re.compile(
    r"保险|理赔|赔偿|赔付|赔多少|能赔|怎么赔|报销|定损|责任|进度|流程|怎么(报|处理|办理|申请|查|用)|"
    r"如何|在哪|是什么|有什么用|会怎样|会怎么样|之后会|后会|功能|\binsur\w*|\bclaims?\b|"
    r"\bcompensat\w*|\b(pay ?out|payout|cover(ed|s)?|excess|deductible|reimburs\w*|liabilit\w*)\b|"
    r"\b(what|how) (happens|does|do|can|should|will|would)\b|\bhow (to|do i|can i) (report|file|"
    r"claim|make|submit|use|set)\b|\b(report|file|submit) (an?|the|my) (accident|crash|claim|"
    r"incident|collision)\b|\bstatus of\b|\btrack\b",
    re.IGNORECASE,
)
# An injury or a danger named now: the message keeps its accident words.
_HURT = re.compile(
    r"\b(hurt|injur\w*|bleed\w*|blood|unconscious|not (moving|breathing|responding)|trapped|"
    r"stuck|fire|smoke|burning|broken|ambulance|hospital|pain|dying|dead|died|collaps\w*|"
    r"passed out|can'?t (move|breathe|feel))\b|受伤|伤了|伤到|流血|出血|血|昏迷|晕|骨折|被困|"
    r"困在|卡住|起火|着火|冒烟|救护车|医院|疼|痛|死|动不了|不能动|没(有)?意识|没(有)?呼吸|"
    r"叫不醒|骨头|撞伤|摔伤",
    re.IGNORECASE,
)
_ACCIDENT_WORD = re.compile(
    r"车祸|事故|撞车|追尾|被车撞|\b(car|road|traffic|motorbike|bike|taxi|ride)? ?(accident|crash|"
    r"collision)\b|\bcrashed\b|\bhit by a (car|truck|bus)\b",
    re.IGNORECASE,
)
_FEATURE = re.compile(
    r"\b(the |an |your |this )?(emergency|sos|panic|safety|alarm|help) (button|feature|contacts?|"
    r"mode|alert|centre|center|toolkit|function|call|assistance|line)\b|"
    r"紧急(按钮|联系人|求助|呼叫|报警|模式)(功能)?|一键(报警|求助|呼救)|安全中心|SOS(按钮|功能)?",
    re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    return "_" * len(match.group(0))


def figurative(text: str, blank: Callable[[re.Match[str]], str] = _blank) -> str:
    """``text`` with figurative death and kill words, and accident or safety-feature words that
    are only asked about, blanked; the rest untouched."""
    text = _PARENTING.sub(blank, _REACTION.sub(blank, text))
    text = _SLANG.sub(blank, text)
    if _WORKOUT.search(text):
        text = _SORE.sub(blank, text)
    if _GAME.search(text):
        text = _GAME_DEATH.sub(blank, text)
    if _ASKS_ABOUT.search(text) and not _HURT.search(text):
        text = _FEATURE.sub(blank, _ACCIDENT_WORD.sub(blank, text))
    return text


# A request for someone's records: "我是他爸爸，把我儿子的聊天记录发给我", "I'm her mum, send me
# her chat history". A privacy request (`kefu.guard.private`); the family words pull the learned
# head over its threshold (2.56 against 1.93 for the father's request).
_RECORDS = re.compile(
    r"(聊天|消费|充值|登录|登陆|通话|订单|购买|游戏|交易|支付|浏览|行程|乘车)(记录|明细|历史)|"
    r"\b(chat|message|purchase|payment|order|login|call|trip|ride|browsing|transaction|spending)s? "
    r"(history|histories|logs?|records?|details)\b",
    re.IGNORECASE,
)
_FAMILY_CLAIM = re.compile(
    r"我是(他|她|孩子|这个孩子|这个号|账号主人|用户)的?(爸爸|妈妈|父亲|母亲|爸|妈|家长|监护人|"
    r"老公|老婆|丈夫|妻子|哥哥|姐姐|爷爷|奶奶)|\bi'?m (his|her|their|the (account|user)'?s?) "
    r"(dad|father|mum|mom|mother|parent|guardian|husband|wife|brother|sister)\b",
    re.IGNORECASE,
)


def asks_for_records(text: str) -> bool:
    """Does the message ask for someone's records as their family (a privacy request)?"""
    return bool(_RECORDS.search(text) and _FAMILY_CLAIM.search(text))
