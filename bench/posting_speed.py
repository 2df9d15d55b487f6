"""Speed of analyse_posting on a long (about 1,000-word) posting.

Runs the analysis 200 times after a warm-up and prints the median in milliseconds:

    python bench/posting_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from secondround.engine.reading.posting_analysis import analyse_posting as _cached  # noqa: E402

analyse_posting = _cached.__wrapped__  # time the analysis itself, not the cache

RUNS = 200
WARM_UP = 20

INTRO = (
    "Lakeshore Freight is a third-party logistics company serving food and beverage "
    "shippers across the Midwest. We are growing fast and are looking for a Senior Logistics "
    "Analyst to join the analytics team that works directly with the VP of Operations. Our "
    "values are safety, ownership and continuous improvement, and we treat our drivers like "
    "customers."
)
RESPONSIBILITIES = [
    "Build and maintain weekly lane profitability reports in Power BI and Excel.",
    "Analyse carrier performance, on-time delivery and detention data to find root causes.",
    "Work across departments with operations, sales and finance to improve processes.",
    "Liaise with carriers and shippers to resolve billing discrepancies quickly.",
    "Own the monthly business review deck and present findings to senior stakeholders.",
    "Automate manual spreadsheet work with SQL, Python and Power Query.",
    "Maintain data quality in the TMS (MercuryGate) and the WMS (Manhattan WMS).",
    "Forecast volumes for peak season and support demand planning.",
    "Coach junior analysts and review their models for accuracy.",
    "Prioritise competing requests from planners in a fast-paced environment.",
    "Support rate negotiations with data on market rates and lane history.",
    "Track KPIs such as OTIF, cost per mile and empty miles, and report weekly.",
]
REQUIREMENTS = [
    "Bachelor's degree in supply chain management, business analytics or a related field.",
    "4+ years of experience in logistics, transportation or supply chain analytics.",
    "Advanced proficiency in Excel, including pivot tables, VLOOKUP and Power Pivot.",
    "Experience with SQL Server, Snowflake or BigQuery and with dbt.",
    "Knowledge of Python (pandas, NumPy) and of statistical analysis.",
    "Familiarity with Tableau or Looker and with Salesforce reporting.",
    "Strong written and verbal communication skills.",
    "Attention to detail and the ability to work under tight deadlines.",
    "A self-starter who takes ownership and follows through.",
    "Able to handle confidential commercial information with integrity.",
]
NICE = [
    "Experience with Oracle OTM, Blue Yonder or SAP EWM.",
    "Lean Six Sigma Green Belt or APICS certification.",
    "Familiarity with Azure, Databricks and Airflow.",
]
BENEFITS = (
    "We offer a competitive salary, a yearly bonus tied to results, health, dental and vision "
    "insurance, a 401(k) with a company match, hybrid work with three days in our Chicago "
    "office, paid parental leave and a yearly learning budget. We are an equal opportunity "
    "employer and value diversity at our company. We do not discriminate on the basis of "
    "race, religion, color, national origin, gender, sexual orientation, age, marital status, "
    "veteran status, or disability status."
)


def build_posting() -> str:
    parts = ["Senior Logistics Analyst", "", "About us", INTRO, ""]
    parts += ["Responsibilities"] + [f"- {item}" for item in RESPONSIBILITIES] + [""]
    parts += ["Requirements"] + [f"- {item}" for item in REQUIREMENTS] + [""]
    parts += ["Nice to have"] + [f"- {item}" for item in NICE] + [""]
    parts += ["What we offer", BENEFITS, ""]
    text = "\n".join(parts)
    # Repeat body lines (long postings repeat themselves) until about 1,000 words.
    body = parts[2:]
    index = 0
    while len(text.split()) < 1000:
        text += "\n" + body[index % len(body)]
        index += 1
    return text


def main() -> None:
    posting = build_posting()
    for _ in range(WARM_UP):
        analyse_posting(posting)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        analyse_posting(posting)
        timings.append((time.perf_counter() - start) * 1000)
    print(f"# posting: {len(posting.split())} words, {RUNS} warm runs")
    print(f"FIGURE posting_analysis_median_ms {statistics.median(timings):.2f} ms")


if __name__ == "__main__":
    main()
