import ArgumentParser
import Foundation
import InterviewCore
import InterviewStore
import InterviewPrivacy

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
            notes. A session open in a running interview is not touched. See docs/privacy.md.
            """, "anonymize"))

    @Argument(help: "A candidate's name, or a session file.", completion: .file(extensions: ["json"]))
    var target: String

    func run() throws {
        let store = SessionStore.standard()
        let data = StoredData.load(store)
        var chosen: [Anonymization.Chosen]
        if SessionStore.isRegularFile(target) {
            let absolute = URL(fileURLWithPath: target).standardizedFileURL.path
            chosen = [Anonymization.Chosen(path: absolute, remembered: store.knownPaths().contains(absolute)) { _ in true }]
        } else {
            let name = target
            chosen = data.sessions.filter { $0.file.map { NameMatch.isExact(name, $0.candidate) } == true }
                .map { Anonymization.Chosen(path: $0.path, remembered: $0.remembered) { NameMatch.isExact(name, $0.candidate) } }
            guard !chosen.isEmpty else {
                let near = data.sessions.compactMap(\.file).map(\.candidate).filter { NameMatch.isNear(name, $0) }
                let similar = Array(Set(near)).sorted().map { "'\(VisibleText.visible($0))'" }.joined(separator: ", ")
                throw exitWithInputError(InputError(file: name, line: 1, column: 1, message:
                    "no such file, and no session of that candidate: expected a session file or a candidate's exact name"
                    + (similar.isEmpty ? "" : " (similar: \(similar))")))
            }
        }
        var failed = Erasure.Failures()
        var badInput = false
        for session in chosen {
            do {
                print(try Anonymization.anonymize(session, store: store, reports: data.reports, failed: &failed)
                    .joined(separator: "\n"))
            } catch let error as InputError {
                printError(error.description)
                badInput = true
            } catch {
                printError("\(error)")
                failed.sessions += 1
            }
            failed.say()
        }
        if badInput { throw ExitCode(2) }
        if failed.any { throw ExitCode(1) }
    }
}
