import InterviewCore

/// What every JSON document that lists sessions says of each one (the debrief's and the
/// stats' sessions, as the report's), written once: a document's session is this header
/// and the document's own fields, in one JSON object (`HeadedSession`).
struct SessionHeader: Encodable {
    var file: String
    var id: String
    var interviewer: String
    var startedAt: String
    @Nullable var endedAt: String?
    var bank: SessionFile.BankInfo
    var mode: SessionMode
    var status: SessionStatus
    @RecommendationJSON var recommendation: Int?
    var totalSeconds: Int
}

/// What a session's header and its panel grouping read of it: its report, or the facts
/// `stats` keeps of it (from the file or the index).
public protocol SessionFacts {
    var file: String { get }
    var id: String { get }
    var interviewer: String { get }
    var startedAt: String { get }
    var endedAt: String? { get }
    var bank: SessionFile.BankInfo { get }
    var mode: SessionMode { get }
    var status: SessionStatus { get }
    var recommendation: Int? { get }
    var totalSeconds: Int { get }
    var panel: SessionFile.Panel? { get }
}

extension SessionReport: SessionFacts {}
extension StatsSession: SessionFacts {}

extension SessionHeader {
    init(_ r: some SessionFacts) {
        self.init(file: r.file, id: r.id, interviewer: r.interviewer, startedAt: r.startedAt, endedAt: r.endedAt, bank: r.bank,
                  mode: r.mode, status: r.status, recommendation: r.recommendation, totalSeconds: r.totalSeconds)
    }
}

/// A session of a JSON document: the header's keys and the document's own (`details`) in
/// one object. Each writes its keys into the same keyed container of the encoder.
struct HeadedSession<Details: Encodable>: Encodable {
    var header: SessionHeader
    var details: Details

    init(_ report: some SessionFacts, _ details: Details) {
        header = SessionHeader(report)
        self.details = details
    }

    func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        try details.encode(to: encoder)
    }
}
