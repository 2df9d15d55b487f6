"""Is an interview question one an employer should not ask, and on which protected ground?

An illegal question filed as behavioural leaves the candidate without a calm way to decline
it; a lawful one filed as illegal tells them to refuse a fair question. So this reader
names both sides:

* `protected_ground(text)`: the ground a question probes (age, family, religion, national
  origin, disability and health, arrests, union membership…), from patterns written from
  the grounds that equality law lists in the US (EEOC), the UK (Equality Act 2010), Canada,
  Ireland, Australia, New Zealand, South Africa, India and Singapore, not from a list of
  example questions. A nationality, ethnic or religious group named in a question about the
  candidate ("Are you German?", "Do you identify as Hispanic?") is found by the shared
  spaCy parse (a NORP entity); so is a word naming a ground that the parse ties to the
  candidate ("What does your spouse do?", "Are you HIV positive?": `candidate_grounds`).
  Without the parse the patterns decide alone.
* `lawful_form(text)`: the lawful question that sits next to each ground on those pages:
  the right to work (not citizenship), a minimum legal age (not age), "can you perform the
  duties of the job" (not disability), availability and attendance (not children or
  religious holidays), languages spoken fluently (not the native tongue), a different name
  worked under (not the maiden name), convictions (not arrests; lawful in most places, with
  a caveat because some jurisdictions limit it).

`reading(text)` combines them: a ground with no lawful form is illegal; a lawful form wins
over a weak ground cue ("health" in "family, business, health or social obligations that
would prevent you from working").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from secondround.engine.nlp import parsing as nlp
from secondround.engine.questions.candidate_grounds import GROUND_WORDS, candidate_ground

__all__ = [
    "IllegalReading",
    "GROUNDS",
    "about_others",
    "lawful_form",
    "protected_ground",
    "reading",
]

# Ground id -> label shown to the user.
GROUNDS: dict[str, str] = {
    "age": "Age",
    "family": "Marital or family status",
    "pregnancy": "Pregnancy and family plans",
    "religion": "Religion or belief",
    "national_origin": "National or ethnic origin, race or language",
    "citizenship": "Citizenship (beyond the right to work)",
    "sex": "Sex, gender identity or sexual orientation",
    "disability": "Disability or health",
    "arrests": "Arrests or police record",
    "union": "Union membership",
    "political": "Political opinion",
    "military": "Military discharge",
    "finances": "Personal finances",
    "lifestyle": "Private life (residence, habits, clubs)",
    "appearance": "Appearance (height, weight)",
}

# Countries and "this country": arrival in one of them asks about national origin. A city
# ("When did you move to Leeds?") is a relocation, not an origin.
_COUNTRIES = (
    r"this country|the (uk|us|usa|states|united states|united kingdom|country)|uk|us|usa|britain"
    r"|england|scotland|wales|ireland|america|canada|australia|new zealand|nz|india|singapore"
    r"|south africa|germany|france"
)

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _normalise(text: str) -> str:
    text = text.translate(_QUOTES).lower()
    text = re.sub(r"\((s|es)\)", r"\1", text)  # "language(s)" -> "languages"
    text = re.sub(r"[-/_]", " ", text).replace("'", "")
    return re.sub(r"\s+", " ", text).strip()


# The candidate is the one asked about: "do you have…", "have you ever been…", "your…",
# within a few words of the topic. "A patient with a chronic illness" is about the work.
_OWN = (
    r"\b(do you (have|suffer|take|use|need|see)|have you (ever )?(had|been|suffered|experienced"
    r"|taken|filed|made|undergone|got)|did you (ever )?(receive|get|sustain|suffer|have|take)"
    r"|are you|were you|your( own)?|you (take|use|have|had))"
    r"\b(?:(?!\b(?:with|people|person|someone|those|others|patients?|clients?|supporting|helping"
    r"|caring|working|experience|knowledge|understanding|team|staff)\b)[^.?!]){0,30}?"
)
# The window of _OWN does not cross into other people or the candidate's work: "(do you
# have) experience supporting people with (mental health conditions)", "(keep) your team
# (healthy)".


def _own(terms: str) -> str:
    """A pattern: one of `terms` said of the candidate (see _OWN)."""
    return _OWN + r"\b(" + terms + r")\b"


# (ground, pattern) on the normalised text. Each pattern asks about the candidate's own
# status; a question about the work ("a student with a disability") does not match.
_GROUND_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "age",
        r"\bhow old (are you|is she|is he)|\byour (age|date of birth|birth ?date|birth year)\b"
        r"|\bwhat age are you|\b(year|date) (were you|you were) born|\bwhen were you born"
        r"|\bwhen did you (graduate|finish|leave) (from )?(high |secondary )?(school|college"
        r"|university)|\b(what|which) year did you (graduate|finish|leave)"
        r"|\bwhen did you graduate\b"
        # the year of a school or college milestone gives the age away ("In what year did you
        # take your A levels?"); a future one ("When will you finish your degree?") does not
        r"|\b(when|what year|which year|in what year|what date) did you (graduate|finish|leave"
        r"|complete|take|sit|get|receive|obtain|pass|do)\b[^.?!]{0,30}\b(school|college"
        r"|university|a ?levels?|o ?levels?|gcses?|matric\w*|diploma|degree|ged|baccalaureate"
        r"|leaving cert\w*|highers|finals|hsc|board exams?)\b|\bgraduation (year|date)"
        r"|\b(whats|what is|when is|whens) (your?|ur) (date of birth|birthday|birth ?date|dob)\b"
        r"|\b(are you|you are|you)\b[^.?!]{0,25}\bretir(e|ing)\b"
        r"|\byou (plan|planning|intend|thinking|want|hope|expect)\w* (on |to )?retir|\bretire soon"
        r"|\buntil you retire|\bwhen (will|do|are) you (plan\w* to )?retire|\bretirement plans"
        r"|\bclose to retire"
        r"|\bhow long have you been in the workforce|\bgeneration are you"
        r"|\bbefore (e ?mail|the internet|computers|mobile phones) (was|were) (introduced|around)"
        r"|\btoo (old|young) for (this|the|a)"
        # the rest of a working life, and the year a career or a class began
        # (not the hours of a day or a week, nor the years with this employer: "How long do you
        # expect to work each day?", "How many years do you plan to work here?" are lawful)
        r"|\b(till|til|before) (you retire|retirement|retiring)\b"
        r"|\bhow many (more )?years\b[^.?!]{0,30}\b(you|youll) (plan|intend|expect|want|think|hope"
        r"|going)\w*\b[^.?!]{0,12}\b(work|keep working|continue)\b"
        r"(?! (here|for us|with us|in th|at th))"
        r"|\bhow long (do you think |would you say )?(you|youll|will you|do you) (will |plan to "
        r"|intend to |expect to |want to )?(continue|keep) (to )?work(ing)? ?\?"
        r"|\bslow(ing)? down in the (next|coming)"
        r"|\bhow long have you been working\?|\bclass of \d{2,4}\b"
        r"|\bkeep(ing)? (up|pace) with\b[^.?!]{0,20}\b(young|younger|twenty ?somethings?"
        r"|millennials|gen z|recent (tech |technology )?grads|graduates)\b"
        r"|\btwenty ?something (demographic|crowd|team|customers|staff)"
        r"|\byou (look|seem|sound)\w* (a (little|bit|lot) |rather |quite |very |too "
        r"|kind of |pretty |so )?(young|old) (to|for)\b",
    ),
    (
        "family",
        r"\b(are|were) you (currently )?(married|single|divorced|separated|widowed|engaged"
        r"|a (married|single) (woman|man|mother|father|parent))\b|\bmarital|\bcivil status"
        r"|\bmaiden name|\bmiss,? (mrs|ms)|\b(mr|mrs|ms|miss),? or (mr|mrs|ms|miss)"
        r"|\byour (husband|wife|spouse|partner|boyfriend|girlfriend|fiance|fiancee)s?\b"
        r"|\b(husband|wife|spouse)s? (be )?(ok|okay|fine|mind|agree)\b"
        r"|\bparents? ?(husband|wife)|\bparents (be )?(ok|okay|mind)"
        r"|\bdo you have (a )?(partner|husband|wife|spouse|boyfriend|girlfriend)"
        r"|\b(seeing|dating) anyone|\bget(ting)? married|\bplan(ning)? to marry"
        r"|\b(do you have|have you got|got) (any )?(kids|children|grandchildren|dependants"
        r"|dependents)\b|\bhow many (kids|children) (do|have) you|\b(kids|children) of your own"
        r"|\bages of your|\bhow old are your|\byour (kids|children) (get|are|while|at)"
        r"|\b(looks?|look) after your (kids|children)|\blooking after your (kids|children)"
        r"|\bchild ?care (arrangements|provisions)|\barrangements .{0,40}child ?care"
        r"|\bprovisions? for child ?care|\bbaby ?sit your"
        r"|\b(who|with whom) do you live|\bdo you live (alone|with)|\blive with your"
        r"|\b(who|anyone|people|persons?|someone) (else )?(lives?|living|stays?|staying) with you\b"
        # children placed in the candidate's home or set against the job
        r"|\b(young |small |little )?(kids?|child|children|baby|babies|toddlers?) (at|back) home\b"
        r"|\b(manage|balance|juggle|combine|cope with) (your )?(work|a job|the job|full time work)"
        r" (with|and) (your |two |three |four |five |\d |young |small |little )+(kids|children)\b"
        r"|\bdo you have (any )?family (nearby|here|in)\b|\bcaring responsibilities"
        r"|\blooking after (elderly|your|aging|ageing) (parents|relatives)"
        r"|\bchild ?care (be|is|going to be|will be|gonna be) (a |an )?(problem|issue|concern)"
        r"|\bschool (pick ?ups?|drop ?offs?)\b|\b(the|your) school runs?\b"
        r"|\b(are you|as) a single (parent|mother|father|mum|mom|dad)\b"
        r"|\bsingle (parents|mothers|mums|moms) (are|arent|always|never|tend|cant|dont)\b"
        # who minds the children, what they cost, who helps: the candidate's care at home
        r"|\bwho (looks after|minds|watches|takes care of|cares for|picks up|collects) (your (kids"
        r"|children|baby|little ones)|the (kids|children)\b[^.?!]{0,20}\b(when|while) you(re)?)\b"
        r"|\bany little ones\b"
        r"|\b(could|can|would) you afford (the )?(child ?care|nursery|day ?care)"
        r"|\bhow old are the (kids|children|boys|girls|little ones) now\b"
        r"|\b(do you have|have you got|any|your) family( members?)? (who )?(lives? |living )?"
        r"(nearby|close by|locally)\b"
        r"|\b(twins|little ones) (at|back) home\b|\b(anyone|someone|people) (at home )?who"
        r" (depends?|relies?) on you|\b(back|return\w*) to work after (the|your) (baby|birth"
        r"|maternity)|\btoo young for (full time )?(day ?care|nursery|child ?care)"
        r"|\b(a|the) (mrs|mr|missus|significant other) at home\b"
        # a relative, not any person, as the one to call in an emergency
        r"|\brelatives? (to be |(we|should we|can we|could we) (can |should |could )?)?(notified"
        r"|contacted|notify|contact|call)\b",
    ),
    (
        "pregnancy",
        r"\b(are you|you are|currently|become|becoming|get|getting) pregnan|\bmaternity leave"
        r"|\b(get|getting|got) knocked up"
        r"|\bstart(ing)? a family|\bfamily plans|\bplans? (for|of) (having )?(kids|children"
        r"|a family)|\bplan(ning)? (to|on) (have|having|start|starting) (any |more )?(kids"
        r"|children|a baby|a family)|\b(going|want) to have (kids|children)|\bcontracepti"
        r"|\bbirth control|\b(kids|children) or plan(ning)? to|\bplanning to have any"
        r"|\bhave (any )?more (kids|children)"
        r"|\b(thinking|thought) (about|of) (having (kids|children|a baby)|(starting )?a family)\b"
        r"|\b(you )?thinking about (kids|children) ?\?"
        r"|\b(extend|extending|grow|growing|expand|expanding|add to|adding to) (your|the) family\b"
        r"(?! (business|firm|company|farm|shop|restaurant))"
        r"|\b(your|you) (last )?(period|menstrua\w*)\b(?! (of|in|at|with|when|as|for|during))",
    ),
    (
        "religion",
        r"\breligio|\b(what|which|your) church|\bchurch (do|on)|\bgo to church|\bmosque"
        r"|\bsynagogue|\bdenomination\b|\bdo you pray|\byour faith\b|\bcreed\b|\bheadscarf"
        r"|\bhijab|\bturban|\byarmulke|\bkippah|\b(jesus|allah|the bible|quran|koran)\b|\bin god\b"
        r"|\bgood friday|\brosh hashanah|\byom kippur"
        r"|\bramadan|\bsabbath|\bholy days|\bcaste\b"
        # which festivals the candidate keeps, and what they believe in
        r"|\b(do|did) you (normally |usually )?(celebrate|observe)\b[^.?!]{0,20}"
        r"\b(christmas|easter|diwali|eid|hanukkah|passover|holidays)\b"
        r"|\b(do|did) you (normally |usually )?spend (christmas|easter|diwali|eid|hanukkah"
        r"|passover) (with|at)\b"
        r"|\bwhat are you (doing|up to) (for|over) the holidays ?\?"
        r"|\b(are you|you are)\b[^.?!]{0,25}\bfaith (community|group)"
        r"|\byour faith (community|group)"
        r"|\bplace of worship|\bwhere do you worship|\bdo you believe in (god|evolution|creation"
        r"|heaven|the afterlife|a higher power)\b",
    ),
    (
        "national_origin",
        r"\bnationality|\bnational origin|\b(your|what) ethnic|\bethnicity|\brace\b(?! condition)"
        r"|\baddress(es)? (outside|abroad|overseas|in another country)\b"
        r"|\bwhere did you (grow up|live growing up|spend your childhood)\b(?!,? and)"
        r"|\bgr[eo]w(ing)? up speaking\b"
        r"|\bis (that|this|it) an? (?!(nick|first|last|full|legal|real|maiden|common|company"
        r"|brand|user|stage|pen|trading|business|job|product|domain)\b)\w+ (name|surname)\b"
        r"|\bcolou?r of your skin|\bskin colou?r|\byour (heritage|ancestry|lineage|descent)"
        r"|\bwhats your heritage|\btraveller community"
        r"|\bwhere (are|were) you (really |originally )?from|\bwhere (is|was) your (family"
        r"|accent|name) from|\bwhat (country|part of the world) (are|were) you (from|born)"
        r"|\bwhere (were|was) (you|your \w+) born|\bcountry were you born|\bplace of birth"
        r"|\bborn (in|outside)\b|\bwhere you were born\b|\bwhere are your parents from"
        r"|\byour parents (from|born)|\bwhere were you (raised|brought up)"
        r"|\bwere you (raised|brought up) (here|in this country)"
        r"|\bwhere did you go to (high |secondary |primary |elementary )?school\b"
        r"|\bbirth certificate"
        r"|\b(your|you)\b[^.?!]{0,25}\b(first|native|mother|home) (language|tongue)"
        r"|\blanguages? (do you |you )?(speak |use )?at home"
        r"|\b(your|an?|that|slight|interesting) accent\b|\b(sort|kind|type) of accent"
        r"|\bkind of name|\byour name \w+\b\?"
        r"|\bname (origin|come from)|\borigin of (your|that|the) (sur|last |family )?name"
        r"|\bwhat race|\byour \w+s? surname|\bnames of your relatives"
        r"|\b(new zealand|canadian|australian|local|uk|us|american|british) experience\b"
        r"|\baa ?eeo status|\bare you (a member of )?a minority"
        # when the candidate came to the country, how long they have lived in it
        r"|\bwhen did you (first )?(come|move|arrive|immigrate|emigrate|relocate) (to|in|here)"
        r"\b[^.?!]{0,6}\b(" + _COUNTRIES + r")\b|\bwhen did you (first )?(come|arrive) here"
        r"|\bhow long have you (lived|been living|been|resided) (in|here in) ("
        + _COUNTRIES
        + r")\b"
        # how or where a language was learnt (guidance: ask which languages, not how)
        r"|\b(how|where) did you (learn|pick up|acquire)\b[^.?!]{0,12}\b(language|tongue"
        r"|to speak)\b|\bwhere did you learn to speak",
    ),
    (
        "citizenship",
        r"\b(are|were) you (a |an )?(\w+ )?(citizen|native born|naturali[sz]ed|immigrant)"
        r"|\bcitizens? of\b|\bcitizenship|\bnaturali[sz]ed|\bnative born"
        r"|\bare you from (the )?(uk|us|usa|here|this country|around here)"
        r"|\byour immigration|\b(parents|spouse) citizens"
        r"|\b(which|what|whose) passports? do you (hold|have|carry)",
    ),
    (
        "sex",
        r"\bsexual (orientation|preference)|\b(gay|lesbian|bisexual|transgender)\b"
        r"|\bgender (identity|reassignment|expression)|\blgbt\w*|\bqueer\b|\bgender affirming"
        r"|\b(name|sex|gender)\b[^.?!]{0,12}\b(given|assigned|registered) at birth|\bbirth name"
        r"|\b(have you|are you) (already )?transition(ed|ing)\b(?! (to|into|from|out))"
        r"|\b(as|being) (a|the only) (woman|female|girl|man|male)\b|\bcan a (woman|female|girl)\b"
        r"|\b(dont|do not) (get|have|see) (many|any|a lot of) (women|females|girls|men)\b"
        r"|\b(are you|is she|is he) (a )?(male"
        r"|female|man or a woman|woman or a man)|\bmale or female|\bwhat (is your )?(sex"
        r"|gender)\b",
    ),
    (
        "disability",
        _own(
            r"disab(led|ility|ilities)|handicap|(health|medical) (condition|problem|issue"
            r"|history|record)s?|health|illness(es)?|ailments?|diseases?|sick ?ness|sick days"
            r"|sick leave|chronic|mental (health|illness)|depression|rehab\w*|addict\w*"
            r"|medications?|prescriptions?|hiv|aids test|physical exam|workers? comp\w*"
            r"|injur(y|ies|ed)|cane|wheelchair|crutch(es)?|hearing aids?|scars?|limp|prosthe\w*"
            r"|ptsd|post ?traumatic|traumatic|tbi|brain injur\w*|stress leave|nervous breakdown"
            r"|workcover( claims?)?|(acc|injury|compensation) claims?"
            r"|therapist|psychiatrist|anxiety|asthma|diabetes|epilepsy|seizures?|(back|heart|knee"
            r"|mental) (problems?|conditions?|trouble)"
        )
        + r"|\bhow often do you get sick|\b(sick|sickness) (days|leave)\b[^.?!]{0,30}\b(you|your)"
        r"|\bget sick\b[^.?!]*\byou|\bsick (days|leave) did you"
        r"|\b(time|days?|weeks?|months?) off sick\b|\b(take|took|taken|been|were) off sick\b"
        r"|\b(were|have) you (been )?off sick"
        r"|\b(do|have|did) you (ever |currently )?suffer(ed)? (from|with)\b"
        r"|\b(are|were) you (currently |still )?suffering\b"
        r"|\bsick ?ness (record|absence|history)|\babsence record"
        r"|\bdisabilit(y|ies)\?|\b(treated|hospitali[sz]ed|diagnosed) (for|with)"
        r"|\btested for (hiv|aids)|\bdrug or alcohol (abuse|problem)|\bgenetic"
        r"|\bworkers? comp|\bworkplace injur|\binjured (on|at) (the job|work)"
        r"|\b(that|a nasty) scar|\bthat (cane|wheelchair|limp)|\bfamil\w* health"
        r"|\bhow many days were you (sick|ill|in hospital)\b|\bhave you (ever )?had (any )?"
        r"(operations|surgery|surgeries)\b(?! (management|experience|roles?|manager|team|research"
        r"|planning|staff|work))|\b(take|taking) (anything|something|any \w+) for"
        r" (your|the) (nerves|anxiety|depression|pain|back|heart|blood pressure|condition)\b"
        r"|\b(prescription|prescribed) (drugs|medications?|medicines?) (are you (currently )?"
        r"(taking|on)|do you (currently )?(take|use|need))\b"
        r"|\b(did|have) you (ever )?(get|got|been) (hurt|injured)\b(?! by)"
        # an impairment said of the candidate, their body's functions, their wheelchair
        r"|\b(are|were) you (currently |still )?(paraly[sz]ed|paraplegic|quadriplegic|tetraplegic"
        r"|deaf(?! to)|blind(?! to| spot)|partially sighted|hard of hearing|disabled|handicapped"
        r"|autistic|dyslexic|diabetic|epileptic|asthmatic|in a wheel ?chair|a wheel ?chair user)\b"
        r"|\bcan you (walk|see|hear|stand)( at all| unaided| without (help|assistance|a stick"
        r"|a cane|aids?)| properly| very far)\b"
        r"|\bhow often do you (need|have) to (use|visit|go to) the (toilet|bathroom|restroom|loo)"
        r"|\byou\b[^.?!]{0,40}\b(in|from|out of) (the|your|that) wheel ?chair\b",
    ),
    (
        "arrests",
        r"\b(ever )?been (arrested|busted)|\barrest record|\byour arrests"
        r"|\b(been|spent time|served time|time) in (jail|prison)|\bjail time|\bpolice record"
        r"|\bcops\b|\btrouble with the (law|police)"
        r"|\b(picked up|stopped|questioned|detained|held|cautioned) by (the )?police"
        r"|\bever been (charged with (a |an |any )?(crime|offen[cs]e|anything|something)|detained"
        r"|cautioned|in custody)\b|\brun ins? with the (law|police)",
    ),
    (
        "union",
        r"\bunion (member|membership|activit|card)|\bmember of (a|the|any) (trade )?union"
        # the candidate's view of unions, or their part in one
        r"|\b(feel|think|views?|opinions?|thoughts) (about|on|of) (the )?(trade |labou?r )?unions\b"
        r"|\b(are|were) you (in|part of|with) (a|the|any) (trade |labou?r )?union\b"
        r"|\b(join|joining|organi[sz]e|organi[sz]ing|organi[sz]ed|form|forming|formed) (a |the )?"
        r"(trade |labou?r )?union\b",
    ),
    (
        "political",
        r"\bpolitical (party|affiliation|views|opinions?|beliefs|leanings)|\bvote for\b"
        r"|\bwho (did|do|will) you vote|\bsupport politically"
        r"|\bpolitical (causes?|activit\w*|campaigns?|groups?|organi[sz]ations?|involvement"
        r"|membership)"
        r"|\bare you politically (active|involved)"
        r"|\b(which|what) (political )?party (do|did|would|will) you (support|vote|back|belong"
        r"|favou?r)",
    ),
    (
        "military",
        r"\b(military|army|navy|honou?rabl[ey]|type of|dishonou?rable|your) discharge"
        r"|\bdischarged from the (military|army|navy|forces|service)|\bhonou?rabl[ey] discharged"
        # reserve status and its duties (USERRA; the reserve forces acts elsewhere)
        r"|\b(are|were) you (still |currently |now )?(in|a member of|part of|serving in) the (army "
        r"|naval |air force |)(national guard|reserves?|territorial army|army reserve|guard)\b"
        r"|\bare you (a |still a )?reservist"
        r"|\b(likely|going|expect\w*) to (be )?(deployed|called up)"
        r"|\bcalled away for (drill|training|deployment)"
        r"|\b(take|taking|need|needing) (leave|time off) (to|for) (serve|service|drill|training"
        r"|duty)"
        r"\b[^.?!]{0,25}\b(military|army|navy|air force|forces|reserves?|national guard)\b"
        r"|\b(called up|deployed)\b[^.?!]{0,30}\b(while|when) (working|you work|employed)"
        r"|\b(leave|away|time off) for (military|army|reserve|reservist|national guard|guard)"
        r" (training|duty|drills?|service|camp)\b"
        r"|\b(did|have) you (ever )?serve[d]? in (any|another|a foreign) (army|military"
        r"|armed forces)",
    ),
    (
        "finances",
        r"\b(are you in debt|any debts|your debts|personal debt|bankrupt\w*|garnish\w*"
        r"|your credit (score|rating|history)|your loans?)\b"
        r"|\b(own|rent) (your|a) (home|house|flat|apartment)|\bown or rent|\bdo you own a car"
        r"|\b(are|were) you (currently |now )?(on|receiving|claiming) (a |any )?(benefits?|welfare"
        r"|public assistance|social assistance|income support|food stamps|universal credit"
        r"|the dole)\b",
    ),
    (
        "lifestyle",
        r"\b(do you|you) (socially )?(drink|smoke)\b|\bare you a smoker|\bwhere do you live"
        r"|\bwhat area do you live|\bclubs? (or|and) (societies|organi[sz]ations)"
        r"|\bwhat clubs|\bclubs do you belong|\bto what clubs|\bwho do you live"
        r"|\blive with your parents",
    ),
    ("appearance", r"\bhow (tall|heavy) are you|\bhow much do you weigh|\byour (height|weight)\b"),
)
GROUND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (ground, re.compile(pattern)) for ground, pattern in _GROUND_PATTERNS
)

# The lawful forms the same guidance offers as substitutes: (form, pattern).
_LAWFUL_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "right_to_work",
        r"\b(legally )?(authori[sz]ed|entitled|eligible|permitted|allowed|right) to work\b"
        r"|\beligible for employment|\bright to work|\bwork (permit|visa|authori[sz]ation)"
        r"|\bproof of (citizenship|eligibility|your right)|\blegal right to work",
    ),
    (
        "minimum_age",
        r"\b(over|at least|older than|above) (the age of )?(14|15|16|17|18|19|21)\b"
        r"|\b(16|18|19|21) (years )?(of age |old )?or (older|over)\b|\blegal (working )?age"
        r"|\bminimum (legal )?age|\bat least (1[4-9]|2[0-5]) years"
        r"|\b(old enough|of (legal|the legal|sufficient) age) to (work|serve|sell|drive|hold)",
    ),
    (
        "job_duties",
        r"\b(perform|carry out|do|fulfil|fulfill) (the |all the )?(essential |specific |main "
        r"|core )?(functions|duties|tasks|requirements)\b|\bwith or without (a )?reasonable"
        r"|\breason why you (would|could) not be able to do|\bable to (lift|carry|stand)\b"
        r"|\bspecific requirements in order to perform",
    ),
    (
        "availability",
        r"\b(able|available|willing) to (work|travel|start)\b(?! (with|alongside|for|under)\b)"
        r"|\bwhat (days|hours|shifts)"
        r"|\btimes (that )?you (cannot|cant|can not) work|\battendance|\bwork schedule"
        r"|\brequired schedule|\bthis (particular )?schedule|\bovertime"
        r"|\b(commitments|responsibilities|obligations|activities) .{0,80}(prevent|affect"
        r"|interfere|hinder|conflict|stop)|\breliable (method|means|way) of getting to work"
        r"|\btravel (on occasion|for business)",
    ),
    (
        "languages",
        # not the language of the candidate's home ("What languages do you speak at home?")
        r"^(?![^?]*\bat home\b)[^?]*?(\bwhat (foreign |other )?languages do you (fluently |)(speak"
        r"|write|read)|\blanguages? do you speak (fluently|well)|\bspeak,? read,? (and|or) write"
        r"|\b(what|which) (foreign |other )?languages? (do|can) you (speak|read|write)\b)",
    ),
    (
        "other_names",
        r"\bunder (a |any )?(different|another|other) names?|\bother names? (you|in the past)"
        r"|\bused any other names",
    ),
    (
        "residence",
        r"\bresident of (this|the) (state|city|county|area|province)|\byour (current )?address\b"
        r"|\bhow long (would|will) your commute",
    ),
    (
        "salary_history",
        r"\b(your|you) (current|present|previous|last|past|old)\b[^.?!]{0,12}\b(salary|pay"
        r"|wages?|compensation|earnings|paycheck)\b|\bsalary history|\bpay history"
        r"|\bhow much (were|are) you (paid|earning|making)|\bwhat (were|are) you (paid|earning)"
        r"|\bhow much did you (make|earn|get paid)",
    ),
    (
        "convictions",
        r"\bconvict(ed|ions?)\b|\bcriminal record|\bunspent|\bbackground check",
    ),
    # A licence the job needs, current illegal drug use (the ADA lets employers ask it), and the
    # qualifications the job requires: the lawful questions next to health and private life.
    (
        "licence",
        r"\bdrivers? licen[cs]e|\bdriving (licen[cs]e|record|history)|\bclean (driving )?licen[cs]e"
        r"|\b(cdl|forklift|hgv|lgv|commercial drivers?) (licen[cs]e|certificat\w*|ticket)",
    ),
    (
        "drug_use",
        r"\b(currently|presently|now) (use|using|take|taking) (any )?illegal drugs"
        r"|\billegal drug use|\b(pass|take) a drug (test|screen)",
    ),
    (
        "education",
        r"\b(high school|secondary school) (diploma|certificate|qualification)|\bged\b"
        r"|\bdo you have (a|the|any) (degree|diploma|qualifications?|certificat\w*)\b"
        r"|\bwhen (will|do) you (finish|complete|graduate)",
    ),
    # the candidate's own care of their health on the job: self-management, not a condition
    (
        "self_care",
        r"\b(look|looking|take|taking) (after|care of) your (own )?(health|wellbeing|well being)\b",
    ),
    (
        "spouse_here",
        r"\b(spouse|partner|relative)s? .{0,20}(employed|work(s|ing)?) (by|for|at|with) "
        r"(this|our|the) (company|employer|organi[sz]ation|firm)",
    ),
)
LAWFUL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (form, re.compile(pattern)) for form, pattern in _LAWFUL_PATTERNS
)
# Grounds so direct that no lawful wording next to them makes the question lawful.
_DIRECT = re.compile(
    r"\bhow old are you|\bare you (married|pregnant|single|gay|religious|disabled)"
    r"|\bdo you have (any )?(kids|children)\b|\bwhat (is your )?(religion|race|nationality)"
    r"|\bhave you (ever )?been arrested|\breligio|\bgood friday|\brosh hashanah|\byom kippur"
    r"|\bramadan|\bsabbath"
)
# Questions about the people the job serves are about the work, not the candidate's status:
# "a patient with a chronic illness", "a student with a disability".
_THIRD_PARTY = re.compile(
    r"\b(patients?|clients?|residents?|students?|pupils?|children in your care|customers?"
    r"|guests?|service users?|learners?|members of the public|passengers?|a child|the child"
    r"|employees?|staff members?|colleagues?|co ?workers?|team members?|users?|callers?"
    r"|(the|your|a) class(room)?"
    r"|(a |any )?members? of (your|the|our) (team|staff))\b"
)
_THIRD_PARTY_GROUNDS = frozenset(
    {"disability", "family", "pregnancy", "national_origin", "religion"}
)
# A nationality, ethnic or religious group (spaCy NORP) asked of the candidate.
_ABOUT_CANDIDATE = re.compile(
    r"\b(are you|were you|you identify|is your (name|family|accent|background|surname)"
    r"|your (parents|family|background|ancestors|name) (are|were|is)"
    r"|you ?(are|were|re) (a |an )?)\b"
)
_LAWFUL_CAVEATS: dict[str, str] = {
    "convictions": (
        "Lawful in most places when the conviction is relevant to the job, but some "
        "jurisdictions limit it (spent convictions in the UK, ban-the-box rules in some US "
        "states and cities, record of offences in Ontario)."
    ),
    "minimum_age": "Lawful only to check a legal minimum age for the work.",
    "right_to_work": "Lawful: employers must check the right to work, not citizenship.",
    "salary_history": (
        "Lawful in most places, but banned in many US states and cities (California, New York, "
        "Massachusetts, Oregon and others), where you may answer with the pay you expect."
    ),
}


@dataclass(frozen=True)
class IllegalReading:
    illegal: bool
    ground: str | None  # a GROUNDS id when a protected ground is probed
    lawful_form: str | None  # the lawful form recognised, when there is one
    caveat: str | None  # what depends on the jurisdiction, for the user


def _norp_about_candidate(text: str, normalised: str) -> str | None:
    """The ground of a nationality or religious group named in a question about the
    candidate ("Are you German?", "Are you Catholic?"), or None."""
    if not _ABOUT_CANDIDATE.search(normalised):
        return None
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return None
    for ent in doc.ents:
        if ent.label_ == "NORP":
            word = ent.text.lower()
            religious = GROUND_WORDS.get(word) or GROUND_WORDS.get(word.removesuffix("s"))
            return "religion" if religious == "religion" else "national_origin"
    return None


def about_others(text: str) -> bool:
    """The question names the people the job serves or works with ("the children in your
    care", "a colleague"): its personal words are about them, not the candidate."""
    return _THIRD_PARTY.search(_normalise(text)) is not None


def protected_ground(text: str) -> str | None:
    """The protected ground the question probes, or None."""
    normalised = _normalise(text)
    if not normalised:
        return None
    about_others = _THIRD_PARTY.search(normalised) is not None
    for ground, pattern in GROUND_PATTERNS:
        if about_others and ground in _THIRD_PARTY_GROUNDS:
            continue
        if pattern.search(normalised):
            return ground
    group = _norp_about_candidate(text, normalised)
    if group is not None:
        return group
    own = candidate_ground(text)  # a ground word the parse ties to the candidate
    if own is not None and not (about_others and own in _THIRD_PARTY_GROUNDS):
        return own
    return None


def lawful_form(text: str) -> str | None:
    """The lawful substitute the question takes (right to work, minimum age…), or None."""
    normalised = _normalise(text)
    for form, pattern in LAWFUL_PATTERNS:
        if pattern.search(normalised):
            return form
    return None


def reading(text: str) -> IllegalReading:
    """Illegal when a protected ground is probed and no lawful form covers it."""
    if not isinstance(text, str) or not text.strip():
        return IllegalReading(False, None, None, None)
    ground = protected_ground(text)
    form = lawful_form(text)
    direct = _DIRECT.search(_normalise(text)) is not None
    illegal = ground is not None and (form is None or direct)
    caveat = None if illegal or form is None else _LAWFUL_CAVEATS.get(form)
    return IllegalReading(illegal, ground, form, caveat)
