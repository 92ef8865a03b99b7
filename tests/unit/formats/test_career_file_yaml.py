"""The fast YAML writer of the career file: what it writes reads back as the entry, and is
what PyYAML writes (it stands in for PyYAML on flat entries, which is most of a record)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from careerkit.formats import career_file as CF

_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=140)
_entry = st.dictionaries(
    st.sampled_from(["id", "title", "details", "date", "kind", "skills", "hours", "private", "created"]),
    st.one_of(
        _text,
        st.integers(0, 10**6),
        st.booleans(),
        st.floats(0, 1e6, allow_nan=False, allow_infinity=False),
        st.lists(_text.filter(bool), min_size=1, max_size=3),
        st.sampled_from(
            ["2024-03-12", "2024-03", "2024", "yes", "No", "null", "1e3", "10 staff", "$5 grant", "a: b"]
        ),
    ),
    min_size=1,
)


@settings(max_examples=300, deadline=None)
@given(entry=_entry)
def test_fast_yaml_reads_back_and_matches_pyyaml(entry):
    fast = CF._FastYaml(CF._yaml_dumper()).entry(entry)
    if fast is None:
        return
    assert CF.load_yaml(fast) == [entry]
    assert fast == CF.dump([entry], "yaml")
