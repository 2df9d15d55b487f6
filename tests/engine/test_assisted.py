"""Checks on a language model's answers, and the placeholders for names."""

from __future__ import annotations

import pytest

from secondround.engine.nlp.assisted import follow_up_checked, redact, restore, rewrite_checked

ANSWER = (
    "At Lakeshore I moved the two highest-risk patients nearer the station and set up "
    "hourly rounding with the aides; falls dropped to zero in six weeks."
)
QUESTION = "Tell me about a time you improved patient safety."


def test_names_emails_and_phones_become_placeholders_and_come_back():
    text = "Ask Dana Whitfield (dana@northwind.com, +1 312 555 0142) or Dana about it."
    redacted = redact(text, ["Dana Whitfield", "Dana"])
    assert "Dana" not in redacted.text and "@" not in redacted.text and "555" not in redacted.text
    assert redacted.text.count("[PERSON_") == 2 and "[EMAIL_1]" in redacted.text
    assert restore(redacted.text, redacted.mapping) == text


@pytest.mark.parametrize(
    ("text", "names", "left"),
    [
        # a first name alone is replaced too; a title is not a name
        ("You would report to Zoë; Zoë Lefèvre leads.", ["Zoë Lefèvre"], ["Zoë", "Lefèvre"]),
        ("Dr Amara Okafor and Dr Lee.", ["Dr Amara Okafor"], ["Amara", "Okafor"]),
        ("Meet Hendrik and Mr van der Berg.", ["Hendrik van der Berg"], ["Hendrik", "Berg"]),
    ],
)
def test_each_word_of_a_known_name_is_replaced(text, names, left):
    redacted = redact(text, names)
    assert not any(word in redacted.text for word in left)
    assert restore(redacted.text, redacted.mapping) == text
    assert "Dr Lee" not in text or "Dr Lee" in redacted.text


@pytest.mark.parametrize(
    ("reply", "accepted", "reason"),
    [
        ({"question": "Why the two highest-risk patients, and how did you pick them?"}, True, ""),
        ({"question": "How did the aides react to hourly rounding?"}, True, ""),
        ({"question": "Tell me more about the hourly rounding sheet."}, True, ""),
        ({"question": "What is your greatest weakness?"}, False, "not about anything"),
        ({"question": "Tell me about a time you improved patient safety."}, False, "repeated"),
        ({"question": "How did the aides react. Fine"}, False, "not one question"),
        ({"question": "Why " + "rounding " * 45 + "?"}, False, "too long"),
        ({"question": "How did [PERSON_1] react to the rounding?"}, False, "placeholder"),
        ({"answer": "something"}, False, "did not ask"),
        ("not a dict", False, "did not ask"),
    ],
)
def test_a_follow_up_must_be_one_short_new_question_about_the_answer(reply, accepted, reason):
    checked = follow_up_checked(reply, question=QUESTION, answer=ANSWER)
    assert checked.accepted is accepted
    assert reason in checked.reason


DRAFT = (
    "Dear Dana,\n\nThank you for meeting me on Tuesday and for our talk about the Joliet hub. "
    "At Lakeshore I cut empty miles from 40% to 22%.\n\nBest regards,\nAlex Morgan"
)
KNOWN = ["Dana Whitfield", "Northwind Freight", "Joliet hub", "Alex Morgan", "Lakeshore Foods"]


@pytest.mark.parametrize(
    ("text", "accepted", "reason"),
    [
        (
            "Dear Dana,\n\nThank you for Tuesday's conversation about the Joliet hub. At "
            "Lakeshore, I brought empty miles down from 40% to 22%.\n\nBest regards,\nAlex Morgan",
            True,
            "",
        ),
        (DRAFT.replace("22%", "12%"), False, "number that is not in your data: 12"),
        (DRAFT.replace("the Joliet hub", "the Gary terminal"), False, "not in your data: Gary"),
        ("", False, "no text"),
        # the facts the drafter chose stay: a number or a name left out is refused
        (DRAFT.replace(" from 40% to 22%", ""), False, "left out a number of your draft: 40"),
        (DRAFT.replace("the Joliet hub", "the hub"), False, "left out a name of your draft"),
        # a "not" added or dropped contradicts what the person wrote
        (DRAFT.replace("I cut", "I did not cut"), False, "says “not” where your draft does not"),
        (
            DRAFT.replace("Thank you for meeting", "I was not sure about meeting"),
            False,
            "says “not”",
        ),
    ],
)
def test_a_rewrite_keeps_to_the_persons_facts(text, accepted, reason):
    checked = rewrite_checked({"text": text}, draft=DRAFT, known=KNOWN)
    assert checked.accepted is accepted
    assert reason in checked.reason


def test_a_rewrite_that_drops_a_not_is_refused():
    draft = "Dear Dana,\n\nI have not led a union site, but I ran Lakeshore's night shift."
    rewrite = "Dear Dana,\n\nI have led a union site, and I ran Lakeshore's night shift."
    checked = rewrite_checked({"text": rewrite}, draft=draft, known=["Lakeshore"])
    assert not checked.accepted and "drops a “not”" in checked.reason


def test_a_rewrite_with_more_faulty_sentences_than_the_draft_is_refused():
    draft = "Dear Dana,\n\nThank you for our talk about the Joliet hub."
    rewrite = "Dear Dana,\n\nThank you for our talk about the the Joliet hub."
    checked = rewrite_checked({"text": rewrite}, draft=draft, known=KNOWN)
    assert not checked.accepted and "more faulty sentences" in checked.reason


@pytest.mark.parametrize(
    "text",
    [
        DRAFT.replace("Dear Dana,", "Hi Dana,"),
        DRAFT + " I could start at once.",
        DRAFT.replace("Best regards,", "Cheers,"),
    ],
)
def test_a_letters_greeting_and_sign_off_stay_as_they_are(text):
    checked = rewrite_checked({"text": text}, draft=DRAFT, known=KNOWN)
    assert not checked.accepted and "greeting or the signature" in checked.reason


def test_a_sentence_with_no_verb_in_a_letters_body_is_refused():
    rewrite = DRAFT.replace("Thank you for meeting me on Tuesday and for", "Thanks for")
    checked = rewrite_checked({"text": rewrite}, draft=DRAFT, known=KNOWN)
    assert not checked.accepted and "more faulty sentences" in checked.reason
