"""Identical questions are answered once and then from memory, and the API says which happened."""

from __future__ import annotations

from fastapi.testclient import TestClient

from qa import Assistant
from qa.answer_cache import AnswerCache
from qa.compose import Answer

G8 = "What did the G8 urge North Korea to do?"


def answer(text: str) -> Answer:
    return Answer(question=text, abstained=True, text=text, sources=())


def test_a_repeated_question_returns_the_identical_answer_from_the_cache(assistant: Assistant) -> None:
    first, first_cached = assistant.respond("Who chaired the commission of inquiry?", 2)
    again, again_cached = assistant.respond("Who chaired the commission of inquiry?", 2)
    assert (first_cached, again_cached) == (False, True)
    assert again is first


def test_a_different_k_is_answered_afresh(assistant: Assistant) -> None:
    assistant.respond("What happened at Camp 22?", 1)
    answer_k2, cached = assistant.respond("What happened at Camp 22?", 2)
    assert cached is False
    assert len(answer_k2.sources + answer_k2.nearest) == 2


def test_questions_differing_only_in_white_space_share_one_answer(assistant: Assistant) -> None:
    first, _ = assistant.respond("Who   proposed a human rights  dialogue?", 1)
    again, cached = assistant.respond("  Who proposed a human rights\ndialogue? ", 1)
    assert cached is True
    assert again.question == first.question == "Who proposed a human rights dialogue?"


def test_the_cache_keeps_only_the_most_recently_used_answers() -> None:
    cache = AnswerCache(2)
    cache.get_or_compute("a", lambda: answer("a"))
    cache.get_or_compute("b", lambda: answer("b"))
    cache.get_or_compute("a", lambda: answer("a again"))  # a is now the most recent
    cache.get_or_compute("c", lambda: answer("c"))  # so b goes
    assert cache.get_or_compute("a", lambda: answer("a new")) == (answer("a"), True)
    assert cache.get_or_compute("b", lambda: answer("b new")) == (answer("b new"), False)
    assert len(cache) == 2


def test_a_cache_of_size_zero_remembers_nothing() -> None:
    cache = AnswerCache(0)
    cache.get_or_compute("a", lambda: answer("a"))
    assert cache.get_or_compute("a", lambda: answer("a new")) == (answer("a new"), False)
    assert len(cache) == 0


def test_api_says_miss_then_hit_in_its_cache_header(client: TestClient) -> None:
    body = {"question": "Which camps did the satellite images show?", "k": 4}
    first = client.post("/api/answer", json=body)
    again = client.post("/api/answer", json=body)
    assert (first.headers["x-answer-cache"], again.headers["x-answer-cache"]) == ("miss", "hit")
    assert again.json() == first.json()


def test_api_reports_the_time_it_spent_answering_in_server_timing(client: TestClient) -> None:
    """The server's own share of a request, so a slow answer can be told from a slow network."""
    response = client.post("/api/answer", json={"question": "Who founded HRNK?", "k": 2})
    parts = dict(part.strip().split(";dur=") for part in response.headers["server-timing"].split(","))
    assert set(parts) == {"answer", "json"}
    assert float(parts["answer"]) > 0 and float(parts["json"]) > 0


def test_get_finds_only_what_was_remembered() -> None:
    cache = AnswerCache(2)
    assert cache.get("q") is None
    remembered, _ = cache.get_or_compute("q", lambda: answer("q"))
    assert cache.get("q") is remembered
