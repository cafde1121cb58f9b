#include "CCmarkBridge.h"
#include <cmark-gfm.h>
#include <cmark-gfm/node.h>

int derive_footnote_definition_label(void *opaque, const unsigned char **data) {
    cmark_node *node = opaque;
    if (node == NULL || node->type != CMARK_NODE_FOOTNOTE_DEFINITION) {
        *data = NULL;
        return 0;
    }
    *data = node->as.literal.data;
    return node->as.literal.len;
}

int derive_footnote_definition_reference_count(void *opaque) {
    cmark_node *node = opaque;
    if (node == NULL || node->type != CMARK_NODE_FOOTNOTE_DEFINITION) return 0;
    return node->footnote.def_count;
}

void *derive_footnote_reference_definition(void *opaque) {
    cmark_node *node = opaque;
    if (node == NULL || node->type != CMARK_NODE_FOOTNOTE_REFERENCE) return NULL;
    return node->parent_footnote_def;
}

int derive_footnote_reference_index(void *opaque) {
    cmark_node *node = opaque;
    if (node == NULL || node->type != CMARK_NODE_FOOTNOTE_REFERENCE) return 0;
    return node->footnote.ref_ix;
}
