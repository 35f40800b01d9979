import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewTUI

/// The start screen of `run`, through the runtime loop with bytes as a terminal sends them.
@Suite struct LobbyTests {
    static let wallStart = Date(timeIntervalSince1970: 1_800_000_000)

    func lobby(candidate: String = "", share: Bool = false, plan: [Int]? = nil) throws -> LobbyState {
        let setup = InterviewSetup(bank: try BankLoader.load("machine-learning"), interviewer: "Grace", durationSeconds: nil, plan: plan,
                                   candidateClock: nil, shareSafe: share)
        return LobbyState(setup: setup, candidate: candidate, notice: nil, theme: "default", size: Size(width: 80, height: 24))
    }

    /// A folder of its own, removed when the test is done.
    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lobby-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// As `run` does: the start screen, then, from Enter on, the session and its file, the
    /// live screen on the same terminal, and the session read back from the disk.
    @Test func theNameTypedIsTheCandidateAndTheClocksStartAtEnter() throws {
        try withFolder { folder in
            let clock = ManualClock()
            let steps = ScriptedTerminal.Step.typing("a Lovelacz", at: 1, every: 0.2)
                + [.init(at: 4, bytes: "\u{7F}"), .init(at: 4.5, bytes: "e"), .init(at: 30, bytes: "\r"),
                   .init(at: 40, bytes: "\u{1B}q"), .init(at: 40.5, bytes: "y")]
            let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock, steps: steps)
            let lobby = try lobby(candidate: "Ad")
            let outcome = LobbyProgram.run(lobby, terminal: terminal, clock: clock)
            #expect(outcome == .start(candidate: "Ada Lovelace"))
            #expect(clock.now() == 30, "the start screen closes at Enter")
            #expect(!FileManager.default.fileExists(atPath: folder.path), "the start screen wrote nothing")
            let waiting = try #require(terminal.frames.last { $0.at < 30 }).canvas.text
            #expect(waiting.contains("Candidate    Ada Lovelace") && waiting.contains("Plan: 15 questions"), "\(waiting)")
            #expect(!terminal.frames.contains { $0.canvas.text.contains("Total 00:") }, "no clock runs before Enter")

            let startedAt = Self.wallStart.addingTimeInterval(clock.now())
            let engine = lobby.setup.engine(id: "lobby", candidate: "Ada Lovelace", startedAt: startedAt)
            let store = SessionStore(folder: folder)
            let url = try store.createNewFile(candidate: "Ada Lovelace", startedAt: startedAt)
            let saver = SessionSaver(url: url)
            let state = LiveProgram.run(engine: engine, clock: SessionClock(clock), saver: saver, terminal: terminal,
                                        wallClock: { Self.wallStart.addingTimeInterval(clock.now()) }).state
            #expect(state.exit == .completed)
            let file = try SessionStore.read(url.path)
            #expect(file.candidate == "Ada Lovelace")
            #expect(file.startedAt == ISO8601.string(startedAt))
            #expect(file.clockSeconds == 10.5, "the session clock counts from Enter (30 s) to the end (40.5 s)")
            #expect(url.lastPathComponent.hasSuffix("-ada-lovelace.json"))
        }
    }

    @Test(arguments: [("Esc q", [ScriptedTerminal.Step(at: 2, bytes: "\u{1B}q")]),
                      ("Alt-q", [ScriptedTerminal.Step(at: 2, bytes: "\u{1B}"), ScriptedTerminal.Step(at: 2.5, bytes: "q")]),
                      ("Ctrl-C", [ScriptedTerminal.Step(at: 2, .signal(2))])])
    func leavingStartsNothing(way: String, steps: [ScriptedTerminal.Step]) throws {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), clock: clock,
                                        steps: ScriptedTerminal.Step.typing("Bo", at: 1, every: 0.1) + steps)
        #expect(LobbyProgram.run(try lobby(), terminal: terminal, clock: clock) == .leave, "\(way)")
        #expect(clock.now() < 3, "\(way) left at once")
    }

    /// A key after `Esc` that is no command is said, and typed: nothing is lost, nothing starts.
    @Test func aKeyThatIsNoCommandIsTyped() throws {
        var state = try lobby()
        for input in [TerminalInput.key(.escape), .key(.character("x")), .paste("Ada\nLovelace")] {
            for action in LobbyProgram.actions(for: input, in: state) { LobbyProgram.reduce(&state, action, now: 0) }
        }
        #expect(state.candidate == "xAda Lovelace")
        #expect(state.outcome == nil)
        #expect(state.reminder == nil, "the paste cleared the reminder")
        var reminded = try lobby()
        for key in [Key.escape, .character("x")] {
            for action in LobbyProgram.actions(for: .key(key), in: reminded) { LobbyProgram.reduce(&reminded, action, now: 0) }
        }
        #expect(LobbyScreen.render(reminded).text.contains("Esc x is no command here"))
    }

    /// On a shared screen the start screen shows how many questions and how long, as the
    /// mirror would: no prompt, no bank title, no interviewer.
    @Test func shareSafeShowsNoPrompt() throws {
        let lobby = try lobby(candidate: "Ada", share: true)
        for size in [Size(width: 60, height: 18), Size(width: 200, height: 60)] {
            var state = lobby
            state.size = size
            let text = LobbyScreen.render(state).text
            #expect(text.contains("Questions    15") && text.contains("share-safe"), "\(text)")
            for question in lobby.setup.planned { #expect(!text.contains(question.prompt.prefix(12)), "\(text)") }
            #expect(!text.contains(lobby.setup.bank.title) && !text.contains("Grace"))
        }
    }

    /// A plan longer than the screen has rows for says how many more there are.
    @Test func theLastPlanRowCountsWhatDoesNotFit() throws {
        var state = try lobby(plan: [0, 2, 4])
        state.size = Size(width: 60, height: 18)
        let small = LobbyScreen.render(state).text
        #expect(small.contains("Plan: 3 questions") && small.contains(" 3  ") && !small.contains("more (Esc g"), "\(small)")
        state = try lobby()
        state.size = Size(width: 60, height: 18)
        #expect(LobbyScreen.render(state).text.contains("more (Esc g lists them in the interview)"))
    }
}
