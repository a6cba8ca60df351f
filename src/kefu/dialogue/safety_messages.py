"""The fixed replies of the safety checks (`kefu.guard.safety`): a dose, a diagnosis, investment
advice, a scam, fraud, a prescription, a promise, an injection, someone else's data, abuse, a
threat, a safeguarding report, staff misconduct; English and simplified Chinese.

Kept apart from `kefu.dialogue.messages`, which merges them into its table and owns how a
reply is chosen, written in traditional characters and stripped of its hand-off promise.
"""

from __future__ import annotations

SAFETY_REPLIES: dict[str, dict[str, str]] = {
    # Starving, purging, fainting from too little food (kefu.guard.eating_disorder): care and a
    # doctor, never a diet tip; the helpline for the place follows (kefu.dialogue.eating_lines).
    "safety_eating_disorder": {
        "en": "Thank you for telling me; that sounds really hard. Eating this little or making "
        "yourself sick can harm your heart and body, so please see a doctor or your GP soon, "
        "and rest rather than exercise until they have seen you. If you faint, have chest pain "
        "or feel very unwell, call your local emergency number (911 in the US, 112 in Europe) "
        "now. I've asked a colleague to help you.",
        "zh": "谢谢您愿意告诉我，这一定很不容易。吃得这么少或催吐会伤害心脏和身体，请尽快去看医生，"
        "在医生看过之前请先休息，不要运动。如果晕倒、胸痛或感觉很不舒服，请立即拨打120急救电话。"
        "我已请同事协助您。",
    },
    # Right after the number, for a customer telling of someone else's emergency or crisis
    # (kefu.guard.emergency_bystander): what a bystander can do until help comes, and their
    # own safety first (the usual guidance for someone with a person at risk).
    "crisis_bystander": {
        "en": "You're doing the right thing by getting help. If it is safe for you, stay with "
        "them, don't leave them alone, and keep talking to them calmly; the emergency operator "
        "will tell you what to do until help arrives. Don't put yourself at risk: if you are in "
        "danger, move to a safe place and wait for help there.",
        "zh": "您做得对，请马上求助。如果您自己是安全的，请留在对方身边，不要让对方独处，"
        "用平静的语气一直和对方说话；接线员会告诉您在救援到达前该怎么做。"
        "请不要让自己陷入危险：如果您有危险，请先到安全的地方等待救援。",
    },
    # After the crisis line, for a parent who fears harming the baby (kefu.dialogue.crisis):
    # thoughts like these are common after a birth and treatable; the baby safe first.
    "crisis_baby": {
        "en": "If you feel you might hurt your baby, put the baby down somewhere safe, such as "
        "the cot, go to another room, and call someone to be with you now: your partner, a "
        "family member, a friend or your doctor. Please don't stay alone with the baby until "
        "someone is with you. Thoughts like these are common after a birth, and help works; "
        "you are not a bad parent for telling us. If you or your baby are in danger now, call "
        "the emergency number.",
        "zh": "如果您觉得自己可能会伤害宝宝，请先把宝宝放在安全的地方（比如婴儿床），"
        "自己到另一个房间，并马上打电话请人来陪您：伴侣、家人、朋友或医生。"
        "在有人陪您之前，请不要单独和宝宝待在一起。产后有这样的念头并不少见，是可以治疗的；"
        "您说出来并不代表您是不好的父母。如果您或宝宝现在有危险，请立即拨打急救电话。",
    },
    "safety_diagnosis": {
        "en": "I can't diagnose symptoms or say what condition you might have; only a clinician "
        "who examines you can. Please book a visit or call your doctor or nurse line, and if the "
        "symptoms are sudden or severe, call your local emergency number (911 in the US, 112 in "
        "Europe) now. I've asked a colleague to help you.",
        "zh": "客服无法根据症状判断病情，只有为您面诊的医生才能诊断。请预约门诊或咨询医生；"
        "如症状突然出现或很严重，请立即拨打120急救电话。我已请同事协助您。",
    },
    "safety_dose": {
        "en": "I can't advise on medicines or doses. Please follow the label or your prescription "
        "and ask your pharmacist or doctor before changing what you take. If someone may have "
        "taken too much, call your local emergency number (911 in the US, 112 in Europe) now.",
        "zh": "客服无法提供用药或剂量方面的建议。请按药品说明书或医嘱用药，调整用量前请咨询药师或"
        "医生。如怀疑服药过量，请立即拨打120急救电话。",
    },
    "safety_dose_pet": {
        "en": "I can't advise on medicines or doses for pets: many medicines for people are "
        "poisonous to animals, even in small amounts. Please ask your vet before giving "
        "anything. If your pet may have swallowed medicine, contact your vet or an emergency "
        "vet now.",
        "zh": "客服无法提供宠物用药或剂量方面的建议：很多人用的药对动物有毒，少量也可能危险。"
        "给宠物用药前请先咨询兽医；如宠物可能误食了药物，请立即联系兽医或宠物急诊医院。",
    },
    "safety_diagnosis_pet": {
        "en": "I can't tell what's wrong with your pet; only a vet who examines them can. Please "
        "book a vet appointment, and if the signs are sudden or severe, contact your vet or an "
        "emergency vet now. I've asked a colleague to help you.",
        "zh": "客服无法判断宠物的病情，只有为它检查的兽医才能诊断。请预约兽医门诊；"
        "如症状突然出现或很严重，请立即联系兽医或宠物急诊医院。我已请同事协助您。",
    },
    # True for any business: an internet provider asked "股票现在能买吗" has no adviser to book.
    # Whether the business offers advice is for its own FAQ entry, which follows when it matches.
    "safety_investment": {
        "en": "I can't give personalised investment advice or tell you what to buy, sell or how "
        "to split your money: that is a question for a licensed financial adviser who knows "
        "your situation. I've asked a colleague to help you.",
        "zh": "客服无法提供个性化投资建议，也不能告诉您该买什么、卖什么或如何配置资金，这类问题请"
        "咨询了解您情况的持证理财顾问。我已请同事协助您。",
    },
    # The target of a known loan scam (kefu.guard.scam): what the scam is, never pay or
    # transfer for it, check on the official line, and where a payment already made is
    # reported. The business's own scam entry may follow (dialogue/safety_plans.py).
    "safety_scam": {
        "en": "This looks like a common scam. No genuine lender asks you to pay or transfer "
        'money to "cancel" a student, campus or online loan account, and nobody can remove true '
        "records from your credit report for a fee: a real error is corrected free of charge "
        "through the lender or the credit reference centre. Please don't transfer money, take "
        "out a loan for them, share verification codes or share your screen. Check by calling "
        "the company's official number yourself, not a number the caller gives you. If you have "
        "already paid, contact your bank and the police now (in mainland China, the anti-fraud "
        "line 96110). I've asked a colleague to help you.",
        "zh": "这是常见的诈骗手法。正规机构不会要求您为“注销校园贷/学生贷/网贷账户”付费或转账，"
        "也没有人能收费“修复”或“洗白”征信：真实的记录无法删除，确有错误的记录可通过放贷机构或"
        "中国人民银行征信中心免费提出异议更正。请不要转账、不要按对方要求借款、不要透露验证码或"
        "共享屏幕；请自行拨打官方客服电话核实，不要拨打对方提供的号码。如已转账，请立即联系银行并"
        "报警（110），或拨打96110反诈专线。我已请同事协助您。",
    },
    # Someone posing as our staff or collector (kefu.guard.scam_staff): stop, what we never
    # ask, how to reach us on our own channels, what to do if money or a code has gone. The
    # business's own scam entry may follow, as for the loan scripts.
    "safety_scam_staff": {
        "en": "Please stop: this looks like a scam by someone pretending to be our staff or "
        "collector. We never ask you to download an app from a link or a meeting or "
        "remote-control app, to share your screen, to pay into a person's own account or by "
        "transfer to an individual, or to tell anyone the verification code sent to your phone. "
        "Don't pay, don't share the code or your screen, and uninstall any app they had you "
        "install. Contact us only through our official app, website or the number on our "
        "official site, never a number or link the caller gave you. If you have already paid "
        "or shared a code, call your bank now and the police (in mainland China 110, or the "
        "anti-fraud line 96110). I've asked a colleague to help you.",
        "zh": "请立即停止：这很可能是有人冒充我们的客服、工作人员或催收人员实施诈骗。我们不会让您"
        "通过链接下载APP、会议或远程控制软件，不会要求您共享屏幕，不会让您把钱转到个人账户或通过"
        "微信、支付宝转账给个人，也不会索要您手机收到的验证码。请不要付款，不要透露验证码或共享"
        "屏幕，并卸载对方让您安装的软件；请只通过我们的官方APP、官网或官网公布的客服电话联系我们，"
        "不要拨打对方提供的号码或点击其链接。如已付款或透露了验证码，请立即联系银行并报警（110），"
        "或拨打96110反诈专线。我已请同事协助您。",
    },
    # Fraud and breaking the law (kefu.guard.fraud): a plain no, why, and the honest version.
    # Said the same way to every business (a shop, a bank, an insurer), so it names no
    # business's documents; no FAQ answer follows (assistant._safety_plan).
    "safety_fraud": {
        "en": "I can't help with that: it would mean giving false information or breaking the "
        "law. I'm glad to help with anything done the honest way. I've asked a colleague to "
        "help you.",
        "zh": "抱歉，这个忙我们不能帮：这需要提供虚假信息或违反法律。如实办理的事项我们很乐意协助。"
        "我已请同事协助您。",
    },
    # A money mule's work, someone else's account, bought cards tested, an account in another
    # name (kefu.guard.fraud_mule): said plainly what it looks like and the risk to the
    # customer, who is often the one being used ("a job offer", "a friend asked me").
    "safety_fraud_mule": {
        "en": "I can't help with that. Receiving and passing on other people's money, letting "
        "someone use your account, card or login, using someone else's login, card or ID, or "
        "testing cards you bought looks like money-mule or account-takeover activity. It is "
        "illegal, even with the other person's permission, and you could be held responsible "
        "and lose access to your account. If someone offered you money for this, please don't "
        "go ahead, and tell our fraud team. I've asked a colleague to help you.",
        "zh": "抱歉，这个忙我们不能帮。帮他人收款转账、出租出借出售自己的账户、银行卡或登录信息，"
        "使用他人的账号、密码、银行卡或身份证，或验证买来的卡，都属于“跑分”/洗钱"
        "或盗用账户的行为，即使对方同意也是违法的，您可能要承担法律责任，账户也可能被冻结。"
        "如果有人以报酬诱导您这样做，请不要继续，并告知我们的反诈团队。我已请同事协助您。",
    },
    # A prescription-only medicine without a prescription, or someone else's
    # (kefu.guard.medicines): no, why, who can help; no FAQ answer follows (assistant.py).
    "safety_prescription": {
        "en": "Prescription-only medicines can only be supplied with a valid prescription "
        "written for you, so I can't help you get one without it. A pharmacist or your doctor "
        "can advise on what is right for you, including what you can buy without a prescription "
        "and what to do if you have run out of a medicine you already take. Please don't take "
        "medicine prescribed for someone else or share yours: it may not be safe for you. I've "
        "asked a colleague to help you.",
        "zh": "处方药须凭为您本人开具的有效处方才能购买，没有处方我们无法提供。药师或医生可以根据"
        "您的情况给出建议，包括哪些药无需处方即可购买，以及常用药吃完了该怎么办。请不要服用为他人"
        "开具的处方药，也不要把自己的处方药给别人，这样可能不安全。我已请同事协助您。",
    },
    "safety_promise": {
        "en": "I can't make promises or offer anything beyond what our published policies and "
        "terms say. I've asked a colleague to look at your case.",
        "zh": "我无法做出超出公开政策和条款的承诺，也不能自行给出补偿。已请同事为您处理。",
    },
    "safety_injection": {
        "en": "I can only help with questions about our products and services, using our "
        "published information. I can't change how I work or share my internal instructions "
        "or settings. What can I help you with?",
        "zh": "我只能根据公开信息解答关于产品和服务的问题，无法改变工作方式，也不能透露内部指令或"
        "设置。请问有什么可以帮您？",
    },
    "safety_private": {
        "en": "I can't share anyone else's details, other customers' conversations or internal "
        "system information. If you need help with an account that isn't yours, a colleague "
        "can explain what is possible; I've asked one to join.",
        "zh": "我不能透露他人或其他客户的信息，也不"
        "能提供系统内部信息。如需办理与他人账户相关的业务，"
        "已请同事为您说明流程。",
    },
    "safety_abuse": {
        "en": "I'm sorry this has been so frustrating. I've asked a colleague to take over; a "
        "person will reply here shortly.",
        "zh": "非常抱歉给您带来了不好的体验。已为您转接人工客服，请稍候。",
    },
    # A threat by the customer to hurt someone (kefu.guard.threats): calm, no apology for the
    # threat and no mockery; the police for anyone in danger (no number: the customer may be
    # anywhere, and the ambulance number a business configures is not the police's).
    "safety_threat": {
        "en": "I've passed your message to our team, and a person will look at it right away. "
        "If anyone is in immediate danger, please call the police now.",
        "zh": "您的消息已转交给我们的工作人员，会有专人立即跟进。如果有人正面临危险，请立即报警。",
    },
    # An adult soliciting a child (kefu.guard.safeguarding): keep the evidence, no meeting,
    # the police; the business's own child-safety entry follows (dialogue/safeguarding_entry).
    "safety_safeguarding": {
        "en": "Thank you for telling us: this is serious. Please keep the evidence: don't delete "
        "the chats or messages (screenshots help), and don't let the child meet this person or "
        "send them anything. If a meeting has been arranged or the child is in danger, contact "
        "the police now. A person from our team is looking at this right away.",
        "zh": "感谢您告诉我们，这件事非常重要。请保留证据：不要删除聊天记录（可以截图保存），也不要"
        "让孩子与对方见面或给对方发送任何东西。如果对方已约好见面，或孩子正处于危险中，请立即报警。"
        "我们的工作人员会立即跟进。",
    },
    # A member of staff reported stealing from, abusing or touching the customer or their family
    # (kefu.guard.misconduct): taken seriously, a person now, the police where someone is in
    # danger; the business's own safeguarding or complaints route follows
    # (dialogue/misconduct_entry).
    "safety_misconduct": {
        "en": "Thank you for telling us. This is serious, and we take it very seriously. A person "
        "from our team is looking into it now and will get back to you. Please keep anything that "
        "shows what happened (messages, photos, bank statements). If anyone is in danger right "
        "now, call the police.",
        "zh": "感谢您告诉我们，这件事很严重，我们会非常认真地处理。我们的工作人员现在就会跟进调查，"
        "并尽快联系您。请保留能说明情况的证据（聊天记录、照片、银行流水等）。如果有人此刻正处于"
        "危险中，请立即报警。",
    },
    # Money asked by someone met in a chat (kefu.guard.romance_scam): do not pay, stop, keep the
    # evidence, report, the police (its number follows, kefu.dialogue.romance_lines), then the
    # business's own scam entry. The last sentence is safety_safeguarding's person promise.
    "safety_romance_scam": {
        "en": "Please stop here: this has the signs of a romance scam. Do not send any money, "
        "gift cards or crypto, however urgent or certain it sounds: someone you have only met "
        "online who asks for money is almost always a scammer. Stop replying, but don't delete "
        "the chat: keep the evidence (screenshots of their profile, the messages and any payment "
        "details) and report their profile to us. If you have already paid, contact your bank "
        "now and report it to the police. None of this is your fault. A person from our team is "
        "looking at this right away.",
        "zh": "请先停一下：这很像网恋诈骗（“杀猪盘”）。无论对方说得多紧急、多稳赚，都不要"
        "转账、充值、送礼品卡或数字货币：只在网上认识的人向您要钱，几乎都是骗局。请停"
        "止回复，但不要删除聊天记录：截图保存对方资料、聊天内容和收款信息，并向我们举"
        "报对方账号。如果已经转账，请立即联系银行并报警。这不是您的错。我们的工作人员"
        "会立即跟进。",
    },
    # Intimate images held over the customer (kefu.guard.romance_scam): the same steps, said
    # for sextortion; paying first among them, since paying brings more demands.
    "safety_sextortion": {
        "en": "I'm so sorry this is happening to you. This is sextortion: it is a crime, and it is "
        "not your fault. Do not pay: paying almost always leads to more demands. Stop replying, "
        "but don't delete anything: keep the evidence (screenshots of their profile, the threats "
        "and any payment details), report their profile to us and report it to the police. A "
        "person from our team is looking at this right away.",
        "zh": "很抱歉您遇到这种事。这是性勒索，属于违法犯罪，不是您的错。不要付钱：付钱往往"
        "只会招来更多勒索。请停止回复，但不要删除任何内容：截图保存对方资料、威胁内容"
        "和收款信息，向我们举报对方账号，并报警。我们的工作人员会立即跟进。",
    },
    # A young person (under 18, writing about themselves) asked for pictures or a meeting by
    # an adult (kefu.guard.safeguarding): written to them, not to a parent.
    "safety_safeguarding_young": {
        "en": "Thank you for telling us: you did the right thing, and none of this is your fault. "
        "Please don't send any pictures or meet this person. Block them, but keep the messages "
        "(screenshots help) and report their profile to us. Tell an adult you trust, like a "
        "parent, a teacher or a school counsellor. If they threaten you or you feel unsafe, call "
        "the police. A person from our team is looking at this right away.",
        "zh": "谢谢你告诉我们，你做得对，这不是你的错。请不要给对方发照片，也不要和对方见面"
        "。把对方拉黑，但保留聊天记录（可以截图），并向我们举报对方账号。请告诉你信任"
        "的大人，比如父母、老师或学校的心理老师。如果对方威胁你，或者你觉得不安全，请"
        "立即报警。我们的工作人员会立即跟进。",
    },
    # Its last sentence is safety_promise's: a channel without handoff says where instead.
}
