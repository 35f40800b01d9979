#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewIndex
import InterviewPrivacy
import InterviewStore

/// The listings of the sessions folder (`resume`, `forget`, `purge`, `anonymize NAME`, and
/// `run`'s notice of an unfinished interview) through the index of session files, when
/// there is one (`interview stats` makes it; a listing does not): a file the index holds
/// as it is now is not read. The same listings as from the files (docs/index.md).
enum IndexedListings {
    /// The index's sessions of the sessions folder, its rows brought up to date on the
    /// way; none without an index, or when it cannot be used (said in one line on stderr:
    /// the files are read, and the listing is the same).
    static func listed(_ store: SessionStore) -> [String: SessionIndex.Listed] {
        let url = SessionIndex.standardURL(store: store)
        do {
            return try SessionIndex.openExisting(url)?.listed(folder: store.folder) ?? [:]
        } catch {
            printError("the index \(url.path) cannot be used (\(error)): reading the files instead")
            return [:]
        }
    }

    /// The sessions `resume` does not list (nor read): those the index holds as ended.
    static func ended(_ store: SessionStore) -> Set<String> {
        Set(listed(store).filter { $0.value.status == .completed }.keys)
    }

    /// Every session and recorded report the program keeps (`StoredData.load`).
    static func storedData(_ store: SessionStore) -> StoredData {
        StoredData.load(store, known: listed(store).mapValues(\.facts))
    }

    /// The newest unfinished live session, for `run`'s notice before its first screen:
    /// read in the index if there is one, never made or refreshed here (a first run stays
    /// quick), and confirmed by the file itself; the files the index does not know as they
    /// are now are told by their last bytes, as without an index.
    static func newestUnfinished(_ store: SessionStore) -> (path: String, file: SessionFile)? {
        let waiting = try? SessionIndex.openForReading(SessionIndex.standardURL(store: store))?.waiting(folder: store.folder)
        return store.newestUnfinished(waiting: waiting ?? { _ in nil })
    }
}
