from __future__ import annotations

import pytest

from secondround.engine.nlp.role_titles import role_in_prose


@pytest.mark.parametrize(
    ("title", "spoken"),
    [
        ("Shift Supervisor Warehouse (m/f/d)", "Shift Supervisor Warehouse"),
        ("Pflegefachkraft (m/w/d) Intensivstation", "Pflegefachkraft Intensivstation"),
        ("Serveur H/F", "Serveur"),
        ("Data Analyst (all genders)", "Data Analyst"),
        ("Lab Technician [f/m/x]", "Lab Technician"),
        ("Staff Nurse - Cardiology (Req 48213)", "Staff Nurse - Cardiology"),
        ("Bookkeeper [Job ID: 7781]", "Bookkeeper"),
        ("Registered Nurse", "Registered Nurse"),
        # Letters that belong to the title stay.
        ("HR/IT Coordinator", "HR/IT Coordinator"),
        ("M/E Engineer", "M/E Engineer"),
        ("Teacher (Maths)", "Teacher (Maths)"),
        ("", ""),
        ("(m/f/d)", "(m/f/d)"),
    ],
)
def test_role_in_prose(title: str, spoken: str) -> None:
    assert role_in_prose(title) == spoken
