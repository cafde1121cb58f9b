#!/usr/bin/env python3
"""Loads every HTML page of a rendered output folder in headless Chromium and measures it.

    scripts/browser-check.py OUTPUT                  print the measurements as JSON
    scripts/browser-check.py OUTPUT --screenshots D  also save full-page screenshots into D:
                                                     NAME-desktop.png (1200 px), NAME-phone.png
                                                     (390 px) and the same with -dark (the page
                                                     with prefers-color-scheme: dark)

One Chromium process serves every page, driven through the DevTools protocol over a pipe
(--remote-debugging-pipe), so nothing listens on a port and no Python package is needed. Name
resolution is disabled (--host-resolver-rules), so a page that tries the network shows the
request and gets nothing back.

For each page the JSON holds:
  url          the page's file: URL
  maths, svgs  every <math> and <svg> element: its laid-out width and height in CSS pixels and a
               short label (display/class and the start of its TeX or title), measured at
               1200 px width after every <details> is opened
  fontFaces    every FontFace of document.fonts: family and status ("loaded", "unloaded", ...)
  mathFonts    the fonts Chromium actually drew math text with (CSS.getPlatformFontsForNode on
               every token element whose computed font family starts with Latin Modern Math):
               family, whether it is a web font (custom) and the glyph count
  mathFallback token elements meant for Latin Modern Math whose glyphs came from another font,
               with their text (characters the shipped font lacks)
  requests     every URL the page requested (DevTools Network events, the document included)
  resources    performance.getEntriesByType('resource') names, as the page itself sees them
  failed       requests that failed, with the reason
  phoneOverflow  how many CSS pixels the page is wider than a 390 px phone screen (0 = fits)

Exit status: 0 when every page was measured, 1 when Chromium could not be started or a page
could not be loaded (the reason on stderr). Judging the numbers is the caller's business
(Tests/RenderTests/BrowserLayoutTests.swift).
"""

import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DESKTOP = (1200, 900)
PHONE = (390, 844)
# Seconds to wait for one DevTools answer before calling the browser hung. Generous: under a
# full `swift test` with other builds running (load 8 on 2 cores) Chromium's first answer took
# more than 20 s; the time is a guard against a hang, not a measure.
TIMEOUT = 90.0

MEASURE = r"""
(async () => {
  await document.fonts.ready;
  const size = (e) => { const r = e.getBoundingClientRect();
                         return { width: Math.round(r.width * 100) / 100, height: Math.round(r.height * 100) / 100 }; };
  const tex = (e) => { const a = e.querySelector('annotation[encoding="application/x-tex"]');
                       return (a ? a.textContent : e.textContent).trim().replace(/\s+/g, ' ').slice(0, 60); };
  const maths = [...document.querySelectorAll('math')].map((e) =>
    Object.assign(size(e), { label: (e.getAttribute('display') || 'inline') + ': ' + tex(e) }));
  const svgs = [...document.querySelectorAll('svg')].map((e) => {
    const title = e.querySelector('title');
    return Object.assign(size(e), { label: (e.getAttribute('class') || 'svg') + ': ' +
      (title ? title.textContent : '').trim().slice(0, 60) });
  });
  const fontFaces = [...document.fonts].map((f) => ({ family: f.family.replace(/^["']|["']$/g, ''), status: f.status }));
  const resources = performance.getEntriesByType('resource').map((r) => r.name);
  let index = 0;
  const tokens = [];
  for (const e of document.querySelectorAll('math mi, math mn, math mo, math mtext, math ms')) {
    const family = getComputedStyle(e).fontFamily.split(',')[0].trim().replace(/^["']|["']$/g, '');
    if (family === 'Latin Modern Math' && e.textContent.trim() !== '') {
      e.setAttribute('data-browser-check', String(index++));
      tokens.push(e.textContent);
    }
  }
  return JSON.stringify({ maths, svgs, fontFaces, resources, tokens });
})()
"""


def _pipe_fds(read, write):
    """In the child: Chromium reads DevTools commands from fd 3 and writes replies to fd 4."""
    os.dup2(read, 3)
    os.dup2(write, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)


class Chromium:
    """A headless Chromium driven over --remote-debugging-pipe (NUL-separated JSON messages)."""

    def __init__(self, executable, profile, resolver_rules="MAP * ~NOTFOUND"):
        to_chrome_read, to_chrome_write = os.pipe()
        from_chrome_read, from_chrome_write = os.pipe()
        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             f"--host-resolver-rules={resolver_rules}", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", "--mute-audio", f"--user-data-dir={profile}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=lambda: _pipe_fds(to_chrome_read, from_chrome_write))
        os.close(to_chrome_read)
        os.close(from_chrome_write)
        self.writer = to_chrome_write
        self.reader = from_chrome_read
        self.buffer = b""
        self.events = []
        self.next_id = 0

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.reader], [], [], remaining)
            if ready:
                chunk = os.read(self.reader, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe (did it start?)")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self.writer, data):]
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method, session):
        deadline = time.monotonic() + TIMEOUT
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == session:
                    del self.events[index]
                    return event
            self.events.append(self._read_message(deadline))

    def take_events(self, session):
        mine = [e for e in self.events if e.get("sessionId") == session]
        self.events = [e for e in self.events if e.get("sessionId") != session]
        return mine

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.writer)
        os.close(self.reader)


class Tab:
    """One page target with its own flat DevTools session."""

    def __init__(self, chromium):
        self.chromium = chromium
        target = chromium.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = chromium.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "DOM", "CSS", "Runtime"):
            self.send(f"{domain}.enable")

    def send(self, method, params=None):
        return self.chromium.send(method, params, self.session)

    def viewport(self, size, phone, dark):
        width, height = size
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})
        self.send("Emulation.setEmulatedMedia",
                  {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})

    def load(self, url):
        self.chromium.take_events(self.session)
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise RuntimeError(f"{url}: {result['errorText']}")
        self.chromium.wait_for("Page.loadEventFired", self.session)
        self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def network(self):
        requests, failed, urls = [], [], {}
        for event in self.chromium.take_events(self.session):
            if event["method"] == "Network.requestWillBeSent":
                url = event["params"]["request"]["url"]
                urls[event["params"]["requestId"]] = url
                requests.append(url)
            elif event["method"] == "Network.loadingFailed":
                failed.append({"url": urls.get(event["params"]["requestId"], "?"),
                               "reason": event["params"].get("errorText", "")})
        return requests, failed

    def math_fonts(self, tokens):
        root = self.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = self.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-browser-check]"})["nodeIds"]
        totals, fallback = {}, []
        # querySelectorAll answers in document order, the order the measuring script numbered them.
        for index, node in enumerate(nodes):
            for font in self.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                key = (font["familyName"], bool(font.get("isCustomFont")))
                totals[key] = totals.get(key, 0) + font["glyphCount"]
                if not (font["familyName"] == "Latin Modern Math" and font.get("isCustomFont")):
                    fallback.append({"text": tokens[index] if index < len(tokens) else "?",
                                     "font": font["familyName"]})
        fonts = [{"family": family, "custom": custom, "glyphs": glyphs}
                 for (family, custom), glyphs in sorted(totals.items())]
        return fonts, fallback

    def screenshot(self, path):
        metrics = self.send("Page.getLayoutMetrics")["cssContentSize"]
        data = self.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": metrics["width"], "height": metrics["height"], "scale": 1}})["data"]
        Path(path).write_bytes(base64.b64decode(data))


def measure(tab, page):
    url = page.resolve().as_uri()
    tab.viewport(DESKTOP, phone=False, dark=False)
    tab.load(url)
    tab.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    found = json.loads(tab.evaluate(MEASURE))
    fonts, fallback = tab.math_fonts(found.pop("tokens"))
    tab.viewport(PHONE, phone=True, dark=False)
    overflow = tab.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done("
                            "document.documentElement.scrollWidth - document.documentElement.clientWidth))))")
    requests, failed = tab.network()
    return dict(url=url, **found, mathFonts=fonts, mathFallback=fallback, requests=requests, failed=failed,
                phoneOverflow=overflow)


def screenshots(tab, page, folder):
    url = page.resolve().as_uri()
    for name, size, phone in (("desktop", DESKTOP, False), ("phone", PHONE, True)):
        for dark in (False, True):
            tab.viewport(size, phone=phone, dark=dark)
            tab.load(url)
            tab.screenshot(Path(folder) / f"{page.stem}-{name}{'-dark' if dark else ''}.png")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path, help="a folder written by render")
    parser.add_argument("--screenshots", type=Path, metavar="FOLDER", help="also save screenshots here")
    parser.add_argument("--chromium", default="chromium", help="the Chromium executable (default: chromium)")
    arguments = parser.parse_args()

    executable = shutil.which(arguments.chromium)
    if executable is None:
        print(f"browser-check: {arguments.chromium} not found; run scripts/install-deps --for-tests", file=sys.stderr)
        return 1
    pages = sorted(arguments.output.rglob("*.html"))
    if not pages:
        print(f"browser-check: no .html pages under {arguments.output}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="browser-check-") as profile:
        chromium = Chromium(executable, profile)
        try:
            tab = Tab(chromium)
            results = [measure(tab, page) for page in pages]
            if arguments.screenshots:
                arguments.screenshots.mkdir(parents=True, exist_ok=True)
                for page in pages:
                    screenshots(tab, page, arguments.screenshots)
        except (RuntimeError, TimeoutError, OSError) as error:
            print(f"browser-check: {error}", file=sys.stderr)
            return 1
        finally:
            chromium.close()
    json.dump({"output": arguments.output.resolve().as_uri(), "pages": results}, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
