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
            print(try index.state().text, terminator: "")
        } catch let error as InputError {
            throw exitWithInputError(error)
        } catch {
            printError("the index \(url.path) cannot be used: \(error)")
            throw ExitCode(1)
        }
    }
}
