import Foundation
import Testing
import InterviewCore
@testable import InterviewTerminal

/// The OSC 11 and DA1 queries on a pty: what is written, what is read, and what is handed
/// to the screen. The terminal's side answers before the question is asked (the pty keeps
/// the bytes), so each wait ends as soon as the answers are read.
@Suite(.serialized) struct BackgroundQueryTests {
    @Test func bothQueriesAreWrittenAndTheAnswersRead() throws {
        let pty = try NcursesTerminalTests.Pty(width: 80, height: 24)
        pty.type("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\\u{1B}[?64;1;2c")
        #expect(BackgroundQuery.ask(input: pty.program, output: pty.program, milliseconds: 60_000) == .light)
        // After the echo of what was typed before echo went off: the two queries in one write.
        #expect(pty.drain().hasSuffix("\u{1B}]11;?\u{07}\u{1B}[c"))
        let handover = BackgroundQuery.takeHandover(for: pty.program)
        #expect(handover.keys.isEmpty)
        #expect(handover.replies == nil, "nothing is awaited after the DA1 answer")
    }

    /// tmux 3.3a answers DA1 and not OSC 11: no colour, and no waiting for one.
    @Test func theDeviceAttributesAloneEndTheWait() throws {
        let pty = try NcursesTerminalTests.Pty(width: 80, height: 24)
        pty.type("\u{1B}[?1;2c")
        #expect(BackgroundQuery.ask(input: pty.program, output: pty.program, milliseconds: 60_000) == nil)
        let handover = BackgroundQuery.takeHandover(for: pty.program)
        #expect(handover.keys.isEmpty, "the answer is no keys")
        #expect(handover.replies == nil)
    }

    /// Keys that come while the answers are awaited (a script sends them at once) are
    /// handed to the screen, before, between and after the answers, and without any.
    @Test func keysTypedWhileWaitingAreHandedOver() throws {
        let answered = try NcursesTerminalTests.Pty(width: 80, height: 24)
        answered.type("ab\u{1B}]11;rgb:0000/0000/0000\u{07}c\u{1B}[?62;22cd\u{1B}[F")
        #expect(BackgroundQuery.ask(input: answered.program, output: answered.program, milliseconds: 60_000) == .dark)
        let handover = BackgroundQuery.takeHandover(for: answered.program)
        #expect(handover.keys == Array("abcd\u{1B}[F".utf8))
        #expect(BackgroundQuery.takeHandover(for: answered.program).keys.isEmpty, "taken once")

        let silent = try NcursesTerminalTests.Pty(width: 80, height: 24)
        silent.type("\u{1B}[F")
        #expect(BackgroundQuery.ask(input: silent.program, output: silent.program, milliseconds: 300) == nil)
        let unanswered = BackgroundQuery.takeHandover(for: silent.program)
        #expect(unanswered.keys == Array("\u{1B}[F".utf8), "End, sent at once, is not lost")
        #expect(unanswered.replies?.awaiting == true, "the answers may still come: the screen takes them out")
    }

    @Test func noAnswerIsNone() throws {
        let pty = try NcursesTerminalTests.Pty(width: 80, height: 24)
        #expect(BackgroundQuery.ask(input: pty.program, output: pty.program, milliseconds: 1) == nil)
        #expect(BackgroundQuery.takeHandover(for: pty.program).replies?.awaiting == true)
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
