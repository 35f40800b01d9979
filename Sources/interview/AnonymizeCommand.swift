import ArgumentParser
import Foundation
import InterviewKit

struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Keep a session for calibration and stats without the candidate: no name, no notes.",
        discussion: HelpExamples.discussion("""
            Keeps the ratings, times, ticks, the recommendation, the questions and the interviewer; \
            removes the candidate's name (it becomes anonymous-<short id>, and so does the file's name), \
            the notes and the closing notes, and every event that edited them. The session still replays, \
            reports and counts in `stats`. NAME takes every session of that candidate (an exact match); \
            FILE, one session. Reports `report -o` wrote from it are deleted: they hold the name and the \
            notes. See docs/privacy.md.
            """, "anonymize"))

    @Argument(help: "A candidate's name, or a session file.", completion: .file(extensions: ["json"]))
    var target: String

    func run() throws {
        let store = SessionStore.standard()
        let data = StoredData.load(store)
        var sessions: [StoredSession]
        if SessionStore.isRegularFile(target) {
            let absolute = URL(fileURLWithPath: target).standardizedFileURL.path
            let session = StoredData.read(absolute, remembered: store.knownPaths().contains(absolute))
            if let error = session.error { throw exitWithInputError(error) }
            sessions = [session]
        } else {
            sessions = data.sessions.filter { $0.file.map { NameMatch.isExact(target, $0.candidate) } == true }
            guard !sessions.isEmpty else {
                let near = data.sessions.compactMap(\.file).map(\.candidate).filter { NameMatch.isNear(target, $0) }
                let similar = Array(Set(near)).sorted().map { "'\(VisibleText.visible($0))'" }.joined(separator: ", ")
                throw exitWithInputError(InputError(file: target, line: 1, column: 1, message:
                    "no such file, and no session of that candidate: expected a session file or a candidate's exact name"
                    + (similar.isEmpty ? "" : " (similar: \(similar))")))
            }
        }
        var failed = false
        for session in sessions {
            guard let file = session.file else { continue }
            if Redaction.isAnonymous(file) {
                print("already anonymous: \(VisibleText.visible(session.path))")
                continue
            }
            do {
                let moved = try Privacy.anonymize(session, file: file, store: store, reports: data.reports(of: session))
                print(moved)
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
