"""Who is who across articles: each identity rule, the role history, and corrections that survive rewrites.

Articles here are domain objects (as the extractor returns them), so each rule is
pinned exactly; tests/test_speakers_extracted.py runs the same rules through
the real extractor on written articles.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from helpers import said_article as article
from sqlalchemy import Engine, func, select

from quotetrack import types
from quotetrack.db.engine import transaction
from quotetrack.db.schema import Quote, Speaker, SpeakerAlias, SpeakerCorrection, SpeakerRole
from quotetrack.db.store import save_article
from quotetrack.errors import AmbiguousSpeakerError
from quotetrack.speakers import curation
from quotetrack.speakers.queries import SpeakerSummary, find_speaker, list_speakers, matching_speakers


def store(engine: Engine, *articles: types.Article) -> None:
    for a in articles:
        with transaction(engine) as s:
            save_article(s, a)


def speaker_of(engine: Engine, text: str) -> Speaker:
    with transaction(engine) as s:
        speaker = s.scalars(
            select(Speaker).join(Quote, Quote.speaker_id == Speaker.id).where(Quote.text == text)
        ).one()
        _ = speaker.aliases
        return speaker


def speaker_count(engine: Engine) -> int:
    with transaction(engine) as s:
        return s.scalar(select(func.count()).select_from(Speaker)) or 0


# --- the same full name -------------------------------------------------------------------------


def test_a_full_name_with_a_compatible_role_is_one_speaker_in_every_article(engine: Engine) -> None:
    store(
        engine,
        article(1, ("블라디미르 푸틴", "러시아 대통령", "합의 위반 안 해")),
        article(2, ("블라디미르 푸틴", "대통령", "북한과 협력")),
        article(3, ("블라디미르  푸틴", None, "좋은 이웃 관계")),
        article(4, ("김병환", "금융위원장", "가계대출 관리")),
        article(5, ("김병환", "금융위원회 위원장", "PF 정리")),
    )
    putin = speaker_of(engine, "합의 위반 안 해")
    assert speaker_of(engine, "북한과 협력").id == putin.id == speaker_of(engine, "좋은 이웃 관계").id
    assert speaker_of(engine, "가계대출 관리").id == speaker_of(engine, "PF 정리").id
    assert speaker_count(engine) == 2


def test_the_same_name_in_a_role_of_another_office_is_another_person(engine: Engine) -> None:
    store(
        engine,
        article(1, ("김민석", "국방부 대변인", "전단 살포 막을 근거 없다")),
        article(2, ("김민석", "국무총리", "민생 회복이 최우선")),
        article(3, ("김민석", "대변인", "단호히 대응")),
    )
    spokesman, premier = (
        speaker_of(engine, "전단 살포 막을 근거 없다"),
        speaker_of(engine, "민생 회복이 최우선"),
    )
    assert spokesman.id != premier.id
    assert speaker_of(engine, "단호히 대응").id == spokesman.id  # 대변인 fits 국방부 대변인 only
    assert spokesman.article_id is None and premier.article_id is None


def test_a_name_several_people_share_stays_as_printed_when_nothing_tells_them_apart(engine: Engine) -> None:
    store(
        engine,
        article(1, ("김민석", "국방부 대변인", "전단 살포 막을 근거 없다")),
        article(2, ("김민석", "국무총리", "민생 회복이 최우선")),
        article(3, ("김민석", None, "재정을 따져봐야")),
    )
    unresolved = speaker_of(engine, "재정을 따져봐야")
    assert unresolved.name == "김민석" and unresolved.article_id is not None
    assert speaker_count(engine) == 3


def test_a_foreign_career_stays_one_person_unless_the_country_changes(engine: Engine) -> None:
    store(
        engine,
        article(1, ("블라디미르 푸틴", "러시아 총리", "연금 개혁"), day=date(2010, 5, 10)),
        article(2, ("블라디미르 푸틴", "러시아 대통령", "군사협력 가능"), day=date(2023, 9, 13)),
        article(3, ("존 스미스", "미국 국무부 차관보", "동맹 강화")),
        article(4, ("존 스미스", "영국 외무부 차관", "브렉시트 이후")),
    )
    assert speaker_of(engine, "연금 개혁").id == speaker_of(engine, "군사협력 가능").id
    assert speaker_of(engine, "동맹 강화").id != speaker_of(engine, "브렉시트 이후").id


# --- surname, title or one name word ------------------------------------------------------------


def test_a_surname_and_title_alone_never_merge_people_across_articles(engine: Engine) -> None:
    store(
        engine,
        article(
            1, ("김정은", "북한 국무위원장", "제국주의에 맞설 것"), ("김 위원장", "위원장", "신성한 싸움")
        ),
        article(
            2, ("김기현", "국민의힘 비상대책위원장", "혁신에 모든 것"), ("김 위원장", "위원장", "국민 눈높이")
        ),
        article(3, ("김 위원장", "위원장", "의료 공백 해소")),
        article(4, ("김 위원장", "위원장", "항만 재개발")),
    )
    kim_jongun, kim_kihyeon = speaker_of(engine, "제국주의에 맞설 것"), speaker_of(engine, "혁신에 모든 것")
    assert speaker_of(engine, "신성한 싸움").id == kim_jongun.id  # each from its own article's full name
    assert speaker_of(engine, "국민 눈높이").id == kim_kihyeon.id
    lone = [speaker_of(engine, "의료 공백 해소"), speaker_of(engine, "항만 재개발")]
    assert lone[0].id != lone[1].id
    assert all(s.name == "김 위원장" and s.article_id is not None for s in lone)


def test_a_title_alone_joins_the_one_person_of_its_article_holding_it(engine: Engine) -> None:
    store(
        engine,
        article(
            1, ("드미트리 페스코프", "크렘린궁 대변인", "서명 안 했다"), ("대변인", "대변인", "계획도 없다")
        ),
        article(2, ("대변인", "대변인", "브리핑 내용")),
    )
    peskov = speaker_of(engine, "서명 안 했다")
    assert speaker_of(engine, "계획도 없다").id == peskov.id
    lone = speaker_of(engine, "브리핑 내용")
    assert lone.id != peskov.id and lone.article_id is not None


def test_one_foreign_name_word_with_a_fitting_role_is_the_full_name(engine: Engine) -> None:
    store(
        engine,
        article(1, ("도널드 트럼프", "미국 대통령", "엄청난 압박")),
        article(2, ("트럼프", "대통령", "도움이 되지 않는다")),
        article(3, ("트럼프", None, "위대한 합의")),  # the alias learned above now names him
        article(4, ("트럼프", "트럼프그룹 부사장", "호텔 사업")),  # another Trump
    )
    donald = speaker_of(engine, "엄청난 압박")
    assert speaker_of(engine, "도움이 되지 않는다").id == donald.id == speaker_of(engine, "위대한 합의").id
    assert "트럼프" in [a.alias for a in donald.aliases]
    assert speaker_of(engine, "호텔 사업").id != donald.id


def test_a_full_name_arriving_later_absorbs_the_one_word_speaker(engine: Engine) -> None:
    store(
        engine,
        article(1, ("기시다", "일본 외무상", "매우 유감")),
        article(2, ("기시다 후미오", "일 외무상", "수용할 수 없다")),
    )
    kishida = speaker_of(engine, "매우 유감")
    assert kishida.id == speaker_of(engine, "수용할 수 없다").id
    assert kishida.name == "기시다 후미오" and [a.alias for a in kishida.aliases] == ["기시다"]


def test_one_name_word_fitting_two_people_is_not_guessed(engine: Engine) -> None:
    store(
        engine,
        article(1, ("조지 W. 부시", "미국 대통령", "테러와의 전쟁")),
        article(2, ("조지 H. W. 부시", "미국 대통령", "새로운 세계 질서")),
        article(3, ("부시", "대통령", "누구의 말인가")),
    )
    lone = speaker_of(engine, "누구의 말인가")
    assert lone.article_id is not None and lone.name == "부시"


# --- anonymous sources and organisations ---------------------------------------------------------


def test_anonymous_sources_and_generic_bodies_are_never_merged_across_articles(engine: Engine) -> None:
    store(
        engine,
        article(
            1,
            ("정부 관계자", None, "이달 안에 발표"),
            ("정부 관계자", None, "대화는 계속"),
            ("정부", None, "원칙 대응"),
        ),
        article(2, ("정부 관계자", None, "징후는 없다"), ("정부", None, "공조해 대응")),
    )
    first, second = speaker_of(engine, "이달 안에 발표"), speaker_of(engine, "징후는 없다")
    assert speaker_of(engine, "대화는 계속").id == first.id  # one source within its article
    assert first.id != second.id and first.kind == second.kind == "anonymous"
    assert speaker_of(engine, "원칙 대응").id != speaker_of(engine, "공조해 대응").id


def test_an_organisation_is_one_speaker_by_name_and_learns_its_kind(engine: Engine) -> None:
    headline = replace(article(1, ("외교부", None, "깊은 유감")).quotes[0], speaker_kind="unknown")
    first = article(1, ("외교부", None, "깊은 유감"))
    store(
        engine,
        replace(first, quotes=(headline,)),
        article(2, ("외교부", None, "강력히 항의")),
        article(3, ("외교부", None, "긴밀히 공조")),
    )
    mofa = speaker_of(engine, "깊은 유감")
    assert mofa.id == speaker_of(engine, "강력히 항의").id == speaker_of(engine, "긴밀히 공조").id
    assert mofa.kind == "organisation"


# --- role history ----------------------------------------------------------------------------------


def roles(engine: Engine, speaker_id: int) -> dict[str, tuple[date | None, date | None, int]]:
    with transaction(engine) as s:
        rows = s.scalars(select(SpeakerRole).where(SpeakerRole.speaker_id == speaker_id)).all()
        return {r.role: (r.first_seen, r.last_seen, r.quotes) for r in rows}


def test_the_role_history_keeps_each_role_with_its_first_and_last_day(engine: Engine) -> None:
    store(
        engine,
        article(1, ("블라디미르 푸틴", "러시아 총리", "연금 개혁"), day=date(2010, 5, 10)),
        article(2, ("블라디미르 푸틴", "러시아 총리", "경제위기 극복"), day=date(2011, 2, 1)),
        article(3, ("블라디미르 푸틴", "러시아 대통령", "군사협력 가능"), day=date(2023, 9, 13)),
        article(4, ("블라디미르 푸틴", "러시아  대통령", "새로운 장"), day=date(2024, 6, 19)),
    )
    putin = speaker_of(engine, "연금 개혁")
    assert roles(engine, putin.id) == {
        "러시아 총리": (date(2010, 5, 10), date(2011, 2, 1), 2),
        "러시아 대통령": (date(2023, 9, 13), date(2024, 6, 19), 2),
    }
    (summary,) = _summaries(engine, "푸틴")
    assert (summary.current_role, summary.past_roles) == ("러시아 대통령", ["러시아 총리"])
    assert (summary.first_seen, summary.last_seen, summary.quotes) == (
        date(2010, 5, 10),
        date(2024, 6, 19),
        4,
    )


def _summaries(engine: Engine, query: str) -> list[SpeakerSummary]:
    with transaction(engine) as s:
        return list_speakers(s, query)


def test_the_role_history_follows_rewritten_quotes(engine: Engine) -> None:
    url = "https://news.example.kr/putin"
    store(
        engine,
        article(1, ("블라디미르 푸틴", "러시아 대통령", "첫 발언"), day=date(2023, 9, 13)),
        article(2, ("블라디미르 푸틴", "러시아 대통령", "둘째 발언"), day=date(2024, 6, 19), url=url),
    )
    putin = speaker_of(engine, "첫 발언")
    assert roles(engine, putin.id)["러시아 대통령"] == (date(2023, 9, 13), date(2024, 6, 19), 2)
    store(
        engine,
        article(2, ("블라디미르 푸틴", "대통령", "고친 발언"), day=date(2024, 6, 19), url=url, version="t-2"),
    )
    assert roles(engine, putin.id) == {
        "러시아 대통령": (date(2023, 9, 13), date(2023, 9, 13), 1),  # the last day was recounted
        "대통령": (date(2024, 6, 19), date(2024, 6, 19), 1),
    }


# --- corrections survive rewrites --------------------------------------------------------------


def test_a_reassigned_quote_stays_reassigned_when_its_article_is_rewritten(engine: Engine) -> None:
    url = "https://news.example.kr/ytn/1"
    first = article(
        1, ("김민석", "국방부 대변인", "나라도 아니다"), ("북한", None, "인권이 있습니까"), url=url
    )
    store(engine, first)
    with transaction(engine) as s:
        quote_id = s.scalars(select(Quote.id).where(Quote.text == "인권이 있습니까")).one()
        kim = find_speaker(s, "김민석")
        assert kim is not None
        curation.reassign_quote(s, quote_id, kim, role="국방부 대변인")
    assert speaker_count(engine) == 1  # 북한 had only that quote
    rewritten = article(
        1, ("김민석", "국방부 대변인", "나라도 아니다"), ("북한", None, "인권이 있습니까?"), url=url
    )
    store(engine, replace(rewritten, extractor_version="t-2"))  # reprocess with a newer extractor
    moved = speaker_of(engine, "인권이 있습니까?")
    assert moved.name == "김민석"
    with transaction(engine) as s:
        assert (
            s.scalars(select(Quote.speaker_role).where(Quote.text == "인권이 있습니까?")).one()
            == "국방부 대변인"
        )
        assert s.scalars(select(Speaker.name)).all() == ["김민석"]  # no 북한 speaker recreated


def test_a_merge_is_pinned_to_the_articles_and_survives_their_rewrite(engine: Engine) -> None:
    urls = ("https://a.example/1", "https://a.example/2")
    store(
        engine,
        article(1, ("최 감독", "감독", "고맙고 미안하다"), url=urls[0]),
        article(2, ("최진철", "U-17 대표팀 감독", "발전하는 선수들"), url=urls[1]),
    )
    with transaction(engine) as s:
        keep, other = find_speaker(s, "최진철"), find_speaker(s, "최 감독")
        assert keep is not None and other is not None
        result = curation.merge_speakers(s, keep, [other])
        assert result.quotes_moved == 1
    store(engine, article(1, ("최 감독", "감독", "고맙고 미안하다"), url=urls[0], version="t-2"))  # reprocess
    with transaction(engine) as s:
        save_article(
            s, article(2, ("최진철", "U-17 대표팀 감독", "발전하는 선수들"), url=urls[1]), force=True
        )
    assert speaker_of(engine, "고맙고 미안하다").name == "최진철"
    assert speaker_count(engine) == 1
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(SpeakerCorrection)) == 1
        assert "최 감독" in s.scalars(select(SpeakerAlias.alias)).all()


def test_a_speaker_no_quote_uses_any_more_is_dropped_unless_curated(engine: Engine) -> None:
    url = "https://a.example/x"
    store(
        engine,
        article(1, ("소식통", None, "사실무근"), ("외교부", None, "유감")),
        article(2, ("외교부", None, "항의"), ("한덕수", "국무총리", "엄중 대응"), url=url),
    )
    store(engine, article(2, ("정부", None, "항의"), url=url, version="t-2"))
    with transaction(engine) as s:
        assert sorted(s.scalars(select(Speaker.name))) == [
            "소식통",
            "외교부",
            "정부",
        ]  # 외교부 kept by article 1
        generic = find_speaker(s, "정부")
        assert generic is not None
        curation.rename_speaker(s, generic, "국무조정실")
    store(engine, article(2, ("외교부", None, "항의"), url=url, version="t-3"))
    with transaction(engine) as s:
        assert sorted(s.scalars(select(Speaker.name))) == ["국무조정실", "소식통", "외교부"]  # curated: kept


# --- finding speakers by name -------------------------------------------------------------------


def test_speakers_are_found_by_name_alias_or_name_part_in_hangul_or_latin(engine: Engine) -> None:
    store(
        engine,
        article(1, ("블라디미르 푸틴", "러시아 대통령", "합의 위반 안 해")),
        article(2, ("김병환", "금융위원장", "가계대출 관리")),
    )
    with transaction(engine) as s:
        putin = find_speaker(s, "푸틴")
        assert putin is not None and putin.name == "블라디미르 푸틴"
        curation.add_speaker_alias(s, putin, "Vladimir Putin")
    with transaction(engine) as s:
        for query in ("블라디미르푸틴", "PUTIN", "vladimir putin", "Vladimir", "푸 틴", str(putin.id)):
            found = find_speaker(s, query)
            assert found is not None and found.id == putin.id, query
        kim = find_speaker(s, "병환")  # a Korean given name is a name part
        assert kim is not None and kim.name == "김병환"
        assert find_speaker(s, "루카셴코") is None


def test_an_ambiguous_query_lists_the_candidates_instead_of_mixing_people(engine: Engine) -> None:
    store(
        engine,
        article(1, ("김민석", "국방부 대변인", "전단 살포")),
        article(2, ("김민석", "국무총리", "민생 회복")),
        article(3, ("김병환", "금융위원장", "가계대출")),
    )
    with transaction(engine) as s, pytest.raises(AmbiguousSpeakerError) as caught:
        find_speaker(s, "김민석")
    assert "국방부 대변인" in caught.value.reason and "국무총리" in caught.value.reason
    assert len(caught.value.candidate_ids) == 2
    with transaction(engine) as s:
        assert len(matching_speakers(s, "김")) == 3  # the surname is a part of all three names
        with pytest.raises(AmbiguousSpeakerError):
            find_speaker(s, "김")
        assert find_speaker(s, str(caught.value.candidate_ids[0])) is not None
