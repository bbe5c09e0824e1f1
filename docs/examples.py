#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the examples of the documentation pages and pastes their real output.

    python3 docs/examples.py docs/tutorial.md ...           rewrite the outputs in place
    python3 docs/examples.py --check docs/tutorial.md ...   exit 1 if an output changed

Every ```console block is a transcript: a line `$ command` is run with bash (stderr merged
into stdout) and the lines after it, up to the next `$ ` line or the end of the block, are
replaced by what it printed. `policygraph` must be on PATH (build/release/cli).

HTML comments, which Markdown does not show, steer the runs:

    <!-- cwd: repo -->        run the next blocks at the top of the checkout (the default)
    <!-- cwd: scratch -->     ... in a scratch folder, new for each page, removed afterwards
    <!-- cwd: scratch/DIR --> ... in a folder of the scratch folder
    <!-- file: PATH -->       write the next fenced block to PATH (relative to the scratch
                              folder) before anything runs: the example files shown on a
                              page are the files its commands read
    <!-- run: COMMAND -->     run COMMAND where the next block would run, show nothing

Commands see the top of the checkout as $POLICYGRAPH_REPO (to link seeds/ into the scratch
folder, say).
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIRECTIVE = re.compile(r"<!-- (cwd|file|run): (.*) -->$")


def run(command, cwd):
    environment = dict(os.environ, POLICYGRAPH_REPO=REPO)
    done = subprocess.run(["bash", "-c", "{ " + command + "\n} 2>&1"], cwd=cwd, env=environment,
                          capture_output=True, text=True)
    return done.stdout.rstrip("\n").split("\n") if done.stdout.strip() else []


def write_files(lines, scratch):
    """Writes every block announced by a `file:` comment, so commands can read them all."""
    for index, line in enumerate(lines):
        match = DIRECTIVE.match(line)
        if not match or match.group(1) != "file":
            continue
        start = index + 1
        end = start + 1
        while not lines[end].startswith("```"):
            end += 1
        path = os.path.join(scratch, match.group(2))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(lines[start + 1:end]) + "\n")


def fill(lines, scratch):
    out, index, cwd = [], 0, REPO
    while index < len(lines):
        line = lines[index]
        match = DIRECTIVE.match(line)
        if match and match.group(1) == "cwd":
            where = match.group(2)
            cwd = REPO if where == "repo" else os.path.join(scratch, where[len("scratch"):].lstrip("/"))
        elif match and match.group(1) == "run":
            run(match.group(2), cwd)
        if not line.startswith("```console"):
            out.append(line)
            index += 1
            continue
        out.append(line)
        index += 1
        while not lines[index].startswith("```"):
            if lines[index].startswith("$ "):
                out.append(lines[index])
                out.extend(run(lines[index][2:], cwd))
            index += 1
            while not lines[index].startswith("$ ") and not lines[index].startswith("```"):
                index += 1
        out.append(lines[index])
        index += 1
    return out


def main(arguments):
    check = arguments[:1] == ["--check"]
    changed = False
    for page in arguments[1:] if check else arguments:
        with open(page, encoding="utf-8") as text:
            lines = text.read().split("\n")
        scratch = tempfile.mkdtemp(prefix="policygraph-docs-")
        try:
            write_files(lines, scratch)
            filled = fill(lines, scratch)
        finally:
            shutil.rmtree(scratch)
        if filled == lines:
            continue
        changed = True
        if check:
            sys.stdout.writelines(difflib.unified_diff(
                [line + "\n" for line in lines], [line + "\n" for line in filled], page, page + " (run now)"))
        else:
            with open(page, "w", encoding="utf-8") as out:
                out.write("\n".join(filled))
            print("updated", page)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
