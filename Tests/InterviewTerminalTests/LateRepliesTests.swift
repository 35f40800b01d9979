import Foundation
import Testing
import InterviewCore
@testable import InterviewTerminal
import InterviewTUI

/// Answers to the background query that come after the wait gave up (a slow link), read
/// by the real terminal on a pty after its first frame: taken out whole, never keys.
/// In `NcursesTerminalTests`, as ncurses is one per process.
extension NcursesTerminalTests {
    /// A terminal on a fresh pty whose background query went unanswered, its first frame drawn.
    func unansweredTerminal() throws -> (Pty, NcursesTerminal) {
        let pty = try Pty(width: 80, height: 24)
        #expect(BackgroundQuery.ask(input: pty.program, output: pty.program, milliseconds: 1) == nil)
        let terminal = try NcursesTerminal(theme: try ThemeLoader.load("default"), type: "xterm-256color",
                                           input: pty.program, output: pty.program, captureStderr: false)
        terminal.draw(FrameUpdate(from: nil, to: frame(terminal.size, "first frame")))
        _ = pty.drain()
        return (pty, terminal)
    }

    @Test func aLateAnswerCutBetweenReadsIsNoKeys() throws {
        let (pty, terminal) = try unansweredTerminal()
        defer { terminal.close() }
        pty.type("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}\u{1B}[?6")
        #expect(terminal.read(timeout: 100) == .timeout, "the start of the answer waits for its rest")
        pty.type("4;1;2cx")
        #expect(terminal.read(timeout: 500) == .key(.character("x")))
        #expect(terminal.read(timeout: 100) == .timeout)
    }

    @Test func aLateAnswerAmongKeysLeavesTheKeysAsTyped() throws {
        let (pty, terminal) = try unansweredTerminal()
        defer { terminal.close() }
        // Esc, then the answer, then `n`: Esc n, not a lone `n` after an Alt-sequence.
        pty.type("ab\u{1B}\u{1B}[?64;1;2cn")
        var inputs: [TerminalInput] = []
        for _ in 0..<4 { inputs.append(terminal.read(timeout: 500)) }
        #expect(inputs == [.key(.character("a")), .key(.character("b")), .key(.alt("n")), .timeout])
        // Once it has come, the input goes straight to the decoder.
        pty.type("\u{1B}")
        #expect(terminal.read(timeout: 500) == .key(.escape))
    }

    @Test func aLoneEscapeWhileTheAnswerIsAwaitedIsEscape() throws {
        let (pty, terminal) = try unansweredTerminal()
        defer { terminal.close() }
        pty.type("\u{1B}")
        #expect(terminal.read(timeout: 500) == .key(.escape))
        pty.type("\u{1B}[A")
        #expect(terminal.read(timeout: 500) == .key(.up))
    }
}
