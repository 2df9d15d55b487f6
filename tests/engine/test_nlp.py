"""The shared English parse: pinned weights, one cached parse per text."""

from __future__ import annotations

import pytest

from secondround.engine.nlp import parsing as nlp


def test_parse_finds_people_and_sentences() -> None:
    doc = nlp.parse("You will meet Marisol de la Cruz-Hernández at 10:30. She leads the unit.")
    assert len(list(doc.sents)) == 2
    assert "Marisol de la Cruz-Hernández" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_the_same_text_is_parsed_once() -> None:
    text = "The panel will ask about medication safety."
    assert nlp.parse(text) is nlp.parse(text)
    first, second = nlp.parse_many([text, "Another text."])
    assert first is nlp.parse(text)
    assert second.text == "Another text."


@pytest.mark.parametrize("relative", sorted(nlp.PINNED_SHA256))
def test_a_changed_weight_file_is_refused(tmp_path, monkeypatch, relative: str) -> None:
    source = nlp.model_dir()
    copy = tmp_path / "model"
    for path in source.rglob("*"):
        if path.is_file():
            target = copy / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    nlp._check(copy)  # the untouched copy passes
    with (copy / relative).open("ab") as stream:
        stream.write(b"\0")
    with pytest.raises(nlp.NlpUnavailable, match="SHA-256"):
        nlp._check(copy)


def test_a_missing_model_is_reported_once(monkeypatch) -> None:
    calls = []

    def broken() -> None:
        calls.append(1)
        raise nlp.NlpUnavailable("not installed")

    monkeypatch.setattr(nlp, "_Pipeline", broken)
    nlp._load.cache_clear()
    try:
        assert nlp.available() is False
        with pytest.raises(nlp.NlpUnavailable):
            nlp.parse("Hello there.")
        assert calls == [1]
    finally:
        nlp._load.cache_clear()
