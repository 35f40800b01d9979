import ArgumentParser
import Foundation
import InterviewKit

// The life cycle of candidate data (docs/privacy.md): purge what is past the retention,
// forget a candidate, anonymize a session for calibration, redact its notes.

/// What the privacy commands share: how they list and delete.
enum Privacy {
    /// The listing of what a command found, and what it weighs.
    struct Listing {
        private var lines: [String] = []
        private var header = ""
        private(set) var bytes = 0
        private var items = 0
        /// The same, for `--format json`.
        private var entries: [Entry] = []

        /// A line of the listing for a script: `kind` session, similar (a session left
        /// alone), report, unreachable or note.
        struct Entry: Encodable {
            var kind: String
            var path: String?
            var candidates: [String]?
            var startedAt: String?
            var bytes: Int?
            var id: String?
            var inUse: Bool?
            var text: String?
        }

        mutating func title(_ text: String) { header = text }

        mutating func section(_ text: String) { lines.append(text) }

        mutating func session(_ session: StoredSession, showID: Bool = false) {
            let date = session.startedAt.map { ReportText.date(ISO8601.string($0)) } ?? "date unknown"
            let who = session.file.map { $0.candidate.isEmpty ? "(no name)" : VisibleText.visible($0.candidate) } ?? "(unreadable)"
            var line = "  " + Self.pad(date, 21) + "  " + Self.pad(who, 24) + "  " + Self.pad(Erasure.describe(bytes: session.size), 9, right: true)
            if showID { line += "  id " + SessionNames.shortID(session.id) }
            line += "  " + VisibleText.visible(session.path)
            if session.rescue { line += "  (a rescue copy)" }
            let inUse = SessionLock.isHeld(session: session.path)
            if inUse { line += "  (in use by a running interview: it will be kept)" }
            lines.append(line)
            entries.append(Entry(kind: showID ? "similar" : "session", path: session.path, candidates: session.file.map { [$0.candidate] },
                                 startedAt: session.startedAt.map(ISO8601.string), bytes: session.size, id: session.id, inUse: inUse))
            if !showID {
                bytes += session.size
                items += 1
            }
        }

        mutating func report(_ report: RecordedReport) {
            let who = report.mentions.isEmpty ? "" : report.candidates.map(VisibleText.visible).joined(separator: ", ")
            lines.append("  " + Self.pad("report", 21) + "  " + Self.pad(who, 24) + "  "
                         + Self.pad(Erasure.describe(bytes: report.size), 9, right: true) + "  " + VisibleText.visible(report.path))
            entries.append(Entry(kind: "report", path: report.path, candidates: report.candidates, bytes: report.size))
            bytes += report.size
            items += 1
        }

        mutating func note(_ text: String) {
            lines.append("  note: " + text)
            entries.append(Entry(kind: "note", text: text))
        }

        /// The remembered files that are no longer where they were written.
        mutating func unreachable(_ data: StoredData) {
            let missing = data.reports.filter { !$0.exists }.map(\.path) + data.missingSessions
            guard !missing.isEmpty else { return }
            lines.append("Not found where the program wrote them (moved or deleted elsewhere: out of its reach; delete them yourself if they still exist):")
            for path in missing { lines.append("  " + VisibleText.visible(path)) }
            entries += missing.map { Entry(kind: "unreachable", path: $0) }
        }

        /// `--format json`: the title, every entry, and the bytes they hold.
        func printJSON() throws {
            struct Document: Encodable {
                var title: String
                var entries: [Entry]
                var bytes: Int
            }
            try ListingFormat.printJSON(Document(title: header, entries: entries, bytes: bytes))
        }

        func text(emptyTitle: String? = nil) -> String {
            let top = items == 0 ? (emptyTitle ?? header) : header
            return ([top] + lines).map { $0 + "\n" }.joined()
        }

        static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let cut = text.count > width ? String(text.prefix(width - 1)) + "…" : text
            let fill = String(repeating: " ", count: max(0, width - cut.count))
            return right ? fill + cut : cut + fill
        }
    }

    static func count(sessions: Int, reports: Int) -> String {
        let s = sessions == 1 ? "1 session" : "\(sessions) sessions"
        let r = reports == 1 ? "1 report" : "\(reports) reports"
        return "\(s) and \(r)"
    }

    /// Text for a shell: as it is when it is plain, else in single quotes.
    static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:@%+=,".contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `--id ID` names a session by its whole id, its short id, or the start of its id (4 characters or more).
    static func idMatches(_ given: String, _ id: String) -> Bool {
        let given = given.lowercased()
        guard !id.isEmpty, !given.isEmpty else { return false }
        return given == id.lowercased() || given == SessionNames.shortID(id) || (given.count >= 4 && id.lowercased().hasPrefix(given))
    }

    /// Deletes the sessions and reports, forgets them in the program's memory, and says
    /// each; returns how many could not be deleted.
    static func delete(sessions: [StoredSession], reports: [RecordedReport], data: StoredData)
        -> (sessions: Int, reports: Int) {
        var failed = (sessions: 0, reports: 0)
        for session in sessions {
            do {
                try Erasure.deleteSession(session.path)
                print("deleted \(VisibleText.visible(session.path))")
                if session.remembered { try? data.store.remember(session.path, false) }
            } catch {
                printError(error.description)
                failed.sessions += 1
            }
        }
        var gone: Set<String> = []
        for report in reports {
            do {
                try Erasure.deleteFile(report.path)
                print("deleted \(VisibleText.visible(report.path))")
                gone.insert(report.path)
            } catch {
                printError(error.description)
                failed.reports += 1
            }
        }
        do {
            try RecordedReport.forget(gone, in: RecordedReport.recordFile(of: data.store))
        } catch {
            printError("cannot update \(RecordedReport.recordFile(of: data.store).path): \(error)")
        }
        return failed
    }

    /// Forgets the remembered files that are gone (after saying so in the listing).
    static func forgetUnreachable(_ data: StoredData) throws {
        for path in data.missingSessions { try? data.store.remember(path, false) }
        let reports = Set(data.reports.filter { !$0.exists }.map(\.path))
        try? RecordedReport.forget(reports, in: RecordedReport.recordFile(of: data.store))
    }

    /// Anonymizes one session in place, then renames it `DATE-anonymous-<short id>.json`
    /// beside where it was, holding its lock throughout; deletes the reports written from it.
    static func anonymize(_ session: StoredSession, file: SessionFile, store: SessionStore,
                          reports: [RecordedReport]) throws -> String {
        let lock = try SessionLock(session: session.path)
        defer { lock.release() }
        let outcome = Redaction.anonymized(file, now: Date())
        let url = URL(fileURLWithPath: session.path)
        try SessionStore.writeAtomically(try outcome.file.encoded(), to: url)
        let stamp = SessionNames.date(inFileName: url.lastPathComponent).map { _ in String(url.lastPathComponent.prefix(19)) }
            ?? SessionNames.stamp(session.startedAt ?? Date())
        let base = stamp + "-" + Redaction.anonymousName(file)
        var target = url
        // A rescue copy is named by the session's id, not the candidate: it keeps its name.
        if !session.rescue, !url.lastPathComponent.hasPrefix(base) {
            var n = 1
            while true {
                let candidate = url.deletingLastPathComponent().appendingPathComponent(base + (n == 1 ? "" : "-\(n)") + ".json")
                do throws(SessionStore.CreateError) {
                    try SessionStore.createExclusively(candidate)
                    target = candidate
                    break
                } catch {
                    if case .failed(let failure) = error { throw failure }
                    n += 1
                }
            }
            guard rename(url.path, target.path) == 0 else {
                let code = errno
                unlink(target.path)
                throw Erasure.Failure.failed(url.path, errno: code)
            }
            for leftover in (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
            where leftover.hasPrefix("." + url.lastPathComponent + ".") && leftover != "." + url.lastPathComponent + ".lock" {
                unlink(url.deletingLastPathComponent().appendingPathComponent(leftover).path)
            }
            Erasure.syncFolder(of: target.path)
            if session.remembered {
                try? store.remember(session.path, false)
                try? store.remember(target.path)
            }
        }
        var lines = ["anonymized \(VisibleText.visible(session.path))"
                     + (target == url ? "" : " → \(VisibleText.visible(target.path))")
                     + " (\(outcome.characters) characters of notes removed)"]
        var gone: Set<String> = []
        for report in reports where report.exists {
            if (try? Erasure.deleteFile(report.path)) != nil {
                gone.insert(report.path)
                lines.append("deleted the report \(VisibleText.visible(report.path)) (it held the name and the notes)")
            } else {
                lines.append("could not delete the report \(VisibleText.visible(report.path)): it still holds the name and the notes")
            }
        }
        try? RecordedReport.forget(gone, in: RecordedReport.recordFile(of: store))
        return lines.joined(separator: "\n")
    }

    /// What `redact --remove` leaves in the file on purpose, or by a difference of case.
    static func leftovers(of texts: [String], in file: SessionFile) -> [String] {
        var out: [String] = []
        for text in texts {
            let shown = VisibleText.visible(text)
            var places: [String] = []
            if file.candidate.contains(text) { places.append("the candidate's name (`interview anonymize` takes it out)") }
            if file.interviewer.contains(text) { places.append("the interviewer's name") }
            if file.questions.contains(where: { q in
                [q.prompt, q.whyAsk, q.expectedAnswer, q.howToEvaluate].contains { $0.contains(text) } || q.rubric.contains { $0.text.contains(text) }
            }) { places.append("the questions (the bank's text)") }
            if !places.isEmpty { out.append("'\(shown)' is still in \(places.joined(separator: ", ")): redact changes only the notes.") }
            let lower = text.lowercased()
            var variants: Set<String> = []
            for event in file.events {
                for line in event.lines ?? [] where line.text.lowercased().contains(lower) {
                    for start in line.text.indices where line.text[start...].lowercased().hasPrefix(lower) {
                        let end = line.text.index(start, offsetBy: text.count, limitedBy: line.text.endIndex) ?? line.text.endIndex
                        variants.insert(String(line.text[start..<end]))
                    }
                }
            }
            for variant in variants.sorted() where variant != text {
                out.append("'\(VisibleText.visible(variant))' is still in the notes (another case): add --remove \(quoted(variant)) to take it out too.")
            }
        }
        return out
    }
}
