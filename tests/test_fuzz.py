"""Requests generated from the app's own OpenAPI schema, valid and not: never a 500, every error one shape.

Bounded and derandomized, so a run costs seconds and a failure reproduces.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis import Case, GenerationMode

from qa import Assistant, Settings
from web.app import create_app

EXAMPLES_PER_OPERATION = 25

# The schema is read from an app that is never started (no model is loaded to collect the tests);
# the requests go to an app of this module around the session's loaded assistant. Each call runs that
# app's lifespan, so the session's own client, whose lifespan is running, is never handed over.
schema = schemathesis.openapi.from_dict(create_app(Settings(admin_token=None)).openapi())
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=EXAMPLES_PER_OPERATION, deterministic=True
)
schema.config.phases.update(phases=["examples", "fuzzing"])


@pytest.fixture(scope="module")
def fuzzed(settings: Settings, assistant: Assistant) -> FastAPI:
    return create_app(settings, assistant)


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_never_get_a_500_and_errors_say_what_is_wrong(case: Case, fuzzed: FastAPI) -> None:
    response = case.call(app=fuzzed)
    assert response.status_code < 500, response.text
    (content_type,) = response.headers["content-type"]
    if response.status_code >= 400 and not content_type.startswith("text/html"):
        body = response.json()
        assert list(body) == ["detail"]
        assert isinstance(body["detail"], str) and body["detail"]
