#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The report of the seeds read by a real browser (headless Chromium) and by tidy.

  report_browser_test.py POLICYGRAPH SEEDS

Writes the report of SEEDS with POLICYGRAPH, then checks what a person would: every link
between pages resolves and every policy page is reachable from index.html; Chromium loads
the overview and a family page without a console message; the search box finds a policy
by a word of its title (index.html#q=...); a title that is markup stays text; tidy finds
no error in any page. Exits 77 (a skip, for CTest) when Chromium is not installed.
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# tidy 5.8 predates SVG 2: it calls `href` on an inline SVG <a> proprietary. Browsers follow it.
KNOWN_TIDY_WARNINGS = ['<a> proprietary attribute "href"']


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def chromium(profile, *arguments):
    result = subprocess.run(["chromium", *CHROMIUM_FLAGS, "--user-data-dir=" + profile, "--enable-logging=stderr",
                             "--v=0", *arguments], capture_output=True, text=True, timeout=120)
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return result.stdout, console


def check_links(folder):
    pages = {name for name in os.listdir(folder) if name.endswith(".html")}
    reached, queue = {"index.html"}, ["index.html"]
    while queue:
        page = queue.pop()
        parser = Links()
        with open(os.path.join(folder, page), encoding="utf-8") as f:
            parser.feed(f.read())
        for href in parser.hrefs:
            target = urllib.parse.urlparse(href)
            if target.scheme in ("http", "https"):
                continue  # a record's own url
            path = urllib.parse.unquote(target.path)
            if not path:
                continue
            if not os.path.exists(os.path.join(folder, path)):
                fail(f"{page} links to {href}, which is not in the report")
            if path.endswith(".html") and path not in reached:
                reached.add(path)
                queue.append(path)
    unreached = sorted(pages - reached)
    if unreached:
        fail(f"not reachable from index.html: {unreached[:5]}")
    return pages


def check_tidy(folder, pages):
    if shutil.which("tidy") is None:
        print("note: tidy is not installed; HTML not validated")
        return
    for page in sorted(pages):
        result = subprocess.run(["tidy", "-q", "-e", os.path.join(folder, page)], capture_output=True, text=True)
        if result.returncode >= 2:
            fail(f"tidy finds errors in {page}:\n{result.stderr}")
        unknown = [line for line in result.stderr.splitlines()
                   if line.strip() and not any(known in line for known in KNOWN_TIDY_WARNINGS)]
        if unknown:
            fail(f"tidy warns about {page}:\n" + "\n".join(unknown[:10]))


def main():
    policygraph, seeds = sys.argv[1], sys.argv[2]
    if shutil.which("chromium") is None:
        print("SKIP: chromium is not installed (./bootstrap.sh test installs it)")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="policygraph-report-")
    try:
        folder = os.path.join(work, "report")
        subprocess.run([policygraph, "report", "-C", seeds, "-o", folder, "--no-cache"], check=True,
                       capture_output=True)
        pages = check_links(folder)
        if not any(name.startswith("policy-") for name in pages):
            fail("no policy page was written")
        check_tidy(folder, pages)

        profile = os.path.join(work, "profile")
        index = "file://" + os.path.join(folder, "index.html")
        dom, console = chromium(profile, "--dump-dom", index + "#q=carbon%20storage%20directive")
        if console:
            fail("console messages on index.html: " + "\n".join(console))
        if 'data-search-ready="true"' not in dom:
            fail("the search script did not run to its end")
        if 'href="policy-eu-ccs-directive-2009.html"' not in dom.split('id="results"', 1)[-1]:
            fail("searching 'carbon storage directive' does not list the CCS Directive")
        dom, console = chromium(profile, "--dump-dom", index + "#q=%E7%A2%B3%E6%8E%92%E6%94%BE")  # 碳排放
        if 'policy-cn-ets-ndrc-interim-measures-2014.html' not in dom.split('id="results"', 1)[-1]:
            fail("searching a Chinese title word does not find the Chinese measures")
        family = "file://" + os.path.join(folder, "family-eu-ets-directive-2003.html")
        dom, console = chromium(profile, "--dump-dom", family)
        if console:
            fail("console messages on the family page: " + "\n".join(console))
        if "<svg" not in dom or 'href="policy-eu-ets-mrr-2018.html"' not in dom:
            fail("the family page has no diagram with links to its policies")

        # Hostile text stays text.
        corpus = os.path.join(work, "hostile")
        os.makedirs(os.path.join(corpus, "policies"))
        with open(os.path.join(corpus, "policies", "x.md"), "w", encoding="utf-8") as f:
            f.write("---\nid: x\ntitle: '<script>document.title=\"owned\"</script><b>bold</b>'\n"
                    "country: '<img src=x onerror=alert(1)>'\n---\n")
        hostile = os.path.join(work, "hostile-report")
        subprocess.run([policygraph, "report", "-C", corpus, "-o", hostile, "--no-cache"], check=True,
                       capture_output=True)
        dom, console = chromium(profile, "--dump-dom", "file://" + os.path.join(hostile, "policy-x.html"))
        if "<b>bold</b>" in dom or "<img src=" in dom or "<title>owned" in dom:
            fail("a title that is markup became markup")
        if "&lt;script&gt;" not in dom:
            fail("the markup title is not shown as text")
        print(f"ok: {len(pages)} pages, every one reachable; search, diagrams and escaping work in Chromium")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
