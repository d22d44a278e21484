"""One voice for bad input, wherever it comes from: a setting, a command-line option, a field of a request.

Every message names the input as the user wrote it (`QA_TOP_K`, `--port`, `k`) and says what is allowed,
worded from the declaration that checks it (a pydantic field's type and bounds), so the CLI and the API
cannot describe the same input in two ways, and no pydantic report or traceback reaches a user.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, Field, SecretStr, Strict, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from qa.errors import InvalidQuestion, InvalidSetting

RetrieverName = Literal["dense", "bm25", "hybrid"]
RETRIEVERS: tuple[RetrieverName, ...] = get_args(RetrieverName)

MAX_K = 10
SourceCount = Annotated[int, Field(ge=1, le=MAX_K)]
"""How many sources an answer quotes: the one declaration that `QA_TOP_K`, the API's `k`, the CLI's `-k` and the
assistant (`validate_k`) are checked against and described from."""
_K_FIELD = FieldInfo.from_annotation(SourceCount)
_STRICT_K = TypeAdapter(Annotated[SourceCount, Strict()])


def whole_number(low: int, high: int | None = None) -> str:
    """How a bounded whole number is described, here and in the hand-written checks (`validate_k`)."""
    return f"a whole number from {low} to {high}" if high is not None else f"a whole number of {low} or more"


def _number(value: float) -> str:
    return f"{value:g}"


def allowed(field: FieldInfo) -> str:
    """What `field` accepts, in words: "a whole number from 1 to 10", "one of dense, bm25, hybrid"."""
    kind = _bare(field.annotation)
    low = high = above = None
    shortest, longest = 0, None
    for bound in [*field.metadata, *_inner_metadata(field.annotation)]:
        if isinstance(bound, annotated_types.MinLen):
            shortest = bound.min_length
        elif isinstance(bound, annotated_types.MaxLen):
            longest = bound.max_length
        elif isinstance(bound, annotated_types.Ge):
            low = bound.ge
        elif isinstance(bound, annotated_types.Gt):
            above = bound.gt
        elif isinstance(bound, annotated_types.Le):
            high = bound.le
    if get_origin(kind) is Literal:
        return "one of " + ", ".join(str(choice) for choice in get_args(kind))
    if kind is int:
        return whole_number(int(low if low is not None else 0), None if high is None else int(high))
    if kind is float:
        if low is not None and high is not None:
            return f"a number from {_number(low)} to {_number(high)}"
        if above is not None:
            return f"a number above {_number(above)}"
        return f"a number of {_number(low)} or more" if low is not None else "a number"
    if kind is Path:
        return "a path"
    if kind is date:
        return "a date written YYYY-MM-DD"
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return f"an object with the fields {', '.join(kind.model_fields)}"
    if kind is bool:
        return "true or false"
    if kind in (str, SecretStr):
        return f"text of {shortest} to {longest} characters" if longest is not None else "text"
    return "comma-separated values" if get_origin(kind) is list else "a valid value"


def validate_k(k: object) -> int:
    """`k` when it is a number of sources an answer can quote (a whole number, not a bool or a string), else the
    error, worded as the API words it."""
    try:
        return _STRICT_K.validate_python(k)
    except ValidationError:
        raise InvalidQuestion(must_be("k", _K_FIELD, k)) from None


def validate_retriever(name: str) -> RetrieverName:
    """`name` when it is one of the retrievers, else the error: the one check for every way a retriever is named."""
    if name not in RETRIEVERS:
        raise InvalidQuestion(f"retriever must be one of {', '.join(RETRIEVERS)}, got {name!r}")
    return name  # type: ignore[return-value]  # checked against RETRIEVERS just above


def must_be(name: str, field: FieldInfo, value: object) -> str:
    """The one sentence for a bad value: `k must be a whole number from 1 to 10, got 99`."""
    return f"{name} must be {allowed(field)}, got {value!r}"


def settings_error(error: ValidationError, fields: Mapping[str, FieldInfo], names: Mapping[str, str]) -> InvalidSetting:
    """The error a user reads for settings that failed validation; `names` maps a field to the option that set
    it (`port` -> `--port`), and any other field is named by its environment variable (`QA_TOP_K`)."""
    problems = []
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        name = names.get(field, f"QA_{field.upper()}")
        if problem["type"] == "value_error":  # a validator's own sentence already names the setting and the fix
            problems.append(str(problem["ctx"]["error"]))
        elif field in fields and _bare(fields[field].annotation) is SecretStr:  # a secret never reaches a terminal
            problems.append(f"{name} must be {allowed(fields[field])}")
        elif field in fields and problem["type"] == "finite_number":
            problems.append(f"{must_be(name, fields[field], problem.get('input'))}, which is not a finite number")
        elif field in fields:
            problems.append(must_be(name, fields[field], problem.get("input")))
        else:
            problems.append(f"{name}: {problem['msg']}")
    return InvalidSetting("; ".join(problems))


def _inner_metadata(annotation: Any) -> list[Any]:
    """The constraints declared inside `X | None`, where pydantic leaves them (`SourceCount | None`)."""
    if get_origin(annotation) not in (Union, types.UnionType):
        return []
    found: list[Any] = []
    for arg in get_args(annotation):
        if get_origin(arg) is Annotated:
            for item in get_args(arg)[1:]:
                found.extend(item.metadata if isinstance(item, FieldInfo) else [item])
    return found


def _bare(annotation: Any) -> Any:
    """The type inside `X | None` and `Annotated[X, ...]` (`StrictInt` is `Annotated[int, Strict()]`)."""
    if get_origin(annotation) in (Union, types.UnionType):
        inner = [arg for arg in get_args(annotation) if arg is not type(None)]
        annotation = inner[0] if len(inner) == 1 else annotation
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation
