// The Calculus module; see ../../README.md and ../shared/DESIGN.md.
