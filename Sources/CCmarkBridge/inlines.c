#include "CCmarkBridge.h"
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm/chunk.h>

int derive_inline_parser_input(void *parser, const unsigned char **data) {
    cmark_chunk *chunk = cmark_inline_parser_get_chunk(parser);
    if (chunk == NULL) {
        *data = NULL;
        return 0;
    }
    *data = chunk->data;
    return chunk->len;
}
