"""Pets: an emergency, a medicine or a health question about an animal needs a vet.

A vet clinic's customers write "my dog ate chocolate" or "狗狗误食了老鼠药". The human
emergency reply (911, 120: ambulances for people) sends them the wrong way, and the common
poisonings of pets (chocolate, grapes, xylitol, lilies) and a blocked cat mean nothing to the
human rules, so they were declined as unknown. Here:

- `PET_EMERGENCY`: what is an emergency for a pet and not for a person: the common poisonings,
  a cat that cannot pass urine, a swollen belly with retching (bloat);
- `for_a_pet`: a message whose patient is an animal, so the emergency, dose and diagnosis
  replies speak of a vet. A person named beside the animal ("my dog bit my son, he's bleeding
  heavily") and suicidal words ("since my cat died I don't want to live") keep the human reply:
  a person comes first.

Rules, like the rest of `kefu.guard`; the tests hold ordinary pet questions ("can dogs eat
grapes?", "狗能吃葡萄吗") and human emergencies that mention a pet on the other side.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard.emergency import SELF_HARM

# Owners name the breed ("my labrador ate a box of chocolates").
_BREEDS = (
    r"labradors?|labs?|retrievers?|spaniels?|terriers?|poodles?|beagles?|collies?|huskies|husky|"
    r"german shepherds?|bulldogs?|pugs?|chihuahuas?|dachshunds?|corgis?|greyhounds?|whippets?|"
    r"schnauzers?|rottweilers?|dobermanns?|dobermans?|shih tzus?|pomeranians?|huskys|cockapoos?|"
    r"labradoodles?|cavapoos?|siamese|maine coons?|ragdolls?|persian cats?"
)
# Snakes, birds and fish stay out: "bitten by a snake" and "a fish bone in my throat" are a
# person's emergencies. "PET scan" is imaging for people.
ANIMAL = re.compile(
    r"\b(dogs?|doggy|doggie|doggo|pupp(y|ies)|pups?|cats?|kitt(en|ens|y|ies)|kitty|pets?(?! scan)|"
    r"rabbits?|bunn(y|ies)|hamsters?|guinea pigs?|ferrets?|parrots?|budgies?|tortoises?|horses?|"
    r"pon(y|ies)|(his|her|its) (paw|paws|fur|litter)|" + _BREEDS + r")\b|"
    r"狗|猫|宠物|兔|仓鼠|鹦鹉|乌龟|豚鼠|汪星人|喵星人|毛孩子|金毛|拉布拉多|泰迪|柯基|哈士奇|柴犬|比熊|"
    r"博美|边牧|英短|美短|布偶",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"\b(my|our|his|her|their|a|the|this) (little |baby |young |old |elderly )?(son|daughter|"
    r"child|children|kids?|baby|toddler|infant|boy|girl|husband|wife|partner|mum|mom|mother|"
    r"dad|father|parents?|grand(ma|mother|pa|father|son|daughter|child)|brother|sister|friend|"
    r"boyfriend|girlfriend|colleague|coworker|neighbou?r|man|woman|person|roommate|flatmate)\b|"
    r"\b(i|i'?m|im|i am|i'?ve|ive|i have|i got|we|we'?re|we are|we'?ve|we have|we all)\W+"
    r"(\w+\W+){0,2}(can'?t breathe|cannot breathe|chest|heart|breath\w*|bleed\w*|pain|stroke|"
    r"seiz\w*|overdos\w*|took|taken|swallowed|collapsed|fainted|passed out|having|feel\w*|"
    r"dizzy|numb|nause\w*|headaches?|vomit\w*|sick)\b|"
    r"\b(whole|my|our|the) family\b|\b(everyone|everybody) (is|has|feels|got)\b|"
    # bitten or attacked by the animal: the person is hurt
    r"\b(bitten|bit me|bit us|attacked me|attacked us|scratched me|mauled)\b|"
    # "my dog bit my hand and it won't stop bleeding": the bleeding is the customer's
    r"\b(bit|bites|attacked|scratched|savaged|went for) (my|his|her|our|their) (hand|arm|leg|"
    r"finger|thumb|face|foot|ankle|wrist|calf|thigh|neck|nose|lip|ear|cheek)s?\b|"
    r"被" + _ + r"{0,4}(狗|猫|宠物)" + _ + r"{0,3}(咬|抓|挠|扑|撞)|"
    r"\bmy (chest|heart|throat|face|arm|leg|head|breathing|lips|tongue|vision)\b|"
    r"\b(me|myself)\b|"
    # "my 3 year old", not "my 3 year old dog"
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ](year|yr|month)s?[- ]old\b"
    r"(?!\W+(\w+\W+)?(dog|cat|pupp|kitt|pet|rabbit|bunny|hamster|horse|pony|lab))|"
    r"孩子|儿子|女儿|(?<![狗猫兔])宝宝|婴儿|小孩|老公|老婆|丈夫|妻子|爸|(?<![猫狗])妈|爷爷|奶奶|外公|外婆|"
    r"老人|朋友|同事|邻居|我(胸|心|头|呼吸|喘|流血|吃了|吞了|喝了|晕)",
    re.IGNORECASE,
)
_SWALLOWED = r"(ate|eaten|swallowed|chewed|licked|drank|scoffed|gobbled|got into|has had|had some)"
_TOXIC = (
    r"(choc\w*|cocoa|brownies?|grapes?|raisins?|sultanas?|currants?|xylitol|"
    r"sugar[- ]free|chewing gum|gum|onions?|garlic|lil(y|ies)|ibuprofen|paracetamol|"
    r"acetaminophen|tylenol|advil|aspirin|naproxen|pills?|tablets?|medicine|meds|rat (poison|"
    r"bait)|rodenticide|slug pellets?|antifreeze|bleach|weed ?killer|pesticide|poison\w*|"
    r"batter(y|ies)|cannabis|weed|edibles?|macadamias?|a sock|socks|corn ?cob|string|needle)"
)
PET_EMERGENCY = re.compile(
    r"\b" + _SWALLOWED + r"\b" + _ + r"{0,40}\b" + _TOXIC + r"\b|"
    # a blocked bladder (cats) kills within days; straining with nothing coming out is the sign
    r"\b(can'?t|cannot|unable to|isn'?t|hasn'?t|has not|not|won'?t|couldn'?t)\W+"
    r"(\w+\W+)?(pee|peed|peeing|wee|urinat\w*)\b|straining" + _ + r"{0,30}(pee|wee|urinat|"
    r"litter)|nothing (comes|came|is coming) out|"
    # bloat (a twisted stomach) in dogs: a swollen belly and retching with nothing coming up
    r"(belly|stomach|tummy|abdomen)\W+(\w+\W+){0,3}(swollen|bloated|distended|hard|huge)"
    + _
    + r"{0,60}(retch|gag|heav|trying to (vomit|throw up|be sick))|retching|dry heav\w*|"
    r"pale gums|(blue|white|grey) gums|struggling to give birth|"
    # a rabbit's gut stops within a day ("hasn't eaten or pooped since yesterday")
    r"(hasn'?t|has not|not|stopped) (been )?(eat\w*|eaten)\W+(\w+\W+){0,2}(poo\w*|pooped)|"
    r"(不吃|没吃)" + _ + r"{0,8}(不拉|没拉|没有便便|不排便)|"
    # Chinese: 误食/偷吃 or a finished act (吃了, 把…吃了), not "能吃葡萄吗"
    r"(误食|偷吃|吃了|吃掉|吃下|吞了|吞下|舔了|喝了|咬了|叼了)"
    + _
    + r"{0,12}(巧克力|葡萄|提子|木糖醇|口香糖|洋葱|大蒜|百合|布洛芬|对乙酰氨基酚|扑热息痛|药|"
    r"老鼠药|鼠药|杀虫剂|防冻液|消毒|漂白|电池|袜子|绳|针)|"
    r"(巧克力|葡萄|提子|木糖醇|口香糖|洋葱|百合|布洛芬|药|老鼠药|鼠药|杀虫剂|防冻液|电池|袜子)"
    + _
    + r"{0,6}(吃|吞|舔|喝|咬)(了|掉|下)|"
    r"尿不(出|下)|没(有)?(尿|撒尿|排尿)|不(尿|排尿)了|(猫砂盆|砂盆)" + _ + r"{0,6}蹲|"
    r"(蹲|守)" + _ + r"{0,6}(猫砂盆|砂盆)" + _ + r"{0,12}(没|不|出不来)|"
    r"(肚子|腹部)" + _ + r"{0,6}(胀|鼓)" + _ + r"{0,12}(干呕|吐不出)|干呕|"
    r"牙龈(发白|苍白|发紫)|难产",
    re.IGNORECASE,
)


def mentions_animal(texts: list[str]) -> bool:
    return any(ANIMAL.search(t) for t in texts)


def for_a_pet(texts: list[str]) -> bool:
    """Is the patient in a message (its views) an animal, with no person beside it?"""
    if not mentions_animal(texts):
        return False
    return not any(SELF_HARM.search(t) or _PERSON.search(t) for t in texts)


def pet_emergency(texts: list[str]) -> bool:
    """An emergency for a pet that the human rules do not name ("my dog ate grapes")."""
    return for_a_pet(texts) and any(PET_EMERGENCY.search(t) for t in texts)
