import Foundation
import Testing

/// The index of session files on the real binary: `stats` through it and without it,
/// `interview index`, a broken index, and erasure: after each privacy command the
/// candidate's name is in neither the database nor its WAL (docs/index.md, docs/privacy.md).
@Suite("Index end to end", .serialized)
struct IndexEndToEndTests {
    typealias Archive = PrivacyEndToEndTests.Archive

    /// The database and its WAL, as text.
    static func indexBytes(_ archive: Archive) -> String {
        let index = archive.dataFolder.appendingPathComponent("index.sqlite").path
        return [index, index + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
            .map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    /// An archive whose sessions `stats` has put in the index, Ada Lovelace's among them.
    static func indexedArchive() throws -> (Archive, [String: String]) {
        let archive = try Archive()
        var paths = try archive.twoYears()
        paths["katherine-5"] = try archive.session("Katherine Johnson", daysAgo: 5, rating: 3, notes: ["orbital mechanics"])
        let stats = try archive.run(["stats"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(indexBytes(archive).contains("Ada Lovelace"), "the index holds the name before the command")
        return (archive, paths)
    }

    @Test func statsWithAndWithoutTheIndexSayTheSame() throws {
        let (archive, _) = try Self.indexedArchive()
        for format in ["table", "csv", "json"] {
            let through = try archive.run(["stats", "--format", format, "--questions"])
            let files = try archive.run(["stats", "--format", format, "--questions", "--no-index"])
            #expect(through.status == 0 && through.stdout == files.stdout && through.stderr.isEmpty, "\(format): \(through.stderr)")
        }
        let shown = try archive.run(["index"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("sessions: 10 ("), "\(shown.stdout)")
        #expect(shown.stdout.contains(archive.dataFolder.appendingPathComponent("index.sqlite").path))
        let json = try archive.run(["index", "--format", "json"])
        let state = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(state["sessions"] as? Int == 10 && state["stale"] is Int, "\(json.stdout)")
        #expect(state["path"] as? String == archive.dataFolder.appendingPathComponent("index.sqlite").path)
        #expect((state["bytes"] as? Int ?? 0) > 0)
        let folders = try #require(state["folders"] as? [[String: Any]])
        #expect(folders.map { $0["sessions"] as? Int } == [10])
        let rebuilt = try archive.run(["index", "--rebuild"])
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("sessions: 10 ("), "\(rebuilt.stdout)\(rebuilt.stderr)")
    }

    /// `forget`, `purge` and `anonymize` list the same through the index (with a session
    /// new since `stats` filled it, one rewritten, and a file that is not a session) as
    /// from the files alone; without an index they make none.
    @Test func privacyListingsWithAndWithoutTheIndexSayTheSame() throws {
        let (archive, paths) = try Self.indexedArchive()
        try archive.session("Ada Lovelace", daysAgo: 400, rating: 2)
        let rewritten = try archive.session("Grace Hopper", daysAgo: 500, rating: 1)
        try FileManager.default.removeItem(atPath: paths["grace-540"]!)
        try FileManager.default.moveItem(atPath: rewritten, toPath: paths["grace-540"]!)
        try Data("{ \"candidate\": ".utf8).write(to: archive.store.folder.appendingPathComponent("broken.json"))
        _ = try archive.report(paths["ada-300"]!, as: "ada.md")
        let listings = [["forget", "Ada Lovelace"], ["forget", "ada", "--id", "0000", "--format", "json"],
                        ["purge", "--older-than", "100d"], ["purge", "--older-than", "100d", "--format", "json"],
                        ["anonymize", "Grace Hopper"], ["anonymize", "Grace Hopper", "--format", "json"]]
        let index = archive.dataFolder.appendingPathComponent("index.sqlite")
        let aside = archive.scratch.url.appendingPathComponent("index-aside")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        for file in [index.path, index.path + "-wal", index.path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.moveItem(atPath: file, toPath: aside.appendingPathComponent((file as NSString).lastPathComponent).path)
        }
        let files = try listings.map { try archive.run($0) }
        #expect(!FileManager.default.fileExists(atPath: index.path), "a listing makes no index")
        for name in try FileManager.default.contentsOfDirectory(atPath: aside.path) {
            try FileManager.default.moveItem(at: aside.appendingPathComponent(name), to: archive.dataFolder.appendingPathComponent(name))
        }
        for (arguments, expected) in zip(listings, files) {
            let through = try archive.run(arguments)
            #expect(through.status == expected.status && through.stdout == expected.stdout && through.stderr == expected.stderr,
                    "\(arguments): \(through.stdout)\(through.stderr) against \(expected.stdout)\(expected.stderr)")
        }
        #expect(files[0].stdout.contains("4 sessions and 1 report"), "\(files[0].stdout)")
        #expect(Self.indexBytes(archive).contains("Interviewer I"), "the index in use")
    }

    @Test func anIndexThatCannotBeOpenedIsSaidAndTheFilesAreRead() throws {
        let archive = try Archive()
        _ = try archive.twoYears()
        let expected = try archive.run(["stats", "--no-index"])
        // A folder where the database goes: no SQLite can open it.
        try FileManager.default.createDirectory(at: archive.dataFolder.appendingPathComponent("index.sqlite"),
                                                withIntermediateDirectories: true)
        let stats = try archive.run(["stats"])
        #expect(stats.status == 0 && stats.stdout == expected.stdout)
        #expect(stats.stderr.split(separator: "\n").count == 1 && stats.stderr.contains("reading the files instead"),
                "\(stats.stderr)")
    }

    @Test func forgetTakesTheCandidateOutOfTheIndex() throws {
        let (archive, _) = try Self.indexedArchive()
        let forget = try archive.run(["forget", "Ada Lovelace", "--yes"])
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(!Self.indexBytes(archive).contains("Ada Lovelace"))
        #expect(Self.indexBytes(archive).contains("Grace Hopper"), "the others stay")
    }

    @Test func purgeTakesTheSessionsOutOfTheIndex() throws {
        let (archive, _) = try Self.indexedArchive()
        let purge = try archive.run(["purge", "--older-than", "100d", "--yes"])
        #expect(purge.status == 0, "\(purge.stderr)")
        let bytes = Self.indexBytes(archive)
        #expect(!bytes.contains("Alan Turing") && !bytes.contains("Ada Byron"), "the sessions purged")
        #expect(bytes.contains("Edsger Dijkstra"), "his session of 90 days ago stays")
    }

    @Test func anonymizeTakesTheNameOutOfTheIndex() throws {
        let (archive, _) = try Self.indexedArchive()
        let anonymize = try archive.run(["anonymize", "Grace Hopper", "--yes"])
        #expect(anonymize.status == 0, "\(anonymize.stderr)")
        #expect(!Self.indexBytes(archive).contains("Grace Hopper"))
    }

    @Test func redactDropsTheRowOfTheFileItRewrites() throws {
        let (archive, paths) = try Self.indexedArchive()
        #expect(Self.indexBytes(archive).contains("Katherine Johnson"))
        let redact = try archive.run(["redact", paths["katherine-5"]!, "--remove", "orbital"])
        #expect(redact.status == 0 && redact.stdout.contains("Redacted"), "\(redact.stdout)\(redact.stderr)")
        #expect(!Self.indexBytes(archive).contains("Katherine Johnson"), "read again from the redacted file next time")
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func aDiscardedInterviewLeavesTheIndex() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--now", "--candidate", "Nobody Indexed"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        let data = tmux.home.appendingPathComponent("data")
        let environment = ["XDG_DATA_HOME": data.path, "XDG_CONFIG_HOME": tmux.home.appendingPathComponent("config").path]
        // `stats` while the interview runs: its file is read into the index.
        #expect(try Binary.run(["stats"], environment: environment).status == 0)
        let index = data.appendingPathComponent("interview/index.sqlite").path
        let bytes = { [index, index + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
            .map { String(decoding: $0, as: UTF8.self) }.joined() }
        #expect(bytes().contains("Nobody Indexed"))
        try tmux.command("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("d")
        try tmux.waitFor("Nothing was recorded")
        try tmux.send("y")
        #expect(try tmux.waitFor("exit status 0").contains("Interview discarded"))
        #expect(!bytes().contains("Nobody Indexed"))
    }

    /// `run`'s notice of an unfinished interview when `stats` made an index: one the index
    /// holds as unfinished is said (confirmed by its file); once it ended since, it is not.
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func runSaysAnUnfinishedInterviewThroughTheIndex() throws {
        let tmux = try Tmux()
        let data = tmux.home.appendingPathComponent("data")
        let environment = ["XDG_DATA_HOME": data.path, "XDG_CONFIG_HOME": tmux.home.appendingPathComponent("config").path]
        try tmux.start(["run", "--now", "--candidate", "Left Indexed"], name: "left")
        try tmux.waitFor("Question 1/15", in: "left")
        try tmux.command("q", "l", to: "left")
        #expect(try tmux.waitUntil { try !tmux.isRunning("left") })
        // Older than the index's two seconds of settling: its row keeps the file's stamp.
        Thread.sleep(forTimeInterval: 2.2)
        #expect(try Binary.run(["stats"], environment: environment).status == 0)
        let index = data.appendingPathComponent("interview/index.sqlite").path
        #expect(FileManager.default.contents(atPath: index).map { String(decoding: $0, as: UTF8.self) }?.contains("Left Indexed") == true)

        try tmux.start(["run"], name: "notice")
        try tmux.waitFor("An unfinished interview is waiting", in: "notice")
        try tmux.command("q", to: "notice")
        #expect(try tmux.waitUntil { try !tmux.isRunning("notice") })

        let path = try #require(tmux.sessionFiles().first).path
        try tmux.start(["resume", path], name: "end")
        try tmux.waitFor("Question 1/15", in: "end")
        try tmux.command("q", "y", to: "end")
        #expect(try tmux.waitUntil { try !tmux.isRunning("end") })
        try tmux.start(["run"], name: "none")
        let lobby = try tmux.waitFor("New interview", in: "none")
        #expect(!lobby.contains("unfinished interview"), "ended since the index read it: \(lobby)")
        try tmux.command("q", to: "none")
        #expect(try tmux.waitUntil { try !tmux.isRunning("none") })
    }
}
