"""event-date (factlint): a date that dates a mention of a known event must agree with the
knowledge base.

What counts as a claim about the event (and what it is checked against):

* "the genocide of 1918", "the 1918 genocide", "(1918)" name the event: its *anchor* year (or
  one of `also_named`). "the Rwandan genocide of April 1996", "the 6 August 1944 bombing":
  month and day too, against `date`, for a one-year event.
* "X began in 1918" / "the start of X in 1918": the first year of its span (and `date`);
  "X ended in" / "the end of X in": the last year; "X in 1918" (X the subject of its clause or
  after a time preposition, "after X in 1918"): any year of the span. A year that merely
  shares the sentence ("By 1918, survivors of the genocide reached Beirut") or dates something
  done *to* the event ("Germany recognised the genocide in 2016") is left alone.
* "on 9 November 1991, when the Berlin Wall fell": the date dates the clause's verb.
* Ranges ("the 1932–33 famine", "(1915–1923)") must give the span (or named years); decades
  ("the 1920s genocide", "the genocide of the 1910s") must contain the anchor.
* Relative dates, against the document's date (front matter `date:`, `--date`, or a dateline
  on the first line, "Published: 26 April 2021") or an explicit date in the sentence:
  "the 30th anniversary of X", "the centenary of X", "X's 25th anniversary", "marked 30 years
  since/of X", "X, 30 years ago", "N years since X", "In 1988, two years after X". An
  anniversary must be exact in years; an elapsed time may be off by one (rounding), or must be
  one of the two roundings when both dates are known to the day. Approximations ("nearly 30
  years", "more than a decade") are not checked.

Events come from the table named by `table:` (see rules/History/data/events.yml). An event is
mentioned by one of its `aliases`, or by a generic head noun (`heads`, e.g. "genocide") when one
of its `qualifiers` ("Armenian", "Ottoman") is in the same sentence. `nouns:` lists words that
may follow a mention and still name the event ("the Chernobyl *nuclear disaster* of 1988");
`modifiers:` lists nouns that make the mention a mere modifier ("the 2015 genocide *memorial*").
"""

from factlint.kinds.event_date.kind import EventDate

__all__ = ["EventDate"]
