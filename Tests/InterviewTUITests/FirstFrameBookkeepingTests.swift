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
}
