#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
import InterviewCore
import InterviewStore
#endif

/// `interview anonymize` on one session: the candidate's name and notes go out of the file
/// (`Redaction.anonymized`), then the file's name loses the candidate too.
public enum Anonymization {
    /// A session chosen from an earlier reading, and what must still hold of it once its
    /// lock is taken (it may have changed since it was listed).
    public struct Chosen {
        public var path: String
        public var remembered: Bool
        public var matches: (SessionFile) -> Bool

        public init(path: String, remembered: Bool, matches: @escaping (SessionFile) -> Bool) {
            self.path = path
            self.remembered = remembered
            self.matches = matches
        }
    }

    /// Anonymizes the session in place, then renames it `DATE-anonymous-<short id>.json` beside
    /// where it was; deletes the reports (of `reports`) written from it. Its lock is taken
    /// before it is read and held throughout: what a running interview holds is refused
    /// (`Erasure.Failure.inUse`), what no longer `matches` is left alone (`.changed`), and a
    /// file that is not a session throws its `InputError`. Reports not deleted and records
    /// not written are counted in `failed`. The lines to print: what was done, and each report.
    public static func anonymize(_ chosen: Chosen, store: SessionStore, reports: [RecordedReport],
                                 failed: inout Erasure.Failures, now: Date = Date()) throws -> [String] {
        let lock: SessionLock
        do {
            lock = try SessionLock(session: chosen.path)
        } catch {
            guard case .held = error else { throw error }
            throw Erasure.Failure.inUse(chosen.path)
        }
        defer { lock.release() }
        let (session, file) = StoredData.readWhole(chosen.path, remembered: chosen.remembered)
        if let error = session.error { throw error }
        guard let file, chosen.matches(file) else { throw Erasure.Failure.changed(chosen.path) }
        if Redaction.isAnonymous(file) { return ["already anonymous: \(VisibleText.visible(chosen.path))"] }
        let outcome = Redaction.anonymized(file, now: now)
        let url = URL(fileURLWithPath: session.path)
        try SessionStore.writeAtomically(try outcome.file.encoded(), to: url)
        var target = url
        // A rescue copy is named by the session's id, not the candidate: it keeps its name.
        let base = anonymousBase(session, file: file)
        if !session.rescue, !url.lastPathComponent.hasPrefix(base) {
            target = try moveToFreeName(url, base: base)
            if session.remembered {
                failed.record(store.knownFile) { () throws(SessionStore.WriteError) in
                    try store.remember(session.path, false)
                    try store.remember(target.path)
                }
            }
        }
        var lines = ["anonymized \(VisibleText.visible(session.path))"
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
        return lines
    }

    /// The anonymous file's name without `.json`: the date the old name began with (else the
    /// session's start), then `anonymous-<short id>`.
    static func anonymousBase(_ session: StoredSession, file: SessionFile) -> String {
        let name = URL(fileURLWithPath: session.path).lastPathComponent
        let stamp = SessionNames.date(inFileName: name).map { _ in String(name.prefix(19)) }
            ?? SessionNames.stamp(session.startedAt ?? Date())
        return stamp + "-" + Redaction.anonymousName(file)
    }

    /// Renames `url` to `BASE.json` in its folder (`BASE-2.json` and on when taken), never
    /// over another file, and removes the temporary files left beside the old name.
    static func moveToFreeName(_ url: URL, base: String) throws -> URL {
        let folder = url.deletingLastPathComponent()
        var n = 1
        var target: URL
        while true {
            target = folder.appendingPathComponent(base + (n == 1 ? "" : "-\(n)") + ".json")
            do throws(SessionStore.CreateError) {
                try SessionStore.createExclusively(target)
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
        for leftover in Erasure.leftovers(of: url.path) { unlink(leftover) }
        Erasure.syncFolder(of: target.path)
        return target
    }
}
