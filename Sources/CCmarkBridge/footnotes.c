#include "CCmarkBridge.h"
#include <cmark-gfm/node.h>

int derive_footnote_definition_label(cmark_node *node, const unsigned char **data) {
    if (node == NULL || node->type != CMARK_NODE_FOOTNOTE_DEFINITION) {
        *data = NULL;
        return 0;
    }
    *data = node->as.literal.data;
    return node->as.literal.len;
}

int derive_footnote_definition_reference_count(cmark_node *node) {
    if (node == NULL || node->type != CMARK_NODE_FOOTNOTE_DEFINITION) return 0;
    return node->footnote.def_count;
}

cmark_node *derive_footnote_reference_definition(cmark_node *node) {
    if (node == NULL || node->type != CMARK_NODE_FOOTNOTE_REFERENCE) return NULL;
    return node->parent_footnote_def;
}

int derive_footnote_reference_index(cmark_node *node) {
    if (node == NULL || node->type != CMARK_NODE_FOOTNOTE_REFERENCE) return 0;
    return node->footnote.ref_ix;
}
