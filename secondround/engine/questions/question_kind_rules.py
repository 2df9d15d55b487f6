"""The kind rules: ordered patterns over a question's normalised text, the kinds decided
first, and what a kind says about the competency (prior and fallback)."""

from __future__ import annotations

import re

# A question's form says something about its competency: kind -> (competency, bonus).
KIND_PRIOR: dict[str, tuple[tuple[str, float], ...]] = {
    "motivation": (("motivation", 2.0),),
    "self_assessment": (("self_awareness", 1.5),),
    "salary": (("motivation", 3.0),),
    "closing": (("motivation", 1.0),),
    "curveball": (("creativity", 1.0),),
    "technical": (("technical_depth", 1.5),),
    "second_round": (("motivation", 0.5),),
    "illegal": (("culture_fit", 1.0),),
}
# When nothing at all matched: the competency a kind most often assesses.
KIND_FALLBACK: dict[str, str] = {
    "behavioral": "problem_solving",
    "situational": "problem_solving",
    "second_round": "motivation",
    "motivation": "motivation",
    "technical": "technical_depth",
    "self_assessment": "self_awareness",
    "curveball": "creativity",
    "illegal": "culture_fit",
    "salary": "motivation",
    "closing": "motivation",
}
DEFAULT_KIND = "behavioral"
# A lawful check (the substitute equality guidance offers for an illegal question) is a job
# requirement, filed as technical by the labelling rules of eval/questions_corpus: the right
# to work, a minimum age, other names worked under, convictions, a relative employed here,
# job-related languages. The learned model files them as self-assessments or curveballs
# ("an alien authorized to work"), so the form decides. Availability and the duties of the
# job are self-assessments or technical by their wording: left to the model.
LAWFUL_FORM_KINDS: dict[str, str] = dict.fromkeys(
    ("right_to_work", "minimum_age", "other_names", "convictions", "spouse_here", "languages"),
    "technical",
) | {"salary_history": "salary"}

# Ordered (kind, pattern) rules run on the normalised, unstemmed text; first match wins.
# Illegal questions are read before these by `illegal_questions` (protected grounds and
# their lawful look-alikes). "How do you handle / prioritise…" (a habit or routine) is left
# to the kind model: the occupations set files it as technical or situational, not as a
# behavioural "tell me about a time".
_KIND_RULE_TEXT: tuple[tuple[str, str], ...] = (
    (
        "salary",
        r"\b(salary|salaries|pay (range|expectation)|how much (do|did) you (currently )?(make|earn)"
        r"|compensation|current pay|expected pay|paid in your|wage|remuneration|your rate\b"
        r"|paycheck|earn (now|currently))",
    ),
    (
        "closing",
        r"\b((any|some|other) questions (for|about) (us|me|the)|do you have (any )?questions"
        r"|what questions do you have|anything (else )?you (would like|want) to ask"
        r"|anything else (we|i) should know|is there anything (else )?you.{0,20}(ask|add))",
    ),
    (
        "curveball",
        r"(\bif you (were|could be) an? (animal|gerbil|fruit|vegetable|color|colour|superhero"
        r"|kitchen|tree|car|song|book|food)|\bhow many (golf balls|piano|windows|tennis balls"
        r"|gas stations|people)|unlimited (budget|money)|desert island|zombie|superpower"
        r"|\bwhich (animal|superhero|fictional)|\bgift\b|\btrips?\b|\bgrandmother|grandparent"
        r"|\bteach (me|us|your interviewer)\b|disagree with you about|what is broken"
        r"|if you could (have|be|go|meet|live)|alien|time machine|lottery)",
    ),
    (
        "self_assessment",
        r"(first annual review|would (i|we) be telling you)",
    ),
    (
        "second_round",
        r"(\bwhat have you learn(ed|t) about (us|our|the company|the team)"
        r"|\bhow would you proceed|\bfirst (day|week|month|30|60|90|six months|6 months|year)"
        r"|\b(30|60|90|six|6) (days|months) (after|in|on)|\bif (you were|you are|i) hired"
        r"|\bafter (being|you are|you're|you were) hired|\bwhat (do|did) you (think|know) of"
        r"|\bwhat do you know about (us|our|the (role|company|team|position|job))"
        r"|\bimprove (our|the company|\w+s (website|app|product|service|store|experience))"
        r"|\bremove from (our|the|\w+)|\bhow does \w+ impact"
        r"|\bbugs in\b|\bfavou?rite feature|\bwhat questions did you)",
    ),
    (
        "motivation",
        r"(\bwhy (do|would) you (want|like) to (work|join|leave|change)|\bwhy (do|did) you apply"
        r"|\bwhy are you (interested|looking|leaving|applying)|\bwhy (this|our) (company|role"
        r"|job|position|team|industry|field|organi[sz]ation)|\bwhy do you like\b"
        r"|^why [\w.&' -]{2,30}\??$"
        r"|\b(tell me )?(about )?why you want to\b|\bwhere do you (see yourself|want to be)"
        r"|\b(five|5|ten|10) years\b|\blooking for in (your|a|the) next|\bnext role"
        r"|\bwhat (excites|interests|attracts) you about (the|this|our|us)|\bleave your current"
        r"|\bleaving your|\bchange (your )?(current )?(company|job|career)|\bcareer (goals|plans)"
        r"|\bwhat (part of )?our (mission|values)|\bresonates"
        r"|\bdon ?t want from"
        r"|\bbest and worst things about your (current|last))",
    ),
    (
        "self_assessment",
        r"(\babout yourself\b|\bdescribe yourself|\bsomething about yourself|\bwho you are\b"
        r"|\bweakness|\bstrengths?\b|\barea(s)? (of|for) (growth|improvement|development)"
        r"|\b(would|do|might) (your|my|the) (\w+ ){0,2}(colleagues|manager|boss|coworkers"
        r"|co workers|friends|team|supervisors?|peers|reports) (say|describe|use|rate|call)"
        r"|\bdescribe you\b|\brate you\b|\bgood fit\b|\bfit for (this|the)|\bwhat frustrates"
        r"|\bwhat (are you|excites you|motivates you|drives you)\b.{0,20}$"
        r"|\bcriticized|\bcriticised|\bpet peeve|\bhow do you (stay|keep) (up|current)"
        r"|\bwhat do you do to (enhance|improve|keep|develop)|\bwant to develop"
        r"|\bwhat (is|was) the most fun|\bbest day of work|\bmost interesting subjects"
        r"|\bhow would you (describe|rate|sum up|characteri[sz]e) (yourself|your)\b)",
    ),
    (
        "situational",
        r"(\bwhat (would|will|should|could) you do\b|\bhow would you (handle|respond|react|deal"
        r"|approach|manage|proceed|go about|resolve|tackle|prioriti[sz]e)|\bwhat would you do if"
        r"|\bimagine\b|\bsuppose\b|\bassume\b|\bif you (were|had|found|noticed|saw|discovered)"
        r"|\bif (a|an|your|someone|somebody|the) .{0,60}\bhow would|\bhow would (handle|you)"
        r"|\bwhat if\b)",
    ),
    (
        "behavioral",
        r"(\btell me (about )?(a|an|one|the|some|your)\b|\btell me a time|\bdescribe (a|an|one"
        r"|the|your)\b|\bgive (me )?an example|\bgive (me )?examples|\bprovide an example"
        r"|\bwalk me through|\btake me through|\bshare (a|an|one)\b|\bname a (situation|time)"
        r"|\bhave you ever\b|\bwhen (did|have) you\b"
        r"|\bwhat (is|was|s|are|were) the (most|biggest|hardest"
        r"|toughest|best|worst)|\bhow (did|have) you\b|\bstate an experience|\btalk about"
        r"|\bexplain (a|the|your) project|\bin your (professional )?experience"
        r"|\bwhat (project|projects)\b|\bwhat have you (built|done|worked)"
        r"|\bwhat is something (that )?you (had|have|did))",
    ),
    (
        "technical",
        r"(\bhow would you (design|test|build|implement|architect|debug|optimi[sz]e|model|write)"
        r"|\bexplain (how|what|the difference)|\bwhat is the difference between|\barchitecture"
        r"|\bhow does (a|an|the) \w+ work|\bwhat is (a|an) \w+\??$|\bdefine\b"
        r"|\bwalk me through how|\bhow do you (calculate|configure|implement|use|measure)"
        r"|\bwhich (tools|methods|techniques|frameworks)|\bwhat tools)",
    ),
)
KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in _KIND_RULE_TEXT
)
# Rules whose form is decisive even when a more topical rule also matched, checked first.
# A technical method question ("how would you design…") beats the generic situational form.
# So do a method walked through ("walk me through how you'd…") and a question on the state
# of the field, which the occupations set files under the job's knowledge.
TECHNICAL_FIRST = re.compile(
    r"(\bhow would you (design|test|build|implement|architect|debug|optimi[sz]e)\b"
    r"|\barchitecture\b|\bwalk me through how (youd|you would|you will|to)\b"
    r"|\bfacing (the|our|your|this) (\w+ )?(field|profession|industry|sector)\b"
    r"|\b(industry|field) trends?\b)"
)
