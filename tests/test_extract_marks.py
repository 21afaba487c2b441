"""Direct quotes in every mark style Korean web text uses, and the marks that are not quotes."""

from __future__ import annotations

import pytest
from extraction import by_text, one, quotes_of

from quotetrack.extract.marks import find_marks

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ('"', '"'),
        ("“", "”"),
        ("‘", "’"),
        ("'", "'"),
        ("『", "』"),
        ("「", "」"),
        ("″", "″"),
        ("”", "”"),
        ("“", "“"),
    ],
)
def test_a_quote_is_found_whatever_marks_enclose_it(opening: str, closing: str) -> None:
    body = f"박성진 통일부 대변인은 이날 정례브리핑에서 {opening}남북 대화의 문은 언제나 열려 있다{closing}고 말했다."
    q = one(quotes_of(body), "남북 대화의 문은")
    assert q.text == "남북 대화의 문은 언제나 열려 있다"
    assert q.kind == "direct"
    assert q.speaker == "박성진"


def test_a_quote_split_around_its_attribution_gives_two_quotes_of_one_speaker() -> None:
    body = (
        '최은영 보건복지부 장관은 "의료 공백은 없을 것"이라며 "비상진료체계를 끝까지 유지하겠다"고 강조했다.'
    )
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == ["의료 공백은 없을 것", "비상진료체계를 끝까지 유지하겠다"]
    assert {q.speaker for q in quotes} == {"최은영"}


def test_a_quote_running_over_several_lines_stays_one_quote() -> None:
    body = '[정민호/시민]\n"아침마다 버스가 꽉 차서 두 대씩 그냥 보내요.\n출근 시간이 한 시간은 더 걸립니다."'
    q = one(quotes_of(body), "아침마다")
    assert "출근 시간이 한 시간은 더 걸립니다." in q.text
    assert q.speaker == "정민호"


def test_a_quote_nested_in_another_is_the_speech_of_the_subject_inside_the_outer_one() -> None:
    body = (
        '한동수 국방부 대변인은 "합참의장이 보고하면서 ‘적 항공기가 경계선을 넘었다’고 말했다"며 '
        '"당시 상황을 다시 확인하고 있다"고 설명했다.'
    )
    quotes = quotes_of(body)
    inner = by_text(quotes)["적 항공기가 경계선을 넘었다"]
    assert inner.speaker == "합참의장"
    assert one(quotes, "합참의장이 보고하면서").speaker == "한동수"


def test_an_unclosed_mark_never_swallows_the_rest_of_the_article() -> None:
    body = (
        '김태호 위원장은 "예산안 처리가 늦어지면\n\n'
        '국회는 15일 본회의를 열었다. 이수진 의원은 "여당이 협상에 나서야 한다"고 말했다.'
    )
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == ["여당이 협상에 나서야 한다"]
    assert quotes[0].speaker == "이수진"


def test_mark_pairing_is_linear_even_with_thousands_of_stray_marks() -> None:
    text = ('"' * 3001) + "가" * 10 + ("'" * 5000) + "\n" * 3
    marks = find_marks(text)
    assert all(s.end - s.start <= 3000 for s in marks.spans)


@pytest.mark.parametrize(
    "sentence",
    [
        "정부는 이른바 '민생 패키지'를 다음 달 발표한다.",
        "그는 소설 「채식주의자」로 이름을 알렸다.",
        "이번 전시의 제목은 ‘빛의 정원’이다.",
        '업계에서는 이를 "제2의 반도체"로 부른다.',
        "박 회장은 '세계 경영'을 내세워 회사를 키웠다.",
    ],
)
def test_scare_quotes_names_and_titles_in_marks_are_not_quotes(sentence: str) -> None:
    assert quotes_of(sentence) == []


def test_a_one_word_verdict_with_a_quotative_is_a_quote() -> None:
    body = "소속사 측은 두 사람의 결혼설에 대해 '사실무근'이라며 선을 그었다."
    q = one(quotes_of(body), "사실무근")
    assert q.text == "사실무근"


def test_a_naming_verb_after_the_quotative_is_not_speech() -> None:
    body = "이 지역은 주민들 사이에서 '작은 베네치아'라고 불린다."
    assert quotes_of(body) == []


def test_the_closing_mark_alone_still_gives_the_quote_after_its_speaker() -> None:
    body = "이어 강민수 교수는 앞으로 금리가 더 내려갈 가능성은 낮다”고 덧붙였다."
    q = one(quotes_of(body), "금리가")
    assert q.text.startswith("앞으로 금리가")
    assert q.speaker == "강민수"


@pytest.mark.parametrize(
    "sentence",
    [
        '오준서 장관은 "경기는 회복세"라고 말했다.',
        '오준서 장관은 "경기는 회복세" 라고 말했다.',  # a stray space before the quotative
        "오준서 장관은 『경기는 회복세』라고 말했다.",
        "오준서 장관은 [경기는 회복세]라고 말했다.",  # square brackets set as quotation marks
        "오준서 장관은 ”경기는 회복세“라고 말했다.",  # reversed marks
    ],
)
def test_quotation_marks_of_every_shape_print_archives_use(sentence: str) -> None:
    q = one(quotes_of(sentence), "경기는")
    assert (q.text, q.speaker) == ("경기는 회복세", "오준서")


@pytest.mark.parametrize("bracket", ["[서울=연합뉴스]", "[앵커]", "<단독>", "[사진]"])
def test_brackets_without_a_quotative_are_no_quotes(bracket: str) -> None:
    assert quotes_of(f"{bracket} 오준서 장관이 회의를 주재했다.") == []


@pytest.mark.parametrize(
    "tail", ["김하준 감독의 말이다.", "김하준 감독이 경기 후 밝힌 소감이다.", "주장 김하준의 각오다."]
)
def test_a_quote_followed_by_whose_words_they_are(tail: str) -> None:
    assert one(quotes_of(f'"끝까지 싸우겠다" {tail}'), "끝까지").speaker == "김하준"
