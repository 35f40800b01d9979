import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

// config.toml: every key, its paths, and an error at FILE:LINE:COL for each mistake.

private let folder = URL(fileURLWithPath: "/home/ada/.config/interview")
private let home = URL(fileURLWithPath: "/home/ada")

private func parse(_ text: String) throws(InputError) -> Config {
    try Config.parse(text, file: "config.toml", folder: folder, home: home)
}

private func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
    do {
        _ = try parse(text)
        Issue.record("expected an error for \(text)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("config.toml")
struct ConfigTests {
    @Test func everyKey() throws {
        let config = try parse("""
            interviewer = "Grace Hopper"
            bank = "backend"
            duration = "1h30m"
            theme = "light"
            banks = ["~/team-banks", "/srv/banks", "shared", "~"]
            """)
        #expect(config.file == "config.toml")
        #expect(config.interviewer == "Grace Hopper")
        #expect(config.bank == "backend")
        #expect(config.durationSeconds == 5400)
        #expect(config.theme == "light")
        #expect(config.bankFolders.map(\.path) == ["/home/ada/team-banks", "/srv/banks", "/home/ada/.config/interview/shared", "/home/ada"])
        #expect(config.bankFolders.map(\.written) == ["~/team-banks", "/srv/banks", "shared", "~"])
        #expect(config.bankFolders.allSatisfy { $0.line == 5 && $0.column == 9 })
    }

    /// The command line wins over config.toml, which wins over the built-in defaults.
    @Test func theCommandLineWinsOverConfigWhichWinsOverTheDefaults() throws {
        let config = try parse("""
            interviewer = "Grace Hopper"
            bank = "backend"
            duration = "1h30m"
            """)
        let user = ["USER": "ghopper"]
        #expect(config.interviewer(given: "Ada Lovelace", environment: user) == "Ada Lovelace")
        #expect(config.interviewer(given: nil, environment: user) == "Grace Hopper")
        #expect(config.durationSeconds(given: 2700) == 2700)
        #expect(config.durationSeconds(given: nil) == 5400)
        #expect(config.bankName(given: "frontend") == "frontend")
        #expect(config.bankName(given: nil) == "backend")
        let empty = Config()
        #expect(empty.interviewer(given: nil, environment: user) == "ghopper")
        #expect(empty.interviewer(given: nil, environment: [:]) == "")
        #expect(empty.durationSeconds(given: nil) == nil)
        #expect(empty.bankName(given: nil) == BankLoader.defaultBankName)
    }

    @Test func emptyAndMissing() throws {
        #expect(try parse("# nothing\n") == Config(file: "config.toml"))
        let none = try Config.load(environment: ["HOME": "/nonexistent-\(UUID().uuidString)"])
        #expect(none == Config())
    }

    /// For `bank` and `theme`, a value with a `/` is a path, without one a name.
    @Test func bankPathsAndNames() throws {
        #expect(try parse("bank = \"backend\"").bank == "backend")
        #expect(try parse("bank = \"banks/mine.md\"").bank == "/home/ada/.config/interview/banks/mine.md")
        #expect(try parse("bank = \"~/b.md\"").bank == "/home/ada/b.md")
        #expect(try parse("bank = \"/abs/b.md\"").bank == "/abs/b.md")
        #expect(try parse("bank = \"../x/b.md\"").bank == "/home/ada/.config/x/b.md")
    }

    @Test func wrongTypesAtTheirValues() {
        let cases: [(String, String, String)] = [
            ("interviewer = 42", "1:15", "interviewer is 42: expected your name"),
            ("interviewer = \"\"", "1:15", "interviewer is \"\": expected your name"),
            ("\n bank = true", "2:9", "bank is true: expected a bank's name"),
            ("duration = 45", "1:12", "duration is 45: expected a duration in quotes, like \"45m\""),
            ("duration = \"45 minutes\"", "1:12", "bad duration \"45 minutes\": expected a duration like 45m"),
            ("theme = 3", "1:9", "theme is 3: expected a theme name"),
            ("banks = \"~/team\"", "1:9", "banks is \"~/team\": expected a list of folders in quotes, like banks = [\"~/team-banks\"]"),
            ("banks = [\"a\", 2]", "1:9", "banks' item 2 is 2: expected a list of folders"),
            ("banks = [\"\"]", "1:9", "banks' item 1 is \"\": expected a list of folders"),
        ]
        for (text, place, message) in cases {
            guard let error = error(text) else { continue }
            #expect(error.file == "config.toml")
            #expect("\(error.line):\(error.column)" == place, "\(text): \(error)")
            #expect(error.message.hasPrefix(message), "\(text): \(error.message)")
        }
    }

    @Test func unknownKeysWithASuggestion() {
        let typo = error("theme = \"light\"\n  intervewer = \"Ada\"\n")
        #expect(typo?.line == 2)
        #expect(typo?.column == 3)
        #expect(typo?.message == "unknown key \"intervewer\" (did you mean \"interviewer\"?) in config.toml: expected one of interviewer, bank, duration, theme, banks, retention, file_names, mouse, avoid_words")
        let table = error("[banks]\nx = 1\n")
        #expect(table?.line == 1, "a table where banks are a list: \(String(describing: table))")
    }

    @Test func invalidTOMLNamesThePlace() {
        let syntax = error("interviewer = \"Ada\nbank = 1\n")
        #expect(syntax?.line == 1)
        #expect(syntax?.message.hasPrefix("invalid TOML") == true)
    }

    @Test func theFirstMistakeOfSeveral() {
        let first = error("theme = 1\nbank = 2\n")
        #expect(first?.line == 1)
    }

    @Test func foldersFollowXDG() {
        #expect(Config.folder(environment: ["HOME": "/h"]).path == "/h/.config/interview")
        #expect(Config.folder(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/c"]).path == "/c/interview")
        #expect(Config.dataFolder(environment: ["HOME": "/h"]).path == "/h/.local/share/interview")
        #expect(Config.dataFolder(environment: ["HOME": "/h", "XDG_DATA_HOME": "/d"]).path == "/d/interview")
        #expect(Config.dataFolder(environment: ["HOME": "/h", "XDG_DATA_HOME": "relative"]).path == "/h/.local/share/interview")
    }
}
