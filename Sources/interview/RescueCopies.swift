#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewPrivacy

/// The rescue copies `SessionStore.rescue` writes (`interview-rescue-ID.json` in the home
/// or temporary folder) when a session's own file cannot be: `resume` lists them, and
/// resuming one saves it back to its own file.
enum RescueCopies {
    /// Every rescue copy there is.
    static func paths() -> [String] { StoredData.rescuePaths(environment: ProcessInfo.processInfo.environment) }

    static func isRescue(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.hasPrefix("interview-rescue-") && name.hasSuffix(".json")
    }

    /// The rescue copies of the session `id`.
    static func of(id: String) -> [String] {
        paths().filter { (try? SessionStore.read($0))?.id == id }
    }

    /// The session's own file, where a rescue copy of `file` goes back: the file of the
    /// sessions folder, or the remembered `--out` file, with its id.
    static func home(of file: SessionFile, store: SessionStore) -> String? {
        (store.sessionPaths() + store.knownPaths()).first { path in
            !isRescue(path) && SessionStore.isRegularFile(path) && (try? SessionStore.read(path))?.id == file.id
        }
    }
}
