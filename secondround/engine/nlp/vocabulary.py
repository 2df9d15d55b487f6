"""The shared ids of ../shared/competencies.md: one place for each list.

Keep ids exactly as written there; evaluations and stored data depend on them.
"""

from __future__ import annotations

RELATIONS: dict[str, str] = {
    "hiring_manager": "Hiring manager",
    "managers_manager": "Manager's manager",
    "senior_leader": "Senior leader",
    "peer": "Peer",
    "cross_department": "Cross-department",
    "hr": "HR / recruiter",
    "technical_expert": "Technical expert",
    "other": "Other",
}

QUESTION_KINDS: dict[str, str] = {
    "behavioral": "Behavioural",
    "situational": "Situational",
    "second_round": "Second-round staple",
    "motivation": "Motivation",
    "technical": "Technical",
    "self_assessment": "Self-assessment",
    "curveball": "Curveball",
    "illegal": "Illegal",
    "salary": "Salary",
    "closing": "Closing",
}

COMPETENCIES: dict[str, str] = {
    "teamwork": "Teamwork",
    "conflict": "Conflict",
    "leadership": "Leadership",
    "influence": "Influence",
    "communication": "Communication",
    "problem_solving": "Problem solving",
    "decision_making": "Decision making",
    "adaptability": "Adaptability",
    "learning": "Learning",
    "failure": "Failure",
    "pressure": "Pressure",
    "prioritization": "Prioritisation",
    "initiative": "Initiative",
    "ownership": "Ownership",
    "integrity": "Integrity",
    "customer_focus": "Customer focus",
    "attention_to_detail": "Attention to detail",
    "creativity": "Creativity",
    "results": "Results",
    "mentoring": "Mentoring",
    "managing_up": "Managing up",
    "cross_functional": "Cross-functional",
    "technical_depth": "Technical depth",
    "motivation": "Motivation",
    "culture_fit": "Culture fit",
    "self_awareness": "Self-awareness",
}
