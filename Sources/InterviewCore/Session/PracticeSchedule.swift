#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The order of questions for `interview practice --review`, in the spirit of SM-2:
/// a question answered well comes back after a growing interval, one answered badly
/// comes back at once.
///
/// - A practice of a question scores its quality: the self-rating (1–4) when given,
///   else 1 + 3 × the share of rubric items ticked. Quality 3 or more is a success.
/// - The interval after the last practice is 0 after a failure, else
///   1 day × 2.5^(successes in a row − 1): 1 day, 2.5 days, 6.25 days…
/// - Order: questions never practised first (in bank order); then those due (the
///   interval has passed), most overdue relative to their interval first, lower
///   quality first on ties; then those not yet due, soonest first.
public enum PracticeSchedule {
    public struct Attempt: Hashable, Sendable {
        public var date: Date
        public var quality: Double
        public init(date: Date, quality: Double) {
            self.date = date
            self.quality = quality
        }
    }

    /// Attempts per question id, from practice sessions on any bank.
    public static func history(_ sessions: [SessionFile]) -> [String: [Attempt]] {
        var out: [String: [Attempt]] = [:]
        for file in sessions where file.mode == .practice {
            let date = (try? Date(file.startedAt, strategy: .iso8601)) ?? .distantPast
            let state = file.finalState
            for (index, question) in file.questions.enumerated() where state.questions[index].visited {
                let progress = state.questions[index]
                guard progress.rating != nil || !progress.notes.isEmpty || progress.rubric.contains(true) else { continue }
                let covered = progress.rubric.isEmpty ? 0 : Double(progress.rubric.filter { $0 }.count) / Double(progress.rubric.count)
                out[question.id, default: []].append(Attempt(date: date, quality: progress.rating.map(Double.init) ?? 1 + 3 * covered))
            }
        }
        return out.mapValues { $0.sorted { $0.date < $1.date } }
    }

    static let day: TimeInterval = 86_400

    /// When a question with these attempts is next due, and its interval.
    static func nextDue(_ attempts: [Attempt]) -> (date: Date, interval: TimeInterval) {
        let successes = attempts.reversed().prefix { $0.quality >= 3 }.count
        let interval = successes == 0 ? 0 : day * pow(2.5, Double(successes - 1))
        return (attempts.last!.date.addingTimeInterval(interval), interval)
    }

    public static func order(_ questions: [Question], history: [String: [Attempt]], now: Date) -> [Question] {
        let fresh = questions.filter { (history[$0.id] ?? []).isEmpty }
        struct Scheduled {
            var question: Question
            var due: Date
            var overdue: Double
            var quality: Double
        }
        let practised = questions.filter { !(history[$0.id] ?? []).isEmpty }.map { question -> Scheduled in
            let attempts = history[question.id]!
            let (due, interval) = nextDue(attempts)
            return Scheduled(question: question, due: due, overdue: now.timeIntervalSince(due) / max(interval, day),
                             quality: attempts.last!.quality)
        }
        let dueNow = practised.filter { $0.due <= now }.sorted { ($0.overdue, -$0.quality) > ($1.overdue, -$1.quality) }
        let later = practised.filter { $0.due > now }.sorted { $0.due < $1.due }
        return fresh + dueNow.map(\.question) + later.map(\.question)
    }
}
