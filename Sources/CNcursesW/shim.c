#define _GNU_SOURCE
#include "CNcursesW.h"
#include <ncursesw/term.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

WINDOW *ishim_stdscr(void) { return stdscr; }
int ishim_lines(void) { return LINES; }
int ishim_cols(void) { return COLS; }
int ishim_colors(void) { return COLORS; }
attr_t ishim_a_bold(void) { return A_BOLD; }
attr_t ishim_a_dim(void) { return A_DIM; }
attr_t ishim_a_underline(void) { return A_UNDERLINE; }
attr_t ishim_a_reverse(void) { return A_REVERSE; }
attr_t ishim_a_italic(void) { return A_ITALIC; }
attr_t ishim_a_normal(void) { return A_NORMAL; }

int ishim_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && strcmp(cs, "UTF-8") == 0;
}

int ishim_wcwidth(wchar_t c) { return wcwidth(c); }

/* The terminal's input and output (standard input and output, or a pty in tests). */
static int ishim_in = 0, ishim_out = 1;

/* Async-signal-safe. */
static void ishim_write_all(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, text, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text += n;
        length -= (size_t)n;
    }
}

static FILE *ishim_screen_output = NULL;

/* ---- Frames ------------------------------------------------------------- */
static int ishim_frame_buffer = -1;   /* a memfd that takes ncurses' output during a frame */
static volatile int ishim_frame_terminal = -1;  /* the terminal's fd 1, set aside during a frame */

/* The descriptor ncurses writes to. */
static int ishim_screen_fd(void) { return ishim_screen_output != NULL ? fileno(ishim_screen_output) : ishim_out; }

void ishim_frame_begin(void) {
    if (ishim_frame_buffer < 0) ishim_frame_buffer = memfd_create("interview-frame", MFD_CLOEXEC);
    if (ishim_frame_buffer < 0) return;
    fflush(ishim_screen_output);
    int terminal = dup(ishim_screen_fd());
    if (terminal < 0) return;
    if (dup2(ishim_frame_buffer, ishim_screen_fd()) < 0) {
        close(terminal);
        return;
    }
    ishim_frame_terminal = terminal;
}

int ishim_frame_end(void) {
    int terminal = ishim_frame_terminal;
    if (terminal < 0) return 0;
    fflush(ishim_screen_output);
    dup2(terminal, ishim_screen_fd());
    ishim_frame_terminal = -1;
    close(terminal);
    off_t size = lseek(ishim_frame_buffer, 0, SEEK_CUR);
    int writes = 0;
    if (size > 0) {
        char *bytes = malloc((size_t)size);
        if (bytes != NULL && pread(ishim_frame_buffer, bytes, (size_t)size, 0) == size) {
            size_t done = 0;
            while (done < (size_t)size) {
                ssize_t n = write(ishim_screen_fd(), bytes + done, (size_t)size - done);
                writes++;
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                done += (size_t)n;
            }
        }
        free(bytes);
    }
    if (ftruncate(ishim_frame_buffer, 0) != 0) { /* the next frame overwrites from 0 all the same */ }
    lseek(ishim_frame_buffer, 0, SEEK_SET);
    return writes;
}

/* A crash inside a frame: the terminal gets its descriptor back before anything is written. */
static void ishim_frame_abandon(void) {
    int terminal = ishim_frame_terminal;
    if (terminal >= 0) {
        dup2(terminal, ishim_screen_fd());
        ishim_frame_terminal = -1;
    }
}

int ishim_put(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, (short)0, &pair) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* ---- Bracketed paste ----------------------------------------------------- */
static char ishim_paste_on[64] = {0};
static char ishim_paste_off[64] = {0};
static struct sigaction ishim_curses_stop;

static const char *ishim_capability(const char *name, const char *otherwise) {
    const char *value = tigetstr(name);
    return value != NULL && value != (char *)-1 && *value != 0 ? value : otherwise;
}

/* Ctrl-Z: ncurses' own handler puts the terminal back and stops the program; it
   returns once the program is continued. */
static void ishim_on_stop(int signo) {
    ishim_write_all(ishim_out, ishim_paste_off, strlen(ishim_paste_off));
    ishim_curses_stop.sa_handler(signo);
    ishim_write_all(ishim_out, ishim_paste_on, strlen(ishim_paste_on));
}

/* Mouse reports, SGR form (1006) of presses and the wheel (1000): switched off with the
   bracketed paste, on every way out, and back on after Ctrl-Z and fg. */
void ishim_mouse_on(void) {
    static const char on[] = "\033[?1000h\033[?1006h", off[] = "\033[?1006l\033[?1000l";
    if (strlen(ishim_paste_on) + strlen(on) >= sizeof ishim_paste_on
        || strlen(ishim_paste_off) + strlen(off) >= sizeof ishim_paste_off) return;
    strcat(ishim_paste_on, on);
    strcat(ishim_paste_off, off);
    ishim_write_all(ishim_out, on, strlen(on));
}

void ishim_bracketed_paste_on(void) {
    const char *on = ishim_capability("BE", "\033[?2004h"), *off = ishim_capability("BD", "\033[?2004l");
    if (strlen(on) >= sizeof ishim_paste_on || strlen(off) >= sizeof ishim_paste_off) return;
    strcpy(ishim_paste_on, on);
    strcpy(ishim_paste_off, off);
    ishim_write_all(ishim_out, ishim_paste_on, strlen(ishim_paste_on));
    /* Wrap ncurses' SIGTSTP handler, when it installed one (not when the signal was ignored). */
    if (sigaction(SIGTSTP, NULL, &ishim_curses_stop) == 0 && !(ishim_curses_stop.sa_flags & SA_SIGINFO)
        && ishim_curses_stop.sa_handler != SIG_DFL && ishim_curses_stop.sa_handler != SIG_IGN
        && ishim_curses_stop.sa_handler != ishim_on_stop) {
        struct sigaction stop = ishim_curses_stop;
        stop.sa_handler = ishim_on_stop;
        sigaction(SIGTSTP, &stop, NULL);
    }
}

/* Async-signal-safe: also called by the crash handler. */
void ishim_bracketed_paste_off(void) {
    ishim_write_all(ishim_out, ishim_paste_off, strlen(ishim_paste_off));
    ishim_paste_on[0] = 0;
    ishim_paste_off[0] = 0;
}

/* ---- Screen ------------------------------------------------------------- */
static SCREEN *ishim_screen = NULL;

int ishim_open(const char *type, int input, int output) {
    struct rlimit none = { 0, 0 };
    setrlimit(RLIMIT_CORE, &none);
    ishim_in = input;
    ishim_out = output;
    FILE *out = output == 1 ? stdout : fdopen(dup(output), "w");
    FILE *in = input == 0 ? stdin : fdopen(dup(input), "r");
    if (out == NULL || in == NULL) return 0;
    ishim_screen_output = out;
    ishim_screen = newterm(type, out, in);
    if (ishim_screen == NULL) return 0;
    set_term(ishim_screen);
    cbreak();
    noecho();
    nonl();
    curs_set(0);
    return 1;
}

void ishim_close(void) {
    ishim_frame_abandon();
    ishim_bracketed_paste_off();
    if (ishim_screen != NULL) {
        endwin();
        delscreen(ishim_screen);
        ishim_screen = NULL;
    }
}

int ishim_catch_up_size(void) {
    struct winsize ws;
    if (ioctl(ishim_out, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
    if (!is_term_resized(ws.ws_row, ws.ws_col)) return 0;
    resizeterm(ws.ws_row, ws.ws_col);
    return 1;
}

int ishim_read(unsigned char *buffer, int capacity, int milliseconds) {
    struct pollfd input = { .fd = ishim_in, .events = POLLIN, .revents = 0 };
    int ready = poll(&input, 1, milliseconds);
    if (ready < 0) return errno == EINTR ? -1 : -2;
    if (ready == 0) return 0;
    if (input.revents & POLLIN) {
        ssize_t n = read(ishim_in, buffer, (size_t)capacity);
        if (n > 0) return (int)n;
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) return -1;
        return -2;
    }
    /* A terminal that went away without a SIGHUP (the program in a session of its own):
       every read would fail at once, and the key loop would spin until killed. */
    return -2;
}

/* ---- Signals and crashes -------------------------------------------------
   A terminating signal must leave a usable terminal; a fatal error must print its
   message where the user can read it. Only async-signal-safe calls in the handlers
   (endwin is not strictly so, but it is what every curses program does). */
static volatile sig_atomic_t ishim_pending_signal = 0;
static volatile sig_atomic_t ishim_resized = 0;
static int ishim_saved_stderr = -1;
static int ishim_captured_stderr = -1;

int ishim_take_signal(void) {
    int s = ishim_pending_signal;
    ishim_pending_signal = 0;
    return s;
}

int ishim_take_resize(void) {
    int r = ishim_resized;
    ishim_resized = 0;
    return r;
}

void ishim_release_stderr(void) {
    if (ishim_saved_stderr < 0) return;
    dup2(ishim_saved_stderr, 2);
    if (ishim_captured_stderr >= 0) {
        char buf[4096];
        ssize_t n;
        lseek(ishim_captured_stderr, 0, SEEK_SET);
        while ((n = read(ishim_captured_stderr, buf, sizeof buf)) > 0) ishim_write_all(2, buf, (size_t)n);
        close(ishim_captured_stderr);
        ishim_captured_stderr = -1;
    }
    close(ishim_saved_stderr);
    ishim_saved_stderr = -1;
}

void ishim_capture_stderr(const char *folder) {
    char path[4096];
    snprintf(path, sizeof path, "%s/interview-stderr-XXXXXX", folder);
    int fd = mkstemp(path);
    if (fd < 0) return;
    unlink(path);
    ishim_saved_stderr = dup(2);
    ishim_captured_stderr = fd;
    dup2(fd, 2);
}

static void ishim_on_request(int signo) { ishim_pending_signal = signo; }
static void ishim_on_resize(int signo) { (void)signo; ishim_resized = 1; }

static void ishim_on_crash(int signo) {
    ishim_frame_abandon();
    ishim_bracketed_paste_off();
    endwin();
    ishim_release_stderr();
    signal(signo, SIG_DFL);
    raise(signo);
}

void ishim_install_signal_handlers(void) {
    /* Signals that ask the program to leave: it saves, restores the terminal, and says
       where the session is. Every signal whose default action ends the process is one
       (the real-time ones too), except the crashes below and SIGKILL and SIGSTOP, which
       cannot be caught. Unblocked, since a parent (a test harness, a launcher) may have
       blocked them: blocked, a closed terminal would never reach us. */
    static const int requests[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ,
                                    SIGVTALRM, SIGPROF, SIGIO,
#ifdef SIGPWR
                                    SIGPWR,
#endif
#ifdef SIGSTKFLT
                                    SIGSTKFLT,
#endif
    };
    static const int crashes[] = { SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSYS };
    sigset_t ours;
    sigemptyset(&ours);
    for (size_t i = 0; i < sizeof requests / sizeof *requests; i++) sigaddset(&ours, requests[i]);
    for (int s = SIGRTMIN; s <= SIGRTMAX; s++) sigaddset(&ours, s);
    sigaddset(&ours, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &ours, NULL);

    struct sigaction request;
    memset(&request, 0, sizeof request);
    request.sa_handler = ishim_on_request;
    sigemptyset(&request.sa_mask);
    /* No SA_RESTART: the wait for input returns so the loop sees the signal. */
    for (size_t i = 0; i < sizeof requests / sizeof *requests; i++) sigaction(requests[i], &request, NULL);
    /* SIGRTMIN is a call in glibc (the C library keeps the first few for its threads). */
    for (int s = SIGRTMIN; s <= SIGRTMAX; s++) sigaction(s, &request, NULL);

    struct sigaction resize = request;
    resize.sa_handler = ishim_on_resize;
    sigaction(SIGWINCH, &resize, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = ishim_on_crash;
    sigemptyset(&crash.sa_mask);
    for (size_t i = 0; i < sizeof crashes / sizeof *crashes; i++) sigaction(crashes[i], &crash, NULL);
}
