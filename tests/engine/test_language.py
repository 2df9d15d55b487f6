"""Only a text that is clearly not English is called so."""

from __future__ import annotations

import pytest

from secondround.engine.nlp.language import looks_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("We are pleased to invite you to a second interview with our team on Tuesday.", True),
        ("10:00 | Dana Whitfield | Director\n10:45 | Marcus Oyelaran | VP Supply Chain", True),
        ("Merci!", True),  # too short to say
        # A calendar's list of names and titles: capitalised words say nothing.
        (
            "Subject: Interview: Elif Kaya - Nurse Educator\n\nInterviewers: Dr. Amos Levi"
            " (Director of Nursing Education), Joan Pratt (Clinical Nurse Specialist)",
            True,
        ),
        (
            "Bonjour Madame Dupont, nous avons le plaisir de vous inviter à un second entretien "
            "pour le poste de responsable logistique le mardi 14 juillet.",
            False,
        ),
        (
            "Sehr geehrte Frau Müller, wir freuen uns, Sie zu einem zweiten "
            "Vorstellungsgespräch für die Position als Pflegefachkraft einzuladen.",
            False,
        ),
        (
            "Estimada Sra. García: Nos complace invitarle a una segunda entrevista para el "
            "puesto de enfermera. Se reunirá con la Dra. Ana López, jefa de enfermería.",
            False,
        ),
    ],
)
def test_looks_english(text: str, english: bool) -> None:
    assert looks_english(text) is english
