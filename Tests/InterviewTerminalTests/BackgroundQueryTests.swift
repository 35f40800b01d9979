import Foundation
import Testing
import InterviewCore
@testable import InterviewTerminal

/// The OSC 11 query on a pty: what is written, what is read, and what stays for the screen.
@Suite(.serialized) struct BackgroundQueryTests {
    @Test func theAnswerIsReadAndAKeyAfterItStays() throws {
        let pty = try NcursesTerminalTests.Pty(width: 80, height: 24)
        pty.type("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\x\n")
        #expect(BackgroundQuery.ask(input: pty.program, output: pty.program, milliseconds: 5000) == .light)
        #expect(pty.drain().contains("\u{1B}]11;?\u{07}"))
        var waiting = pollfd(fd: pty.program, events: Int16(POLLIN), revents: 0)
        try #require(poll(&waiting, 1, 5000) == 1, "the key after the answer was read with it")
        var rest = [UInt8](repeating: 0, count: 64)
        let count = read(pty.program, &rest, rest.count)
        #expect(String(decoding: rest[..<max(0, count)], as: UTF8.self) == "x\n")
    }

    /// Keys that come while the answer is awaited (a script sends them at once) are kept
    /// for the screen, before the answer and without one.
    @Test func keysTypedWhileWaitingAreKept() throws {
        _ = BackgroundQuery.takeLeftover()
        let answered = try NcursesTerminalTests.Pty(width: 80, height: 24)
        answered.type("ab\u{1B}]11;rgb:0000/0000/0000\u{07}")
        #expect(BackgroundQuery.ask(input: answered.program, output: answered.program, milliseconds: 5000) == .dark)
        #expect(BackgroundQuery.takeLeftover() == Array("ab".utf8))
        let silent = try NcursesTerminalTests.Pty(width: 80, height: 24)
        silent.type("\u{1B}[F")
        #expect(BackgroundQuery.ask(input: silent.program, output: silent.program, milliseconds: 300) == nil)
        #expect(BackgroundQuery.takeLeftover() == Array("\u{1B}[F".utf8), "End, sent at once, is not lost")
    }

    @Test func noAnswerIsNone() throws {
        let pty = try NcursesTerminalTests.Pty(width: 80, height: 24)
        #expect(BackgroundQuery.ask(input: pty.program, output: pty.program, milliseconds: 1) == nil)
    }

    @Test func notATerminalIsNoneAndNothingIsWritten() throws {
        var pipe: [Int32] = [0, 0]
        #expect(Glibc.pipe(&pipe) == 0)
        defer { close(pipe[0]); close(pipe[1]) }
        #expect(BackgroundQuery.ask(input: pipe[0], output: pipe[1], milliseconds: 1) == nil)
        var waiting = pollfd(fd: pipe[0], events: Int16(POLLIN), revents: 0)
        #expect(poll(&waiting, 1, 0) == 0)
    }
}
