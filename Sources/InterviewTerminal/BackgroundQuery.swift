#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore
import Synchronization

/// Asks the terminal for its background colour (OSC 11) before the screen opens, and for
/// its device attributes (DA1, `ESC [ c`) right after: every terminal answers DA1 (tmux
/// itself does), and answers in order, so the DA1 answer coming says that no colour is
/// coming. A terminal that does not know OSC 11 costs one round trip, not a timeout.
public enum BackgroundQuery {
    /// The two queries, in one write.
    static let query = TerminalBackground.query + Array("\u{1B}[c".utf8)

    /// What the terminal on an input descriptor gets when it opens: the keys read while
    /// waiting (a script sends them at once), and the answers still to come, if any.
    struct Handover: Sendable {
        var keys: [UInt8] = []
        var replies: BackgroundReplies?
    }

    private static let handovers = Mutex<[Int32: Handover]>([:])

    /// What was read on `input` while waiting and the answers still to come; taken once.
    static func takeHandover(for input: Int32) -> Handover {
        handovers.withLock { $0.removeValue(forKey: input) } ?? Handover()
    }

    /// Writes `query` and reads until the DA1 answer, for at most `milliseconds`: only a
    /// terminal that answers neither query waits that long. Nil when input or output is
    /// not a terminal or no colour came. Echo is off meanwhile so that the answers are not
    /// printed. What else was read, and answers that come later, are the terminal's
    /// (`takeHandover`): the keys for it to read first, the answers for it to drop.
    public static func ask(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, milliseconds: Int = 100) -> TerminalBackground? {
        guard isatty(input) == 1, isatty(output) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
        defer { _ = tcsetattr(input, TCSANOW, &saved) }
        guard query.withUnsafeBytes({ write(output, $0.baseAddress, $0.count) }) == query.count else { return nil }
        let deadline = SystemClock.monotonic() + Double(milliseconds) / 1000
        var replies = BackgroundReplies()
        var keys: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while replies.awaiting {
            let left = Int32(((deadline - SystemClock.monotonic()) * 1000).rounded(.up))
            var waiting = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            guard left > 0, poll(&waiting, 1, left) > 0 else { break }
            let count = read(input, &chunk, chunk.count)
            guard count > 0 else { break }
            keys += replies.filter(chunk[..<count])
        }
        let background = replies.background
        handovers.withLock { $0[input] = Handover(keys: keys, replies: replies.awaiting ? replies : nil) }
        return background
    }
}
