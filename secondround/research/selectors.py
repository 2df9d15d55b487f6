"""Reads that gather an opportunity's saved facts for the engine."""

from __future__ import annotations

from secondround.debrief.models import Debrief, GlossaryTerm
from secondround.engine.drafting.answers import (
    BuiltAnswer,
    Fact,
    build_learned_answer,
    build_proceed_answer,
)
from secondround.engine.nlp.entities import NAME_ASIDE, EntityIndex, entity_index
from secondround.engine.nlp.lines import item_lines
from secondround.engine.reading.glossary import TermCandidate, propose_terms
from secondround.engine.reading.posting import posting_sections
from secondround.opportunities.models import Interviewer, Opportunity
from secondround.opportunities.selectors import posting_reading

from .models import CompanyProfile, SavedAnswer

MAX_RESPONSIBILITIES = 6


def _profile_facts(profile: CompanyProfile | None) -> list[Fact]:
    if profile is None:
        return []
    facts = []
    if profile.industry.strip():
        facts.append(
            Fact(
                "profile.industry",
                "industry",
                profile.industry.strip(),
                "Company profile · industry",
            )
        )
    for field, kind, label in (
        ("products", "product", "products"),
        ("launches", "launch", "newest launches"),
        ("competitors", "competitor", "competitors"),
        ("values", "value", "values and culture"),
        ("social_media", "social", "social media"),
    ):
        for index, line in enumerate(item_lines(getattr(profile, field))):
            facts.append(Fact(f"profile.{field}:{index}", kind, line, f"Company profile · {label}"))
    return facts


def answer_facts(opportunity: Opportunity) -> list[Fact]:
    """Every saved fact an answer may draw on, each with a key that links back to it."""
    profile = CompanyProfile.objects.filter(opportunity=opportunity).first()
    facts = _profile_facts(profile)
    for item in opportunity.press_items.all():
        when = f", {item.published_on:%d %b %Y}" if item.published_on else ""
        text = f"{item.title}: {item.summary}" if item.summary else item.title
        facts.append(Fact(f"press:{item.pk}", "press", text, f"Press · {item.title}{when}"))
    for meeting in opportunity.informational_interviews.all():
        for index, line in enumerate(item_lines(meeting.takeaways)):
            facts.append(
                Fact(
                    f"informational:{meeting.pk}:{index}",
                    "takeaway",
                    line,
                    f"Talk with {meeting.person}",
                )
            )
    for debrief in Debrief.objects.filter(round__opportunity=opportunity).select_related("round"):
        for index, line in enumerate(debrief.challenge_lines()):
            facts.append(
                Fact(
                    f"challenge:{debrief.pk}:{index}",
                    "challenge",
                    line,
                    f"Debrief · {debrief.round.label}",
                )
            )
    for term in opportunity.glossary.all():
        facts.append(
            Fact(f"term:{term.pk}", "term", term.term, f"Glossary · {term.get_source_display()}")
        )
    sections = posting_sections(opportunity.posting_text)
    for index, line in enumerate(sections.responsibilities[:MAX_RESPONSIBILITIES]):
        facts.append(
            Fact(
                f"posting.responsibility:{index}",
                "responsibility",
                line,
                "Job posting · responsibilities",
            )
        )
    return facts


def _debrief_text(debrief: Debrief) -> str:
    """The notes as typed when there are some, else the sorted rows: never both, which
    would count every phrase twice."""
    if debrief.raw_notes.strip():
        return f"{debrief.raw_notes}\n{debrief.challenges}"
    parts = [debrief.challenges]
    parts += [q.text for q in debrief.questions.all()]
    parts += [o.text for o in debrief.observations.all()]
    parts += [c.said for c in debrief.concerns.all()]
    return "\n".join(parts)


def glossary_candidates(opportunity: Opportunity) -> list[TermCandidate]:
    """Terms the engine proposes from everything saved, minus those already in the glossary."""
    texts: list[tuple[str, str]] = [("posting", opportunity.posting_text)]
    profile = CompanyProfile.objects.filter(opportunity=opportunity).first()
    if profile:
        texts.append(
            (
                "research",
                "\n".join(
                    [
                        profile.industry,
                        profile.products,
                        profile.launches,
                        profile.competitors,
                        profile.values,
                        profile.social_media,
                    ]
                ),
            )
        )
    texts += [
        ("research", f"{item.title}. {item.summary}") for item in opportunity.press_items.all()
    ]
    texts += [("research", source.text) for source in opportunity.sources.all()]
    debriefs = Debrief.objects.filter(round__opportunity=opportunity).prefetch_related(
        "questions", "observations", "concerns"
    )
    texts += [("debrief", _debrief_text(debrief)) for debrief in debriefs]
    known = [
        *GlossaryTerm.objects.filter(opportunity=opportunity).values_list("term", flat=True),
        opportunity.company,
    ]
    return propose_terms([(label, text) for label, text in texts if text.strip()], known=known)


def company_terms(opportunity: Opportunity, *, limit: int = 12) -> list[str]:
    """The company's own terms from the glossary, without its competitors' names.

    Used to tailor questions and plans: "How is MercuryGate changing the team?" shows
    homework; the same question about a competitor would be a gaffe.
    """
    profile = CompanyProfile.objects.filter(opportunity=opportunity).first()
    # "Calderbrook Council (pays £4k supplement)": the name without the user's aside
    competitors = (
        {NAME_ASIDE.sub("", line).lower() for line in item_lines(profile.competitors)}
        | {line.lower() for line in item_lines(profile.competitors)}
        if profile
        else set()
    )
    terms = []
    for term in GlossaryTerm.objects.filter(opportunity=opportunity):
        if term.term.lower() in competitors or "competitor" in term.meaning.lower():
            continue
        terms.append(term.term)
    return terms[:limit]


def saved_names(opportunity: Opportunity) -> list[str]:
    """What the user saved as names: the company, glossary terms, products, competitors,
    launches and everyone on a roster. Drafts keep their capitals ("Magnet", "Epic")."""
    profile = CompanyProfile.objects.filter(opportunity=opportunity).first()
    names = [opportunity.company]
    names += list(
        GlossaryTerm.objects.filter(opportunity=opportunity).values_list("term", flat=True)
    )
    if profile:
        for field in ("products", "competitors", "launches"):
            names += [
                line for line in item_lines(getattr(profile, field)) if len(line.split()) <= 5
            ]
    names += [
        person.name for round_ in opportunity.rounds.all() for person in round_.interviewers.all()
    ]
    return [name for name in dict.fromkeys(n.strip() for n in names) if name]


def entities(
    opportunity: Opportunity,
    *,
    skills: list[tuple[str, str | None]] | None = None,
    skills_saved: bool = False,
) -> EntityIndex:
    """Every term the user saved with its kind (tool, procedure, metric, competitor...):
    the one place drafts learn what a term is. See engine/nlp/entities.py. `skills`: the
    posting's (name, kind or None), when the caller read them (questions' posting_needs),
    `skills_saved` when they are the user's saved rows (their kinds are kept)."""
    profile = CompanyProfile.objects.filter(opportunity=opportunity).first()
    lines = {
        field: list(item_lines(getattr(profile, field))) if profile else []
        for field in ("products", "launches", "competitors", "values")
    }
    if skills is None:
        skills, skills_saved = _typed_skills(opportunity)
    glossary = [
        (term.term, term.meaning) for term in GlossaryTerm.objects.filter(opportunity=opportunity)
    ]
    people = Interviewer.objects.filter(round__opportunity=opportunity)
    return entity_index(
        skills=skills,
        glossary=glossary,
        products=lines["products"],
        launches=lines["launches"],
        competitors=lines["competitors"],
        values=lines["values"],
        organisations=[opportunity.company],
        people=list(people.values_list("name", flat=True)),
        skills_confirmed=skills_saved,
    )


def _typed_skills(opportunity: Opportunity) -> tuple[list[tuple[str, str | None]], bool]:
    """The posting's skills with the kind the posting reader gave them (tool, procedure,
    certification, knowledge), or None to read the kind from the words: the ones the user
    confirmed (and True), else what the reader found in the posting (and False)."""
    from .models import SkillNeed

    saved = list(SkillNeed.objects.filter(opportunity=opportunity).values_list("name", "kind"))
    if saved:
        return [(name, kind or None) for name, kind in saved], True
    if not opportunity.posting_text.strip():
        return [], False
    reading = posting_reading(opportunity)
    skills = [
        (name, reading.not_skills.get(name) or kind or None) for name, _, kind in reading.skills
    ]
    return skills, False


def drafted_answer(opportunity: Opportunity, kind: str) -> BuiltAnswer:
    """A fresh draft of a staple answer (SavedAnswer.Kind) from everything saved."""
    builder = build_proceed_answer if kind == SavedAnswer.Kind.PROCEED else build_learned_answer
    return builder(
        company=opportunity.company,
        role=opportunity.role_in_prose,
        facts=answer_facts(opportunity),
        entities=entities(opportunity),
        names=saved_names(opportunity),
        known=own_lines(opportunity),
    )


def own_lines(opportunity: Opportunity) -> list[str]:
    """Lines the user wrote about their own work: a glossary term with its meaning ("SAP
    Ariba: what we use at Monash"), round-1 notes ("Delphic - we have Delphic too"): a term
    they already use is not one to read up on."""
    lines = [
        f"{term.term}: {term.meaning}"
        for term in GlossaryTerm.objects.filter(opportunity=opportunity)
    ]
    for debrief in Debrief.objects.filter(round__opportunity=opportunity):
        lines += debrief.raw_notes.splitlines()
    return [line for line in lines if line.strip()]
