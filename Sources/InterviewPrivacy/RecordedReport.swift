#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewReports

/// A report the program wrote with `report -o` or `debrief -o`, as recorded in
/// `reports-written` beside the sessions folder (one absolute path a line), and the
/// sessions it reports on, read back from the report itself: the JSON documents'
/// `sessions` (id, candidate, start), the Markdown and HTML reports' Candidate and Date
/// rows, the debriefs' title and Date row (a date a session).
public struct RecordedReport: Sendable {
    public var path: String
    public var exists: Bool
    public var size: Int
    public var modified: Date?
    public var mentions: [Mention]

    /// One session a report is about.
    public struct Mention: Hashable, Sendable {
        public var format: Scorecard.Format
        /// The session's id (JSON reports only).
        public var id: String?
        /// The candidate as the report writes it (escaped for Markdown or HTML).
        public var candidate: String
        /// The start of the interview, when the report's date reads back.
        public var date: Date?

        /// Whether this is `file`: the same id, or the same candidate and start (to the minute).
        public func reports(on file: SessionFile) -> Bool { reports(on: StoredSession.Facts(file)) }

        /// Whether this is the session of `file`: the same id, or the same candidate and start (to the minute).
        public func reports(on file: StoredSession.Facts) -> Bool {
            if let id { return id == file.id }
            return names(file.candidate) && ReportText.date(file.startedAt) == date.map { ReportText.date(ISO8601.string($0)) }
        }

        /// Whether the report names `candidate` exactly (as `NameMatch` compares names).
        public func names(_ candidate: String) -> Bool {
            let written: [String]
            switch format {
            // A report's row, or a debrief's title.
            case .markdown: written = [ReportText.markdown(candidate), ReportText.markdown(candidate, in: .heading)]
            case .html: written = [ReportText.html(candidate)]
            case .json: written = [candidate]
            }
            return written.contains { NameMatch.isExact($0, self.candidate) }
        }
    }

    /// `reports-written`, beside the sessions folder.
    public static func recordFile(of store: SessionStore) -> URL {
        store.folder.deletingLastPathComponent().appendingPathComponent("reports-written")
    }

    /// The paths recorded in `file`, in order, each once.
    public static func recordedPaths(_ file: URL) -> [String] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        var seen: Set<String> = []
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Every report recorded beside `store`'s folder, in the record's order.
    public static func all(_ store: SessionStore) -> [RecordedReport] {
        recordedPaths(recordFile(of: store)).map(load)
    }

    /// Whether it reports on `file` (by its id, or its candidate and start).
    public func reports(on file: SessionFile) -> Bool { reports(on: StoredSession.Facts(file)) }

    /// Whether it reports on the session of `facts`.
    public func reports(on facts: StoredSession.Facts) -> Bool { mentions.contains { $0.reports(on: facts) } }

    /// The report at `path` and what it reports on (nothing when it is missing or not a report).
    public static func load(_ path: String) -> RecordedReport {
        guard SessionStore.isRegularFile(path), let data = FileManager.default.contents(atPath: path) else {
            return RecordedReport(path: path, exists: FileManager.default.fileExists(atPath: path), size: 0, modified: nil, mentions: [])
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        return RecordedReport(path: path, exists: true, size: data.count, modified: modified, mentions: mentions(in: data))
    }

    /// What a JSON report (a scorecard or a debrief) says of the sessions it is about.
    private struct ReportJSON: Decodable {
        var format: String?
        var candidate: String?
        var sessions: [Session]?

        struct Session: Decodable {
            var id: String?
            var candidate: String?
            var startedAt: String?
        }
    }

    /// The sessions a report's bytes are about.
    static func mentions(in data: Data) -> [Mention] {
        if let json = try? JSONDecoder().decode(ReportJSON.self, from: data) {
            // A debrief names its candidate once, for every session.
            let debriefed = json.format == Debrief.jsonFormat ? json.candidate : nil
            guard json.format == Scorecard.jsonFormat || debriefed != nil, let sessions = json.sessions else { return [] }
            return sessions.map { session in
                Mention(format: .json, id: session.id, candidate: debriefed ?? session.candidate ?? "",
                        date: session.startedAt.flatMap { try? Date($0, strategy: .iso8601) })
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        if let debrief = debriefMentions(text) { return debrief }
        var out: [Mention] = []
        var format: Scorecard.Format?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let candidate = cell(line, "| Candidate | ", " |") {
                out.append(Mention(format: .markdown, id: nil, candidate: candidate, date: nil))
                format = .markdown
            } else if let candidate = cell(line, "<tr><th scope=\"row\">Candidate</th><td>", "</td></tr>") {
                out.append(Mention(format: .html, id: nil, candidate: candidate, date: nil))
                format = .html
            } else if let format, !out.isEmpty, out[out.count - 1].date == nil,
                      let date = format == .markdown ? cell(line, "| Date | ", " |")
                                                     : cell(line, "<tr><th scope=\"row\">Date</th><td>", "</td></tr>") {
                out[out.count - 1].date = reportDate(date)
            }
        }
        return out
    }

    /// A Markdown or HTML debrief's candidate (its title) and sessions (its Date row), or
    /// nil when `text` is not a debrief.
    static func debriefMentions(_ text: String) -> [Mention]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let markdown = lines.first.flatMap { cell($0, "# Debrief: ", "") }
        guard let candidate = markdown ?? lines.lazy.compactMap({ cell($0, "<h1>Debrief: ", "</h1>") }).first else { return nil }
        let format: Scorecard.Format = markdown == nil ? .html : .markdown
        let row = markdown == nil ? lines.lazy.compactMap { cell($0, "<tr><th scope=\"row\">Date</th><td>", "</td></tr>") }.first
                                  : lines.lazy.compactMap { cell($0, "| Date | ", " |") }.first
        let dates = row.map { $0.components(separatedBy: markdown == nil ? "</td><td>" : " | ") } ?? [""]
        return dates.map { Mention(format: format, id: nil, candidate: candidate, date: reportDate($0)) }
    }

    private static func cell(_ line: Substring, _ prefix: String, _ suffix: String) -> String? {
        guard line.hasPrefix(prefix), line.hasSuffix(suffix), line.count >= prefix.count + suffix.count else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// `2026-11-26 10:04 UTC`, as `ReportText.date` writes it.
    static func reportDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 3, parts[2] == "UTC" else { return nil }
        return try? Date("\(parts[0])T\(parts[1]):00Z", strategy: .iso8601)
    }

    /// The start of the newest interview it reports on, else the file's date: the date
    /// a retention policy ages it by.
    public var date: Date? { mentions.compactMap(\.date).max() ?? modified }

    /// The candidates it names, as written.
    public var candidates: [String] { mentions.map(\.candidate) }

    /// Forgets `paths` in the record (what is left stays in its order); nothing when none is there.
    public static func forget(_ paths: Set<String>, in record: URL) throws(SessionStore.WriteError) {
        guard !paths.isEmpty, FileManager.default.fileExists(atPath: record.path),
              let text = try? String(contentsOf: record, encoding: .utf8) else { return }
        let kept = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !paths.contains($0) }
        try SessionStore.writeAtomically(Data(kept.map { $0 + "\n" }.joined().utf8), to: record)
    }
}
