#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The Python baseline for bench/run.sh: the work of policygraph, done the usual Python way.

PyYAML's C loader (yaml.CSafeLoader) on one process per core loads every record file (front
matter of .md, .yaml/.yml, .json, .jsonl/.ndjson), translations are merged, the full graph
(MODEL.md section 2) is built as a NetworkX MultiDiGraph and the `policy` view as a weighted
DiGraph; then networkx.pagerank, networkx.community.louvain_communities on the undirected view
(weights of both directions summed) and networkx.write_graphml of the full graph. Prints the
time of each phase as JSON on stdout.

    python3 bench/baseline.py CORPUS [--out-dir DIR] [--processes N] [--policy-edges FILE]

NetworkX's pagerank needs SciPy; this Python (pyenv 3.11) has none, so Debian's python3-scipy
is taken from /usr/lib/python3/dist-packages, appended at the END of sys.path so that the
pyenv NetworkX 3.6 and PyYAML still win.

networkx.write_graphml uses lxml where it can import it, and its own xml.etree writer
otherwise: lxml's is about 2.4 times as fast on these graphs and holds half the memory.
bootstrap.sh installs no lxml (it installs without Debian's recommended packages), but a
machine may have Debian's python3-lxml; the JSON says which writer ran ("graphml_writer"),
and --graphml-writer etree keeps lxml out, as on the machines of the earlier sittings.
"""

import argparse
import itertools
import json
import multiprocessing
import os
import re
import resource
import sys
import time

sys.path.append("/usr/lib/python3/dist-packages")

import networkx as nx  # noqa: E402
import yaml  # noqa: E402

RECORD_ENDINGS = (".md", ".markdown", ".yaml", ".yml", ".json", ".jsonl", ".ndjson")
LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-[0-9]{3})?$")
ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

WEIGHTS = {"supersedes": 3.0, "consolidates": 3.0, "repeals": 2.0, "amends": 2.0, "implements": 2.0,
           "tag": 1.0, "cluster": 1.0, "facility": 0.1}
LINEAGE_KINDS = ("supersedes", "consolidates", "repeals", "amends", "implements")
# MODEL.md 7.1: each relation's field on the newer record (A) and on the older one (B), with
# their aliases; an edge goes A -> B.
RELATION_FIELDS = {
    "supersedes": (("supersedes", "replaces"), ("supersededBy", "replacedBy")),
    "consolidates": (("consolidatedFrom",), ("consolidatedInto",)),
    "repeals": (("repeals",), ("repealedBy",)),
    "amends": (("amends",), ("amendedBy",)),
    "implements": (("implements", "transposes"), ("implementedBy",)),
}


class TextLoader(yaml.CSafeLoader):
    """CSafeLoader that keeps every scalar as its text (MODEL.md: `id: 1` is the id "1");
    null stays None (absent)."""


for _tag in ("int", "float", "bool", "timestamp"):
    TextLoader.add_constructor("tag:yaml.org,2002:" + _tag, yaml.constructor.SafeConstructor.construct_yaml_str)


# ----------------------------------------------------------------------------------------------
# Loading (runs in the worker processes)

def text_of(value):
    """A scalar as text, or None where the value is absent or not a scalar."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        value = str(value)
        return value if value != "" else None
    return None


def relation_items(value):
    """A relation field (MODEL.md 7.1): ids, or mappings {id, date}; a single value is a list
    of one. Only the ids matter to the graph."""
    items = value if isinstance(value, list) else [] if value is None else [value]
    ids = (text_of(item.get("id")) if isinstance(item, dict) else text_of(item) for item in items)
    return [item for item in ids if item is not None]


def list_of(value):
    """A list field: a single scalar is a list of one; non-scalar items are dropped."""
    if value is None:
        return []
    if isinstance(value, list):
        items = (text_of(item) for item in value)
        return [item for item in items if item is not None]
    if isinstance(value, dict):
        return []
    item = text_of(value)
    return [item] if item is not None else []


def fold_name(name):
    return ASCII_SPACE.sub(" ", name).strip(" \t\n\r\f\v").translate(ASCII_LOWER)


def front_matter(text):
    """The YAML between a first line `---` and the next line `---`, or None."""
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return None
    start = text.index("\n") + 1
    position = start
    while True:
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        if line.rstrip("\r") == "---":
            return text[start:position]
        if end < 0:
            return None
        position = end + 1


def path_facts(relative):
    parts = relative.split("/")[:-1]
    kind = "facility" if any(part in ("facilities", "facility") for part in parts) else "policy"
    language = None
    for part in parts:
        if LANGUAGE_FOLDER.match(part):
            language = part  # the innermost wins
    return kind, language


def normalise(raw, relative, index):
    """The fields the graph needs from one raw record, or None when it has no id."""
    if not isinstance(raw, dict):
        return None
    record_id = text_of(raw.get("id"))
    if record_id is None:
        return None
    path_kind, path_language = path_facts(relative)
    kind = text_of(raw.get("kind")) or path_kind
    language = text_of(raw.get("lang")) or path_language
    evolution = raw.get("evolution")
    if not isinstance(evolution, dict):
        evolution = {}
    scalars = {}
    for key, value in raw.items():
        if key in ("id", "kind", "lang") or not isinstance(key, str):
            continue
        text = text_of(value)
        if text is not None:
            scalars[key] = text
    record = {
        "kind": kind,
        "id": record_id,
        "lang": language,
        "path": relative,
        "index": index,
        "attributes": scalars,
        "tags": list_of(raw.get("tags")),
    }
    if kind == "policy":
        for kind, (forward, backward) in RELATION_FIELDS.items():
            record[kind] = [item for field in forward for item in relation_items(evolution.get(field))]
            record[kind + "_by"] = [item for field in backward for item in relation_items(evolution.get(field))]
        record["clusters"] = list_of(evolution.get("clusters"))
        record["facilities"] = list_of(raw.get("relatedFacilities"))
    else:
        record["policies"] = list_of(raw.get("relatedPolicies"))
        hub = text_of(raw.get("hub"))
        record["clusters"] = [hub] if hub else []
    return record


def load_file(root, relative):
    path = os.path.join(root, relative)
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    if relative.endswith((".md", ".markdown")):
        yaml_text = front_matter(text)
        if yaml_text is None:
            return []
        raws = [yaml.load(yaml_text, Loader=TextLoader)]
    elif relative.endswith((".yaml", ".yml")):
        loaded = yaml.load(text, Loader=TextLoader)
        raws = loaded if isinstance(loaded, list) else [loaded]
    elif relative.endswith(".json"):
        loaded = json.loads(text)
        raws = loaded if isinstance(loaded, list) else [loaded]
    else:
        raws = [json.loads(line) for line in text.splitlines() if line.strip()]
    records = []
    for index, raw in enumerate(raws):
        record = normalise(raw, relative, index)
        if record is not None:
            records.append(record)
    return records


def load_chunk(task):
    root, paths = task
    records, errors = [], []
    for relative in paths:
        try:
            records.extend(load_file(root, relative))
        except (yaml.YAMLError, ValueError, UnicodeDecodeError) as error:
            errors.append(f"{relative}: {error}".splitlines()[0])
    return records, errors


# ----------------------------------------------------------------------------------------------
# The phases

def discover(root):
    paths = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in files:
            if not name.startswith(".") and name.endswith(RECORD_ENDINGS):
                paths.append(os.path.relpath(os.path.join(folder, name), root))
    paths.sort(key=lambda p: p.encode("utf-8"))
    return paths


def load(root, paths, processes):
    chunk = 256
    tasks = [(root, paths[i:i + chunk]) for i in range(0, len(paths), chunk)]
    with multiprocessing.Pool(processes) as pool:
        results = pool.map(load_chunk, tasks, chunksize=1)
    records, errors = [], []
    for chunk_records, chunk_errors in results:
        records.extend(chunk_records)
        errors.extend(chunk_errors)
    return records, errors


def merge(records, preferred):
    """One record per (kind, id): the preferred language's, else the one without language, else
    the alphabetically first language; the others add title@lang / name@lang."""
    by_key = {}
    duplicates = 0
    for record in records:  # already in byte order of path, then position in the file
        versions = by_key.setdefault((record["kind"], record["id"]), {})
        if record["lang"] in versions:
            duplicates += 1
            continue
        versions[record["lang"]] = record
    merged = {}
    for key, versions in by_key.items():
        if preferred in versions:
            chosen = preferred
        elif None in versions:
            chosen = None
        else:
            chosen = min(versions)
        primary = versions[chosen]
        label_field = "title" if key[0] == "policy" else "name"
        for language, record in versions.items():
            if language != chosen and language is not None:
                label = record["attributes"].get(label_field)
                if label is not None:
                    primary["attributes"][f"{label_field}@{language}"] = label
        merged[key] = primary
    return merged, duplicates


def build_full(merged):
    graph = nx.MultiDiGraph()

    def ensure(kind, name, label=None):
        node = f"{kind}:{name}"
        if node not in graph:
            graph.add_node(node, kind=kind, label=label or name, resolved=False)
        return node

    def group(kind, name):
        node = f"{kind}:{fold_name(name)}"
        if node not in graph:
            graph.add_node(node, kind=kind, label=name)  # labelled as first seen
        return node

    for (kind, record_id), record in sorted(merged.items(), key=lambda item: (item[0][0] != "policy", item[0])):
        node = f"{kind}:{record_id}"
        attributes = dict(record["attributes"])
        attributes["label"] = attributes.pop("title" if kind == "policy" else "name", record_id)
        attributes["kind"] = kind
        attributes["resolved"] = True
        graph.add_node(node, **attributes)

    def add_edge(source, target, kind, weight):
        if source == target:
            return  # a self-reference: dropped (policygraph reports it)
        graph.add_edge(source, target, key=kind, kind=kind, weight=weight)

    for (kind, record_id), record in merged.items():
        node = f"{kind}:{record_id}"
        for tag in record["tags"]:
            add_edge(node, group("tag", tag), "tagged", WEIGHTS["tag"])
        for cluster in record["clusters"]:
            add_edge(node, group("cluster", cluster), "member_of", WEIGHTS["cluster"])
        if kind == "policy":
            for relation in LINEAGE_KINDS:
                for older in record[relation]:
                    add_edge(node, ensure("policy", older), relation, WEIGHTS[relation])
                for newer in record[relation + "_by"]:
                    add_edge(ensure("policy", newer), node, relation, WEIGHTS[relation])
            for facility in record["facilities"]:
                add_edge(node, ensure("facility", facility), "related_facility", WEIGHTS["facility"])
        else:
            for policy in record["policies"]:
                add_edge(ensure("policy", policy), node, "related_facility", WEIGHTS["facility"])
    return graph


def policy_view(full):
    """Policy nodes; lineage edges (newer -> older, weight 3) plus `related` edges both ways
    between policies sharing a tag, cluster or facility; parallel edges summed per ordered pair
    (MODEL.md section 2 and decision 10)."""
    weights = {}
    shared = {"tag": {}, "cluster": {}, "facility": {}}
    policies = [node for node, kind in full.nodes(data="kind") if kind == "policy"]
    for source, target, kind in full.edges(keys=True):
        if kind in LINEAGE_KINDS:
            weights[(source, target)] = weights.get((source, target), 0.0) + WEIGHTS[kind]
        elif kind == "tagged" and source.startswith("policy:"):
            shared["tag"].setdefault(target, []).append(source)
        elif kind == "member_of" and source.startswith("policy:"):
            shared["cluster"].setdefault(target, []).append(source)
        elif kind == "related_facility":
            shared["facility"].setdefault(target, []).append(source)
    for group_kind, groups in shared.items():
        weight = WEIGHTS[group_kind]
        for members in groups.values():
            if len(members) < 2:
                continue
            for pair in itertools.permutations(members, 2):
                weights[pair] = weights.get(pair, 0.0) + weight
    view = nx.DiGraph()
    view.add_nodes_from(policies)
    view.add_weighted_edges_from((source, target, weight) for (source, target), weight in weights.items())
    return view


def undirected_summed(view):
    undirected = nx.Graph()
    undirected.add_nodes_from(view)
    for source, target, weight in view.edges(data="weight"):
        if undirected.has_edge(source, target):
            undirected[source][target]["weight"] += weight
        else:
            undirected.add_edge(source, target, weight=weight)
    return undirected


def graphml_writer():
    """Which writer networkx.write_graphml takes: lxml's where lxml imports (see the top)."""
    try:
        import lxml.etree  # noqa: F401
    except ImportError:
        return "xml.etree"
    return "lxml"


def graphml_ready(full):
    """NetworkX writes only scalar attributes: they all are here (lists were never kept)."""
    return full


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--out-dir", default="/tmp/policygraph-bench/baseline-out")
    parser.add_argument("--processes", type=int, default=os.cpu_count())
    parser.add_argument("--lang", default="en")
    parser.add_argument("--policy-edges", help="also write the policy view as 'source<TAB>target<TAB>weight' lines")
    parser.add_argument("--betweenness-sample", type=int, default=0, metavar="K",
                        help="also betweenness on the undirected, unweighted view from K sampled sources (0: none)")
    parser.add_argument("--skip", default="", help="phases to skip, comma-separated: louvain,graphml")
    parser.add_argument("--graphml-writer", choices=("auto", "etree"), default="auto",
                        help="auto: lxml's where lxml is installed; etree: NetworkX's own xml.etree writer")
    arguments = parser.parse_args()
    if arguments.graphml_writer == "etree":
        sys.modules["lxml"] = None  # an import of lxml now fails, and NetworkX writes with xml.etree
        sys.modules["lxml.etree"] = None
    skip = set(filter(None, arguments.skip.split(",")))
    os.makedirs(arguments.out_dir, exist_ok=True)

    phases = {}
    started = time.perf_counter()

    def timed(name, function, *args):
        begin = time.perf_counter()
        result = function(*args)
        phases[name] = round(time.perf_counter() - begin, 3)
        print(f"baseline: {name} {phases[name]:.2f} s", file=sys.stderr, flush=True)
        return result

    root = os.path.abspath(arguments.corpus)
    paths = timed("discover", discover, root)
    records, errors = timed("load", load, root, paths, arguments.processes)
    merged, duplicates = timed("merge", merge, records, arguments.lang)
    full = timed("build_full", build_full, merged)
    view = timed("policy_view", policy_view, full)
    pagerank = timed("pagerank", lambda: nx.pagerank(view, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000))
    result = {
        "corpus": root,
        "processes": arguments.processes,
        "files": len(paths),
        "records": len(records),
        "merged_records": len(merged),
        "load_errors": len(errors),
        "duplicates": duplicates,
        "full_nodes": full.number_of_nodes(),
        "full_edges": full.number_of_edges(),
        "policy_view_nodes": view.number_of_nodes(),
        "policy_view_edges": view.number_of_edges(),
        "pagerank_top10": [[node.removeprefix("policy:"), score]
                           for node, score in sorted(pagerank.items(), key=lambda item: (-item[1], item[0]))[:10]],
    }
    if arguments.betweenness_sample > 0:
        k = min(arguments.betweenness_sample, view.number_of_nodes())
        # On the undirected view, unweighted (betweenness counts hops), as MODEL.md section 3.
        timed("betweenness_sampled", lambda: nx.betweenness_centrality(nx.Graph(view), k=k, normalized=True, seed=0))
        result["betweenness_sources"] = k
    if arguments.policy_edges:
        with open(arguments.policy_edges, "w", encoding="utf-8") as stream:
            for source, target, weight in view.edges(data="weight"):
                stream.write(f"{source}\t{target}\t{weight!r}\n")
    if "louvain" not in skip:
        undirected = timed("undirected", undirected_summed, view)
        communities = timed("louvain", lambda: nx.community.louvain_communities(undirected, weight="weight", seed=0))
        result["communities"] = len(communities)
        result["modularity"] = timed("modularity", nx.community.modularity, undirected, communities, "weight")
    if "graphml" not in skip:
        output = os.path.join(arguments.out_dir, "full.graphml")
        timed("graphml", nx.write_graphml, graphml_ready(full), output)
        result["graphml_writer"] = graphml_writer()
        result["graphml_bytes"] = os.path.getsize(output)
    result["phases"] = phases
    result["total_seconds"] = round(time.perf_counter() - started, 3)
    result["max_rss_kb"] = {
        "self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "largest_child": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }
    if errors:
        result["first_errors"] = errors[:5]
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
