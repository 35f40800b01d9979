import ArgumentParser
import Foundation
import InterviewKit

struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Keep a session for calibration and stats without the candidate: no name, no notes.",
        discussion: """
            Keeps the ratings, times, ticks, the recommendation, the questions and the interviewer; \
            removes the candidate's name (it becomes anonymous-<short id>, and so does the file's name), \
            the notes and the closing notes, and every event that edited them. The session still replays, \
            reports and counts in `stats`. NAME takes every session of that candidate (an exact match); \
            FILE, one session. Reports `report -o` wrote from it are deleted: they hold the name and the \
            notes. A session open in a running interview is not touched. See docs/privacy.md.
            """)

    @Argument(help: "A candidate's name, or a session file.", completion: .file(extensions: ["json"]))
    var target: String

    /// A session to anonymize, and what must still hold of it once its lock is taken.
    struct Chosen {
        var path: String
        var remembered: Bool
        var matches: (SessionFile) -> Bool
    }

    func run() throws {
        let store = SessionStore.standard()
        let data = StoredData.load(store)
        var chosen: [Chosen]
        if SessionStore.isRegularFile(target) {
            let absolute = URL(fileURLWithPath: target).standardizedFileURL.path
            chosen = [Chosen(path: absolute, remembered: store.knownPaths().contains(absolute)) { _ in true }]
        } else {
            let name = target
            chosen = data.sessions.filter { $0.file.map { NameMatch.isExact(name, $0.candidate) } == true }
                .map { Chosen(path: $0.path, remembered: $0.remembered) { NameMatch.isExact(name, $0.candidate) } }
            guard !chosen.isEmpty else {
                let near = data.sessions.compactMap(\.file).map(\.candidate).filter { NameMatch.isNear(name, $0) }
                let similar = Array(Set(near)).sorted().map { "'\(VisibleText.visible($0))'" }.joined(separator: ", ")
                throw exitWithInputError(InputError(file: name, line: 1, column: 1, message:
                    "no such file, and no session of that candidate: expected a session file or a candidate's exact name"
                    + (similar.isEmpty ? "" : " (similar: \(similar))")))
            }
        }
        var failed = Privacy.Failures()
        var badInput = false
        for session in chosen {
            do {
                print(try Self.anonymize(session, store: store, reports: data.reports, failed: &failed))
            } catch let error as InputError {
                printError(error.description)
                badInput = true
            } catch {
                printError("\(error)")
                failed.sessions += 1
            }
        }
        if badInput { throw ExitCode(2) }
        if failed.any { throw ExitCode(1) }
    }

    /// Anonymizes one session in place, then renames it `DATE-anonymous-<short id>.json`
    /// beside where it was; deletes the reports written from it. Its lock is taken before
    /// it is read and held throughout: what a running interview holds is refused, and
    /// what changed since it was listed is left alone.
    static func anonymize(_ chosen: Chosen, store: SessionStore, reports: [RecordedReport],
                          failed: inout Privacy.Failures) throws -> String {
        let lock: SessionLock
        do {
            lock = try SessionLock(session: chosen.path)
        } catch {
            guard case .held = error else { throw error }
            throw Erasure.Failure.inUse(chosen.path)
        }
        defer { lock.release() }
        let session = StoredData.read(chosen.path, remembered: chosen.remembered)
        if let error = session.error { throw error }
        guard let file = session.file, chosen.matches(file) else { throw Erasure.Failure.changed(chosen.path) }
        if Redaction.isAnonymous(file) { return "already anonymous: \(VisibleText.visible(chosen.path))" }
        let outcome = Redaction.anonymized(file, now: Date())
        let url = URL(fileURLWithPath: chosen.path)
        try SessionStore.writeAtomically(try outcome.file.encoded(), to: url)
        let target = try AnonymousName.rename(session, base: Redaction.anonymousName(file))
        if target != url, session.remembered {
            failed.record(store.knownFile) { () throws(SessionStore.WriteError) in
                try store.remember(chosen.path, false)
                try store.remember(target.path)
            }
        }
        var lines = ["anonymized \(VisibleText.visible(chosen.path))"
                     + (target == url ? "" : " → \(VisibleText.visible(target.path))")
                     + " (\(outcome.characters) characters of notes removed)"]
        var gone: Set<String> = []
        for report in reports where report.exists && report.reports(on: file) {
            if (try? Erasure.deleteFile(report.path)) != nil {
                gone.insert(report.path)
                lines.append("deleted the report \(VisibleText.visible(report.path)) (it held the name and the notes)")
            } else {
                lines.append("could not delete the report \(VisibleText.visible(report.path)): it still holds the name and the notes")
                failed.reports += 1
            }
        }
        let record = RecordedReport.recordFile(of: store)
        failed.record(record) { () throws(SessionStore.WriteError) in try RecordedReport.forget(gone, in: record) }
        return lines.joined(separator: "\n")
    }
}

/// The anonymous file name of a session: `DATE-anonymous-<short id>.json`.
enum AnonymousName {
    /// Renames the (already anonymized) session to its anonymous name beside where it
    /// was, and removes what was left beside the old name; the new URL (the same for a
    /// rescue copy, named by the session's id and not the candidate, or one so named already).
    static func rename(_ session: StoredSession, base name: String) throws -> URL {
        let url = URL(fileURLWithPath: session.path)
        let stamp = SessionNames.date(inFileName: url.lastPathComponent).map { _ in String(url.lastPathComponent.prefix(19)) }
            ?? SessionNames.stamp(session.startedAt ?? Date())
        let base = stamp + "-" + name
        guard !session.rescue, !url.lastPathComponent.hasPrefix(base) else { return url }
        var target = url
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
        guard Glibc.rename(url.path, target.path) == 0 else {
            let code = errno
            unlink(target.path)
            throw Erasure.Failure.failed(url.path, errno: code)
        }
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        where leftover.hasPrefix("." + url.lastPathComponent + ".") && leftover != "." + url.lastPathComponent + ".lock" {
            unlink(url.deletingLastPathComponent().appendingPathComponent(leftover).path)
        }
        Erasure.syncFolder(of: target.path)
        return target
    }
}
