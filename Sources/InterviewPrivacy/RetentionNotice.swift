#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// The line `run` prints before its screen starts when sessions are past the retention
/// of config.toml (never on a shared screen: `run --share` does not ask).
public enum RetentionNotice {
    /// With config.toml's `retention` (read from `environment`); nil when there is none,
    /// config.toml cannot be read, or no session is past it.
    public static func line(store: SessionStore = .standard(),
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            now: Date = Date()) -> String? {
        guard let days = (try? Config.load(environment: environment))?.retentionDays else { return nil }
        return line(store: store, retentionDays: days, now: now)
    }

    /// `3 sessions are older than the retention of 180 days: …`, or nil when none is.
    /// Quick, for every start: a session's date is read from its file name where it starts
    /// with one (the program names them so), else from the last lines of the file.
    public static func line(store: SessionStore, retentionDays days: Int, now: Date) -> String? {
        let cutoff = RetentionPeriod.cutoff(days: days, now: now)
        let inFolder = store.sessionPaths()
        var count = 0
        for path in inFolder {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if let date = SessionNames.date(inFileName: name) ?? startedAt(tailOf: path), date < cutoff { count += 1 }
        }
        for path in store.knownPaths() where !inFolder.contains(path) && SessionStore.isRegularFile(path) {
            if let date = startedAt(tailOf: path), date < cutoff { count += 1 }
        }
        guard count > 0 else { return nil }
        let what = count == 1 ? "1 session is" : "\(count) sessions are"
        return "\(what) older than the retention of \(RetentionPeriod.describe(days: days)) (config.toml): "
            + "`interview purge` lists them, `interview purge --yes` deletes them"
    }

    /// The `startedAt` of a session file, from its last lines: keys are written sorted and
    /// pretty-printed, so it is among the last few, two spaces in (a note cannot forge it:
    /// quotes inside strings are escaped). Nil when it is not there.
    static func startedAt(tailOf path: String) -> Date? {
        guard let tail = FileReading.tail(of: path, count: 1024) else { return nil }
        let text = String(decoding: tail, as: UTF8.self)
        let key = "\n  \"startedAt\" : \""
        guard let start = text.ranges(of: key).last,
              let end = text[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return try? Date(String(text[start.upperBound..<end]), strategy: .iso8601)
    }
}
