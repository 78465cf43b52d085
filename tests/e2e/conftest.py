"""Browser tests: Debian's Chromium, driven by Playwright's sync API, against pytest-django's live server."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright

from ..conftest import load_nanan

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000  # a live server on localhost answers in milliseconds; fail fast rather than wait 30 s
DEFAULT_ARTIFACTS = settings.PROJECT_DIR / "var" / "test" / "artifacts" / "screenshots"

# Reports JavaScript-visible CSP violations as console errors, so one listener catches both.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
}, true);
"""


def artifacts_dir() -> Path:
    path = Path(os.environ.get("ZHICHAN_ARTIFACTS_DIR") or DEFAULT_ARTIFACTS)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Kept on the item so the tab fixture can screenshot a failing test before its browser context closes.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run; each test gets its own context (cookies, storage)."""
    if not CHROMIUM.exists():
        reason = f"e2e tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    for stale in artifacts_dir().glob("FAILED-*.png"):  # from an earlier run; would mislead in CI artifacts
        stale.unlink()
    # Playwright's sync API keeps an event loop running in this thread, and Django refuses ORM calls beside
    # one. Set only while the browser runs, so `manage.py check --deploy` subprocesses do not inherit it.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def passwords(live_server):
    """The demo passwords; the data is loaded again because the live server's transactional DB is flushed."""
    return dict(load_nanan())


class Tab:
    """One browser tab on the live server that remembers console errors and failed static files."""

    def __init__(self, page, base_url, passwords):
        self.page = page
        self.base_url = base_url
        self.passwords = passwords
        self._console = []  # (text, url of the page or resource it names)
        self._refused_documents = set()
        self.static_failures = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self._console.append((f"uncaught: {error}", "")))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)

    def _on_console(self, message):
        if message.type == "error":
            self._console.append((message.text, message.location.get("url", "")))

    def _on_response(self, response):
        if response.status >= 400 and response.request.is_navigation_request():
            self._refused_documents.add(response.url)
        if "/static/" in response.url and response.status >= 400:
            self.static_failures.append(f"{response.status} {response.url}")

    def _on_request_failed(self, request):
        # Aborted: the tab moved on before an icon arrived, or a 404 already recorded above.
        if "/static/" in request.url and request.failure != "net::ERR_ABORTED":
            self.static_failures.append(f"{request.failure} {request.url}")

    def console_errors(self):
        """Console errors and CSP violations, leaving out the 403/404 a test asked for on purpose."""
        return [
            f"{text} ({url})"
            for text, url in self._console
            if not (text.startswith("Failed to load resource") and url in self._refused_documents)
        ]

    def go(self, path):
        return self.page.goto(self.base_url + path)

    def sign_in(self, username, password=None):
        """Sign in through the login form and wait for the page it leads to."""
        self.go("/accounts/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password or self.passwords[username])
        with self.page.expect_navigation():
            self.page.press("#id_password", "Enter")

    def path(self):
        return self.page.url.removeprefix(self.base_url)

    def screenshot(self, name):
        return save_screenshot(self.page, name)


def save_screenshot(page, name):
    """A full-page PNG under the artifacts directory, named from `name` made safe for a file name."""
    target = artifacts_dir() / f"{re.sub(r'[^A-Za-z0-9_.]+', '-', name).strip('-')}.png"
    page.screenshot(path=str(target), full_page=True)
    return target


@pytest.fixture
def open_tab(browser, live_server, passwords, request):
    """Opens a tab in a fresh context of the given size (by default a Chinese browser, as the county's)."""
    contexts = []

    def open_(viewport=DESKTOP, locale="zh-CN"):
        # Reduced motion turns off Bootstrap's transitions: quicker, and screenshots never catch one midway.
        context = browser.new_context(
            viewport=viewport, locale=locale, timezone_id="Asia/Shanghai", reduced_motion="reduce"
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(CSP_LISTENER)
        contexts.append(context)
        return Tab(context.new_page(), live_server.url, passwords)

    yield open_
    report = getattr(request.node, "report_call", None)
    for number, context in enumerate(contexts):
        if report is not None and report.failed and context.pages:
            save_screenshot(context.pages[0], f"FAILED-{request.node.name}-{number}")
        context.close()


@pytest.fixture
def tab(open_tab):
    """A desktop-sized tab: the navbar is expanded, so the language buttons are visible."""
    return open_tab()
