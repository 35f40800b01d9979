#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
///   question's follow-ups (`followUpAsked`) or rubric (any other); `from` and `removed`
///   of a notes edit from 0 to `maxCount`.
/// - The interviewer's own questions (`added`): after the bank's, one for each
///   `questionAdded` event, in order, and each event's `question` the index of its own;
///   the fold makes one question per event, and the screens look each one up in the file.
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

    /// The checks of the events: times, order, indices and ratings; and the questions
    /// added during the interview against the events that added them.
    static func check<Events: Sequence>(events: Events, questions: [SessionFile.QuestionRecord]) throws(Problem)
    where Events.Element: CheckedEvent {
        let bankCount = try addedLast(questions)
        var added = 0
        var previous = 0.0
        for (n, event) in events.enumerated() {
            func path(_ key: String) -> [Key] { [Key("events"), Key(n), Key(key)] }
            try seconds(event.at, path("at"))
            guard event.at >= previous else {
                throw Problem(path: path("at"),
                              message: "\(describe(path("at"))) is \(event.at), before the event ahead of it at \(previous): expected times that never go back")
            }
            previous = event.at
            if event.type == .questionAdded {
                let index = bankCount + added
                guard index < questions.count else {
                    throw Problem(path: [Key("events"), Key(n)], message:
                        "\(describe([Key("events"), Key(n)])) adds a question the file does not hold: expected one added question (\"added\": true) after the bank's for each questionAdded event")
                }
                if let question = event.question, question != index {
                    throw Problem(path: path("question"), message:
                        "\(describe(path("question"))) is \(question): expected \(index), the index of the question it adds")
                }
                added += 1
            }
            if let question = event.question {
                guard questions.indices.contains(question) else {
                    throw Problem(path: path("question"),
                                  message: "\(describe(path("question"))) is \(question): expected a question index from 0 to \(questions.count - 1)")
                }
                if let item = event.item { try self.item(item, of: questions[question], question, event.type, path("item")) }
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
        guard bankCount + added == questions.count else {
            let path = [Key("questions"), Key(bankCount + added), Key("added")]
            throw Problem(path: path, message: "\(describe(path)) is true, and no questionAdded event adds it: expected one event for each added question")
        }
    }

    /// How many questions the bank gave (at least one): those before the first added
    /// one, after which every one must be added.
    static func addedLast(_ questions: [SessionFile.QuestionRecord]) throws(Problem) -> Int {
        let bankCount = questions.firstIndex { $0.added == true } ?? questions.count
        guard bankCount > 0 else {
            let path = [Key("questions"), Key(0), Key("added")]
            throw Problem(path: path, message: "\(describe(path)) is true: expected the bank's questions first, at least one")
        }
        if let bank = questions[bankCount...].firstIndex(where: { $0.added != true }) {
            let path = [Key("questions"), Key(bank)]
            throw Problem(path: path, message: "\(describe(path)) is a question of the bank after one added during the interview: expected the added ones last")
        }
        return bankCount
    }

    /// An event's `item`: a follow-up of the question for `followUpAsked`, a rubric item for any other.
    static func item(_ item: Int, of record: SessionFile.QuestionRecord, _ question: Int, _ type: SessionEvent.Kind,
                     _ path: @autoclosure () -> [Key]) throws(Problem) {
        let (count, what) = type == .followUpAsked ? (record.followUps?.count ?? 0, "follow-up") : (record.rubric.count, "rubric item")
        guard !(0..<count).contains(item) else { return }
        throw Problem(path: path(), message: count == 0
                          ? "\(describe(path())) is \(item): expected no \(what), question \(question) has none"
                          : "\(describe(path())) is \(item): expected a \(what) index from 0 to \(count - 1)")
    }
}

/// What the range checks read of an event: `SessionEvent`, and the lighter one `stats` reads.
protocol CheckedEvent {
    var at: Double { get }
    var type: SessionEvent.Kind { get }
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
        try SessionLimits.check(events: events, questions: questions)
    }
}
