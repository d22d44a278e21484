"""Distrust of the metadata fields a file format carries (PDF Info, Word core properties).

Programs fill these fields in when nobody else does: with the template's word ("Untitled", "Author"),
the login of whoever saved the file, the file's own name or the program's name. Such a value says
nothing about the document, so it is treated as absent rather than shown as a title or an author.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Sequence
from datetime import date
from urllib.parse import urlsplit

PLACEHOLDER_WORDS = frozenset(
    {"untitled", "anonymous", "unknown", "user", "admin", "administrator", "owner", "author", "document", "default",
     "none", "null", "microsoft", "office", "word", "draft", "title", "test", "new"}
)  # fmt: skip
"""Words that metadata fields hold when nobody filled them in: a value made only of these says nothing."""
_FILE_SUFFIX_RE = re.compile(r".*\.(?:docx?|pdf|indd|odt|rtf|pages|txt|tex|xlsx?|pptx?|qxp|html?)", re.IGNORECASE)
_FILE_NAME_RE = re.compile(r"[\w.-]*(?:_|\d)[\w.-]*")
WEB_ADDRESS_RE = re.compile(r"https?://|www\.", re.IGNORECASE)
IDENTIFIER_RE = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
"""A user name or slug (`jane-doe`, `jdoe`): a login or a key into a site's author data, not a name as printed."""
_WORD_RE = re.compile(r"[^\W\d_]+")
NAME_WORDS = (2, 4)
"""A personal name as printed has two to four words ("Ana Ruiz", "Mary J. K. Lee")."""
ROLE_WORDS = frozenset(
    {"analyst", "specialist", "director", "researcher", "professor", "lecturer", "fellow", "editor", "economist",
     "attorney", "counsel", "consultant", "adviser", "advisor", "coordinator", "manager", "officer", "scientist",
     "correspondent", "reporter", "rapporteur", "historian", "librarian", "investigator"}
)  # fmt: skip
"""The head word of a job title set under or after an author's name in a byline ("Analyst in American National
Government", "Specialist in Health Policy"): what tells a byline from any other name on a page. An office held
rather than a job done ("Chairman", "Secretary") is left out: it is what a letter's addressees are given."""
_NAME_WORD_RE = re.compile(r"[A-ZÀ-Þ][\w'’.-]*|[A-Z]\.|de|da|del|van|von|der|den|du|la|le|bin|al")
DOCUMENT_KINDS = frozenset(
    {"briefing", "brief", "report", "paper", "study", "review", "guidance", "statement", "summary", "submission",
     "response", "bulletin", "factsheet", "memorandum", "handbook", "toolkit", "primer", "proceedings"}
)  # fmt: skip
"""Words that name a kind of document: the last word of a type line set under a title ("Policy Briefing",
"Working Paper", "Annual Report"), which is capitalised like a name and is no one's."""
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|&|\band\b)\s*")


def file_name(value: str) -> bool:
    """Whether a value is a file's name ("report_final_v2.docx", "L_2022152EN.01000101.xml"): what a program writes
    in a title field nobody filled, no name a reader knows the document by."""
    return bool(_FILE_SUFFIX_RE.fullmatch(value) or _FILE_NAME_RE.fullmatch(value))


def trusted(value: str | None, programs: Iterable[str] = ()) -> str | None:
    """The value if it is worth believing: not a placeholder, a file name, the name of a program that wrote the
    file (`programs`, in lower case), or a value carrying a web address (an organisation's boilerplate, not a name
    as the document prints it); else None."""
    if not value:
        return None
    words = _WORD_RE.findall(value.lower())
    if (
        not words
        or set(words) <= PLACEHOLDER_WORDS
        or file_name(value)
        or words[0] in set(programs)
        or WEB_ADDRESS_RE.search(value)
    ):
        return None
    return value


_CONTACT_RE = re.compile(r"\s*[(<\[]\s*(?:https?://|www\.|mailto:|[\w.+-]+@)[^()<>\[\]]*[)>\]]\s*$", re.IGNORECASE)


def without_contact(name: str) -> str:
    """A name without the web address or e-mail written after it in brackets ("Jane Doe (https://jd.example/)",
    "Jane Doe <jd@example.org>"): the old convention of an author field, whose address is not part of the name
    the document prints. A value that is only an address stays as it is, for `trusted` to refuse."""
    return _CONTACT_RE.sub("", name).strip() or name


def personal_names(text: str) -> str | None:
    """The text if it reads as a list of names ("Ana Ruiz and J. K. Lee"): each of two to four capitalised
    words (particles such as "van" allowed), the last no kind of document (`DOCUMENT_KINDS`: "Policy Briefing");
    else None. A sentence, a link label or a login does not."""
    names = [name for name in _NAME_SPLIT_RE.split(text.strip(" .")) if name]
    low, high = NAME_WORDS
    fits = names and all(
        low <= len(words := name.split()) <= high
        and all(_NAME_WORD_RE.fullmatch(w) for w in words)
        and words[-1].lower() not in DOCUMENT_KINDS
        for name in names
    )
    return text.strip() if fits else None


FORMS_OF_ADDRESS = frozenset(
    {"rt", "right", "hon", "honourable", "honorable", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "mr",
     "mrs", "ms", "miss", "mx", "rev", "revd", "reverend"}
)  # fmt: skip
"""Words of address set before a person's name ("The Rt Hon", "Dr", "Sir"), in lower case without a full stop."""
POST_NOMINALS = frozenset(
    {"MP", "MSP", "MEP", "QC", "KC", "PC", "JP", "OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "CMG", "KCMG", "CB", "KCB",
     "FRS", "FREng", "FBA", "PhD"}
)  # fmt: skip
"""Letters set after a person's name for a seat, an honour, a rank at the bar or a degree ("MP", "QC", "OBE")."""


def _addressed(word: str) -> bool:
    return word.lower().rstrip(".") in FORMS_OF_ADDRESS


def styled_name(text: str) -> str | None:
    """The name of a person the text styles as one, without the style: "The Rt Hon Theresa May MP" -> "Theresa May",
    "Dr Jane Doe" -> "Jane Doe"; else None. Only a person is addressed as "The Rt Hon" or "Dr" or takes letters after
    the name such as "MP" or "OBE", so the style tells a person's name from an organisation's ("Home Office") where
    the two stand in one list. The style is the person's standing, not the name (it changes with office and honours:
    an MP is one only while in Parliament), and is left out as a PDF's "Dr" before an author is."""
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the" and _addressed(words[1]):
        words = words[1:]  # "The Rt Hon": "The" belongs to the style, as it does not in "The Home Office"
    start = 0
    while start < len(words) and _addressed(words[start]):
        start += 1
    end = len(words)
    while end > start and words[end - 1].rstrip(".,") in POST_NOMINALS:
        end -= 1
    name = " ".join(words[start:end])
    return name if (start or end < len(words)) and personal_names(name) == name else None


def printed_name(key: str, text: str) -> str | None:
    """The name a slug stands for as the document prints it ("miatta-myers" -> "Miatta Myers"), else None.

    A static site keys its authors by slug into data the file does not hold; the slug's words, in order and
    capitalised, printed in the document (a byline, a signature) are the name. Only a name the document
    prints is taken, never one made up from the slug, and a key of one word ("jdoe") names no one.
    """
    parts = [part for part in re.split(r"[-_.]", key) if part]
    if len(parts) < NAME_WORDS[0]:
        return None
    pattern = re.compile(r"(?<![\w-])" + r"[\s-]+".join(map(re.escape, parts)) + r"(?![\w-])", re.IGNORECASE)
    for match in pattern.finditer(text):
        name = " ".join(match.group(0).split())
        if personal_names(name) == name:
            return name
    return None


def role(text: str) -> bool:
    """Whether a line reads as a job title: its first word is a role word ("Analyst in ...", "Director, ...")."""
    first = _WORD_RE.match(text.strip())
    return first is not None and first.group(0).lower() in ROLE_WORDS


def web_address(value: object) -> str | None:
    """The value if it is one absolute web address (`https://host/...`) on a public host, else None: a relative path
    or a bare word cannot be followed from a citation, so it is no address, and neither is an address on the machine
    a page was built on or on its private network (`_public_host`)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value):
        return None
    return value if _public_host(parts.hostname) else None


_LOCAL_DOMAINS = ("localhost", "local")
"""Names that resolve only on the machine itself or its own network: `localhost` (RFC 6761) and mDNS's `.local`
(RFC 6762)."""


def _public_host(host: str) -> bool:
    """Whether a host is reachable from anywhere: not a name of the local machine or network, and not a loopback,
    private, link-local or unspecified address. A static site generator writes its development server's address
    (`http://localhost:4000/...`) into the canonical link and `og:url` of a page built on the author's machine;
    that address names the builder's machine, not the page's."""
    name = host.lower().rstrip(".")
    if any(name == domain or name.endswith(f".{domain}") for domain in _LOCAL_DOMAINS):
        return False
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return True
    return not (address.is_private or address.is_loopback or address.is_link_local or address.is_unspecified)


_SLASHED_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MONTHS = 12


def slashed_date(text: str) -> str | None:
    """ISO date of a numeric `a/b/yyyy` date where only one reading is a date: 04/20/2026 (no month 20) is 20 April,
    20/04/2026 is too; 04/10/2026 is April 10 in the United States and 4 October in most other places, so None."""
    match = _SLASHED_DATE_RE.fullmatch(text.strip())
    if match is None:
        return None
    first, second, year = (int(part) for part in match.groups())
    if first <= _MONTHS and second <= _MONTHS:
        return None
    month, day = (first, second) if first <= _MONTHS else (second, first)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


LABELLED_TERMS_RE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,2}\s*[:—]\s*(\S.*)")
"""A label of one to three words and its value ("Keywords: ...", "Index Terms—...", "JEL Classification: ...")."""
TERM_WORDS = 6
"""A term of a list of keywords or subject codes has at most this many words; a longer stretch is a sentence."""


def term_list(value: str) -> bool:
    """Whether a label's value is a list of terms: two or more items between commas or semicolons, each short and
    none ending a sentence inside the list (a sentence or a byline of prose is not a list of terms)."""
    items = [item.strip() for item in re.split(r"[,;]", value.rstrip(" .;"))]
    return len(items) > 1 and all(0 < len(item.split()) <= TERM_WORDS and "." not in item for item in items)


OFFICE_WORDS = frozenset(
    {"judge", "justice", "magistrate", "president", "chair", "chairman", "chairwoman", "chairperson", "secretary",
     "commissioner", "minister", "ambassador", "governor", "mayor", "registrar", "clerk", "treasurer", "dean",
     "chancellor", "superintendent", "inspector", "ombudsman", "auditor", "comptroller", "solicitor", "head", "chief",
     "administrator"}
)  # fmt: skip
"""The head word of an office a person signs in ("Veterans Law Judge", "Secretary of State"): with `ROLE_WORDS`, what
the line under a signature's name says its signer is."""
_QUALIFIER_RE = re.compile(r"\s*(?:,|\(|\b(?:of|for|in|to|at|on)\b)")
_OFFICE_HEAD_WORDS = 4
"""An office's name before its qualifier has at most this many words ("Deputy Assistant Attorney General")."""


def signer_office(text: str) -> bool:
    """Whether a line names the office or job of whoever signs above it: the words before any qualifier ("of the
    Board", ", Division") are capitalised and end in the office's head word (`OFFICE_WORDS`, `ROLE_WORDS`): "Veterans
    Law Judge", "Director, Compliance Division", "Chief Executive Officer". English puts a compound's head last."""
    head = _QUALIFIER_RE.split(text.strip(), maxsplit=1)[0].split()
    return (
        0 < len(head) <= _OFFICE_HEAD_WORDS
        and all(word[:1].isupper() for word in head)
        and head[-1].lower().strip(".") in OFFICE_WORDS | ROLE_WORDS
    )


MEMO_FIELD_RE = re.compile(
    r"(?P<label>(?:TO|FROM|SUBJECT|DATE|RE):|MEMORANDUM FOR\b)\s*(?P<value>.*)", re.IGNORECASE | re.DOTALL
)
"""A line of a memorandum's head: its label and a colon, then its value ("FROM: SHALANDA D. YOUNG", "Subject: Open
Data Policy ..."), or the address "MEMORANDUM FOR THE HEADS OF ...", which needs none."""
_MEMO_FIELDS = 2
"""A memorandum's head has this many of its labels at least (whom it is for, from, its subject or date)."""


def _label(field: re.Match[str]) -> str:
    return field["label"].upper()


def memo_sender(lines: Sequence[str]) -> str | None:
    """The names a memorandum's head gives as whom it is from, else None.

    A memorandum opens with labelled lines, whom it is for, whom it is from, its subject (`MEMO_FIELD_RE`), in
    capitals ("FROM: SHALANDA D. YOUNG") or not ("From:"); its "From" is its byline, the person who sends it,
    where a file's own author field holds the office that published it. Whoever sends it is named on the "From"
    line, a job after a comma left out ("Jane Doe, Director"), or in a list under it, each signatory's name over the
    office signed in (`signer_office`), as a memorandum several officials send prints them ("Sylvia M. Burwell" /
    "Director", "Steven VanRoekel" / "Federal Chief Information Officer"): all of them are its senders. The head
    must have another of its labels (a "From:" in a sentence or a quoted e-mail is no head), and each name must read
    as a person's (`personal_names`)."""
    fields = [(at, found) for at, line in enumerate(lines) if (found := MEMO_FIELD_RE.fullmatch(line.strip()))]
    if len({_label(found) for _, found in fields}) < _MEMO_FIELDS:
        return None
    for (at, found), following in zip(fields, [*(at for at, _ in fields[1:]), len(lines)], strict=True):
        if _label(found) != "FROM:":
            continue
        if found["value"].strip():
            name, _, job = found["value"].strip().partition(", ")
            return personal_names(name) if not job or role(job) or signer_office(job) else None
        return _signatories(lines[at + 1 : following])
    return None


def _signatories(lines: Sequence[str]) -> str | None:
    """The names of a list of signatories, each name over the office signed in, joined ", "; else None."""
    names, offices = lines[::2], lines[1::2]
    signed = len(names) == len(offices) and all(signer_office(office) for office in offices)
    return ", ".join(names) if names and signed and all(personal_names(name) for name in names) else None


MADE_BY_RE = re.compile(
    r"\b(?:developed|prepared|written|produced|compiled|issued|published|created)\b.*?\bby\s+(?:the\s+)?"
    r"(?P<name>[^,;()]+?)\s*(?:[,;(]|\.?$)"
)
"""A sentence saying who made the document: "This checklist was developed by the U.S. Federal Government ...
Workgroup.", "This paper has been prepared for consultation by the Steering Committee (IMSC).": the name after "by"
(without "the"), up to a comma, a bracket (the initials after it) or the sentence's end."""


def maker(sentence: str) -> str | None:
    """The name a sentence says made the document (`MADE_BY_RE`), white space squashed; else None. Whether the name
    is one (a person's, an organisation's) is for the caller, who knows where the sentence stands."""
    found = MADE_BY_RE.search(sentence.strip())
    return " ".join(found["name"].split()) if found else None


REPORTING_BODY_RE = re.compile(
    r"Report of the ((?:Working Group|Special Rapporteur|Independent Expert|Special Representative"
    r"|(?:Special |Ad Hoc )?Committee) on \S.*)"
)
"""A report's title naming the body that reports ("Report of the Working Group on the Universal Periodic Review",
"Report of the Special Rapporteur on the right to food"): a body whose name is its subject after "on"."""


def reporting_body(title: str) -> str | None:
    """The body a report's title names as the one reporting (`REPORTING_BODY_RE`), else None. A United Nations
    mandate's report is its holder's or working group's, which its title names and no byline does (the masthead
    names the organ it reports to: "General Assembly", "Human Rights Council"). A title naming a report of an office
    without an "on" ("Report of the Secretary-General on the situation in Mali") reports on its subject, which is
    no part of the office's name, and is left out."""
    match = REPORTING_BODY_RE.fullmatch(title.strip())
    return match.group(1) if match else None
