import Foundation
import Testing
import InterviewCore
import InterviewReports

/// `interview stats` with its formats and filters, and `interview debrief`, as scripts run them.
@Suite("Stats formats and debrief commands", .serialized)
struct AfterInterviewCLITests {
    /// Sessions of `candidate` by `interviewer` in `folder`, written as the program writes them.
    static func write(_ name: String, candidate: String, interviewer: String, day: Int, rating: Int, in folder: URL,
                      nothing: Bool = false) throws -> String {
        let bank = try BankParser.parse(bytes: Array(ReportCLITests.bankText.utf8), file: "tiny.md")
        var engine = SessionEngine(bank: bank, id: "id-\(name)", candidate: candidate, interviewer: interviewer,
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(day) * 86_400))
        if !nothing {
            engine.perform(.toggleRubric(0), at: 10)
            engine.perform(.rate(rating), at: 100)
            engine.perform(.next, at: 150)
            engine.perform(.rate(rating == 4 ? 1 : 4), at: 200)
            engine.perform(.wrapUp, at: 210)
            engine.perform(.recommend(rating), at: 220)
            engine.perform(.setClosingNotes([NoteLine(at: 1, text: "Sure -> next round")]), at: 225)
        }
        engine.perform(.end, at: 230)
        let path = folder.appendingPathComponent(name).path
        try engine.snapshot(at: 230).encoded().write(to: URL(fileURLWithPath: path))
        return path
    }

    static func folder(_ scratch: CLITests.Scratch) throws -> URL {
        let folder = scratch.url.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try write("a.json", candidate: "Ada", interviewer: "Grace Hopper", day: 0, rating: 3, in: folder)
        _ = try write("b.json", candidate: "Ada", interviewer: "Alan Turing", day: 1, rating: 1, in: folder)
        _ = try write("c.json", candidate: "Bob", interviewer: "Grace Hopper", day: 2, rating: 4, in: folder)
        _ = try write("d.json", candidate: "Cy", interviewer: "Grace Hopper", day: 3, rating: 4, in: folder, nothing: true)
        return folder
    }

    @Test func statsFormatsAndFilters() throws {
        let scratch = try CLITests.Scratch()
        let folder = try Self.folder(scratch)
        let table = try Binary.run(["stats", folder.path], environment: scratch.environment)
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.hasPrefix("3 sessions in \(folder.path) (1 with nothing recorded left out)\n"), "\(table.stdout)")
        #expect(table.stdout.contains("INTERVIEWER"))

        let csv = try Binary.run(["stats", folder.path, "--format", "csv", "--interviewer", "grace"], environment: scratch.environment)
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first.map(String.init) == SessionStats.sessionColumns.joined(separator: ","))
        #expect(lines.count == 3, "a header, Ada's and Bob's sessions with Grace: \(csv.stdout)")

        let questions = try Binary.run(["stats", folder.path, "--format", "csv", "--questions", "--since", "2027-01-16"],
                                       environment: scratch.environment)
        #expect(questions.stdout.split(separator: "\n").first.map(String.init) == SessionStats.questionColumns.joined(separator: ","))

        let json = try Binary.run(["stats", folder.path, "--format", "json", "--candidate", "ada", "--mode", "live"],
                                  environment: scratch.environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["sessions"] as? [[String: Any]])?.map { $0["interviewer"] as? String } == ["Grace Hopper", "Alan Turing"])
        #expect(object["questions"] is [Any])

        for (option, value) in [("--since", "2027-1-16"), ("--until", "16/01/2027")] {
            let bad = try Binary.run(["stats", folder.path, option, value], environment: scratch.environment)
            #expect(bad.status == 2)
            #expect(bad.stderr.hasPrefix("interview: \(option): '\(value)': "), "\(bad.stderr)")
            #expect(bad.stdout.isEmpty)
        }
        let unknown = try Binary.run(["stats", folder.path, "--format", "xml"], environment: scratch.environment)
        #expect(unknown.status == 2)
        let mode = try Binary.run(["stats", folder.path, "--mode", "dream"], environment: scratch.environment)
        #expect(mode.status == 2)
    }

    @Test func debriefOfOneCandidate() throws {
        let scratch = try CLITests.Scratch()
        let folder = try Self.folder(scratch)
        let a = folder.appendingPathComponent("a.json").path, b = folder.appendingPathComponent("b.json").path
        let markdown = try Binary.run(["debrief", a, b], environment: scratch.environment)
        #expect(markdown.status == 0, "stderr: \(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Debrief: Ada\n"))
        #expect(markdown.stdout.contains("| | Grace Hopper | Alan Turing |"))
        #expect(markdown.stdout.contains("- Sure -> next round"), "-> as typed")
        #expect(markdown.stdout.contains("- Recommendation: Grace Hopper 3 yes, Alan Turing 1 strong no"))

        let out = scratch.url.appendingPathComponent("ada-debrief.html").path
        let html = try Binary.run(["debrief", a, b, "--format", "html", "-o", out], environment: scratch.environment)
        #expect(html.status == 0, "stderr: \(html.stderr)")
        #expect(html.stdout == out + "\n")
        #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

        let json = try Binary.run(["debrief", a, b, "--format", "json"], environment: scratch.environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["sessions"] as? [Any])?.count == 2)
    }

    @Test func debriefRefusesTwoCandidatesAndNeverWritesOverASession() throws {
        let scratch = try CLITests.Scratch()
        let folder = try Self.folder(scratch)
        let a = folder.appendingPathComponent("a.json").path, c = folder.appendingPathComponent("c.json").path
        let out = scratch.url.appendingPathComponent("out.md").path
        let two = try Binary.run(["debrief", a, c, "-o", out], environment: scratch.environment)
        #expect(two.status == 2)
        #expect(two.stderr == "interview: \(c): is a session of \"Bob\", and \(a) of \"Ada\": expected sessions of one candidate\n")
        #expect(!FileManager.default.fileExists(atPath: out))

        let before = try Data(contentsOf: URL(fileURLWithPath: c))
        for target in [a, c] {
            let over = try Binary.run(["debrief", a, "-o", target], environment: scratch.environment)
            #expect(over.status == 2, "\(target)")
            #expect(over.stderr.contains("is a session file"), "\(over.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: c)) == before)
        let intoFolder = try Binary.run(["debrief", a, "-o", folder.path], environment: scratch.environment)
        #expect(intoFolder.status == 2)

        let missing = try Binary.run(["debrief", a, folder.appendingPathComponent("nope.json").path], environment: scratch.environment)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json: no such file"))
    }
}
