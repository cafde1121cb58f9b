// The Document module: cmark-gfm bridge, the math extension, the document tree.
