"""Build harbour_lane_policies.pdf (the hotel's policies, as the tester made them) next to
this file or at the path given: `.venv/bin/python devsets/blackbox/hotel/make_pdf.py [OUT]`.
The PDF is generated, not committed."""
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, PageBreak
from reportlab.lib.styles import getSampleStyleSheet
ss = getSampleStyleSheet()
H, P = ss['Heading2'], ss['BodyText']
story = [Paragraph("Harbour Lane Hotels - Guest Policies 2026", ss['Title']),
 Paragraph("These policies apply to all three Harbour Lane Hotels: Harbour Lane Edinburgh, Harbour Lane Bristol and Harbour Lane Shanghai, unless a hotel is named.", P)]
sec = [
("1. Check-in and check-out",
 ["Check-in starts at 3:00 pm at all hotels. Check-out is by 11:00 am.",
  "Early check-in from 10:00 am costs GBP 25 in Edinburgh and Bristol and CNY 200 in Shanghai, subject to availability.",
  "Late check-out until 2:00 pm costs GBP 30 in Edinburgh and Bristol and CNY 250 in Shanghai. Guests with Harbour Lane Club membership get late check-out until 1:00 pm free of charge.",
  "The reception desk is open 24 hours a day in Edinburgh and Shanghai. In Bristol the reception is staffed from 6:30 am to midnight; guests arriving after midnight receive a door code by text message."]),
("2. Cancellation and changes",
 ["Flexible rate bookings may be cancelled free of charge until 48 hours before the arrival date (hotel local time, 3:00 pm).",
  "Cancellations made less than 48 hours before arrival are charged 50 % of the total stay.",
  "No-shows are charged 100 % of the total stay; no refund is given for a no-show.",
  "Saver rate bookings are non-refundable from the moment of booking but the dates can be changed once, up to 7 days before arrival, for a fee of GBP 20.",
  "Group bookings of 5 rooms or more must be cancelled at least 21 days before arrival to avoid charges.",
  "Refunds are paid back to the original card within 5 to 10 working days."]),
("3. Deposits and payment",
 ["At check-in we pre-authorise a security deposit of GBP 50 per night, capped at GBP 150 per stay, in Edinburgh and Bristol. In Shanghai the deposit is CNY 500 per stay.",
  "The deposit is released within 3 working days after check-out if there are no extra charges.",
  "We accept Visa, Mastercard and American Express at all hotels; Shanghai also accepts Alipay, WeChat Pay and UnionPay. We do not accept cheques."]),
("4. Pets",
 ["Dogs are welcome in Edinburgh and Bristol: up to two dogs per room, GBP 15 per dog per night, in ground-floor Classic rooms only.",
  "Assistance dogs stay free of charge at all hotels.",
  "The Shanghai hotel does not accept pets, except assistance dogs.",
  "Cats and other animals are not accepted at any hotel."]),
("5. Children and extra beds",
 ["Children under 4 stay free in their parents' room, including breakfast. A cot is free and must be requested in advance.",
  "Children aged 4 to 12 pay half the adult breakfast price.",
  "An extra bed for a child aged 4 to 12 costs GBP 20 per night (CNY 150 in Shanghai). Extra beds are available only in Superior rooms and Family Suites, one per room.",
  "Guests under 18 must be accompanied by an adult."]),
("6. Parking",
 ["Harbour Lane Edinburgh: no on-site parking. We have a partner car park (Castle Terrace) 400 metres away at GBP 22 per 24 hours with a hotel voucher.",
  "Harbour Lane Bristol: on-site car park with 30 spaces, GBP 15 per 24 hours. Spaces cannot be reserved; they are first come, first served. Two electric vehicle chargers cost GBP 0.45 per kWh.",
  "Harbour Lane Shanghai: underground garage, CNY 120 per 24 hours; spaces can be reserved at least 24 hours ahead by email to the hotel."]),
("7. Breakfast",
 ["Breakfast is served from 7:00 am to 10:30 am on weekdays and 7:30 am to 11:00 am on weekends.",
  "Breakfast buffet price per adult: GBP 18 in Edinburgh, GBP 16 in Bristol, CNY 128 in Shanghai. Breakfast booked with the room is 10 % cheaper.",
  "Vegan and gluten-free options are available on request at all hotels."]),
("8. Smoking, noise and damage",
 ["All rooms are non-smoking. Smoking in a room incurs a cleaning fee of GBP 200 (CNY 1,500 in Shanghai).",
  "Quiet hours are from 11:00 pm to 7:00 am.",
  "Lost key cards are replaced free of charge; damage to the room is charged at cost."]),
]
for i,(h,ps) in enumerate(sec):
    story.append(Paragraph(h, H))
    for p in ps: story.append(Paragraph(p, P)); story.append(Spacer(1,4))
    if i in (2,5): story.append(PageBreak())
out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("harbour_lane_policies.pdf")
SimpleDocTemplate(str(out), pagesize=A4).build(story)
