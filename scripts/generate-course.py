#!/usr/bin/env python3
"""Writes a course of N generated notes (default 1000) for benchmarks.

Three shapes (`--shape`):
- `network` (the default): about 25 formulas a note: bindings, definitions of a small sigmoid
  network, a loss, and claimed derivatives in the note language, plus prose, a list and a
  table, so that the Markdown part is realistic too.
- `chain`: each note defines the sigmoid as its own function f and speaks of its derivative
  (so each page gets a plot of both), builds a 10-layer chain h_j = f(w_j h_{j-1} + 0.1), a loss
  L = (0.5 - h_{10})^2, and claims its derivatives back through the chain.
- `distinct`: the chain with a bias and a target of each note's own (0.1 and 0.5 followed by
  the note's number), so that its layers, loss and claims are formulas no other note says: a
  course with few formulas in common, which the caches of repeated formulas cannot help (only
  the sigmoid, its derivative and the learning rate recur, and some weights by chance).
Deterministic: the same shape and N give the same files.

usage: scripts/generate-course.py FOLDER [N] [--shape network|chain|distinct]
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


def chain_note(index: int, rng: random.Random, distinct: bool = False) -> str:
    x = round(rng.uniform(0.05, 0.95), 2)
    w = [round(rng.uniform(-2, 2), 2) for _ in range(10)]
    bias, target = (f"0.1{index:04d}", f"0.5{index:04d}") if distinct else ("0.1", "0.5")
    weights = ", ".join(f"$w_{{{j}}} = {w[j - 1]}$" for j in range(1, 11))
    layers = "\n".join(f"$$\nh_{{{j}}} = f(w_{{{j}}} h_{{{j - 1}}} + {bias})\n$$\n" for j in range(1, 11))
    # ∂L/∂h_j for j = 10 down to 7, each from the one before: (∂L/∂h_{j+1}) σ'·w_{j+1}.
    backward = []
    factor = f"-2({target} - h_{{10}})"
    backward.append(f"$$\n\\frac{{\\partial L}}{{\\partial h_{{10}}}} = {factor}\n$$\n")
    for j in range(9, 6, -1):
        factor += f"\\, h_{{{j + 1}}}(1 - h_{{{j + 1}}})\\, w_{{{j + 1}}}"
        backward.append(f"$$\n\\frac{{\\partial L}}{{\\partial h_{{{j}}}}} = {factor}\n$$\n")
    backward_text = "\n".join(backward)
    return f"""# Chain {index}: ten sigmoid layers

A signal goes through ten layers, each a weight, a bias of {bias} and the sigmoid
$f(z) = \\frac{{1}}{{1 + e^{{-z}}}}$, whose derivative is
$f'(z) = f(z)(1 - f(z))$. The loss compares the last layer with {target}.

## Values

The input is $h_0 = {x}$; the weights are {weights}.

## Forward

{layers}
$$
L = ({target} - h_{{10}})^2
$$

## Backward

Each step back multiplies by the slope of the layer's sigmoid and by its weight:

{backward_text}
A *learning rate* $\\eta = 0.1$ moves each weight against its gradient.
"""


SHAPES = {"network": note, "chain": chain_note, "distinct": lambda index, rng: chain_note(index, rng, distinct=True)}


def main() -> None:
    args = sys.argv[1:]
    shape = "network"
    if "--shape" in args:
        at = args.index("--shape")
        if at + 1 >= len(args) or args[at + 1] not in SHAPES:
            sys.exit(__doc__)
        shape = args[at + 1]
        del args[at:at + 2]
    if not args:
        sys.exit(__doc__)
    folder = args[0]
    count = int(args[1]) if len(args) > 1 else 1000
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(2026)
    make = SHAPES[shape]
    for index in range(1, count + 1):
        with open(os.path.join(folder, f"lesson-{index:04d}.md"), "w", encoding="utf-8") as out:
            out.write(make(index, rng))


if __name__ == "__main__":
    main()
