#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewIndex
import InterviewReports

/// `stats` through the index, and from the files alone when the index cannot be used:
/// one line on stderr then, and the same figures, only slower.
enum IndexedStats {
    static func load(folder: URL, filter: StatsFilter) throws(InputError) -> SessionStats {
        let url = SessionIndex.standardURL()
        do {
            return try SessionIndex.open(url).stats(folder: folder, filter: filter)
        } catch let error as InputError {
            throw error
        } catch {
            printError("the index \(url.path) cannot be used (\(error)): reading the files instead")
            return try SessionStats.load(folder: folder, filter: filter)
        }
    }
}
