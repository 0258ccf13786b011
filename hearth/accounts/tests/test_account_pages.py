"""The sign-in, sign-up, password, e-mail and two-factor pages look and speak like the rest of
Hearth: its own layout, sentence-case labels without colons, no stray bullets, errors next to
what needs fixing, and nothing wider than a small phone, in light and dark."""

import re
from html.parser import HTMLParser

import pytest
from playwright.sync_api import Browser, Page, expect

from hearth.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SIGNED_OUT_PAGES = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
SIGNED_IN_PAGES = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/logout/",
]
# Words that keep their capital in the middle of a sentence.
PROPER = {"I", "Hearth"}


class PageParts(HTMLParser):
    """The text of each label and heading, and any list inside a form."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: list[str] = []
        self.headings: list[str] = []
        self.lists_in_forms = 0
        self.open: list[str] = []
        self.forms = 0
        self.has_site_header = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "header" and ("class", "site-header") in attrs:
            self.has_site_header = True
        if tag == "form":
            self.forms += 1
        if tag in ("ul", "ol") and self.forms:
            self.lists_in_forms += 1
        if tag in ("label", "h1", "h2"):
            self.open.append(tag)
            (self.labels if tag == "label" else self.headings).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.forms -= 1
        if self.open and tag == self.open[-1]:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open:
            texts = self.labels if self.open[-1] == "label" else self.headings
            texts[-1] += data


def parts_of(html: str) -> PageParts:
    parser = PageParts()
    parser.feed(html)
    parser.labels = [" ".join(text.split()) for text in parser.labels]
    parser.headings = [" ".join(text.split()) for text in parser.headings]
    return parser


def in_sentence_case(text: str) -> bool:
    words = [word.strip("?,.:;()") for word in text.split()[1:]]
    return not [word for word in words if word[:1].isupper() and word not in PROPER]


@pytest.fixture
def signed_in(client, alice):
    client.post("/accounts/login/", {"login": alice.email, "password": PASSWORD})
    return client


@pytest.mark.parametrize("path", SIGNED_OUT_PAGES + SIGNED_IN_PAGES)
def test_each_account_page_has_hearths_layout_and_plain_labels(client, settings, alice, path):
    settings.EMAIL_CAN_SEND = True  # so the forgotten-password page shows its form
    if path in SIGNED_IN_PAGES:
        client.force_login(alice)
    response = client.get(path)
    assert response.status_code == 200
    page = parts_of(response.content.decode())
    assert page.has_site_header, "Hearth's own header and navigation"
    assert 'class="narrow account-page"' in response.content.decode()
    assert not [label for label in page.labels if label.endswith(":")]
    assert page.lists_in_forms == 0, "no bullets around or under fields"
    assert [h for h in page.headings if not in_sentence_case(h)] == []
    wording = [label for label in page.labels if "@" not in label]  # not an address's own label
    assert [label for label in wording if not in_sentence_case(label)] == []


def test_sign_up_asks_in_hearths_words(client):
    page = parts_of(client.get("/accounts/signup/").content.decode())
    assert page.labels == [
        "Display name",
        "Email",
        "Password",
        "Password again",
        "Time zone",
        "I am 18 or older",
    ]


def test_the_password_hint_names_the_length_the_rules_ask_for(client, settings):
    (length_rule,) = [
        rule
        for rule in settings.AUTH_PASSWORD_VALIDATORS
        if rule["NAME"].endswith("MinimumLengthValidator")
    ]
    hint = f"At least {length_rule['OPTIONS']['min_length']} characters."
    assert hint in client.get("/accounts/signup/").content.decode()


def test_changing_a_password_asks_for_the_current_one_then_the_new_one_twice(signed_in):
    page = parts_of(signed_in.get("/accounts/password/change/").content.decode())
    assert page.labels == ["Current password", "New password", "New password again"]


def test_a_wrong_password_is_said_plainly_above_the_form(client, alice):
    response = client.post("/accounts/login/", {"login": alice.email, "password": "not it"})
    html = response.content.decode()
    problem = re.search(r'<div class="form-problem" role="alert">(.*?)</div>', html, re.S)
    assert problem and "not correct" in problem.group(1)


def test_a_field_error_sits_on_its_field_and_the_input_points_to_it(client, alice):
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "Robin",
            "email": alice.email,
            "password1": "a kettle of warm tea",
            "password2": "a kettle of warm tea",
            "time_zone": "UTC",
            "is_adult": "on",
        },
    )
    html = response.content.decode()
    error = re.search(r'<div class="field-error" id="id_email_error"><p>(.*?)</p></div>', html)
    assert error and "already registered" in error.group(1)
    email_input = re.search(r'<input type="email" name="email"[^>]*>', html)
    assert email_input
    assert 'aria-invalid="true"' in email_input.group(0)
    assert "id_email_error" in email_input.group(0)


def test_logging_in_keeps_where_the_person_was_going(client, alice):
    page = client.get("/accounts/login/?next=/settings/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in page
    assert re.search(r'<input type="hidden" name="next" value="/settings/"', page)
    response = client.post(
        "/accounts/login/", {"login": alice.email, "password": PASSWORD, "next": "/settings/"}
    )
    assert response["Location"] == "/settings/"


def test_logging_in_greets_the_person_by_name(client, alice):
    response = client.post(
        "/accounts/login/", {"login": alice.email, "password": PASSWORD}, follow=True
    )
    assert "Hello, Alice. You&#x27;re logged in." in response.content.decode()


def test_two_factor_pages_speak_in_sentence_case(signed_in):
    page = parts_of(signed_in.get("/accounts/2fa/").content.decode())
    assert page.headings[:2] == ["Two-factor sign-in", "Authenticator app"]
    signed_in.post("/accounts/reauthenticate/", {"password": PASSWORD})
    activate = signed_in.get("/accounts/2fa/totp/activate/").content.decode()
    assert "Code from your app" in parts_of(activate).labels
    secret = re.search(r'<input type="text" id="authenticator_secret"[^>]*>', activate)
    assert secret and "readonly" in secret.group(0), "the secret can be selected and copied"


def test_the_list_of_passkeys_opens(signed_in):
    signed_in.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert signed_in.get("/accounts/2fa/webauthn/").status_code == 200


def fits_a_small_phone(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def targets_smaller_than_a_thumb(page: Page) -> list[str]:
    """Buttons, fields and tick boxes (with their labels) in the page's main part under 44px."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
                "main button, main .button, main input:not([type=hidden]):not([type=checkbox]),"
                + " main select, main label.check-line")]
            .filter((el) => el.getBoundingClientRect().height < 44)
            .map((el) => el.outerHTML.slice(0, 80))"""
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_log_in_and_sign_up_fit_a_small_phone_in_light_and_dark(
    browser: Browser, live_server, alice, scheme
):
    phone = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, color_scheme=scheme
    )
    page = phone.new_page()
    for path in ["/accounts/signup/", "/accounts/login/"]:
        page.goto(live_server.url + path)
        assert fits_a_small_phone(page), path
        assert targets_smaller_than_a_thumb(page) == [], path
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    darkness = sum(int(n) for n in re.findall(r"\d+", background)[:3])
    assert (darkness < 200) == (scheme == "dark"), background

    page.get_by_label("Email").fill(alice.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("not correct")
    assert fits_a_small_phone(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_text("Hello, Alice. You're logged in.")).to_be_visible()
    phone.close()
