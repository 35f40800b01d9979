import Foundation

/// The range of every number in a session file, checked when it is read, so that no file
/// can take a command where the program's arithmetic traps (a time of 1e300 turned into
/// whole seconds, a question index past the end, an empty question list).
///
/// - Times in seconds (event and note `at`, `clockSeconds`, `totalSeconds`, `amendedAt`,
///   `elapsedSeconds`, `timeSeconds`, `durationSeconds`): finite, from 0 to
///   `maxSeconds` (10^7 s, about 115 days; an interview is hours).
/// - Event times never go back: each event's `at` is at or after the one before (the
///   program writes them so; a file that breaks it is refused, not repaired).
/// - Indices: an event's `question` within the questions, its `item` within that
///   question's rubric; `from` and `removed` of a notes edit from 0 to `maxCount`.
/// - Ratings: a question's `rating` and the `recommendation` 1 to 4 (or absent); an
///   event's `rating` 0 to 4 (0 clears).
/// - At least one question.
public enum SessionLimits {
    public static let maxSeconds: Double = 10_000_000
    public static let maxCount = 10_000_000

    /// A value out of range: where it is in the file (a coding path) and what was expected.
    struct Problem: Error {
        var path: [Key]
        var message: String
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ name: String) { stringValue = name }
        init(_ index: Int) {
            stringValue = "\(index)"
            intValue = index
        }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { self.init(intValue) }
    }

    static func describe(_ path: [Key]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    // The paths are built only for an error: these run for every number of every file `stats` reads.

    static func seconds(_ value: Double, _ path: @autoclosure () -> [Key]) throws(Problem) {
        guard value.isFinite, value >= 0, value <= maxSeconds else {
            throw Problem(path: path(), message: "\(describe(path())) is \(value): expected seconds from 0 to \(Int(maxSeconds))")
        }
    }

    static func seconds(_ value: Int, _ path: @autoclosure () -> [Key]) throws(Problem) {
        guard value >= 0, Double(value) <= maxSeconds else {
            throw Problem(path: path(), message: "\(describe(path())) is \(value): expected seconds from 0 to \(Int(maxSeconds))")
        }
    }

    static func within(_ value: Int?, _ range: ClosedRange<Int>, _ path: @autoclosure () -> [Key], _ what: String) throws(Problem) {
        guard let value, !range.contains(value) else { return }
        throw Problem(path: path(), message: "\(describe(path())) is \(value): expected \(what) from \(range.lowerBound) to \(range.upperBound)")
    }

    static func notes(_ notes: [NoteLine], _ path: @autoclosure () -> [Key]) throws(Problem) {
        for (n, line) in notes.enumerated() { try seconds(line.at, path() + [Key(n), Key("at")]) }
    }

    /// The checks of everything but the events, the same for `SessionFile` and `SessionSummary`.
    static func check(bank: SessionFile.BankInfo, questions: [SessionFile.QuestionRecord], recommendation: Int?,
                      closingNotes: [NoteLine], clockSeconds: Double, totalSeconds: Int?, amendedAt: Double?) throws(Problem) {
        try seconds(bank.durationSeconds, [Key("bank"), Key("durationSeconds")])
        guard !questions.isEmpty else {
            throw Problem(path: [Key("questions")], message: ".questions is empty: expected at least one question")
        }
        for (n, question) in questions.enumerated() {
            func path() -> [Key] { [Key("questions"), Key(n)] }
            try seconds(question.timeSeconds, path() + [Key("timeSeconds")])
            try seconds(question.elapsedSeconds, path() + [Key("elapsedSeconds")])
            try notes(question.notes, path() + [Key("notes")])
            try within(question.rating, 1...4, path() + [Key("rating")], "a rating")
        }
        try within(recommendation, 1...Rating.noDecision, [Key("recommendation")], "a recommendation (5: no decision)")
        try notes(closingNotes, [Key("closingNotes")])
        try seconds(clockSeconds, [Key("clockSeconds")])
        if let totalSeconds { try seconds(totalSeconds, [Key("totalSeconds")]) }
        if let amendedAt { try seconds(amendedAt, [Key("amendedAt")]) }
    }

    /// The checks of the events: times, order, indices and ratings.
    static func check<Events: Sequence>(events: Events, rubricCounts: [Int]) throws(Problem)
    where Events.Element: CheckedEvent {
        var previous = 0.0
        for (n, event) in events.enumerated() {
            func path(_ key: String) -> [Key] { [Key("events"), Key(n), Key(key)] }
            try seconds(event.at, path("at"))
            guard event.at >= previous else {
                throw Problem(path: path("at"),
                              message: "\(describe(path("at"))) is \(event.at), before the event ahead of it at \(previous): expected times that never go back")
            }
            previous = event.at
            if let question = event.question {
                guard rubricCounts.indices.contains(question) else {
                    throw Problem(path: path("question"),
                                  message: "\(describe(path("question"))) is \(question): expected a question index from 0 to \(rubricCounts.count - 1)")
                }
                let count = rubricCounts[question]
                if let item = event.item, !(0..<count).contains(item) {
                    throw Problem(path: path("item"), message: count == 0
                                      ? "\(describe(path("item"))) is \(item): expected no rubric item, question \(question) has none"
                                      : "\(describe(path("item"))) is \(item): expected a rubric item index from 0 to \(count - 1)")
                }
            } else {
                try within(event.item, 0...maxCount, path("item"), "a rubric item index")
            }
            try within(event.rating, 0...Rating.noDecision, path("rating"), "a rating (0 clears, 5: no decision)")
            try within(event.from, 0...maxCount, path("from"), "a line index")
            try within(event.removed, 0...maxCount, path("removed"), "a count of lines")
            for line in 0..<event.lineCount {
                try seconds(event.lineAt(line), path("lines") + [Key(line), Key("at")])
            }
        }
    }
}

/// What the range checks read of an event: `SessionEvent`, and the lighter one `stats` reads.
protocol CheckedEvent {
    var at: Double { get }
    var question: Int? { get }
    var item: Int? { get }
    var rating: Int? { get }
    var from: Int? { get }
    var removed: Int? { get }
    var lineCount: Int { get }
    func lineAt(_ index: Int) -> Double
}

extension SessionEvent: CheckedEvent {
    var lineCount: Int { lines?.count ?? 0 }
    func lineAt(_ index: Int) -> Double { lines![index].at }
}

/// A file whose numbers `SessionLimits` checks once it is decoded.
protocol RangeChecked {
    /// Whether `JSONScan` is to read the events on its way (`JSONScan.scan`).
    static var readsScannedEvents: Bool { get }
    /// What the decoder did not read, from the bytes (the summary's events; `scanned`
    /// when `JSONScan` could read them).
    mutating func complete(from data: Data, scanned: [EventSummary]?, file: String) throws(InputError)
    func checkRanges() throws(SessionLimits.Problem)
}

extension RangeChecked {
    static var readsScannedEvents: Bool { false }
    mutating func complete(from data: Data, scanned: [EventSummary]?, file: String) throws(InputError) {}
}

extension SessionFile: RangeChecked {
    func checkRanges() throws(SessionLimits.Problem) {
        try SessionLimits.check(bank: bank, questions: questions, recommendation: recommendation, closingNotes: closingNotes,
                                clockSeconds: clockSeconds, totalSeconds: totalSeconds, amendedAt: amendedAt)
        try SessionLimits.check(events: events, rubricCounts: questions.map(\.rubric.count))
    }
}
