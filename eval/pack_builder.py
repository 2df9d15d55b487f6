"""Shared builders for the hand-written scenario accounts (export format, version 2).

Used by eval/slots_fresh4/build_packs.py and eval/slots_fresh5/build_packs.py: each pack is
written as compact text and these functions give it the shape `secondround import` reads.
"""

from __future__ import annotations

import json
from pathlib import Path

STAMP = "2026-12-07T19:00:00+00:00"


def person(name, title, relation, discussed="", cares="", worries="", personal="", position=0):
    notes = []
    if discussed or cares or worries or personal:
        notes = [
            {
                "discussed": discussed,
                "cares_about": cares,
                "worries": worries,
                "personal": personal,
                "updated_at": STAMP,
            }
        ]
    return {
        "honorific": "",
        "name": name,
        "pronunciation": "",
        "title": title,
        "relation": relation,
        "email": "",
        "profile_url": "",
        "starts_at": None,
        "ends_at": None,
        "notes": "",
        "position": position,
        "after_notes": notes,
        "letter": [],
        "ask_choices": [],
        "research": [],
    }


def round_(number, starts, tz, location, fmt, interviewers, debrief=None):
    return {
        "number": number,
        "name": "",
        "starts_at": starts,
        "ends_at": None,
        "time_zone": tz,
        "location": location,
        "video_link": "",
        "format": fmt,
        "notes": "",
        "created_at": STAMP,
        "interviewers": interviewers,
        "debrief": [debrief] if debrief else [],
        "follow_up": [],
        "own_questions": [],
        "prepared_questions": [],
        "practice_sessions": [],
        "attempts": [],
    }


def debrief(raw, questions, positives, misses, concerns, challenges):
    return {
        "challenges": challenges,
        "reviewed_with": "",
        "review_notes": "",
        "raw_notes": raw,
        "questions": [
            {
                "text": t,
                "went": w,
                "my_answer": a,
                "wish_i_said": "",
                "competency": "",
                "kind": "",
                "position": i,
            }
            for i, (t, w, a) in enumerate(questions)
        ],
        "observations": [
            {"kind": "positive", "text": t, "position": i} for i, t in enumerate(positives)
        ]
        + [{"kind": "miss", "text": t, "position": i} for i, t in enumerate(misses)],
        "concerns": [
            {"said": s, "raised_by": by, "planned_answer": plan, "position": i}
            for i, (s, by, plan) in enumerate(concerns)
        ],
        "updated_at": STAMP,
    }


def glossary(rows):
    return [
        {
            "term": t,
            "meaning": m,
            "where_heard": w,
            "heard_in": 1 if w == "round 1" else None,
            "source": "posting" if w == "posting" else "debrief" if w == "round 1" else "mine",
        }
        for t, m, w in rows
    ]


def story(title, situation, action, result, competencies):
    return {
        "title": title,
        "situation": situation,
        "task": "",
        "action": action,
        "result": result,
        "metric": "",
        "metric_before": "",
        "metric_after": "",
        "employer": "",
        "role": "",
        "year": "",
        "competencies": competencies,
        "skills": "",
        "how_acquired": "",
        "learned": "",
        "created_at": STAMP,
        "updated_at": STAMP,
    }


def pack(first, last, company, role, posting, rounds, salary, plan, profile, press, gloss, stories):
    return {
        "format": "secondround-export",
        "version": 2,
        "app_version": "0.1.0",
        "exported_at": STAMP,
        "account": {"first_name": first, "last_name": last},
        "opportunities": [
            {
                "company": company,
                "role_title": role,
                "posting_text": posting,
                "source_url": "",
                "status": "interviewing",
                "notes": "",
                "archived_at": None,
                "created_at": STAMP,
                "updated_at": STAMP,
                "rounds": rounds,
                "plan": [],
                "salary_entries": [
                    {"source": s, "low": lo, "high": hi, "currency": c, "as_of": None}
                    for s, lo, hi, c in salary
                ],
                "salary_plan": [plan],
                "fit_criteria": [],
                "fit_verdict": [],
                "competency_needs": [],
                "skill_needs": [],
                "profile": [dict(profile, updated_at=STAMP)],
                "press_items": [
                    {"title": t, "url": "", "published_on": None, "summary": s} for t, s in press
                ],
                "informational_interviews": [],
                "sources": [],
                "glossary": glossary(gloss),
                "saved_answers": [],
            }
        ],
        "stories": stories,
    }


def write_packs(folder: Path, documents: dict[str, dict]) -> None:
    """Each document as ``<slug>.json`` in ``folder``, in the layout the sets are kept in."""
    for slug, document in documents.items():
        (folder / f"{slug}.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
