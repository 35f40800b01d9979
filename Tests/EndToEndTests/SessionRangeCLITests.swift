import Foundation
import Testing
import InterviewCore

/// The inputs that crashed commands (SIGILL, exit 132) before every number of a session
/// was range-checked: now each is one line naming FILE:LINE:COL, exit 2 (stats: the file
/// skipped and named, exit 1), and the mirror says what is wrong on its screen and keeps trying.
@Suite("Session files that crashed commands", .serialized)
struct SessionRangeCLITests {
    /// A session as the program writes it, then edited: the edit's name and the text.
    static func crashInputs(in folder: URL) throws -> [(name: String, path: String, line: Int)] {
        let source = try ReportCLITests.writeSession("source.json", candidate: "Ada", in: folder)
        let text = try String(contentsOfFile: source, encoding: .utf8)
        try FileManager.default.removeItem(atPath: source)
        var lines = text.components(separatedBy: "\n")
        func edited(_ name: String, _ marker: String, _ replace: (String) -> String) throws -> (String, String, Int) {
            var copy = lines
            let index = try #require(copy.firstIndex { $0.contains(marker) }, "\(marker)")
            copy[index] = replace(copy[index])
            let path = folder.appendingPathComponent(name + ".json").path
            try Data(copy.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
            return (name, path, index + 1)
        }
        func number(_ line: String, _ value: String) -> String {
            let head = line[..<line.range(of: " : ")!.upperBound]
            return head + value + (line.hasSuffix(",") ? "," : "")
        }
        // The second event (the first is "started" at 0).
        let events = try #require(lines.firstIndex(of: "  \"events\" : ["))
        let secondAt = try #require(lines[events...].enumerated().filter { $0.element.hasPrefix("      \"at\" : ") }.dropFirst().first).element
        var inputs: [(String, String, Int)] = []
        for (name, value) in [("event-at-1e300", "1e300"), ("event-at-minus-1e300", "-1e300"), ("event-at-negative", "-5")] {
            inputs.append(try edited(name, secondAt) { number($0, value) })
        }
        inputs.append(try edited("clock-1e19", "\"clockSeconds\" : ") { number($0, "1e19") })
        inputs.append(try edited("time-int-max", "\"timeSeconds\" : ") { number($0, "9223372036854775807") })
        inputs.append(try edited("duration-int-max", "\"durationSeconds\" : ") { number($0, "9223372036854775807") })
        // No questions at all: the array emptied (events kept: their indices are then out of range too).
        let questions = try #require(lines.firstIndex(of: "  \"questions\" : ["))
        let end = try #require(lines[questions...].firstIndex { $0 == "  ]," || $0 == "  ]" })
        lines.replaceSubrange(questions...end, with: ["  \"questions\" : [", lines[end]])
        let path = folder.appendingPathComponent("no-questions.json").path
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        inputs.append(("no-questions", path, questions + 1))
        return inputs
    }

    @Test func reportResumeAndReplayRefuseEachWithItsPlace() throws {
        let scratch = try CLITests.Scratch()
        for input in try Self.crashInputs(in: scratch.url) {
            for command in ["report", "resume", "replay"] {
                let result = try Binary.run([command, input.path], environment: scratch.environment)
                #expect(result.status == 2, "\(command) \(input.name): \(result.status) \(result.stderr)")
                #expect(result.stderr.hasPrefix("interview: \(input.path):\(input.line):"), "\(command) \(input.name): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
                #expect(!result.stderr.contains("Fatal error"))
            }
        }
    }

    @Test func statsSkipsEachNamingItsPlace() throws {
        let scratch = try CLITests.Scratch()
        let folder = scratch.url.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inputs = try Self.crashInputs(in: folder)
        _ = try ReportCLITests.writeSession("good.json", candidate: "Bob", in: folder)
        let result = try Binary.run(["stats", folder.path], environment: scratch.environment)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1 session in \(folder.path) (\(inputs.count) files skipped)"), "\(result.stdout)")
        for input in inputs {
            #expect(result.stderr.contains("interview: \(input.path):\(input.line):"), "\(input.name): \(result.stderr)")
        }
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func theMirrorSaysWhatIsWrongAndGoesOn() throws {
        let tmux = try Tmux()
        for input in try Self.crashInputs(in: tmux.home) {
            try tmux.start(["mirror", input.path], name: input.name)
            // The message without the file's name (a candidate sees this screen).
            let screen = try tmux.waitFor("the session file cannot be read yet", in: input.name)
            #expect(screen.contains("expected"), "\(input.name): \(screen)")
            #expect(try tmux.isRunning(input.name), "\(input.name): the mirror goes on")
            try tmux.send("q", to: input.name)
        }
    }
}
