import Foundation
import Testing

/// docs/interview.1, the man page `scripts/install` installs, against the program it
/// describes: every command and every option the binary has (its own description of
/// them, `--experimental-dump-help`) is in COMMANDS, and nothing there that it has not.
/// Then as a reader gets it: the sections people look for, `mandoc -T lint` clean (it is
/// installed by scripts/test), `man -l` without a warning, its UTF-8 kept.
@Suite("The man page")
struct ManPageEndToEndTests {
    static func page() throws -> String {
        try String(contentsOf: Binary.packageRoot().appendingPathComponent("docs/interview.1"), encoding: .utf8)
    }

    /// A command as the binary describes it: its name and its options' spellings
    /// (`--candidate`, `-o`), without `-h/--help` and `--version`, which every command has.
    struct Command: Equatable {
        var name: String
        var options: Set<String>
    }

    static func commands() throws -> [Command] {
        let dump = try Binary.run(["--experimental-dump-help"])
        try #require(dump.status == 0, "\(dump.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let root = try #require(json["command"] as? [String: Any])
        let subcommands = root["subcommands"] as? [[String: Any]] ?? []
        return subcommands.filter { ($0["shouldDisplay"] as? Bool ?? true) && $0["commandName"] as? String != "help" }.map { command in
            let arguments = command["arguments"] as? [[String: Any]] ?? []
            var options: Set<String> = []
            for argument in arguments where argument["kind"] as? String != "positional" && argument["shouldDisplay"] as? Bool ?? true {
                for name in argument["names"] as? [[String: Any]] ?? [] {
                    guard let spelled = name["name"] as? String else { continue }
                    options.insert((name["kind"] as? String == "short" ? "-" : "--") + spelled)
                }
            }
            return Command(name: command["commandName"] as? String ?? "", options: options.subtracting(["-h", "--help", "--version"]))
        }
    }

    /// The page's COMMANDS: each `.Ss NAME …` with the options of its heading and `.It` lines.
    static func documented(_ page: String) throws -> [Command] {
        let start = try #require(page.range(of: "\n.Sh COMMANDS\n"))
        let end = try #require(page.range(of: "\n.Sh ", range: start.upperBound..<page.endIndex))
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "\n.Ss ").dropFirst().map { block in
            let lines = block.split(separator: "\n")
            let macroLines = [lines.first ?? ""] + lines.filter { $0.hasPrefix(".It ") }
            var options: Set<String> = []
            for line in macroLines {
                let words = line.split(separator: " ")
                for (index, word) in words.enumerated() where word == "Fl" && index + 1 < words.count {
                    options.insert("-" + words[index + 1])
                }
            }
            return Command(name: String(lines.first?.split(separator: " ").first ?? ""), options: options)
        }
    }

    @Test func everyCommandAndOptionIsInThePageAndNothingElse() throws {
        let program = try Self.commands()
        let page = try Self.documented(try Self.page())
        try #require(program.count > 10, "the binary describes \(program.count) commands")
        #expect(page.map(\.name).sorted() == program.map(\.name).sorted(), "COMMANDS has a section per command, no other")
        for command in program {
            let described = page.first { $0.name == command.name }?.options ?? []
            #expect(command.options.subtracting(described).isEmpty,
                    "\(command.name): \(command.options.subtracting(described).sorted()) not in the page")
            #expect(described.subtracting(command.options).isEmpty,
                    "\(command.name): the page has \(described.subtracting(command.options).sorted()), which the program has not")
        }
    }

    @Test func theSectionsAReaderLooksFor() throws {
        let page = try Self.page()
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "KEYS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            #expect(page.contains("\n.Sh \(section)\n"), "no \(section)")
        }
        for variable in ["NO_COLOR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "EDITOR", "VISUAL", "TMPDIR", "TERM"] {
            #expect(page.contains("Ev \(variable)"), "ENVIRONMENT does not name \(variable)")
        }
        for status in ["0", "1", "2"] {
            #expect(page.contains("\n.It \(status)\n"), "EXIT STATUS does not say what \(status) means")
        }
        #expect(!page.contains("docs/"), "an installed page points at nothing in the repository")
        #expect(page.contains("👶"), "UTF-8 is kept")
    }

    @Test(.enabled(if: (try? Tmux.which("mandoc")) != nil, "mandoc is not installed (scripts/test installs it)"))
    func mandocLintIsClean() throws {
        let path = try Binary.packageRoot().appendingPathComponent("docs/interview.1").path
        let lint = try Binary.run(["-T", "lint", path], executable: try Tmux.which("mandoc"))
        #expect(lint.status == 0, "mandoc -T lint: \(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.isEmpty && lint.stderr.isEmpty, "mandoc -T lint: \(lint.stdout)\(lint.stderr)")
    }

    @Test(.enabled(if: (try? Tmux.which("man")) != nil, "man is not installed"))
    func manRendersItWithoutAWarning() throws {
        let path = try Binary.packageRoot().appendingPathComponent("docs/interview.1").path
        let rendered = try Binary.run(["-l", path], environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8"],
                                      executable: try Tmux.which("man"))
        #expect(rendered.status == 0, "man -l: \(rendered.stderr)")
        #expect(rendered.stderr.isEmpty, "man -l warns: \(rendered.stderr)")
        #expect(rendered.stdout.contains("EXAMPLES"))
        #expect(rendered.stdout.contains("👶"), "UTF-8 is kept")
    }
}
