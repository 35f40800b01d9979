#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// One moment of a session's life that its answers do not show: a pause, an undo, an
/// interruption (the program stopped), a resume, the end, a reopening to amend it.
public struct TimelineEntry: Hashable, Sendable, Encodable {
    public enum Kind: String, Hashable, Sendable, Encodable {
        case paused, resumed, undo, interrupted, resumedAfterInterruption, ended, reopenedAfterEnd
    }

    public var kind: Kind
    /// Session seconds (time into the interview, the program's downtime not counted).
    public var at: Double
    /// The clock time, when known (`SessionReport.Note.clockTime`).
    @Nullable public var clockTime: String?
    /// What an undo took back, in a few words.
    @Nullable public var detail: String?

    /// `paused`, `undo (a rating of question 3)` …: how a report lists it.
    public var label: String {
        let words: String = switch kind {
        case .paused: "paused"
        case .resumed: "resumed"
        case .undo: "undo"
        case .interrupted: "interrupted (the program stopped)"
        case .resumedAfterInterruption: "resumed after the interruption"
        case .ended: "ended"
        case .reopenedAfterEnd: "opened again to amend"
        }
        return detail.map { "\(words) (\($0))" } ?? words
    }

    /// The timeline of `events`; `number` gives a question's number in the interview.
    static func timeline(_ events: some Sequence<SessionEvent>, clock: ClockTimes, number: (Int) -> Int?) -> [TimelineEntry] {
        var out: [TimelineEntry] = []
        var interrupted = false
        for event in events {
            defer { interrupted = interrupted || event.type == .interrupted }
            let kind: Kind? = switch event.type {
            case _ where event.undo == true: .undo
            case .paused: .paused
            case .resumed: .resumed
            case .interrupted: .interrupted
            case .reopened: .resumedAfterInterruption
            case .ended: .ended
            case .reopenedAfterEnd: .reopenedAfterEnd
            default: nil
            }
            guard let kind else { continue }
            var detail: String?
            if kind == .undo {
                let what = undone(event.type)
                detail = event.question.flatMap(number).map { "\(what) on question \($0)" } ?? what
            }
            out.append(TimelineEntry(kind: kind, at: event.at, clockTime: interrupted ? nil : clock.label(at: event.at),
                                     detail: detail))
        }
        return out
    }

    private static func undone(_ type: SessionEvent.Kind) -> String {
        switch type {
        case .rated: "a rating"
        case .recommended: "the recommendation"
        case .rubricToggled: "a tick"
        case .questionOpened, .wrapUp: "a move"
        case .markedAsked: "marked asked"
        case .skipped: "a skip"
        case .followUpAsked: "a follow-up"
        case .shareSafe: "share-safe"
        default: "a change"
        }
    }
}

/// Clock time from session time: the start's wall clock plus session seconds, before the
/// first interruption; from it on the wall clock is unknown (the downtime is not recorded).
struct ClockTimes {
    var start: Date?
    var knownUntil: Double

    init(startedAt: String, events: some Sequence<SessionEvent>) {
        start = try? Date(startedAt, strategy: .iso8601)
        knownUntil = events.first { $0.type == .interrupted }?.at ?? .infinity
    }

    func label(at seconds: Double) -> String? {
        guard let start, seconds < knownUntil else { return nil }
        return ISO8601.string(start.addingTimeInterval(seconds.rounded(.down)))
    }
}
