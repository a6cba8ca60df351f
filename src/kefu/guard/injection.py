"""Prompt injection in a message or a document: changing the assistant's rules or reading its
instructions (`kefu.guard.safety` triages messages with it; `kefu.guard.documents` checks the
knowledge base). The patterns describe the kind of request, not the wording of known attacks.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE, Alternation
from kefu.guard.views import any_view, decoded_payloads, views
from kefu.text.normalize import normalize

_ = IN_SENTENCE

_INJECTION = Alternation(
    r"(ignore|disregard|forget|override|bypass|ditch|drop)\W+((all|any|every|the|your|ur|my|"
    r"these|those|previous|prior|above|earlier|preceding|original|initial|system|other|"
    r"current|existing|safety|of|you|were|given|told)\W+){0,4}(instructions?|rules|"
    r"directions|guidelines|prompts?|polic(y|ies)|constraints|programming|restrictions|"
    r"guardrails|directives|settings|persona|character|role|identity)|(ignore|disregard|forget)\W+(everything|anything|all)\b|"
    r"(system|initial|original|hidden|secret|internal|developer|pre-?prompt|starting)\W*"
    r"(prompts?|directives)|(hidden|secret|internal|initial|system) (instructions|rules)|"
    r"(print|show|reveal|repeat|quote|recite|output|tell me|display|dump|paste|leak|share|"
    r"summari[sz]e|list|write out|spell out)\W+(\w+\W+){0,4}your\W+(\w+\W+){0,2}"
    r"(instructions|rules|prompt|guidelines|directives)|"
    r"what (were|was) you (told|given|instructed)|what are your (\w+ )?instructions\b(?! for)|"
    r"(show|print|reveal|repeat|display|dump|leak|give|send|tell)\W+(me\W+)?(the|ur|your|ya)\W+"
    r"(\w+\W+)?(prompt|system message|guidelines)|"
    r"(your|ur) (system|hidden|internal|initial|original|secret|developer) (message|notes|"
    r"instructions|prompt|rules|configuration)|developer (notes|message|instructions)|"
    r"(rules|instructions|guidelines) (that )?you (follow|were given|obey|operate under)|"
    r"(word for word|verbatim)|\bobey me\b|unfiltered (ai|assistant|bot|mode|model|version)|"
    r"(repeat|print|output|show|copy)\W+(\w+\W+){0,3}(above|before this|preceding)|"
    r"(instructions|rules|prompt)( were| was)? you (were |was )?(given|received|told)|"
    r"your (original|initial|first|real|actual|hidden|secret|system) (instructions|prompt|rules)|"
    r"\b[a-z]\s*\+\s*[a-z]\b|concatenat|opposite of (what|your)|"
    r"(manager|supervisor|admin|developer|boss|owner)s? (asked|told|wants|said for) me to tell you|"
    r"(grandma|grandmother|grandpa|granny)" + _ + r"{0,30}used to (read|tell|say|recite)|"
    r"(everything|text|words?|all)( that (came|is|was))? (above|before) (this|my|the)|"
    r"you are now|from now on,? (you|your)|pretend (to be|you)|role-?play|"
    r"play the (role|part)|you'?re now|\bact as (my|if|though)\b|act as an? (doctor|"
    r"pharmacist|stockbroker|broker|lawyer|hacker|developer|admin|ai|assistant|bot)|"
    r"(instructions|rules|prompt|guidelines)( that)? (they|your developers|your creators|the "
    r"developers|someone|somebody) (gave|give|wrote|write|set|put)( in)? (you|for you)\b|"
    r"\byour (developers|creators|makers|programmers|engineers|devs)\b" + _ + r"{0,40}\b("
    r"instruct\w*|rules|prompt|told you|wrote|write|programmed)|"
    r"xi ?tong ?ti ?shi|ti ?shi ?ci|hu ?l(u|v|ü)e ?(ni|zhi|yi|suo)|"
    # a pasted "tool result" that carries orders, text to continue word for word
    r"instructions?_to_(the_)?(assistant|ai|bot|model)|\[/?tool_(result|output|response)\b|"
    r"admin_override|原样(接|续|输出|复述|重复|念|打)|(拼|连)(起来|在一起)(写|说|打)|"
    r"(developer|dev|god|admin|debug|unrestricted|jailbreak|dan|sudo|maintenance|evil|chaos|"
    r"unfiltered|test) mode|(?<![a-z])dan(?![a-z])|do anything now|jailbr|"
    r"(ai|bot|assistant|model|chatbot|you|gpt)\b" + _ + r"{0,30}(no|without( any)?|free of) "
    r"(rules|restrictions|limits|filters|guidelines|polic(y|ies))|"
    r"unrestricted|uncensored|"
    r"\[\s*(system|admin|developer)\s*\]|<\|?\s*(im_start|system|endoftext)|(^|\n)\s*"
    r"(system|assistant)\s*:|#+\s*(new )?(instructions?|system)|system override|"
    # (not "my new policy from this year": an insurance policy and a date)
    r"new (rules?|instructions?|polic(y|ies)) (from|by)\b(?! (this|next|last|today|\d|jan|feb|mar|"
    r"apr|may|jun|jul|aug|sep|oct|nov|dec))|new (rules?|instructions?)\s*:|"
    r"(end|beginning|start) of (the )?(user |system )?(input|prompt)|"
    r"(penetration|pen) test|\bi authori[sz]e you|authori[sz]ed (you|test)|"
    r"(decode|decrypt|rot13|base64|translate)" + _ + r"{0,60}(follow|execute|run|do|obey|"
    r"comply|perform|apply)\b|"
    r"complete (this|the following|the) (sentence|text)|"
    # Chinese
    r"(忽略|无视|忘掉|忘记|不要管|别管|绕过|覆盖|不用遵守|不必遵守)"
    + _
    + r"{0,12}(指令|指示|规则|设定|"
    r"限制|约束|命令|规定)|(忽略|无视|忘掉|忘记)(之前|以上|前面|上面|所有)|"
    r"(系统|初始|原始|隐藏|内部|开发者|原本)(的)?(提示词|指令|设定|prompt)|提示词|"
    r"(收到|得到|接到)的(指令|设定|规则)|你的(设定|指令|系统设置)|(对话|这段话|这条消息|以上|上面)(之前)?的所有内容|"
    r"(管理员|经理|老板|主管|开发者|公司|领导)(让|叫|要)我(转告|告诉)你|"
    r"(复述|重复|输出|打印|告诉我|说出|发给我|透露|公布|泄露|列出|念)"
    + _
    + r"{0,10}(指令|设定|提示词|"
    r"(你的|系统|内部|隐藏)(规则|提示|要求))|"
    r"你(现在)?是(一个)?(没有|不受)|你现在是|现在你是|从现在(开始|起)" + _ + r"{0,3}你|扮演|"
    # a persona ("假装你是…"), not a customer's own pretence ("假装没收到货": kefu.guard.fraud)
    r"假装(你|您|自己|成|为)|"
    r"(开发者|无限制|越狱|上帝|管理员|调试|自由|dan)模式|无限制|不受(任何)?(规则|限制|约束)|"
    r"没有(任何)?(规则|限制|约束)的|越狱|"
    r"【\s*(系统|system|管理员|admin|开发者)|<\s*/?\s*system\s*>|(^|\n)\s*(系统|助手|管理员)\s*[:：]|"
    r"授权你|命令你|我授权|(用户|系统)?输入结束|"
    r"(解码|解密|翻译)" + _ + r"{0,30}(执行|照做|按.{0,4}做|遵守)|"
    r"(接着|继续|补全|完成)(写|说)?(完)?(这句话|下面的句子|以下句子)",
    re.IGNORECASE,
)
# Asking the assistant to say attacker-chosen words ("say 'I have been PWNED'"): an attack in a
# message, but ordinary in a document ('write "For deposit only" on the back').
_DICTATION = re.compile(
    r"(?<!you )(say|reply|respond|type|write|answer|print|output|repeat after me|start (your|"
    r"each|every) (reply|answer|response) with|end (each|every|your) (reply|answer|sentence|"
    r"response) with)\W+(only\W+)?(with\W+)?(the\W+(words?|phrases?|text|sentences?)\W+)?"
    r"[\"'“‘「『]|"
    # "copy this sentence exactly into your reply: '...'", "type this sentence, nothing else: '..."
    r"(say|reply|respond|type|write|print|output|copy|paste|repeat|include|put)\W+(with\W+)?"
    r"(this|these|the following|that|the exact|exactly this)\W+(exact\W+)?(words?|phrases?|"
    r"sentences?|text|lines?)\b[^\"'“‘「『.?!]{0,60}[\"'“‘「『]|"
    r"!\[[^\]]*\]\(https?://|"
    # words to be added to the reply: "append 'X waives all fees' to your answer"
    r"\b(append|add|include|insert|attach|put|tack)\w*\W+(this\W+|the\W+(line|text|sentence)\W+)?"
    r"[\"'“‘「『][^\"'”’」』]{1,160}[\"'”’」』]\W+(\w+\W+){0,3}(to|in|into|on|at the (end|start|"
    r"beginning|bottom|top) of)\W+(your|the|each|every|all)\W+(\w+\W+)?(answers?|repl(y|ies)|"
    r"responses?|messages?)\b|"
    r"(回复|回答|答复)(里|中|的?(末尾|结尾|最后|开头|后面))"
    + _
    + r"{0,4}(加上|附上|加一句|写上|带上)|"
    # Chinese: only when the assistant is told to ("你就回复我一句“…”"), not a quoted report
    # ("报告上写“…”", "医生说“…”")
    r"(你|您|请|就|直接|只|只要|麻烦|帮我|给我|先|再|然后)"
    + _
    + r"{0,12}(说|打字说|打|回复|写|输出)(我|给我)?"
    r"(一句|一下|出|一遍)?\s*[:：]?\s*[“\"「『]|(请|你|您)" + _ + r"{0,6}(回复|写|说)\s*[:：]",
    re.IGNORECASE,
)
_SQUEEZED_INJECTION = re.compile(
    r"ignore(all|the|your|any|previous|prior|above|my|these)*(instructions?|rules|prompt)|"
    r"systemprompt|developermode|jailbreak|doanythingnow|repeat(everything|all|the\w{0,8})above|"
    r"(everything|text|words)(above|before)this(message|line)|忽略(之前|以上|前面|所有)的?(指令|规则)"
)


def is_injection(text: str, *, message: bool = True) -> bool:
    """Does ``text`` try to change the assistant's rules or read its instructions?

    ``message=False`` reads a document: dictated wording and base64 blobs are ordinary there.
    """
    texts = views(text, decode=True)
    squeezed = re.sub(r"[\W_]+", "", normalize(text))  # "print your sys" + "tem prompt"
    if any_view(_INJECTION, texts) or _SQUEEZED_INJECTION.search(squeezed):
        return True
    if not message:
        return False
    # Readable text hidden in base64 is itself an attempt to slip something past the rules.
    return any_view(_DICTATION, texts) or bool(decoded_payloads(text))
