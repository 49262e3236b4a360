"""A readable device name from a User-Agent header: "Firefox on Linux", "curl"..."""

import re

# Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
_BROWSERS = (
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("CriOS/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)
_TOOL = re.compile(r"^([A-Za-z][A-Za-z0-9._-]{0,40})/\S+")
UNKNOWN = "Unknown device"


def describe_device(user_agent: str | None) -> str:
    if not user_agent or not user_agent.strip():
        return UNKNOWN
    browser = next((name for token, name in _BROWSERS if token in user_agent), None)
    system = next((name for token, name in _SYSTEMS if token in user_agent), None)
    if browser and system:
        return f"{browser} on {system}"
    if browser or system:
        return browser or system or UNKNOWN
    tool = _TOOL.match(user_agent.strip())
    return tool.group(1) if tool else UNKNOWN
