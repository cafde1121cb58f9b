/// What `render --version` prints: the version of Derive. Raise it with each release.
let deriveVersion = "0.19.0"
