"""What counts as a medical emergency in a customer's message, English and Chinese.

Heart, stroke, breathing and consciousness, bleeding and injuries, overdose and poisoning,
severe allergy, seizure, suicide and self-harm, also when said indirectly (warning signs,
hedged amounts). High recall on purpose: a false alarm costs a handoff, a miss can cost a
life (docs/safety.md). `kefu.guard.safety.assess` runs this over every view of a message.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard._regex import Alternation
from kefu.guard.emergency_bystander import bystander_crisis
from kefu.guard.emergency_context import not_now
from kefu.guard.emergency_home import home_danger
from kefu.guard.emergency_indirect import indirect_emergency
from kefu.guard.emergency_infant import harm_to_baby, infant_danger
from kefu.guard.emergency_malay import malay_emergency
from kefu.guard.emergency_maternal import maternal_emergency
from kefu.guard.emergency_person import person_danger
from kefu.guard.suicide_signs import INTENT_PATTERN

_BODY = (
    # heart
    r"chest\W*(pain|pian|pressure|tightness|hurts?)|chest" + _ + r"{0,25}(tight|heavy|pain|hurt|"
    r"pressure|squeez|crush|burning)|(pain|pressure|tight|crush|squeez|heavy|weight|elephant)"
    + _
    + r"{0,30}\b(chest|breastbone|sternum)|"
    r"(pressure|tightness|crushing|squeezing|pain) (in|on) (my|the|his|her) chest|"
    r"heart attack|cardiac|no pulse|heart (has )?stopped|sitting on (my|his|her) chest|"
    # stroke (face, arm, speech, sudden headache or vision)
    r"stroke|face (is |has )?(droop|numb|gone numb|went numb)|droop|slurr|"
    r"(can'?t|cannot|unable to) (speak|talk|lift|raise|move) (properly|clearly|his|her|my|their)|"
    r"one side (of (his|her|my|their) (body|face) )?(is |went |has gone |feels )?(weak|numb|"
    r"paraly)|(words|speech) (are |is )?(coming out )?(jumbled|garbled|slurred)|"
    r"worst headache|sudden(ly)? (severe |bad )?(headache|weakness|numbness|confusion|blindness)|"
    r"(double|blurred|lost|loss of) vision (suddenly|all of a sudden)|vision (is )?double|"
    # breathing, choking, consciousness
    r"can'?t breathe?\b|cannot breathe?\b|cant breathe?\b|not breathing|barely breathing|"
    r"stopped breathing|"
    r"(trouble|difficulty|struggling) breathing|hardly breathe|short(ness)? of breath|gasping|"
    r"chok(e|ing)|turning (blue|purple)|lips (are |turned |turning )?(blue|purple)|"
    r"unconscious|unresponsive|won'?t wake|isn'?t waking|not waking|passed out|collapsed|"
    r"fainted|won'?t respond|not responding|no response from|"
    # bleeding, burns
    r"(severe|heavy|uncontrolled) bleeding|bleeding (heavily|badly|a lot)|"
    r"blood (is )?(spurting|pouring|gushing|everywhere)|(spurting|gushing|pouring) blood|"
    r"(deep|gaping|huge|bad) (gash|cut|wound)|(hit|banged|struck) (his|her|my|their) head"
    + _
    + r"{0,40}(confused|"
    r"vomit|unconscious|drowsy|sleepy|bleeding)|worst pain (of|in) my life|bone (is )?sticking out|"
    r"(bleeding|blood)" + _ + r"{0,40}"
    r"(won'?t|will not|doesn'?t|does not|can'?t|cannot) stop|severe(ly)? burn|"
    # overdose, poisoning
    # not an order: "I ordered too many tablets, can I return some?"
    r"overdos|\bod'?d\b|(?<!ordered )(?<!bought )(?<!sent me )(?<!received )(?<!delivered )"
    r"(?<!got sent )too many (pills|tablets|sleeping)|(took|taken|swallowed|ate|drank|had) "
    r"(a |an |the |my |his |her )?(whole|entire|full|handful|bunch|lot|bottle|box|pack|packet|"
    r"load)\b" + _ + r"{0,30}(pills|tablets|meds|medicine|capsules|tylenol|paracetamol)?|"
    r"swallowed" + _ + r"{0,30}(pills|tablets|medicine|meds|battery|batteries)|poison|"
    # "took 20 of my tablets", "took maybe 20 of my sleeping pills": a hedge word is common.
    # One to four ("I took 2 sleeping pills instead of 1, is that ok") is a dose question
    # (`kefu.guard.dose_taken`), not an overdose by itself.
    r"(took|taken|swallowed|ate|had|downed|popped) ((maybe|about|around|like|roughly|nearly|"
    r"almost|over|at least|probably|something like) )?([5-9]|\d\d+|all|lots|a lot|dozens|loads|"
    r"a handful|half)\b"
    + _
    + r"{0,30}(pills|tablets|meds|medicine|capsules|antidepressants|painkillers|insulin|"
    r"sleeping|opioids|paracetamol|tylenol|ibuprofen)|"
    r"(drank|swallowed|ate)" + _ + r"{0,20}(bleach|antifreeze|detergent|pesticide|cleaner)|"
    # asking for a lethal amount ("how many paracetamol would it take to kill someone", "how many
    # sleeping pills is too many", "安眠药吃多少会死"): a self-harm method question, also when
    # "for a friend" or wrapped in a role-play; in _BODY, not _SELF_HARM, so that "how much
    # chocolate would kill a dog" stays a pet's emergency (kefu.guard.animals)
    r"\b(lethal|fatal|deadly|killing) (dose|amount|quantity|number|level)s?\b|"
    r"(?<!people )(?<!patients )how (much|many)\b(?! people)" + _ + r"{0,60}\b(kill(?!s? (the )?"
    r"(pain|germs?|bacteria|infection|virus|lice|nits|fleas|worms|bugs|weeds|mou?ld|time))|"
    r"die\b(?! (my|your|his|her|their|the) hair)|be (lethal|fatal|deadly)|overdose|\bod\b|"
    r"never wake|not wake)|"
    r"how (much|many) (\w+ ){0,3}(sleeping (pills?|tablets?)|sleepers|benzos?|opioids?|"
    r"antidepressants?|insulin)\b" + _ + r"{0,30}\btoo (many|much)\b|"
    r"致死(量|剂量)|致命(剂量|的量|量)|(吃|服|喝|吞|打)" + _ + r"{0,4}(多少|几)" + _ + r"{0,6}"
    r"(会|能|就|才|可以|足以|够)" + _ + r"{0,2}(死|致死|致命|没命|毙命|醒不过来|醒不来)|"
    r"(安眠药|安定|镇静药|降压药|胰岛素)" + _ + r"{0,10}多少" + _ + r"{0,6}(算|是)?(太多|过量)|"
    # allergy
    r"anaphyla|epipen|(throat|airway) (is |feels )?(closing|swelling|swollen|tight)|"
    r"(face|lips?|tongue|throat) (is |are |has |have )?(swelling|swollen|swelled|huge|puffing|"
    r"puffed)|severe allergic|wheez|"
    # seizure
    r"seizure|convuls|having (a )?fits?\b|shaking (on the floor|uncontrollably)|"
    r"(won'?t|will not|can'?t) stop (shaking|fitting|twitching)|"
    # falls from a height
    r"fell (off|from|out of) (the |a |my |our )?(balcony|window|roof|ladder|cliff|\w+ floor)|"
    # carbon monoxide: a fuel-burning appliance and its symptoms, or the alarm
    r"carbon monoxide|\bco (alarm|detector)|(heater|stove|boiler|generator|furnace|fireplace|"
    r"barbecue|bbq|grill)" + _ + r"{0,100}(headache|dizz|nause|drows|faint|passed out)|"
    # a diabetic who is confused (low blood sugar), a floppy or dried-out baby, an asthma attack
    # the inhaler does not stop
    r"(diabetic|diabetes|insulin|blood sugar)" + _ + r"{0,80}(confused|not making sense|"
    r"disoriented|incoherent|unresponsive|acting drunk|not (himself|herself))|"
    r"\b(she|he|baby|child|kid|son|daughter|boy|girl|toddler|infant|newborn|little one)('s| is|"
    r" are)? (really |very |so |all |gone |gone all )?(floppy|limp|lethargic)\b|"
    # "blue and floppy": the colour of no oxygen beside a body with no tone (a shirt is
    # "floppy" too, but not blue *and* floppy after a person)
    r"\b(she|he|baby|child|kid|son|daughter|boy|girl|toddler|infant|newborn|little one|husband|"
    r"wife|mum|mom|dad|father|mother|partner|friend)\b" + _ + r"{0,30}\b(blue|grey|gray|purple|"
    r"pale) (and|&) (floppy|limp|unresponsive)\b|"
    # meningitis: a rash that does not fade under a pressed glass
    r"\brash" + _ + r"{0,40}((doesn'?t|does not|won'?t|will not|didn'?t|did not) (fade|go away"
    r" when (pressed|i press))|under (a|the) glass)|non-?blanching|"
    r"(皮疹|疹子|红点|出血点)" + _ + r"{0,10}(按压|压|按)" + _ + r"{0,6}不(褪|退)色|"
    r"hasn'?t (had )?(a |any )?wet (nappy|nappies|"
    r"diaper|diapers)|no wet (nappy|nappies|diaper|diapers)|"
    r"(inhaler|puffer|nebuli[sz]er)" + _ + r"{0,40}(not (helping|working)|isn'?t (helping|"
    r"working)|doesn'?t (help|work)|didn'?t (help|work)|no help)|"
    # Chinese
    r"胸痛|胸(口|部|前)?" + _ + r"{0,8}(痛|疼|闷|压|发紧|憋)|胸闷|心口(疼|痛|像|"
    r"压)|心绞痛|心梗|心肌梗|心脏(病)?(发作|犯了|骤停)|"
    r"没(有)?(心跳|呼吸|脉搏)|中风|卒中|口角歪|嘴歪|脸(歪|麻)|半边(脸|身子|身体)|一侧(肢体|身体)|"
    r"说话(不清|含糊|含含糊糊|不利索|说不出)|口齿不清|话(也)?说不出|"
    r"说话" + _ + r"{0,4}(含糊|含含糊糊|不清楚|不利索|大舌头)|嘴角" + _ + r"{0,4}歪|"
    r"(手|胳膊|手臂)" + _ + r"{0,3}(拿不住|握不住|抓不住)|"
    r"(手|胳膊|腿|手臂)" + _ + r"{0,3}(抬不起来|动不了|没力气|没劲|发麻)|突然(看不清|看不见|失明)|"
    r"(一边|一侧|半边)(胳膊|手|腿|身子|脸)"
    + _
    + r"{0,3}(没劲|没力气|无力|发麻|麻)|剧烈头痛|最痛的头痛|视物(重影|模糊)|"
    r"喘不(上|过)气|呼吸(困难|急促|不过来)|不能呼吸|憋(紫|得)|(嘴唇|脸)(都)?(发紫|发青|憋紫)|"
    r"噎住|窒息|卡住(了)?(喉咙|嗓子)|昏迷|晕倒|昏倒|晕过去|叫不醒|(喊|叫)(都)?没(有)?反应|"
    r"不省人事|意识不清|倒地|眼前发黑|站不住|"
    r"大出血|血(流|止)不住|(血流|流血|出血)不止|(一直|不停地?)(流|出)血|止不住|"
    r"(摔|撞|磕)"
    + _
    + r"{0,8}头"
    + _
    + r"{0,10}(流血|迷糊|昏|吐|叫不醒)|高烧"
    + _
    + r"{0,4}抽|流(了)?(很多|好多)血|血一直|喷血|往外喷|"
    r"(服药|药物|吃药|用药)过量|过量服|吃(多|过量)了药|吃了(一|整|很多|好多|一大)(整)?(瓶|盒|板|把)|"
    r"(一|整|半|大半)(整)?(瓶|盒|板|把)" + _ + r"{0,8}(药|片|胶囊)" + _ + r"{0,6}(吃|喝|吞|服)|"
    r"(喝|吞)了(一|整)?(整)?(瓶|盒)|吞了" + _ + r"{0,6}(药|片|电池|磁铁)|"
    r"误(服|喝|食|吃)|中毒|农药|(喝|吃)了" + _ + r"{0,6}(农药|消毒|漂白|洗洁精|老鼠药)|"
    # the object first: "把84消毒液喝了一口", "纽扣电池吞下去了"
    r"(农药|消毒(液|水|剂)|漂白(剂|水)|洗洁精|洁厕(灵|剂)|老鼠药|杀虫剂|清洁剂|干燥剂|电池|磁铁)"
    + _
    + r"{0,6}(喝|吃|吞|咽)(了|下)|"
    r"(吃|吞|服)了?" + _ + r"{0,4}([1-9]\d|十几|几十|二十|三十|四十|五十)(多)?(片|粒|颗)|"
    r"过敏性休克|(喉咙|嗓子)(发紧|肿|紧)|(脸|嘴唇|舌头)(都)?(肿|发肿)|"
    r"抽搐|抽风|口吐白沫|癫痫发作|(从|在)"
    + _
    + r"{0,6}(楼|阳台|窗|屋顶)"
    + _
    + r"{0,4}(摔|掉|坠)(下|了)|坠楼|(大面积|严重)(烫伤|烧伤)|"
    # heat stroke, low blood sugar, a dried-out baby, asthma the inhaler does not stop
    r"中暑|一氧化碳|(炭火|炭盆|煤炉|燃气|煤气|热水器|取暖器)"
    + _
    + r"{0,40}(头晕|头痛|恶心|晕倒|犯困)|"
    r"(叫|喊)(她|他|人|了)?(也|都)?(不太|不怎么)?(答应|应声|回应)|(嘴唇|脸)" + _ + r"{0,4}"
    r"(发紫|发青|紫了)|说话颠三倒四|胡言乱语|神志不清|意识模糊|"
    r"(糖尿病|胰岛素|血糖)" + _ + r"{0,30}(满头大汗|出冷汗|冒冷汗|迷糊|叫不醒)|"
    r"(宝宝|婴儿|孩子|小孩|个月)" + _ + r"{0,40}(软绵绵|蔫了|精神萎靡|哭(都)?没(有)?眼泪|"
    r"(尿不湿|尿布)" + _ + r"{0,6}干)|"
    r"(哮喘|喘)" + _ + r"{0,20}(喷|吸)" + _ + r"{0,10}(不管用|没用|不见效)|"
    # vomiting or coughing blood: "吐了好多血", "呕血", "咳了很多血"; "吐过血" is the past, and
    # "气得吐血" or "吐血推荐" are idioms, so plain "吐血" needs a present form beside it
    r"(吐|呕|咳|咯)(了|出)(很多|好多|一大口|大口|一口|一滩|一地|满地|不少|一些|点|些)?(的)?血|"
    r"(大口|一口一口|不停地?|一直|突然|正在|还在)(地)?(吐|呕|咳|咯)血|(吐|呕|咳|咯)血(了|不止)|"
    r"呕血|咳血|咯血|"
    # speech lost or slurred all of a sudden: "突然说不出话", "讲不出话"; "感动得说不出话" and
    # "气到说不出话来" are feelings
    r"(?<![得到])(说|讲)不(出|了)话|(突然|忽然|一下子)(就)?(不会|不能|没法|讲不了|说不了)(说话|讲话|"
    r"讲嘢)|(讲嘢|讲话|说话)" + _ + r"{0,3}(唔清|含糊|大舌头|不清)|"
    # heavy bleeding: "还在流血", "出了好多血", "纱布都湿透了"
    r"(还在|一直在|不停地?在?|止不住地?)(流|出|冒|渗)血|(出|流|冒|渗)(了)?(很多|好多|一大摊|一滩|一地|"
    r"满地|大量|不少|一大堆)的?血|(纱布|毛巾|衣服|床单|裤子)" + _ + r"{0,6}(湿透|染红|全是血)|"
    # severe abdominal pain, and pain or bleeding in pregnancy
    r"(疼|痛)得(在地上|满床|满地)?(打滚|直不起腰|满头大汗)|"
    r"(怀孕|孕妇|孕期|身孕|怀着|孕\d+周|孕早期|孕晚期|怀了)" + _ + r"{0,30}"
    r"(剧痛|痛得|疼得|(痛|疼)得?(厉害|受不了)|流血|出血|见红)|"
    # Cantonese: "心口好翳" (chest tight), "唞唔到气" / "透唔到气" (cannot breathe), "晕低咗"
    # (fainted), "叫极都冇反应" (no response), "出晒冷汗"
    r"(心口|胸口|个心)" + _ + r"{0,3}翳|(唞|抖|透|吸)(唔|不)(到|切|顺|过)(气|氣)|(晕|暈)低|"
    r"(叫|喊|拍|摇|搖|点叫|點叫)" + _ + r"{0,4}(都|極都|极都)?(冇|没有?|無|无)(晒)?(反应|反應)|"
    r"(叫|喊)(极|極)?(都)?唔(醒|应|應)"
)

# Fire, smoke, explosions, gas leaks and people trapped: a danger to life now, though no one
# is hurt yet ("the car is on fire on the expressway"). Each needs the thing happening, not its
# word alone: "fire extinguisher", "the price is fire", "you're fired", "fire sale", "着火险"
# (fire insurance), "gas station", "gas bill", "冒烟测试" (a smoke test) and "原地爆炸" stay
# ordinary; the emergency number comes first for the rest (docs/safety.md).
_HAZARD = (
    r"\b(is|are|'s|was|were|got|now|just|has|have|been|went|it'?s|all|still|completely|totally)"
    r"\s+(\w+\s+)?(on fire|in flames|ablaze|alight)\b(?!\s*(sales?|deals?|prices?|discounts?|"
    r"offers?)\b)|\b(caught|catching|burst into|bursting into|went up in|going up in) (on )?"
    r"(fire|flames)\b|"
    r"\b(car|vehicle|engine|bonnet|hood|truck|van|bus|taxi|building|house|flat|apartment|room|"
    r"kitchen|office|hotel|garage|battery|charger|power ?bank|e-?bike|scooter|curtains?|bed|sofa|"
    r"dashboard|exhaust)\b" + _ + r"{0,30}\b(burning|smoking|smouldering|smoldering|on fire|"
    r"in flames)\b(?!\s*(hot|smell|sensation|feeling|sales?|deals?|prices?|discounts?|offers?)\b)|"
    r"\b(smoke|flames?)\b" + _ + r"{0,20}\b(coming|pouring|billowing|rising|everywhere|spreading|"
    r"filling|under the door|out of the|from the (engine|bonnet|hood|car|dashboard|exhaust|"
    r"battery|charger|kitchen|room|building|flat|apartment|house))\b|"
    # a fire said to be happening now, whatever the customer asks next ("there's a fire in my
    # flat right now, does home insurance cover it?"); "if there's a fire" and "a fire last
    # year" are not
    r"(?<!if )(?<!when )(?<!case )(?<!suppose )\bthere('?s| is) (a |an )?(big |huge |small )?"
    r"fire\b(?=" + _ + r"{0,40}\b(right now|now|at the moment|as we speak|spreading|"
    r"downstairs|upstairs|next door)\b)|"
    r"(?<!if there's )(?<!if there is )\b(a|the) fire\b(?! (damage|insurance|cover|claim|alarm|"
    r"door|exit|drill|extinguisher|safety|risk))"
    + _
    + r"{0,30}\b(right now|at the moment|as we speak)\b|"
    r"\b(a |the )?fire (has |just )?(broken|broke|started) out\b|"
    r"\b(thick|black|heavy|lots of|so much|full of|filled with|filling (up )?with) smoke\b|"
    r"\b(an|a loud|a big|a huge|the) (explosion|blast)\b|\b(battery|tank|gas|cylinder|boiler|"
    r"engine|car|charger|power ?bank|phone|heater|stove|pipe)s?\b" + _ + r"{0,20}\b(exploded|"
    r"blew up)\b|"
    r"\b(trapped|pinned)\b(?! (in|by|with) (a |the |this |my |our )?(contract|subscription|"
    r"plan|loop|job|cycle|relationship))|\blocked in (the|a|my) (hot )?car\b|"
    r"\b(smell(s|ing|ed)?|smelt|stink(s|ing)?|reek(s|ing)?)\b" + _ + r"{0,12}\bgas\b|"
    r"\bgas (smell|leak|odou?r|is leaking|leaking)|\bleak(ing|ed)? gas\b|rotten[- ]eggs?\b"
    + _
    + r"{0,20}\bsmell|\bsmell"
    + _
    + r"{0,12}rotten[- ]eggs?|\bhiss\w*\b"
    + _
    + r"{0,30}\bgas\b|"
    r"\bgas\b" + _ + r"{0,30}\bhiss|"
    r"\b(co|carbon monoxide|gas|smoke|fire) (alarm|detector)s?\b" + _ + r"{0,12}\b(going off|"
    r"went off|goes off|beeping|sounding|ringing|keeps (going|beeping))|"
    # Chinese: 着火险 is fire insurance, 冒烟测试 a smoke test, 嗓子冒烟 thirst
    r"(着火|起火|失火)(?!险|保险)|烧起来|(?<!嗓子)(?<!喉咙)冒(黑|白|浓)?烟(?!测试)|浓烟|黑烟|"
    r"烟(很|好|越来越|特别|太)大|全是烟|(满|一)(屋|屋子|车|楼道)(都是|全是)?烟|"
    r"火(窜|蔓延|烧到|越烧越)|(电池|充电宝|锅炉|煤气罐|气罐|燃气|热水器|发动机|油箱|手机|"
    r"电动车)" + _ + r"{0,4}(爆炸|炸了)|(发生|传来|听到)(了)?(一声|一阵)?(巨响|爆炸)|"
    r"被困|(困|卡|夹|关|锁)在" + _ + r"{0,6}(里|内|中)" + _ + r"{0,4}出不来|"
    r"(煤气|燃气|天然气|液化气)" + _ + r"{0,4}(味|泄漏|泄露|漏了|漏气)|漏(煤|燃|天然|液化)?气|"
    r"臭鸡蛋味|(燃气|煤气|一氧化碳|烟雾|烟感)报警器" + _ + r"{0,4}(一直)?(响|叫|报警)|"
    # Electrical: sparks or burning from a socket, a wire or a meter, a live wire, a shock.
    # "spark plug", "sparkling water" and "no spark between us" stay ordinary.
    r"\bspark(s|ing|ed)?\b(?! plugs?)" + _ + r"{0,30}\b(socket|plug|outlet|switch|wire|wiring|"
    r"cable|meter|fuse ?box|fuse board|consumer unit|appliance|charger|lead|extension)s?\b|"
    r"\b(socket|plug|outlet|switch|wire|wiring|cable|meter|fuse ?box|consumer unit|charger|"
    r"extension)s?\b" + _ + r"{0,20}\b(sparking|sparked|spitting sparks|melting|melted|"
    r"buzzing and (hot|smoking)|burning hot)\b|\blive (electric(al)? )?wires?\b|"
    r"\b(exposed|bare|fallen|down(ed)?) (power |electric(al)? )?(wire|cable|line)s?\b|"
    r"\b(got|getting|been|was|were|just) (an? )?(electric(al)? shock|electrocuted)|electrocut|"
    r"(插座|插头|电线|电表|电闸|开关|配电箱|充电器)"
    + _
    + r"{0,6}(冒火花|打火|冒火|烧焦|烧化|融化|起火)|"
    r"\b(water|flood\w*|leak\w*)\b" + _ + r"{0,40}\b(socket|plug|outlet|fuse ?box|fuse board|"
    r"consumer unit|electrics|wiring|meter)s?\b" + _ + r"{0,30}\b(spark\w*|smok\w*|buzz\w*|"
    r"live)\b|"
    r"(水|雨水)"
    + _
    + r"{0,4}(漫|灌|流|渗|淹|进)(进|到|了)?"
    + _
    + r"{0,2}(电箱|配电箱|电表箱|电闸|插座)|"
    r"(电箱|配电箱|电表箱|插座)" + _ + r"{0,2}(进水|泡水|被淹)|"
    r"(冒|打)火花|(?<![碰接像如])触电(?!焊|般|一样|似的|的感觉)|电线(掉|断)(在|了)|"
    # A fire where the customer is (an airline's tester: "there's a fire in the terminal near
    # gate 20" got "I'm not sure"); not "if there's a fire", "a fire drill in the office" or
    # "what to do in case of fire in the cabin".
    r"(?<!if )(?<!when )(?<!case )(?<!suppose )\bthere('?s| is) (a |an )?(big |huge |small )?"
    r"fire\b(?! (drill|alarm|exit|door|sale|extinguisher|safety|risk|hazard|insurance|"
    r"blanket|escape|evacuation|station|department|service|code|rating|brigade)s?\b)"
    + _
    + r"{0,6}\b(in|at|on|near|inside|outside|behind|beside|by|under|coming|down|across|"
    r"in front)\b|^\W*fire\W*(fire\W*)?$|\bfire\W*!|"
    r"\b(i|we) (can )?(smell|see) (smoke|burning|flames)\b|\bsomething('?s| is) (on fire|"
    r"burning)\b|\b(bomb threat|there('?s| is) a bomb|(has|have|got|planted|left) a bomb|"
    r"suspicious (package|device))\b|"
    r"(?<!防)(?<!如果)(?<!万一)(?<!假如)(?<!一旦)(?<!要是)(发生|有|起)(了)?火灾(?!险|保险|保障|责任|报警|预防|隐患)|有(个)?炸弹|炸弹威胁|"
    r"可疑(包裹|物品|爆炸物)"
)

# Violence in progress: a weapon held or used against people, an attack going on ("a man at the
# gate has a knife and is threatening passengers", "someone is threatening me with a knife",
# "有人拿刀威胁我"). The police first (`kefu.dialogue.abroad`). Kitchen knives, a "knife set",
# "killing it" and a photo "shooting" stay ordinary.
_WEAPON = r"(knife|knives|gun|guns|pistol|rifle|firearm|machete|axe|weapon|broken bottle)"
_VIOLENCE = (
    r"\b(he|she|they|someone|somebody|some guy|a (man|woman|guy|person|passenger|customer|"
    r"stranger|lady|kid|boy|teen\w*|group)|the (man|woman|guy|person|passenger|customer|"
    r"stranger)|(this|that) (man|woman|guy|person|passenger))\b"
    + _
    + r"{0,40}\b(has|had|have|got|with|holding|waving|pulled( out)?|pulls( out)?|brandishing|"
    r"carrying|wielding|pointing|swinging|came at (me|us) with) (a |an |his |her |their )?"
    + _WEAPON
    + r"\b(?! (set|block|sharpener|rack|drawer|holder|shop|store|delivery|order|licen[cs]e|"
    r"permit|collection|case|safe|show)s?\b)|"
    r"\b(threaten(s|ed|ing)?|attack(s|ed|ing)?|chas(es|ed|ing)|stab(s|bed|bing)?|"
    r"shoot(s|ing)?|shot) (me|us|people|passengers|staff|everyone|someone|customers|children|"
    r"kids|my \w+|a (woman|man|child|passenger|guard|kid))\b"
    + _
    + r"{0,20}\bwith (a |an |his |her )?"
    + _WEAPON
    + r"|\b(is|are|'s|'re|keeps|started|now) (threatening|attacking|assaulting|stabbing|"
    r"shooting( at)?|punching|beating( up)?|hitting|strangling|choking|kicking) (me|us|people|"
    r"passengers|staff|everyone|other passengers|customers|a (woman|man|child|passenger|guard|"
    r"kid|girl|boy)|my \w+)\b|\b(being|been|getting|got|just got) (attacked|assaulted|stabbed|"
    r"shot|beaten up)\b(?!" + _ + r"{0,30}\b(yesterday|last (night|week|month|year)|ago|before)\b)|"
    r"\b(active shooter|shots (being )?fired|gunshots|gunman|gun ?fire)\b|"
    r"(有人|有个人|有一个人|一个(男|女)的|一(个|名)(男|女)?(子|人|乘客|旅客)|那(个)?(人|男的|女的)|歹徒|"
    r"男子|陌生人|乘客|旅客|他|她)"
    + _
    + r"{0,8}(拿|持|举|挥|掏出|亮出|拿出|带)(着)?(刀|枪|斧头|砍刀|匕首|凶器|棍子|棒子|菜刀|水果刀)"
    + _
    + r"{0,10}(威胁|砍|捅|刺|追|伤人|行凶|乱|冲|打|杀|抢|逼|劫)|"
    r"持(刀|枪|械)(伤人|行凶|抢劫|威胁)|(有人|歹徒)(在)?(砍人|捅人|杀人|开枪|行凶|打人)|枪击|"
    r"(在|正在)(打|砍|捅)(人|我|我们|乘客)(?!电话|手机|的电话|的手机|号码|的号码)"
)

# Suicide and self-harm: always about a person, whatever else the message mentions ("after my
# cat died I don't want to live"), so `kefu.guard.animals` never reads them as a pet's.
_NOT_THEIRS = (
    "".join(
        f"(?<!{who}{will} )"
        for who in ("he", "she", "they")
        for will in ("'d", "'ll", "’d", "’ll", " will", " would")
    )
    + "(?<!threatened to )(?<!threatening to )(?<!threatens to )(?<!threaten to )"
)
_SELF_HARM = (
    # suicide and self-harm
    # ("kill me" not when someone else will: "he'll kill me", "threatened to kill me" is a
    # threat, `kefu.guard.emergency_threatened`'s, with the police and no crisis line)
    r"suicid|kill myself|" + _NOT_THEIRS + r"kill me|end(ing)? (my|his|her|it) (own )?(life|all)|"
    r"end(ing)? it all|"
    r"take my (own )?life|jump(ing)? (off|from) (the|a|my)|can'?t (go on|take (it|this) "
    r"any ?more|do this any ?more)|(pills|rope|gun) (are |is )?ready|"
    r"(don'?t|do not) want to (live|be alive|be here|exist|wake up)|want to die|"
    r"wish i (was|were) dead|better off (dead|without me)|(life|living) (is|feels|seems) "
    r"(so |just |completely |totally |really )?(pointless|meaningless|not worth)|"
    r"(tired|sick) of (living|being alive)|no (reason|point) (to|in) (live|"
    r"living|going on|carry)|(point in|reason for) (going on|living)|self[- ]?harm|"
    r"(cut|cutting|hurt|hurting|harm|harming) myself|saving (up )?(my )?pills|"
    r"(goodbye|suicide) (note|letter)|tonight is the night|"
    # the warning signs people give without naming it: giving things away, "won't need any of
    # this after Friday", being a burden. Each must read as one on its own: rehoming a pet or
    # "I won't be here after 5pm" are ordinary support messages.
    r"(give|gave|given|giving) (away (all|most|much) of my (things|stuff|possessions|belongings)"
    r"|(all|most|much) of my (things|stuff|possessions|belongings) away)|"
    r"won'?t (be )?need(ing)? (any of (this|it|them)|anything)"
    + _
    + r"{0,20}\b(after|past|beyond) (this|that|next|tonight|tomorrow|today|\w+day)\b|"
    r"won'?t be (around|here) (much longer|for (much )?longer)|"
    r"(easier|better) for (everyone|everybody|them|my family|my kids|all of them) if i ("
    r"was|were|wasn'?t|weren'?t|died|disappeared|didn'?t exist|(just|finally) (ended|went|"
    r"disappeared|died|was gone|were gone|wasn'?t here))\b|"
    r"(don'?t|do not|can'?t|cannot) see (the|any) point (any ?more|in (anything|living|life|"
    r"going on|it all|carrying on))|\b(if|when|once|before) i (just|finally) (end|ended) it\b"
    r"(?! (with|for|at|on|after|early))|"
    # slang and euphemisms: "wanna kms", "unalive myself"; "kms" alone is also kilometres
    r"\b(wanna|want to|gonna|going to|gunna|about to|finna|might|could|should|just|literally|"
    r"i'?ll|i will|i'?m gonna|im gonna|i'?m going to|i wanna|make me|i could)\W+kms\b|"
    r"^\W*kms\W*$|(?<![\d.,]\s)(?<!\d)\bkms\W+(tbh|fr|lol|lmao|rn|now|tonight|honestly|"
    r"ngl|istg)\b|\bunalive\b|(not|isn'?t|no longer) worth living|"
    r"自杀|轻生|不想(再)?活|活不下去|不如死了|想死|结束(自己的)?(生命|这一切)|跳楼|"
    # "活着真没意思", "活着一点意义都没有": an intensifier between the words is the common form;
    # "结束一切" only where the clause ends, so "结束一切合作" stays ordinary
    r"活着" + _ + r"{0,6}(没(有)?(什么)?(意思|意义|盼头|希望)|有什么(意思|意义)|(意思|意义)都没有|"
    r"太累|好累|真累|很累|痛苦)|活(够|腻)了|结束一切(?=$|[，。！？,.!?…~\s]|吧|了)|"
    r"(想|要)离开这个世界|不想(再)?醒(过)?来|"
    r"割腕|自残|伤害自己|遗书|一了百了|(交代|准备)(好)?(了)?后事|我的后事|"
    r"没(有)?什么(放不下|牵挂|留恋|可留恋)的?了|"
    r"(从|在)" + _ + r"{0,6}(楼|楼顶|天台|桥|窗)" + _ + r"{0,3}跳下|"
    r"了断|遗言|(想|要|去)紫砂(?!壶|锅|杯)|"
    # said without 死 or 自杀: leaving this world, "going early" beside a reason for it, pills
    # saved up for tonight, never waking up, wanting release
    r"离开(这个|这)(世界|人世)|离开人世|告别(这个)?世界|"
    r"(活不久|活不长|活着|没意思|拖累|连累|累赘|负担|没用|撑不下去|熬不下去|不想撑)" + _ + r"{0,20}"
    r"(早点|早些|早日|干脆|还是)(走|解脱|离开)|(早点|早些|早日|干脆)(走|离开)(了|吧)?"
    + _
    + r"{0,12}(拖累|连累|累赘|负担)|"
    r"(攒|囤|存|藏)" + _ + r"{0,8}(药|安眠药|药片|药丸)" + _ + r"{0,20}(准备好|今晚|今天晚上|今夜|"
    r"一次(性)?(吃|吞)|全部(吃|吞)|一口气|一起(吃|吞)|吃掉|吞掉)|药(都|已经)?(攒|囤)(够|好|齐)|"
    r"(不要|别|不用|永远不|再也不)(再)?醒(过)?来|睡(过去|着)(了)?(就)?(再也)?(不|别)(要)?(再)?醒|"
    r"(想|希望|但愿|只求)" + _ + r"{0,4}一睡不醒|"
    r"(只想|好想|想要|想|渴望|求)(早点|早日|彻底)?解脱(?!出来)"
)
# A threat of violence against the customer or their family is `kefu.guard.emergency_threatened`'s
# (read through `person_danger`, so that it goes to the police first).
# with the intent said in other words (`kefu.guard.suicide_signs`): a crisis reply, never a pet's
SELF_HARM = Alternation(_SELF_HARM + "|" + INTENT_PATTERN)
EMERGENCY = Alternation(_BODY + "|" + _HAZARD + "|" + _SELF_HARM + "|" + _VIOLENCE)
# A road accident: an emergency unless the message says nobody is hurt (`no_one_hurt`, below).
ACCIDENT = re.compile(r"hit by a (car|truck|bus)|(car|motorbike|bike) (crash|accident)|被车撞|车祸")

# An accident or mishap told with no one hurt ("small accident, nobody hurt, just a scratched
# bumper", "刮蹭了一下，没人受伤，要报警吗"): a question about what to do next, not an emergency.
# The learned head reads "accident" and "police" as one and sent such turns to the front of the
# agents' queue; this vetoes the head's verdict and the accident rule (`ACCIDENT`), never another
# rule, so an injury, a fire or a person trapped named in the same message still gets the
# emergency reply (docs/safety.md).
_NO_ONE_HURT = re.compile(
    r"\b(no ?one|nobody|no body|none of us|neither of us|no one else|nobody else)\b('s| is| was| "
    r"got| were| are)? (\w+ )?(hurt|injured|harmed)\b|\b(everyone|everybody|we|we're|we are|i'?m|"
    r"i am|all of us)\b('s| is| are| were)? (\w+ )?(ok(ay)?|fine|unhurt|uninjured|not hurt|safe)\b"
    r"|\bno (one|body) (got )?hurt|\bno injur(y|ies)\b|\b(just|only) (a |some )?(scratch|scratches|"
    r"dent|dents|scrape|scuff|bump|ding)\w*|\b(minor|small|little|tiny|slight) (accident|"
    r"collision|bump|scrape|scratch|dent|prang|knock)\b|\bfender[- ]bender\b|"
    r"(没|没有|无)(人|任何人)(受伤|伤着|伤到)|(人|大家|我们|所有人)(都|也|倒是)?(没事|没受伤|没伤着|平安|安全)|"
    r"(都|也)?没(受伤|伤着|伤到)|(他|她|我|人家|骑手|小哥)(自己)?(说|讲)(他|她|自己)?(没事|没受伤)|(轻微|小)(车祸|事故|剐蹭|刮蹭|碰撞|擦碰)|(刮|剐)(蹭|擦)|只是"
    r"(擦|刮|蹭)(了)?(一下|破)?(漆|皮)?",
    re.IGNORECASE,
)


def no_one_hurt(texts: list[str]) -> bool:
    """Does a message (any of its views) say that nobody is hurt, or that the mishap is minor?"""
    return any(_NO_ONE_HURT.search(t) for t in texts)


def is_emergency(texts: list[str], *, people: bool = True) -> bool:
    """The rules' verdict on a message's views: an emergency named, or an accident with no word
    that nobody is hurt (an injury named beside it is caught by the body rules anyway).
    Mentions that are not an emergency now ("胸痛中心", "去年中风", "no chest pain") are read
    as blanks (`kefu.guard.emergency_context`). ``people=False``: without another person
    endangering the customer (`kefu.guard.emergency_person`), for a staff member's reported
    harm that is not going on now (`kefu.guard.misconduct`)."""
    texts = [not_now(t) for t in texts]
    if any(
        EMERGENCY.search(t)
        or indirect_emergency(t)
        or bystander_crisis(t)
        or (people and person_danger(t))
        or home_danger(t)
        or maternal_emergency(t)
        or infant_danger(t)
        or harm_to_baby(t)
        or malay_emergency(t)
        for t in texts
    ):
        return True
    return any(ACCIDENT.search(t) for t in texts) and not no_one_hurt(texts)
