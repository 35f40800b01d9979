import Foundation
import Testing
import InterviewCore

/// `interview report` and `interview stats` as scripts run them.
@Suite("Report and stats commands", .serialized)
struct ReportCLITests {
    static let bankText = """
    ---
    title: Tiny report bank
    duration: 10m
    ---
    ## What is overfitting?
    time: 2m
    ### Expected answer
    Fitting noise.
    ### Rubric
    - [ ] Defines it
    - [ ] Names a remedy

    ## What is a validation set?
    time: 1m
    ### Expected answer
    Held out data.
    """

    /// A completed session for `candidate`, saved as `name` in `folder`.
    static func writeSession(_ name: String, candidate: String, in folder: URL, day: Int = 0) throws -> String {
        let bank = try BankParser.parse(bytes: Array(bankText.utf8), file: "tiny.md")
        var engine = SessionEngine(bank: bank, id: "id-\(candidate)", candidate: candidate, interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(day) * 86_400))
        engine.perform(.toggleRubric(1), at: 10)
        engine.perform(.setNotes([NoteLine(at: 12, text: "mentions <script>alert(1)</script> and \u{1B}[31mred")]), at: 20)
        engine.perform(.rate(3), at: 100)
        engine.perform(.next, at: 150)
        engine.perform(.rate(2), at: 200)
        engine.perform(.wrapUp, at: 210)
        engine.perform(.recommend(3), at: 220)
        engine.perform(.end, at: 230)
        let path = folder.appendingPathComponent(name).path
        try engine.snapshot(at: 230).encoded().write(to: URL(fileURLWithPath: path))
        return path
    }

    static func corrupt(_ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data("{\n  \"format\" : \"interview-session\",\n  \"version\" : 1,\n  \"id\" : ".utf8)
            .write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func reportPrintsMarkdown() throws {
        let scratch = try CLITests.Scratch()
        let session = try Self.writeSession("ada.json", candidate: "Ada", in: scratch.url)
        let result = try Binary.run(["report", session], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("# Interview scorecard: Ada\n"))
        #expect(result.stdout.contains("## Recommendation: 3 yes"))
        #expect(result.stdout.contains("| 1 | What is overfitting? | 3 yes | 02:30/02:00 +00:30 over | 1/2 |"))
        #expect(result.stdout.contains("\\<script>alert(1)\\</script>"), "raw HTML escaped where it would act")
        #expect(!result.stdout.contains("\u{1B}"), "no raw escape reaches the terminal")
        #expect(result.stderr.isEmpty)
    }

    @Test func reportWritesAPrivateHTMLFile() throws {
        let scratch = try CLITests.Scratch()
        let session = try Self.writeSession("ada.json", candidate: "Ada", in: scratch.url)
        let out = scratch.url.appendingPathComponent("ada.html").path
        let result = try Binary.run(["report", session, "--format", "html", "-o", out], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func reportOfSeveralSessionsIntoAFolderWritesOneFileEach() throws {
        let scratch = try CLITests.Scratch()
        let a = try Self.writeSession("ada.json", candidate: "Ada", in: scratch.url)
        let b = try Self.writeSession("bob.json", candidate: "Bob", in: scratch.url, day: 1)
        let folder = scratch.url.appendingPathComponent("reports").path + "/"
        let result = try Binary.run(["report", a, b, "--format", "json", "-o", folder], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for name in ["ada", "bob"] {
            let path = folder + name + ".report.json"
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect((object?["sessions"] as? [Any])?.count == 1)
            #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
        let combined = try Binary.run(["report", a, b, "--format", "json"], environment: scratch.environment)
        let object = try JSONSerialization.jsonObject(with: Data(combined.stdout.utf8)) as? [String: Any]
        #expect((object?["sessions"] as? [[String: Any]])?.map { $0["candidate"] as? String } == ["Ada", "Bob"])
    }

    @Test func reportOfACorruptFileExits2AndWritesNothing() throws {
        let scratch = try CLITests.Scratch()
        let good = try Self.writeSession("ada.json", candidate: "Ada", in: scratch.url)
        let bad = try Self.corrupt("bad.json", in: scratch.url)
        let out = scratch.url.appendingPathComponent("out.md").path
        let result = try Binary.run(["report", good, bad, "-o", out], environment: scratch.environment)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(bad):4:"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(result.stdout.isEmpty)

        let missing = try Binary.run(["report", scratch.url.appendingPathComponent("nope.json").path],
                                     environment: scratch.environment)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json: no such file"))
    }

    @Test func reportNeverWritesOverASession() throws {
        let scratch = try CLITests.Scratch()
        let session = try Self.writeSession("ada.json", candidate: "Ada", in: scratch.url)
        let before = try Data(contentsOf: URL(fileURLWithPath: session))
        let result = try Binary.run(["report", session, "--format", "json", "-o", session], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: session)) == before)
    }

    @Test func statsSkipsACorruptFileAndExits1() throws {
        let scratch = try CLITests.Scratch()
        let folder = scratch.url.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try Self.writeSession("ada.json", candidate: "Ada", in: folder)
        _ = try Self.writeSession("bob.json", candidate: "Bob", in: folder, day: 1)
        let bad = try Self.corrupt("bad.json", in: folder)
        let result = try Binary.run(["stats", folder.path], environment: scratch.environment)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("2 sessions in \(folder.path) (1 file skipped)"), "\(result.stdout)")
        #expect(result.stdout.contains("Ada") && result.stdout.contains("Bob"))
        #expect(result.stdout.contains("Tiny report bank: 2 sessions"))
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("\(bad):4:") == true, "\(result.stderr)")

        try FileManager.default.removeItem(atPath: bad)
        let clean = try Binary.run(["stats", folder.path], environment: scratch.environment)
        #expect(clean.status == 0, "stderr: \(clean.stderr)")
        #expect(clean.stderr.isEmpty)
    }

    @Test func statsDefaultsToTheSessionsFolder() throws {
        let scratch = try CLITests.Scratch()
        let empty = try Binary.run(["stats"], environment: scratch.environment)
        #expect(empty.status == 0, "stderr: \(empty.stderr)")
        #expect(empty.stdout.hasPrefix("No sessions in "))
        let folder = scratch.url.appendingPathComponent("data/interview/sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try Self.writeSession("ada.json", candidate: "Ada", in: folder)
        let result = try Binary.run(["stats"], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Ada"))

        let missing = try Binary.run(["stats", scratch.url.appendingPathComponent("nowhere").path], environment: scratch.environment)
        #expect(missing.status == 2)
    }
}
