"""Screenshots of the demo for the README: run `make run` in another terminal first.

.venv/bin/python scripts/screenshot.py [BASE_URL]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1100, "height": 760})
        page.goto(f"{BASE}/account/login/")
        page.get_by_label("Username").fill("demo")
        page.get_by_label("Password").fill("second-round-demo")
        page.get_by_role("button", name="Log in").click()
        page.screenshot(path=str(DOCS / "dashboard.png"))
        page.get_by_role("link", name="Second interview").first.click()
        page.screenshot(path=str(DOCS / "round.png"), full_page=True)
        round_url = page.url
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        phone.context.add_cookies(page.context.cookies())
        phone.goto(round_url)
        phone.screenshot(path=str(DOCS / "round-phone.png"), full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
