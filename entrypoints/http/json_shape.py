"""A cheap look at a JSON document's shape before it is parsed: nesting depth and array
lengths, so a small body cannot make the parser build something huge or recurse deeply."""

import re

# Strings (with their escapes) hold no structure; everything but brackets and commas is noise.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_STRUCTURE = bytes(set(range(256)) - set(b"[]{},"))
# Commas and brackets a whole body may hold, as a multiple of the longest array allowed: the
# walk below stays short whatever the body's size.
VALUES_PER_ITEM_LIMIT = 10


def json_shape_problem(body: bytes, max_depth: int, max_items: int) -> str | None:
    """What is wrong with the shape of ``body``, or None. Malformed JSON is left to the
    parser, which reports it properly."""
    structure = _STRING.sub(b"", body).translate(None, _NOT_STRUCTURE)
    if len(structure) > VALUES_PER_ITEM_LIMIT * max_items:
        return f"more than {VALUES_PER_ITEM_LIMIT * max_items} JSON values in one body"
    counts: list[int] = []  # items so far in each open array (-1 for an object)
    for byte in structure:
        if byte in b"[{":
            if len(counts) >= max_depth:
                return f"JSON nesting deeper than {max_depth} levels"
            counts.append(1 if byte == ord("[") else -1)
        elif byte in b"]}":
            if counts:
                counts.pop()
        elif counts and counts[-1] > 0:  # a comma in an array
            counts[-1] += 1
            if counts[-1] > max_items:
                return f"a JSON array longer than {max_items} items"
    return None
