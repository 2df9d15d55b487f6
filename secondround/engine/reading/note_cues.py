"""The words people use in interview notes: the fields, headings ("Qs", "What landed",
"Worries"), labels, legends ("+ = landed, - = missed") and the cue words that point a
sentence to a field ("forgot", "seemed worried", "lit up"). Plain tables a coach can read
and extend; grades and question lines are in note_grades."""

from __future__ import annotations

import re

WENT = ("comfortable", "unsure", "struggled")
COMFORTABLE, UNSURE, STRUGGLED = WENT

QUESTIONS = "questions"
POSITIVES = "positives"
MISSES = "misses"
CONCERNS = "concerns"
TERMS = "terms"
CHALLENGES = "challenges"
OTHER = "other"
# A heading such as "Not so well" / "What didn't go well": no field of its own. The questions
# under it went badly unless their line says otherwise; its other lines go by their cues.
WENT_BADLY = "went_badly"
# The fields an item (not a term) can be sorted into; "other" is "none of them".
ITEM_FIELDS = (QUESTIONS, POSITIVES, MISSES, CONCERNS, OTHER)


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --------------------------------------------------------------------------------------------
# Headings and labels.
# --------------------------------------------------------------------------------------------

# Words a heading may contain, per section; the earliest match in the heading wins.
HEADING_KEYWORDS: tuple[tuple[str, str], ...] = (
    (QUESTIONS, r"questions?|qs|q|q ?and ?a|q ?a|asked|interview questions"),
    (
        POSITIVES,
        r"went well|positives?|wins?|highlights?|landed|good|strengths?|liked|reactions?|"
        r"what worked|bright spots?|high points?|nailed",
    ),
    (
        WENT_BADLY,
        r"didnt go (?:so |too |that |very )?well|not (?:so |too |that |very )well|"
        r"went (?:badly|poorly|less well)|less well|lowlights?|low points?|"
        r"could ?(?:ve|have) gone better|what didnt work|didnt land|to improve|even better if",
    ),
    (
        MISSES,
        r"forgot|forgotten|forget|missed|misses|wish|should ?have|shoulda|didnt say|"
        r"didnt mention|oops|regrets?|left out|next time|unsaid",
    ),
    (
        CONCERNS,
        r"concerns?|red flags?|yellow flags?|worries|worried|worry|hesitations?|objections?|"
        r"between the lines|doubts?|reservations?|watch ?outs?",
    ),
    (
        TERMS,
        r"terms?|buzz ?words?|key ?words?|jargon|vocab\w*|glossary|acronyms?|tools?|tech|"
        r"stack|products?|competitors?|systems?|names|words to check|words",
    ),
    (CHALLENGES, r"challenges?|pain points?|problems?|issues?|struggles?"),
    # "Stuff to study" / "to look up": what the coach asks to review is the vocabulary.
    (TERMS, r"study|look up|lookup|research|to learn|to check|google"),
    (
        OTHER,
        r"other|misc\w*|notes?|general|random|thoughts|next steps?|follow ups?|logistics|"
        r"debrief|summary",
    ),
)

# A bare short line ("Good", "Tools they use") is a heading only when every word is heading
# vocabulary; otherwise "forgot my portfolio" would become a heading.
HEADING_FILLER = wordset(
    "what they i the their my to of things stuff that about for and role job this heard use "
    "used say said mention mentioned asked didnt did not well went main big biggest key some "
    "any from me we round read between lines flags red points pain steps up worked in on "
    "were was be with them he she of interviewer interviewers reactions keywords buzzwords "
    "watchouts her his possible check not so too very go gone badly poorly less could have "
    "better even if land"
)

_HEADING_RE = re.compile(
    "|".join(
        rf"(?P<k{index}>(?<!\w)(?:{pattern})(?!\w))"
        for index, (_, pattern) in enumerate(HEADING_KEYWORDS)
    )
)
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")


def norm_words(text: str) -> list[str]:
    """Lower-case words without apostrophes, for matching headings against vocabulary."""
    text = text.lower().replace("'", "").replace("’", "")
    return _NON_WORD_RE.sub(" ", text).split()


def _pattern_words(pattern: str) -> set[str]:
    words: set[str] = set()
    for token in re.sub(r"\\w\*|[()|]", " ", pattern).split():
        words.add(token.replace("?", ""))
        words.add(re.sub(r".\?", "", token))
    return {word for word in words if word.isalpha()}


HEADING_VOCAB = (
    frozenset(word for _, pattern in HEADING_KEYWORDS for word in _pattern_words(pattern))
    | HEADING_FILLER
)


def heading_section(words: list[str]) -> str | None:
    """Section named by heading words; the keyword that appears first wins."""
    match = _HEADING_RE.search(" ".join(words))
    if match is None or match.lastgroup is None:
        return None
    return HEADING_KEYWORDS[int(match.lastgroup[1:])][0]


def detect_heading(line: str, after_blank: bool = True) -> str | None:
    """The section a heading line opens, or None when the line is content.

    "## Questions", "QUESTIONS", "Q's:", "**What went well**", "Tools they use" are headings;
    "2. Qs asked:" (a numbered reflection form) too. A markdown heading with no known word
    ("# Debrief - Acme") returns "other".
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return None
    stripped = re.sub(r"^\d{1,2}[.)]\s+(?=\S.*:\s*$)", "", stripped)
    if stripped[0] not in "#*_" and not stripped.endswith(":") and stripped.count(" ") > 7:
        return None
    markdown = stripped.startswith("#") or bool(re.fullmatch(r"(\*\*|__).+(\*\*|__):?", stripped))
    body = re.sub(r"^#+\s*|[*_=]+", "", stripped).strip()
    colon = body.endswith(":")
    body = body.rstrip(":").strip()
    words = norm_words(body)
    if not words:
        return None
    section = heading_section(words[:6])
    letters = [c for c in body if c.isalpha()]
    shouting = len(letters) >= 3 and all(c.isupper() for c in letters) and len(words) <= 6
    if markdown:
        return section or OTHER
    if section is None:
        return None
    if shouting and not re.match(r"[-*•–—+>]|\d{1,3}[.)]\s", stripped):
        # "THINGS I DIDN'T SAY": capitals and only heading words, or the keyword early.
        vocabulary = all(word in HEADING_VOCAB for word in words)
        return section if vocabulary or heading_section(words[:3]) else None
    if colon:
        # The keyword starts in the first three words ("What didn't go so well:").
        match = _HEADING_RE.search(" ".join(words))
        return section if match and match.start() <= len(" ".join(words[:3])) else None
    bare = len(words) <= 7 and all(word in HEADING_VOCAB for word in words)
    return section if bare and after_blank and not body.endswith((".", "?", "!")) else None


_LABEL_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9'’ /&.()-]{0,40}?)\s*:\s*(.*)$")


# "Worry - the gap on my CV", "Forgot – my portfolio": a label before a dash. Only words
# that cannot start an item of their own ("good - used the X story" is a grade).
_DASH_LABEL_RE = re.compile(
    r"(?i)^\s*(?:possible |big |main |their |his |her )?(worr(?:y|ies)|concerns?|red flags?|"
    r"doubts?|forgot|forgotten|missed|misses|regrets?|positives?|highlights?|wins?)"
    # "worry - …", and "concern?? …", "worry!! …": a label marked by ?/! with no colon.
    r"(?:\s+[-–—]+|[?!]{1,3}(?:\s*[-–—]+)?)\s+(\S.*)$"
)


def inline_label(line: str) -> tuple[str, str] | None:
    """("terms", "OTIF, Blue Yonder") for "Terms: OTIF, Blue Yonder"; "GM worries: …" and
    "4. Her doubts: …" too (a person or a number may come before the label word)."""
    dashed = _DASH_LABEL_RE.match(line)
    if dashed:
        section = heading_section(norm_words(dashed.group(1)))
        return (section, dashed.group(2).strip()) if section else None
    match = _LABEL_RE.match(line)
    if not match or not match.group(2).strip():
        return None
    words = [w for w in norm_words(match.group(1)) if not w.isdigit()]
    if not words or len(words) > 4:
        return None
    section = heading_section(words)
    if section is None:
        return None
    # "GM worries", "Her doubts", "Mike's concerns": an owner before the keyword is fine,
    # but "system design: …" is a question's label, not a list of systems.
    strange = [word for word in words if word not in HEADING_VOCAB]
    if strange and (len(strange) > 1 or len(words) > 3 or words[0] not in strange):
        return None
    return section, match.group(2).strip()


# --------------------------------------------------------------------------------------------
# Cue words of the fields.
# --------------------------------------------------------------------------------------------

# The same cues in the languages people mix into their notes (Spanish, French, German,
# Portuguese, Italian): the common words only, written and accented as typed.
OTHER_LANGUAGE_MISSES = (
    r"olvid[eéoó]\w*|se me olvid\w+|no (?:mencion[eé]|dije|habl[eé] de)|oubli[eé]\w*|"
    r"(?:pas|jamais) (?:mentionn[eé]|dit|parl[eé])|vergessen|verga(?:ß|ss)|nicht (?:erw[aä]hnt|"
    r"gesagt)|esque(?:ci|ceu)\w*|n[aã]o (?:falei|mencionei|disse)|dimentica\w+|non ho (?:detto|"
    r"menzionato)"
)
OTHER_LANGUAGE_POSITIVES = (
    r"sonri[oó]\w*|sonrieron|(?:le|les|me) gust[oó]|se ri[oó]|se rieron|impresionad\w*|"
    r"(?:a|ont|avait) (?:souri|aim[eé]|ri)|impressionn[eé]\w*|gel[aä]chelt|l[aä]chelte|"
    r"fand (?:es |das |gut|toll|super)|gefiel|gefallen|beeindruckt|genickt|nickte|sorri(?:u|ram)|"
    r"gost(?:ou|aram)|ri(?:u|ram)\b|sorris\w+|(?:è|e') piaciut\w+|colpit\w+"
)
OTHER_LANGUAGE_CONCERNS = (
    r"preocup\w+|dud(?:a|as|oso|osa)\b|inqui[eè]t\w*|inqui[eé]t\w*|dout\w+|r[eé]ticen\w+|"
    r"zweif\w+|bezweif\w+|sorgen?\b|besorgt|bedenken|skeptisch|d[uú]vida\w*|receio|"
    r"preoccup\w+|dubbi\w*|(?:pregunt[oó]|demand[eé]|gefragt|fragte|pergunt(?:ou|aram)|"
    r"chiest\w+)[^.]{0,60}?\b(?:dos veces|deux fois|zweimal|mehrmals|duas vezes|due volte)"
)

# Question words of those languages that are no English word ("was", "come" are).
OTHER_LANGUAGE_OPENERS = (
    r"qu[eé]|c[oó]mo|por qu[eé]|cu[aá]l(?:es)?|cu[aá]ndo|d[oó]nde|h[aá]blame|cu[eé]ntame|"
    r"pourquoi|comment (?:vous|tu|est|avez|as)|quel(?:le)?s?|qu'est-ce|parlez|d[eé]crivez|"
    r"wie|warum|wieso|weshalb|welche[rsnm]?|erz[aä]hlen sie|beschreiben sie|"
    r"porque|por que|qual|quais|conte|fale|descreva|perch[eé]|quale|raccont\w+"
)

# Things I wish I had said. Checked before questions: "should have asked about X" is a miss.
MISS_RE = re.compile(
    r"\b(?:(?<!before i )forg[eo]t\w*|should(?:'ve|ve| have|a)|shoulda|shd(?: have| hv)?|"
    r"could(?:'ve| have) "
    r"(?:mentioned|said|brought|told|used)|wish(?:ed)? i|wish i'?d|"
    r"didn'?t (?:mention|say|bring|talk|ask|get to|tell|share|highlight|show|point)|"
    r"did not (?:mention|say|bring|talk|ask|get to|tell)|never (?:mentioned|asked|said|brought|"
    r"talked|got to|pointed|told|showed)|neglected|left out|missed (?:saying|mentioning|the "
    r"chance|my chance)|meant to|next time i|wanted to (?:mention|say|bring|tell|talk)|"
    r"no time to|ran out of time|didn'?t get (?:a )?chance|" + OTHER_LANGUAGE_MISSES + ")",
    re.IGNORECASE,
)

# The interviewer's doubts. Strong cues win even over "asked ..." (being asked twice about
# something is itself the signal); weak ones lose to a clear question line.
CONCERN_RE = re.compile(
    r"\b(?:worr(?:y|ied|ies|ying)|concern(?:ed|s)?|(?<!\bi )(?<!kind of )(?<!bit )hesita\w*|"
    r"skeptic\w*|sceptic\w*|doubt\w*|(?:a|big|huge|real) red flag|red flags?\s*\?|"
    r"not convinced|unconvinced|"
    r"dealbreaker|deal breaker|reservations?|wary|frown\w*|"
    r"read between|between the lines|thick skin|not sure about me|not sure (?:if |whether )?"
    r"(?:they|she|he)\b|"
    # "think she's not sure I'm ready", "he wasn't sure I'd cope": their doubt about me.
    r"(?:she|he|they)(?:'s|’s|'re|’re| is| was| are| were)? (?:not|n't) (?:sure|convinced) "
    r"(?:if |whether |that )?i\b|(?:wasn'?t|weren'?t|isn'?t) (?:sure|convinced) "
    r"(?:if |whether |that )?i\b|"
    r"(?:asked|ask|asks|mentioned|brought up|came back to|said|repeated)\b[^.]{0,60}?\b"
    r"(?:twice|two times|2x|three times|3 times|again|repeatedly|a lot|several times|multiple "
    r"times|more than once|a couple (?:of )?times|a few times)\b|"
    r"(?:might|could|may|would) be (?:an? )?(?:issue|problem|concern|sticking point|dealbreaker)|"
    r"(?:is|was|seems|seemed|be) (?:a )?big deal|sticking point|" + OTHER_LANGUAGE_CONCERNS + "|"
    r"kept (?:asking|coming back|bringing|returning|pressing|pushing|mentioning|saying)|"
    r"seemed (?:unsure|unconvinced|doubtful|uneasy|nervous|surprised|hesitant)|"
    r"looked (?:doubtful|unsure|unconvinced|worried|sceptical|skeptical)|paused|"
    r"sounded (?:unconvinced|unsure|doubtful|worried)|makes? worry|is worry|are worry|"
    r"afraid (?:i|that)|question mark|gap in my|raised (?:an|her|his|their) eyebrows?|"
    r"eyebrows? (?:went up|raised)|taken aback|(?:not|wasn'?t|weren'?t) (?:fully |totally |quite )?"
    r"sold|questioned (?:whether|if|my|me)|challenged me on|overqualified|under-?qualified|"
    r"too junior|too senior|flight risk|job[- ]hopp\w*|"
    r"(?:she|he|they|panel|manager|interviewer|director|lead|head)\s+(?:really\s+)?"
    r"(?:pushed back (?:on|about)|probed (?:a lot |hard |quite a bit |me )?(?:on|about|into)|"
    r"wondered (?:if|whether))|"
    r"(?:she|he|they|panel|manager|interviewer|director|lead|head)\s+(?:wasn'?t|isn'?t|was not|"
    r"is not|weren'?t|were not|didn'?t seem|did not seem)\s+"
    r"(?:really |entirely |totally |too |so )?sure "
    r"(?:i|i'?m|i'?d|i'?ve|i have|about my|my|if i|whether i))",
    re.IGNORECASE,
)
WEAK_CONCERN_RE = re.compile(
    r"\b(?:pushed back|probed|pressed (?:me )?on|grilled|looked away|caught off guard|"
    r"brought up|if i(?:'m| am)? (?:ok|okay|fine|comfortable|able|willing)|if i can|"
    r"whether i(?:'m| am| can|'d| would)?|how i'd cope|relocat\w*|commute|notice period|"
    r"night shifts?|weekends?|overtime|availability)\b",
    re.IGNORECASE,
)

# The role's difficulties as the interviewer described them.
CHALLENGE_RE = re.compile(
    r"\b(?:challeng\w*|biggest (?:issue|problem|hurdle|headache|gap)|main (?:issue|problem)|"
    r"pain ?points?|problem is|issue is|struggl(?:e|es|ing) (?:with|to)|turnover|understaffed|"
    r"short[- ]?staffed|short on|backlog|behind (?:on|schedule)|overdue|churn\w*|"
    r"can'?t (?:find|hire|keep)|hard to (?:hire|find|keep)|burn(?:ed|t|ing)? ?out|vacant|"
    r"bottleneck|losing|aging|outdated|legacy|need(?:s)? to fix|killing)",
    re.IGNORECASE,
)

# What drew a positive response.
POSITIVE_RE = re.compile(
    r"\b(?:lov(?:ed|es|e)|lik(?:ed|es)|like (?:very much|a lot)|impress\w*|"
    r"lit up|light up|smil\w*|nodd\w*|laugh\w*|excited|perked up|"
    r"responded (?:well|to)|resonat\w*|(?:seem\w*|was|were|looked|got) (?:really |very |so )?"
    r"interested|wrote (?:it |that |down)|writ(?:e|ing) down|"
    r"took notes|took a note|noted it|positive|enthusias\w*|rapport|praised|complimented|"
    r"exactly what|that'?s exactly|seemed to (?:like|love|enjoy|appreciate)|appreciated|"
    r"into it|was a hit|warmed up|engaged|leaned in|great question|good question|agreed|"
    r"(?:was|were|is|looked|seemed) (?:very |really |so )?(?:happy|pleased|glad|keen)|"
    r"happy (?:when|that|with|about)|thumbs up|that'?s honest|good point|grinn?\w*|chuckl\w*|"
    r"beam\w*|receptive|reacted well|got a laugh|(?:good|great|perfect|strong) fit|"
    r"(?:good|great|positive|nice|warm) (?:reaction|response|feedback)|went down (?:well|great|"
    r"a treat)|went over well|well received|"
    r"warm(?:ed|ing)? (?:up|to me)|(?:that'?s|thats|what) a (?:really )?(?:great|good|brilliant|"
    r"excellent|fantastic|perfect|lovely|nice) (?:answer|example|point|idea|story)|"
    r"(?:asked|wanted) (?:for |to keep |to see )?a copy|asked to keep|thanked me for|"
    r"(?<!\bi )said (?:it was |that was |that'?s |thats )?(?:a )?(?:really |very )?"
    r"(?:great|excellent|brilliant|fantastic|perfect|lovely|nice|interesting) "
    r"(?:example|answer|point|idea|story|question)|" + OTHER_LANGUAGE_POSITIVES + ")",
    re.IGNORECASE,
)

# How a sentence reports a question being asked.
ASKED_RE = re.compile(
    r"\b(?:asked|ask|asks|asking|wanted to know|want to know|wants to know|quizzed|"
    r"question (?:was|about|on)|questions? (?:were|about|on)|started with|opened with|"
    r"began with|kicked off with|ended with|finished with|grilled me on|the one about|"
    r"had me|made me)\b",
    re.IGNORECASE,
)
Q_PREFIX_RE = re.compile(r"^\s*(?:q|question)\s*\d{0,2}\s*[:.)\-–—]\s*", re.IGNORECASE)
A_PREFIX_RE = re.compile(r"^\s*(?:a|answer|me)\s*\d{0,2}\s*[:.)\-–—]\s*", re.IGNORECASE)

# Openings that make a sentence a question even without "?": interview staples.
QUESTION_OPENERS = re.compile(
    r"^(?:tell (?:me|us)|walk (?:me|us)|describe|explain|give (?:me|us)|talk (?:me|us) through|"
    r"how|why|what|what's|whats|when|where|who|which|do you|did you|have you|can you|"
    r"could you|would you|are you|is there|if you|design|name|estimate|a time|an example|"
    r"sell me|situational|scenario|role[- ]play|biggest|greatest|strengths?|weakness\w*|"
    r"experience (?:with|of|in)|your (?:experience|approach|biggest|greatest)|"
    + OTHER_LANGUAGE_OPENERS
    + r")\b",
    re.IGNORECASE,
)
STRONG_QUESTION_OPENERS = re.compile(
    r"^(?:tell (?:me|us) about|walk (?:me|us) through|describe a|give (?:me|us) an example|"
    r"talk (?:me|us) through|sell me)\b",
    re.IGNORECASE,
)

# Remarks that only comment on the candidate's own feelings: dropped from an item's end.
TRAILING_FILLER_RE = re.compile(
    r"(?:[,;.!]*\s*(?:\b(?:ugh+|argh+|(?:which is |that'?s |so )*(?:so )?annoying|that was dumb|"
    r"so dumb|dumb|stupid|lol|haha|oh well|damn|doh|facepalm|"
    r"that would(?:'?ve| have) been (?:perfect|great|ideal|good)|sigh|so yeah|yeah|anyway|"
    r"whatever|oops|my bad|should(?:'ve| have)|kicking myself|(?:which|that) i (?:really )?regret|"
    r"i regret (?:it|that)|"
    r"(?:which|that|it) (?:was|is) (?:a )?(?:shame|pity|bad|silly|a mistake|stupid|dumb|annoying|"
    r"frustrating|a big miss)|(?:what a|such a|big|huge) (?:shame|pity|mistake|miss)|"
    r"(?:which|that) (?:is|was) (?:like |literally |probably |basically )?my (?:best|strongest) "
    r"(?:story|example|point)|so annoyed(?: (?:at|with) myself)?)\b|!+))+\s*[.!]*\s*$",
    re.IGNORECASE,
)
