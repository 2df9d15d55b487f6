"""Speed of the two answer drafts on a fully filled profile (about 40 facts).

Builds each answer 200 times after a warm-up and prints the median in milliseconds:

    python bench/answer_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from secondround.engine.drafting.answers import (  # noqa: E402
    BuiltAnswer,
    Fact,
    build_learned_answer,
    build_proceed_answer,
)

RUNS = 200
WARM_UP = 20
COMPANY = "Lakeshore Freight"
ROLE = "Logistics Analyst"

# (kind, text) in the order the app passes them: newest launches and press first.
PROFILE: tuple[tuple[str, str], ...] = (
    ("industry", "third-party logistics for food and beverage shippers"),
    ("product", "refrigerated truckload"),
    ("product", "LTL consolidation"),
    ("product", "dedicated fleet services"),
    ("product", "customs brokerage"),
    ("product", "cross-dock services"),
    ("launch", "Opened a cold-chain hub in Joliet in March 2026"),
    ("launch", "Launched the ShipTrack customer portal"),
    ("launch", "Added 120 electric yard tractors"),
    ("competitor", "Coyote Logistics"),
    ("competitor", "C.H. Robinson"),
    ("competitor", "Echo Global Logistics"),
    ("competitor", "RXO"),
    ("press", "Named one of Chicago's top workplaces for 2025"),
    ("press", "Revenue grew 14% on new grocery contracts"),
    ("press", "Lakeshore Freight expands Midwest reefer capacity"),
    ("press", "CEO interview on driver retention"),
    ("value", "safety"),
    ("value", "ownership"),
    ("value", "treating drivers like customers"),
    ("value", "continuous improvement"),
    ("social", "Their LinkedIn posts celebrate driver safety milestones every month"),
    ("social", "Instagram shows the Joliet hub team at work"),
    ("takeaway", "The analytics team is small and works directly with the VP of Operations"),
    ("takeaway", "Planners still rely on spreadsheets for lane bids"),
    ("challenge", "reducing empty miles on the Midwest lanes"),
    ("challenge", "Carrier scorecards are still built by hand in Excel"),
    ("challenge", "Detention charges at two grocery DCs"),
    ("term", "Oracle OTM"),
    ("term", "OTIF"),
    ("term", "Power BI"),
    ("term", "empty miles"),
    ("term", "cost per mile"),
    ("concern", "limited experience with Oracle OTM"),
    ("concern", "no grocery industry background"),
    ("responsibility", "Analyze freight spend and carrier performance"),
    ("responsibility", "Build weekly OTIF and cost-per-mile dashboards in Power BI"),
    ("responsibility", "Support lane bids and carrier negotiations"),
    ("responsibility", "Maintain master data in Oracle OTM"),
    ("responsibility", "Present monthly findings to operations leadership"),
)
FACTS = [
    Fact(key=f"{kind}:{index}", kind=kind, text=text, source=f"Saved · {kind}")
    for index, (kind, text) in enumerate(PROFILE)
]


def _median_ms(build: Callable[..., BuiltAnswer]) -> float:
    for _ in range(WARM_UP):
        build(company=COMPANY, role=ROLE, facts=FACTS)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        build(company=COMPANY, role=ROLE, facts=FACTS)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    print(f"profile: {len(FACTS)} facts, {RUNS} runs each")
    print(f"FIGURE learned_answer_median_ms {_median_ms(build_learned_answer):.3f} ms")
    print(f"FIGURE proceed_answer_median_ms {_median_ms(build_proceed_answer):.3f} ms")


if __name__ == "__main__":
    main()
