#ifndef INTERVIEW_CSQLITE_H
#define INTERVIEW_CSQLITE_H

/* SQLite's C API, for the index of session files (InterviewIndex, docs/index.md): the
   Swift side wraps the few calls it needs (Sources/InterviewIndex/SQLite). */
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast of -1 to a function pointer, a macro Swift cannot import:
   the value that tells sqlite3_bind_text to copy the text before the call returns. */
static inline sqlite3_destructor_type isqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
