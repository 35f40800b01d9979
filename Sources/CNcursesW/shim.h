#ifndef INTERVIEW_CNCURSESW_SHIM_H
#define INTERVIEW_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, without which the wide-character
   API (get_wch, add_wch, setcchar) is not declared. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <wchar.h>

/* Swift 6 rejects C globals and function-like macros: expose them as functions. */
static inline WINDOW *ishim_stdscr(void) { return stdscr; }
static inline int ishim_lines(void) { return LINES; }
static inline int ishim_cols(void) { return COLS; }
static inline int ishim_colors(void) { return COLORS; }
static inline attr_t ishim_a_bold(void) { return A_BOLD; }
static inline attr_t ishim_a_dim(void) { return A_DIM; }
static inline attr_t ishim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ishim_a_reverse(void) { return A_REVERSE; }
static inline attr_t ishim_a_italic(void) { return A_ITALIC; }
static inline attr_t ishim_a_normal(void) { return A_NORMAL; }
static inline int ishim_key_resize(void) { return KEY_RESIZE; }
static inline int ishim_err(void) { return ERR; }

static inline int ishim_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && strcmp(cs, "UTF-8") == 0;
}

/* The terminal's width of a character. Declared here: without _XOPEN_SOURCE (see
   above) wchar.h hides it. */
extern int wcwidth(wchar_t c);
static inline int ishim_wcwidth(wchar_t c) { return wcwidth(c); }

/* Whether the terminal's size differs from what curses knows, and if so makes curses
   take it. ncurses learns a resize from SIGWINCH, and a signal that lands while it
   handles the one before is lost in a storm of resizes: this asks the terminal. */
static inline int ishim_catch_up_size(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
    if (!is_term_resized(ws.ws_row, ws.ws_col)) return 0;
    resize_term(ws.ws_row, ws.ws_col);
    return 1;
}

/* Whether the keyboard is gone: the terminal closed (its window, the connection) and
   no SIGHUP came, as when the program runs in a session of its own. Every read then
   fails at once, and without this the key loop would spin until killed. */
static inline int ishim_input_hung_up(void) {
    struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
    if (poll(&input, 1, 0) < 0) return 0;
    return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* The key code ncurses gives the sequence of a terminfo key capability ("kLFT5"), or
   0 when the terminal has none: key_defined takes the sequence, not the name. */
static inline int ishim_key_code(const char *capability) {
    const char *sequence = tigetstr(capability);
    if (sequence == NULL || sequence == (char *)-1) return 0;
    int code = key_defined(sequence);
    return code > 0 ? code : 0;
}

/* ---- Bracketed paste -----------------------------------------------------
   A paste is text, not keys: with the terminal's bracketed paste mode on (terminfo
   BE, off with BD) a paste arrives between the PS and PE sequences, bound here to two
   key codes. Many terminfo entries lack these (screen-256color, which tmux users often
   have, alacritty, gnome-256color) though their terminals support the mode: then the
   xterm sequences every terminal with the mode uses, as readline and vim send them; a
   terminal without it ignores a private mode it does not know.
   The mode is the program's only while it runs: off on the way out (the crash handler
   included) and while suspended (Ctrl-Z), on again after `fg`. */
static char ishim_paste_on[32] = {0};
static char ishim_paste_off[32] = {0};
/* Initialized: a tentative definition is not emitted for the Swift importer. */
static struct sigaction ishim_curses_stop = { .sa_flags = 0 };

static inline const char *ishim_capability(const char *name, const char *otherwise) {
    const char *value = tigetstr(name);
    return value != NULL && value != (char *)-1 && *value != 0 ? value : otherwise;
}

/* Async-signal-safe. */
static inline void ishim_write(const char *text) {
    size_t length = strlen(text);
    if (length == 0) return;
    ssize_t ignored = write(STDOUT_FILENO, text, length);
    (void)ignored;
}

/* Ctrl-Z: ncurses' own handler puts the terminal back and stops the program; it
   returns once the program is continued. */
static inline void ishim_on_stop(int signo) {
    ishim_write(ishim_paste_off);
    ishim_curses_stop.sa_handler(signo);
    ishim_write(ishim_paste_on);
}

/* Turns bracketed paste on, and says the sequences that start and end a paste (1), or
   0 if it could not be turned on. */
static inline int ishim_bracketed_paste_on(int start_code, int end_code, const char **start_mark, const char **end_mark) {
    const char *on = ishim_capability("BE", "\033[?2004h"), *off = ishim_capability("BD", "\033[?2004l");
    const char *start = ishim_capability("PS", "\033[200~"), *end = ishim_capability("PE", "\033[201~");
    if (strlen(on) >= sizeof ishim_paste_on || strlen(off) >= sizeof ishim_paste_off) return 0;
    if (define_key(start, start_code) == ERR || define_key(end, end_code) == ERR) return 0;
    strcpy(ishim_paste_on, on);
    strcpy(ishim_paste_off, off);
    ishim_write(ishim_paste_on);
    /* Wrap ncurses' SIGTSTP handler, when it installed one (not when the signal was ignored). */
    if (sigaction(SIGTSTP, NULL, &ishim_curses_stop) == 0 && !(ishim_curses_stop.sa_flags & SA_SIGINFO)
        && ishim_curses_stop.sa_handler != SIG_DFL && ishim_curses_stop.sa_handler != SIG_IGN) {
        struct sigaction stop = ishim_curses_stop;
        stop.sa_handler = ishim_on_stop;
        sigaction(SIGTSTP, &stop, NULL);
    }
    *start_mark = start;
    *end_mark = end;
    return 1;
}

/* Async-signal-safe: also called by the crash handler. */
static inline void ishim_bracketed_paste_off(void) {
    ishim_write(ishim_paste_off);
    ishim_paste_on[0] = 0;
    ishim_paste_off[0] = 0;
}

/* Waits up to `milliseconds` for input; 1 when some is there. */
static inline int ishim_wait_for_input(int milliseconds) {
    struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
    return poll(&input, 1, milliseconds) > 0 && (input.revents & POLLIN) != 0;
}

/* Draws one grapheme cluster (up to CCHARW_MAX wide characters) at y, x. */
static inline int ishim_put(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, (short)0, &pair) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* ---- Signals and crashes -------------------------------------------------
   A terminating signal must leave a usable terminal; a fatal error must print
   its message where the user can read it. While the screen is up, stderr goes
   to an unlinked temporary file; on exit or crash it is copied back to the
   real stderr after endwin(). Only async-signal-safe calls in the handlers
   (endwin is not strictly so, but it is what every curses program does). */

static volatile sig_atomic_t ishim_pending_signal = 0;
static int ishim_saved_stderr = -1;
static int ishim_captured_stderr = -1;

static inline int ishim_take_signal(void) {
    int s = ishim_pending_signal;
    ishim_pending_signal = 0;
    return s;
}

static inline void ishim_release_stderr(void) {
    if (ishim_saved_stderr < 0) return;
    dup2(ishim_saved_stderr, 2);
    if (ishim_captured_stderr >= 0) {
        char buf[4096];
        ssize_t n;
        lseek(ishim_captured_stderr, 0, SEEK_SET);
        while ((n = read(ishim_captured_stderr, buf, sizeof buf)) > 0) {
            ssize_t ignored = write(2, buf, (size_t)n);
            (void)ignored;
        }
        close(ishim_captured_stderr);
        ishim_captured_stderr = -1;
    }
    close(ishim_saved_stderr);
    ishim_saved_stderr = -1;
}

static inline void ishim_capture_stderr(const char *dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s/interview-stderr-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0) return;
    unlink(path);
    ishim_saved_stderr = dup(2);
    ishim_captured_stderr = fd;
    dup2(fd, 2);
}

static inline void ishim_on_request(int signo) { ishim_pending_signal = signo; }

static inline void ishim_on_crash(int signo) {
    ishim_bracketed_paste_off();
    endwin();
    ishim_release_stderr();
    signal(signo, SIG_DFL);
    raise(signo);
}

static inline void ishim_install_signal_handlers(void) {
    /* A parent may have blocked these (a test harness, a launcher): blocked, a closed
       terminal would never reach us and a resize would never redraw. */
    sigset_t ours;
    sigemptyset(&ours);
    sigaddset(&ours, SIGHUP);
    sigaddset(&ours, SIGTERM);
    sigaddset(&ours, SIGINT);
    sigaddset(&ours, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &ours, NULL);

    struct sigaction request;
    memset(&request, 0, sizeof request);
    request.sa_handler = ishim_on_request;
    sigemptyset(&request.sa_mask);
    /* No SA_RESTART: the blocking key read returns so the loop sees the signal. */
    sigaction(SIGHUP, &request, NULL);
    sigaction(SIGTERM, &request, NULL);
    sigaction(SIGINT, &request, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = ishim_on_crash;
    sigemptyset(&crash.sa_mask);
    sigaction(SIGSEGV, &crash, NULL);
    sigaction(SIGILL, &crash, NULL);
    sigaction(SIGTRAP, &crash, NULL);
    sigaction(SIGABRT, &crash, NULL);
    sigaction(SIGBUS, &crash, NULL);
    sigaction(SIGFPE, &crash, NULL);
}

#endif
