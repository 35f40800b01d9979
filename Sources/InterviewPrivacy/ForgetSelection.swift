import InterviewCore

/// What `interview forget` finds of a candidate: the sessions named (by the candidate's exact
/// name, or by `--id`), the reports `report -o` wrote on them or naming the candidate, and,
/// left alone, the sessions of similar names and the files that cannot be read.
public struct ForgetSelection: Sendable {
    /// The sessions to delete: the candidate's (`NameMatch.isExact`) and those named by `--id`.
    public var sessions: [StoredSession]
    /// The recorded reports, still where they were written, on one of `sessions` or naming the candidate.
    public var reports: [RecordedReport]
    /// Sessions of a near name (`NameMatch.isNear`), shown with their id and left alone.
    public var similar: [StoredSession]
    /// The `--id` values that name no session.
    public var unmatchedIDs: [String]
    /// Files that cannot be read as sessions: they may hold anyone's data, and are not touched.
    public var unreadable: [StoredSession]

    /// The candidate's name, when given, and the values of `--id`.
    private let name: String?, ids: [String]

    /// `name`, when not nil, is the candidate's name; `ids`, the values of `--id`.
    public init(name: String?, ids: [String], data: StoredData) {
        self.name = name
        self.ids = ids
        sessions = data.sessions.filter { Self.chooses($0, name: name, ids: ids) }
        let chosen = Set(sessions.map(\.path))
        unmatchedIDs = ids.filter { id in !data.sessions.contains { Self.idMatches(id, $0.id) } }
        similar = name.map { name in
            data.sessions.filter { session in
                !chosen.contains(session.path) && session.facts.map { NameMatch.isNear(name, $0.candidate) } == true
            }
        } ?? []
        let facts = sessions.compactMap(\.facts)
        reports = data.reports.filter { report in
            report.exists && report.mentions.contains { mention in
                facts.contains { mention.reports(on: $0) } || name.map { mention.names($0) } == true
            }
        }
        unreadable = data.sessions.filter { $0.facts == nil }
    }

    /// Whether `session`, as it reads now, is one to delete: `forget` asks again under the
    /// session's lock, since the file may have changed since it was listed.
    public func chooses(_ session: StoredSession) -> Bool { Self.chooses(session, name: name, ids: ids) }

    private static func chooses(_ session: StoredSession, name: String?, ids: [String]) -> Bool {
        guard let file = session.facts else { return false }
        return name.map { NameMatch.isExact($0, file.candidate) } == true || ids.contains { idMatches($0, file.id) }
    }

    /// `--id ID` names a session by its whole id, its short id, or the start of its id (4 characters or more).
    public static func idMatches(_ given: String, _ id: String) -> Bool {
        let given = given.lowercased()
        guard !id.isEmpty, !given.isEmpty else { return false }
        return given == id.lowercased() || given == SessionNames.shortID(id) || (given.count >= 4 && id.lowercased().hasPrefix(given))
    }
}
