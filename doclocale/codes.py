"""Every finding code, in one list: its family, who acts on it and what it means.

A ``Finding`` with a code not listed here cannot be made (``model.Finding``), so a new check
adds its code here first. ``docs_table()`` is the table of codes in TRANSLATING.md and
ARCHITECTURE.md's readers look up; a test holds the file equal to it and holds every code to a
failing and a passing fixture.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Who fixes a finding of a family: the people the pipeline serves, in their words.
TRANSLATOR, EDITOR, SITE = "translator", "editor", "site maintainer"


@dataclass(frozen=True)
class Code:
    code: str
    family: str
    who: str
    meaning: str


FAMILIES = {
    "C": "completeness",
    "D": "English pages",
    "E": "input",
    "G": "glossary",
    "K": "consistency",
    "L": "built site and handouts",
    "M": "markup",
    "N": "numbers",
    "P": "Persian orthography",
    "R": "page parity",
    "S": "safety (the build's own gate)",
    "V": "medical review",
    "Y": "readability",
}

_TABLE = """
E001 translator a file cannot be read (a catalog, the glossary, a page, a locale/ entry): what is wrong and how to fix it
C101 translator not translated yet, or a translation with no letters or digits: readers see the English
C102 translator marked fuzzy: the English changed and the translation may be outdated; readers see the English
C103 translator the translation is the English text itself
C104 translator an obsolete entry (#~): its English is gone; reuse it if it helps, then delete it
C105 translator the msgctxt was edited: it comes from the English page and must stay as it is
C106 translator no second translator has checked the guide's translation (record a check with review-translation)
C107 translator the guide's translation or its English changed after the recorded check
M201 translator the link targets differ from the English
M202 translator the image paths differ from the English
M203 translator the `code` spans differ from the English
M204 translator emphasis (`*…*`) is used a different number of times than in the English
M205 translator bold (`**…**`) is used a different number of times than in the English
M206 translator a link or an image has no text
M207 translator the translation starts a Markdown block the English does not have (a heading, a list, a quote)
M208 translator the footnote references differ from the English
M209 translator the attribute ids ({#id}) differ from the English
S300 translator the translation changes the page beyond its words (an element, an attribute, a definition): refused, readers see the English
S302 translator an invisible character (a direction control, a zero-width character in a number, a line separator) the English does not have: refused
S303 translator a title, description or site string with markup characters or placeholders the English does not have: refused
S304 site maintainer the last check after MkDocs rendered a page published it in English (a defect of the site builder: report it)
N401 translator a number of the English is missing from the translation
N402 translator the translation has a number the English does not have
G501 translator a key term is not translated as the glossary says
G502 translator a word that must stay as it is (a name, a unit) was changed
K601 translator the same English translated differently on two pages (settle it in either file, or keep both)
K602 translator two different English texts have the same translation
P701 translator Arabic yeh (ي ى) instead of Persian yeh (ی)
P702 translator Arabic kaf (ك) instead of Persian kaf (ک)
P703 translator Latin or Arabic-Indic digits in Persian text: use ۰۱۲۳۴۵۶۷۸۹
P704 translator Latin , ; or ? in Persian text: use ، ؛ ؟
P705 translator straight quotes in Persian text: use « »
P706 translator a space before a punctuation mark
P707 translator no space after a punctuation mark
P708 translator a doubled or misplaced zero-width non-joiner (ZWNJ)
P709 translator a space instead of a ZWNJ after می or نمی
P710 translator a space instead of a ZWNJ before ها، های، تر، ترین
P711 translator a kashida (ـ) stretching letters
P712 translator Arabic presentation-form letters (text copied from a PDF): retype the word
P713 translator invisible direction marks: the site isolates English words by itself
R801 site maintainer the generated page's headings or ids differ from the English page
R802 site maintainer the generated page's list items differ from the English page
R803 site maintainer the generated page's tables differ from the English page
R804 site maintainer the generated page's images differ from the English page
R805 site maintainer the generated page's links differ from the English page
R806 site maintainer the generated page's front matter (dates, reviewer, sources) differs from the English page
D101 editor neither the home page nor the guide's section page lists a guide (readers would not find it)
V101 editor a guide's front matter lacks its reviewer, review dates or sources
V102 editor a review date is not written YYYY-MM-DD
V103 editor medical review is pending: readers see "medical review pending"
V104 editor the medical review is overdue
V105 editor the medical review is due within 30 days
V106 editor a review or update date is in the future
Y101 editor the English page reads above grade 7 (Flesch–Kincaid) or SMOG 8
Y201 translator a Persian sentence of more than 30 words
L901 editor a link or image points to a file the site does not have
L902 editor a link points to an id the page does not have
L903 site maintainer a page loads a file from another host
L904 editor a link uses http:// where https:// exists
L905 site maintainer a link opens a new tab without rel="noopener"
L906 site maintainer a page's <html lang> is not its language
L907 editor a page has no version in another language
L908 site maintainer the language switch does not lead to the same page in the other language
L909 site maintainer hreflang links are missing or not reciprocal
L910 site maintainer the x-default hreflang link is missing or wrong
L911 site maintainer a page's <html dir> is not its language's direction
L912 site maintainer the sitemap is missing or does not list a page
L913 editor a link to another site does not answer (make check --online)
L914 translator a printed handout takes more than one sheet (two A4 sides): on the entry that grew it most
L915 translator a letter the handout font cannot print (it would print as an empty box)
L916 translator a translation many times longer than its English
L920 editor a link to another site (listed for review)
"""

CODES: dict[str, Code] = {}
for _line in _TABLE.strip().splitlines():
    _code, _rest = _line.split(" ", 1)
    _who = next(who for who in (TRANSLATOR, EDITOR, SITE) if _rest.startswith(who + " "))
    CODES[_code] = Code(_code, FAMILIES[_code[0]], _who, _rest[len(_who) + 1 :])


#: What the codes a translator fixes mean, in the language of a translator's guide (TRANSLATING.<language>.md,
#: the pull request's annotations on that language's catalogs). Read by a native reader before it lands.
_TRANSLATED = {
    "fa": """
E001 فایلی خوانده نمی‌شود (فایل ترجمه، واژه‌نامه، یک صفحه یا چیزی در پوشهٔ locale): گزارش می‌گوید چه اشکالی دارد و چطور درستش کنید
C101 هنوز ترجمه نشده، یا ترجمه هیچ حرف یا رقمی ندارد: خواننده متن انگلیسی را می‌بیند
C102 نشان fuzzy دارد: متن انگلیسی تغییر کرده و شاید ترجمه دیگر درست نباشد؛ خواننده متن انگلیسی را می‌بیند
C103 ترجمه همان متن انگلیسی است
C104 مدخل کهنه (خط‌هایی که با ‎#~‎ شروع می‌شوند): متن انگلیسی‌اش دیگر در صفحه نیست؛ اگر به کارتان می‌آید از آن استفاده کنید و بعد پاکش کنید
C105 خط msgctxt ویرایش شده است: این خط از صفحهٔ انگلیسی می‌آید و باید همان‌طور بماند
C106 هنوز مترجم دومی ترجمهٔ این راهنما را بازبینی نکرده است (بازبینی را در زبانهٔ «Actions» با «Record a translation check» یا با فرمان review-translation ثبت کنید)
C107 پس از ثبت بازبینی، ترجمهٔ راهنما یا متن انگلیسی آن تغییر کرده است
M201 مقصد پیوندها با متن انگلیسی یکی نیست
M202 مسیر تصویرها با متن انگلیسی یکی نیست
M203 تکه‌های کد (متن میان دو نشانهٔ ‎`‎) با متن انگلیسی یکی نیستند
M204 شمار تأکیدها (‎`*…*`‎) با متن انگلیسی یکی نیست
M205 شمار متن‌های پررنگ (‎`**…**`‎) با متن انگلیسی یکی نیست
M206 یک پیوند یا تصویر متن ندارد (داخل ‎[…]‎ خالی است)
M207 ترجمه خطی را با نشانه‌ای آغاز می‌کند که عنوان، فهرست یا نقل‌قول می‌سازد و در متن انگلیسی نیست
M208 ارجاع‌های پانویس (مانند ‎[^1]‎) با متن انگلیسی یکی نیستند
M209 شناسه‌های ‎{#…}‎ با متن انگلیسی یکی نیستند
S300 ترجمه چیزی جز واژه‌ها را در صفحه تغییر می‌دهد (مانند برچسب HTML، ویژگی ‎{…}‎ یا خط تعریفی مانند ‎*[…]: …‎): پذیرفته نمی‌شود و خواننده متن انگلیسی را می‌بیند
S302 نویسه‌ای پنهان که در متن انگلیسی نیست (نویسهٔ کنترل جهت، نویسهٔ بی‌پهنا در میان عدد، نویسهٔ شکستن خط): پذیرفته نمی‌شود
S303 در عنوان یا توضیح صفحه یا در یکی از متن‌های خود سایت، نویسهٔ قالب‌بندی (مانند ‎< > { }‎) یا جای‌نگه‌داری آمده است که در متن انگلیسی نیست: پذیرفته نمی‌شود
N401 عددی از متن انگلیسی در ترجمه نیامده است
N402 ترجمه عددی دارد که در متن انگلیسی نیست
G501 یکی از اصطلاح‌های اصلی آن‌طور که در واژه‌نامه آمده ترجمه نشده است
G502 واژه‌ای که باید بی‌تغییر بماند (مثل نام یا واحد اندازه‌گیری) تغییر کرده است
K601 یک متن انگلیسی در دو صفحه به دو شکل ترجمه شده است (ترجمه‌ها را در هر یک از دو فایل که خواستید یکسان کنید یا هر دو را نگه دارید)
K602 دو متن انگلیسی متفاوت ترجمهٔ یکسان دارند
P701 ی عربی (ي ى) به جای ی فارسی
P702 ک عربی (ك) به جای ک فارسی
P703 رقم لاتین یا عربی در متن فارسی: ۰۱۲۳۴۵۶۷۸۹ را به کار ببرید
P704 ویرگول، نقطه‌ویرگول یا نشانهٔ پرسش لاتین (‎, ; ?‎) در متن فارسی: ، ؛ ؟ را به کار ببرید
P705 گیومهٔ لاتین (") در متن فارسی: « » را به کار ببرید
P706 فاصله پیش از نشانهٔ نگارشی
P707 پس از نشانهٔ نگارشی فاصله نیامده است
P708 نیم‌فاصلهٔ تکراری یا بی‌جا
P709 فاصلهٔ کامل به جای نیم‌فاصله پس از «می» یا «نمی»
P710 فاصلهٔ کامل به جای نیم‌فاصله پیش از «ها»، «های»، «تر» یا «ترین»
P711 حرف‌ها با کشیده (ـ) کش داده شده‌اند
P712 حرف‌هایی با کدگذاری نادرست (معمولاً متنی که از PDF کپی شده است): واژه را دوباره تایپ کنید
P713 نویسهٔ پنهانِ تعیین جهت: لازم نیست؛ سایت خودش واژه‌های انگلیسی را درست (چپ‌به‌راست) نشان می‌دهد
Y201 جملهٔ فارسی بیش از ۳۰ واژه دارد
L914 برگهٔ چاپی بیش از یک برگ کاغذ (پشت و روی یک A4) جا می‌گیرد؛ این پیام روی مدخلی می‌آید که بیشترین سهم را در این افزایش دارد
L915 حرفی که قلم برگهٔ چاپی ندارد (به شکل مربعی خالی چاپ می‌شود)
L916 ترجمه چند برابرِ متن انگلیسی‌اش است
""",
}

TRANSLATED_MEANINGS: dict[str, dict[str, str]] = {
    language: dict(line.split(" ", 1) for line in table.strip().splitlines()) for language, table in _TRANSLATED.items()
}


def meaning_in(code: str, language: str) -> str | None:
    """What a code means in a translator's language, when the guide of that language explains it."""
    return TRANSLATED_MEANINGS.get(language, {}).get(code)


def translated_docs_table(language: str) -> str:
    """The table of the codes a translator fixes, in their language (TRANSLATING.<language>.md)."""
    heading = {"fa": "| کد | معنی |"}[language]
    rows = [heading, "|---|---|"]
    for code, meaning in TRANSLATED_MEANINGS[language].items():
        rows.append(f"| {code} | {meaning} |")
    return "\n".join(rows) + "\n"


def docs_table() -> str:
    """The table of every code, as the translator guide shows it."""
    rows = ["| Code | Family | Who fixes it | What it means |", "|---|---|---|---|"]
    rows += [f"| {c.code} | {c.family} | {c.who} | {c.meaning} |" for c in CODES.values()]
    return "\n".join(rows) + "\n"
