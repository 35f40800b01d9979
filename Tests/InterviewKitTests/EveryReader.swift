import Foundation
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports
@testable import InterviewPrivacy

/// Every reader the program has of a session file, run on one file as the saver writes
/// it (`SessionFile.encoded`, into a folder of its own): what `resume`, `replay`,
/// `report`, `debrief`, `stats`, the privacy commands (`forget`, `purge`, `anonymize`,
/// `redact`) and the resume list read, and what each of them does next with it.
enum EveryReader {
    /// What went wrong, reader by reader; empty when every one read the file.
    static func problems(_ session: SessionFile) throws -> [String] {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("session.json").path
        let data = try session.encoded()
        try SessionStore.writeAtomically(data, to: URL(fileURLWithPath: path))
        var problems: [String] = []
        func check(_ reader: String, _ body: () throws -> String?) {
            do {
                if let problem = try body() { problems.append("\(reader): \(problem)") }
            } catch {
                problems.append("\(reader): \(error)")
            }
        }

        // resume, replay, report, debrief, redact, anonymize: the whole file.
        var file: SessionFile?
        check("SessionStore.read (resume, replay, report, redact, anonymize)") {
            file = try SessionStore.read(path)
            return file == session ? nil : "reads another session than the one saved"
        }
        guard let file else { return problems }
        // forget, purge and the privacy listings.
        check("StoredData.read (forget, purge)") { StoredData.read(path, remembered: false).error.map { "\($0)" } }
        // stats: the summary, and the folder as stats reads it.
        check("SessionSummary.decode (stats)") {
            let summary = try SessionSummary.decode(data, file: path)
            return SessionReport(summary, file: path) == SessionReport(file, file: path) ? nil : "reports other than the events"
        }
        check("SessionStats.load (stats)") {
            let stats = try SessionStats.load(folder: folder)
            return stats.skipped.isEmpty ? nil : "skips it: \(stats.skipped)"
        }
        check("Scorecard (report)") {
            let report = SessionReport(file, file: path)
            return Scorecard.Format.allCases.first { Scorecard.render([report], as: $0).isEmpty }.map { "an empty \($0) report" }
        }
        check("Debrief (debrief)") {
            _ = try Debrief([(path, file)]).render(as: .markdown)
            return nil
        }
        // replay: the state at every event's time, each question of it in the file.
        check("Timeline (replay)") {
            let timeline = Timeline(file)
            let questions = file.bankQuestions
            for event in timeline.events {
                let state = timeline.state(at: event.at)
                if state.questions.count > questions.count { return "at \(event.at): \(state.questions.count) questions, the file \(questions.count)" }
                if !state.questions.indices.contains(state.current) { return "at \(event.at): the current question \(state.current) is not one" }
            }
            let end = timeline.state(at: timeline.end)
            return end.questions.count == questions.count ? nil : "at the end: \(end.questions.count) questions, the file \(questions.count)"
        }
        // resume: open it again, go on, save, and read that.
        check("SessionEngine (resume)") {
            var engine = SessionEngine(file: file)
            engine.perform(file.status == .completed ? .reopenEnded : .reopen, at: file.clockSeconds)
            engine.perform(.next, at: file.clockSeconds + 1)
            return readsBack(engine.snapshot(at: file.clockSeconds + 2), "after resuming")
        }
        // The privacy commands: each writes a session that is read again.
        check("Redaction.anonymized (anonymize)") { readsBack(Redaction.anonymized(file, now: Date()).file, "anonymized") }
        check("Redaction.removing (redact --remove)") {
            readsBack(Redaction.removing([file.candidate, "a"], from: file, now: Date()).file, "redacted")
        }
        check("RedactionDocument (redact, redact --deleted)") {
            let document = RedactionDocument(file: file, name: "session.json")
            if try document.apply(document.text, file: "notes.txt", now: Date()).changed { return "the notes as they were change the session" }
            return readsBack(try document.apply(document.textWithoutDeleted, file: "notes.txt", now: Date()).file, "without what was deleted")
        }
        return problems
    }

    /// Nil when `session`, saved, reads back as itself.
    static func readsBack(_ session: SessionFile, _ what: String) -> String? {
        do {
            let again = try SessionFile.decode(session.encoded(), file: what)
            return again == session ? nil : "\(what): reads back as another session"
        } catch {
            return "\(what): \(error)"
        }
    }
}
