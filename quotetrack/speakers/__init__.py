"""Who said it: everything about speaker identity, from a printed name to a curated speaker.

The extractor resolves the mentions inside one article (푸틴 대통령, 그는 → 블라디미르
푸틴); this package decides, across articles, which stored speaker each printed name
is, keeps each speaker's roles over time, applies curators' fixes and answers
questions about speakers.  In the order a quote meets them:

- `names`     reading a printed name and role: what kind of name it is (a full
              name, one foreign name word, a surname or title alone, an anonymous
              source, an organisation) and whether two roles may be one person's.
- `resolve`   **a printed name matched to a stored speaker**: `write_quotes`, run
              whenever an article's quotes are (re)written, applies curators'
              corrections, joins names within the article, then matches across
              articles.  The rules are in its docstring.
- `directory` the stored speakers a batch of articles can reach, loaded in four
              queries so `resolve` answers from memory, written back at once.
- `rows`      creating speaker rows, aliases and the family-name word index.
- `roles`     the role history: each role printed with a speaker, first and last day.
- `curation`  fixes by hand: merge, rename, aliases, reassign a quote, import names;
              each is also recorded so `resolve` re-applies it on re-ingest.
- `queries`   a user's ``--speaker NAME`` matched to a speaker (`identify`,
              `find_speaker`), speaker lists and profiles.
- `service`   the speaker use cases the CLI calls (list, show, merge, rename,
              aliases, reassign, import), one transaction each.
"""
