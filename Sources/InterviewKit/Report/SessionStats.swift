import Foundation

/// Many sessions side by side (`interview stats`): a row per session, and per question
/// of each bank how many sessions asked it, how often it ran over its budget and how it
/// was rated: the calibration view. Built from the same `SessionReport`s as reports,
/// read from the summary the engine saves beside the events (`SessionStats.report`).
public struct SessionStats: Hashable, Sendable {
    /// One question of one bank (bank title + question id), over every session.
    public struct QuestionStats: Hashable, Sendable {
        public var id: String
        /// The smallest 1-based position it had in a session, to keep the bank's order.
        public var number: Int
        /// The prompt of the newest session that has it.
        public var prompt: String
        public var budgetSeconds: Int
        public var asked = 0
        public var overBudget = 0
        public var rated = 0
        public var ratingSum = 0
        public var elapsedSum = 0

        public var averageRating: Double? { rated == 0 ? nil : Double(ratingSum) / Double(rated) }
        public var averageSeconds: Int? { asked == 0 ? nil : Int((Double(elapsedSum) / Double(asked)).rounded()) }
    }

    public struct BankStats: Hashable, Sendable {
        public var title: String
        public var sessions: Int
        public var questions: [QuestionStats]
    }

    public var folder: String
    /// Sorted by start date, then file name.
    public var sessions: [SessionReport]
    /// The files that could not be read, one error each, in file name order.
    public var skipped: [InputError]
    /// By bank title; practice sessions of a bank apart, as "TITLE (practice)".
    public var banks: [BankStats]

    /// 0 when every file was read, 1 when any was skipped.
    public var exitCode: Int32 { skipped.isEmpty ? 0 : 1 }

    public init(folder: String, sessions: [SessionReport], skipped: [InputError]) {
        self.folder = folder
        self.skipped = skipped
        let keyed = sessions.map { (date: (try? Date($0.startedAt, strategy: .iso8601)) ?? .distantPast, report: $0) }
        self.sessions = keyed.sorted { a, b in
            a.date != b.date ? a.date < b.date : (a.report.file, a.report.id) < (b.report.file, b.report.id)
        }.map(\.report)

        var byBank: [String: (sessions: Int, questions: [String: QuestionStats])] = [:]
        for session in self.sessions {
            // Practice is counted apart: self-ratings are not an interviewer's, and the
            // practice rows are the candidate's progress per question.
            let key = session.mode == .practice ? session.bank.title + " (practice)" : session.bank.title
            var bank = byBank[key] ?? (0, [:])
            bank.sessions += 1
            for q in session.questions {
                var entry = bank.questions[q.id]
                    ?? QuestionStats(id: q.id, number: q.number, prompt: q.prompt, budgetSeconds: q.budgetSeconds)
                entry.number = min(entry.number, q.number)
                entry.prompt = q.prompt
                entry.budgetSeconds = q.budgetSeconds
                if q.asked {
                    entry.asked += 1
                    entry.elapsedSum += q.elapsedSeconds
                    if q.overBudget { entry.overBudget += 1 }
                }
                if let rating = q.rating {
                    entry.rated += 1
                    entry.ratingSum += rating
                }
                bank.questions[q.id] = entry
            }
            byBank[key] = bank
        }
        banks = byBank.keys.sorted().map { title in
            let bank = byBank[title]!
            return BankStats(title: title, sessions: bank.sessions,
                             questions: bank.questions.values.sorted { ($0.number, $0.id) < ($1.number, $1.id) })
        }
    }

    /// Reads every `*.json` file of `folder` (not hidden ones, not in subfolders),
    /// several at once (one per core); a file that is not a readable session is skipped with
    /// its error.
    public static func load(folder: URL) throws(InputError) -> SessionStats {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(file: folder.path, line: 1, column: 1, message: "no such folder: expected a folder of session files")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw InputError(file: folder.path, line: 1, column: 1, message: "cannot be read: expected a folder of session files")
        }
        let paths = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        let results = Slots<Result<SessionReport, InputError>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let result: Result<SessionReport, InputError>
            do throws(InputError) {
                result = .success(try Self.report(path, name: URL(fileURLWithPath: path).lastPathComponent))
            } catch {
                result = .failure(error)
            }
            results.set(index, result)
        }
        var sessions: [SessionReport] = []
        var skipped: [InputError] = []
        for result in results.values {
            switch result {
            case .success(let report): sessions.append(report)
            case .failure(let error): skipped.append(error)
            case nil: break
            }
        }
        return SessionStats(folder: folder.path, sessions: sessions, skipped: skipped)
    }

    /// The report of one session file, from its summary (`SessionSummary`: everything
    /// but the events, about a third of the decoding time); from the events for a file
    /// written before the summary carried the total time. Either way the same report as
    /// `SessionReport(SessionStore.read(path), file: name)`, or its exact error, for any
    /// file the program saved; only a file whose events alone were damaged since is read
    /// here (from its summary) and refused there.
    static func report(_ path: String, name: String) throws(InputError) -> SessionReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            return SessionReport(try SessionStore.read(path), file: name)
        }
        return try report(path, data: data, name: name)
    }

    /// The report of `data`, the bytes of the session file at `path`.
    static func report(_ path: String, data: Data, name: String) throws(InputError) -> SessionReport {
        if let report = SessionReport(try SessionSummary.decode(data, file: path), file: name) { return report }
        return SessionReport(try SessionFile.decode(data, file: path), file: name)
    }

    /// Plain text in aligned columns (widths are counted in characters).
    public func render() -> String {
        guard !sessions.isEmpty else {
            return "No sessions in \(ReportText.visible(folder))" + (skipped.isEmpty ? "" : " (\(skipped.count) skipped)") + ".\n"
        }
        var out = "\(sessions.count) session\(sessions.count == 1 ? "" : "s") in \(ReportText.visible(folder))"
        if !skipped.isEmpty { out += " (\(skipped.count) file\(skipped.count == 1 ? "" : "s") skipped)" }
        out += "\n\n"
        let sessionRows = sessions.map { s -> [String] in
            [ReportText.date(s.startedAt), Self.cell(s.candidate, 24), Self.cell(s.bank.title, 28), s.mode.rawValue, s.status.rawValue,
             ReportText.rating(s.recommendation), s.averageRating.map(Self.decimal) ?? "-",
             Durations.clock(s.totalSeconds)]
        }
        out += Self.table(header: ["DATE", "CANDIDATE", "BANK", "MODE", "STATUS", "RECOMMENDATION", "AVG RATING", "TIME"],
                          rows: sessionRows, rightAligned: [6, 7], indent: "")
        for bank in banks {
            out += "\n\(ReportText.visible(bank.title)): \(bank.sessions) session\(bank.sessions == 1 ? "" : "s")\n"
            let rows = bank.questions.map { q -> [String] in
                let over = q.asked == 0 ? "-" : "\(q.overBudget) (\(Int((Double(q.overBudget) * 100 / Double(q.asked)).rounded()))%)"
                let rating = q.averageRating.map { "\(Self.decimal($0)) (\(q.rated))" } ?? "-"
                let time = q.averageSeconds.map { "\(Durations.clock($0))/\(Durations.clock(q.budgetSeconds))" }
                    ?? "-/\(Durations.clock(q.budgetSeconds))"
                return ["\(q.number)", Self.cell(q.prompt, 48), "\(q.asked)", over, rating, time]
            }
            out += Self.table(header: ["#", "QUESTION", "ASKED", "OVER BUDGET", "AVG RATING (N)", "AVG TIME/BUDGET"],
                              rows: rows, rightAligned: [0, 2, 3, 4, 5], indent: "  ")
        }
        return out
    }

    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Visible text on one line, at most `limit` characters (`…` when cut).
    static func cell(_ text: String, _ limit: Int) -> String {
        let shown = ReportText.visible(text)
        return shown.count > limit ? String(shown.prefix(limit - 1)) + "…" : shown
    }

    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>, indent: String) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            var text = indent
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                let isLast = i == cells.count - 1
                text += rightAligned.contains(i) ? pad + cell : cell + (isLast ? "" : pad)
                if !isLast { text += "  " }
            }
            return text + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}

/// Results written by concurrent workers, one slot each, read once they are all done.
private final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }
    var values: [Value?] { lock.withLock { storage } }
}
