"""STAR structure: each sentence labelled situation, task, action, result or other, from
cue features and a position prior, decoded in the S → T → A → R order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from secondround.engine.practice.answer_text import TOKEN, norm
from secondround.engine.practice.report import OTHER, STAR_LABELS

# --------------------------------------------------------------------------- STAR

_ACTION_VERBS = (
    "initiated|organi[sz]ed|created|implemented|developed|set up|scheduled|met|talked|spoke|"
    "proposed|suggested|researched|analy[sz]ed|built|designed|led|coordinated|reached out|"
    "worked|introduced|established|started|decided|took|made|conducted|prepared|presented|"
    "listened|delegated|wrote|rewrote|reviewed|collaborated|broke|prioriti[sz]ed|communicated|"
    "asked|trained|mentored|called|contacted|emailed|gathered|identified|investigated|"
    "explained|negotiated|arranged|volunteered|stepped|pushed|drafted|ran|tested|fixed|"
    "automated|migrated|refactored|rolled out|launched|restructured|reorgani[sz]ed|"
    "encouraged|focused|kept|offered|provided|documented|tracked|monitored|held|facilitated|"
    "adopted|applied|used|leveraged|shared|sought|sat down|followed up|escalated|"
    "allocated|split|divided|assigned|enrolled|learned|learnt|studied|practi[sc]ed|"
    "requested|immediately|then|also|first|quickly|carefully|personally|spent|dedicated|"
    "devised|came up|put together|mapped|outlined|recommended|persuaded|convinced|"
    "demonstrated|showed|walked|guided|supported|helped|created|compiled|consulted|"
    "informed|acknowledged|apologi[sz]ed|accepted|reached|realized|realised|recogni[sz]ed|"
    "noticed|began|went|made sure|ensured|set|defined|streamlined|simplified|optimi[sz]ed|"
    "replaced|updated|upgraded|configured|deployed|integrated|liaised|balanced|managed|"
    "handled|adjusted|adapted|changed|modified|revised|reworked|redesigned|addressed|"
    "resolved|tackled|approached|engaged|involved|invited|brought|hosted|invested|"
    "restarted|paused|stopped|cut|removed|added|sent|gave|wrote|read|watched|evaluated|"
    "assessed|compared|measured|calculated|estimated|planned|structured|divided|"
    "empowered|motivated|fostered|celebrated|recogni[sz]ed|praised|thanked"
)

_CUES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "situation": [
        (
            re.compile(
                r"^(?:at|in|during|while|when|back in|last year|a few|some time|earlier|"
                r"a couple|two years|three years|several|previously|recently|once)\b"
            ),
            1.2,
        ),
        (
            re.compile(
                r"\b(?:previous|former|prior|last) (?:job|role|position|company|employer|team|"
                r"project)\b"
            ),
            1.2,
        ),
        (re.compile(r"\bin my (?:previous |former |last |current )?(?:role|position|job)\b"), 0.8),
        (re.compile(r"\b(?:i|we) (?:was|were) (?:working|part of|on|in|a|an|the)\b"), 1.0),
        (re.compile(r"\b(?:i|we) (?:worked|used to work) (?:at|for|as|in|on)\b"), 0.8),
        (
            re.compile(
                r"\b(?:there was|there were|we had|i had|had been|was facing|were facing|faced|"
                r"arose|occurred|came up|happened|was experiencing|were experiencing)\b"
            ),
            0.8,
        ),
        (
            re.compile(
                r"\b(?:problem|issue|challenge|conflict|disagreement|crisis|deadline|"
                r"complaint|situation|struggling|behind schedule|tight|urgent|critical)\b"
            ),
            0.6,
        ),
        (re.compile(r"\bwas (?:supposed|expected|scheduled|due|going) to\b"), 0.6),
        (re.compile(r"\b(?:19|20)\d\d\b"), 0.4),
        (re.compile(r"\b(?:the|our|a) (?:company|team|client|project|startup|product)\b"), 0.3),
        (re.compile(r"\b(?:was|were) (?:appointed|hired|assigned|placed|brought)\b"), 0.5),
        (re.compile(r"\b(?:found myself|i joined|when i joined|i was new)\b"), 0.8),
    ],
    "task": [
        (
            re.compile(
                r"\b(?:my|our|the) (?:task|job|goal|role|responsibility|objective|aim|mission|"
                r"challenge|assignment|priority) (?:was|is|became|here)\b"
            ),
            3.0,
        ),
        (
            re.compile(
                r"\b(?:i was|i'd been|i had been|i got) (?:asked|tasked|responsible|charged|"
                r"assigned|given the|expected|required|supposed)\b"
            ),
            1.8,
        ),
        (
            re.compile(
                r"\b(?:responsible for|in charge of|it was up to me|fell to me|"
                r"needed to|need to|had to|have to|was to|were to|wanted to ensure|"
                r"my aim|my goal|the goal|the aim|the objective|to make sure|ensure that|"
                r"was expected to|were expected to|required to)\b"
            ),
            1.0,
        ),
        (re.compile(r"\b(?:this|which|it) (?:involved|meant|required|entailed)\b"), 1.0),
        (
            re.compile(
                r"\b(?:it was|was) (?:my|our) (?:responsibility|job|task|role|duty)\b|"
                r"\bit was (?:important|crucial|essential|vital|critical) (?:to|that)\b"
            ),
            1.5,
        ),
        (re.compile(r"\b(?:task|goal|objective|responsibility|deliverable|target)\b"), 0.6),
        (re.compile(r"^(?:i needed|i had|we needed|we had to|i knew i)\b"), 1.0),
    ],
    "action": [
        (
            re.compile(
                r"^(?:i|i then|i also|i first|i immediately|first,? i|then,? i)\s+(?:"
                + _ACTION_VERBS
                + r")\b"
            ),
            2.0,
        ),
        (
            re.compile(
                r"\bi (?:then |also |first |immediately |quickly |personally )?(?:"
                + _ACTION_VERBS
                + r")\b"
            ),
            1.0,
        ),
        (
            re.compile(
                r"^(?:first|firstly|second|secondly|next|then|after that|afterwards|"
                r"additionally|to do this|to address|to solve|to tackle|to fix|to resolve|"
                r"to achieve|to ensure|to manage|to improve|to start|to begin|to maintain|"
                r"to keep|to make|to get|to help|realizing|realising|recognizing|"
                r"recognising|understanding|knowing|instead|so i|i started by|i began by|"
                r"i decided)\b"
            ),
            1.2,
        ),
        (
            re.compile(r"\b(?:i|we) (?:made sure|took the initiative|took ownership|stepped up)\b"),
            0.8,
        ),
        (re.compile(r"\bwe (?:" + _ACTION_VERBS + r")\b"), 0.3),
        (re.compile(r"\bi (?:would|will|'d)\b"), 0.2),
    ],
    "result": [
        (
            re.compile(
                r"\b(?:as a result|result(?:ed)? in|the result|the outcome|outcome|ultimately|"
                r"in the end|eventually|consequently|thanks to|because of this|"
                r"this led to|which led to|led to|leading to|this resulted)\b"
            ),
            2.0,
        ),
        (
            re.compile(
                r"\b(?:increas|reduc|improv|sav|cut|decreas|grew|grow|boost|doubl|tripl|"
                r"rais|lower|shorten|exceed|surpass)\w*\b.{0,40}?(?:\d|percent|%|half)"
            ),
            1.6,
        ),
        (re.compile(r"\d+(?:\.\d+)?\s?%|\bpercent\b"), 1.2),
        (
            re.compile(
                r"\b(?:successfully|succeeded|success|achieved|accomplished|delivered|"
                r"completed|on time|ahead of schedule|within budget|on budget|met the deadline|"
                r"well-received|well received|praised|recogni[sz]ed|promoted|appreciated|"
                r"thanked|commended|award|won|launched successfully|was resolved|"
                r"were resolved|satisfied|satisfaction|feedback was|positive feedback|"
                r"adopted|became|is still|are still|still use|to this day)\b"
            ),
            1.0,
        ),
        (
            re.compile(
                r"\b(?:taught me|i learned|i learnt|i've learned|learned that|learnt that|"
                r"lesson|this experience|the experience|this incident|this situation|"
                r"since then|going forward|from then on|moving forward|now i|today i|"
                r"reinforced|highlighted|showed me|i realized|i realised|in hindsight|"
                r"looking back|i now)\b"
            ),
            1.5,
        ),
        (
            re.compile(
                r"\b(?:the team|the project|the client|the customer|my manager)\b.*"
                r"\b(?:was|were) (?:able|happy|pleased|impressed)\b"
            ),
            0.8,
        ),
        (
            re.compile(
                r"\b(?:paid off|enabled (?:me|us|the)|(?:was|were) able to|noticeable|"
                r"significantly|responded well|within (?:\d+|a few|two|three|a week|a month)|"
                r"over the (?:next|following)|by the end|afterwards)\b"
            ),
            0.8,
        ),
        (
            re.compile(
                r"\b(?:improved|strengthened|enhanced|resolved|fixed|saved|reduced|increased)\b"
            ),
            0.5,
        ),
    ],
}
_OTHER_CUE = re.compile(
    r"^(?:great|good|that's a (?:great|good)|interesting) question|^(?:thank you|thanks)\b(?! to)|"
    r"^let me think|hope that answers|^that's (?:about )?(?:it|all)\b|"
    r"^(?:okay|ok|sure|right|yes|yeah)[.!]?$"
)
# Position prior: centre of each part along the answer (0 = start, 1 = end), and strength.
_CENTRES = {"situation": 0.0, "task": 0.22, "action": 0.55, "result": 1.0}
PRIOR_WEIGHT = 2.0
BACKWARD_PENALTY = 3.0
SKIP_PENALTY = 0.3
OVERRIDE_CUE = 3.0
BIAS = {"situation": 0.0, "task": -0.6, "action": 0.3, "result": 0.0}


def _cue_scores(sentence: str) -> dict[str, float]:
    low = norm(sentence).strip()
    low = re.sub(r"^(?:so|and|but|well|um|uh|okay|ok)[,\s]+", "", low)
    return {
        label: sum(w for pattern, w in cues if pattern.search(low)) for label, cues in _CUES.items()
    }


def label_star(sentences: Sequence[str]) -> tuple[list[str], list[dict[str, float]]]:
    n = len(sentences)
    cues = [_cue_scores(s) for s in sentences]
    labels: list[str] = [""] * n
    idx = []
    for i, s in enumerate(sentences):
        low = norm(s).strip()
        if _OTHER_CUE.search(low) or len(TOKEN.findall(s)) < 3:
            labels[i] = OTHER
        else:
            idx.append(i)
    m = len(idx)
    if m:
        emit: list[list[float]] = []
        for k, i in enumerate(idx):
            pos = k / (m - 1) if m > 1 else 0.5
            emit.append(
                [
                    cues[i][lab] + BIAS[lab] - PRIOR_WEIGHT * (pos - _CENTRES[lab]) ** 2 * 2.0
                    for lab in STAR_LABELS
                ]
            )
        best = [list(emit[0])]
        back: list[list[int]] = [[0] * 4]
        for k in range(1, m):
            row, brow = [], []
            for b in range(4):
                cands = []
                for a in range(4):
                    if b < a:
                        t = -BACKWARD_PENALTY
                    elif b > a + 1:
                        t = -SKIP_PENALTY * (b - a - 1)
                    else:
                        t = 0.0
                    cands.append((best[k - 1][a] + t, a))
                score, arg = max(cands)
                row.append(score + emit[k][b])
                brow.append(arg)
            best.append(row)
            back.append(brow)
        state = max(range(4), key=lambda s: best[m - 1][s])
        path = [state]
        for k in range(m - 1, 0, -1):
            state = back[k][state]
            path.append(state)
        path.reverse()
        for k, i in enumerate(idx):
            label = STAR_LABELS[path[k]]
            # A strong cue overrides a label that only the order and position chose
            # ("My task was…" said last in an answer is still the task).
            top = max(STAR_LABELS, key=lambda lab: cues[i][lab])
            if cues[i][label] <= 0 and cues[i][top] >= OVERRIDE_CUE:
                label = top
            labels[i] = label
    return labels, cues
