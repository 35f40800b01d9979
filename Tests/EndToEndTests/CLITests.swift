import Foundation
import InterviewCore
import InterviewStore
import Testing

/// The command line as scripts use it: output, exit codes, and `FILE:LINE:COL:` errors.
@Suite("Command line", .serialized)
struct CLITests {
    /// A fresh folder for this test's files and XDG folders, so nothing touches the home folder.
    final class Scratch {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory
                .appendingPathComponent("interview-cli-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        var environment: [String: String] {
            ["XDG_DATA_HOME": url.appendingPathComponent("data").path,
             "XDG_CONFIG_HOME": url.appendingPathComponent("config").path]
        }

        func write(_ name: String, _ text: String) throws -> String {
            let path = url.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// Redirected, the screen commands would write escape codes into a file or spin on
    /// an input that has ended: they stop at once, exit 2, and save nothing.
    @Test func screenCommandsWithoutATerminalStopAndSaveNothing() throws {
        let scratch = try Scratch()
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "redirected", candidate: "Ada",
                                   interviewer: "Grace", startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        engine.perform(.toggleRubric(1), at: 10)
        let session = scratch.url.appendingPathComponent("unfinished.json")
        let saved = try engine.snapshot(at: 20).encoded()
        try saved.write(to: session)
        for arguments in [["run"], [], ["practice"], ["resume", session.path], ["replay", session.path], ["mirror", session.path]] {
            let result = try Binary.run(arguments, environment: scratch.environment, timeout: 10)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("this command needs a terminal, and neither standard input nor output is one"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments): nothing drawn into the pipe")
        }
        let pipedIn = try Binary.run(["run"], environment: scratch.environment, input: "n\n", timeout: 10)
        #expect(pipedIn.status == 2)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("data").path), "no session folder made")
        #expect(try Data(contentsOf: session) == saved, "the session file is untouched")
    }

    @Test func binaryIsFound() throws {
        // Fails (rather than skipping) when nothing was built: every other test here needs it.
        let path = try Binary.path()
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }

    @Test func banksListsTheBuiltInBank() throws {
        let scratch = try Scratch()
        let result = try Binary.run(["banks"], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("machine-learning") }
        let found = try #require(line, "no machine-learning line in: \(result.stdout)")
        #expect(found.contains("15 questions"))
        #expect(found.contains("45m"))
    }

    @Test func validateTheBuiltInBank() throws {
        let scratch = try Scratch()
        let result = try Binary.run(["validate", "machine-learning"], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("15 questions"))
        #expect(result.stdout.hasPrefix("machine-learning: "))
        #expect(result.stderr.isEmpty)
    }

    @Test func validateAGoodFile() throws {
        let scratch = try Scratch()
        let path = try scratch.write("good.md", """
            ---
            title: Tiny
            duration: 5m
            ---
            ## Only question?
            time: 3m
            ### Expected answer
            Yes.
            """)
        let result = try Binary.run(["validate", path], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\(path): Tiny: 1 questions"))
    }

    @Test func validateABrokenFileNamesThePlace() throws {
        let scratch = try Scratch()
        let path = try scratch.write("broken.md", """
            ---
            title: Broken
            ---
            ## A question
            ### Expected answer
            Yes.
            ### Notes
            Oops.
            """)
        let result = try Binary.run(["validate", path], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):7:5:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("unknown section 'Notes'"))
    }

    @Test func validateInvalidUTF8() throws {
        let scratch = try Scratch()
        let path = scratch.url.appendingPathComponent("binary.md").path
        try Data(Array("---\ntitle: T\n".utf8) + [0x66, 0xFF]).write(to: URL(fileURLWithPath: path))
        let result = try Binary.run(["validate", path], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):3:2: invalid UTF-8"), "stderr: \(result.stderr)")
    }

    @Test func validateChecksEveryBankAndFailsIfAnyFails() throws {
        let scratch = try Scratch()
        let broken = try scratch.write("broken.md", "no front matter\n")
        let result = try Binary.run(["validate", broken, "machine-learning"], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(broken):1:1:"), "stderr: \(result.stderr)")
        #expect(result.stdout.contains("machine-learning: "), "the good bank is still reported")
    }

    @Test func validateAMissingFile() throws {
        let scratch = try Scratch()
        let path = scratch.url.appendingPathComponent("nope.md").path
        let result = try Binary.run(["validate", path], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path): no such file"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("no such file"))
    }

    @Test func version() throws {
        let scratch = try Scratch()
        let result = try Binary.run(["--version"], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty)
        #expect(version.first?.isNumber == true, "version: \(version)")
    }

    @Test func validateWithoutABankIsBadUsage() throws {
        let scratch = try Scratch()
        let result = try Binary.run(["validate"], environment: scratch.environment)
        #expect(result.stderr.contains("Missing expected argument"), "stderr: \(result.stderr)")
        #expect(result.status == 2, "README: exit 2 on bad usage")
    }
}
