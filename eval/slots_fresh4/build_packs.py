# ruff: noqa: E501  (posting and note text, kept as written)
"""Build the four slots_fresh4 accounts (export format, version 2) from the compact text below.

Written for issue 15 by helper `probes5` (2026-12-07) before any engine code was changed or
run on them; see README.md. Run once: `.venv/bin/python eval/slots_fresh4/build_packs.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pack_builder import debrief, pack, person, round_, story, write_packs  # noqa: E402

HERE = Path(__file__).resolve().parent

SLP_POSTING = """Speech-Language Pathologist (Paediatric) - Full Time, Permanent
Maple Ridge Children's Therapy Centre - Hamilton, Ontario

About us
Maple Ridge is a not-for-profit children's treatment centre serving families across Hamilton and Niagara. Our interdisciplinary teams (SLP, OT, PT, social work) see children from birth to school exit.

What you'll do
- Complete speech, language and feeding assessments using standardized tools (CELF-5, GFTA-3, PLS-5) and dynamic assessment
- Plan and deliver individual and group therapy, in clinic, at home and in schools
- Support children who use AAC, including LAMP Words for Life and TD Snap on iPad
- Write clear assessment reports and progress notes in our EMR (Ischart)
- Coach parents using Hanen approaches (It Takes Two to Talk)
- Supervise Communicative Disorders Assistants (CDAs) and clinical placement students
- Contribute to our Ontario Autism Program (OAP) service

What you bring
- Master's degree in Speech-Language Pathology
- General registration with the College of Audiologists and Speech-Language Pathologists of Ontario (CASLPO)
- Experience with paediatric motor speech disorders (PROMPT training an asset)
- Dysphagia experience an asset
- Valid driver's licence and access to a vehicle
- Warm, flexible and organized
- French an asset

What we offer
- 35-hour week, Monday to Friday, some evening clinics
- HOOPP pension, benefits from day one, 4 weeks vacation
- $1,200 professional development allowance
"""

SLP = pack(
    "Priya",
    "Deshmukh",
    "Maple Ridge Children's Therapy Centre",
    "Speech-Language Pathologist (Paediatric)",
    SLP_POSTING,
    [
        round_(
            1,
            "2026-11-18T14:00:00+00:00",
            "America/Toronto",
            "Teams",
            "one_to_one",
            [
                person(
                    "Laura Kowalczyk", "Clinical Manager, Communication Services", "hiring_manager"
                ),
            ],
            debrief(
                "1st int w Laura on teams, 45 min\n- why peds - did my 2nd placement at a CTC\n"
                "- asked abt AAC - only used proloquo2go, never LAMP\n- caseload ~45 kids, 60/40 "
                "clinic/school\n- ischart for notes, templates for reports\n- OAP waitlist is huge, "
                "they're hiring 3 SLPs\n- hanen - i'm not certified, ITTT training is $$$\n",
                [
                    (
                        "Tell me about a child whose progress stalled. What did you do?",
                        "comfortable",
                        "changed targets, more home practice, videos for mum",
                    ),
                    ("How do you prioritise a caseload of 45?", "unsure", "by urgency i guess"),
                    (
                        "What would you do if a parent disagreed with your recommendation?",
                        "struggled",
                        "explain the evidence",
                    ),
                ],
                ["Laura liked the video home program idea"],
                ["forgot to mention my PROMPT level 1"],
                [
                    (
                        "never used LAMP",
                        "Laura Kowalczyk",
                        "used Proloquo2Go daily, LAMP is motor planning, can do the online course",
                    ),
                    ("caseload size - has only had 25 at placement", "Laura Kowalczyk", ""),
                ],
                "OAP waitlist 18 months\nhigh SLP turnover\nschools want more consult time",
            ),
        ),
        round_(
            2,
            "2026-12-02T15:00:00+00:00",
            "America/Toronto",
            "Maple Ridge, 325 Main St W, Hamilton",
            "panel",
            [
                person(
                    "Laura Kowalczyk",
                    "Clinical Manager, Communication Services",
                    "hiring_manager",
                    discussed="Discussed the OAP foundational family services\ncase study - 4 yo w CAS, what would i assess first",
                    cares="evidence based practice, she mentioned dynamic assessment twice",
                    worries="whether i can manage the school visits + clinic on the same day",
                    personal="Kia ora! she lived in NZ for 5 yrs, says hi like that to everyone lol",
                ),
                person(
                    "Marc Gagnon",
                    "Occupational Therapist",
                    "peer",
                    position=1,
                    discussed="co-treatment w OT for feeding, sensory\nthey use SOS approach for feeding",
                    cares="team work, not working in silos",
                    worries="dysphagia - i've only done it on placement",
                    personal="coaches his daughter's hockey team",
                ),
                person(
                    "Denise Baptiste",
                    "Director of Clinical Services",
                    "managers_manager",
                    position=2,
                    discussed="strategic plan 2027, virtual care expansion\nwait time KPI",
                    cares="families first, equity",
                    worries="",
                    personal="🇭🇹 from Port-au-Prince",
                ),
            ],
        ),
    ],
    [
        ("OSLA salary guide 2025", "82000", "98000", "CAD"),
        ("HHS SLP posting, range", "41.50", "52.00", "CAD"),
    ],
    {
        "currency": "CAD",
        "target": "90000",
        "walk_away": "84000",
        "benefits": "HOOPP, PD $1200, 4 wks",
        "notes": "new grad rate at school board is 79k",
    },
    {
        "industry": "children's rehab, not for profit, funded by Ontario Ministry of Children",
        "products": "Ontario Autism Program foundational services\nPreschool Speech and Language program\nvirtual care",
        "launches": "virtual care hub, spring 2027",
        "competitors": "ErinoakKids (bigger, Peel)\nprivate clinics like Speech Therapy Hamilton",
        "values": "Families first\nEquity and inclusion\nCuriosity",
        "social_media": "instagram, parent tips reels",
    },
    [
        (
            "Maple Ridge gets $2M for virtual care",
            "Hamilton Spectator: funding to cut the OAP waitlist.",
        )
    ],
    [
        ("CELF-5", "standardized language test", "posting"),
        ("LAMP Words for Life", "AAC app, motor planning", "posting"),
        ("TD Snap", "AAC app on ipad", "posting"),
        ("Ischart", "their EMR", "posting"),
        ("Hanen", "parent coaching program", "posting"),
        ("CASLPO", "the college, registration", "posting"),
        ("CDA", "communicative disorders assistant", "posting"),
        ("OAP", "Ontario Autism Program", "posting"),
        ("PROMPT", "motor speech technique", "posting"),
        ("SOS approach", "feeding therapy approach", "round 1"),
        ("Proloquo2Go", "AAC app i used at placement", "round 1"),
        ("dynamic assessment", "test-teach-retest", "round 1"),
        ("wait time", "days from referral to first visit, a KPI", "round 1"),
    ],
    [
        story(
            "video home program",
            "families never did home practice between sessions at placement",
            "made 2 min videos on the parents phone showing the target, texted reminders",
            "home practice went from 1 in 5 families to 4 in 5, kids met goals faster",
            ["initiative"],
        ),
        story(
            "missed the consent",
            "i started an assessment before the consent form was signed",
            "stopped, told my supervisor, called the parent and apologised",
            "parent signed, i now check the chart first every time",
            ["integrity"],
        ),
    ],
)


AMT_POSTING = """Aircraft Maintenance Technician - A&P (Line Maintenance, Nights)
Lone Star Regional Airlines - Dallas Love Field, TX

Lone Star Regional operates 42 Embraer E175 and CRJ900 aircraft on FAR Part 121 routes across Texas and the Gulf Coast.

Responsibilities
- Perform scheduled and unscheduled line maintenance, overnight checks and A-checks on E175 and CRJ900 aircraft
- Troubleshoot electrical, hydraulic and avionics faults using the aircraft maintenance manual (AMM), fault isolation manual (FIM) and wiring diagrams
- Complete borescope inspections and engine runs (run-up authorization after training)
- Document all work accurately in AMOS and on task cards, including MEL deferrals
- Perform Required Inspection Items (RII) once qualified
- Follow our Continuous Airworthiness Maintenance Program (CAMP) and SMS reporting
- Use and care for torque wrenches, multimeters and ground support equipment (GSE)

Requirements
- FAA Airframe and Powerplant (A&P) certificate
- 2+ years of Part 121 or Part 135 maintenance experience
- Experience with CRJ or ERJ aircraft preferred
- Ability to work nights (2200-0630), weekends and holidays
- Able to lift 50 lbs and work at heights
- Self-motivated, dependable team player
- Valid driver's license; must pass a pre-employment drug screen (DOT)

Benefits
- $2/hr night differential, 401(k) with 6% match
- Flight benefits for you and your family
- Tool allowance
"""

AMT = pack(
    "Darnell",
    "Whitaker",
    "Lone Star Regional Airlines",
    "Aircraft Maintenance Technician",
    AMT_POSTING,
    [
        round_(
            1,
            "2026-11-20T16:00:00+00:00",
            "America/Chicago",
            "phone",
            "one_to_one",
            [
                person("Rick Salazar", "Line Maintenance Supervisor", "hiring_manager"),
            ],
            debrief(
                "phone screen w Rick ~30 min\n- where i am now: Part 135 charter, King Airs + a "
                "Citation, 3 yrs\n- no CRJ time, some ERJ on the Embraer course\n- they use AMOS, "
                "we use CAMP (the software) + paper\n- nights 4 on 3 off\n- RII - i havent been RII "
                "qualified yet\n- asked abt a time i found something nobody else saw\n",
                [
                    (
                        "Tell me about a time you found a defect someone else missed.",
                        "comfortable",
                        "chafed wire bundle behind the pedestal on the king air",
                    ),
                    (
                        "What do you do if you can't finish a task before the shift ends?",
                        "unsure",
                        "write it up",
                    ),
                    (
                        "How do you handle pressure to get an aircraft out on time?",
                        "struggled",
                        "umm i just do the job right",
                    ),
                ],
                ["Rick liked the chafed wire story"],
                ["didnt say i have my own snap-on tools"],
                [
                    (
                        "no RII experience",
                        "Rick Salazar",
                        "been signing inspections at 135, can do their RII course",
                    ),
                    ("hasn't worked on jets much", "Rick Salazar", ""),
                ],
                "mechanic shortage\nlots of MEL deferrals carrying over\nnew hires leaving for the majors",
            ),
        ),
        round_(
            2,
            "2026-12-03T14:00:00+00:00",
            "America/Chicago",
            "Hangar 4, Love Field",
            "panel",
            [
                person(
                    "Rick Salazar",
                    "Line Maintenance Supervisor",
                    "hiring_manager",
                    discussed="Discussed shift turnover - they had a missed item last yr\nhangar walk, E175 on jacks",
                    cares="paperwork has to be perfect, 'if its not written down it didnt happen'",
                    worries="if i'll stay once the majors start hiring",
                    personal="he flies a Cessna 172 on weekends",
                ),
                person(
                    "Tanya Broussard",
                    "Quality Assurance Inspector",
                    "technical_expert",
                    position=1,
                    discussed="torque seal, safety wire, how i'd document a deferral in AMOS\nMEL category C",
                    cares="human factors, the dirty dozen",
                    worries="hasn't done borescope on a CF34",
                    personal="LSU fan, geaux tigers",
                ),
                person(
                    "Greg Okonkwo",
                    "Director of Maintenance",
                    "managers_manager",
                    position=2,
                    discussed="fleet going to 50 by 2028, new hangar in Waco\ndispatch reliability target 99.2%",
                    cares="safety culture + on time",
                    worries="",
                    personal="ex Air Force, C-130s",
                ),
            ],
        ),
    ],
    [
        ("AMT Society survey 2025, line tech 2-5 yrs", "62000", "78000", "USD"),
        ("Indeed Dallas A&P line tech", "30", "42", "USD"),
    ],
    {
        "currency": "USD",
        "target": "72000",
        "walk_away": "66000",
        "benefits": "night diff, 401k 6%, flight bennies, tool allowance",
        "notes": "at the charter co now 31/hr no diff",
    },
    {
        "industry": "regional airline, capacity purchase w a major",
        "products": "regional flights for a major carrier\nE175 and CRJ900 fleet",
        "launches": "Waco maintenance base 2027",
        "competitors": "SkyWest\nEnvoy (pays more)\nMesa",
        "values": "Safety above all\nOwn it\nOne team",
        "social_media": "linkedin mostly, tech hiring posts",
    },
    [
        (
            "Lone Star Regional adds 8 E175s",
            "Dallas Business Journal: fleet to 50 by 2028, Waco base.",
        )
    ],
    [
        ("AMOS", "maintenance tracking software", "posting"),
        ("AMM", "aircraft maintenance manual", "posting"),
        ("FIM", "fault isolation manual", "posting"),
        ("MEL", "minimum equipment list, deferrals", "posting"),
        ("RII", "required inspection item, a second inspector signs", "posting"),
        ("CAMP", "continuous airworthiness maintenance program", "posting"),
        ("SMS", "safety management system reporting", "posting"),
        ("GSE", "ground support equipment", "posting"),
        ("A-check", "the bigger scheduled check", "posting"),
        ("CF34", "the engine on the E175 and CRJ", "round 1"),
        ("dirty dozen", "human factors causes of errors", "round 1"),
        ("torque seal", "paint stripe on a torqued fastener", "round 1"),
        ("dispatch reliability", "share of flights that leave without a mx delay", "round 1"),
    ],
    [
        story(
            "chafed wire",
            "annual on a King Air, pedestal area",
            "pulled the panel nobody pulls, found a chafed bundle, wrote it up and fixed it w the IA",
            "no more intermittent radio fault, customer came back",
            ["attention_to_detail"],
        ),
        story(
            "forgot the cotter pin",
            "i installed a wheel and left the cotter pin out, my lead caught it on the walk round",
            "owned it, redid it, started using a checklist card for every wheel change",
            "no repeat in 2 yrs",
            ["integrity"],
        ),
    ],
)


MKT_POSTING = """Kia ora! We're hiring a Digital Marketing Coordinator

Tūhura Adventures - Wellington, NZ (hybrid)

Tūhura runs guided walks, kayak trips and eco-tours across Te Upoko o te Ika and the top of the South. We're a small, friendly crew of 22 and we're growing.

The mahi
- Plan and run our content calendar across Instagram, Facebook and TikTok
- Build and send email campaigns in Mailchimp and keep our CRM (HubSpot) tidy
- Set up and optimise paid campaigns in Meta Ads Manager and Google Ads
- Report monthly on GA4, ROAS, CTR and booking conversion
- Work with our booking system (Rezdy) and the product team on new tours
- Brief photographers and create assets in Canva and Adobe Lightroom
- Support our B Corp reporting and sustainability storytelling

About you
- 2+ years in digital marketing, ideally tourism or hospitality
- Confident with A/B testing and basic SEO
- A great writer with an eye for detail
- Passionate about the outdoors and kaitiakitanga
- Comfortable working weekends during peak season (Dec-Feb)

What's in it for you
- Hybrid - work from home Tuesdays and Fridays
- A free trip every quarter and 50% off for whānau
- Extra day of leave on your birthday
- $65,000 - $72,000
"""

MKT = pack(
    "Aroha",
    "Te Whata",
    "Tūhura Adventures",
    "Digital Marketing Coordinator",
    MKT_POSTING,
    [
        round_(
            1,
            "2026-11-19T21:00:00+00:00",
            "Pacific/Auckland",
            "Zoom",
            "one_to_one",
            [
                person("Hannah Fitzgerald", "Marketing Manager", "hiring_manager"),
            ],
            debrief(
                "zoom w Hannah 40 min\n- kia ora, she's lovely\n- asked abt my reporting - i keep a "
                "tracker in excel for all campaigns\n- they use hubspot, i've used mailchimp only\n"
                "- meta ads - ran boosted posts, not full campaigns\n- peak season = dec-feb, "
                "weekends\n- ROAS last summer was 3.1, want 4\n",
                [
                    (
                        "Tell me about a campaign you're proud of.",
                        "comfortable",
                        "cafe winter menu, reels, 40% more bookings",
                    ),
                    (
                        "How would you decide where to spend $2k of ad budget?",
                        "unsure",
                        "test a few and see",
                    ),
                    (
                        "What does sustainability mean to you in marketing?",
                        "struggled",
                        "uhh not greenwashing",
                    ),
                ],
                ["Hannah loved the cafe reels"],
                ["forgot to mention my Google Ads cert"],
                [
                    (
                        "only used boosted posts not Meta Ads Manager",
                        "Hannah Fitzgerald",
                        "did the meta blueprint modules, will set up a test",
                    ),
                    ("hubspot??", "Hannah Fitzgerald", ""),
                ],
                "low repeat bookings\nads spend up, bookings flat\nB Corp recert due 2027",
            ),
        ),
        round_(
            2,
            "2026-12-04T22:00:00+00:00",
            "Pacific/Auckland",
            "Tūhura office, Cuba St, Wellington",
            "panel",
            [
                person(
                    "Hannah Fitzgerald",
                    "Marketing Manager",
                    "hiring_manager",
                    discussed="Discussed the summer campaign plan\nmy tracker in excel vs their looker studio dashboards",
                    cares="storytelling that isn't greenwashing",
                    worries="if i can do the paid side on my own",
                    personal="Kia ora! she's just back from walking the Heaphy",
                ),
                person(
                    "Sione Tupou",
                    "Product & Operations Lead",
                    "cross_department",
                    position=1,
                    discussed="new multi-day Abel Tasman kayak tour launch\nrezdy booking flow drop off",
                    cares="accurate tour info, no overpromising",
                    worries="weekends in peak",
                    personal="plays for Poneke rugby",
                ),
                person(
                    "Mere Rangi",
                    "Co-founder & GM",
                    "managers_manager",
                    position=2,
                    discussed="B Corp, kaitiakitanga in the brand, growing to Queenstown",
                    cares="manaakitanga, looking after guests like whānau",
                    worries="",
                    personal="🥾🌿",
                ),
            ],
        ),
    ],
    [("Hays NZ salary guide 2025, marketing coordinator", "60000", "75000", "NZD")],
    {
        "currency": "NZD",
        "target": "70000",
        "walk_away": "65000",
        "benefits": "free trip each quarter, bday leave, hybrid",
        "notes": "now 62k at the cafe group",
    },
    {
        "industry": "eco tourism, guided walks and kayak trips, B Corp",
        "products": "guided day walks\nkayak trips\nmulti-day Abel Tasman kayak tour",
        "launches": "Abel Tasman multi-day kayak tour, Nov 2027\nQueenstown base",
        "competitors": "Wilsons Abel Tasman\nGreat Walks NZ tours (bigger)",
        "values": "Manaakitanga\nKaitiakitanga\nHave fun",
        "social_media": "instagram 38k, tiktok new, reviews 4.9 on tripadvisor",
    },
    [("Tūhura becomes a B Corp", "Stuff: Wellington tour company certified B Corp in 2024.")],
    [
        ("GA4", "google analytics", "posting"),
        ("ROAS", "return on ad spend", "posting"),
        ("CTR", "click through rate", "posting"),
        ("Rezdy", "their booking system", "posting"),
        ("HubSpot", "CRM", "posting"),
        ("Mailchimp", "email tool", "posting"),
        ("Meta Ads Manager", "facebook/instagram ads tool", "posting"),
        ("B Corp", "certification for social + environmental standards", "posting"),
        ("kaitiakitanga", "guardianship of the environment", "posting"),
        ("manaakitanga", "hospitality, caring for guests, a value", "round 1"),
        ("mahi", "work", "posting"),
        ("whānau", "family", "posting"),
        ("Looker Studio", "dashboards they use", "round 1"),
        ("tracker in excel", "my campaign tracker spreadsheet", "round 1"),
    ],
    [
        story(
            "cafe reels",
            "cafe group winter menu launch, instagram flat",
            "shot 6 reels w the chefs, posted 3 a week, boosted the best one",
            "bookings up 40% in 6 weeks, 12k new followers",
            ["initiative", "results"],
        ),
        story(
            "wrong price in edm",
            "i sent an email to 9k people with last years price",
            "told my manager straight away, sent a correction within the hour, honoured the old price",
            "only 3 complaints, added a 2 person check before send",
            ["integrity"],
        ),
    ],
)


LAB_POSTING = """Medical Scientist, Haematology and Blood Transfusion (Staff Grade)
St Brigid's University Hospital, Galway - Permanent, whole-time

The Department of Laboratory Medicine at St Brigid's provides a 24/7 service to a 600-bed Model 4 hospital and is accredited by INAB to ISO 15189.

Key duties
- Perform routine and urgent haematology and coagulation testing on Sysmex XN-10 and CS-5100 analysers
- Carry out blood grouping, antibody screening and crossmatching in the Blood Transfusion laboratory, including emergency issue
- Review blood films and refer abnormal findings to the consultant haematologist
- Run internal quality control (IQC) and take part in external quality assessment (EQA) schemes, applying Westgard rules
- Validate and authorise results in the laboratory information system (Apex LIMS)
- Maintain traceability and haemovigilance records under EU Directive 2002/98/EC
- Take part in the on-call and weekend rota
- Train and supervise student medical scientists and laboratory aides

Requirements
- Registration with CORU as a Medical Scientist
- BSc in Biomedical Science or equivalent
- Transfusion experience desirable; Specialist Certificate in Transfusion Science an advantage
- Excellent attention to detail and a calm, methodical approach
- Flexible to work shifts

We offer
- HSE salary scale, 35-hour week plus on-call allowance
- Study leave and support for MSc
- Cycle to work scheme
"""

LAB = pack(
    "Niamh",
    "Ó Conaill",
    "St Brigid's University Hospital",
    "Medical Scientist",
    LAB_POSTING,
    [
        round_(
            1,
            "2026-11-16T10:00:00+00:00",
            "Europe/Dublin",
            "Lab seminar room",
            "panel",
            [
                person("Dr Fergal Moran", "Consultant Haematologist", "senior_leader"),
                person("Siobhán Kelly", "Chief Medical Scientist", "hiring_manager", position=1),
            ],
            debrief(
                "1st int monday 10am, Siobhan + Dr Moran, competency based (HSE style)\n- i'm in "
                "haem at a Model 3, no BT since college\n- they're Sysmex, we're Abbott Alinity so "
                "similar enough\n- Dr Moran asked abt a critical value i phoned\n- on call 1 in 6, "
                "BT on call is lone working!!\n- apex LIMS, we use it too\n",
                [
                    (
                        "Describe a time you identified a quality issue in the lab.",
                        "comfortable",
                        "IQC shift on the coag analyser, found a reagent lot problem",
                    ),
                    (
                        "How would you handle a clinician pushing for a result you haven't validated?",
                        "unsure",
                        "say no politely",
                    ),
                    (
                        "Talk us through an emergency issue of O neg.",
                        "struggled",
                        "not done it since college tbh",
                    ),
                ],
                ["Dr Moran liked the reagent lot story"],
                ["didnt mention i did the EQA lead role"],
                [
                    (
                        "no transfusion experience since college",
                        "Siobhán Kelly",
                        "doing the IBMS transfusion refresher, will shadow BT for 6 wks",
                    ),
                    ("lone working on call in BT", "Dr Fergal Moran", ""),
                ],
                "staff shortages, 4 vacancies\nTAT for ED bloods over target\nINAB assessment in march",
            ),
        ),
        round_(
            2,
            "2026-12-02T11:00:00+00:00",
            "Europe/Dublin",
            "Laboratory Medicine, St Brigid's",
            "panel",
            [
                person(
                    "Siobhán Kelly",
                    "Chief Medical Scientist",
                    "hiring_manager",
                    discussed="Discussed BT training plan, 6 weeks shadowing\nINAB assessment in march, they had 2 findings last time",
                    cares="traceability, nothing leaves BT without the paperwork",
                    worries="whether I'd be safe to do BT on call on my own within 6 months",
                    personal="her son is doing the Leaving Cert",
                ),
                person(
                    "Conor Flaherty",
                    "Senior Medical Scientist, Blood Transfusion",
                    "technical_expert",
                    position=1,
                    discussed="antibody ID panels, anti-K case\nmassive transfusion protocol\nthe BloodTrack fridges",
                    cares="haemovigilance, wrong blood in tube",
                    worries="antibody identification",
                    personal="plays hurling for Athenry",
                ),
                person(
                    "Dr Fergal Moran",
                    "Consultant Haematologist",
                    "senior_leader",
                    position=2,
                    discussed="digital morphology (CellaVision) coming in 2027\nED turnaround times",
                    cares="calls for critical values within 30 min",
                    worries="",
                    personal="Dia dhuit - he opened in Irish",
                ),
            ],
        ),
    ],
    [
        ("HSE consolidated salary scales 2025, medical scientist", "45000", "66000", "EUR"),
        ("MLSA survey", "48000", "62000", "EUR"),
    ],
    {
        "currency": "EUR",
        "target": "55000",
        "walk_away": "50000",
        "benefits": "on call allowance, study leave, MSc support",
        "notes": "on point 5 now",
    },
    {
        "industry": "public acute hospital, HSE West and North West, Model 4",
        "products": "24/7 laboratory service\nblood transfusion service",
        "launches": "CellaVision digital morphology 2027\nnew hot lab for ED",
        "competitors": "private labs like Eurofins Biomnis (send away)",
        "values": "Care, Compassion, Trust, Learning",
        "social_media": "hospital twitter/x, nothing lab specific",
    },
    [
        (
            "St Brigid's lab keeps ISO 15189 accreditation",
            "Connacht Tribune: INAB renews accreditation.",
        )
    ],
    [
        ("Sysmex XN-10", "haematology analyser", "posting"),
        ("CS-5100", "coag analyser", "posting"),
        ("Apex LIMS", "laboratory information system", "posting"),
        ("IQC", "internal quality control", "posting"),
        ("EQA", "external quality assessment scheme", "posting"),
        ("Westgard rules", "rules for rejecting QC runs", "posting"),
        ("INAB", "Irish National Accreditation Board", "posting"),
        ("ISO 15189", "the standard labs are accredited to", "posting"),
        ("CORU", "the regulator, registration", "posting"),
        ("haemovigilance", "tracking transfusion reactions and errors", "posting"),
        ("TAT", "turnaround time", "round 1"),
        ("BloodTrack", "electronic blood fridge tracking system", "round 1"),
        ("CellaVision", "digital morphology analyser", "round 1"),
        ("MTP", "massive transfusion protocol", "round 1"),
        ("WBIT", "wrong blood in tube", "round 1"),
    ],
    [
        story(
            "reagent lot",
            "coag IQC drifting high on the night shift",
            "checked cal, swapped to a new reagent lot, reran IQC and patients, told the senior",
            "found a bad lot, 14 INRs corrected before reaching wards",
            ["attention_to_detail"],
        ),
        story(
            "mislabelled sample",
            "i accepted a sample with a hand written label that didnt match",
            "spotted it at authorisation, recalled the result, rang the ward, incident report",
            "no harm, we changed the reception checklist",
            ["integrity"],
        ),
    ],
)


def main() -> None:
    write_packs(
        HERE,
        {
            "speech_pathologist": SLP,
            "aircraft_technician": AMT,
            "marketing_coordinator": MKT,
            "medical_scientist": LAB,
        },
    )


if __name__ == "__main__":
    main()
