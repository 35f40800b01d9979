import Foundation
import Testing
import InterviewCore
@testable import InterviewTerminal
import InterviewTUI

/// The real ncurses terminal, in process, on a pty: what reaches the terminal for a
/// frame, and what the terminal's bytes become. ncurses is process-global: one test
/// at a time, in this suite only.
@Suite(.serialized) struct NcursesTerminalTests {
    /// A pty of `width` x `height`: the program's side and the terminal's side.
    final class Pty {
        let terminal: Int32
        let program: Int32

        init(width: Int, height: Int) throws {
            // posix_openpt and friends need _XOPEN_SOURCE, which Swift's Glibc lacks: Linux's ioctls instead.
            let unlock: UInt = 0x4004_5431, number: UInt = 0x8004_5430  // TIOCSPTLCK, TIOCGPTN
            terminal = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            var locked: Int32 = 0, index: UInt32 = 0
            guard terminal >= 0, ioctl(terminal, unlock, &locked) == 0, ioctl(terminal, number, &index) == 0 else {
                throw POSIXError(.ENODEV)
            }
            program = open("/dev/pts/\(index)", O_RDWR | O_NOCTTY)
            var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)
            let flags = fcntl(terminal, F_GETFL)
            _ = fcntl(terminal, F_SETFL, flags | O_NONBLOCK)
        }

        /// Everything the program has sent so far.
        func drain() -> String {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = Glibc.read(terminal, &buffer, buffer.count)
                if n <= 0 { break }
                bytes += buffer[..<n]
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        func type(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(terminal, $0.baseAddress, $0.count - 1) }
        }

        deinit {
            close(program)
            close(terminal)
        }
    }

    func frame(_ size: Size, _ text: String, row: Int = 3) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        canvas.fill(Rect(x: 0, y: 0, width: size.width, height: 1), Style(.banner))
        for y in 1..<size.height { canvas.put("\(y) \(text) · ünïcödé 日本 ", x: 0, y: y, style: Style(y % 2 == 0 ? .body : .dim)) }
        canvas.put("changed", x: 10, y: row, style: Style(.warning))
        return canvas
    }

    @Test func aFrameIsOneWriteAndKeysAreReadWhole() throws {
        let pty = try Pty(width: 80, height: 24)
        let terminal = try NcursesTerminal(theme: try ThemeLoader.load("default"), type: "xterm-256color",
                                           input: pty.program, output: pty.program, captureStderr: false)
        defer { terminal.close() }
        #expect(terminal.size == Size(width: 80, height: 24))
        _ = pty.drain()

        let first = frame(terminal.size, "first frame: every cell of the screen")
        terminal.draw(FrameUpdate(from: nil, to: first))
        #expect(terminal.writesInLastFrame == 1, "a whole first frame in one write")
        let sent = pty.drain()
        #expect(sent.contains("first frame"))
        #expect(sent.utf8.count > 1000, "the whole screen")

        terminal.draw(FrameUpdate(from: first, to: frame(terminal.size, "first frame: every cell of the screen", row: 7)))
        #expect(terminal.writesInLastFrame == 1)
        let second = pty.drain()
        #expect(second.contains("changed"))
        #expect(second.utf8.count < sent.utf8.count / 4, "only what changed is sent")

        // Keys as xterm-256color inside tmux sends them, whatever its terminfo entry knows.
        pty.type("\u{1B}[1~\u{1B}[4~\u{1B}[H\u{1B}OF\u{1B}[5~\u{1B}[6~x\u{1B}[200~q y\u{1B}[201~")
        var inputs: [TerminalInput] = []
        for _ in 0..<9 { inputs.append(terminal.read(timeout: 500)) }
        #expect(inputs == [.key(.home), .key(.end), .key(.home), .key(.end), .key(.pageUp), .key(.pageDown),
                           .key(.character("x")), .paste("q y"), .timeout])
        pty.type("\u{1B}")
        #expect(terminal.read(timeout: 500) == .key(.escape), "a lone Esc is Escape once its sequence does not come")
    }

    @Test func anUnknownTerminalTypeIsAnErrorNamingIt() throws {
        let pty = try Pty(width: 80, height: 24)
        #expect(throws: NcursesTerminal.SetupError.self) {
            try NcursesTerminal(theme: try ThemeLoader.load("default"), type: "no-such-terminal-type",
                                input: pty.program, output: pty.program, captureStderr: false)
        }
        let error = NcursesTerminal.SetupError.unknownTerminal("no-such-terminal-type")
        #expect(error.description.contains("TERM=no-such-terminal-type"))
    }
}
