import Testing

/// `--help` as a new user reads it: examples to copy on every command, each of them a
/// command line the program takes (its options checked against the command's own, as
/// the binary describes them); placeholders that say what goes there; the same
/// `-o/--output` on every command that writes a file.
@Suite("--help")
struct HelpEndToEndTests {
    /// The command an example line runs (`run` when it names none) and the options it uses.
    static func parse(_ example: String, commands: [String]) -> (command: String, options: [String])? {
        guard let start = example.range(of: "interview ") else { return nil }
        let words = example[start.upperBound...].split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        let command = commands.contains(first) ? first : "run"
        let options = words.filter { $0.hasPrefix("-") && $0.count > 1 }.map { String($0.prefix { $0 != "=" }) }
        return (command, options)
    }

    @Test func everyCommandHasExamplesThatItTakes() throws {
        let commands = try ManPageEndToEndTests.commands()
        let names = commands.map(\.name)
        for name in [nil] + names {
            let help = try Binary.run((name.map { [$0] } ?? []) + ["--help"])
            #expect(help.status == 0)
            let what = name ?? "interview"
            let block = try #require(help.stdout.components(separatedBy: "\nExamples:\n").dropFirst().first, "\(what) --help has no examples")
            let examples = block.split(separator: "\n").prefix { $0.hasPrefix("  ") }.map(String.init)
            #expect(!examples.isEmpty, "\(what) --help has no examples")
            for example in examples {
                guard let (command, options) = Self.parse(example, commands: names) else { continue }
                let known = commands.first { $0.name == command }?.options ?? []
                for option in options {
                    #expect(known.contains(option), "\(what) --help: \(example): \(command) has no \(option)")
                }
            }
            #expect(!help.stdout.contains("\\"), "\(what) --help shows a stray backslash")
        }
    }

    @Test func placeholdersSayWhatTheyTake() throws {
        for command in ["report", "debrief", "stats", "run", "replay"] {
            let help = try Binary.run([command, "--help"]).stdout
            for generic in ["<format>", "<out>", "<output>", "<mode>", "<candidate-clock>", "<speed>", "<duration>"] {
                #expect(!help.contains(generic), "\(command) --help: \(generic) says nothing of what it takes")
            }
        }
        #expect(try Binary.run(["report", "--help"]).stdout.contains("--format <markdown|html|json>"))
        #expect(try Binary.run(["stats", "--help"]).stdout.contains("--format <table|csv|json>"))
    }

    @Test func everyCommandThatWritesAFileTakesDashOOutput() throws {
        let commands = try ManPageEndToEndTests.commands()
        for name in ["run", "report", "debrief", "import"] {
            let options = try #require(commands.first { $0.name == name }).options
            #expect(options.isSuperset(of: ["-o", "--output"]), "\(name): \(options.sorted())")
        }
        #expect(try #require(commands.first { $0.name == "run" }).options.contains("--out"), "run keeps --out, its first name")
    }
}
