"""HTML mail bodies read as a person would copy them."""

from __future__ import annotations

import pytest

from secondround.engine.nlp.html_text import html_to_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Dear Ana,</p><p>See you soon.</p>", "Dear Ana,\nSee you soon."),
        (
            "<table><tr><th>Time</th><th>Who</th></tr>"
            "<tr><td>10:00</td><td>Jo Roe</td></tr></table>",
            "Time | Who\n10:00 | Jo Roe",
        ),
        # A schedule table inside a layout table keeps its columns.
        (
            "<table><tr><td><p>Hi</p><table><tr><td>9:00</td><td>Ana</td></tr></table>"
            "<p>Bye</p></td></tr></table>",
            "Hi\n9:00 | Ana\nBye",
        ),
        ("<td>x</td>", "x"),
        (
            "<table><tr><td>Dr Jo Roe<br>Head of Nursing</td></tr></table>",
            "Dr Jo Roe, Head of Nursing",
        ),
        ("<ul><li>Lunch</li><li>Tour</li></ul>", "• Lunch\n• Tour"),
        ("<head><style>p{}</style><title>t</title></head><script>x()</script><p>Body</p>", "Body"),
        ("<p>Caf&eacute; &amp; more&nbsp;here", "Café & more here"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("", ""),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text
