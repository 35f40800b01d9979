import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewReports
import InterviewCore
import InterviewIndex
import InterviewStore

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Show the index of session files that `stats` reads through, or rebuild it.",
        discussion: HelpExamples.discussion("""
            The index (index.sqlite beside the sessions folder, 0600) is a cache of what \
            `stats` reads of each session file; the files stay the truth. A file it has \
            not seen, or that changed, is read again on the way; rows of files gone are \
            dropped. --rebuild empties it and reads the sessions folder and every folder \
            it held again. See docs/index.md.
            """, "index"))

    @Flag(help: "Empty the index and read the files again.")
    var rebuild = false

    @OptionGroup var listing: ListingFormatOption

    func run() throws {
        let url = SessionIndex.standardURL()
        do {
            let index = try SessionIndex.open(url)
            if rebuild {
                let sessions = SessionStore.standard().folder
                let folders = Set(try index.folders() + [sessions.standardizedFileURL.path]).sorted()
                try index.clear()
                for folder in folders where FileManager.default.fileExists(atPath: folder) {
                    let stats = try index.stats(folder: URL(fileURLWithPath: folder, isDirectory: true))
                    for error in stats.skipped { printError("\(error.description) (skipped)") }
                }
            }
            let state = try index.state()
            if listing.format == .json {
                try ListingFormat.printJSON(IndexStateJSON(state))
            } else {
                print(state.text, terminator: "")
            }
        } catch let error as InputError {
            throw exitWithInputError(error)
        } catch {
            printError("the index \(url.path) cannot be used: \(error)")
            throw ExitCode(1)
        }
    }
}

/// `interview index --format json`: where the index is, its sessions per folder, how many
/// the next `stats` reads again, its size on disk.
struct IndexStateJSON: Encodable {
    struct Folder: Encodable {
        var folder: String
        var sessions: Int
    }

    var path: String
    var sessions: Int
    var stale: Int
    var bytes: Int64
    var folders: [Folder]

    init(_ state: IndexState) {
        path = state.path
        sessions = state.rows
        stale = state.stale
        bytes = state.bytes
        folders = state.folders.map { Folder(folder: $0.folder, sessions: $0.rows) }
    }
}
