#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `interview stats` reads of a session file: all of it but the events, the bulk of
/// the file. The summary beside the events is what the session engine derives from them
/// on every save (`SessionEngine.snapshot`), at the very moment a report folds them at
/// (`clockSeconds`), so a report built from it (`SessionReport.init?(_:file:)`) is the one
/// built from the events. Decoding it takes about a third of the time of the whole file
/// (docs/benchmarks.md).
///
/// It is read by `SessionFile.decode(_:from:file:)`: the same header checks and the same
/// errors as the whole file, with its keys and types, in the same order (the synthesized
/// `Decodable` reads the properties in the order they are declared here, as in
/// `SessionFile`), so a file refused here is refused by `SessionFile.decode` with the same
/// error. The events it reads lightly (`EventSummary`: every field but the text of the
/// notes lines), for the range checks every reader makes (`SessionLimits`): `stats`
/// refuses what `report` refuses.
package struct SessionSummary: Decodable, Hashable, Sendable, RangeChecked {
    package var id: String
    package var mode: SessionMode
    package var status: SessionStatus
    package var candidate: String
    package var interviewer: String
    package var startedAt: String
    package var endedAt: String?
    package var bank: SessionFile.BankInfo
    package var questions: [SessionFile.QuestionRecord]
    @RecommendationJSON package var recommendation: Int?
    package var closingNotes: [NoteLine]
    package var clockSeconds: Double
    /// Absent from files written before the summary carried it: those need the events.
    package var totalSeconds: Int?
    package var amendedAt: Double?
    package var overallAmended: Bool?
    /// The plan (question indices), as in `SessionFile`: the report's order and numbers.
    package var plan: [Int]?
    /// The panel this session is a member's of, as in `SessionFile`.
    package var panel: SessionFile.Panel?
    /// Not decoded with the rest: read straight from the bytes (`complete(from:file:)`).
    package var events: [EventSummary] = []

    enum CodingKeys: String, CodingKey {
        case id, mode, status, candidate, interviewer, startedAt, endedAt, bank, questions, recommendation, closingNotes,
             clockSeconds, totalSeconds, amendedAt, overallAmended, plan, panel
    }

    /// The events, from the bytes when `JSONScan` can vouch that the decoder reads them
    /// the same; otherwise from the whole file, whose decoder then says what is wrong.
    static var readsScannedEvents: Bool { true }

    mutating func complete(from data: Data, scanned: [EventSummary]?, file: String) throws(InputError) {
        if let scanned {
            events = scanned
        } else {
            events = try SessionFile.decode(data, file: file).events.map(EventSummary.init)
        }
    }

    func checkRanges() throws(SessionLimits.Problem) {
        try SessionLimits.check(bank: bank, questions: questions, recommendation: recommendation, closingNotes: closingNotes,
                                clockSeconds: clockSeconds, totalSeconds: totalSeconds, amendedAt: amendedAt)
        try SessionLimits.check(events: events, questions: questions)
    }

    package static func decode(_ data: Data, file: String) throws(InputError) -> SessionSummary {
        try SessionFile.decode(SessionSummary.self, from: data, file: file)
    }
}

/// An event as the range checks read it (`JSONScan.eventSummaries`): its numbers, the
/// notes lines only for their times.
package struct EventSummary: Hashable, Sendable, CheckedEvent {
    struct LineTime: Hashable, Sendable {
        var at: Double
    }

    var at: Double
    var type: SessionEvent.Kind
    var question: Int?
    var item: Int?
    var rating: Int?
    var from: Int?
    var removed: Int?
    var lines: [LineTime]?
    /// An undo (`u`): the report's timeline lists it.
    var undo = false

    var lineCount: Int { lines?.count ?? 0 }
    func lineAt(_ index: Int) -> Double { lines![index].at }
}

extension EventSummary {
    init(at: Double, type: SessionEvent.Kind) {
        self.init(at: at, type: type, question: nil, item: nil, rating: nil, from: nil, removed: nil, lines: nil)
    }

    /// The event as the fold takes it, for the order of the questions and the times of
    /// notes lines (their text, the toggles' `on` and reasons are read from the summary).
    package var event: SessionEvent {
        SessionEvent(at: at, type: type, question: question, item: item, rating: rating, from: from, removed: removed,
                     lines: lines?.map { NoteLine(at: $0.at, text: "") }, undo: undo ? true : nil)
    }

    init(_ event: SessionEvent) {
        self.init(at: event.at, type: event.type, question: event.question, item: event.item, rating: event.rating,
                  from: event.from, removed: event.removed, lines: event.lines?.map { LineTime(at: $0.at) },
                  undo: event.undo == true)
    }
}
