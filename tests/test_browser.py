"""What a reader sees, in a real browser (Debian's Chromium via Playwright).

Every page of both languages, at phone and desktop widths. Needs /usr/bin/chromium
(`apt-get install chromium`) and node_modules/axe-core (`npm ci`); `make test` and
.ci/run install both.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from doclocale.website.browser import CHROMIUM, DESKTOP, PHONE, launch_browser, serve_folder, site_pages

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Locally a missing browser skips these tests; in CI (CI set) it is a failure: they must run.
if os.environ.get("CI") and not (Path(CHROMIUM).exists() and AXE.exists()):
    raise RuntimeError(f"CI is set but {CHROMIUM} or {AXE} is missing: install chromium (apt-get) and run npm ci")
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium is not installed (apt-get install chromium)"
)

# Replace Arabic-script letters by Latin ones so axe measures their contrast
# (it skips joined Persian letters, taking them for icon glyphs).
LATINISE = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    node.nodeValue = node.nodeValue.replace(/[\\u0600-\\u06FF\\u200C]/g, "x");
  }
}"""


@pytest.fixture(scope="module")
def browser_site(built_site: Path):
    with serve_folder(built_site) as base, launch_browser() as browser:
        yield base, browser, site_pages(built_site)


def open_page(browser, base: str, path: str, viewport: dict):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    log = {"failed": [], "requests": []}
    page.on("requestfailed", lambda request: log["failed"].append(request.url))
    page.on("response", lambda response: response.status >= 400 and log["failed"].append(response.url))
    page.on("request", lambda request: log["requests"].append(request.url))
    page.goto(base + path, wait_until="networkidle")
    return context, page, log


def test_every_page_loads_nothing_from_elsewhere_and_nothing_fails(browser_site) -> None:
    base, browser, pages = browser_site
    assert len(pages) >= 6
    host = urlsplit(base).netloc
    for path in pages:
        context, page, log = open_page(browser, base, path, PHONE)
        assert not log["failed"], f"{path}: failed requests {log['failed']}"
        assert all(urlsplit(url).netloc == host for url in log["requests"]), f"{path}: {log['requests']}"
        context.close()


def test_persian_reads_right_to_left_with_navigation_on_the_right(browser_site) -> None:
    base, browser, _ = browser_site
    context, page, _ = open_page(browser, base, "fa/guides/microneedling/", DESKTOP)
    facts = page.evaluate(
        """() => {
        const p = document.querySelector('.md-content p');
        const nav = document.querySelector('.md-sidebar--primary');
        const content = document.querySelector('.md-content');
        return {
          htmlDir: document.documentElement.dir,
          align: getComputedStyle(p).textAlign,
          direction: getComputedStyle(p).direction,
          navLeft: nav.getBoundingClientRect().left,
          contentLeft: content.getBoundingClientRect().left,
        };
    }"""
    )
    assert facts["htmlDir"] == "rtl" and facts["direction"] == "rtl"
    assert facts["align"] in ("start", "right")
    assert facts["navLeft"] > facts["contentLeft"], facts
    context.close()


def test_no_horizontal_scroll_on_a_phone(browser_site) -> None:
    base, browser, pages = browser_site
    for path in pages:
        context, page, _ = open_page(browser, base, path, PHONE)
        width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{path}: page is {width[0]} px wide in a {width[1]} px screen"
        context.close()


def test_persian_typography(browser_site) -> None:
    base, browser, _ = browser_site
    context, page, _ = open_page(browser, base, "fa/guides/microneedling/", PHONE)
    facts = page.evaluate(
        """async () => {
        await document.fonts.ready;
        const ol = document.querySelector('.md-content ol');
        const strong = document.querySelector('.md-content strong');
        const p = document.querySelector('.md-content p');
        const em = document.createElement('em'); em.textContent = 'تأکید'; p.appendChild(em);
        return {
          font: document.fonts.check('16px Vazirmatn', 'سلام'),
          loaded: [...document.fonts].filter(f => f.family.includes('Vazirmatn') && f.status === 'loaded').length,
          listStyle: getComputedStyle(ol).listStyleType,
          emStyle: getComputedStyle(em).fontStyle,
          letterSpacing: getComputedStyle(p).letterSpacing,
          lineHeight: parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize),
          strongWeight: getComputedStyle(strong).fontWeight,
          bdi: [...document.querySelectorAll('.md-content bdi')].map(b => [b.textContent, getComputedStyle(b).unicodeBidi]),
          footerIcons: [...document.querySelectorAll('.md-footer__link svg')].map(svg => getComputedStyle(svg).transform),
        };
    }"""
    )
    assert facts["font"] and facts["loaded"] >= 1, facts
    assert facts["listStyle"] == "persian"
    assert facts["emStyle"] == "normal"  # no fake italics on Arabic script
    assert facts["letterSpacing"] in ("normal", "0px")
    assert facts["lineHeight"] >= 1.7
    assert facts["footerIcons"] and all(t.startswith("matrix(-1") for t in facts["footerIcons"]), facts[
        "footerIcons"
    ]  # arrows mirrored
    context.close()


def test_english_pages_do_not_download_the_persian_font(browser_site) -> None:
    base, browser, _ = browser_site
    context, page, log = open_page(browser, base, "guides/microneedling/", PHONE)
    assert not [url for url in log["requests"] if url.endswith(".woff2")]
    context.close()


def test_keyboard_reaches_the_language_switch_and_every_link(browser_site) -> None:
    base, browser, _ = browser_site
    for path in ("guides/microneedling/", "fa/guides/microneedling/", "fa/search/"):
        context, page, _ = open_page(browser, base, path, DESKTOP)
        wanted = set(
            page.evaluate(
                "() => [...document.querySelectorAll('.md-content a[href], a.md-select__link, #site-search-input')].map(a => a.href || '#' + a.id)"
            )
        )
        reached = set()
        for _ in range(200):
            page.keyboard.press("Tab")
            target = page.evaluate(
                "() => document.activeElement && (document.activeElement.href || (document.activeElement.id ? '#' + document.activeElement.id : null))"
            )
            if target:
                reached.add(target)
            if wanted <= reached:
                break
        assert wanted <= reached, f"{path}: not reachable by keyboard: {sorted(wanted - reached)}"
        context.close()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_accessibility_has_no_serious_violations(browser_site, viewport) -> None:
    base, browser, pages = browser_site
    for path in pages:
        context, page, _ = open_page(browser, base, path, viewport)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            (v["id"], v["impact"], len(v["nodes"]))
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, f"{path} at {viewport['width']} px: {serious}"
        if path.startswith("fa/"):
            page.evaluate(LATINISE)
            contrast = page.evaluate("async () => await axe.run(document, {runOnly: ['color-contrast']})")
            assert not contrast["violations"], (
                f"{path}: contrast {[(n['target'], n['failureSummary']) for v in contrast['violations'] for n in v['nodes']]}"
            )
        context.close()


# What Persian readers type -> a word of the Persian guide it must find.
SEARCH_VARIANTS = {
    "arabic-yeh": "يک ساعت",  # Arabic-keyboard yeh for یک ساعت
    "arabic-kaf": "كلاژن",  # Arabic kaf for کلاژن
    "no-zwnj": "میکند",  # written without the zero-width non-joiner of می‌کند
    "latin-digits": "20 دقیقه",
    "persian-digits": "۲۰ دقیقه",
    "arabic-indic-digits": "٢٠ دقیقه",
    "diacritics": "کُلاژن",
}


def search(browser, base: str, path: str, query: str) -> list[str]:
    context, page, log = open_page(browser, base, path, PHONE)
    page.fill("#site-search-input", query)
    page.wait_for_function("() => document.querySelector('.site-search__results').children.length > 0")
    urls = page.evaluate(
        "() => [...document.querySelectorAll('.site-search__results a')].map(a => new URL(a.href).pathname)"
    )
    assert not log["failed"], log["failed"]
    context.close()
    return urls


@pytest.mark.parametrize("variant", sorted(SEARCH_VARIANTS))
def test_persian_search_finds_what_readers_type(browser_site, variant: str) -> None:
    base, browser, _ = browser_site
    urls = search(browser, base, "fa/search/", SEARCH_VARIANTS[variant])
    assert "/fa/guides/microneedling/" in urls, urls
    assert all(url.startswith("/fa/") for url in urls), f"results in another language: {urls}"


def test_english_search_stays_in_english(browser_site) -> None:
    base, browser, _ = browser_site
    urls = search(browser, base, "search/", "collagen")
    assert "/guides/microneedling/" in urls and not any(url.startswith("/fa/") for url in urls), urls


@pytest.mark.parametrize("path", ["guides/microneedling/", "fa/guides/microneedling/"])
def test_call_outs_are_as_large_as_the_text_around_them(browser_site, path: str) -> None:
    """'Do not have it if…' and 'When to get help' are the sentences a patient must not miss."""
    base, browser, _ = browser_site
    context, page, _ = open_page(browser, base, path, PHONE)
    sizes = page.evaluate(
        """() => ({
        body: parseFloat(getComputedStyle(document.querySelector('.md-content article h2 + p')).fontSize),
        callouts: [...document.querySelectorAll('.md-content .admonition li, .md-content .admonition p:not(.admonition-title)')]
          .map(node => parseFloat(getComputedStyle(node).fontSize)),
    })"""
    )
    assert sizes["callouts"] and min(sizes["callouts"]) >= sizes["body"], sizes
    context.close()


@pytest.mark.parametrize("path", ["guides/microneedling/", "fa/guides/microneedling/"])
def test_printing_a_guide_gives_the_guide_only(browser_site, path: str) -> None:
    """A page printed from the browser: no navigation, search, header or footer; the guide and its review."""
    base, browser, _ = browser_site
    context, page, _ = open_page(browser, base, path, DESKTOP)
    page.emulate_media(media="print")
    facts = page.evaluate(
        """() => {
        const shown = selector => [...document.querySelectorAll(selector)].some(node => {
            const box = node.getBoundingClientRect();
            return getComputedStyle(node).display !== 'none' && box.width > 0 && box.height > 0;
        });
        return {
          chrome: ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.md-search',
                   '.md-top', '.md-skip'].filter(shown),
          article: shown('article h1') && shown('.md-content .admonition'),
          review: shown('.review-status'),
          paperOnly: shown('.handout-head svg') && shown('.handout-clinic'),
          pdfLink: shown('.guide-print'),
        };
    }"""
    )
    assert facts["chrome"] == [], facts
    assert facts["article"] and facts["review"], facts
    assert facts["paperOnly"] and not facts["pdfLink"], facts  # the clinic and QR code on paper, no PDF link
    page.emulate_media(media="screen")
    on_screen = page.evaluate(
        """() => ({
          head: getComputedStyle(document.querySelector('.handout-head')).display,
          link: document.querySelector('.guide-print a').getBoundingClientRect().height > 0,
        })"""
    )
    assert on_screen == {"head": "none", "link": True}, on_screen
    context.close()


def test_search_results_read_in_the_pages_own_spelling(browser_site) -> None:
    """The index is folded (no ZWNJ, one yeh); what a reader sees is the page's text as written."""
    base, browser, pages = browser_site
    context, page, _ = open_page(browser, base, "fa/search/", PHONE)
    page.fill("#site-search-input", "كلاژن")  # typed with an Arabic kaf
    page.wait_for_function("() => document.querySelector('.site-search__results mark')")
    result = page.evaluate(
        """() => [...document.querySelectorAll('.site-search__results li')].map(li => ({
            url: new URL(li.querySelector('a').href).pathname,
            title: li.querySelector('a').textContent,
            excerpt: li.querySelector('p').textContent,
            marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
        }))"""
    )
    context.close()
    guide = next(r for r in result if r["url"] == "/fa/guides/microneedling/")
    assert guide["title"] == "میکرونیدلینگ"
    assert "\u200c" in guide["excerpt"], "the excerpt lost its zero-width non-joiners (folded text shown)"
    assert guide["marks"] and all("کلاژن" in mark for mark in guide["marks"]), guide
    assert all(r["url"] != "/fa/search/" for r in result), "the search page lists itself"


@pytest.mark.parametrize("path", ["guides/microneedling/", "fa/guides/microneedling/"])
def test_on_a_phone_the_menu_opens_and_leads_to_every_page_and_the_other_language(browser_site, path: str) -> None:
    """Without any theme script: the menu button opens the navigation, the language menu switches."""
    base, browser, _ = browser_site
    context, page, _ = open_page(browser, base, path, PHONE)
    page.click('label.md-header__button[for="__drawer"]')
    page.wait_for_timeout(400)  # the drawer slides in (CSS transition)
    links = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]
              .filter(a => { const b = a.getBoundingClientRect();
                             return b.width > 0 && b.right > 0 && b.left < innerWidth; })
              .map(a => new URL(a.href).pathname)"""
    )
    home = "/fa/" if path.startswith("fa/") else "/"
    assert home in links and any(link.endswith("/guides/microneedling/") for link in links), links
    page.keyboard.press("Escape")
    page.goto(base + path, wait_until="networkidle")
    page.click(".md-select button")
    other = page.locator("a.md-select__link[hreflang=%s]" % ("en" if path.startswith("fa/") else "fa"))
    other.click()
    page.wait_for_load_state("networkidle")
    expected = "/guides/microneedling/" if path.startswith("fa/") else "/fa/guides/microneedling/"
    assert urlsplit(page.url).path == expected, page.url
    context.close()


@pytest.mark.parametrize(
    ("path", "query", "guide"),
    [("search/", "needling", "/guides/microneedling/"), ("fa/search/", "میکرونیدلینگ", "/fa/guides/microneedling/")],
)
def test_a_guide_whose_title_matches_comes_first(browser_site, path: str, query: str, guide: str) -> None:
    base, browser, _ = browser_site
    context, page, _ = open_page(browser, base, path, PHONE)
    page.fill("#site-search-input", query)
    page.wait_for_function("() => document.querySelectorAll('.site-search__results li').length > 1")
    urls = page.evaluate(
        "() => [...document.querySelectorAll('.site-search__results li a')].map(a => new URL(a.href).pathname)"
    )
    context.close()
    assert urls[0] == guide, urls


def test_an_english_term_inside_persian_keeps_its_direction(browser_site, tmp_path: Path, monkeypatch) -> None:
    """The bundled Persian guide has no Latin word (a native reader asked for none), so a copy gets one."""
    from doclocale.catalogs.merge import read_catalog, write_catalog
    from doclocale.cli import main

    from .conftest import copy_project

    root = copy_project(tmp_path / "project")
    po = root / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    catalog = read_catalog(po)
    catalog.get(
        "Micro-needling is a skin treatment. It is not surgery."
    ).string = "میکرونیدلینگ (Microneedling) یک درمان پوستی است و جراحی نیست."
    write_catalog(po, catalog)
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    assert main(["--config", str(root / "mkdocs.yml"), "build"]) == 0
    _, browser, _ = browser_site
    with serve_folder(root / "site") as base:
        context, page, _ = open_page(browser, base, "fa/guides/microneedling/", PHONE)
        bdi = page.evaluate(
            "() => [...document.querySelectorAll('.md-content bdi')].map(b => [b.textContent, getComputedStyle(b).unicodeBidi])"
        )
        context.close()
    assert ["Microneedling", "isolate"] in bdi, bdi
