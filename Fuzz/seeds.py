#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz harness (scripts/fuzz calls this; see Fuzz/README.md).

    Fuzz/seeds.py TARGET FOLDER

Seeds come from the repository only: the course (notes/), the test corpora (Tests/Corpora), the
fixtures (Tests/Fixtures) and the spec examples (Tests/NotebookTests/Spec, the cmark-style specs
in Tests/Corpora), each example's input alone. `document` and `note` take whole notes and
examples; `tex` takes single formulas (from those notes and from the TeX corpora); `calculus`
takes formulas one per line: all of one note's, and each one alone.
"""
import glob
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FENCE = re.compile(r"^`{32} example\n(.*?)^\.\n", re.S | re.M)


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as file:
        return file.read()


def spec_examples(text):
    """The inputs of cmark-style examples (a fence line, the input, a line with `.`)."""
    return [match.group(1).replace("\u2192", "\t") for match in FENCE.finditer(text)]


def dot_examples(text):
    """The inputs of markdown-it-py fixtures: a title line, `.`, input, `.`, output, `.`."""
    inputs = []
    parts = text.split("\n.\n")
    # parts: title, input, output, (blank+)title, input, output...
    for index in range(1, len(parts), 3):
        inputs.append(parts[index] + "\n")
    return inputs


def notes():
    """Whole notes and example inputs: what a user writes."""
    texts = [read(path) for path in sorted(glob.glob("notes/*.md", root_dir=ROOT))]
    texts += [read(path) for path in sorted(glob.glob("Tests/Corpora/ml-notes/*.md", root_dir=ROOT))]
    texts += [read(path) for path in sorted(glob.glob("Tests/Fixtures/**/*.md", root_dir=ROOT, recursive=True))]
    for path in sorted(glob.glob("Tests/NotebookTests/Spec/*.md", root_dir=ROOT)):
        texts += spec_examples(read(path))
    for path in sorted(glob.glob("Tests/Corpora/gfm-spec/*/*.txt", root_dir=ROOT)):
        texts += spec_examples(read(path))
    texts += spec_examples(read("Tests/Corpora/markdown-math/commonmark-hs-math.md"))
    for path in sorted(glob.glob("Tests/Corpora/markdown-math/mdit-*.md", root_dir=ROOT)):
        texts += dot_examples(read(path))
    return texts


MATH = re.compile(r"\$\$(.+?)\$\$|\$`(.+?)`\$|\$([^$\n]+?)\$|^```math\n(.*?)^```", re.S | re.M)


def formulas(text):
    """The TeX of the formulas of a note, roughly as Derive finds them (a seed need not be exact)."""
    return [next(group for group in match.groups() if group is not None).strip() for match in MATH.finditer(text)]


def tex_corpus():
    """Formulas of the TeX corpora."""
    found = []
    for path, key in (("Tests/Corpora/latex-math/katex/ss_data.jsonl", "tex"),
                      ("Tests/Corpora/latex-math/katex/mathml-spec-snapshots.jsonl", "tex_from_annotation"),
                      ("Tests/Corpora/latex-math/mathjax/tex-mathml.jsonl", "tex")):
        for line in read(path).splitlines():
            if line.strip():
                value = json.loads(line).get(key)
                if isinstance(value, str):
                    found.append(value)
    rows = read("Tests/Corpora/latex-math/sympy/latex-sympy-pairs.tsv").splitlines()
    column = rows[0].split("\t").index("latex")
    found += [row.split("\t")[column] for row in rows[1:] if len(row.split("\t")) > column]
    for path in sorted(glob.glob("Tests/Corpora/latex-math/temml/*.md", root_dir=ROOT)):
        found += formulas(read(path))
    return found


def main():
    target, folder = sys.argv[1], sys.argv[2]
    if target in ("document", "note"):
        seeds = notes()
    elif target == "tex":
        seeds = [tex for text in notes() for tex in formulas(text)] + tex_corpus()
    elif target == "calculus":
        one_line = lambda tex: " ".join(tex.split("\n"))
        groups = [[one_line(tex) for tex in formulas(text)] for text in notes()]
        seeds = ["\n".join(group) + "\n" for group in groups if group]
        seeds += [one_line(tex) + "\n" for group in groups for tex in group]
        seeds += [one_line(tex) + "\n" for tex in tex_corpus()]
    else:
        sys.exit(f"unknown target {target}")
    os.makedirs(folder, exist_ok=True)
    written = set()
    for seed in seeds:
        data = seed.encode("utf-8")
        if not data.strip():
            continue
        name = hashlib.sha1(data).hexdigest()
        if name not in written:
            written.add(name)
            with open(os.path.join(folder, name), "wb") as file:
                file.write(data)
    print(f"{len(written)} seeds in {folder}")


main()
