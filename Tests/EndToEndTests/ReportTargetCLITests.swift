import Foundation
import Testing
import InterviewCore

/// `report -o` writes new files and its own earlier reports; any other file takes
/// `--force`, a session never, and the sessions folder only with `--force`.
@Suite("report -o: where a report may go", .serialized)
struct ReportTargetCLITests {
    typealias Scratch = CLITests.Scratch

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test func aNewFileThenItsOwnReportAgainThenNotSomeoneElsesFile() throws {
        let scratch = try Scratch()
        let session = try ReportCLITests.writeSession("ada.json", candidate: "Ada", in: scratch.url)
        let out = scratch.url.appendingPathComponent("ada.md").path
        let first = try Binary.run(["report", session, "-o", out], environment: scratch.environment)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let record = scratch.url.appendingPathComponent("data/interview/reports-written").path
        #expect(try String(contentsOfFile: record, encoding: .utf8) == ReportTargetCLITests.canonical(out) + "\n")
        #expect(Self.mode(record) == 0o600)

        let again = try Binary.run(["report", session, "--format", "html", "-o", out], environment: scratch.environment)
        #expect(again.status == 0, "its own report is replaced: \(again.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").count == 1, "recorded once")

        let notes = try scratch.write("notes.md", "# my own notes\n")
        let refused = try Binary.run(["report", session, "-o", notes], environment: scratch.environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(notes): exists and is not a report interview wrote"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "# my own notes\n", "untouched")
        #expect(refused.stdout.isEmpty)

        let forced = try Binary.run(["report", session, "-o", notes, "--force"], environment: scratch.environment)
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8).hasPrefix("# Interview scorecard: Ada"))
    }

    @Test func neverOverASessionEvenWithForceNorADamagedOne() throws {
        let scratch = try Scratch()
        let session = try ReportCLITests.writeSession("ada.json", candidate: "Ada", in: scratch.url)
        let other = try ReportCLITests.writeSession("bob.json", candidate: "Bob", in: scratch.url, day: 1)
        let damaged = try ReportCLITests.corrupt("damaged.json", in: scratch.url)
        let sessionJSON = try scratch.write("plain.json", "{\"format\": \"interview-session\", \"version\": 99}")
        for target in [other, damaged, sessionJSON] {
            let before = try Data(contentsOf: URL(fileURLWithPath: target))
            for force in [false, true] {
                let result = try Binary.run(["report", session, "--format", "json", "-o", target] + (force ? ["--force"] : []),
                                            environment: scratch.environment)
                #expect(result.status == 2, "\(target) force \(force)")
                #expect(result.stderr.contains("\(target): is a session file"), "\(result.stderr)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
            }
        }
        // A link to a session is refused too; the link stays a link.
        let link = scratch.url.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: other)
        let result = try Binary.run(["report", session, "-o", link, "--force"], environment: scratch.environment)
        #expect(result.status == 2)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == other)
    }

    @Test func notIntoTheSessionsFolderUnlessForced() throws {
        let scratch = try Scratch()
        let folder = scratch.url.appendingPathComponent("data/interview/sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let session = try ReportCLITests.writeSession("ada.json", candidate: "Ada", in: folder)
        for out in [folder.appendingPathComponent("ada.md").path, folder.path + "/"] {
            let result = try Binary.run(["report", session, "-o", out], environment: scratch.environment)
            #expect(result.status == 2, "\(out)")
            #expect(result.stderr.contains("is in the sessions folder: expected a report outside \(folder.path)"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ada.json"])
        }
        let forced = try Binary.run(["report", session, "-o", folder.appendingPathComponent("ada.md").path, "--force"],
                                    environment: scratch.environment)
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["ada.json", "ada.md"])
    }

    @Test func oneFilePerSessionIntoAFolderFollowsTheSameRules() throws {
        let scratch = try Scratch()
        let a = try ReportCLITests.writeSession("ada.json", candidate: "Ada", in: scratch.url)
        let b = try ReportCLITests.writeSession("bob.json", candidate: "Bob", in: scratch.url, day: 1)
        let reports = scratch.url.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let foreign = reports.appendingPathComponent("bob.md").path
        try Data("someone's file\n".utf8).write(to: URL(fileURLWithPath: foreign))
        let refused = try Binary.run(["report", a, b, "-o", reports.path + "/"], environment: scratch.environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(foreign): exists and is not a report"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path) == ["bob.md"], "nothing written at all")
        try FileManager.default.removeItem(atPath: foreign)
        let first = try Binary.run(["report", a, b, "-o", reports.path + "/"], environment: scratch.environment)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let second = try Binary.run(["report", a, b, "-o", reports.path + "/"], environment: scratch.environment)
        #expect(second.status == 0, "its own reports again: \(second.stderr)")
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
