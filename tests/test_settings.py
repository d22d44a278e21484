"""Every setting is documented where users look for it."""

from qa.settings import PROJECT_ROOT, Settings


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f"QA_{name.upper()}" for name in Settings.model_fields if f"QA_{name.upper()}" not in readme]
    assert missing == []
