#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Prints the id of the policy of a generated corpus that the most policies amend (ties: the
smallest id): the subject of bench/run.sh's `history` run, a policy with a long timeline."""
import os
import re
import sys
from collections import Counter

AMENDS = re.compile(r"^\s*amends:\s*(.*)$")
ITEM = re.compile(r"^\s*-\s*(?:id:\s*)?['\"]?([A-Za-z0-9._-]+)")


def main(corpus):
    counts = Counter()
    folder = os.path.join(corpus, "policies", "en")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        inside = False
        with open(os.path.join(folder, name), encoding="utf-8") as text:
            for line in text:
                match = AMENDS.match(line)
                if match:
                    inside = True
                    value = match.group(1).strip().strip("'\"")
                    if value and not value.startswith("["):
                        counts[value] += 1
                        inside = False
                    continue
                if inside:
                    item = ITEM.match(line)
                    if item and line.startswith(" " * 4):
                        counts[item.group(1)] += 1
                    else:
                        inside = False
    if not counts:
        sys.exit("most_amended.py: no block-style `amends` in " + folder)
    best = max(counts.values())
    print(min(policy for policy, count in counts.items() if count == best))


if __name__ == "__main__":
    main(sys.argv[1])
