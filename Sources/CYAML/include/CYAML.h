#ifndef INTERVIEW_CYAML_H
#define INTERVIEW_CYAML_H

/* libyaml, the reference YAML parser in C, for a bank's front matter only: InterviewCore
   reads its events (docs/bank-format.md). Used directly rather than through Yams, whose
   Swift layer needs full Foundation and so ICU (docs/install.md). */
#include <stddef.h>
#include <yaml.h>

/* A parser of `size` bytes of UTF-8 at `input`, which must outlive it, or NULL when out
   of memory; the caller frees it with iyaml_parser_free. */
yaml_parser_t *iyaml_parser_new(const unsigned char *input, size_t size);

void iyaml_parser_free(yaml_parser_t *parser);

#endif
