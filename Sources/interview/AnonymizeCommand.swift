import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewPrivacy

struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "List the sessions to keep for calibration and stats without the candidate (no name, no notes); anonymize them with --yes.",
        discussion: HelpExamples.discussion("""
            Keeps the ratings, times, ticks, the recommendation, the questions and the interviewer; \
            removes the candidate's name (it becomes anonymous-<short id>, and so does the file's name), \
            the notes and the closing notes, and every event that edited them. The session still replays, \
            reports and counts in `stats`. Without --yes, only lists the sessions and reports. NAME takes every session of that candidate (an exact match); \
            FILE, one session. Reports `report -o` wrote from it are deleted: they hold the name and the \
            notes. A session open in a running interview is not touched. See docs/privacy.md.
            """, "anonymize"))

    @Argument(help: "A candidate's name, or a session file.", completion: Complete.candidateOrSession)
    var target: String

    @Flag(help: "Anonymize them (without it, only list them).")
    var yes = false

    @OptionGroup var output: ListingFormatOption

    func validate() throws {
        if yes, output.format == .json { throw ValidationError(ListingFormatOption.onlyListing) }
    }

    func run() throws {
        let store = SessionStore.standard()
        let data = IndexedListings.storedData(store)
        let (sessions, chosen) = try choose(data, store: store)
        // The reports `report -o` wrote from them: deleted, since they hold the name and the notes.
        let facts = sessions.compactMap(\.facts)
        let reports = data.reports.filter { report in report.exists && facts.contains { report.reports(on: $0) } }
        var listing = Privacy.Listing()
        // Whether one is anonymous already is in its notes: the candidate's few files are read whole.
        let pending = sessions.filter { StoredData.readWhole($0.path, remembered: $0.remembered).file.map(Redaction.isAnonymous) != true }
        listing.title("\(VisibleText.visible(target)): \(Privacy.count(sessions: pending.count, reports: reports.count)) "
                      + "(the sessions lose the name and the notes, the reports are deleted)")
        for session in pending { listing.session(session) }
        for report in reports { listing.report(report) }
        for session in sessions where !pending.contains(where: { $0.path == session.path }) {
            listing.note("already anonymous: \(VisibleText.visible(session.path))")
        }
        if output.format == .json { return try listing.printJSON() }
        print(listing.text(), terminator: "")
        guard !pending.isEmpty || !reports.isEmpty else { return }
        guard yes else {
            print("\(Privacy.count(sessions: pending.count, reports: reports.count)), \(Erasure.describe(bytes: listing.bytes)): nothing changed. "
                  + "Anonymize them with: interview anonymize \(Privacy.quoted(target)) --yes")
            return
        }
        try anonymize(chosen, store: store, reports: data.reports)
    }

    /// The sessions `target` names, as read now, and as chosen for `Anonymization` (which
    /// reads each again under its lock).
    private func choose(_ data: StoredData, store: SessionStore) throws -> ([StoredSession], [Anonymization.Chosen]) {
        if SessionStore.isRegularFile(target) {
            let absolute = URL(fileURLWithPath: target).standardizedFileURL.path
            let remembered = store.knownPaths().contains(absolute)
            let session = StoredData.read(absolute, remembered: remembered)
            if let error = session.error { throw exitWithInputError(error) }
            return ([session],
                    [Anonymization.Chosen(path: absolute, remembered: remembered) { _ in true }])
        }
        let name = target
        let sessions = data.sessions.filter { $0.facts.map { NameMatch.isExact(name, $0.candidate) } == true }
        guard !sessions.isEmpty else {
            let near = data.sessions.compactMap(\.facts).map(\.candidate).filter { NameMatch.isNear(name, $0) }
            let similar = Array(Set(near)).sorted().map { "'\(VisibleText.visible($0))'" }.joined(separator: ", ")
            throw exitWithInputError(InputError(file: name, message:
                "no such file, and no session of that candidate: expected a session file or a candidate's exact name"
                + (similar.isEmpty ? "" : " (similar: \(similar))")))
        }
        return (sessions, sessions.map { session in
            Anonymization.Chosen(path: session.path, remembered: session.remembered) { NameMatch.isExact(name, $0.candidate) }
        })
    }

    private func anonymize(_ chosen: [Anonymization.Chosen], store: SessionStore, reports: [RecordedReport]) throws {
        var failed = Erasure.Failures()
        var badInput = false
        for session in chosen {
            do {
                print(try Anonymization.anonymize(session, store: store, reports: reports, failed: &failed)
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
        // By name, the candidate's rows wherever their files are; by file, that file's row.
        failed.eraseFromIndex(chosen.map(\.path), candidate: SessionStore.isRegularFile(target) ? nil : target)
        failed.say()
        if badInput { throw ExitCode(2) }
        if failed.any { throw ExitCode(1) }
    }
}
