#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Sessions made with the session engine itself, the way the program makes them: the
/// inputs of the benchmarks and of the tests that need realistic sessions.
public enum SampleSessions {
    /// A 2-hour interview of `events` events (20,000 by default): questions visited
    /// back and forth, ticks, ratings, and mostly notes typed in bursts. Returns the
    /// engine, so that a benchmark can go on performing actions on it, and its clock.
    public static func long(bank: Bank, events: Int = 20_000, rng: inout SeededRandom) -> (engine: SessionEngine, t: Double) {
        var engine = SessionEngine(bank: bank, id: "bench-long", candidate: "Bench", interviewer: "Bench",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        var t = 0.0
        while engine.file.events.count < events {
            t += 7200.0 / Double(events)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: engine.perform(.next, at: t)
            case 1: engine.perform(.previous, at: t)
            case 2: engine.perform(.toggleRubric(Int.random(in: 0..<5, using: &rng)), at: t)
            case 3: engine.perform(.rate(Int.random(in: 1...4, using: &rng)), at: t)
            default:
                var notes = engine.state.questions[engine.state.current].notes
                if notes.isEmpty || Int.random(in: 0..<4, using: &rng) == 0 {
                    notes.append(NoteLine(at: t, text: ""))
                }
                notes[notes.count - 1].text += "a few words typed in a burst "
                engine.perform(.setNotes(notes), at: t)
            }
        }
        return (engine, t)
    }

    /// A completed 45-minute interview on `bank` as people run them: most questions
    /// asked, times around the budgets, notes typed in bursts (with CJK and emoji),
    /// ticks, ratings, a pause now and then, a wrap-up with a recommendation.
    public static func interview(bank: Bank, index: Int, rng: inout SeededRandom) -> SessionFile {
        let names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov",
                     "Donald Knuth", "Frances Allen", "Ken Thompson", "Margaret Hamilton", "高橋 さくら"]
        let words = ["explains", "regularization", "with", "an", "example", "from", "work", "mentions", "dropout",
                     "cross-validation", "候補者", "good", "trade-off", "unclear", "on", "variance", "🚀", "asks"]
        let start = Date(timeIntervalSince1970: 1_800_000_000 + Double(index) * 5_400)
        var engine = SessionEngine(bank: bank, id: "bench-\(index)", candidate: "\(names[index % names.count]) \(index)",
                                   interviewer: "Bench", startedAt: start)
        var t = 0.0
        // As the program's monotonic clock records them: no event before the one ahead of it.
        var last = 0.0
        func perform(_ action: SessionAction, at time: Double) {
            last = max(last, time)
            engine.perform(action, at: last)
        }
        let asked = bank.questions.count - Int.random(in: 0...min(3, bank.questions.count - 1), using: &rng)
        for q in 0..<asked {
            if q > 0 { perform(.next, at: t) }
            let duration = Double(bank.questions[q].timeSeconds) * Double.random(in: 0.5...1.5, using: &rng)
            var notes: [NoteLine] = []
            let bursts = Int.random(in: 4...16, using: &rng)
            for burst in 0..<bursts {
                let at = t + duration * Double(burst + 1) / Double(bursts + 1)
                let text = (0..<Int.random(in: 3...10, using: &rng))
                    .map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }
                    .joined(separator: " ")
                if burst % 3 == 2, !notes.isEmpty {
                    notes[notes.count - 1].text += " " + text
                } else {
                    notes.append(NoteLine(at: (at - t).rounded(), text: text))
                }
                perform(.setNotes(notes), at: at)
                let rubric = bank.questions[q].rubric.count
                if rubric > 0, Bool.random(using: &rng) {
                    perform(.toggleRubric(Int.random(in: 0..<rubric, using: &rng)), at: at + 1)
                }
            }
            if Int.random(in: 0..<10, using: &rng) == 0 {
                perform(.togglePause, at: t + duration / 2)
                perform(.togglePause, at: t + duration / 2 + 30)
                t += 30
            }
            if Int.random(in: 0..<5, using: &rng) > 0 {
                perform(.rate(Int.random(in: 1...4, using: &rng)), at: t + duration - 2)
            }
            t += duration
        }
        perform(.wrapUp, at: t)
        perform(.recommend(Int.random(in: 1...4, using: &rng)), at: t + 20)
        perform(.setClosingNotes([NoteLine(at: 30, text: "Summary for the committee: solid, some gaps."),
                                         NoteLine(at: 50, text: "Next: system design round.")]), at: t + 60)
        perform(.end, at: t + 90)
        engine.markEnded(now: start.addingTimeInterval(last))
        return engine.snapshot(at: last)
    }
}
