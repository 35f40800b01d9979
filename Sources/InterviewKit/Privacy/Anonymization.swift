import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `interview anonymize` on one session: the candidate's name and notes go out of the file
/// (`Redaction.anonymized`), then the file's name loses the candidate too.
public enum Anonymization {
    /// Anonymizes `session` in place, then renames it `DATE-anonymous-<short id>.json` beside
    /// where it was, holding its lock throughout; deletes the reports written from it. The
    /// lines to print: what was done, and each report deleted or not.
    public static func anonymize(_ session: StoredSession, file: SessionFile, store: SessionStore,
                                 reports: [RecordedReport], now: Date = Date()) throws -> [String] {
        let lock = try SessionLock(session: session.path)
        defer { lock.release() }
        let outcome = Redaction.anonymized(file, now: now)
        let url = URL(fileURLWithPath: session.path)
        try SessionStore.writeAtomically(try outcome.file.encoded(), to: url)
        var target = url
        // A rescue copy is named by the session's id, not the candidate: it keeps its name.
        let base = anonymousBase(session, file: file)
        if !session.rescue, !url.lastPathComponent.hasPrefix(base) {
            target = try moveToFreeName(url, base: base)
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
