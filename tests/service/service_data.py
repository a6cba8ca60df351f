"""Knowledge and expected texts shared by the service tests (see conftest.py)."""

from __future__ import annotations

FAQ_CSV = (
    "id,question,answer,category\n"
    "rf-1,How long does a refund take?,"
    '"Refunds reach your card within 5-10 business days after we receive the return.",refunds\n'
    "sh-1,How much does shipping cost?,"
    "Standard shipping costs $4.99 and is free on orders over $50.,shipping\n"
    "ret-sofa,How do I return a sofa?,"
    "Book a pickup in Account > Returns; our movers collect the sofa.,returns\n"
    "ret-sofa-time,How long does a sofa return take?,"
    "A sofa return takes 14 days from pickup to refund.,returns\n"
    "deliv-time,How long does delivery take?,Delivery takes 3-5 business days.,shipping\n"
    "zh-1,退款多久到账？,退款会在收到退货后3个工作日内原路退回。,退款\n"
)
REFUND_ANSWER = "Refunds reach your card within 5-10 business days after we receive the return."

HELP_MD = """# Gadget Pro manual

## Pairing the Gadget Pro

To pair the Gadget Pro with your phone, hold the power button for eight seconds until the light
blinks blue. Then open the Bluetooth settings on the phone and choose Gadget Pro.
"""
# A grounded two-sentence reply: the grounding gate releases it one sentence at a time.
PAIRING_REPLY = (
    "Hold the power button for eight seconds, then choose Gadget Pro [help#1]. "
    "Hold the power button until the light blinks [help#1]."
)
