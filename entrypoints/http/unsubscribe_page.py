"""The page a person sees on opening an unsubscribe link: one button that POSTs it."""

from html import escape
from urllib.parse import quote

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head>
<body style="font-family: sans-serif; max-width: 30em; margin: 4em auto;">
<form method="post" action="/unsubscribe?token={token}">
<p>Stop receiving notification e-mails?</p>
<button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button>
</form></body></html>
"""


def unsubscribe_page(token: str) -> str:
    return PAGE.format(token=escape(quote(token, safe=""), quote=True))
