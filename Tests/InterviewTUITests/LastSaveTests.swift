import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewTUI

/// A disk that fills up as the interview ends: it refuses the first `refusals` saves of
/// the ended session, then takes them.
final class RefusingSaver: SessionSaving, @unchecked Sendable {
    let url = URL(fileURLWithPath: "/recorded/session.json")
    var refusals: Int
    private(set) var lastTries: [SessionFile] = []
    var status: SessionSaver.Status = .idle
    init(refusals: Int) { self.refusals = refusals }
    func save(_ file: SessionFile) {
        guard file.status == .completed else {
            status = .saved
            return
        }
        lastTries.append(file)
        if refusals > 0 {
            refusals -= 1
            status = .failed("No space left on device")
        } else {
            status = .saved
        }
    }
    func flush() {}
}

/// The last save runs in the one loop: once the interview ends it is tried, tried again
/// half a second apart while the screen says the disk refuses, then written elsewhere.
@Suite struct LastSaveTests {
    struct Outcome {
        var state: LiveState
        var saved: LiveProgram.Saved
        var terminal: ScriptedTerminal
        var saver: RefusingSaver
        var pauses: [Double]
        var rescued: [SessionFile]
    }

    /// An interview ended at 2.5 s (`Esc q y`) on a disk that refuses its last save
    /// `refusals` times; `rescue` writes the copy to `path` (nil: it cannot either).
    func end(refusals: Int, rescue path: String? = "/home/ada/interview-rescue.json") throws -> Outcome {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock, steps: [
            .init(at: 2, bytes: "\u{1B}q"), .init(at: 2.5, bytes: "y"),
        ])
        let engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "last", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let saver = RefusingSaver(refusals: refusals)
        var pauses: [Double] = []
        var rescued: [SessionFile] = []
        let result = LiveProgram.run(engine: engine, clock: SessionClock(clock), saver: saver, terminal: terminal,
                                     wallClock: { Date(timeIntervalSince1970: 1_800_000_100) },
                                     pause: { pauses.append($0); clock.advance($0) },
                                     rescue: { rescued.append($0); return path })
        return Outcome(state: result.state, saved: result.saved, terminal: terminal, saver: saver, pauses: pauses, rescued: rescued)
    }

    @Test func aDiskThatKeepsRefusingGetsTheSessionWrittenElsewhere() throws {
        let outcome = try end(refusals: .max)
        #expect(outcome.saved == .rescued(path: "/home/ada/interview-rescue.json", reason: "No space left on device"))
        #expect(outcome.saver.lastTries.count == 1 + LiveProgram.finalTries, "tried, then tried again six times")
        #expect(outcome.pauses == Array(repeating: LiveProgram.finalPause, count: LiveProgram.finalTries))
        let rescued = try #require(outcome.rescued.first)
        #expect(outcome.rescued.count == 1)
        #expect(rescued.status == .completed && rescued.endedAt != nil, "the copy is the ended session, its end recorded")
        // Between tries the loop drew the screen saying so, and nothing claimed it was saved.
        let closing = outcome.terminal.frames.filter { $0.at >= 2.5 }.map { $0.canvas.text }
        #expect(closing.count == LiveProgram.finalTries)
        #expect(closing.allSatisfy { $0.contains("NOT SAVED (retrying): No space left on device") && !$0.contains("✓ saved") })
    }

    @Test func aDiskThatTakesItAgainNeedsNoCopy() throws {
        let outcome = try end(refusals: 2)
        #expect(outcome.saved == .saved)
        #expect(outcome.saver.lastTries.count == 3)
        #expect(outcome.pauses.count == 2)
        #expect(outcome.rescued.isEmpty)
        #expect(outcome.state.exit == .completed && outcome.state.saveStatus == .saved)
    }

    @Test func noCopyAnywhereIsSaidSo() throws {
        let outcome = try end(refusals: .max, rescue: nil)
        #expect(outcome.saved == .lost(reason: "No space left on device"))
    }

    @Test func aSavingDiskClosesAtOnce() throws {
        let outcome = try end(refusals: 0)
        #expect(outcome.saved == .saved && outcome.pauses.isEmpty && outcome.saver.lastTries.count == 1)
        #expect(outcome.terminal.frames.allSatisfy { $0.at <= 2.5 })
    }
}
