"""A mention of a person in an invitation (the record), and the words around a name that say
what the person does there: interviewing cues, asides, social events, panel roles, grades,
institutions and the labels of labelled lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from secondround.engine.nlp.word_tables import word_set
from secondround.engine.reading.invitation_lines import Unit
from secondround.engine.reading.invitation_time_words import FoundTimes

# Mailboxes people apply from: beside an organizer on a company domain, an attendee here
# is the candidate.
PERSONAL_MAIL_DOMAINS = word_set(
    """
    gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk live.com msn.com
    yahoo.com yahoo.co.uk yahoo.co.in ymail.com icloud.com me.com mac.com aol.com
    proton.me protonmail.com gmx.com gmx.de gmx.net web.de mail.com zoho.com yandex.com
    rediffmail.com fastmail.com hey.com tutanota.com qq.com 163.com naver.com
    """
)


# "You will meet ...": the names after it are interviewers.
FORWARD_TRIGGER = re.compile(
    r"(?<!for )(?:(?i:\b(?:meet(?:ing)?|speak(?:ing)?|talk(?:ing)?|chat(?:ting)?|sit(?:ting)?"
    r"\s+down|interview(?:ing|ed|s)?|discussion|round|conversation|session|call|start(?:ing)?"
    r"|begin(?:ning)?|finish(?:ing)?|end(?:ing)?)\s+(?:with|by)\b"
    r"|\bmeet(?:ing)?\b|\b(?:joined|conducted|chaired|observed|assessed|interviewed|hosted"
    r"|accompanied|run|led|taken|carried\s+out|undertaken|held|done|supported|assisted"
    r"|facilitated)\s+by\b|\bsee(?:ing)?\b|\b(?:present(?:ation)?|pitch|talk)\s+to\b"
    r"|\b(?:speaking|talking|chatting|chat)\s+to\b|\binterviewing\s+you\s*(?:(?:will\s+be|are|is)\b|:)"
    r"|\b(?:seen|interviewed)\s+by\b|^\s*(?:attendees|present|participants)\s*:"
    r"|\b(?:alongside|together\s+with|along\s+with)\b(?=\s+(?:[A-Z]|(?:Dr|Mr|Mrs|Ms|Prof)\b))"
    r"|\binterviewers?\s*(?:(?:are|will be|include)\b|:)|\b(?:committee|board)\s+members?\s*"
    r"(?:(?:are|will be|include)\b|:)"
    # "Other members are Ms X, Head of HR and Mr Y": the rest of a panel whose chair came first
    r"|\b(?:other|remaining|further)\s+(?:panel\s+|board\s+|committee\s+)?members?\s*"
    r"(?:(?:are|will\s+be|include)\b|:)|\b(?:committee|board)\s+(?:will\s+be|is|are|comprises?"
    r"|consists?\s+of|includes?)\b|\b(?:composed|made\s+up|constituted)\s+of\b"
    r"|\bpanel(?:l?ists?| members?)?\s*(?:(?:will"
    r" be|are|is|consists? of|comprises?|includes?|of|remains?|will\s+remain|(?:is|are)\s+still"
    r"|will\s+still\s+be|stays?)\b|:)|\b(?:include|includes|including"
    r"|comprising|comprise|consist of|consists of|join|joins|joining)\b"
    r"|\b(?:interview|panel|committee|meeting|session)\s*\((?=[^)]*[A-Z])))"
)


# "X will join", "X remains on the panel": the names before it are interviewers.
SUBJECT_TRIGGER = re.compile(
    r"\b(?:will|would|is going to|has agreed to|can|may)\s+(?:now\s+|also\s+|still\s+)?"
    r"(?:join|be joining|interview|be interviewing|be on (?:the|your) panel|sit on (?:the|your)"
    r" panel|chair|lead the interview|take (?:his|her|their) place|be (?:there|present))\b"
    r"|\bremains? on the panel\b|\bjoin(?:s|ing)? (?:us|the panel|as well)\b"
    r"|\b(?:will|would|'ll)\s+(?:also\s+|then\s+)?(?:sit\s+down|speak|talk|chat)\s+(?:with|to)\s+you\b"
    r"|\bwill (?:also )?observe\b|\bwill still be on the panel\b"
    # "Director of Nursing Linda Hsu and Nurse Manager Carlos Rivera will meet with you"
    r"|\b(?:will|'ll|are|is)\s+(?:also\s+|then\s+|first\s+)?(?:be\s+)?meet(?:ing)?\s+(?:with\s+)?you\b"
    r"|\b(?:would|will|'d)\s+(?:like|love)\s+to\s+(?:meet|see|speak|talk)\b"
    r"|\b(?:is|are)\s+looking\s+forward\s+to\s+meeting\b|\blook\s+forward\s+to\s+meeting\s+you\b"
    r"|\bwill\s+(?:also\s+)?be\s+asking\s+(?:the\s+|you\s+)?questions\b"
    r"|\bwill\s+(?:also\s+)?be\s+(?:conducting|leading|chairing|running)\s+(?:the|your)\s+"
    r"(?:interview|panel|session)|\bwill\s+be\s+your\s+interviewers?\b"
    # "X will ask you ...", "X wants a quick chat with you", "X will add you on Skype and
    # conduct the interview"
    r"|\bwill\s+(?:also\s+)?ask\s+you\b|\bwants?\s+(?:a|to\s+have\s+a)\s+(?:[\w-]+\s+){0,3}"
    r"(?:chat|talk|word|conversation)\s+with\s+you\b"
    r"|\bwill\b[^.;]{0,60}?\band\s+(?:conduct|lead|chair|run)\s+(?:the|your)\s+interview\b"
    r"|\bwill\s+(?:also\s+)?(?:lead|run|chair|conduct)\s+(?:the|your)\s+(?:conversation|interview"
    r"|discussion|session|panel)\b|\bwill\s+(?:also\s+)?(?:walk|take)\s+(?:you\s+)?through\b"
    r"|\bwill\s+(?:also\s+)?(?:run|lead|take|do|handle|chair|conduct|cover)\s+(?:the\s+)?(?:first"
    r"|second|third|last|final|opening|closing|next)\s+(?:hour|half|part|section|round|\d+\s*min)",
    re.IGNORECASE,
)


# Around a name, these say the person is not interviewing here.
ASIDE = re.compile(
    r"\b(?:guide|pick(?:s|ing)?[\s-]+(?:you\s+)?up|pickup|collect(?:s)?\s+you|drive(?:s)?\s+you"
    # "X (HR Partner) set up this meeting", "X organises this meeting": the arranger
    r"|(?:set|sets)\s+up\s+this\s+(?:meeting|interview|call)"
    r"|organi[sz]es?\s+this\s+(?:meeting|interview|call)"
    r"|take(?:s)?\s+you\s+to|meet(?:s)?\s+you\s+(?:at|in)\b|ask\s+for|look\s+after\s+you"
    r"|host(?:s|ing)?\s+you|observer|apolog|welcome\s+(?:from|by)|organi[sz]er\s*:"
    r"|(?:talk|presentation|address|briefing)\s+(?:from|by)|pass\s+on|on\s+behalf\s+of|copied|\bcc\b"
    # "a short presentation about the programme from X", "X ... your contact person"
    r"|(?:presentation|briefing|overview|introduction)\s+(?:about|on|of)\s+[^.;:()]{0,40}?\b(?:from|by)"
    r"|contact\s+person|point\s+of\s+contact|get\s+in\s+touch\s+with"
    r"|first\s+(?:interview|round|meeting)|previous\s+(?:interview|round)|round\s+1\b"
    r"|coordinat\w+\s+(?:the|your)\s+(?:visit|day)|does\s+not\s+take\s+part"
    r"|sign\s+in|report\s+to\s+(?:the\s+)?(?:reception|front desk|security)|contact\s+me"
    r"|last\s+(?:week|month|time)|yesterday|earlier\s+this\s+week|thank\s+you\s+for\s+(?:meeting"
    r"|speaking|talking|taking)"
    r"|call\s+(?:me|our|him|her)|front\s+desk\s+lead|if\s+you\s+get\s+lost)\b",
    re.IGNORECASE,
)


# A meal, a tour or a check-in with someone is not an interview with them, unless the same
# words say it is ("Unit tour and peer interview with ...").
SOCIAL = re.compile(
    r"\b(?:lunch|breakfast|dinner|coffee|tour|walk-?round|walk(?:ing)?\s+(?:you\s+)?(?:around"
    r"|round)|check[- ]?in|drinks|reception)\b(?!\s+(?:chat|interview|meeting|conversation))",
    re.IGNORECASE,
)


UNAVAILABLE = re.compile(
    r"\b(?:(?:is|are|will\s+be)\s+(?:\w+\s+){0,2}(?:travelling|traveling|away|on\s+leave"
    r"|unavailable|not\s+available)|no\s+longer\s+(?:able|available)|unable\s+to\s+(?:attend"
    r"|join|make)|cannot\s+(?:attend|join|make)|can't\s+(?:attend|join|make)|will\s+not\s+be"
    r"\s+(?:attending|joining|able)|sends?\s+(?:his|her|their)\s+apologies"
    # "will not be on the panel", "won't attend", "isn't part of the panel"
    r"|(?:will\s+not|won't)\s+(?:attend|join|take\s+part|sit\s+on|be\s+(?:on|at|part\s+of|in)"
    r"\s+(?:the|your)\s+(?:panel|interview|board|committee|call))"
    r"|(?:is\s+not|isn't|are\s+not|aren't|not)\s+(?:on|part\s+of)\s+the\s+(?:panel|interview"
    r"|board|committee))\b",
    re.IGNORECASE,
)


REPLACEMENT = re.compile(
    r"\b(?:in\s+(?:his|her|their)\s+place|take\s+(?:his|her|their)\s+place|instead"
    r"|replac\w*|in\s+place\s+of|stand(?:ing)?\s+in\s+for)\b",
    re.IGNORECASE,
)


REPLACED_AFTER = re.compile(
    r"\b(?:in\s+place\s+of|instead\s+of|replacing|standing\s+in\s+for)\s+$", re.IGNORECASE
)


INTERVIEW_WORDS = re.compile(
    r"\b(?:interview|panel|viva|meeting|discussion|conversation)\b", re.IGNORECASE
)


CLAUSE_BREAK = re.compile(
    r",?\s+(?:and\s+)?(?:then|afterwards|after that|followed|finally|lastly|to finish)\b,?\s*"
    r"|,\s+so\s+|;\s+|,\s+and\s+(?=at\s+\d|from\s+\d)"
    # "Anna Berg (10:00-10:30) and Omar Said (10:30-11:00)": a bracket that held a time
    r"|(?<=\d\))\s*(?:,\s*(?:and\s+)?|and\s+)(?=(?-i:[A-Z]))"
    r"|(?<=[ap]m\))\s*(?:,\s*(?:and\s+)?|and\s+)(?=(?-i:[A-Z]))"
    r"|(?<=[ap]\.m\.\))\s*(?:,\s*(?:and\s+)?|and\s+)(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)


# Words that hand the next words to the next person: "..., and our Controller, Omar".
LEAD_CUT = re.compile(
    r"^.*\b(?:with|by|from|to|meet|meeting|seeing|see|and|then|finally|lastly|include|includes|including|is"
    r"|are|be|was|followed|plus|consists?\s+of|consisting\s+of|(?:made\s+up|composed)\s+of"
    r"|compris(?:e|es|ed|ing)(?:\s+of)?)\b\s*|^.*[:]\s+",
    re.IGNORECASE,
)


DETERMINER = re.compile(
    r"^(?:(?:our|the|your|their|his|her|my|its|a|an|also|&|peer|fellow|two|three|four|both)\s+)+",
    re.I,
)


POSSESSIVE_RELATION = re.compile(r"^(?:his|her|their|my|our)\s+(?:own\s+)?(?:manager|boss)\b", re.I)


JOINER_WORD = re.compile(
    r"^(?:(?:and|then|followed by|plus|finally|lastly|also|to finish)\b|&)", re.IGNORECASE
)


JOINER_START = re.compile(
    r"^(?:and|&|then|followed by|plus|finally|lastly|also|to finish)\b|^(?:our|the|your|their"
    r"|his|her|my)\b",
    re.IGNORECASE,
)


# Roles on a panel rather than jobs: "Chairperson: Mr X", "... - Member".
PANEL_ROLES = re.compile(
    r"^(?:(?:panel\s+)?chair(?:man|woman|person)?|vice[- ]chair|(?:(?:expert|external|independent"
    r"|lay|co-?opted|ex[- ]officio)\s+)?member(?:\s+secretary)?|observer|secretary"
    r"|convenor|panel member|board member|panellist|panelist|interviewers?|panel|with|host"
    r"|contact|(?:required |optional )?(?:attendees?|guests?|participants?)|organi[sz]er)$",
    re.IGNORECASE,
)


GRADE = re.compile(
    r"^(?:EL\s?\d|APS\s?\d|SES\s?\d|band\s?\d+[a-z]?|grade\s?\w+|level\s?\d+|GS-?\d+|PB\d"
    r"|exe\.?|[A-Z]\d)$",
    re.IGNORECASE,
)


TITLE_ACRONYMS = frozenset(
    {
        "CEO",
        "CFO",
        "COO",
        "CTO",
        "CIO",
        "CMO",
        "CNO",
        "CHRO",
        "CPO",
        "CRO",
        "CSO",
        "VP",
        "SVP",
        "EVP",
        "HR",
        "HRBP",
        "GM",
        "MD",
        "DON",
        "SENCO",
        "SENCo",
        "DNP",
    }
)


ORGANISATION_END = re.compile(
    r"\b(?:trust|ltd|limited|inc|llc|plc|gmbh|pvt|corp|corporation|company|co|group|bank"
    r"|s\.a|b\.v|a\.ş|llp)\.?$",
    re.IGNORECASE,
)


# Words naming an institution: a title part holding one is where, not what ("Director of
# Midwifery, Midland Regional Hospital Portlaoise", "HR Manager, HSE Dublin Midlands").
INSTITUTION = re.compile(
    r"\b(?:hospital|university|council|authority|ministry|(?-i:NHS|HSE)|ltd|limited|inc"
    r"|plc|gmbh|corporation|municipality|parishad|county|city\s+of|town\s+of|district\s+of"
    r"|public\s+works|medical\s+school|sdn\s+bhd|pvt)\b",
    re.IGNORECASE,
)


ROLE_NOUN = re.compile(
    r"\b(?:manager|director|head|chair|lead|leader|supervisor|officer|coordinator|dean"
    r"|president|principal|teacher|nurse|engineer|analyst|specialist|advisor|adviser|partner"
    r"|associate|counsel|professor|lecturer|assistant|representative|secretary|administrator"
    r"|recruiter|consultant|executive|chef|governor|member|superintendent|registrar"
    r"|provost|architect|scientist|technician|agent|clerk|controller|accountant|founder|owner)s?\b",
    re.IGNORECASE,
)


CONTEXT_WORDS = re.compile(
    r"^(?:who|whom|whose|which|that|she|he|they|you|he's|she's|they're|will|would|is|are"
    r"|was|leads|runs|manages|oversees|heads|from|on|in|at|for|as|to|if|so|this|these|the"
    r"|a|an|our|your|his|her|their|my|may|can|also|both|each|and)\b"
    r"|\b(?-i:will|would|you'd|you'll|reports?|works?|working|joins?|joined|line manager"
    r"|hiring manager|manager's|boss|supervisor of)\b",
    re.IGNORECASE,
)


ACTIVITY = re.compile(
    r"\b(?:interview|session|meeting|conversation|chat|call|presentation|discussion"
    r"|deep[- ]dive|walkthrough|case study|assessment|exercise|review|introduction|intro"
    r"|overview|q&a|debrief|wrap[- ]up|demo|lesson|observation|test|walk|scenario"
    r"|simulation|role[- ]play|shadow(?:ing)?|visit|tour|lunch|dinner|breakfast|coffee"
    r"|next steps)\b",
    re.IGNORECASE,
)


EMAIL = re.compile(r"(?:mailto:)?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


ME = re.compile(
    r"\bwith me\b|\bme,?\s+as\b|\bwith myself\b|\band me\b|\bme and\b|\bmyself\b"
    r"|\bI(?:'d| would) (?:love|like) to meet you\b|\bI(?:'ll| will) be joined by\b"
    r"|\bI(?:'ll| will)(?: also)? (?:be )?interview(?:ing)? you\b|\bmeet (?:with )?me\b"
    r"|\bjoin(?:ing)? me\b|\bI(?:'ll| will) be chairing\b"
    r"|\bwe(?:'ll| will) (?:have|do) (?:a |an )?(?:quick |short |brief )?(?:chat|talk"
    r"|interview|conversation)\b"
    # "14:00  me - wrap-up and your questions": the sender's own line of a schedule
    r"|(?:(?<=\d)|(?<=[ap]m)|(?<=[AP]M))\s+me\b(?=\s*[-–—:(|,])",
    re.IGNORECASE,
)


DANGLING = re.compile(r"(?:\s+(?:at|on|from|between|until|by|for|in|and|with|to)\b)+\s*$", re.I)


@dataclass
class Mention:
    name: str
    honorific: str | None
    unit: Unit
    title: str | None = None
    context: list[str] = field(default_factory=list)
    email: str | None = None
    times: FoundTimes | None = None
    borrowed: bool = False
    positive: bool = False
    aside: bool = False
    unavailable: bool = False
    replaced: bool = False
    partial: bool = False  # "Mr Fifita", "Rémy": to be joined to a full name
    me: bool = False  # "with me": the person who signs the message
    offset: int = 0  # minutes after the interview's start, from lengths said before it
    minutes: int = 0  # the length said for this person's part
    aliases: list[str] = field(default_factory=list)  # "Alex" of "Alejandro (Alex) Fuentes"
    at: int = 0  # where the name stands in its unit's text


@dataclass(frozen=True)
class Signer:
    name: str
    honorific: str | None
    title: str | None


# Labels of a labelled line that put the people after them on the panel.
ROSTER_LABEL = re.compile(
    r"\b(?:chair\w*|convenor|member\w*|panel\w*|interview\w*|board|committee|assessors?"
    r"|who|with|attendees?|participants?|guests?|hosts?|meeting|observer|lead)\b",
    re.IGNORECASE,
)


# Labels that only say "the panel": "Board members:", "Your interview panel:", "Who:".
PANEL_LABEL = re.compile(
    r"(?:(?:your|the|our)\s+)?(?:(?:independent|external|lay|expert|additional)\s+)?"
    r"(?:(?:interview|selection|search|hiring)\s+)?(?:(?:panel|board|committee)"
    r"\s+)?(?:members?|panel|panell?ists?|interviewers?|board|committee|who|with|attendees)",
    re.IGNORECASE,
)


# Labels after which a name is someone else: the sender, a contact, the candidate, a place.
OTHER_LABEL = re.compile(
    r"\b(?:from|to|cc|bcc|sent|organi[sz]er|coordinator|contact|recruiter|requested|sender"
    r"|candidate|applicant|reply|questions?|queries|enquiries|scheduler|owner|note|name"
    r"|where|venue|location|address|place|room|date|when|time|parking|dress|bring|documents?"
    r"|ref\w*|re|subject|position|role|job|vacancy|post)\b",
    re.IGNORECASE,
)


def other_label(label: str) -> bool:
    return bool(label) and bool(OTHER_LABEL.search(label)) and not ROSTER_LABEL.search(label)
