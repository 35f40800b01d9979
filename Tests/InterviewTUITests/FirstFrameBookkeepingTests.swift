import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewTUI

/// What the first frame does not wait for (`run -o`'s record in known-sessions) runs once
/// it is drawn, and before the first key is read; a warning it returns shows on the screen.
@Suite struct FirstFrameBookkeepingTests {
    @Test func bookkeepingRunsBetweenTheFirstFrameAndTheFirstRead() throws {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 100, height: 30), clock: clock, steps: [
            .init(at: 2, bytes: "\u{1B}q"), .init(at: 2.5, bytes: "l"),
        ])
        let engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "first", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        var seen: [(frames: Int, reads: Int)] = []
        let state = LiveProgram.run(engine: engine, clock: SessionClock(clock), saver: RecordingSaver(), terminal: terminal,
                                    afterFirstFrame: {
                                        seen.append((terminal.frames.count, terminal.reads.count))
                                        return "not recorded in known-sessions"
                                    }).state
        #expect(state.exit == .leftForLater)
        #expect(seen.map(\.frames) == [1] && seen.map(\.reads) == [0], "once, after the first frame, before any read: \(seen)")
        #expect(terminal.frames.dropFirst().contains { $0.canvas.text.contains("⚠ not recorded in known-sessions") })
    }

    static func engine() throws -> SessionEngine {
        SessionEngine(bank: try BankLoader.load("machine-learning"), id: "first", candidate: "Ada", interviewer: "Grace",
                      startedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    /// `run`'s new file is made (and locked) once the first frame is drawn, before the
    /// first save and the first key: the first frame waits for no folder, file or lock.
    @Test func aNewSessionsSaverOpensBetweenTheFirstFrameAndTheFirstSave() throws {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 100, height: 30), clock: clock, steps: [.init(at: 2, bytes: "\u{1B}q"), .init(at: 2.5, bytes: "l")])
        let saver = RecordingSaver()
        var opened: [(frames: Int, reads: Int, saves: Int)] = []
        let result = LiveProgram.run(engine: try Self.engine(), clock: SessionClock(clock), opening: {
            opened.append((terminal.frames.count, terminal.reads.count, saver.saved.count))
            return .success(saver)
        }, terminal: terminal)
        #expect(opened.map(\.frames) == [1] && opened.map(\.reads) == [0] && opened.map(\.saves) == [0], "\(opened)")
        #expect(result.saved == .saved && result.state.exit == .leftForLater)
        #expect(saver.saved.last?.status == .interrupted, "saved to the end through the saver opened")
    }

    /// When the file cannot be made, the screen ends before it reads a key, and nothing is saved.
    @Test func aFileThatCannotBeMadeEndsTheScreenBeforeAnyKey() throws {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 100, height: 30), clock: clock, steps: [.init(at: 1, bytes: "typed")])
        let result = LiveProgram.run(engine: try Self.engine(), clock: SessionClock(clock),
                                     opening: { .failure(LiveProgram.OpenFailure(reason: "cannot create /x.json: Permission denied")) },
                                     terminal: terminal)
        #expect(result.saved == .unmade(reason: "cannot create /x.json: Permission denied"))
        #expect(terminal.reads.isEmpty && terminal.frames.count == 1, "reads \(terminal.reads.count), frames \(terminal.frames.count)")
    }
}
