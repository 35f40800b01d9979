#ifndef INTERVIEW_CCMARKGFM_H
#define INTERVIEW_CCMARKGFM_H

/* GitHub's CommonMark parser (cmark-gfm) with its extensions (tables, task lists,
   strikethrough, autolinks), for `interview import` only: InterviewImport reads
   a Markdown article's block structure and source positions through it. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/* A parser with source positions and the GFM extensions attached; the caller frees it
   with cmark_parser_free after cmark_parser_finish. */
cmark_parser *icmark_parser_new(void);

#endif
