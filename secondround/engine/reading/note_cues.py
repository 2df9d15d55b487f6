"""The words people use in interview notes, and the small readers built on them.

Headings ("Qs", "What landed", "Worries"), grades ("(7/10)", "— nailed it", "✓", "ok but
thin"), legends ("+ = landed, - = missed, ? = their doubt") and the cue words that point a
sentence to a field ("forgot", "seemed worried", "lit up"). Kept as plain tables so a coach
can read and extend them; the splitter (notes.py) and the item sorter (note_sorter.py) use
the same readers, the sorter as features rather than as final answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

WENT = ("comfortable", "unsure", "struggled")
COMFORTABLE, UNSURE, STRUGGLED = WENT

QUESTIONS = "questions"
POSITIVES = "positives"
MISSES = "misses"
CONCERNS = "concerns"
TERMS = "terms"
CHALLENGES = "challenges"
OTHER = "other"
# The fields an item (not a term) can be sorted into; "other" is "none of them".
ITEM_FIELDS = (QUESTIONS, POSITIVES, MISSES, CONCERNS, OTHER)


def _wordset(words: str) -> frozenset[str]:
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
HEADING_FILLER = _wordset(
    "what they i the their my to of things stuff that about for and role job this heard use "
    "used say said mention mentioned asked didnt did not well went main big biggest key some "
    "any from me we round read between lines flags red points pain steps up worked in on "
    "were was be with them he she of interviewer interviewers reactions keywords buzzwords "
    "watchouts her his possible check"
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
        return section if heading_section(words[:3]) else None
    bare = len(words) <= 7 and all(word in HEADING_VOCAB for word in words)
    return section if bare and after_blank and not body.endswith((".", "?", "!")) else None


_LABEL_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9'’ /&.()-]{0,40}?)\s*:\s*(.*)$")


def inline_label(line: str) -> tuple[str, str] | None:
    """("terms", "OTIF, Blue Yonder") for "Terms: OTIF, Blue Yonder"; "GM worries: …" and
    "4. Her doubts: …" too (a person or a number may come before the label word)."""
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


# A legend line: "+ = landed, - = missed, ? = their doubt", "(+) good (-) bad (!) worry".
_LEGEND_PART_RE = re.compile(r"\(?([+\-?!✓✗])\)?\s*(?:=|:|means)?\s*([A-Za-z][A-Za-z' ]{1,30})")


def read_legend(line: str) -> dict[str, str] | None:
    """Marks and what each stands for, when the line defines marks: a field ("+ = landed"),
    or a grade ("+ = good, - = bad, ? = unsure", returned as the grade's name)."""
    if len(line) > 200:
        return None
    if len(re.findall(r"[+\-?!✓✗]\s*(?:=|:|means)\s*\w|\([+\-?!]\)\s*\w", line)) < 2:
        return None
    legend: dict[str, str] = {}
    for match in _LEGEND_PART_RE.finditer(line):
        words = norm_words(match.group(2))
        grade = rating_in(match.group(2))
        section = heading_section(words)
        if section in (POSITIVES, MISSES, CONCERNS, QUESTIONS) and grade is None:
            legend[match.group(1)] = section
        elif grade is not None:
            legend[match.group(1)] = grade
        elif section is not None:
            legend[match.group(1)] = section
    return legend if len(legend) >= 2 else None


# --------------------------------------------------------------------------------------------
# Grades: how a question went.
# --------------------------------------------------------------------------------------------

# Rating cues. Tier 1 are explicit grades, tier 2 describe what happened, tier 3 are
# hesitations: "so-so, I rambled" is graded so-so, but in "hmm, I got defensive" the
# hesitation loses to what actually happened.
RATING_CUES: tuple[tuple[str, str, int], ...] = (
    # comfortable
    *(
        (phrase, COMFORTABLE, 1)
        for phrase in (
            "went well",
            "went fine",
            "went great",
            "went good",
            "go well",
            "goes well",
            "nailed it",
            "nailed that",
            "nailed",
            "aced it",
            "aced",
            "crushed it",
            "killed it",
            "strong answer",
            "good answer",
            "great answer",
            "not bad",
            "pretty good",
            "good",
            "great",
            "fine",
            "solid",
            "strong",
            "excellent",
            "perfect",
            "decent",
            "well",
            "ok",
            "okay",
            "o.k",
            "alright",
            "all right",
            "no problem",
            "no problems",
            "easy",
            "answered with confidence",
            "with confidence",
            "answering with confidence",
            "got all of them",
            "got it right",
            "knew it",
        )
    ),
    *(
        (phrase, COMFORTABLE, 2)
        for phrase in (
            "felt confident",
            "confident",
            "felt good",
            "comfortable",
            "smooth",
            "loved it",
            "liked it",
            "used the",
            "used my",
            "gave the",
            "told the",
        )
    ),
    # unsure
    *(
        (phrase, UNSURE, 1)
        for phrase in (
            "okay-ish",
            "ok-ish",
            "ok ish",
            "okayish",
            "okish",
            "so-so",
            "so so",
            "meh",
            "mixed",
            "average",
            "fair",
            "iffy",
            "medium",
            "middling",
            "slow",
            "shaky",
            "could be better",
            "could have been better",
            "50/50",
            "not my best",
            "not fully confident",
            "not so confident",
            "not very confident",
            "not confident",
            "not totally sure",
            "not the best",
            "somehow i managed",
            "i managed",
            "so and so",
            "rambled",
            "rambling",
            "went long",
            "too long",
            "talk too long",
            "talked too long",
            "too generic",
            "generic",
            "vague",
            "went vague",
            "hesitated",
            "thin",
            "ok but",
            "okay but",
            "fine but",
            "good but",
        )
    ),
    ("not sure", UNSURE, 3),
    ("unsure", UNSURE, 3),
    ("hmm", UNSURE, 3),
    ("hm", UNSURE, 3),
    ("i think", UNSURE, 4),
    # struggled
    *(
        (phrase, STRUGGLED, 1)
        for phrase in (
            "not great",
            "not good",
            "not well",
            "didn't go well",
            "didnt go well",
            "did not go well",
            "went badly",
            "went poorly",
            "went bad",
            "bombed",
            "tanked",
            "weak",
            "bad",
            "badly",
            "poorly",
            "poor",
            "terrible",
            "awful",
            "rough",
            "total fail",
            "fail",
            "failed",
            "disaster",
            "difficult",
            "was hard",
            "hard one",
        )
    ),
    *(
        (phrase, STRUGGLED, 2)
        for phrase in (
            "struggled",
            "blanked",
            "blank",
            "went blank",
            "froze",
            "freeze",
            "stumbled",
            "fumbled",
            "flubbed",
            "flustered",
            "panicked",
            "panic",
            "messed up",
            "screwed up",
            "got defensive",
            "defensive",
            "no idea",
            "couldn't answer",
            "could not answer",
            "didn't know",
            "did not know",
            "went off track",
            "confused",
            "was confused",
            "like an idiot",
            "no example",
            "no real system",
            "sloppy",
            "lost my way",
        )
    ),
)

# Symbols people use as quick grades, before or after a question.
RATING_SYMBOLS: dict[str, str] = {
    "👍": COMFORTABLE,
    "✅": COMFORTABLE,
    "✔": COMFORTABLE,
    "✓": COMFORTABLE,
    "💪": COMFORTABLE,
    "🙂": COMFORTABLE,
    "😀": COMFORTABLE,
    "😊": COMFORTABLE,
    "🎯": COMFORTABLE,
    "🔥": COMFORTABLE,
    "🤷": UNSURE,
    "😐": UNSURE,
    "😬": UNSURE,
    "🤔": UNSURE,
    "❓": UNSURE,
    "❔": UNSURE,
    "🟡": UNSURE,
    "〰": UNSURE,
    "~": UNSURE,
    "👎": STRUGGLED,
    "❌": STRUGGLED,
    "✗": STRUGGLED,
    "✘": STRUGGLED,
    "😞": STRUGGLED,
    "😩": STRUGGLED,
    "😳": STRUGGLED,
    "🔴": STRUGGLED,
}

# "+", "-" and "?" as a whole grade, e.g. "(+)" or a list written as "+ why retail".
MARK_RATINGS: dict[str, str] = {"+": COMFORTABLE, "?": UNSURE, "??": UNSURE, "-": STRUGGLED}
# Outside a list of questions the same marks name a field (a legend may say otherwise).
MARK_FIELDS: dict[str, str] = {"+": POSITIVES, "-": MISSES, "?": CONCERNS, "!": CONCERNS}

# Words before a rating that do not change it: "I think that went well", "i was so-so".
RATING_FILLER = _wordset(
    "i think that it this one was went felt honestly pretty kinda kind of so and which that's "
    "thats it's its overall answer my the really a bit little mostly probably i'd say "
    "here i was is were did do this answered answer answered um uh just like yeah "
    "guess maybe quite very all in"
)


class _Trie(dict[str, "_Trie"]):
    pass


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex for many phrases, shaped as a prefix tree so matching stays fast."""
    root = _Trie()
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, _Trie())
        node[""] = _Trie()
    return _trie_node(root)


def _trie_node(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_CUE_BY_TEXT = {phrase: (went, tier) for phrase, went, tier in RATING_CUES}
RATING_RE = re.compile(
    r"(?<![\w'])"
    + _trie_pattern(_CUE_BY_TEXT)
    + r"(?![\w'])"
    + r"|(?<![\d/.])(\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*(5|10)(?![\d/])",
    re.IGNORECASE,
)
SYMBOL_RE = re.compile("|".join(re.escape(s) for s in RATING_SYMBOLS if s != "~") + r"|\ufe0f")
# Cue tiers from this one up are hesitations ("hmm", "i think"), used only when alone.
WEAK_TIER = 3


def score_rating(numerator: float, denominator: float) -> str:
    """Out of 10: 7-10 comfortable, 5-6 unsure, below struggled; out of 5: 4-5, 3, 1-2."""
    ratio = numerator / denominator if denominator else 0.0
    if ratio >= 0.7 or (denominator == 5 and numerator >= 4):
        return COMFORTABLE
    return UNSURE if ratio >= 0.5 else STRUGGLED


def _cue_went(match: re.Match[str]) -> tuple[str, int]:
    if match.group(1):
        return score_rating(float(match.group(1)), float(match.group(2))), 1
    went, tier = _CUE_BY_TEXT[match.group(0).lower()]
    return went, tier


# After a plain "ok"/"good", these take the grade down to unsure.
_TEMPERED_RE = re.compile(
    r"\bbut\b|\b(?:maybe |a bit |bit |probably )?(?:too long|too short|went long|rambled|"
    r"rambling|vague|generic|thin|slow|shaky|nervous)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def rating_in(text: str) -> str | None:
    """The grade a short remark carries: its first real grade, hesitations only as fallback.

    "so-so, I rambled" is so-so; "hmm, I got defensive" is defensive; "OK, used the SBAR
    story" is comfortable, "ok but thin on result" unsure.
    """
    weak: str | None = None
    for match in RATING_RE.finditer(text):
        went, tier = _cue_went(match)
        if tier == 1 and went == COMFORTABLE and _TEMPERED_RE.search(text[match.end() :]):
            # "ok, mentioned SHRM webinars but nothing specific", "ok, maybe too long".
            return UNSURE
        if tier < WEAK_TIER:
            # "not" right before a plain grade turns it: "not ok", "wasn't good".
            before = text[: match.start()].lower().split()[-1:]
            if before and before[0] in ("not", "wasn't", "wasnt", "never") and went != UNSURE:
                return STRUGGLED if went == COMFORTABLE else UNSURE
            return went
        weak = weak or went
    for symbol in SYMBOL_RE.findall(text):
        if symbol in RATING_SYMBOLS:
            return RATING_SYMBOLS[symbol]
    return weak


def remark_rating(text: str) -> str | None:
    """The grade of a remark that is only a verdict: "I think it go well", "no problem",
    "this I answer good", "somehow I managed". None when the remark says something else."""
    stripped = text.strip(" .,;:!-–—")
    symbol = SYMBOL_RE.match(stripped)
    if symbol and symbol.group(0) in RATING_SYMBOLS:
        return RATING_SYMBOLS[symbol.group(0)]
    match = RATING_RE.search(stripped)
    if not match:
        return None
    leading = norm_words(stripped[: match.start()])
    if len(leading) > 6 or any(word not in RATING_FILLER for word in leading):
        return None
    return rating_in(stripped[match.start() :]) or rating_in(stripped)


# --------------------------------------------------------------------------------------------
# Cue words of the fields.
# --------------------------------------------------------------------------------------------

# Things I wish I had said. Checked before questions: "should have asked about X" is a miss.
MISS_RE = re.compile(
    r"\b(?:(?<!before i )forg[eo]t\w*|should(?:'ve|ve| have|a)|shoulda|shd(?: have| hv)?|"
    r"could(?:'ve| have) "
    r"(?:mentioned|said|brought|told|used)|wish(?:ed)? i|wish i'?d|"
    r"didn'?t (?:mention|say|bring|talk|ask|get to|tell|share|highlight|show|point)|"
    r"did not (?:mention|say|bring|talk|ask|get to|tell)|never (?:mentioned|asked|said|brought|"
    r"talked|got to|pointed|told|showed)|neglected|left out|missed (?:saying|mentioning|the "
    r"chance|my chance)|meant to|next time i|wanted to (?:mention|say|bring|tell|talk)|"
    r"no time to|ran out of time|didn'?t get (?:a )?chance)",
    re.IGNORECASE,
)

# The interviewer's doubts. Strong cues win even over "asked ..." (being asked twice about
# something is itself the signal); weak ones lose to a clear question line.
CONCERN_RE = re.compile(
    r"\b(?:worr(?:y|ied|ies|ying)|concern(?:ed|s)?|(?<!\bi )(?<!kind of )(?<!bit )hesita\w*|"
    r"skeptic\w*|sceptic\w*|doubt\w*|(?:a|big|huge|real) red flag|not convinced|unconvinced|"
    r"dealbreaker|deal breaker|reservations?|wary|frown\w*|"
    r"read between|between the lines|thick skin|not sure about me|not sure (?:if |whether )?"
    r"(?:they|she|he)\b|"
    r"(?:asked|ask|asks|mentioned|brought up|came back to|said|repeated)\b[^.]{0,60}?\b"
    r"(?:twice|two times|2x|three times|3 times|again|repeatedly|a lot|several times|multiple "
    r"times|more than once|a couple (?:of )?times|a few times)|"
    r"(?:might|could|may|would) be (?:an? )?(?:issue|problem|concern|sticking point|dealbreaker)|"
    r"(?:is|was|seems|seemed|be) (?:a )?big deal|sticking point|"
    r"kept (?:asking|coming back|bringing|returning|pressing|pushing|mentioning|saying)|"
    r"seemed (?:unsure|unconvinced|doubtful|uneasy|nervous|surprised|hesitant)|"
    r"looked (?:doubtful|unsure|unconvinced|worried|sceptical|skeptical)|paused|"
    r"sounded (?:unconvinced|unsure|doubtful|worried)|makes? worry|is worry|are worry|"
    r"afraid (?:i|that)|question mark|gap in my)",
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
    r"happy (?:when|that|with|about)|thumbs up|that'?s honest|good point)",
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
    r"experience (?:with|of|in)|your (?:experience|approach|biggest|greatest))\b",
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
    r"whatever)\b|!+))+\s*[.!]*\s*$",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------
# A question line and its grade: "Tell me about X — nailed it", "why retail (+)", "✓ why us".
# --------------------------------------------------------------------------------------------

_BULLET_RE = re.compile(
    r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+"
    r"|^\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s+(?=[A-Za-z][\w '/&-]{0,30}:)"
    r"|^\s*(?:[-*•·◦‣▪►>–—]|\d{1,3}[.)]|[a-z][.)](?=\s)|\[[ xX]?\])\s*"
    r"|^\s*(?:" + "|".join(re.escape(s) for s in RATING_SYMBOLS if s != "~") + r")\ufe0f?\s*"
)
_MARKER_RE = re.compile(r"^\s*([+?]{1,2}|!)\s+(?=\S)|^\s*\(([+?!-])\)\s*")
SEPARATORS_RE = re.compile(
    r"\?\s+(?:[—–-]+|->|→)\s+|\s+[—–]+\s*|\s*[—–]+\s+|\s+-{1,2}\s+|\s*--\s*|\s*(?:->|=>|→)\s*|\s*\.\.\.+\s*|…\s*|"
    r"[?!.]\s+|:\s+|;\s+|,\s+|\s*\(|\s*\[|\s+(?:and|but|which|so|though|although)\s+"
)
_WEAK_SEPARATORS = frozenset({",", "and", "but", "which", "so", "though", "although"})
_EMPHASIS_RE = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_SPACE_RE = re.compile(r"\s+")
MAX_QUESTION = 400


def clean(text: str) -> str:
    """Trim what should not be stored: emphasis marks, outer spaces, a final period/comma."""
    text = _EMPHASIS_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text).strip(" \t-–—:,;")
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text


def strip_bullet(line: str) -> tuple[str, bool]:
    """Remove a list marker; tell whether there was one (lists keep their section)."""
    match = _BULLET_RE.match(line)
    if not match or match.end() == 0:
        return line.strip(), False
    return line[match.end() :].strip(), True


def leading_mark(line: str) -> tuple[str | None, str]:
    """A "+", "-", "?", "!" or "(+)" before an item, and the item without it."""
    match = _MARKER_RE.match(line)
    if match:
        return (match.group(1) or match.group(2)), line[match.end() :].strip()
    dash = re.match(r"^\s*-\s+(?=\S)", line)
    if dash:
        return "-", line[dash.end() :].strip()
    return None, line.strip()


def _separator_strength(separator: str) -> int:
    """Dashes and arrows set a verdict apart more surely than a colon, a comma or "and"."""
    if separator.lower() in _WEAK_SEPARATORS:
        return 0
    if separator in (":", ";"):
        return 1
    if separator in (".", "!") or separator == "?":
        return 2
    return 3


@lru_cache(maxsize=2048)
def split_tail(text: str) -> tuple[str, str | None, str]:
    """Cut "question — how it went" at the separator before the first grade.

    A grade counts only after a separator, so "Tell me about a time you struggled with a
    deadline" keeps its words. Among separators before the grade the strongest wins:
    "coding: LRU cache - slow, probably a 3/5" cuts at "-". Returns (question, grade, rest).
    """
    if len(text) > MAX_QUESTION:
        return text, None, ""
    separators = [
        (m.start(), m.end(), m.group(0).strip(" ([")) for m in SEPARATORS_RE.finditer(text)
    ]
    for cue in RATING_RE.finditer(text):
        candidates = []
        for start, end, sep in separators:
            if end > cue.start() or start == 0:
                continue
            gap = len(text[end : cue.start()].split())
            strength = _separator_strength(sep)
            if gap <= (6 if strength == 0 else 12):
                candidates.append((strength, start, end))
        if not candidates:
            continue
        _, start, end = max(candidates)
        went = rating_in(text[end:])
        if went is None:
            continue
        body = text[:start]
        if text[start : start + 1] == "?":
            body += "?"
        return body.rstrip(), went, text[end:].strip()
    return text, None, ""


_TRAILING_VERB_RE = re.compile(
    r"\s+(bombed|blanked|rambled|struggled|froze|fumbled|nailed it|went (?:well|fine|ok|okay|"
    r"badly|poorly))\s*[.!]*$",
    re.IGNORECASE,
)


def detect_rating(text: str) -> tuple[str, str | None]:
    """Split a question line into (question text, how it went or None).

    Understands "(good)", "— nailed it", ", I rambled", "3/5", emoji and "+/-/?" marks.
    """
    text, went, _ = read_question_line(text)
    return text, went


def read_question_line(text: str, *, scale: int | None = None) -> tuple[str, str | None, str]:
    """(question, grade, the remark after the grade) of one question line."""
    text = text.strip()
    went: str | None = None
    marker = _MARKER_RE.match(text)
    if marker:
        went = MARK_RATINGS.get(marker.group(1) or marker.group(2) or "")
        text = text[marker.end() :]
    lead = _BULLET_RE.match(text)
    if lead and lead.end() and SYMBOL_RE.search(text[: lead.end()]):
        went = went or rating_in(text[: lead.end()])
        text = text[lead.end() :]
    trailing = re.search(r"(?:\s*(?:" + SYMBOL_RE.pattern + r"))+\s*$", text)
    if trailing and trailing.start() > 0:
        went = rating_in(trailing.group(0)) or went
        text = text[: trailing.start()]
    mark = re.search(r"\s+\(?([+?-]|\?\?)\)?\s*$|\(([+?-])\)\s*$", text)
    if mark and mark.start() > 0:
        went = MARK_RATINGS[mark.group(1) or mark.group(2)]
        text = text[: mark.start()]
    score = re.search(r"\s+(\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*(5|10)\s*$", text)
    if score and score.start() > 0:
        went = score_rating(float(score.group(1)), float(score.group(2)))
        text = text[: score.start()]
    bare = re.search(r"(?<=[\s?.)])(\d{1,2})\s*$", text) if scale else None
    if bare and scale and int(bare.group(1)) <= scale:
        went = score_rating(float(bare.group(1)), float(scale))
        text = text[: bare.start()]
    body, tail_went, rest = split_tail(text)
    if tail_went is None:
        verb = _TRAILING_VERB_RE.search(text)
        if verb and verb.start() >= 3:
            body, tail_went, rest = text[: verb.start()], rating_in(verb.group(1)), ""
    return clean(body), tail_went or went, rest


_BARE_GRADE_RE = re.compile(r"\s*(\d{1,2})\s*(?:/\s*(\d{1,2}))?\s*[.!]?\s*")


def is_verdict_like(text: str) -> bool:
    """A clause that grades what came before, perhaps with a word on why: "finished but
    slow, probably a 3/5", "weak on labour %" (but not "forgot to mention X")."""
    if is_verdict(text):
        return True
    return (
        rating_in(text) is not None
        and not MISS_RE.search(text)
        and not CONCERN_RE.search(text)
        and not POSITIVE_RE.search(text)
        and len(text.split()) <= 12
    )


def is_verdict(text: str) -> bool:
    """A clause that only grades what came before: "-> solid", "4/5", "7", "ok but thin"."""
    return bool(_BARE_GRADE_RE.fullmatch(text)) or remark_rating(text) is not None


def bare_grade(text: str, scale: int | None) -> str | None:
    """The grade of a clause that is only a number: "7" (out of the note's scale), "4/5"."""
    bare = _BARE_GRADE_RE.fullmatch(text)
    if not bare:
        return None
    number = float(bare.group(1))
    out_of = float(bare.group(2) or scale or (5 if number <= 5 else 10))
    return score_rating(number, out_of) if 0 < number <= out_of else None
