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

/// Where `interview report -o` may write, and the record of what it wrote.
///
/// A report goes only to a new file or over a report this program wrote before (named in
/// `reports-written`, beside the sessions folder: one absolute path a line, 0600);
/// `--force` lets it go over any other file. Never over a session, with or without
/// `--force`: a file that decodes as one, or JSON that says `"format": "interview-session"`.
/// Never into the sessions folder unless `--force` says so (`stats` and `resume` read
/// that folder, and a report there is one more file that is not a session).
public enum ReportTarget {
    /// Why a report (or a debrief) must not be written to `url`, or nil when it may.
    public static func refusal(_ url: URL, store: SessionStore, force: Bool) -> InputError? {
        let path = url.path
        func refuse(_ message: String) -> InputError { InputError(file: path, message: message) }
        // The record of written reports is one path a line: a line break would make two.
        if path.utf8.contains(10) { return refuse("has a line break in its name: expected a file name without one") }
        let canonical = Self.canonical(path)
        var info = stat()
        let exists = lstat(path, &info) == 0
        if exists {
            let type = info.st_mode & 0o170000
            if type == 0o040000 { return refuse("is a folder: expected a file for the report (or DIR/ for one file per session)") }
            // Through a link, the file it names decides (the link itself is what is replaced).
            var target = stat()
            let regular = stat(path, &target) == 0 && target.st_mode & 0o170000 == 0o100000
            if regular, isSession(path) {
                return refuse("is a session file: expected a new file for the report (a report never replaces a session, even with --force)")
            }
            if !force {
                if type != 0o100000 && type != 0o120000 {
                    return refuse("is not a regular file: expected a new file for the report (or --force)")
                }
                if !store.writtenReports().contains(canonical) {
                    return refuse("exists and is not a report interview wrote: expected a new file, or an earlier report (--force to overwrite it)")
                }
            }
        }
        if !force, Self.canonical(url.deletingLastPathComponent().path) == Self.canonical(store.folder.path) {
            return refuse("is in the sessions folder: expected a report outside \(store.folder.path) (or --force)")
        }
        return nil
    }

    /// Whether the file at `path` is a session: it decodes as one, or is JSON whose
    /// top-level `format` is `interview-session` (a damaged session is still one).
    public static func isSession(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return false }
        if (try? SessionFile.decode(data, file: path)) != nil { return true }
        if (try? JSONDecoder().decode(FormatMarker.self, from: data))?.format == SessionFile.format { return true }
        // Not JSON that parses (truncated, say): the marker as the program writes it.
        return String(decoding: data.prefix(4096), as: UTF8.self).contains("\"format\" : \"\(SessionFile.format)\"")
    }

    /// The top-level `format` of a JSON document, read alone.
    private struct FormatMarker: Decodable {
        var format: String?
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

extension SessionStore {
    /// The record of the reports `interview report -o` wrote: one absolute path a line,
    /// 0600, beside the sessions folder (`$XDG_DATA_HOME/interview/reports-written`).
    public var reportsWrittenFile: URL { folder.deletingLastPathComponent().appendingPathComponent("reports-written") }

    /// The reports the program wrote, as absolute paths with links resolved, oldest first.
    public func writtenReports() -> [String] {
        guard SessionStore.isRegularFile(reportsWrittenFile.path),
              let text = try? String(contentsOf: reportsWrittenFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// Adds reports to the record (once each).
    public func recordReports(_ paths: [String]) throws(WriteError) {
        var known = writtenReports()
        // A path with a line break in it cannot be a line: it stays unrecorded (and then needs --force).
        for path in paths.map(ReportTarget.canonical) where !known.contains(path) && !path.utf8.contains(10) { known.append(path) }
        Self.removeStaleTemporaries(beside: reportsWrittenFile.path, holdingLock: false)
        try Self.writeAtomically(Data(known.map { $0 + "\n" }.joined().utf8), to: reportsWrittenFile)
    }
}
