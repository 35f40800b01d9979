import Foundation
import InterviewCore
import Testing

/// Banks as a library, from the command line: `new`, `validate` that helps an author,
/// banks by name from one's own folder and a team's, config.toml's defaults, and a
/// mistyped command.
@Suite("Banks as a library", .serialized)
struct BankLibraryEndToEndTests {
    typealias Scratch = CLITests.Scratch

    static let goodBank = """
        ---
        title: Backend screen
        duration: 10m
        ---
        ## Design a rate limiter.
        time: 5m
        ### Expected answer
        A token bucket.
        ### Rubric
        - [ ] Names an algorithm

        """

    @Test func newThenValidatePasses() throws {
        let scratch = try Scratch()
        let path = scratch.url.appendingPathComponent("backend-screen.md").path
        let new = try Binary.run(["new", path], environment: scratch.environment)
        #expect(new.status == 0, "stderr: \(new.stderr)")
        #expect(new.stdout.contains("Wrote a starter bank to \(path)"))
        let validate = try Binary.run(["validate", "--strict", path], environment: scratch.environment)
        #expect(validate.status == 0, "stderr: \(validate.stderr)")
        #expect(validate.stdout == "\(path): Backend screen: 2 questions, 10m of question time for a 10m interview\n")
        #expect(validate.stderr.isEmpty, "no warning either: \(validate.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o600 } == 0o600)
    }

    @Test func newNeverOverwrites() throws {
        let scratch = try Scratch()
        let path = try scratch.write("mine.md", "my own words\n")
        let result = try Binary.run(["new", path], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr == "interview: \(path): already exists: expected a new file (nothing was written)\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my own words\n")
    }

    @Test func newFromACopiesTheBankByteForByte() throws {
        let scratch = try Scratch()
        let path = scratch.url.appendingPathComponent("sub/ml.md").path
        let result = try Binary.run(["new", path, "--from", "machine-learning"], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let builtIn = try Data(contentsOf: Binary.packageRoot().appendingPathComponent("Sources/InterviewStore/Resources/Banks/machine-learning.md"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == builtIn)
        let missing = try Binary.run(["new", scratch.url.appendingPathComponent("x.md").path, "--from", "no-such-bank"],
                                     environment: scratch.environment)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-bank: no such file or bank"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("x.md").path))
    }

    @Test func validateReportsEveryErrorOfAFileAtOnce() throws {
        let scratch = try Scratch()
        let path = try scratch.write("broken.md", """
            ---
            title: Broken
            duration: an hour
            ---
            ## First?
            ### Expected answer
            Yes.
            ### Notes
            Oops.
            ## Second?
            time: soon
            ### Expected answer
            No.
            """)
        let result = try Binary.run(["validate", path], environment: scratch.environment)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3 + 2, "three errors, then a warning for each question without a rubric: \(result.stderr)")
        #expect(lines.prefix(3) == [
            "interview: \(path):3:11: bad duration 'an hour': expected a duration like 45m, 1h30m or 90s",
            "interview: \(path):8:5: unknown section 'Notes': expected one of Why ask, Expected answer, How to evaluate, Rubric, Follow-ups, Ratings",
            "interview: \(path):11:7: bad time 'soon': expected a duration like 3m, 2m30s or 90s",
        ])
        #expect(result.stdout.isEmpty)
    }

    @Test func warningsLeaveTheStatusZeroUnlessStrict() throws {
        let scratch = try Scratch()
        let path = try scratch.write("long.md", """
            ---
            title: Too long
            duration: 20m
            ---
            ## One?
            time: 25m
            ### Expected answer
            - a
            \t- tab-indented
            ### Rubric
            - [ ] x
            ## Two?
            time: 15m
            ### Expected answer
            B
            """)
        let lenient = try Binary.run(["validate", path], environment: scratch.environment)
        #expect(lenient.status == 0, "stderr: \(lenient.stderr)")
        #expect(lenient.stdout == "\(path): Too long: 2 questions, 40m of question time for a 20m interview; 3 warnings\n")
        #expect(lenient.stderr.split(separator: "\n") == [
            "interview: \(path):3:11: warning: the questions' times add up to 40m, over the 20m duration: expected them to fit, or a longer duration",
            "interview: \(path):9:1: warning: a tab in the indentation: it counts as four spaces; expected spaces, which read the same in every editor",
            "interview: \(path):12:1: warning: this question has no rubric: expected a '### Rubric' section with the points to tick off",
        ])
        let strict = try Binary.run(["validate", "--strict", path], environment: scratch.environment)
        #expect(strict.status == 2)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr == lenient.stderr)
    }

    @Test func theMissingClosingLineIsNamed() throws {
        let scratch = try Scratch()
        let path = try scratch.write("open.md", "---\ntitle: Open\n## Q?\nid: q\n### Expected answer\nA\n### Rubric\n- [ ] x\n")
        let result = try Binary.run(["validate", path], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr == "interview: \(path):3:1: unterminated front matter: expected a line '---' before the first question, to close the one on line 1\n")
    }

    @Test func validateAFolderChecksEveryBankInIt() throws {
        let scratch = try Scratch()
        let folder = scratch.url.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.goodBank.write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "no front matter\n".write(to: folder.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        try "# Our banks\n".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["validate", folder.path], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stdout == "\(folder.path)/a.md: Backend screen: 1 questions, 5m of question time for a 10m interview\n")
        #expect(result.stderr == "interview: \(folder.path)/b.md:1:1: expected front matter: a first line '---', then 'title: ...', then '---'\n")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("b.md"))
        #expect(try Binary.run(["validate", folder.path], environment: scratch.environment).status == 0)
    }

    @Test func aMistypedCommandIsNotTakenForABank() throws {
        let scratch = try Scratch()
        let result = try Binary.run(["imprt"], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr == "interview: unknown command or bank 'imprt'; did you mean 'import'?\n")
        let far = try Binary.run(["qwertyuiop"], environment: scratch.environment)
        #expect(far.status == 2)
        #expect(far.stderr.hasPrefix("interview: unknown command or bank 'qwertyuiop': expected a command"), "\(far.stderr)")
        // A bank's name and a file still run (here: stop for want of a terminal, after the bank was read).
        for bank in ["machine-learning", try scratch.write("here.md", Self.goodBank)] {
            let run = try Binary.run([bank], environment: scratch.environment)
            #expect(run.stderr.contains("this command needs a terminal"), "\(bank): \(run.stderr)")
        }
    }

    /// A team's folder in config.toml: its banks by name, listed with where they come from.
    @Test func aBankInATeamFolderRunsByName() throws {
        let scratch = try Scratch()
        let team = scratch.url.appendingPathComponent("team-banks")
        let own = scratch.url.appendingPathComponent("data/interview/banks")
        let config = scratch.url.appendingPathComponent("config/interview")
        for folder in [team, own, config] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Self.goodBank.write(to: team.appendingPathComponent("backend.md"), atomically: true, encoding: .utf8)
        try Self.goodBank.replacingOccurrences(of: "Backend screen", with: "Mine")
            .write(to: own.appendingPathComponent("mine.md"), atomically: true, encoding: .utf8)
        try "banks = [\"\(team.path)\"]\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)

        let validate = try Binary.run(["validate", "backend"], environment: scratch.environment)
        #expect(validate.status == 0, "stderr: \(validate.stderr)")
        #expect(validate.stdout.hasPrefix("backend: Backend screen: 1 questions"))
        let banks = try Binary.run(["banks"], environment: scratch.environment)
        #expect(banks.status == 0, "stderr: \(banks.stderr)")
        #expect(banks.stdout.split(separator: "\n") == [
            "backend           Backend screen             1 questions   10m  \(team.path)/backend.md",
            "machine-learning  Machine learning engineer  15 questions  45m  built-in",
            "mine              Mine                       1 questions   10m  \(own.path)/mine.md",
        ])

        // The same name in one's own folder too: an error naming both files.
        try Self.goodBank.write(to: own.appendingPathComponent("backend.md"), atomically: true, encoding: .utf8)
        let clash = try Binary.run(["validate", "backend"], environment: scratch.environment)
        #expect(clash.status == 2)
        #expect(clash.stderr == "interview: \(own.path)/backend.md: the bank name 'backend' is also \(team.path)/backend.md: "
                + "expected one file per name (rename one, or take its folder out of banks in config.toml)\n")
        #expect(try Binary.run(["banks"], environment: scratch.environment).status == 2)
    }

    @Test func configMistakesNameTheirPlace() throws {
        let scratch = try Scratch()
        let config = scratch.url.appendingPathComponent("config/interview")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let file = config.appendingPathComponent("config.toml")
        for (text, message) in [
            ("interviewer = \"Ada\"\nduration = 45\n", "\(file.path):2:12: duration is 45: expected a duration in quotes"),
            ("bnaks = [\"x\"]\n", "\(file.path):1:1: unknown key \"bnaks\" (did you mean \"banks\"?) in config.toml"),
            ("banks = [\"~/nowhere\"]\n", "\(file.path):1:9: no folder '~/nowhere' ("),
        ] {
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try Binary.run(["run", "machine-learning"], environment: scratch.environment)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("interview: " + message), "\(text): \(result.stderr)")
        }
    }

    /// `run NAME` with a bank of the team's folder and config.toml's interviewer, in a terminal.
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func runByNameWithConfigDefaults() throws {
        let tmux = try Tmux()
        let team = tmux.home.appendingPathComponent("team-banks")
        let config = tmux.home.appendingPathComponent("config/interview")
        for folder in [team, config] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Self.goodBank.write(to: team.appendingPathComponent("backend.md"), atomically: true, encoding: .utf8)
        try "banks = [\"../../team-banks\"]\ninterviewer = \"Grace\"\nduration = \"7m\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try tmux.start(["run", "--now", "backend", "--candidate", "Ada"])
        try tmux.waitFor("Question 1/1")
        let screen = try tmux.screen()
        #expect(screen.contains("Design a rate limiter."), "\(screen)")
        #expect(screen.contains("/07:00"), "config.toml's duration: \(screen)")
        let saved = { () -> [String: Any]? in
            guard let file = tmux.sessionFiles().first, let data = try? Data(contentsOf: file) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
        #expect(tmux.waitUntil { saved() != nil }, "the first save")
        #expect(saved()?["interviewer"] as? String == "Grace", "config.toml's interviewer")
        try tmux.command("q", "l")
    }
}
