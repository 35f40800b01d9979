#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The session file (docs/sessions.md): the events are the truth; the summary beside them (per
/// question, and the session's status, recommendation, closing notes and total time) is
/// derived from them on every save, for people, `jq` and `interview stats`.
public struct SessionFile: Codable, Hashable, Sendable {
    public static let format = "interview-session"
    /// 2: no decision is `"noDecision"`, and no recommendation `null` (version 1 wrote `5`, or
    /// left the key out).
    public static let currentVersion = 2

    public struct BankInfo: Codable, Hashable, Sendable {
        public var title: String
        public var source: String
        public var hash: String
        public var durationSeconds: Int

        public init(title: String, source: String, hash: String, durationSeconds: Int) {
            (self.title, self.source, self.hash, self.durationSeconds) = (title, source, hash, durationSeconds)
        }
    }

    public struct RubricItem: Codable, Hashable, Sendable {
        public var text: String
        public var checked: Bool

        public init(text: String, checked: Bool) {
            (self.text, self.checked) = (text, checked)
        }
    }

    /// A copy of a question as asked, with what the session gathered on it.
    public struct QuestionRecord: Codable, Hashable, Sendable {
        public var id: String
        public var prompt: String
        public var timeSeconds: Int
        public var tags: [String]
        public var whyAsk: String
        public var expectedAnswer: String
        public var howToEvaluate: String
        public var rubric: [RubricItem]
        public var elapsedSeconds: Int
        public var notes: [NoteLine]
        public var rating: Int?
        /// True when its ticks, rating or notes changed after the interview had ended.
        public var amendedAfterEnd: Bool?
        public var competencies: [String]?
        public var followUps: [String]?
        public var anchors: [String]?
        /// A question of the interviewer's own, added during the interview (`+`); its
        /// record is derived from the `questionAdded` event, which the fold replays.
        public var added: Bool?
        /// `x` (derived): not reached or no signal, and why when said.
        public var skipped: Bool?
        public var skipReason: String?
        /// `m` (derived): asked, whatever its clock says.
        public var markedAsked: Bool?
        /// The follow-ups asked (derived), by index.
        public var followUpsAsked: [Int]?
    }

    public var format: String
    public var version: Int
    public var id: String
    public var mode: SessionMode
    public var status: SessionStatus
    public var candidate: String
    public var interviewer: String
    public var startedAt: String
    public var endedAt: String?
    public var bank: BankInfo
    public var questions: [QuestionRecord]
    @RecommendationJSON public var recommendation: Int?
    public var closingNotes: [NoteLine]
    /// The session's monotonic clock when it was last saved: a resumed session goes
    /// on from here, so the time the program was not running does not count.
    public var clockSeconds: Double
    /// The total clock at `clockSeconds`, in whole seconds (`Durations.wholeSeconds`): the seconds the session
    /// ran, pauses excluded (the report's `totalSeconds`). Derived from the events on
    /// every save, like the per-question summary; absent from files written before it
    /// was added, and then computed from the events by whoever needs it.
    public var totalSeconds: Int?
    /// The session clock when the ended interview was opened again to amend it (derived
    /// from the events; absent when it never was).
    public var amendedAt: Double?
    /// Whether the recommendation or the closing notes changed after the end (derived).
    public var overallAmended: Bool?
    public var events: EventLog

    /// The questions as the engine and the screens use them.
    public var bankQuestions: [Question] {
        questions.map { record in
            Question(id: record.id, prompt: record.prompt, timeSeconds: record.timeSeconds, tags: record.tags,
                     whyAsk: RichText.parse(record.whyAsk), expectedAnswer: RichText.parse(record.expectedAnswer),
                     howToEvaluate: RichText.parse(record.howToEvaluate), rubric: record.rubric.map(\.text),
                     competencies: record.competencies ?? [], followUps: record.followUps ?? [], anchors: record.anchors ?? [])
        }
    }

    /// The questions chosen for the interview, in order (`run --questions`, `--tags`), as
    /// indices into `questions`; nil for the whole bank in its order.
    public var plan: [Int]?
    /// Which clocks the candidate's screens show: `none`, `question` (the default) or `both`.
    public var candidateClock: String?
    /// A panel member's link to the interview it scored (`interview join`); nil for a solo
    /// interview or a panel's lead (docs/panel.md).
    public var panel: Panel?

    /// The rubric counts of the questions the session started with (added ones come from
    /// their events).
    public var rubricCounts: [Int] { questions.filter { $0.added != true }.map(\.rubric.count) }

    /// The state before the first event.
    public var initialState: SessionState { SessionState(rubricCounts: rubricCounts, plan: plan) }

    /// The state at the end of the recorded events.
    public var finalState: SessionState { SessionState.fold(rubricCounts: rubricCounts, plan: plan, events: events) }
}

extension SessionFile {
    /// Pretty-printed with sorted keys, so that two versions diff line by line; always
    /// in this program's version, whichever version it was read from.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var current = self
        current.version = Self.currentVersion
        var data = try encoder.encode(current)
        data.append(0x0A)
        return data
    }

    /// Reads a session file, refusing what is not one, or what a newer version wrote.
    public static func decode(_ data: Data, file: String) throws(InputError) -> SessionFile {
        try decode(SessionFile.self, from: data, file: file)
    }

    /// Reads `Body` from the bytes of a session file, after the checks every reader of
    /// one makes (`Header.refusal`), with the errors of `describe`: what `decode` does
    /// for the whole file, and `SessionSummary` for the part of it `stats` reads. One
    /// pass of the JSON decoder reads the header first, then the body, from the same
    /// parsed document.
    ///
    /// Before the decoder, one scan of the bytes (`JSONScan`) refuses broken JSON at the
    /// place it breaks and a key given twice in one object; after it, every number is
    /// checked against `SessionLimits`, the error pointing at the value.
    static func decode<Body: Decodable & RangeChecked>(_ type: Body.Type, from data: Data, file: String) throws(InputError) -> Body {
        let (problem, events) = JSONScan.scan(data, events: Body.readsScannedEvents)
        if let problem {
            let (line, column) = JSONPosition.lineColumn(of: problem.offset, in: data)
            let message = problem.duplicate ? "\(problem.message) (JSON readers differ on which one counts)"
                : "invalid JSON (\(problem.message)): expected a complete session file"
            throw InputError(file: file, line: line, column: column, message: message)
        }
        var body: Body
        do {
            // The decoder parses every byte it is given before it decodes a value, and a
            // body that reads its events from the scan does not decode them: it is given
            // the document with `[]` for them (about half the bytes of a session file).
            // Should that fail, the whole document says why, as it would have.
            body = try events.flatMap { try? Self.decodeChecked(Body.self, from: Self.removing($0.range, from: data)) }
                ?? Self.decodeChecked(Body.self, from: data)
        } catch let refusal as Header.Refusal {
            throw InputError(file: file, message: refusal.message)
        } catch {
            throw SessionFile.describe(error, data: data, file: file)
        }
        try body.complete(from: data, scanned: events?.summaries, file: file)
        do throws(SessionLimits.Problem) {
            try body.checkRanges()
        } catch {
            let (line, column) = JSONPosition.position(of: error.path, in: data)
            throw InputError(file: file, line: line, column: column, message: error.message)
        }
        return body
    }

    private static func decodeChecked<Body: Decodable>(_ type: Body.Type, from data: Data) throws -> Body {
        try JSONDecoder().decode(Checked<Body>.self, from: data).body
    }

    /// The bytes of `data` with `[]` in place of those at `range` (offsets from its start).
    private static func removing(_ range: Range<Int>, from data: Data) -> Data {
        data.withUnsafeBytes { raw in
            var document = Data(capacity: raw.count - range.count + 2)
            document.append(contentsOf: raw[..<range.lowerBound])
            document.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
            document.append(contentsOf: raw[range.upperBound...])
            return document
        }
    }

    /// What a file says it is: read before anything else of it.
    struct Header: Decodable {
        var format: String?
        var version: Int?

        struct Refusal: Error {
            var message: String
        }

        /// Why a reader must not go on with this file, or nil when it can.
        var refusal: Refusal? {
            guard format == SessionFile.format else {
                return Refusal(message: "not an interview session: expected \"format\": \"\(SessionFile.format)\"")
            }
            guard let version, version >= 1 else { return Refusal(message: "expected a positive \"version\" number") }
            guard version <= currentVersion else {
                return Refusal(message: "written by a newer interview (session version \(version)); this one reads versions up to \(currentVersion): upgrade interview")
            }
            return nil
        }
    }

    /// The header, checked, then the body, both decoded from the same top-level object.
    private struct Checked<Body: Decodable>: Decodable {
        var body: Body

        init(from decoder: any Decoder) throws {
            if let refusal = try Header(from: decoder).refusal { throw refusal }
            body = try Body(from: decoder)
        }
    }

    static func describe(_ error: any Error, data: Data, file: String) -> InputError {
        guard let decoding = error as? DecodingError else {
            return InputError(file: file, message: "cannot be read as a session: \(error)")
        }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : keys
        }
        switch decoding {
        case .dataCorrupted(let context):
            // A value the decoder cannot take (an unknown event type, a number too large
            // for an integer) is at its coding path; otherwise the decoder's message says where.
            let (line, column) = context.codingPath.isEmpty ? JSONPosition.locate(context, in: data)
                : JSONPosition.position(of: context.codingPath, in: data)
            let detail = context.underlyingError.map { "\($0)" }
            if !context.codingPath.isEmpty {
                return InputError(file: file, line: line, column: column, message: "wrong value at \(path(context)): \(detail ?? context.debugDescription)")
            }
            return InputError(file: file, line: line, column: column,
                              message: "invalid JSON (\(detail ?? context.debugDescription)): expected a complete session file")
        case .keyNotFound(let key, let context):
            let (line, column) = JSONPosition.position(of: context.codingPath, in: data)
            return InputError(file: file, line: line, column: column, message: "missing \"\(key.stringValue)\" at \(path(context)): expected a complete session file")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let (line, column) = JSONPosition.position(of: context.codingPath, in: data)
            return InputError(file: file, line: line, column: column, message: "wrong value at \(path(context)): \(context.debugDescription)")
        @unknown default:
            return InputError(file: file, message: "cannot be read as a session: \(error)")
        }
    }
}

/// Turns the JSON decoder's position (a byte offset or "line N, column M" in its
/// message) into a line and column; the end of the data when it names neither.
enum JSONPosition {
    static func locate(_ context: DecodingError.Context, in data: Data) -> (Int, Int) {
        let texts = [context.debugDescription, "\(context.underlyingError.map { "\($0)" } ?? "")"]
        for text in texts {
            if let line = number(after: "line ", in: text), let column = number(after: "column ", in: text) {
                return inside(line, column, data)
            }
            if let offset = number(after: "character ", in: text) ?? number(after: "offset ", in: text) {
                return lineColumn(of: min(offset, data.count), in: data)
            }
        }
        return lineColumn(of: data.count, in: data)
    }

    /// The value at `path` (the deepest part of it that exists), as a line and column.
    static func position(of path: [any CodingKey], in data: Data) -> (Int, Int) {
        lineColumn(of: JSONScan.offset(of: path, in: data) ?? 0, in: data)
    }

    /// A line and column the decoder gave, kept inside the data: at most its end.
    static func inside(_ line: Int, _ column: Int, _ data: Data) -> (Int, Int) {
        let end = lineColumn(of: data.count, in: data)
        guard line >= 1, column >= 1 else { return (1, 1) }
        if line > end.0 || (line == end.0 && column > end.1) { return end }
        // Past the end of its line: the line's end.
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        let length = lines[line - 1].filter { $0 & 0xC0 != 0x80 }.count
        return (line, min(column, length + 1))
    }

    private static func number(after marker: String, in text: String) -> Int? {
        guard let range = text.firstRange(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix(while: \.isNumber))
    }

    static func lineColumn(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
