import gc

from entrypoints.http.heap import YOUNG_COLLECTION_EVERY, long_lived_heap


def test_while_serving_the_heap_is_frozen_and_young_collections_are_rarer_then_all_is_undone():
    before = gc.get_threshold()

    with long_lived_heap():
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (YOUNG_COLLECTION_EVERY, *before[1:])

    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
