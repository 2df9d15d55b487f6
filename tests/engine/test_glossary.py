"""Proposed glossary terms from the posting, the debrief and research notes."""

from __future__ import annotations

import pytest

from secondround.engine.reading.glossary import TermCandidate, propose_terms

POSTING = """\
Logistics Analyst
Responsibilities
- Analyze freight spend, OTIF and empty miles across the Midwest network.
- Build weekly dashboards in Power BI for the VP of Operations.
- Maintain carrier master data in Oracle OTM and support the MercuryGate migration.
- Manage SLAs with our 3PL partners.
Requirements
- 3+ years of experience in transportation analytics.
- Strong Excel and SQL skills.
- Experience with cold chain freight is a plus.
"""

DEBRIEF = """\
We talked about empty miles on Midwest lanes. They use Oracle OTM today and Blue Yonder
for the warehouse. OTIF is at 91% and the target is 95% by March. The SLA with Kroger is
strict. Tools: Epic, Kronos and Workday. Empty miles cost them more than anything. The
cold-chain hub in Joliet opened on Monday.
"""

RESEARCH = """\
Lakeshore Freight competes with Coyote Logistics and C.H. Robinson. Lakeshore Freight's
cold chain hub opened in 2026. EBITDA grew 8%. Johnson & Johnson is a customer.
"""

TEXTS = [("posting", POSTING), ("debrief", DEBRIEF), ("research", RESEARCH)]


def _terms() -> dict[str, TermCandidate]:
    return {c.term: c for c in propose_terms(TEXTS, known=["Lakeshore Freight"])}


@pytest.mark.parametrize(
    ("term", "kind"),
    [
        ("OTIF", "acronym"),
        ("SLA", "acronym"),  # "SLAs" counts as SLA
        ("3PL", "acronym"),
        ("EBITDA", "acronym"),
        ("Oracle OTM", "name"),
        ("Power BI", "name"),
        ("Blue Yonder", "name"),
        ("MercuryGate", "name"),
        ("C.H. Robinson", "name"),
        ("Johnson & Johnson", "name"),
        ("Epic", "name"),
        ("Workday", "name"),
        ("empty miles", "phrase"),
        ("cold chain", "phrase"),
    ],
)
def test_proposes_acronyms_names_and_recurring_phrases(term: str, kind: str) -> None:
    assert _terms()[term].kind == kind


@pytest.mark.parametrize(
    "term",
    [
        "Lakeshore Freight",  # the company, passed as known
        "Lakeshore",
        "Freight",
        "March",
        "Monday",
        "Responsibilities",
        "Requirements",
        "We",
        "The",
        "Manage",  # sentence-initial verb
        "Strong",
        "Logistics Analyst",  # a job title
        "VP of Operations",
        "Tools",
        "transportation analytics",  # lowercase, said once
        "reduce empty miles",
    ],
)
def test_leaves_out_ordinary_generic_and_known_words(term: str) -> None:
    assert term not in _terms()


def test_known_terms_are_left_out_case_insensitively() -> None:
    terms = {c.term for c in propose_terms(TEXTS, known=["lakeshore freight", "otif", "Power bi"])}
    assert "OTIF" not in terms and "Power BI" not in terms
    assert "SLA" in terms


def test_ranking_prefers_more_sources_then_count_then_acronyms() -> None:
    ranked = propose_terms(TEXTS, known=["Lakeshore Freight"])
    keys = [(-len(c.sources), -c.count) for c in ranked]
    assert keys == sorted(keys)
    assert ranked[0].term == "cold chain"  # in all three texts
    top_two_source = [c for c in ranked if len(c.sources) == 2 and c.count == 2]
    kinds = [c.kind for c in top_two_source]
    assert kinds == sorted(kinds, key=["acronym", "name", "phrase"].index)


def test_sources_count_and_example_are_reported() -> None:
    otm = _terms()["Oracle OTM"]
    assert otm.sources == ("posting", "debrief")
    assert otm.count == 2
    assert otm.example == (
        "Maintain carrier master data in Oracle OTM and support the MercuryGate migration."
    )


def test_limit_and_determinism() -> None:
    first = propose_terms(TEXTS, limit=5)
    assert len(first) == 5
    assert first == propose_terms(TEXTS, limit=5)


def test_a_phrase_needs_to_recur() -> None:
    once = propose_terms([("debrief", "We discussed dock door scheduling at length.")])
    twice = propose_terms(
        [("debrief", "Dock door scheduling is manual."), ("posting", "Own dock door scheduling.")]
    )
    assert [c.term for c in once if c.kind == "phrase"] == []
    assert [c.term for c in twice if c.kind == "phrase"] == ["dock door scheduling"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ICU follows HIPAA and uses Epic for charting.", {"ICU", "HIPAA", "Epic"}),
        ("Reports go to the CFO every Friday in January.", set()),
        ("KEY RESPONSIBILITIES AND DUTIES", set()),
        ("Key Responsibilities And Daily Tasks", set()),
        ("Our P&L review uses SAP S/4HANA and SharePoint.", {"P&L", "SAP S/4HANA", "SharePoint"}),
    ],
)
def test_single_texts(text: str, expected: set[str]) -> None:
    assert {c.term for c in propose_terms([("notes", text)])} == expected


def test_empty_input() -> None:
    assert propose_terms([]) == []
    assert propose_terms([("posting", "")]) == []
