# ruff: noqa: E501  (posting and note text, kept as written)
"""Build the four slots_fresh5 accounts (export format, version 2) from the compact text below.

Written for issue 15 by helper `slots` (2026-12-07) before any engine code was changed or run
on them; see README.md. Run once: `.venv/bin/python eval/slots_fresh5/build_packs.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pack_builder import debrief, pack, person, round_, story, write_packs  # noqa: E402

HERE = Path(__file__).resolve().parent


def two_rounds(first, second, tz, where, panel):
    """Round 1 with one interviewer and its debrief, round 2 with the panel and their notes."""
    name, title, notes = first
    lead = [person(name, title, "hiring_manager")]
    return [
        round_(1, "2026-11-17T09:00:00+00:00", tz, "video call", "one_to_one", lead, notes),
        round_(
            2,
            second,
            tz,
            where,
            "panel",
            [person(*p[:3], **p[3], position=i) for i, p in enumerate(panel)],
        ),
    ]


PAYROLL_POSTING = """Payroll Officer (x1) – Permanent
Karoo Fresh Produce (Pty) Ltd – Paarl, Western Cape

Karoo Fresh packs and exports table grapes and stone fruit. We employ 420 permanent staff and up to 1,800 seasonal workers in peak season (Nov–Apr).

Key responsibilities
- Process weekly and monthly payrolls end to end on Sage 300 People, including seasonal worker payroll
- Capture time and attendance data from the biometric clocking system (Timeware) and resolve exceptions
- Calculate and reconcile PAYE, UIF and SDL and prepare the monthly EMP201 submission
- Complete the bi-annual EMP501 reconciliation and issue IRP5 certificates via SARS eFiling and e@syFile
- Submit UIF declarations on uFiling and process garnishee orders and loan deductions
- Maintain employee master data and leave records in line with the BCEA and the sectoral determination for farm workers
- Prepare payroll journals and balance sheet reconciliations for month-end
- Answer payroll queries from staff in English and Afrikaans

Requirements
- Matric and a National Diploma in Payroll Administration or equivalent
- SAPP registration (Certified Payroll Administrator) advantageous
- 3+ years payroll experience, agricultural or seasonal payroll an advantage
- Advanced Excel (VLOOKUP, pivot tables)
- Working knowledge of the Income Tax Act and the Basic Conditions of Employment Act
- High attention to detail, confidentiality and integrity
- Own transport

We offer
- Market-related salary, 13th cheque
- Provident fund and medical aid contribution
- Monday to Friday 07:30–16:30, extended hours during pay week and season peak
"""

PAYROLL = pack(
    "Thandiwe",
    "Mokoena",
    "Karoo Fresh Produce (Pty) Ltd",
    "Payroll Officer",
    PAYROLL_POSTING,
    two_rounds(
        (
            "Riaan van der Merwe",
            "HR & Payroll Manager",
            debrief(
                "teams call w Riaan, 40min\n- they run 2 payrolls: monthly salaried + weekly wages, seasonal on weekly\n"
                "- sage 300 people, moving to sage VIP cloud?? not decided\n- timeware clocking, lots of missed clockings in season\n"
                "- asked abt EMP501 recon - i said i did it at Bidvest, 2 yrs\n- garnishees!! ~60 active\n"
                "- afrikaans - my afrikaans is ok not great\n",
                [
                    (
                        "Walk me through how you reconcile the EMP201 to the payroll.",
                        "comfortable",
                        "payroll reports vs GL vs eFiling, variance list",
                    ),
                    (
                        "What would you do if the payroll was due in 2 hours and the clocking data was wrong?",
                        "unsure",
                        "phone the supervisors, pay on schedule hours, adjust next week",
                    ),
                    (
                        "How do you handle a garnishee order?",
                        "struggled",
                        "check the court order, capture, pay over monthly",
                    ),
                ],
                ["Riaan liked that i know SimplePay and Sage"],
                ["forgot to say i did the ETI claims at Bidvest"],
                [
                    (
                        "never done seasonal payroll at this scale",
                        "Riaan van der Merwe",
                        "weekly wages for 300 at Bidvest, can learn the season",
                    ),
                    ("afrikaans queries", "Riaan van der Merwe", ""),
                ],
                "season peak 1800 workers\nmissed clockings\nsage VIP decision pending",
            ),
        ),
        "2026-12-01T08:00:00+00:00",
        "Africa/Johannesburg",
        "Karoo Fresh pack house, Paarl",
        [
            (
                "Riaan van der Merwe",
                "HR & Payroll Manager",
                "hiring_manager",
                {
                    "discussed": "Discussed the pay week timeline - cut off tues 12:00\nexcel test: pivot of overtime by packline",
                    "cares": "accuracy, no payroll reruns",
                    "worries": "whether i can cope with the peak overtime",
                    "personal": "Goeie môre! rugby, Stormers supporter",
                },
            ),
            (
                "Nomsa Dlamini",
                "Financial Accountant",
                "peer",
                {
                    "discussed": "payroll journal posting to Pastel, the clearing account never balances\nmonth end by WD3",
                    "cares": "recons done on time",
                    "worries": "",
                    "personal": "she did her articles at PwC",
                },
            ),
            (
                "Pieter Jacobs",
                "Farm Operations Manager",
                "cross_department",
                {
                    "discussed": "piece rate for pickers, bins per day\nsupervisors hate the clocking system",
                    "cares": "workers paid right and on time, no strikes",
                    "worries": "",
                    "personal": "",
                },
            ),
        ],
    ),
    [
        ("PayScale SA payroll officer", "240000", "360000", "ZAR"),
        ("Careers24 ad, similar role", "22000", "28000", "ZAR"),
    ],
    {
        "currency": "ZAR",
        "target": "330000",
        "walk_away": "300000",
        "benefits": "13th cheque, provident fund",
        "notes": "now on R26,500 pm",
    },
    {
        "industry": "fruit export, agriculture, Western Cape",
        "products": "table grapes\nstone fruit (plums, nectarines)\nKaroo Fresh own brand for Checkers",
        "launches": "new pack house in Worcester, 2027",
        "competitors": "Capespan (much bigger)\nDutoit Agri",
        "values": "Ubuntu\nSafety first\nDo it right the first time",
        "social_media": "linkedin, facebook mostly harvest photos",
    },
    [
        (
            "Karoo Fresh opens second pack house",
            "Landbouweekblad: R80m pack house in Worcester, 300 new jobs.",
        )
    ],
    [
        ("Sage 300 People", "their payroll system", "posting"),
        ("Timeware", "biometric clocking system", "posting"),
        ("EMP201", "monthly PAYE UIF SDL return to SARS", "posting"),
        ("EMP501", "bi-annual reconciliation", "posting"),
        ("IRP5", "employee tax certificate", "posting"),
        ("e@syFile", "SARS software for the EMP501", "posting"),
        ("uFiling", "Department of Labour portal for UIF declarations", "posting"),
        ("BCEA", "Basic Conditions of Employment Act", "posting"),
        ("SAPP", "South African Payroll Professionals, the body", "posting"),
        ("ETI", "employment tax incentive, claimed on the EMP201", "round 1"),
        ("garnishee order", "court order to deduct from salary", "round 1"),
        ("piece rate", "pay per bin picked", "round 1"),
        ("Pastel", "their accounting system", "round 1"),
        ("WD3", "working day 3 of month end", "round 1"),
    ],
    [
        story(
            "the double paid bonuses",
            "at Bidvest the 13th cheques got paid twice for 40 people bcoz the import ran twice",
            "caught it on the bank file total before release, stopped the batch, fixed the import, added a control total check",
            "no money left the account, the control total is still used",
            ["attention_to_detail"],
        ),
        story(
            "i missed a UIF declaration",
            "i forgot the monthly uFiling declaration one month when my colleague was on leave",
            "told my manager same day, submitted late, made a month end checklist with owners",
            "no penalty, checklist adopted by the team",
            ["integrity"],
        ),
    ],
)

LIBRARIAN_POSTING = """School Librarian (term time plus 5 days)
Ashdown Park Academy, part of the Weald Learning Trust – Tunbridge Wells, Kent

Ashdown Park is an 11–18 comprehensive of 1,350 students. Our library is the heart of the school and we want it to be busier still.

The role
- Run the school library day to day, including the circulation desk, cataloguing and stock management on Accessit
- Promote reading for pleasure across KS3, including the Accelerated Reader programme and the Year 7 reading challenge
- Teach information literacy and research skills lessons with subject teachers, including support for EPQ students
- Manage the library budget and select stock that reflects our diverse community
- Run the Carnegie Medal shadowing group, book clubs and author visits
- Supervise sixth form library prefects and volunteers
- Keep the library catalogue accurate using Dewey Decimal Classification
- Follow the school's safeguarding policy and Keeping Children Safe in Education (KCSIE)

About you
- A degree; a CILIP-accredited library qualification or Chartership desirable
- Experience of a school or public library
- Confident with Microsoft 365, Canva and library management systems
- Knowledge of current children's and young adult fiction
- Enthusiastic, creative and well organised
- Enhanced DBS check required

Benefits
- Local Government Pension Scheme
- Cycle to work scheme, free parking
- 8:15–4:15 Monday to Friday, term time plus 5 INSET days
"""

LIBRARIAN = pack(
    "Grace",
    "Adeyemi",
    "Ashdown Park Academy",
    "School Librarian",
    LIBRARIAN_POSTING,
    two_rounds(
        (
            "Helen Marsh",
            "Assistant Headteacher (Curriculum)",
            debrief(
                "phone interview w Helen, 30 mins\n- library used as a dumping ground at lunch, she wants it a reading space\n"
                "- accessit, i've only used Oliver at the public library\n- AR data goes to english dept every half term\n"
                "- EPQ - 40 students, they need referencing help\n- budget £6k?? for 1350 kids\n",
                [
                    (
                        "How would you get reluctant Year 9 boys reading?",
                        "comfortable",
                        "graphic novels, football books, choice",
                    ),
                    (
                        "Tell me about a time you managed challenging behaviour.",
                        "unsure",
                        "teen group at the library, called security once",
                    ),
                    (
                        "How do you decide what stock to buy?",
                        "comfortable",
                        "loans data, student requests, diverse voices",
                    ),
                ],
                ["Helen liked the graphic novel idea"],
                ["didnt mention my CILIP chartership is in progress"],
                [
                    (
                        "no school experience, public library only",
                        "Helen Marsh",
                        "ran teen sessions and class visits at Tonbridge library",
                    ),
                    ("behaviour at lunchtime", "Helen Marsh", ""),
                ],
                "library used as a dumping ground\nsmall budget\nAR scores falling in year 8",
            ),
        ),
        "2026-12-03T10:00:00+00:00",
        "Europe/London",
        "Ashdown Park Academy, library",
        [
            (
                "Helen Marsh",
                "Assistant Headteacher (Curriculum)",
                "hiring_manager",
                {
                    "discussed": "Discussed the reading strategy + the year 7 reading challenge\ntaught a 20 min lesson on evaluating sources w year 10",
                    "cares": "literacy gap, disadvantaged pupils",
                    "worries": "whether i'll manage a class of 30 on my own",
                    "personal": "she is training for the london marathon",
                },
            ),
            (
                "Tom Reilly",
                "Head of English",
                "peer",
                {
                    "discussed": "AR STAR tests every half term, reading ages\nfreshers book club for yr7",
                    "cares": "kids reading whole books not extracts",
                    "worries": "AR is too points-driven, he is not a fan",
                    "personal": "🎸 plays in a covers band",
                },
            ),
            (
                "Priya Shah",
                "Year 12 student, library prefect",
                "other",
                {
                    "discussed": "student panel - asked what i'd change first\nmore manga pls!!",
                    "cares": "somewhere quiet to revise",
                    "worries": "",
                    "personal": "",
                },
            ),
        ],
    ),
    [
        ("SLA salary survey 2025", "21000", "27000", "GBP"),
        ("Kent Scale 6 (pro rata)", "13.20", "14.10", "GBP"),
    ],
    {
        "currency": "GBP",
        "target": "25500",
        "walk_away": "23000",
        "benefits": "LGPS, term time",
        "notes": "pro rata for term time",
    },
    {
        "industry": "secondary education, multi-academy trust",
        "products": "",
        "launches": "new sixth form centre opening Sept 2027",
        "competitors": "Skinners' Kent Academy\nBennett Memorial (outstanding, oversubscribed)",
        "values": "Aspire\nRespect\nBelong",
        "social_media": "X and instagram, library has its own insta",
    },
    [
        (
            "Ashdown Park rated Good by Ofsted",
            "Kent Online: inspectors praised reading culture but said sixth form needs more space.",
        )
    ],
    [
        ("Accessit", "library management system", "posting"),
        ("Accelerated Reader", "reading programme, quizzes after each book", "posting"),
        ("AR", "accelerated reader", "round 1"),
        ("STAR test", "AR reading test, gives a reading age", "round 1"),
        ("EPQ", "Extended Project Qualification, yr12-13", "posting"),
        ("Carnegie shadowing", "students read the Carnegie shortlist", "posting"),
        ("Dewey", "classification scheme", "posting"),
        ("KCSIE", "Keeping Children Safe in Education, statutory guidance", "posting"),
        ("CILIP", "library professional body", "posting"),
        ("Chartership", "CILIP professional qualification, i'm doing it", "round 1"),
        ("Oliver", "library system at the public library", "round 1"),
        ("INSET", "teacher training days", "posting"),
        ("SLA", "School Library Association", "manual"),
    ],
    [
        story(
            "teen reading group",
            "the teen group at Tonbridge library was down to 3 kids",
            "asked them what they wanted, moved it to fridays, added manga and a switch tournament",
            "grew to 18 regulars in 6 months",
            ["initiative"],
        ),
        story(
            "wrong class set",
            "i ordered 30 copies of the wrong edition for a school visit",
            "owned it with the teacher, borrowed sets from 2 other branches the same week",
            "visit went ahead, i now check ISBNs against the teachers list",
            ["accountability"],
        ),
    ],
)

SONO_POSTING = """Sonographer – General and Obstetric
Harbourview Radiology – Tauranga, Bay of Plenty

Harbourview is a private radiology practice with four sites across the Bay of Plenty. We are looking for a registered sonographer to join our friendly team of nine.

What you will do
- Perform general, obstetric, vascular and musculoskeletal ultrasound examinations
- Carry out nuchal translucency scans and anatomy scans to FMF standards
- Use Philips EPIQ and GE LOGIQ E10 machines with a range of transducers
- Write preliminary reports for radiologists in Karisma RIS and send images to PACS
- Assist radiologists with ultrasound-guided procedures (FNA, core biopsy, joint injections)
- Follow infection control and probe reprocessing protocols (trophon)
- Take part in our Saturday morning roster (1 in 4)

You will have
- A DMU, Master of Health Science (Medical Imaging) or equivalent
- Registration with the Medical Radiation Technologists Board (MRTB) and a current APC
- FMF certification for NT scanning, or willingness to gain it
- Good ergonomics and scanning technique
- Commitment to the Code of Health and Disability Services Consumers' Rights
- Friendly and calm, even on a busy list

Why us
- Relocation support, 5 weeks annual leave
- Paid CPD and ASUM conference
- KiwiSaver contributions
"""

SONO = pack(
    "Mere",
    "Walker",
    "Harbourview Radiology",
    "Sonographer",
    SONO_POSTING,
    two_rounds(
        (
            "Dr Andrew Cole",
            "Clinical Director, Radiologist",
            debrief(
                "zoom w andrew 25 min, he was running late\n- 4 sites, i'd be at Bethlehem + Papamoa\n"
                "- epiq for OB, logiq for general\n- asked about my MSK - mostly shoulders, few wrists\n"
                "- karisma RIS, reports are prelims only, rads sign off\n- NT - im not FMF cert yet!!\n",
                [
                    (
                        "How do you manage a list running 40 minutes late?",
                        "comfortable",
                        "triage the list, tell reception, skip non essential views",
                    ),
                    (
                        "What would you do if you saw an unexpected finding at a 20 week scan?",
                        "unsure",
                        "stay calm, get a rad to review, dont tell the parents before",
                    ),
                    (
                        "How do you protect your shoulder while scanning?",
                        "comfortable",
                        "chair height, arm support, breaks",
                    ),
                ],
                ["liked my MSK shoulder experience"],
                ["forgot to ask about the saturday roster"],
                [
                    (
                        "not FMF certified for NT",
                        "Dr Andrew Cole",
                        "booked the online course, need 3 audited images",
                    ),
                    ("vascular - limited DVT experience", "Dr Andrew Cole", ""),
                ],
                "short of sonographers\nlong OB waiting list\nsat roster",
            ),
        ),
        "2026-12-04T21:00:00+00:00",
        "Pacific/Auckland",
        "Harbourview Radiology, 12 Cameron Rd, Tauranga",
        [
            (
                "Dr Andrew Cole",
                "Clinical Director, Radiologist",
                "hiring_manager",
                {
                    "discussed": "Discussed the new Papamoa site + the OB waiting list\nscanning assessment - carotid doppler on a volunteer",
                    "cares": "image quality, complete studies",
                    "worries": "vascular speed",
                    "personal": "Kia ora koutou - he sails on weekends",
                },
            ),
            (
                "Sina Faleolo",
                "Chief Sonographer",
                "peer",
                {
                    "discussed": "trophon for probes, every endocavity\nworkload 16 pts a day, 30 min slots",
                    "cares": "ergonomics, nobody gets injured",
                    "worries": "",
                    "personal": "Talofa! from samoa, 3 kids",
                },
            ),
            (
                "Karen Hughes",
                "Practice Manager",
                "cross_department",
                {
                    "discussed": "relocation from Dunedin, APC renewal in March\nthey use Karisma for bookings too",
                    "cares": "staff stay, low turnover",
                    "worries": "",
                    "personal": "",
                },
            ),
        ],
    ),
    [
        ("Ultrasound NZ salary survey", "95000", "125000", "NZD"),
        ("Te Whatu Ora MECA step 5-8", "98000", "118000", "NZD"),
    ],
    {
        "currency": "NZD",
        "target": "115000",
        "walk_away": "105000",
        "benefits": "relocation, CPD",
        "notes": "currently 104k at Southern",
    },
    {
        "industry": "private radiology, Bay of Plenty",
        "products": "obstetric ultrasound\nMRI\nCT and x-ray",
        "launches": "Papamoa site opening March 2027",
        "competitors": "Pacific Radiology (big group)\nBay Radiology",
        "values": "Manaakitanga\nExcellence\nTeamwork",
        "social_media": "facebook, patient info videos",
    },
    [
        (
            "Harbourview buys new MRI",
            "Bay of Plenty Times: the practice adds a 3T MRI at Cameron Rd.",
        )
    ],
    [
        ("EPIQ", "Philips ultrasound machine", "posting"),
        ("LOGIQ E10", "GE ultrasound machine", "posting"),
        ("Karisma", "their RIS, bookings and reports", "posting"),
        ("PACS", "image archive", "posting"),
        ("trophon", "probe disinfection unit", "posting"),
        ("NT scan", "nuchal translucency, 11-13 weeks", "posting"),
        ("FMF", "Fetal Medicine Foundation, certifies NT", "posting"),
        ("MRTB", "the registration board", "posting"),
        ("APC", "annual practising certificate", "posting"),
        ("DMU", "diploma of medical ultrasound", "posting"),
        ("ASUM", "Australasian Society for Ultrasound in Medicine", "posting"),
        ("carotid doppler", "vascular scan of neck arteries", "round 1"),
        ("MECA", "the public hospital pay agreement", "manual"),
    ],
    [
        story(
            "missed ectopic",
            "a patient came back 2 days after my scan with an ectopic i had called a pregnancy of unknown location",
            "reviewed my images with the rad, i had not scanned the adnexa fully, did the case review at our meeting",
            "i now scan both adnexa on every early pregnancy and the dept changed the worksheet",
            ["accountability"],
        ),
        story(
            "shoulder protocol",
            "our MSK shoulder scans took 40 min and varied between sonographers",
            "wrote a standard shoulder protocol w the rads, ran 2 teaching sessions",
            "scan time down to 25 min, rads said reports more consistent",
            ["initiative"],
        ),
    ],
)

GIS_POSTING = """GIS Analyst II (Permanent, Full-Time)
City of Kawartha Falls – Infrastructure Services, Ontario

The City of Kawartha Falls (pop. 84,000) is looking for a GIS Analyst to maintain and grow our enterprise GIS.

Responsibilities
- Maintain the enterprise geodatabase (ArcGIS Enterprise, SQL Server) for water, sewer, storm and road assets
- Edit and QA/QC asset data from as-built drawings and field collection in ArcGIS Field Maps
- Build dashboards and web maps in ArcGIS Online and Experience Builder for staff and the public
- Automate workflows with Python (ArcPy) and FME
- Support the NG9-1-1 address and road centreline data with the County
- Produce maps for council reports and the Asset Management Plan under O. Reg. 588/17
- Respond to MFIPPA requests involving spatial data
- Train staff in ArcGIS Pro and web apps

Qualifications
- Post-secondary diploma or degree in GIS, Geography or related; GISP an asset
- 3 years of experience with ArcGIS Pro and ArcGIS Enterprise
- Experience with SQL, Python scripting and FME
- Knowledge of coordinate systems and the Ontario Parcel data
- Strong analytical and communication skills
- Valid Class G driver's licence

What we offer
- OMERS pension, benefits
- 35 hours a week, hybrid (2 days in office)
"""

GIS = pack(
    "Daniel",
    "Tremblay",
    "City of Kawartha Falls",
    "GIS Analyst II",
    GIS_POSTING,
    two_rounds(
        (
            "Sandra Oliveira",
            "Manager, GIS and Asset Data",
            debrief(
                "teams w sandra 45min\n- they're on ArcGIS Enterprise 11.1, moving to utility network model next yr!!\n"
                "- field maps for the summer students doing hydrant inspections\n- FME server? only desktop\n"
                "- asked about python - showed my arcpy script on github\n- NG911 deadline with the county is tight\n",
                [
                    (
                        "Tell me about a data quality problem you found and fixed.",
                        "comfortable",
                        "duplicate valves after a migration, topology rules",
                    ),
                    (
                        "How would you explain a map projection issue to a non-GIS engineer?",
                        "unsure",
                        "said something about layers not lining up",
                    ),
                    (
                        "What is your experience with the utility network?",
                        "struggled",
                        "only the training course",
                    ),
                ],
                ["she liked the github portfolio"],
                ["didnt mention the ESRI UC talk i gave"],
                [
                    (
                        "no utility network migration experience",
                        "Sandra Oliveira",
                        "did the Esri course, read the migration guide, did the sewer pilot at Durham",
                    ),
                    ("public speaking at council??", "Sandra Oliveira", ""),
                ],
                "utility network migration\nNG911 deadline\nonly 2 GIS staff",
            ),
        ),
        "2026-12-02T14:00:00+00:00",
        "America/Toronto",
        "City Hall, 100 Queen St, Kawartha Falls",
        [
            (
                "Sandra Oliveira",
                "Manager, GIS and Asset Data",
                "hiring_manager",
                {
                    "discussed": "Discussed the utility network timeline\ntechnical test - fix a broken FME workspace + a dashboard",
                    "cares": "clean data, documented scripts",
                    "worries": "whether i'd be ok as the only analyst when she is away",
                    "personal": "bonjour! she is franco-ontarian, from sudbury",
                },
            ),
            (
                "Mike Brennan",
                "Asset Management Coordinator",
                "cross_department",
                {
                    "discussed": "AMP for council in july, condition scores for roads (PCI)\nhe uses Cityworks for work orders",
                    "cares": "the AMP deadline",
                    "worries": "the GIS and Cityworks dont match",
                    "personal": "his dog Maple came to the office",
                },
            ),
            (
                "Aisha Patel",
                "GIS Technician",
                "peer",
                {
                    "discussed": "editing workflow, versioning\nsummer students need training",
                    "cares": "",
                    "worries": "",
                    "personal": "",
                },
            ),
        ],
    ),
    [
        ("URISA Ontario salary survey 2025", "78000", "96000", "CAD"),
        ("City pay band 7", "81500", "95800", "CAD"),
    ],
    {
        "currency": "CAD",
        "target": "90000",
        "walk_away": "84000",
        "benefits": "OMERS, hybrid",
        "notes": "Durham contract ends in march",
    },
    {
        "industry": "municipal government",
        "products": "open data portal\nKawartha Falls interactive map",
        "launches": "utility network migration 2027",
        "competitors": "",
        "values": "Service excellence\nAccountability\nCollaboration",
        "social_media": "city facebook, x",
    },
    [
        (
            "City launches open data portal",
            "Kawartha Falls Examiner: road closures and permits now on a public map.",
        )
    ],
    [
        ("ArcGIS Pro", "Esri desktop GIS", "posting"),
        ("ArcGIS Enterprise", "Esri server, their enterprise GIS", "posting"),
        ("Field Maps", "Esri mobile app for data collection", "posting"),
        ("FME", "data integration software from Safe", "posting"),
        ("ArcPy", "python library for ArcGIS", "posting"),
        ("NG9-1-1", "next generation 911, needs clean addresses", "posting"),
        ("O. Reg. 588/17", "Ontario regulation on asset management planning", "posting"),
        ("MFIPPA", "municipal freedom of information act", "posting"),
        ("GISP", "GIS professional certification", "posting"),
        ("utility network", "Esri data model for utilities", "round 1"),
        ("AMP", "Asset Management Plan", "round 1"),
        ("PCI", "pavement condition index", "round 1"),
        ("Cityworks", "work order system", "round 1"),
        ("OMERS", "municipal pension plan", "posting"),
    ],
    [
        story(
            "duplicate valves",
            "after the Durham data migration we had ~900 duplicate valves in the water network",
            "wrote a python script to find them by location + attributes, checked with ops, set topology rules",
            "cleaned in 2 weeks, no new duplicates since",
            ["problem_solving"],
        ),
        story(
            "i deleted the hydrant layer",
            "i overwrote the production hydrant layer with a test copy on a friday",
            "told my lead right away, restored from the nightly backup, lost 1 day of edits, re-entered them",
            "we now edit in versions and i wrote the restore steps",
            ["integrity"],
        ),
    ],
)


def main() -> None:
    write_packs(
        HERE,
        {
            "payroll_officer": PAYROLL,
            "school_librarian": LIBRARIAN,
            "sonographer": SONO,
            "gis_analyst": GIS,
        },
    )


if __name__ == "__main__":
    main()
