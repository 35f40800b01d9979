#include "CCmarkGFM.h"
#include <pthread.h>

/* cmark-gfm registers its extensions in a global list without a lock: once, whichever
   thread (tests run in parallel) gets here first. */
static pthread_once_t registered = PTHREAD_ONCE_INIT;

static void register_extensions(void) {
    cmark_gfm_core_extensions_ensure_registered();
}

cmark_parser *icmark_parser_new(void) {
    pthread_once(&registered, register_extensions);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
    static const char *const names[] = {"table", "tasklist", "strikethrough", "autolink"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        cmark_syntax_extension *extension = cmark_find_syntax_extension(names[i]);
        if (extension) cmark_parser_attach_syntax_extension(parser, extension);
    }
    return parser;
}
