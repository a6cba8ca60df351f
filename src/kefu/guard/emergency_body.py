"""The body's emergencies for `kefu.guard.emergency`, as one pattern of alternatives: heart,
stroke, breathing and consciousness, bleeding and injuries, overdose and poisoning, severe
allergy, seizure, in English and Chinese (Cantonese included).

A table of phrasings kept apart from the code that reads it; each branch carries its own
reason where one is needed. `kefu.guard.emergency` joins it with the hazards, violence and
self-harm into EMERGENCY, searched branch by branch (`kefu.guard._regex.Alternation`).
"""

from __future__ import annotations

from kefu.guard._regex import IN_SENTENCE as _

BODY = (
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
