"""A synthetic project of N guides with Persian catalogs, for benchmarks.

    .venv/bin/python scripts/synthetic_corpus.py OUT N [--fuzzy 0.05] [--untranslated 0.0]

Guides are in sections of 50, as a large clinic library would be (20 sections at N = 1,000,
200 at N = 10,000): docs/en/guides/sNNN/gNNNNN.md, each section with an index page listing its
guides, and docs/en/guides/index.md listing the sections. Each guide has front matter,
headings, a call-out, a collapsible note, lists, a table, a definition, a footnote, links to
guides in other sections (with anchors) and an image; its catalog is mostly translated, some
entries fuzzy. Translations keep numbers, links and Markdown, so the checks see realistic text.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doclocale.catalogs.merge import new_catalog, render_catalog  # noqa: E402
from doclocale.catalogs.templates import build_templates, read_sources  # noqa: E402
from doclocale.settings import load_settings  # noqa: E402

# English sentence -> Persian, with {n} numbers and {link} links kept.
SENTENCES = [
    ("The treatment takes {n} to {m} minutes.", "درمان {pn} تا {pm} دقیقه طول می‌کشد."),
    ("Numbing cream needs about {n} minutes to work.", "کرم بی‌حسی حدود {pn} دقیقه طول می‌کشد تا اثر کند."),
    ("Ask your doctor before you book a session.", "پیش از گرفتن نوبت از پزشک خود بپرسید."),
    ("Most people go back to work after {n} hours.", "بیشتر افراد پس از {pn} ساعت به سر کار برمی‌گردند."),
    ("Read [the safety list]({link}) first.", "اول [فهرست ایمنی]({link}) را بخوانید."),
    ("Your skin may look red for {n} days.", "پوست شما ممکن است {pn} روز قرمز به نظر برسد."),
    ("Call the clinic if you have **any** questions.", "اگر **هر** پرسشی دارید با کلینیک تماس بگیرید."),
]
HEADINGS = [
    ("Before the session", "پیش از جلسه"),
    ("During the session", "در طول جلسه"),
    ("After the session", "پس از جلسه"),
    ("Who should not have it", "چه کسانی نباید آن را انجام دهند"),
]
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


SECTION_SIZE = 50


def section_of(index: int) -> str:
    return f"s{index // SECTION_SIZE:03d}"


def fill(template: str, values: dict) -> str:
    return template.format(**values)


def guide(index: int, total: int, rng: random.Random) -> tuple[str, dict[str, str]]:
    """English Markdown of one guide and its translations (English -> Persian)."""
    pairs: dict[str, str] = {}
    title = f"Treatment guide {index}"
    pairs[title] = f"راهنمای درمان {str(index).translate(PERSIAN_DIGITS)}"
    lines = [
        "---",
        f"title: {title}",
        f"description: What to expect from treatment {index}.",
        "reviewed_by: pending",
        "last_reviewed: 2026-11-20",
        "next_review: 2027-11-20",
        "sources:",
        "  - Clinic article",
        "---",
        "",
        f"# {title}",
        "",
    ]
    pairs[f"What to expect from treatment {index}."] = (
        f"آنچه از درمان {str(index).translate(PERSIAN_DIGITS)} می‌توان انتظار داشت."
    )

    def sentence() -> str:
        english, persian = rng.choice(SENTENCES)
        n, m = rng.randint(2, 40), rng.randint(41, 90)
        other = rng.randrange(total)
        values = {
            "n": n,
            "m": m,
            "pn": str(n).translate(PERSIAN_DIGITS),
            "pm": str(m).translate(PERSIAN_DIGITS),
            "link": f"../{section_of(other)}/g{other:05d}.md#who-should-not-have-it",
        }
        text, translated = fill(english, values), fill(persian, values)
        pairs[text] = translated
        return text

    def two_sentences() -> str:
        first, second = sentence(), sentence()
        pairs[f"{first} {second}"] = f"{pairs[first]} {pairs[second]}"
        return f"{first} {second}"

    lines += ['!!! tip "Key points"', f"    - {sentence()}", f"    - {sentence()}", ""]
    for english, persian in HEADINGS:
        pairs[english] = persian
        lines += [f"## {english}", "", two_sentences(), "", f"- {sentence()}", f"- {sentence()}", ""]
    pairs.update({"Step": "مرحله", "Time": "زمان", "Cream": "کرم", "Treatment": "درمان", "Key points": "نکته‌های اصلی"})
    lines += ["| Step | Time |", "|---|---|", f"| Cream | {sentence()} |", f"| Treatment | {sentence()} |", ""]
    more = f"More about treatment {index}"
    pairs[more] = f"بیشتر دربارهٔ درمان {str(index).translate(PERSIAN_DIGITS)}"
    lines += [f'??? note "{more}"', f"    {sentence()}", ""]
    pairs["Aftercare"] = "مراقبت پس از درمان"
    lines += ["Aftercare", f":   {sentence()}", ""]
    pairs["See the clinic's advice.[^1]"] = "توصیه‌های کلینیک را ببینید.[^1]"
    lines += ["See the clinic's advice.[^1]", "", f"[^1]: {sentence()}", ""]
    alt = "A drawing of the skin layers."
    pairs[alt] = "نقاشی لایه‌های پوست."
    lines += [f"![{alt}](../../assets/skin.svg)", ""]
    return "\n".join(lines), pairs


def section_index(section: int, total: int) -> tuple[str, dict[str, str]]:
    """A section's index page: its title and a list of its guides."""
    first, last = section * SECTION_SIZE, min(total, (section + 1) * SECTION_SIZE)
    title, persian = f"Treatments {first} to {last - 1}", f"درمان‌های {first} تا {last - 1}".translate(PERSIAN_DIGITS)
    pairs = {title: persian}
    lines = ["---", f"title: {title}", "---", "", f"# {title}", ""]
    for index in range(first, last):
        link = f"[Treatment guide {index}](g{index:05d}.md)"
        pairs[link] = f"[راهنمای درمان {str(index).translate(PERSIAN_DIGITS)}](g{index:05d}.md)"
        lines.append(f"- {link}")
    return "\n".join(lines) + "\n", pairs


def make_corpus(out: Path, count: int, fuzzy: float = 0.05, untranslated: float = 0.0, seed: int = 7) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "docs/en/guides").mkdir(parents=True)
    (out / "docs/en/assets").mkdir(parents=True)
    (out / "docs/fa").mkdir(parents=True)
    shutil.copytree(ROOT / "overrides", out / "overrides")
    shutil.copy2(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copy2(ROOT / "docs/en/assets/microneedling-skin.svg", out / "docs/en/assets/skin.svg")
    shutil.copytree(
        ROOT / "locale/fa/LC_MESSAGES",
        out / "locale/fa/LC_MESSAGES",
        ignore=shutil.ignore_patterns("guides", "index.po", "about.po", "search.po"),
    )
    (out / "docs/en/index.md").write_text(
        "---\ntitle: Patient guides\n---\n\n# Patient guides\n\nWelcome. Read [the guides](guides/index.md).\n",
        encoding="utf-8",
    )
    translations: dict[str, str] = {
        "Patient guides": "راهنمای بیماران",
        "Welcome. Read [the guides](guides/index.md).": "خوش آمدید. [راهنماها](guides/index.md) را بخوانید.",
        "All guides": "همهٔ راهنماها",
    }
    sections = (count + SECTION_SIZE - 1) // SECTION_SIZE
    library = ["---", "title: All guides", "---", "", "# All guides", ""]
    for section in range(sections):
        text, pairs = section_index(section, count)
        folder = out / "docs/en/guides" / f"s{section:03d}"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(text, encoding="utf-8")
        translations.update(pairs)
        title = text.split("\n")[1].removeprefix("title: ")
        link = f"[{title}](s{section:03d}/index.md)"
        translations[link] = f"[{pairs[title]}](s{section:03d}/index.md)"
        library.append(f"- {link}")
    (out / "docs/en/guides/index.md").write_text("\n".join(library) + "\n", encoding="utf-8")
    for index in range(count):
        text, pairs = guide(index, count, rng)
        (out / "docs/en/guides" / section_of(index) / f"g{index:05d}.md").write_text(text, encoding="utf-8")
        translations.update(pairs)
    settings = load_settings(out / "mkdocs.yml")
    for domain, template in build_templates(settings, read_sources(settings)).items():
        if domain == "_site":
            continue
        catalog = new_catalog(template, "fa")
        for message in catalog:
            if not message.id:
                continue
            roll = rng.random()
            if roll < untranslated:
                continue
            message.string = translations.get(str(message.id), "")
            if roll < untranslated + fuzzy:
                message.flags.add("fuzzy")
        path = settings.catalog_path("fa", domain)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_catalog(catalog))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--fuzzy", type=float, default=0.05)
    parser.add_argument("--untranslated", type=float, default=0.0)
    args = parser.parse_args()
    make_corpus(args.out, args.count, args.fuzzy, args.untranslated)
    print(f"{args.count} guides in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
