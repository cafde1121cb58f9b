#!/usr/bin/env python3
"""Writes a course of N generated notes (default 1000) for benchmarks.

Each note has about 25 formulas: bindings, definitions of a small sigmoid network, a loss,
and claimed derivatives in the note language, plus prose, a list and a table, so that the
Markdown part is realistic too. Deterministic: the same N gives the same files.

usage: scripts/generate-course.py FOLDER [N]
"""
import os
import random
import sys


def note(index: int, rng: random.Random) -> str:
    x1, x2, y = (round(rng.uniform(0.05, 0.95), 2) for _ in range(3))
    w = [round(rng.uniform(-1, 1), 2) for _ in range(6)]
    b1, b2 = round(rng.uniform(0, 1), 2), round(rng.uniform(0, 1), 2)
    return f"""# Lesson {index}: a small network, example {index}

This lesson follows one example through a two-input network. The numbers change from
lesson to lesson; the formulas stay the same, and every claim below is checked.

## Values

The inputs are $x_1 = {x1}$ and $x_2 = {x2}$, the target is $y = {y}$.

| weight | value |
|---|---|
| $w_1 = {w[0]}$ | first input to $h_1$ |
| $w_2 = {w[1]}$ | second input to $h_1$ |
| $w_3 = {w[2]}$ | first input to $h_2$ |
| $w_4 = {w[3]}$ | second input to $h_2$ |
| $w_5 = {w[4]}$ | $h_1$ to the output |
| $w_6 = {w[5]}$ | $h_2$ to the output |

Biases: $b_1 = {b1}$ and $b_2 = {b2}$.

## Forward

$$
n_1 = x_1 w_1 + x_2 w_2 + b_1
$$

$$
n_2 = x_1 w_3 + x_2 w_4 + b_1
$$

$$
h_1 = \\sigma(n_1), \\quad h_2 = \\sigma(n_2)
$$

$$
n_3 = h_1 w_5 + h_2 w_6 + b_2
$$

$$
a = \\sigma(n_3)
$$

- the loss is $L = \\frac{{1}}{{2}}(a - y)^2$;
- its derivative with respect to the output is $\\frac{{\\partial L}}{{\\partial a}} = a - y$;
- the sigmoid's derivative is $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$.

## Backward

$$
\\frac{{\\partial L}}{{\\partial w_5}} = (a - y)\\, a(1 - a)\\, h_1
$$

$$
\\frac{{\\partial L}}{{\\partial w_6}} = (a - y)\\, a(1 - a)\\, h_2
$$

$$
\\frac{{\\partial L}}{{\\partial w_1}} = (a - y)\\, a(1 - a)\\, w_5\\, h_1(1 - h_1)\\, x_1
$$

$$
\\frac{{\\partial L}}{{\\partial w_2}} = (a - y)\\, a(1 - a)\\, w_5\\, h_1(1 - h_1)\\, x_2
$$

A *learning rate* $\\eta = 0.5$ moves each weight against its gradient.
"""


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(2026)
    for index in range(1, count + 1):
        with open(os.path.join(folder, f"lesson-{index:04d}.md"), "w", encoding="utf-8") as out:
            out.write(note(index, rng))


if __name__ == "__main__":
    main()
