#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore

/// Asks the terminal for its background colour (OSC 11) before the screen opens.
public enum BackgroundQuery {
    /// Bytes read while waiting for the answer that are not part of it (a key typed, or
    /// sent by a script, at once): the terminal takes them as its first input, so none is
    /// lost.
    final class Leftover: @unchecked Sendable {
        private let lock = Lock()
        private var bytes: [UInt8] = []
        func keep(_ more: some Sequence<UInt8>) { lock.withLock { bytes += more } }
        func take() -> [UInt8] { lock.withLock { defer { bytes = [] }; return bytes } }
    }
    static let leftover = Leftover()

    /// What was read while waiting and is not the answer; empty once taken.
    public static func takeLeftover() -> [UInt8] { leftover.take() }

    /// Writes `TerminalBackground.query` and reads the answer, for at most `milliseconds`:
    /// a terminal that does not answer delays the first frame by that much, no more.
    /// Nil when input or output is not a terminal or no answer came in time. Echo is off
    /// meanwhile so the answer is not printed; an answer that comes later is an OSC
    /// string, which the key decoder drops whole.
    public static func ask(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, milliseconds: Int = 50) -> TerminalBackground? {
        guard isatty(input) == 1, isatty(output) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
        defer { _ = tcsetattr(input, TCSANOW, &saved) }
        let query = TerminalBackground.query
        guard query.withUnsafeBytes({ write(output, $0.baseAddress, $0.count) }) == query.count else { return nil }
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        // One byte at a time: a key typed just after the answer stays for the screen.
        var received: [UInt8] = []
        var byte: UInt8 = 0
        while received.count < 4096 {
            let left = Int(deadline.timeIntervalSinceNow * 1000)
            var waiting = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            guard left > 0, poll(&waiting, 1, Int32(left)) > 0, read(input, &byte, 1) == 1 else {
                leftover.keep(received)
                return nil
            }
            received.append(byte)
            if let background = TerminalBackground(osc11Reply: received) {
                // What came before the answer's ESC ] 11 ; was typed.
                let start = (0..<received.count).last { received[$0...].starts(with: Array("\u{1B}]11;".utf8)) } ?? received.count
                leftover.keep(received[..<start])
                return background
            }
        }
        leftover.keep(received)
        return nil
    }
}
