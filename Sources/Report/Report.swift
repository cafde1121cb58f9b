// The Report module; see ../../README.md and ../shared/DESIGN.md.
