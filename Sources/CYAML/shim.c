#include "CYAML.h"
#include <stdlib.h>

yaml_parser_t *iyaml_parser_new(const unsigned char *input, size_t size) {
    yaml_parser_t *parser = malloc(sizeof *parser);
    if (!parser) return NULL;
    if (!yaml_parser_initialize(parser)) {
        free(parser);
        return NULL;
    }
    /* The text is Swift's, so UTF-8: no guessing from a byte order mark. */
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING);
    /* libyaml asserts a non-null input; an empty Swift string may give none. */
    yaml_parser_set_input_string(parser, input ? input : (const unsigned char *)"", size);
    return parser;
}

void iyaml_parser_free(yaml_parser_t *parser) {
    if (!parser) return;
    yaml_parser_delete(parser);
    free(parser);
}
