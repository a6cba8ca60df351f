"""Requests to help commit fraud or break the law: the ``fraud`` kind of the safety triage.

A business's own domain invites them: an e-invoicing service is asked for invoices with no sale
behind them, a shop for a receipt with a higher amount, a bank for a way to hide income. In
English and Chinese:

- invoice and receipt fraud: fake, forged or bought invoices (虚开, 假发票, 代开, 买卖发票), a
  higher amount than was paid (开高), an invoice with no real transaction (无真实交易开票),
  backdated or altered invoices and receipts, fake documents (a pay slip, a bank statement);
- tax evasion: not paying or not reporting tax, hiding income from the tax office (逃税, 偷税,
  不报税, 两套账);
- money laundering (洗钱, "launder");
- money mules, account takeover, card testing and accounts in another name
  (`kefu.guard.fraud_mule`, with a reply of their own);
- obvious fraud asks: cashing out a credit card (套现), a chargeback for goods received ("say I
  never received it although I did"), fake or paid reviews and orders (刷单, 刷好评).

Honest questions that use the same words are not: how to issue, void or correct an invoice,
red-letter invoices, tax rates, VAT reclaims, 退税, 代开 at the tax office, a chargeback for
goods that never came, a fake invoice or a launderer reported by their victim, reviews. So
the words of a victim, a report or a legal question ("举报", "someone is laundering money
through my account", "怀疑有人…") keep a message ordinary, and ambiguous words count only
with a request or with the untruth said ("although I did", "其实没坏").
`kefu.guard.safety.assess` calls `asks_for_fraud` with every view of a message.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard._regex import Alternation
from kefu.guard.fraud_bank import asks_for_bank_fraud
from kefu.guard.fraud_insurance import asks_for_insurance_fraud
from kefu.guard.fraud_mule import asks_for_mule
from kefu.guard.fraud_securities import asks_for_securities_fraud
from kefu.guard.fraud_shop import NOT_ME_ZH as _NOT_ME_ZH
from kefu.guard.fraud_shop import asks_for_shop_fraud

_DOC = (
    r"(invoices?|receipts?|reciepts?|fapiaos?|bills?|pay ?slips?|payslips?|bank statements?|"
    r"delivery notes?|contracts?|documents?|docs|paperwork|expense reports?|statements?|"
    r"pay ?stubs?|paystubs?|certificates?|diplomas?|references?|letters?|ids?|licen[cs]es?|"
    r"tickets?)\b"
)
_AUTHORITY = (
    r"(the )?(tax (office|man|bureau|authorit\w+|department|inspector|people)|taxman|irs|hmrc|"
    r"government|auditors?|my (boss|employer|company|manager|accountant)|authorit\w+)"
)
# A victim, a report, a compliance check or a question about the law: not a request to do it.
_VICTIM_EN = re.compile(
    r"\b((how|where|when) (do|can|should|would) (i|we) report|report(ed|ing)? (a|an|the|this|"
    r"these|it|them|someone|somebody|fraud|scam|to the police)|received|receive|got|was sent|"
    r"been sent|sent me|shows|showing|overcharg\w*|pretending|scam\w*|phishing|"
    r"spot|detect|identify|verify|genuine|real or|is this|why|someone|somebody|anti[- ]?money|"
    r"aml|suspect\w*|i think|being used|used for|victim|accus\w*|flagged|froze|frozen|freeze|"
    r"compliance|verification|checks?|penalt\w+|punish\w*|illegal|legal|crime|jail|prison|"
    r"protect\w*|prevent\w*|victim\w*|risk)\b",
    re.IGNORECASE,
)

# Always a request to commit fraud, whatever else the message says.
_FRAUD_EN = Alternation(
    # forging: "how do I forge a receipt", "fake an invoice for me", "photoshop a receipt"
    r"\b(forge|falsify|fabricate|counterfeit|photoshop|doctor up)\W+(\w+\W+){0,3}" + _DOC + r"|"
    r"\bfake (an?|the|my|this|that|these|some|me an?) (\w+ )?" + _DOC + r"|"
    # backdating: "backdate this invoice", "a backdated receipt"
    r"\bback-?dat\w*\b" + _ + r"{0,40}" + _DOC + r"|\b" + _DOC + _ + r"{0,40}\bback-?dat|"
    # "so I can claim it twice", "submit it twice for reimbursement"
    r"\b(claim|submit|reimburs\w*|expense|file|use)\W+(\w+\W+){0,3}twice\b|"
    # an inflated invoice: "inflate the invoice total", "pad the invoice", "invoice me for 2000
    # but I'll only pay you 1500"
    r"\b(inflate|pad|bump up|mark up|puff up)\W+(\w+\W+){0,2}(invoices?|receipts?|bills?|"
    r"fapiaos?)\b|\binvoice me for\b" + _ + r"{0,40}\b(but|and) (i'?ll|i will) (only )?pay\b|"
    # tax evasion
    r"\btax evasion\b|\bevad\w* (\w+ ){0,2}(tax\w*|vat|gst|duty|duties)\b|"
    r"\bdodg\w* (\w+ ){0,2}tax\w*|\bcook(ing)? the books\b|\boff the books\b|"
    r"\b(two|2|second|double) (sets of )?(books|ledgers)\b|"
    r"\bunder-?(report|declar)\w*|"
    r"\bhid(e|ing) (\w+ ){0,3}(income|earnings|revenue|sales|profits?|money|cash|payments?)\b"
    + _
    + r"{0,20}\bfrom\b"
    + _
    + r"{0,10}"
    + _AUTHORITY
    + r"|"
    # "without reporting them to the tax bureau", "avoid declaring income ... to HMRC"
    r"\b(without|not|never|avoid|get around|skip|dodge|stop|instead of|don'?t|do not|won'?t|"
    r"rather not)\W+(\w+\W+){0,2}"
    r"(report|declar|fil)\w*\b" + _ + r"{0,50}\b(to|with) " + _AUTHORITY + r"|"
    r"\b(sell|issue|invoice|earn|make|take)\w*\b"
    + _
    + r"{0,40}\b(and|but|then) (not|never) (declare|report)\b|"
    r"\bget around (declaring|reporting)\b|"
    r"\b(how (to|do i|can i|can we|do we|could i)|ways? to|tips? (to|for|on)|help me|teach me)"
    r"\W+(\w+\W+)?(not|never|avoid|stop) pay(ing)? (any )?tax(es)?\b|"
    r"\bwithout paying (any )?(income )?tax(es)?\b|"
    r"\bwithout (telling|informing|notifying|letting)\W+" + _AUTHORITY + r"|"
    # concealed from the authorities: "so the tax office doesn't notice", "without the tax office
    # finding out", "I don't want the IRS to see these payments"
    r"\b(without|so( that)?|don'?t want|do not want|not let|keep \w+ from)\W+(\w+\W+){0,2}"
    + _AUTHORITY
    + r"\W+(\w+\W+){0,3}(find\w*|know\w*|notic\w*|see\w*|catch\w*|spot\w*|detect\w*|"
    r"trac\w*|track\w*)\b|"
    # card cash-out, fake orders, chargebacks for goods received
    r"\bcash(ing)?[- ]out (\w+ ){0,2}(credit card|card|credit limit|card limit|limit)\b"
    r"(?! (points|rewards|miles|cash ?back))|"
    r"\b(do|make|run|create|place|put through|process|book)\W+(\w+\W+){0,3}(fake|fictitious|"
    r"sham|dummy|phony|bogus) (transactions?|purchases?|sales?|orders?|charges?)\b|"
    r"\bpay (you|someone|somebody|people|them|u)\b" + _ + r"{0,30}\b(reviews?|ratings?)\b|"
    # moving a date into another year: "alter the invoice date to 30 June so it's in the old
    # financial year"
    r"\b(date|dated|back-?date)\w*\b" + _ + r"{0,60}\b(old|last|previous|prior) (financial|fiscal|"
    r"tax|accounting) (year|period|quarter)|\blast year'?s (books|accounts)\b|"
    # an amount other than the one paid: "write the invoice for 3000 and I pay 2500 cash"
    r"\b(invoice|receipt|bill)\w*\W+(\w+\W+){0,3}for [£$€¥]?\d[\d,.]*k?\b"
    + _
    + r"{0,30}\b(but|and|"
    r"while) (i|we)('ll| will)? (only |just )?pay\b|"
    # a document made to look like something else, so that less tax is paid or someone claims
    r"\b(make|have|get)\W+(the |my |this |that |an? )?(invoices?|receipts?|bills?) (look|seem|"
    r"appear) like|\b" + _DOC + _ + r"{0,60}\bso (that )?(i|we) (can )?(pay|owe) (less|no|lower) "
    r"(tax|vat)|\b" + _DOC + _ + r"{0,60}\bso (that )?(they|he|she|my \w+|someone|somebody|his "
    r"company|her company|their company) can (claim|deduct|expense|reclaim)\b|"
    # cash in hand, off the record
    r"\b(invoic|sale|sell|income|earn|pay|tax|vat)\w*\b" + _ + r"{0,40}\b(off the record|under the "
    r"table|under the counter)\b|\b(off the record|under the table)\b" + _ + r"{0,40}\b(invoic|"
    r"sale|sell|income|earn|pay|tax|vat)\w*|"
    r"\b(avoid|dodge|less|lower|not pay|without paying)\b" + _ + r"{0,30}\btax\w*\b" + _ + r"{0,30}"
    r"\b(in cash|cash in hand|cash only|in an envelope)\b|"
    r"\bhid(e|ing) (\w+ ){0,3}(income|earnings|revenue|profits?|takings)\b|"
    r"\bcommit\w* (\w+ )?(fraud|tax evasion)\b|\bwithout (getting |being )?(audited|investigated)|"
    # money that must not be traced, or made clean
    r"\b(money|cash|funds|payments?|transfers?)\b"
    + _
    + r"{0,40}\b(can'?t|cannot|won'?t|not|never) "
    r"be (traced|tracked)\b|\buntraceabl\w*|"
    r"\b(clean|wash|legiti[sz]e)\w*( up)? (\w+ ){0,3}(money|cash|funds|income)\b"
    r"(?! (register|drawer|machine|box|tin))|"
    # card cash-out through a fake purchase
    r"\b(get|take|pull|draw)\w* cash\b"
    + _
    + r"{0,30}\b(credit card|card)\b"
    + _
    + r"{0,40}\b(fake|"
    r"without buying|pretend|not real)|"
    # fake orders to push a ranking
    r"\b(fake|fictitious|sham|dummy|phony|bogus) (orders?|purchases?|sales?|transactions?|"
    r"followers|likes)\b" + _ + r"{0,30}\b(boost|push|raise|increase|bump|rank\w*|visibility)\b|"
    r"\b(need|want|buy|get|order)\W+(\w+\W+){0,2}(fake|fictitious|bogus|dummy) (orders|purchases|"
    r"sales|transactions)\b|"
    # "make it look legit", dirty money
    r"\bmake (it|them|the (money|cash|funds)) look (legit|legal|clean)|"
    r"\b(clean|wash|launder)\w* (\w+ ){0,2}dirty (money|cash|funds)\b|"
    r"\bdirty (money|cash|funds)\b" + _ + r"{0,40}\b(clean|wash|legit|through|run)\b|"
    r"\bwash (\w+ ){0,2}money\b",
    re.IGNORECASE,
)
# Fraud unless the message is a victim's or a report: "I received a fake invoice", "I think
# someone is laundering money through my account".
_FRAUD_EN_UNLESS_VICTIM = Alternation(
    r"\b(make|create|generate|produce|write|print|issue|get|buy|need|want|give|send|sell|"
    r"do me|help me( with)?)\W+(\w+\W+){0,3}(fake|forged|falsified|fabricated|bogus|dummy|"
    r"phony|counterfeit|false|made[- ]up) (\w+\W+)?" + _DOC + r"|"
    r"\b(buy|sell|purchase)\w*\W+(\w+\W+){0,2}(vat |tax |fapiao )?(invoices|fapiaos)\b"
    r"(?! (templates?|software|books?|pads?|printers?|paper|modules?|plans?|credits?))|"
    # an invoice or receipt for a sale that never happened
    r"\b(invoic\w*|receipts?|bills?|fapiaos?|docs|paperwork)\b"
    + _
    + r"{0,60}\b(never (happened|took place|rendered|delivered|bought|made|provided|"
    r"performed)|(didn'?t|did not|never) (make|buy|happen|have|purchase|provide|deliver)|"
    r"no (real |actual |genuine )?(transaction|sale|purchase|deal|business|trade)s?|"
    r"(didnt|didn't|did not) buy anything|without (a |any )?(real |actual )?(sale|purchase|"
    r"transaction))|"
    # a higher amount than paid: "put a higher amount on the invoice than I actually paid"
    r"\b(put|write|issue|make|give|with|want|need|do|change|set)\W+(\w+\W+){0,3}(a |an )?"
    r"(higher|bigger|larger|inflated|extra|more) (amount|total|value|price|figure|sum)\b"
    + _
    + r"{0,40}\b(invoices?|receipts?|bills?|fapiaos?)\b|"
    r"\b(invoices?|receipts?|bills?|fapiaos?)\b"
    + _
    + r"{0,30}\b(higher|bigger|larger|inflated) (amount|total|value|price|figure|sum)|"
    r"\b(make|have|get)\W+(the |my |this |a |an )?(invoices?|receipts?|bills?) (say|show|read|"
    r"state)\b" + _ + r"{0,40}\b(paid|instead of|more|higher|last (year|month))\b|"
    # a date moved to another year: "an invoice dated last year, the purchase was this week"
    r"\b(invoices?|receipts?)\b" + _ + r"{0,30}\bdated?\b" + _ + r"{0,30}\b(last|previous|prior)"
    r" (year|month|quarter)|\b(change|alter|move|put)\W+(\w+\W+){0,3}dates?\b"
    + _
    + r"{0,30}\b(invoices?|receipts?)\b"
    + _
    + r".{0,60}\b(purchase|sale|order|transaction)\w* (was|were|is|happened) (this|only)\b|"
    r"\b(alter|change|edit|modify)\W+(\w+\W+){0,3}(invoice|receipt)s?\b"
    + _
    + r"{0,60}\b(instead of|so (that )?(i|we) can|so (my|the) )|"
    # fake or paid reviews: "write fake reviews", "I'll pay you for 50 five-star reviews"
    r"\b(write|buy|sell|post|get|need|want|order|make|leave|give|generate|create)\W+(\w+\W+)"
    r"{0,3}(fake|bogus|phony|paid|bought|false) (\w+ )?(reviews?|ratings?)\b|"
    r"\b(buy|purchase|order|pay for)\W+(\w+\W+){0,3}(positive|good|5[- ]star|five[- ]star) "
    r"(\w+ )?(reviews?|ratings?)\b|"
    # in Chinese words: "我需要fake invoice做账"
    r"(需要|要|帮我|给我|做|弄|搞|开|买)\s*(一?[张份个])?\s*(fake|forged|bogus|false) (invoice|"
    r"receipt|fapiao)|"
    # "how to do invoice fraud"
    r"\b(how (to|do|can|could|would)|help me|teach me|tips?|ways? to|pull off|get away with)\b"
    + _
    + r"{0,20}\b(invoice|receipt|tax|vat|card|credit card|refund|chargeback|expense|expenses|"
    r"insurance|review) fraud\b|"
    # not paying tax on cash, skipping invoices
    r"\b(not|never|avoid|skip|stop|without) (paying|pay|charging|charge|declaring|declare|"
    r"reporting|report) (any )?(vat|tax|taxes|gst)\b"
    + _
    + r"{0,40}\b(cash|invoic\w*|receipts?|books)\b|"
    r"\bskip (issuing |giving )?(invoic|receipt)\w*|"
    # the items on a receipt changed: "change the items to 'office supplies', it was a phone"
    r"\b(change|alter|edit|modify|put|write|list|call)\w*\W+(\w+\W+){0,4}(items?|description|"
    r"products?|goods|line items?)\b" + _ + r"{0,60}\b(invoices?|receipts?|bills?)\b.{0,60}\b(it "
    r"was (a|an|really|actually)|actually|really (was|bought)|in fact|but i bought|instead of)\b|"
    # laundering, unless a victim or a compliance check
    r"\blaunder\w*|"
    # getting away with it: "buy positive reviews without getting caught"
    r"\bwithout (getting |being )?(caught|detected|noticed|found out)\b|"
    r"\b(not|never|won'?t) get caught\b",
    re.IGNORECASE,
)
# A false claim, with the untruth said: "tell my bank I never received it (I did)".
_FALSE_CLAIM_EN = re.compile(
    r"\b(say|said|saying|tell|claim|claiming|pretend\w*|report|word|lie|file|open|dispute|"
    r"chargeback|refund)\b"
    + _
    + r"{0,60}\b(never (received|arrived|got|came|delivered)|(didn'?t|did not) (receive|arrive|"
    r"get|come)|not (received|arrived|delivered)|(was|is|were|arrived) (damaged|broken|stolen|"
    r"faulty|defective)|card was stolen|for something i (already )?(received|got|have)|"
    r"so i (can )?(get|keep) it (for )?free|for free)",
    re.IGNORECASE,
)
_UNTRUE_EN = re.compile(
    r"\b(even though|although|though)\b|"
    r"\b(it|i) (actually |really )?did\b(?=\s*(lol|haha|[).!,]|$))|"
    r"\bchanged my mind\b|"
    r"\b(it'?s|its|it is|it was|was|they'?re|they are|they were|were) (totally |perfectly |"
    r"actually )?(fine|perfect|ok|okay|"
    r"working)\b|\b(isn'?t|wasn'?t|is not|was not) (really |actually )?(damaged|broken|stolen)|"
    r"\bi (actually |already )?(got|received|have) (it|the|my)\b|\b(got|received) the (package|"
    r"parcel|item|order|goods)\b|\bfor free\b|\bkeep (it|the item|the goods|both)\b|"
    r"\bwhat i (bought|ordered|purchased)\b|\bpretend|\blol\b|\b(something|stuff|things?) i "
    r"(already )?(received|got|have)\b",
    re.IGNORECASE,
)

# Chinese.
_DOC_ZH = r"(发票|专票|普票|收据|小票|合同|流水|证明|凭证|单据|账|票据|行程单|车票|机票|出租车票)"
_VICTIM_ZH = re.compile(
    r"举报|投诉|报案|报警|识别|鉴别|辨别|查验|真伪|真假|防范|防止|打击|被人|被骗|被盗|(?<!没)有人|"
    r"收到(了)?(一张|一些|几张)?假|怀疑|后果|违法吗|犯法吗|合法吗|判几年|判刑|罪|处罚|处理结果|"
    r"反洗钱|冻结|审核|调查|涉嫌|风控|认定|误判|降额|封(卡|号|店)|风险|怎么回事"
)
# "没有交易记录" is a missing record, not a sale that never happened
_NOT_A_RECORD = r"(?!记录|明细|流水|号|单号|信息)"
_FRAUD_ZH = Alternation(
    # invoices that are false, bought or sold
    r"虚开|xu开|(?<![病休请事年产婚丧放度寒暑调补销长小])假(的)?[\u4e00-\u9fff]{0,2}?"
    + _DOC_ZH
    + r"|(伪造|造假|变造|做假|弄假|编造)"
    r"[\u4e00-\u9fff]{0,6}?"
    + _DOC_ZH
    + r"|假账|(两|二|2)套账|账外账|阴阳(合同|发票|账|票)|空壳公司|"
    r"(发票|专票|普票|进项票)(卖|出售)|有(发票|专票|普票)(卖|出售|买)|"
    r"(?<!税务局)(?<!税务机关)(?<!税局)代开(增值税)?(专用|普通)?(发票|专票|普票)|"
    r"(?<!领)(买|收购|卖|出售|倒卖|回收)(到|些|点|几张|一些)?(增值税|进项|销项)?(专用|普通)?"
    r"(发票|专票|普票|进项票)|(弄|搞|整)(点|些|一些|几张)(票|发票|专票)|"
    r"开(点|些|一些)(票|发票|专票)" + _ + r"{0,6}(抵税|抵扣|冲账|平账|做账|冲成本|做成本)|"
    # a higher amount than paid
    r"(开|写|填|改)(得|张|个|一张)?(高|大)(一)?(点|些)|多开(一)?(点|些|几|\d)|虚高|"
    r"开" + _ + r"{0,8}高于(实际|真实)|(金额|数额|价格)(往上|调高|提高|加大|改大|改高)|"
    # no real sale behind it
    r"(没有|没|无)(任何)?(实际|真实|真正)?的?(交易|业务|业务往来|消费|购买|买卖|发生)"
    + _NOT_A_RECORD
    + _
    + r"{0,12}(票|开)|(开|要|给)"
    + _
    + r"{0,16}(没有|没|无)(任何)?(实际|真实|真正)?的?(交易|业务往来|消费|购买)"
    + _NOT_A_RECORD
    + "|"
    # a fee for the invoice: "给你两个点", "我给你点手续费"
    r"(给你|给您|付你|付您|我出)(们)?(点|些|一些)?[\u4e00-\u9fff\d]{0,3}?(个)?(点|手续费|好处费|"
    r"辛苦费|税点|回扣|返点)"
    + _
    + r"{0,20}(票|开)|(票|开)"
    + _
    + r"{0,30}(给你|给您|付你|付您|我出)"
    r"(们)?(点|些|一些)?[\u4e00-\u9fff\d]{0,3}?(个)?(点|手续费|好处费|辛苦费|税点|回扣|返点)|"
    r"没(有)?买(东西|任何东西)?" + _ + r"{0,10}(开|要)(张|个|一张)?(发)?票|"
    r"(写|开|填)" + _ + r"{0,12}实际(只)?(付|支付|花|给|消费)|"
    # backdating and altering
    r"倒签|倒开|往前(开|签|填|写|改)|(改|开|写|签)(成|到)(去年|上个?月|上年|前年|"
    r"上季度|上一年)|(改成|开成|写成)(办公用品|会议费|咨询费|服务费|餐费|材料费|劳务费|培训费|"
    r"礼品|差旅费|日用品|办公费)|实际(买|购买|消费|是)(的)?是|"
    r"(发票|小票|收据)" + _ + r"{0,6}(p|ps|P|PS)(一下|图)|(p|ps)一下(金额|日期)|"
    r"(?<!开错了)(?<!写错了)(改|修改|调|动)(一下)?(发票|收据|小票|票)(上)?的?(金额|日期|开票日期)"
    r"(?!" + _ + r"{0,4}(错|不对|有误))|把(发票|收据|小票)(上的)?(金额|日期)(改|调)|"
    r"多报(几|两|一|\d)?次|(重复|二次|两次)报销" + _ + r"{0,10}(怎么|如何|不被)|"
    # tax evasion
    r"逃税|偷税|漏税|抗税|骗税|(避开|躲避|躲过|逃避)(税务|稽查|查税|纳税|缴税|交税)|"
    r"不想(交|缴|上|纳|报)税|少报(收入|营业额|销售额|利润)|瞒报|隐瞒(收入|营业额|销售额|利润)|"
    r"(不|没)(申报|报税)" + _ + r"{0,10}(怎么(操作|弄|做)|教|行不行|可以吗)|"
    r"(教|帮)(我)?"
    + _
    + r"{0,6}(怎么)?(不|少)(交|缴|上|纳|报)税|偷偷(开票|收款)?(不|没)(申报|报税)|"
    r"(不用|不|少)(交|缴|上|纳|报)税" + _ + r"{0,16}(教|帮)(教)?我|"
    r"不上税的" + _ + r"{0,4}(方法|办法|路子|渠道)|"
    r"不被(税务局|税务|税局|公司|老板|财务)?(发现|查到|查出|稽查|查)|"
    r"(不让|别让|不能让|不想让)(税务|公司|老板|财务|单位)" + _ + r"{0,6}(知道|发现|查到)|"
    r"瞒着(税务|公司|老板|财务|单位)|"
    # laundering, card cash-out, false claims, fake orders and reviews
    r"(钱|现金|资金|收入|款)[\u4e00-\u9fff]{0,6}(洗干净|漂白|弄干净|变干净|变白)|不走(公)?账|"
    r"洗钱|洗白|黑钱|来路不明的钱" + _ + r"{0,10}(弄干净|变白|合法|洗)|套现|套(个|点|些)现|"
    r"恶意(拒付|退款|投诉|索赔)|骗(个|点|些)?(退款|赔偿|运费险|保险)|"
    # the customer's own words, not the shop's or the courier's ("你们说没收到我的退货，其实…")
    + _NOT_ME_ZH
    + r"(说|称|谎称|假装|声称)"
    + _
    + r"{0,6}(没收到|没到货|没到|丢了|坏了|被盗)"
    + _
    + r"{0,20}(收到了|已经收到|其实|实际上|没坏|查不到)|"
    r"(货到了|到了|收到了)" + _ + r"{0,10}(说|称)(没到|没收到)|"
    r"(冒充|假装|谎称|假称|装作)[\u4e00-\u9fff]{0,8}(没收到|没到|丢|坏|退款|退货)|"
    r"(收到了|已经收到|其实|实际上|拿到了)"
    + _
    + r"{0,20}(说|称|谎称|假装|声称)"
    + _
    + r"{0,6}(没收到|没到货|丢了|坏了)|"
    r"刷单|刷(好评|评价|销量|信誉|单量)|(搞|买|弄|整|花钱买|付费买)(了)?[\u4e00-\u9fff\d]{0,4}?"
    r"(个|条|些|点)(五星)?(好评|评价)|(假|虚假)的?(好评|评价|交易|订单)",
    re.IGNORECASE,
)
# "怎么开发票不用交税", "怎么才能不交税", but not "哪些收入不用交税" or "年收入多少不用交税".
_HOW_NOT_ZH = re.compile(
    r"(怎么|怎样|如何|咋|办法|方法|能不能|可不可以|有没有)"
    + _
    + r"{0,12}(不|免|少)(用|交|缴|上|纳|报)"
    r"+(增值|个人所得|所得)?税"
)
_INFORMATIONAL_ZH = re.compile(
    r"哪些|多少|是不是|是否|免征|起征|标准|政策|额度|门槛|以下|条件|合法"
)


# Renting a car and insuring it (a car-rental firm's tester, 2026-11-30): a false report or
# claim (stolen, hit by someone else, another driver, an accident moved to another day, old
# damage in a new claim), a driver kept off the contract or without a licence, times, mileage,
# fuel and photos faked, damage staged or added, a tracker pulled. Checked before the victim's
# words ("报警", "被盗", "someone"), which such requests use too; the honest versions ("my car
# was stolen, what do I do", "someone hit my car", "can my friend be added as a driver", "how do
# I report a wrong late fee") ask, they do not arrange what to say or what a record shows.
_SUBJECT_EN = (
    r"(car|vehicle|stolen|theft|driving|driver|drove|accident|crash\w*|dent\w*|scratch\w*|"
    r"damage\w*|insurance|insurer|cover|police|broke down|windscreen|windshield|bumper|hit)"
)
_SAY_EN = (
    r"\b((can|could|should|shall|may) (i|we|you)( just)? (say|tell|claim|report|pretend|put|"
    r"write|list|record|mark|word it)|(i'?ll|i will|i'?m going to|let'?s|we'?ll|we can|just) "
    r"(say|tell|claim|pretend)|what if (i|we) (just )?(say|tell|claim|report|pretend))\b|"
    r"^\W*(say|pretend|tell (them|the police|the insurer|the insurance))\b|\bpretend\b|"
    r"\bmake it look like\b"
)
# What makes the words above a lie: the truth said beside it, or what the lie is for. Not
# "insurance" or "pays" alone: "can I tell the insurer someone hit my car?" is a victim's.
_UNTRUE_RENTAL_EN = (
    r"\b(actually|really|in fact|it wasn'?t|it isn'?t|wasn'?t there|myself|i (hit|scratched|"
    r"damaged|crashed|dented|broke)|instead of|faster|deposit|so (that )?(the |my )?(insurance|"
    r"cover|insurer|policy) (still |will |can )?(pays?|covers?)|so (that )?(i|we) (get|don'?t|"
    r"won'?t|can get|pay less)|to get (a |my |the |some )?(refund|money|deposit|payout)|"
    r"and i (don'?t|do not|'m not|am not))\b"
)
_RENTAL_EN = re.compile(
    r"(" + _SAY_EN + r")" + _ + r"{0,60}\b" + _SUBJECT_EN + r"\b(?=.*" + _UNTRUE_RENTAL_EN + r")|"
    # a driver without a licence, another's licence, or a driver kept off the contract
    r"\bwithout (a |any )?(driving |driver'?s )?licen[cs]e\b" + _ + r"{0,20}\b(drive|driving)|"
    r"\b(drive|driving)\b" + _ + r"{0,20}\bwithout (a |any )?(driving |driver'?s )?licen[cs]e\b|"
    r"\b(use|using|borrow|with) (my |a )?(\w+'s|someone else'?s|another person'?s) (driving )?"
    r"licen[cs]e\b|"
    r"\b(drive|driving|drives)\b.*\b(don'?t|do not|no need to|never) tell (anyone|anybody|"
    r"them|the company|the insurer)|\b(drive|driving|drives)\b.*\b(keep (it|this) (between us|"
    r"quiet|secret|to ourselves)|nobody (will|needs to) know)|"
    # times, mileage, fuel and photos: a record made to show what did not happen
    r"\b(roll|wind|turn|clock) (back|down) (the )?(odometer|mileage|milometer|clock)|"
    r"\b(odometer|mileage|milometer)\b" + _ + r"{0,20}\b(roll|wind|turn|clock)(ed|ing)? (it )?back|"
    r"\b(fake|falsify|forge|change|alter|edit|adjust|put|set|write|mark|record|tamper with|"
    r"photoshop|retouch|touch up|doctor)\b" + _ + r"{0,30}\b(return time|pick-?up time|drop-?off "
    r"time|return date|odometer|mileage|km|kilometres|fuel( level| gauge)?|tank|photos?|"
    r"pictures?|timestamps?)\b(?=" + _ + r"{0,80}\b(to avoid|avoid|so (that )?(i|we) (don'?t|"
    r"do not|won'?t|can|pay)|instead of|didn'?t|did not|actually|really|in the (app|system)|"
    r"extra|fee|charge|limit|(doesn'?t|don'?t|won'?t|not) show|went over|full)\b)|"
    r"\bfake (the )?(return|pick-?up|drop-?off) (time|date)|"
    # damage staged or added for a bigger claim, old damage in a new claim, a drink left out
    # (not "someone staged an accident with my car": a victim's)
    r"(?<!someone )(?<!somebody )(?<!they )\bstag(e|ed|ing)\b"
    + _
    + r"{0,30}\b(accident|crash|bump|collision|theft|break-?in)|"
    r"\b(on purpose|deliberately|intentionally)\b" + _ + r"{0,40}\b(insurance|claim|pays?)\b|"
    r"\b(damage|break|scratch|dent|smash) (it|the car) (a bit |a little |some )?more\b|"
    r"\b(claim|put|include|add|get)\b" + _ + r"{0,30}\b(old|earlier|previous|pre-?existing|"
    r"prior)\b" + _ + r"{0,10}\b(damage|dent|scratch\w*|crack)|"
    r"\b(leave|keep|take) (that|it|this|the \w+)( \w+)? out of the (\w+ )?report\b|"
    r"\bback-?dat\w*\b" + _ + r"{0,30}\b(insurance|cover|policy)\b|"
    r"\b(disconnect|unplug|disable|remove|turn off|switch off|block|pull out)\b" + _ + r"{0,20}"
    r"\b(gps|tracker|tracking|telematics)\b" + _ + r"{0,40}\b(so|can'?t|won'?t|don'?t|not)\b",
    re.IGNORECASE,
)
_RENTAL_ZH = re.compile(
    # arranging what to say: "能不能说车被偷了", "就说是我老婆开的", "就说停车场被人撞了"
    r"(能不能|能否|可不可以|可以|能|就|我就|你们就|帮我|干脆)(说|讲|写成|报成|算成)(是)?"
    + _
    + r"{0,12}(被偷|被盗|丢了|被撞|别人撞|被人撞|别人开|[\u4e00-\u9fff]{1,3}开的|自己裂|自己坏|"
    r"坏在路上|坏了|发生的)|(假装|谎称|冒充|假称)" + _ + r"{0,8}(被偷|被盗|丢|被撞|坏|出险|事故)|"
    # a driver without a licence, another's licence, kept off the contract and kept quiet
    r"(没|没有|无)(驾照|驾驶证)" + _ + r"{0,12}(开|驾驶|租)|(用|借)(我)?(朋友|别人|他人|家人|同事|"
    r"老婆|老公|亲戚)的(驾照|驾驶证)|"
    r"开" + _ + r"{0,20}(别说出去|不要说出去|别告诉|不要告诉|就当不知道|就当没看见|睁一只眼)|"
    r"(别说出去|不要说出去|就当不知道|就当没看见)" + _ + r"{0,20}开|"
    # times, mileage, fuel and photos faked
    r"(还车时间|取车时间|里程表?|公里数|油量|油表|照片)"
    + _
    + r"{0,8}(改|调|写|填|P|ps)"
    + _
    + r"{0,12}(免得|省得|不用交|不交|回去|回来|去掉|满格|其实|实际)|"
    r"(改|调|写|填|P|ps)" + _ + r"{0,6}(还车时间|取车时间|里程表?|公里数|油量|油表)" + _ + r"{0,12}"
    r"(免得|省得|不用交|不交|回去|回来|满格|其实|实际)|"
    # old damage in a new claim, damage staged or added, a drink left out, cover backdated
    r"(之前|以前|原来|老|旧)(就有)?的?(划痕|刮痕|凹痕|伤|损|车损)"
    + _
    + r"{0,16}(一起|一块|算在|也)"
    + _
    + r"{0,6}(赔|理赔|报|修)|故意"
    + _
    + r"{0,8}(碰|撞|刮|弄坏|砸)"
    + _
    + r"{0,16}(保险|赔)|"
    r"(再|多)?弄坏(一)?(点|些)" + _ + r"{0,10}赔|多赔(点|些)|"
    r"(喝了?(点|些)?酒|酒驾|醉驾)" + _ + r"{0,20}(别写|不写|别提|不提|瞒)|"
    r"(保险|保单)" + _ + r"{0,8}(往前|提前)(改|调|写)|"
    r"((拔|拆|关|屏蔽|断开)"
    + _
    + r"{0,4}(gps|定位|追踪器)|(gps|定位|追踪器)"
    + _
    + r"{0,4}(拔|拆|关|"
    r"屏蔽|断开))" + _ + r"{0,12}(别让|不让|看不到|发现)",
    re.IGNORECASE,
)


def asks_for_fraud(texts: list[str]) -> bool:
    """Does a message (any of its views) ask for help to commit fraud or break the law?"""
    for text in texts:
        # before the victim's words: "I got it", "收到了" are what these lies are about
        if _RENTAL_EN.search(text) or _RENTAL_ZH.search(text) or asks_for_shop_fraud(text):
            return True
        if asks_for_bank_fraud(text) or asks_for_insurance_fraud(text):
            return True
        # before the victim's words too: "冻结", "frozen" are what a freeze evasion is about;
        # "flagged", "someone", "received" are what a money mule's request is about
        if asks_for_securities_fraud(text) or asks_for_mule(text):
            return True
        if _FRAUD_EN.search(text):
            return True
        if not _VICTIM_EN.search(text) and _FRAUD_EN_UNLESS_VICTIM.search(text):
            return True
        if _FALSE_CLAIM_EN.search(text) and _UNTRUE_EN.search(text):
            return True
        if _VICTIM_ZH.search(text):
            continue
        if _FRAUD_ZH.search(text):
            return True
        if _HOW_NOT_ZH.search(text) and not _INFORMATIONAL_ZH.search(text):
            return True
    return False


def asks_for_mule_fraud(texts: list[str]) -> bool:
    """Is a fraud request a money mule's, someone else's account, card testing or a false
    name? Those get a reply that names the risk to the customer (``safety_fraud_mule``)."""
    return any(asks_for_mule(t) for t in texts)
