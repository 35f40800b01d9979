import Foundation
@testable import InterviewCore
import InterviewSamples

/// Random banks and interviews for the property tests, from a seed: banks with more
/// follow-ups than rubric items, with no rubric, with more items than a bank file allows;
/// interviews of every action the live screen can take, in any order, at any pace.
struct SessionScript {
    var random: SeededRandom
    let candidate: String

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
        candidate = ["Ada Lovelace", "Grace", "José Núñez", "李 小龙", "O'Brien-Smith", ""][Int(seed % 6)]
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// Text an interviewer might type, now and then with the candidate's name or a control character in it.
    mutating func text() -> String {
        var words = (0..<int(0...6)).map { _ in pick(["overfit", "dropout", "é", "日本", "👩‍💻", "x", "  ", "\u{1B}[31m", "tab\there"]) }
        if chance(20), !candidate.isEmpty { words.insert(pick([candidate, candidate.lowercased()]), at: 0) }
        return words.joined(separator: " ")
    }

    mutating func bank() -> Bank {
        let questions = (0..<(chance(10) ? int(20...40) : int(1...8))).map { n in
            let rubric = chance(25) ? 0 : int(1...12)
            // Often more follow-ups than rubric items: the case a reader once checked against the rubric.
            let followUps = chance(60) ? int((rubric + 1)...(rubric + 4)) : int(0...3)
            return Question(id: "q\(n + 1)", prompt: "Question \(n + 1)? \(text())", timeSeconds: int(0...600),
                            expectedAnswer: RichText.parse("An answer."),
                            rubric: (0..<rubric).map { "item \($0 + 1)" }, followUps: (0..<followUps).map { "follow-up \($0 + 1)?" })
        }
        return Bank(title: "Generated", durationSeconds: int(60...5400), questions: questions, source: "generated.md", hash: "h")
    }

    /// The next action, given the session as it stands.
    mutating func action(_ engine: SessionEngine) -> SessionAction {
        let state = engine.state
        let notes = state.questions.indices.contains(state.current) ? state.questions[state.current].notes : []
        switch int(0...21) {
        case 0, 1: return .toggleRubric(int(0...13))
        case 2, 3: return .toggleFollowUp(int(0...16))
        case 4: return .addQuestion(chance(10) ? "   " : text())
        case 5, 6: return .undo
        case 7: return .skip(reason: chance(50) ? text() : nil)
        case 8: return .markAsked
        case 9: return .rate(int(0...4))
        case 10: return .recommend(pick([0, 1, 2, 3, 4, Rating.noDecision]))
        case 11, 12: return .setNotes(edited(notes, at: state.questionElapsed(state.current, at: state.clock)))
        case 13: return .setClosingNotes(edited(state.closingNotes, at: state.clock))
        case 14: return .togglePause
        case 15: return .wrapUp
        case 16: return pick([.end, .interrupt])
        case 17: return pick([.reopen, .reopenEnded])
        case 18: return .next
        case 19: return .previous
        case 20: return .open(int(0...(engine.questions.count + 1)))
        default: return .setShareSafe(chance(50))
        }
    }

    /// Notes with a line typed on, added, pasted, or deleted.
    mutating func edited(_ notes: [NoteLine], at clock: Double) -> [NoteLine] {
        var notes = notes
        let at = (clock * 1000).rounded() / 1000
        switch int(0...3) {
        case 0 where !notes.isEmpty:
            let n = int(0...(notes.count - 1))
            notes[n].text += text()
        case 1 where !notes.isEmpty:
            notes.remove(at: int(0...(notes.count - 1)))
        case 2:
            notes += (0..<int(2...30)).map { _ in NoteLine(at: at, text: text()) }
        default:
            notes.append(NoteLine(at: at, text: text()))
        }
        return notes
    }

    /// A whole interview: the engine after `steps` actions, and the time it ended at.
    mutating func interview(steps: Int) -> (SessionEngine, Double, [SessionAction]) {
        var engine = SessionEngine(bank: bank(), id: "session-\(int(0...999_999))", candidate: candidate, interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        var t = 0.0
        var actions: [SessionAction] = []
        for _ in 0..<steps {
            t += chance(30) ? 0 : Double(int(1...30_000)) / 1000
            let action = action(engine)
            actions.append(action)
            engine.perform(action, at: t)
        }
        return (engine, t, actions)
    }
}
