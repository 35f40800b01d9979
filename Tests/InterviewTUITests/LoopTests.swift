import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewTUI

/// Keeps every snapshot the live screen hands over, instead of writing files.
final class RecordingSaver: SessionSaving, @unchecked Sendable {
    let url = URL(fileURLWithPath: "/recorded/session.json")
    private(set) var saved: [SessionFile] = []
    var status: SessionSaver.Status = .idle
    func save(_ file: SessionFile) {
        saved.append(file)
        status = .saved
    }
    func flush() {}
}

/// Whole loops in process: scripted input at moments of a manual clock in, frames and
/// saved sessions out, through the same runtime loop the program runs.
@Suite struct LiveLoopTests {
    func engine(_ bank: Bank? = nil) throws -> SessionEngine {
        SessionEngine(bank: try bank ?? BankLoader.load("machine-learning"), id: "loop", candidate: "Ada", interviewer: "Grace",
                      startedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    func keys(_ text: String, from start: Double, every gap: Double) -> [ScriptedTerminal.Step] {
        text.enumerated().map { ScriptedTerminal.Step(at: start + Double($0.offset) * gap, .key(.character($0.element))) }
    }

    @Test func theFirstSaveFollowsTheFirstFrameAndAnIdleScreenSavesEveryFiveSeconds() throws {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock, steps: [
            .init(at: 21, bytes: "\u{1B}q"), .init(at: 21.5, bytes: "l"),
        ])
        let saver = RecordingSaver()
        let state = LiveProgram.run(engine: try engine(), clock: SessionClock(clock), saver: saver, terminal: terminal).state
        #expect(state.exit == .leftForLater)
        #expect(terminal.frames.first?.at == 0)
        #expect(saver.saved.first?.clockSeconds == 0, "saved at once after the first frame")
        let times = saver.saved.map(\.clockSeconds)
        // Idle: once a second a frame (the clocks), every five seconds a save (the heartbeat).
        #expect(times.prefix(5) == [0, 5, 10, 15, 20])
        #expect(terminal.frames.count >= 21)
        #expect(terminal.frames.contains { $0.canvas.text.contains("Total 00:07/45:00") })
        #expect(saver.saved.last?.status == .interrupted)
        // The loop waits in the read until the next second of the session clock, never spinning.
        #expect(terminal.reads.allSatisfy { $0.timeout <= 1000 })
        #expect(terminal.reads.count < 60)
    }

    @Test func aBurstOfTypingIsRecordedTwiceASecond() throws {
        let clock = ManualClock()
        let text = "the candidate explained regularisation well"
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock, steps:
            keys(text, from: 1.1, every: 0.1) + [.init(at: 6, bytes: "\u{1B}"), .init(at: 7, bytes: "q"), .init(at: 7.5, bytes: "y")])
        let saver = RecordingSaver()
        let state = LiveProgram.run(engine: try engine(), clock: SessionClock(clock), saver: saver, terminal: terminal).state
        #expect(state.exit == .completed)
        #expect(state.session.questions[0].notes.map(\.text) == [text])
        let edits = state.engine.file.events.filter { $0.type == .notesEdited }.map(\.at)
        #expect(edits.count >= 8, "recorded as it is typed, not once at the end: \(edits)")
        for (a, b) in zip(edits, edits.dropFirst()) { #expect(b - a >= 0.5 - 1e-9 && b - a <= 1.0 + 1e-9, "\(edits)") }
        // Each change reached the saver as it happened.
        let savedNotes = saver.saved.compactMap { $0.questions[0].notes.first?.text }
        #expect(savedNotes.contains { $0.count > 5 && $0.count < text.count }, "partial notes were saved mid-burst")
        #expect(saver.saved.last?.status == .completed)
        #expect(saver.saved.last?.endedAt != nil, "the wall-clock end is recorded")
    }

    @Test func aResizeTo1x1AndBackKeepsTheInterviewGoing() throws {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock, steps: [
            .init(at: 1, .resize(Size(width: 1, height: 1))), .init(at: 1.5, bytes: "\u{1B}n"),
            .init(at: 2, .resize(Size(width: 0, height: 0))), .init(at: 3, .resize(Size(width: 120, height: 40))),
            .init(at: 4, bytes: "\u{1B}q"), .init(at: 4.5, bytes: "y"),
        ])
        let state = LiveProgram.run(engine: try engine(), clock: SessionClock(clock), saver: RecordingSaver(), terminal: terminal).state
        #expect(terminal.frames.contains { $0.canvas.width == 1 && $0.canvas.height == 1 })
        #expect(terminal.frames.contains { $0.canvas.width == 0 })
        #expect(state.session.current == 1, "keys work while the screen is too small")
        let last = try #require(terminal.frames.last(where: { $0.canvas.width == 120 })).canvas
        #expect(last.text.contains("Question 2/15"))
    }

    @Test func aSignalSavesAndLeaves() throws {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock, steps: [
            .init(at: 1.2, .paste("said in a hurry")), .init(at: 1.3, .signal(15)),
        ])
        let saver = RecordingSaver()
        let state = LiveProgram.run(engine: try engine(), clock: SessionClock(clock), saver: saver, terminal: terminal).state
        #expect(state.exit == .signal(15))
        #expect(saver.saved.last?.questions[0].notes.map(\.text) == ["said in a hurry"])
        #expect(saver.saved.last?.status == .interrupted)
    }

    /// A resumed session's clock goes on from where the file left it: new events come
    /// after the old ones, and the clocks on screen go on from there.
    @Test func aResumedSessionGoesOnFromItsSavedClock() throws {
        var engine = try engine()
        engine.perform(.next, at: 30)
        let file = engine.snapshot(at: 100)
        var resumed = SessionEngine(file: file)
        let clock = ManualClock(5_000)
        let sessionClock = SessionClock(clock, continuingFrom: file.clockSeconds)
        resumed.perform(.reopen, at: sessionClock.now())
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40), clock: clock, steps: [
            .init(at: 5_002, bytes: "\u{1B}n"), .init(at: 5_003, bytes: "\u{1B}q"), .init(at: 5_003.5, bytes: "y"),
        ])
        let state = LiveProgram.run(engine: resumed, clock: sessionClock, saver: RecordingSaver(), terminal: terminal).state
        let times = state.engine.file.events.map(\.at)
        #expect(times == times.sorted(), "events in the order of their times: \(times)")
        // A command takes effect when its key comes: nothing is held.
        #expect(state.engine.file.events.last(where: { $0.type == .questionOpened })?.at == 102)
        #expect(terminal.frames[0].canvas.text.contains("Total 01:40/45:00"))
        #expect(abs(state.questionElapsed(1) - 72) < 1e-9)
    }
}

@Suite struct PracticeLoopTests {
    @Test func practiceRevealsOnlyAfterV() throws {
        let clock = ManualClock()
        let bank = try BankLoader.load("machine-learning")
        let engine = SessionEngine(bank: bank, id: "practice", mode: .practice, candidate: "Ada", interviewer: "",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let answer = "labelled examples"
        var steps = ScriptedTerminal.Step.typing(answer, at: 1.1, every: 0.05)
        steps += [.init(at: 4, bytes: "\u{1B}v"), .init(at: 5, bytes: "\u{1B}1"), .init(at: 6, bytes: "\u{1B}r"), .init(at: 6.5, bytes: "3"),
                  .init(at: 7, bytes: "\u{1B}q"), .init(at: 7.5, bytes: "y")]
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40), clock: clock, steps: steps)
        let saver = RecordingSaver()
        let state = LiveProgram.run(engine: engine, clock: SessionClock(clock), saver: saver, terminal: terminal, practice: true).state
        let expected = bank.questions[0].rubric[0]
        let before = terminal.frames.filter { $0.at < 4 }
        let after = terminal.frames.filter { $0.at > 4 }
        #expect(!before.isEmpty && before.allSatisfy { !$0.canvas.text.contains("Expected answer") && !$0.canvas.text.contains(expected.prefix(20)) })
        #expect(after.contains { $0.canvas.text.contains("Expected answer") })
        #expect(state.session.questions[0].notes.map(\.text) == [answer])
        #expect(state.session.questions[0].rubric.first == true)
        #expect(state.session.questions[0].rating == 3)
        #expect(saver.saved.last?.mode == .practice && saver.saved.last?.status == .completed)
    }
}

@Suite struct ReplayLoopTests {
    func file() throws -> SessionFile {
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "replay", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        engine.perform(.toggleRubric(0), at: 4)
        engine.perform(.next, at: 10)
        engine.perform(.rate(3), at: 20)
        return engine.snapshot(at: 30)
    }

    @Test func playingMovesOnWithTheClockAndKeysSeek() throws {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock, steps: [
            .init(at: 0.5, .key(.character(" "))), .init(at: 6.5, .key(.character(" "))),
            .init(at: 7, .key(.end)), .init(at: 8, .key(.home)), .init(at: 9, .key(.character("]"))),
            .init(at: 10, .resize(Size(width: 120, height: 40))), .init(at: 11, .key(.character("q"))),
        ])
        let state = ReplayProgram.run(file: try file(), speed: 1, terminal: terminal, clock: clock)
        #expect(state.quit)
        let at = { (t: Double) in terminal.frames.last { $0.at <= t }!.canvas }
        #expect(at(3.6).text.contains("▶ 00:03/00:30"), "playing: the position follows the clock")
        #expect(at(6.9).text.contains("⏸ 00:06/00:30"))
        #expect(at(7.5).text.contains("⏸ 00:30/00:30"), "End goes to the end")
        #expect(at(7.5).text.contains("Question 2/15"))
        #expect(at(8.5).text.contains("⏸ 00:00/00:30"), "Home to the start")
        #expect(at(9.5).text.contains("⏸ 00:10/00:30"), "] to the next question")
        #expect(at(10.5).height == 40)
        #expect(terminal.frames.allSatisfy { $0.canvas.height == terminal.frames[0].canvas.height || $0.at >= 10 },
                "the timeline stays inside the terminal")
        #expect(terminal.frames[0].canvas.height == 24)
    }
}

@Suite struct MirrorLoopTests {
    /// A session file that a live program changes at moments of the clock, then leaves.
    final class ScriptedFile: @unchecked Sendable {
        let clock: ManualClock
        let versions: [(at: Double, file: SessionFile)]
        let heldUntil: Double
        init(clock: ManualClock, versions: [(at: Double, file: SessionFile)], heldUntil: Double) {
            self.clock = clock
            self.versions = versions
            self.heldUntil = heldUntil
        }
        var current: Int? { versions.lastIndex { $0.at <= clock.now() } }
        var source: SessionFollower.Source {
            SessionFollower.Source(
                stamp: { _ in self.current.map { SessionFollower.Stamp(modified: self.versions[$0].at, size: 1, inode: 1) } },
                read: { _ in self.versions[self.current!].file },
                isHeld: { _ in self.clock.now() < self.heldUntil })
        }
    }

    @Test func theMirrorFollowsTheFileAndSaysWhenTheProgramIsGone() throws {
        let clock = ManualClock()
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "mirror", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        engine.perform(.toggleRubric(0), at: 1)
        let first = engine.snapshot(at: 1)
        engine.perform(.next, at: 3)
        let second = engine.snapshot(at: 3)
        let file = ScriptedFile(clock: clock, versions: [(1, first), (3, second)], heldUntil: 4)
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock, steps: [
            .init(at: 30, bytes: "x"), .init(at: 31, bytes: "q"),
        ])
        let state = MirrorProgram.run(path: "/sessions/s.json", terminal: terminal, clock: clock, source: file.source)
        #expect(state.quit)
        let at = { (t: Double) in terminal.frames.last { $0.at <= t }!.canvas.text }
        #expect(at(0.5).contains("not there yet") && !at(0.5).contains("s.json"))
        #expect(at(2).contains("Question 1"))
        #expect(at(2).contains("Q 00:02/"), "the clock runs on between saves, from when the change was seen")
        #expect(at(3.5).contains("Question 2"), "a change is shown within a quarter of a second")
        #expect(!at(3.5).contains("not running"))
        let late = at(20), later = at(29)
        #expect(late.contains("not running"), "no holder, no change for long: the program is gone")
        let last = at(14.9)
        #expect(last.contains("Q 00:11/03:00"), "the clock ran on between saves")
        #expect(late.contains("Q 00:11/03:00") && later.contains("Q 00:11/03:00"), "and stands where it was, not back at the file's 00:00")
        #expect(!late.contains("Total"), "the candidate sees the question's clock only, by default")
        for frame in terminal.frames { #expect(!frame.canvas.text.contains("[x]"), "no tick reaches the candidate") }
    }
}
