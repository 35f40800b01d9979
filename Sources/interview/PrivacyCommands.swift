import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewPrivacy

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
            let who = session.facts.map { $0.candidate.isEmpty ? "(no name)" : VisibleText.visible($0.candidate) } ?? "(unreadable)"
            var line = "  " + Self.pad(date, 21) + "  " + Self.pad(who, 24) + "  " + Self.pad(Erasure.describe(bytes: session.size), 9, right: true)
            if showID { line += "  id " + SessionNames.shortID(session.id) }
            line += "  " + VisibleText.visible(session.path)
            if session.rescue { line += "  (a rescue copy)" }
            let inUse = SessionLock.isHeld(session: session.path)
            if inUse { line += "  (in use by a running interview: it will be kept)" }
            lines.append(line)
            entries.append(Entry(kind: showID ? "similar" : "session", path: session.path, candidates: session.facts.map { [$0.candidate] },
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
        return plain && !text.isEmpty ? text : "'" + text.replacing("'", with: "'\\''") + "'"
    }

    /// Deletes the sessions and reports, forgets them in the program's memory and the index
    /// (with `candidate`, every session of the candidate there), and says each. Each session is deleted under its lock, and only if `stillChosen` holds for it
    /// as it reads then (it may have changed since it was listed).
    static func delete(sessions: [StoredSession], reports: [RecordedReport], data: StoredData, candidate: String? = nil,
                       stillChosen: (StoredSession) -> Bool) -> Erasure.Failures {
        var failed = Erasure.Failures()
        for session in sessions {
            do {
                try Erasure.deleteSession(session.path, stillChosen: stillChosen)
                print("deleted \(VisibleText.visible(session.path))")
                if session.remembered { failed.record(data.store.knownFile) { () throws(SessionStore.WriteError) in try data.store.remember(session.path, false) } }
            } catch {
                printError(error.description)
                failed.sessions += 1
            }
        }
        failed.eraseFromIndex(sessions.map(\.path), candidate: candidate)
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
        let record = RecordedReport.recordFile(of: data.store)
        failed.record(record) { () throws(SessionStore.WriteError) in try RecordedReport.forget(gone, in: record) }
        failed.say()
        return failed
    }

    /// Forgets the remembered files that are gone (after saying so in the listing).
    static func forgetUnreachable(_ data: StoredData, into failed: inout Erasure.Failures) {
        for path in data.missingSessions {
            failed.record(data.store.knownFile) { () throws(SessionStore.WriteError) in try data.store.remember(path, false) }
        }
        let reports = Set(data.reports.filter { !$0.exists }.map(\.path))
        let record = RecordedReport.recordFile(of: data.store)
        failed.record(record) { () throws(SessionStore.WriteError) in try RecordedReport.forget(reports, in: record) }
        failed.say()
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

extension Erasure.Failures {
    /// Says on stderr why each record could not be written, once.
    mutating func say() {
        for message in unsaid { printError(message) }
        unsaid = []
    }
}
