"""Every case of the corpus, in the order the table of the corpus lists them."""

from __future__ import annotations

from niapdoc.tests.corpus import cases_docx, cases_pdf, cases_text
from niapdoc.tests.corpus.spec import Case

CASES: tuple[Case, ...] = (*cases_text.CASES, *cases_docx.CASES, *cases_pdf.CASES)
