import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

// Banks by name: one's own (the data folder's banks/), then the team folders of
// config.toml in their order, then the built-in ones; one name in two files is an error.

/// A home with its XDG folders, and banks to put in them.
private final class Library {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("interview-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    var environment: [String: String] {
        ["HOME": url.path, "XDG_DATA_HOME": url.appendingPathComponent("data").path,
         "XDG_CONFIG_HOME": url.appendingPathComponent("config").path]
    }
    var own: URL { url.appendingPathComponent("data/interview/banks") }

    @discardableResult
    func bank(_ folder: URL, _ name: String, title: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try "---\ntitle: \(title)\n---\n## Q?\n### Expected answer\nA.\n### Rubric\n- [ ] a\n".write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func config(_ text: String) throws {
        let folder = url.appendingPathComponent("config/interview")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    func library() throws -> BankLibrary { try BankLibrary.standard(environment: environment) }
}

@Suite("Bank library: lookup by name")
struct BankLibraryTests {
    @Test func builtInWhenNothingElse() throws {
        let home = try Library()
        let entry = try #require(try home.library().lookup("machine-learning"))
        #expect(entry.place == .builtin)
        #expect(entry.file == "builtin:machine-learning")
        #expect(try BankLoader.load("machine-learning", environment: home.environment).source == "builtin:machine-learning")
        #expect(try home.library().lookup("nothing-like-it") == nil)
    }

    @Test func ownThenTeamFoldersInOrderThenBuiltIn() throws {
        let home = try Library()
        let teamA = home.url.appendingPathComponent("team-a"), teamB = home.url.appendingPathComponent("team-b")
        try home.config("banks = [\"~/team-a\", \"~/team-b\"]\n")
        let mine = try home.bank(home.own, "mine.md", title: "Mine")
        let backend = try home.bank(teamA, "backend.md", title: "Backend")
        let frontend = try home.bank(teamB, "frontend.md", title: "Frontend")
        let library = try home.library()
        #expect(library.folders.map(\.path) == [home.own.path, teamA.path, teamB.path])
        #expect(library.folders.map(\.place) == [.own, .team("~/team-a"), .team("~/team-b")])
        #expect(try library.lookup("mine")?.file == mine)
        #expect(try library.lookup("mine")?.place == .own)
        #expect(try library.lookup("backend")?.file == backend)
        #expect(try library.lookup("frontend")?.place == .team("~/team-b"))
        #expect(try BankLoader.load("frontend", environment: home.environment).title == "Frontend")
        #expect(try BankLoader.load("frontend", environment: home.environment).source == frontend)

        let all = library.all()
        #expect(all.errors.isEmpty)
        #expect(all.entries.map(\.name) == ["backend", "frontend", "machine-learning", "mine"])
        #expect(library.names() == ["backend", "frontend", "machine-learning", "mine"])
    }

    /// A file named like a built-in bank is used instead of it, and says so.
    @Test func aFileShadowsABuiltInBank() throws {
        let home = try Library()
        let path = try home.bank(home.own, "machine-learning.md", title: "Our ML loop")
        let entry = try #require(try home.library().lookup("machine-learning"))
        #expect(entry.file == path)
        #expect(entry.shadowsBuiltin)
        #expect(try BankLoader.load("machine-learning", environment: home.environment).title == "Our ML loop")
        let listed = try home.library().all().entries.filter { $0.name == "machine-learning" }
        #expect(listed.map(\.file) == [path], "listed once, the file")
    }

    @Test func oneNameInTwoFilesIsAnErrorNamingBoth() throws {
        let home = try Library()
        let team = home.url.appendingPathComponent("team")
        try home.config("banks = [\"~/team\"]\n")
        let first = try home.bank(home.own, "backend.md", title: "Mine")
        let second = try home.bank(team, "backend.md", title: "Team's")
        try home.bank(team, "other.md", title: "Other")
        let clash = try #require(throws: InputError.self) { try home.library().lookup("backend") }
        #expect(clash.file == first)
        #expect(clash.message.hasPrefix("the bank name 'backend' is also \(second): expected one file per name"), "\(clash)")
        #expect(throws: clash) { try BankLoader.load("backend", environment: home.environment) }
        // The other names still work, and the list shows both files with the error.
        #expect(try home.library().lookup("other")?.place == .team("~/team"))
        let all = try home.library().all()
        #expect(all.entries.filter { $0.name == "backend" }.map(\.file) == [first, second])
        #expect(all.errors == [clash])
    }

    @Test func whatAFolderHoldsAsBanks() throws {
        let home = try Library()
        try home.bank(home.own, "a.md", title: "A")
        try home.bank(home.own, "README.md", title: "Not a bank")
        try home.bank(home.own, ".hidden.md", title: "Hidden")
        try home.bank(home.own, "notes.txt", title: "Text")
        try home.bank(home.own.appendingPathComponent("sub"), "deep.md", title: "In a subfolder")
        try FileManager.default.createDirectory(at: home.own.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
        #expect(BankLibrary.bankFiles(in: home.own.path) == ["a.md"])
        #expect(try home.library().lookup("README") == nil)
        #expect(try home.library().lookup("sub/deep") == nil)
    }

    @Test func aMissingTeamFolderIsAnErrorInConfig() throws {
        let home = try Library()
        try home.config("theme = \"light\"\nbanks = [\"~/not-cloned-yet\"]\n")
        let missing = try #require(throws: InputError.self) { try home.library().lookup("machine-learning") }
        #expect(missing.file == home.url.appendingPathComponent("config/interview/config.toml").path)
        #expect("\(missing.line):\(missing.column)" == "2:9")
        #expect(missing.message.hasPrefix("no folder '~/not-cloned-yet' ("), "\(missing.message)")
        #expect(try home.library().all().errors == [missing])
    }

    @Test func notFoundNamesTheBanks() throws {
        let home = try Library()
        try home.bank(home.own, "mine.md", title: "Mine")
        let error = try #require(throws: InputError.self) { try BankLoader.load("frontend-systems", environment: home.environment) }
        #expect(error.description == "frontend-systems: no such file or bank: expected a bank file or a bank's name (machine-learning, mine)")
    }

    /// A name one slip away from a bank's, wherever a bank is taken (run, practice,
    /// validate, new --from all load through here).
    @Test func aMistypedNameGetsTheClosestBanks() throws {
        let home = try Library()
        try home.bank(home.own, "backend.md", title: "Backend")
        let loaded = try #require(throws: InputError.self) { try BankLoader.load("bakend", environment: home.environment) }
        #expect(loaded.description == "bakend: no such file or bank: did you mean 'backend'?")
        let bytes = try #require(throws: InputError.self) { try BankLoader.bytes("machine-lerning", environment: home.environment) }
        #expect(bytes.message == "no such file or bank: did you mean 'machine-learning'?")
    }
}
