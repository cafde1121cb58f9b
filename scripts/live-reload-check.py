#!/usr/bin/env python3
"""Opens a page of `render serve` in headless Chromium, edits its note, and watches the open
page (never navigating or reloading it) until it shows the edit: the check that live reload
works as an author sees it.

    scripts/live-reload-check.py URL NOTE OLD NEW [OLD NEW ...]

Loads URL, marks the page (window.__deriveMarker), replaces each OLD with its NEW in the file
NOTE (written to a new file renamed over NOTE, as editors save), then reads the page's text
every 100 ms for at most 60 s until every NEW's value shows and the page has reloaded itself.
Prints JSON: before (the page's text at first), after (its text at the end), banner (the text
of its .derive-banner, if any), reloadedItself (the marker is gone). Exit status 0 when the
page showed the edit, 1 otherwise (the reason on stderr).
"""

import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

spec = importlib.util.spec_from_file_location("browser_check", Path(__file__).with_name("browser-check.py"))
browser_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(browser_check)


def text_of(tab):
    try:
        return tab.evaluate("document.body ? document.body.innerText : ''") or ""
    except (RuntimeError, TimeoutError):
        return ""  # between two documents


def main():
    url, note, *pairs = sys.argv[1:]
    replacements = list(zip(pairs[0::2], pairs[1::2]))
    executable = browser_check.shutil.which("chromium") or browser_check.shutil.which("chromium-browser")
    if not executable:
        print("chromium not found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as profile:
        # Every name but the server's address resolves to nothing, as in browser-check.py.
        chromium = browser_check.Chromium(executable, profile, "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
        try:
            tab = browser_check.Tab(chromium)
            tab.load(url)
            before = text_of(tab)
            tab.evaluate("window.__deriveMarker = 1")
            text = Path(note).read_text()
            for old, new in replacements:
                text = text.replace(old, new)
            temporary = Path(note).with_name("." + Path(note).name + ".swp")
            temporary.write_text(text)
            os.rename(temporary, note)
            wanted = [new.split("=")[-1].strip() for _, new in replacements]
            deadline = time.monotonic() + 60
            after, reloaded = "", False
            while time.monotonic() < deadline:
                after = text_of(tab)
                try:
                    reloaded = tab.evaluate("window.__deriveMarker === undefined") is True
                except (RuntimeError, TimeoutError):
                    reloaded = False
                if reloaded and all(value in after for value in wanted):
                    break
                time.sleep(0.1)
            try:
                banner = tab.evaluate("(document.querySelector('.derive-banner') || {}).innerText || ''") or ""
            except (RuntimeError, TimeoutError):
                banner = ""
        finally:
            chromium.close()
    print(json.dumps({"before": before, "after": after, "banner": banner, "reloadedItself": reloaded}))
    if not reloaded:
        print("the page did not reload itself within 60 s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
