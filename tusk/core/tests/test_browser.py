"""Browser tests: Debian's Chromium, driven by Playwright, against Django's live server.

Each test follows one of the flows a person goes through in Tusk and checks what that person
sees on the page: the text, the status badges, the findings beside an action. The users log in
through the real login form.

Set TUSK_SCREENSHOTS to a folder to keep a full-page screenshot of every page visited, at a
desktop (1280 px) and a phone (390 px) width; without it no screenshot is taken.
"""

from __future__ import annotations

import datetime
import itertools
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from tusk.accounts.choices import Role
from tusk.core.models import Meeting, Party
from tusk.core.reference_load import reference_load
from tusk.documents.services import report_import
from tusk.reports.models import ProgressReport
from tusk.testing import factories as f

# Playwright's synchronous API runs an event loop in the test's thread, where the tests also
# create their data through the ORM; Django refuses that unless told it is safe, as it is here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PASSWORD = "elephants never forget 2026"
CAMBODIA_TXT = (
    Path(__file__).resolve().parents[3] / "niapdoc" / "tests" / "fixtures" / "cambodia-sc66.txt"
)
ACCENT = "rgb(31, 95, 74)"  # --accent of static/tusk/tusk.css, the header's background

Shoot = Callable[[Page, str], None]


# --- The browser, its pages and the screenshots ----------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole module; each test opens its own contexts."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium package; "
            "run 'make setup' (or apt-get install chromium) and run the tests again.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser, live_server: Any) -> Iterator[Callable[[], Page]]:
    """Opens a page in a new browser context (its own cookies: one person) on the live server."""
    contexts = []

    def open_() -> Page:
        context = browser.new_context(
            base_url=live_server.url, viewport=DESKTOP, locale="en-GB", timezone_id="UTC"
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Shoot:
    """Takes a screenshot of the whole page at both widths into $TUSK_SCREENSHOTS, if set.

    The window is made as tall as the page first: a full-page capture of a window of usual
    height would draw the sticky save bars in the middle of the page, over the form.
    """
    folder = os.environ.get("TUSK_SCREENSHOTS", "")
    prefix = "-".join(request.node.name.removeprefix("test_").split("_")[:4])
    count = itertools.count(1)

    def shoot(page: Page, name: str) -> None:
        if not folder:
            return
        Path(folder).mkdir(parents=True, exist_ok=True)
        number = next(count)
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": size["width"], "height": min(max(height, 1), 16000)})
            path = Path(folder) / f"{prefix}-{number:02d}-{name}-{label}.png"
            page.screenshot(path=str(path), full_page=True)
        page.set_viewport_size(DESKTOP)

    return shoot


# --- People and what they see ----------------------------------------------------------------


def person(user: Any) -> Any:
    """`user` with the password the tests type into the login form."""
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


def log_in(page: Page, user: Any, shoot: Shoot | None = None) -> None:
    """Log in through the login form, as a person would, and check the header names them."""
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    page.get_by_label("User name").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    if shoot is not None:
        shoot(page, "login")
    page.locator("form.login-form").get_by_role("button", name="Log in").click()
    expect(page.locator(".site-header .user-name")).to_have_text(str(user))


def heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def message(page: Page) -> Locator:
    """The messages Tusk shows at the top of the page after a change."""
    return page.locator("ul.messages")


def status(page: Page) -> Locator:
    """The status badge of the report on a report, review or draft page."""
    return page.locator("dl.facts .status, .draft-meta .status").first


def draft_action(page: Page, code: str) -> Locator:
    """The edit page's block of one action."""
    return page.locator("fieldset.draft-action").filter(
        has=page.locator(".draft-code", has_text=re.compile(rf"^{re.escape(code)}\b"))
    )


def review_action(page: Page, code: str) -> Locator:
    """The review page's block of one action."""
    return page.locator("article.review-action").filter(
        has=page.locator(".action-code", has_text=re.compile(rf"^{re.escape(code)}$"))
    )


def table_row(page: Page, code: str) -> Locator:
    """The table row whose header cell is the action `code` (or a Party's name)."""
    # An action flagged in the plan carries "(flagged)" for screen readers after its code.
    name = re.compile(rf"^{re.escape(code)}(\s*\(flagged\))?$")
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name))


def visible_text(locator: Locator) -> str:
    """The text a sighted reader sees: without what is there for screen readers only."""
    text: str = locator.evaluate(
        """el => {
            const copy = el.cloneNode(true);
            copy.querySelectorAll('.visually-hidden').forEach(n => n.remove());
            return copy.textContent.replace(/\\s+/g, ' ').trim();
        }"""
    )
    return text


def pk_in(url: str) -> int:
    match = re.search(r"/reports/(\d+)/", url)
    assert match, url
    return int(match.group(1))


def analyst() -> Any:
    return person(f.UserFactory(username="sofia", role=Role.SECRETARIAT))


def focal_point_of_cambodia() -> Any:
    return person(f.focal_point("chan", Party.objects.get(country="KH")))


# --- The flows -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_focal_point_uploads_corrects_and_submits_the_cambodia_report(
    open_page: Callable[[], Page], shots: Shoot
) -> None:
    reference_load()
    chan = focal_point_of_cambodia()
    page = open_page()
    stylesheets: list[int] = []
    page.on(
        "response",
        lambda r: stylesheets.append(r.status) if r.url.endswith("/tusk/tusk.css") else None,
    )
    log_in(page, chan, shots)

    # The style sheet is served and applied.
    assert stylesheets, "no page asked for tusk.css"
    assert set(stylesheets) <= {200, 304}, stylesheets
    expect(page.locator(".site-header")).to_have_css("background-color", ACCENT)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Upload a report").click()
    expect(heading(page)).to_have_text("Upload a progress report")
    expect(page.locator("main")).to_contain_text("You report for: Cambodia.")
    page.get_by_label("Report file").set_input_files(str(CAMBODIA_TXT))
    shots(page, "upload")
    page.get_by_role("button", name="Read the file").click()

    # The preview: nothing stored yet, and the placeholder left in Part C beside action 5.2.
    expect(page).to_have_url(re.compile(r"/reports/upload/[0-9a-f]{64}/$"))
    expect(heading(page)).to_have_text("Preview of cambodia-sc66.txt")
    expect(page.locator(".draft-changes")).to_contain_text(
        "Cambodia has no report for SC66 yet: this file becomes its first draft."
    )
    expect(page.locator("dl.facts")).to_contain_text("Cambodia")
    expect(page.locator("dl.facts .severity-error")).to_have_text("1 error")
    placeholder = table_row(page, "5.2").locator(".draft-finding-error")
    expect(placeholder).to_have_count(1)
    expect(placeholder).to_contain_text("[PROGRESS RATING]")
    expect(placeholder.locator(".severity")).to_have_text("Error")
    expect(placeholder.locator("code")).to_have_text("rating-placeholder")
    expect(table_row(page, "5.1").locator(".draft-finding")).to_have_count(0)
    shots(page, "preview")
    page.get_by_role("button", name="Store as the draft").first.click()

    # The draft, with the finding beside 5.2 on the edit page.
    expect(page).to_have_url(re.compile(r"/reports/\d+/edit/$"))
    report_pk = pk_in(page.url)
    expect(message(page)).to_contain_text(
        "cambodia-sc66.txt was stored as the draft of Cambodia for SC66 (revision 1)."
    )
    expect(heading(page)).to_have_text("Draft report of Cambodia for SC66")
    expect(status(page)).to_have_text("Draft")
    action = draft_action(page, "5.2")
    expect(action).to_have_class(re.compile(r"\bdraft-has-error\b"))
    expect(action.locator(".draft-finding-error")).to_contain_text(
        "the template placeholder [PROGRESS RATING] was left in"
    )
    expect(draft_action(page, "5.1").locator(".draft-finding")).to_have_count(0)
    shots(page, "draft")

    # 5.2 is rated On track on the page and saved: the error is gone.
    action.get_by_label("Rating", exact=True).select_option(label="On track")
    page.get_by_role("button", name="Save the draft").click()
    expect(message(page)).to_contain_text("The draft was saved:")
    expect(message(page)).not_to_contain_text("error")
    action = draft_action(page, "5.2")
    expect(action.get_by_label("Rating", exact=True)).to_have_value("on_track")
    expect(action.locator(".draft-finding")).to_have_count(0)
    expect(action).not_to_have_class(re.compile(r"\bdraft-has-error\b"))
    expect(page.locator("main")).not_to_contain_text("rating-placeholder")
    expect(page.locator("#findings-heading + p .severity-error")).to_have_count(0)
    shots(page, "draft-saved")

    # Submitting asks for a confirmation first.
    page.locator(".draft-links").get_by_role("link", name="Submit to the Secretariat…").click()
    expect(heading(page)).to_have_text("Submit the report of Cambodia for SC66")
    expect(page.locator("main")).to_contain_text("No error remains in the draft.")
    shots(page, "submit-confirm")
    page.get_by_role("button", name="Submit to the Secretariat").click()

    expect(page).to_have_url(re.compile(rf"/reports/{report_pk}/$"))
    expect(message(page)).to_contain_text(
        "The report of Cambodia for SC66 was submitted, and the Secretariat was notified."
    )
    expect(heading(page)).to_have_text("Progress report of Cambodia for SC66")
    expect(status(page)).to_have_text("Submitted")
    expect(table_row(page, "5.2").locator(".rating")).to_have_text("On track")
    expect(page.get_by_role("link", name="Edit the draft")).to_have_count(0)
    expect(page.get_by_role("link", name="Make a new revision")).to_be_visible()
    shots(page, "submitted")

    # The edit page no longer takes changes: it sends the focal point to a new revision.
    page.goto(f"/reports/{report_pk}/edit/")
    expect(page).to_have_url(re.compile(rf"/reports/{report_pk}/revise/$"))
    expect(message(page)).to_contain_text(
        "Revision 1 of the report of Cambodia for SC66 was sent to the Secretariat and can no "
        "longer be changed in place."
    )
    expect(page.get_by_role("button", name="Save the draft")).to_have_count(0)
    expect(status(page)).to_have_text("Submitted")
    shots(page, "no-longer-editable")
    assert ProgressReport.objects.get().status == "submitted"


@pytest.mark.django_db(transaction=True)
def test_the_secretariat_returns_a_report_and_publishes_its_new_revision(
    open_page: Callable[[], Page], shots: Shoot
) -> None:
    reference_load()
    chan = focal_point_of_cambodia()
    sofia = analyst()
    report_import(
        raw=CAMBODIA_TXT.read_bytes(), filename="cambodia-sc66.txt", actor=chan, submit=True
    )
    secretariat = open_page()
    log_in(secretariat, sofia)

    # The queue of SC66, from the review home page.
    secretariat.get_by_role("navigation", name="Main").get_by_role("link", name="Review").click()
    expect(heading(secretariat)).to_have_text("Review of progress reports")
    shots(secretariat, "review-home")
    secretariat.get_by_role("link", name="SC66", exact=True).click()
    expect(heading(secretariat)).to_have_text("Reports for SC66")
    cambodia = table_row(secretariat, "Cambodia")
    expect(cambodia.locator(".status")).to_have_text("Submitted")
    shots(secretariat, "queue")
    cambodia.get_by_role("link", name="Review the report of Cambodia").click()

    # The analyst rates 1.1 lower than the Party, with a comment.
    expect(heading(secretariat)).to_have_text("Review of the report of Cambodia for SC66")
    expect(status(secretariat)).to_have_text("Submitted")
    action = review_action(secretariat, "1.1")
    expect(action.locator(".rating-line .rating")).to_have_text("On track")
    expect(review_action(secretariat, "5.2").locator(".findings")).to_contain_text(
        "[PROGRESS RATING]"
    )
    action.get_by_label("Secretariat's rating (1.1)").select_option(label="Challenging")
    action.get_by_label("Comment (1.1)").fill("No evidence that the revised Prakas was issued.")
    shots(secretariat, "review-rating")
    secretariat.get_by_role("button", name="Save the ratings").click()
    expect(message(secretariat)).to_have_text("The Secretariat's rating of 1 action was saved.")
    expect(status(secretariat)).to_have_text("Under review")
    expect(review_action(secretariat, "1.1").locator(".divergence-marker")).to_contain_text(
        "Differs from the Party's rating"
    )

    # ... and returns the report, saying why.
    secretariat.get_by_label("What the Party should change").fill(
        "Please give Part C's rating of 5.2 and the date of the Prakas."
    )
    secretariat.get_by_role("button", name="Return with these comments").click()
    expect(message(secretariat)).to_have_text(
        "The report was returned to Cambodia with your comments."
    )
    expect(status(secretariat)).to_have_text("Returned to the Party")
    expect(secretariat.locator(".returned-panel")).to_contain_text(
        "Please give Part C's rating of 5.2 and the date of the Prakas."
    )
    shots(secretariat, "returned")

    # The focal point finds the report returned, with the Secretariat's comment.
    party = open_page()
    log_in(party, chan)
    party.goto("/parties/KH/")
    reports = party.locator("#reports-heading + table")
    expect(reports.locator(".status")).to_have_text("Returned to the Party")
    shots(party, "party-page-returned")
    reports.get_by_role("link", name="Read the report for SC66, revision 1").click()
    expect(status(party)).to_have_text("Returned to the Party")
    expect(table_row(party, "1.1")).to_contain_text(
        "No evidence that the revised Prakas was issued."
    )
    expect(table_row(party, "1.1").locator(".rating")).to_have_text(["On track", "Challenging"])
    shots(party, "report-returned")
    party.get_by_role("link", name="Make a new revision").click()
    expect(heading(party)).to_have_text("New revision of the report of Cambodia for SC66")
    returned = party.locator(".draft-returned")
    expect(returned).to_contain_text("Why the Secretariat returned it")
    expect(returned).to_contain_text(
        "Please give Part C's rating of 5.2 and the date of the Prakas."
    )
    expect(returned.locator(".draft-comments")).to_contain_text(
        "Action 1.1No evidence that the revised Prakas was issued."
    )
    party.get_by_label("Why a new revision").fill("To answer the Secretariat on 1.1 and 5.2.")
    shots(party, "revise")
    party.get_by_role("button", name="Start the new revision").click()

    # The new draft shows the Secretariat's words; the focal point rates 5.2 and submits.
    expect(message(party)).to_contain_text(
        "Revision 2 was made as a new draft; revision 1 stays as it was sent."
    )
    expect(status(party)).to_have_text("Draft")
    expect(party.locator(".draft-meta")).to_contain_text("Revision 2")
    expect(party.locator(".draft-returned")).to_contain_text("The Secretariat returned revision 1")
    expect(draft_action(party, "1.1").locator(".draft-comment")).to_contain_text(
        "No evidence that the revised Prakas was issued."
    )
    expect(draft_action(party, "1.2").locator(".draft-comment")).to_have_count(0)
    draft_action(party, "5.2").get_by_label("Rating", exact=True).select_option(label="On track")
    party.get_by_label("Why the ratings change").fill("Part C now rates 5.2, as Part B does.")
    party.get_by_role("button", name="Save the draft").click()
    expect(message(party)).to_contain_text("The draft was saved:")
    expect(draft_action(party, "5.2").locator(".draft-finding")).to_have_count(0)
    shots(party, "revision-2-draft")
    party.locator(".draft-links").get_by_role("link", name="Submit to the Secretariat…").click()
    expect(party.locator("main")).to_contain_text("No error remains in the draft.")
    party.get_by_role("button", name="Submit to the Secretariat").click()
    expect(status(party)).to_have_text("Submitted")
    expect(party.locator("dl.facts")).to_contain_text("Revision2")

    # The analyst finds revision 2 in the queue and rates it again.
    secretariat.goto("/reports/review/SC66/")
    cambodia = table_row(secretariat, "Cambodia")
    expect(cambodia.locator(".status")).to_have_text("Submitted")
    expect(cambodia).to_contain_text("revision 2")
    cambodia.get_by_role("link", name="Review the report of Cambodia").click()
    expect(status(secretariat)).to_have_text("Submitted")
    expect(secretariat.locator(".returned-panel")).to_contain_text(
        "This was said of the revision before this one."
    )
    action = review_action(secretariat, "1.1")
    expect(action.locator(".review-hint")).to_contain_text("On the revision before: Challenging")
    action.get_by_label("Secretariat's rating (1.1)").select_option(label="Challenging")
    action.get_by_label("Comment (1.1)").fill("The Prakas is still in draft.")
    review_action(secretariat, "4.1").get_by_label("Secretariat's rating (4.1)").select_option(
        label="Substantially achieved"
    )
    secretariat.get_by_role("button", name="Save the ratings").click()
    expect(message(secretariat)).to_have_text("The Secretariat's ratings of 2 actions were saved.")
    expect(status(secretariat)).to_have_text("Under review")
    shots(secretariat, "review-revision-2")

    secretariat.get_by_role("button", name="Mark as assessed").click()
    expect(message(secretariat)).to_have_text(
        "The report is marked as assessed; publish it when it is ready."
    )
    expect(status(secretariat)).to_have_text("Assessed")
    expect(secretariat.get_by_role("button", name="Save the ratings")).to_have_count(0)
    secretariat.get_by_role("button", name="Publish the report and its assessment").click()
    expect(message(secretariat)).to_have_text(
        "The report and its assessment are published: everyone may read them."
    )
    expect(status(secretariat)).to_have_text("Published")
    expect(secretariat.locator(".decision")).to_contain_text("Published on")
    shots(secretariat, "published")

    # Anyone may now read it, with the Secretariat's rating beside the Party's.
    visitor = open_page()
    visitor.goto("/parties/KH/")
    # Only the published revision: the returned one stays between the Party and the Secretariat.
    expect(visitor.locator("#reports-heading + table .status")).to_have_text(["Published"])
    expect(visitor.get_by_role("link", name="Read the report for SC66, revision 2")).to_be_visible()
    shots(visitor, "public-party-page")
    rating = table_row(visitor, "1.1").locator("td").last
    assert visible_text(rating) == "On track (Challenging)"
    assert visible_text(table_row(visitor, "4.1").locator("td").last) == "Substantially achieved"


@pytest.mark.django_db(transaction=True)
def test_a_visitor_reads_published_reports_and_never_a_draft(
    open_page: Callable[[], Page], shots: Shoot
) -> None:
    reference_load()
    cambodia = Party.objects.get(country="KH")
    gabon = Party.objects.get(country="GA")
    sc66 = Meeting.objects.get(kind="SC", number=66)
    published = f.report_with_actions(
        party=cambodia,
        meeting=sc66,
        status="published",
        submitted_at=timezone.now() - datetime.timedelta(days=60),
        published_at=timezone.now(),
    )
    f.AssessmentFactory(
        progress=published.progress.get(code="1.1"),
        rating="challenging",
        comment="No evidence of the new law.",
    )
    f.AssessmentFactory(
        progress=published.progress.get(code="1.3"), rating="substantially_achieved"
    )
    draft = f.report_with_actions(
        party=gabon, meeting=sc66, synopsis_overview="Gabon's unfinished words, not for the public."
    )
    page = open_page()

    # The Party list: Cambodia's published report, nothing of Gabon's draft.
    page.goto("/parties/")
    expect(heading(page)).to_have_text("Parties in the NIAP process")
    row = table_row(page, "Cambodia")
    expect(row.locator(".status")).to_have_text("Published")
    expect(row.get_by_role("link", name="SC66")).to_be_visible()
    gabon_row = table_row(page, "Gabon")
    expect(gabon_row).to_contain_text("None yet")
    expect(gabon_row.locator(".status")).to_have_count(0)
    expect(page.locator(".status-draft")).to_have_count(0)
    shots(page, "party-list")

    # Cambodia's page: the Secretariat's rating in brackets where it differs.
    row.get_by_role("link", name="Cambodia").click()
    expect(heading(page)).to_contain_text("Cambodia")
    expect(page.locator("main")).to_contain_text(
        "The Secretariat's rating is shown in brackets where it differs from the Party's."
    )
    assert visible_text(table_row(page, "1.1").locator("td").last) == "On track (Challenging)"
    assert visible_text(table_row(page, "1.2").locator("td").last) == "Challenging"
    assert visible_text(table_row(page, "1.3").locator("td").last) == "Substantially achieved"
    expect(page.locator("#reports-heading + table .status")).to_have_text("Published")
    shots(page, "party-page")

    # The report itself, with the Secretariat's rating and comment.
    page.get_by_role("link", name="Read the report for SC66, revision 1").click()
    expect(heading(page)).to_have_text("Progress report of Cambodia for SC66")
    expect(status(page)).to_have_text("Published")
    expect(table_row(page, "1.1").locator(".rating")).to_have_text(["On track", "Challenging"])
    expect(table_row(page, "1.1")).to_contain_text("No evidence of the new law.")
    expect(table_row(page, "1.2")).to_contain_text("Not assessed")
    shots(page, "report")

    # Gabon's draft: a 404 page, and nothing of it on Gabon's page.
    response = page.goto(f"/reports/{draft.pk}/")
    assert response is not None and response.status == 404
    expect(heading(page)).to_have_text("Page not found")
    expect(page.locator("main")).not_to_contain_text("Gabon's unfinished words")
    shots(page, "draft-404")
    page.goto("/parties/GA/")
    expect(heading(page)).to_contain_text("Gabon")
    expect(page.locator("main")).to_contain_text("No progress report is available yet.")
    expect(page.locator("main")).to_contain_text("No progress report rates these actions yet.")
    expect(page.locator("main")).not_to_contain_text("Gabon's unfinished words")
    expect(page.locator(".status")).to_have_count(0)
    expect(page.locator(f'a[href="/reports/{draft.pk}/"]')).to_have_count(0)
    shots(page, "gabon-page")


@pytest.mark.django_db(transaction=True)
def test_the_language_switcher_shows_the_party_list_in_french(
    open_page: Callable[[], Page], shots: Shoot
) -> None:
    reference_load()
    f.report_with_actions(
        party=Party.objects.get(country="KH"),
        meeting=Meeting.objects.get(kind="SC", number=66),
        status="published",
        published_at=timezone.now(),
    )
    page = open_page()
    page.goto("/parties/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(heading(page)).to_have_text("Parties in the NIAP process")

    page.get_by_label("Language").select_option(label="Français")
    page.locator("form.language-form").get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/parties/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(heading(page)).to_have_text("Parties dans le processus des PANI")
    expect(page.get_by_label("Langue")).to_have_value("fr")
    expect(page.locator("form.language-form button")).to_have_text("Changer")
    expect(page.get_by_role("columnheader", name="Dernier rapport").first).to_be_visible()
    expect(table_row(page, "Cambodge").locator(".status")).to_have_text("Publié")
    expect(page.get_by_role("navigation", name="Navigation principale")).to_contain_text(
        "Se connecter"
    )
    shots(page, "party-list-fr")

    # The choice holds on the next page, and English comes back the same way.
    page.get_by_role("link", name="Cambodge").first.click()
    expect(page.locator("#reports-heading")).to_have_text("Rapports sur les progrès accomplis")
    shots(page, "party-page-fr")
    page.get_by_label("Langue").select_option(label="English")
    page.locator("form.language-form").get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#reports-heading")).to_have_text("Progress reports")
