"""Help resources are content: the shipped file is sound, and a broken one says what is wrong."""

import re

import pytest
from django.utils import translation

from hearth.safety.checks import help_resources_are_readable
from hearth.safety.resources import DEFAULT_FILE, ResourcesError, help_resources, load_resources

SHIPPED = load_resources(DEFAULT_FILE)


def test_the_shipped_resources_cover_what_a_person_may_need():
    text = " ".join(
        [section.title for section in SHIPPED.sections]
        + [p for section in SHIPPED.sections for p in section.paragraphs + section.points]
    ).lower()
    for needed in (
        "local emergency number",
        "domestic abuse helpline",
        "crisis line",
        "in danger right now",
        "safety plan",
        "without giving a reason",
    ):
        assert needed in text, needed


def test_the_shipped_resources_invent_no_numbers_and_load_no_links():
    every_text = DEFAULT_FILE.read_text()
    assert not re.search(r"\d{3}", every_text), "no phone numbers we cannot vouch for"
    assert not re.search(r"https?://|www\.|<a ", every_text)


def test_the_configured_file_is_the_shipped_one_by_default():
    with translation.override("en"):
        assert help_resources() == SHIPPED


def test_paragraphs_are_split_on_blank_lines(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(
        'intro = "One\\nline.\\n\\nTwo."\n[[sections]]\ntitle = "T"\npoints = ["a point"]\n'
    )
    loaded = load_resources(path)
    assert loaded.intro == ("One line.", "Two.")
    assert loaded.sections[0].points == ("a point",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("sections = [", "is not valid TOML"),
        ('intro = "Hello"\n', "needs at least one [[sections]]"),
        ('[[sections]]\ntitle = "Unfinished"\n', "section 1 ('Unfinished'): needs text"),
        ('[[sections]]\ntext = "No title"\n', "section 1: 'title' must be some text"),
        ('[[sections]]\ntitle = "T"\ntxt = "typo"\n', "unknown fields ['txt']"),
        ('[[sections]]\ntitle = "T"\npoints = "not a list"\n', "'points' must be a list"),
        (
            '[[sections]]\ntitle = "T"\n[[sections.contacts]]\nname = "Helpline"\n',
            "section 1 ('T') contact 1: 'reach' must be some text",
        ),
        ('colour = "red"\n[[sections]]\ntitle = "T"\ntext = "x"\n', "unknown fields ['colour']"),
    ],
)
def test_a_malformed_file_gives_a_clear_error(tmp_path, content, message):
    path = tmp_path / "ours.toml"
    path.write_text(content)
    with pytest.raises(ResourcesError) as error:
        load_resources(path)
    assert str(error.value).startswith("ours.toml") or str(path) in str(error.value)
    assert message in str(error.value)


def test_a_missing_file_gives_a_clear_error(tmp_path):
    with pytest.raises(ResourcesError, match=r"missing\.toml: cannot be read"):
        load_resources(tmp_path / "missing.toml")


def test_the_host_is_warned_when_their_file_would_not_be_shown(settings, tmp_path):
    assert help_resources_are_readable() == []
    settings.HELP_RESOURCES_FILE = tmp_path / "missing.toml"
    (warning,) = help_resources_are_readable()
    assert warning.id == "safety.W001"
    assert "missing.toml" in warning.msg
