#ifndef DERIVE_CCMARKBRIDGE_H
#define DERIVE_CCMARKBRIDGE_H

/* Nodes are passed as `void *` (a `cmark_node *`): including <cmark-gfm.h> here as well as in
   the CCmarkGFM module would give Swift two copies of its declarations. */

/// What libcmark-gfm 0.29.0.gfm.6 keeps only in its internal structs: footnote facts (in the
/// node struct, <cmark-gfm/node.h>) and the bytes an inline parser reads (in `cmark_chunk`,
/// <cmark-gfm/chunk.h>). Debian's libcmark-gfm-dev ships both headers; nothing else here
/// depends on internals.

/// The label of a footnote definition node (`[^label]: ...`), not NUL-terminated.
/// Returns its length and stores a pointer to its bytes in `data`; 0 for other nodes.
int derive_footnote_definition_label(void *node, const unsigned char **data);

/// How many references point at a footnote definition.
int derive_footnote_definition_reference_count(void *node);

/// For a footnote reference: the definition it points to (NULL if none).
void *derive_footnote_reference_definition(void *node);

/// For a footnote reference: its 1-based index among the references to the same definition.
int derive_footnote_reference_index(void *node);

/// The bytes an inline parser (a `cmark_inline_parser *`) is parsing: the content of the block
/// whose inlines are being read, valid while they are. Returns their count and stores a pointer
/// to them in `data`.
int derive_inline_parser_input(void *parser, const unsigned char **data);

#endif
