import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewTUI

/// Whole live screens in process, raw bytes in: the terminal's bytes go through the
/// program's decoder, its command grammar and its reducer, as in the real program.
enum Bytes {
    static let esc = "\u{1B}"

    enum Moment: String, CaseIterable {
        case live, wrapUp = "wrap-up", shareSafe = "share-safe", practice
    }

    /// A session that moved to question 2 at 0.5 s, then (at 1 s) into the moment, then
    /// got `steps`; the script's end hangs the terminal up (a signal), which leaves it.
    static func run(_ moment: Moment, _ steps: [ScriptedTerminal.Step], size: Size = Size(width: 80, height: 24),
                    bank: Bank? = nil) throws -> (state: LiveState, terminal: ScriptedTerminal) {
        let engine = SessionEngine(bank: try bank ?? BankLoader.load("machine-learning"), id: "bytes", candidate: "Ada",
                                   interviewer: "Grace", startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        var setup = [ScriptedTerminal.Step(at: 0.5, bytes: esc + "n")]
        switch moment {
        case .wrapUp: setup.append(.init(at: 1, bytes: esc + "w"))
        case .shareSafe: setup.append(.init(at: 1, bytes: esc + "s"))
        case .live, .practice: break
        }
        let clock = ManualClock()
        let terminal = ScriptedTerminal(size: size, clock: clock, steps: setup + steps)
        let state = LiveProgram.run(engine: engine, clock: SessionClock(clock), saver: RecordingSaver(), terminal: terminal,
                                    practice: moment == .practice, rescue: { _ in nil }).state
        return (state, terminal)
    }

    /// The notes the moment types into: the question's, or the closing notes.
    static func notes(_ state: LiveState, _ moment: Moment) -> String {
        (moment == .wrapUp ? state.session.closingNotes : state.session.questions[1].notes).map(\.text).joined(separator: "\n")
    }

    /// The kinds of event a session of typing may hold: no tick, rating, move or mode of its own.
    static let typingEvents: Set<SessionEvent.Kind> = [.started, .questionOpened, .wrapUp, .shareSafe, .notesEdited,
                                                       .closingNotesEdited, .interrupted]
}

@Suite struct TypingSafetyTests {
    /// Prose, and prose that starts with every key that was a command before typing-first.
    static let prose = ["well explained", "query planner yes", "solid answer", "nice, quick and clear", "Perfect! 10/10 — hire\nnext",
                        "r2d2 and 4 more", "sure", "  q  y  ", "yes", "nclear on dropout", "unclear on dropout",
                        "perfect recall", "xgboost came up", "mentions bagging", "gradient clipping", "fine", "3 layers, then 2",
                        "+1 for that", "? not sure", "ice answer", "everything else"]

    /// Every sample at 30, 80, 150 and 400 ms a key, and with a second's pause after its
    /// first letter, in every moment that takes text: the notes hold the text exactly,
    /// and nothing else happened.
    @Test(arguments: Bytes.Moment.allCases)
    func proseIsAlwaysText(moment: Bytes.Moment) throws {
        for text in Self.prose {
            for (gap, pause) in [(0.03, 0.0), (0.08, 0.0), (0.15, 0.0), (0.4, 0.0), (0.08, 1.0)] {
                let steps = ScriptedTerminal.Step.typing(String(text.prefix(1)), at: 2, every: gap)
                    + ScriptedTerminal.Step.typing(String(text.dropFirst()), at: 2 + gap + pause, every: gap)
                let (state, _) = try Bytes.run(moment, steps)
                let context = "'\(text)' at \(gap) s\(pause > 0 ? " with a pause" : "") in \(moment.rawValue)"
                #expect(Bytes.notes(state, moment) == text, "\(context): \(Bytes.notes(state, moment).debugDescription)")
                let kinds = Set(state.engine.file.events.map(\.type))
                #expect(kinds.isSubset(of: Bytes.typingEvents), "\(context): \(kinds.subtracting(Bytes.typingEvents))")
                #expect(state.session.current == 1 && state.session.shareSafe == (moment == .shareSafe)
                        && state.session.wrappingUp == (moment == .wrapUp), "\(context) moved")
                #expect(state.exit == .signal(1), "\(context) ended before the script did")
            }
        }
    }
}
