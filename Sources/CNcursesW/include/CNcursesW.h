#ifndef INTERVIEW_CNCURSESW_H
#define INTERVIEW_CNCURSESW_H

/* The C side of the ncurses backend: what Swift 6 cannot reach by itself (C globals,
   function-like macros), and what must run in a signal handler or around ncurses'
   output. Only the InterviewTerminal module imports this. */

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, without which the wide-character
   API (get_wch, add_wch, setcchar) is not declared. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <wchar.h>

/* Globals and macros as functions. */
WINDOW *ishim_stdscr(void);
int ishim_lines(void);
int ishim_cols(void);
int ishim_colors(void);
attr_t ishim_a_bold(void);
attr_t ishim_a_dim(void);
attr_t ishim_a_underline(void);
attr_t ishim_a_reverse(void);
attr_t ishim_a_italic(void);
attr_t ishim_a_normal(void);
int ishim_locale_is_utf8(void);
/* The terminal's width of a character (libc's, which ncurses and tmux use). */
int ishim_wcwidth(wchar_t c);

/* Opens the screen on a terminal's input and output (0 and 1, or a pty in tests) with
   newterm, so that an unknown TERM is an answer rather than an exit inside ncurses:
   1 when it is up, 0 when the terminal type (NULL: $TERM) has no terminfo entry. Also
   turns core dumps off: a core would hold the notes. */
int ishim_open(const char *type, int input, int output);
/* Puts the terminal back: bracketed paste off, the normal screen, the line modes. */
void ishim_close(void);

/* Whether the terminal's size differs from what curses knows, and if so makes curses
   take it. A resize signal that lands while the one before is handled is lost in a
   storm of resizes: this asks the terminal. */
int ishim_catch_up_size(void);
/* 1 once after SIGWINCH. */
int ishim_take_resize(void);

/* Waits up to `milliseconds` for input and reads what is there: the count of bytes,
   0 when the time ran out, -1 when a signal came first, -2 when the terminal is gone. */
int ishim_read(unsigned char *buffer, int capacity, int milliseconds);

/* A frame is one write: ncurses flushes at every cursor move (a first frame was 112
   writes); between begin and end its output is kept in memory, then sent at once.
   `end` returns the number of write calls it took (1 unless the terminal took part). */
void ishim_frame_begin(void);
int ishim_frame_end(void);

/* Draws one grapheme cluster (up to CCHARW_MAX wide characters) at y, x. */
int ishim_put(int y, int x, const wchar_t *wch, attr_t attrs, int pair);

/* Bracketed paste: on while the screen is up (terminfo BE/BD, else xterm's sequences,
   which every terminal with the mode takes), off on every way out and while stopped. */
void ishim_bracketed_paste_on(void);
void ishim_bracketed_paste_off(void);
/* After ishim_bracketed_paste_on: mouse reports on, off with the bracketed paste. */
void ishim_mouse_on(void);

/* While the screen is up stderr goes to an unlinked file, copied back on the way out. */
void ishim_capture_stderr(const char *folder);
void ishim_release_stderr(void);

/* Signals: requests to leave (saved and restored by the program) are taken by
   `ishim_take_signal`; crashes restore the terminal and re-raise. */
void ishim_install_signal_handlers(void);
int ishim_take_signal(void);

#endif
